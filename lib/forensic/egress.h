/*
 * Egress records for exfil: how many bytes went to addresses outside the local
 * networks. Formats, recognised by content:
 *  - nftables ruleset JSON (`nft -j list ruleset`): the counters of the rules of chains
 *    hooked at output (postrouting when no output chain counts), no times;
 *  - iptables-save -c: the counters of the rules of the OUTPUT chain, no times;
 *  - conntrack -L: per connection, the bytes of each direction whose destination is
 *    outside (needs nf_conntrack_acct), no times;
 *  - CSV flows "time,source,destination,bytes" (a header line is allowed; time ISO 8601
 *    or seconds since the epoch): the bytes to outside destinations within the window.
 * Outside means not loopback, RFC 1918, link-local, CGNAT 100.64/10, ULA fc00::/7,
 * multicast or unspecified. Pure, thread-safe; input untrusted (fuzzed).
 */
#ifndef RP_FX_EGRESS_H
#define RP_FX_EGRESS_H

#include <stddef.h>
#include <stdint.h>

struct rp_egress {
	char format[16];          /* "nftables", "iptables", "conntrack", "csv" */
	int timed;                /* records carry times (only csv) */
	uint64_t bytes_out;       /* bytes to outside addresses (in the window when timed) */
	uint64_t records;         /* rules, connections or flows read */
	uint64_t records_out;     /* of which counted */
	uint64_t skipped;         /* lines not understood */
	uint64_t top_bytes;       /* the largest single destination's bytes */
	char top_dest[64];        /* that destination ("" when unknown) */
};

/* 1 when the address (IPv4 or IPv6 text) is outside the local networks, 0 when local,
 * -1 when not an address. */
int rp_addr_outside(const char *addr);

/* Parses the record in data; RP_ERR_FORMAT when it is none of the formats. */
int rp_egress_parse(const char *data, size_t len, int64_t since, int64_t until,
    struct rp_egress *out);

#endif
