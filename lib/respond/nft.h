/*
 * The nftables adapter: the only file that includes libnftables (isolate and watch's
 * --block-client both load their tables through it). It speaks nft's own language, a
 * script run by nft_run_cmd_from_buffer, because that is what an administrator reads
 * in `--dry-run` and `nft list ruleset`, and one script is one kernel transaction:
 * either all of it is in force or nothing changed. No nftables type leaks out.
 *
 * Needs CAP_NET_ADMIN in the current network namespace. Thread-safe in itself (one
 * libnftables context per call), but the kernel's tables are shared state.
 */
#ifndef RP_NFT_H
#define RP_NFT_H

#include "core/buf.h"

/* Runs one nft script. Its output (listings) is appended to out and the first line of
 * nft's message to err (both optional). Returns 0, RP_ERR_PERM (no CAP_NET_ADMIN),
 * RP_ERR_NOTFOUND (a table, chain or set the script names does not exist),
 * RP_ERR_NFT (rejected otherwise) or RP_ERR_NOMEM. */
int rp_nft_run(const char *script, struct rp_buf *out, struct rp_buf *err);

/* Lists the whole ruleset of the current network namespace as nft's JSON (`nft -j
 * list ruleset`) into out: read only, nothing is loaded. Errors as rp_nft_run. */
int rp_nft_list_json(struct rp_buf *out, struct rp_buf *err);

#endif
