/*
 * Signatures of formats that have no structure check (lib/detect/fmt-*.c) but a
 * signature at a fixed place: fonts, gettext catalogs, shapefiles, dBase tables,
 * GeoPackages, OpenDocument templates, R data, PostScript... A file whose extension
 * claims one of them and whose head does not carry it has lost its type: encrypted
 * (its content random), partly encrypted (random regions), or merely misnamed.
 * Pure functions over static tables: thread-safe.
 */
#ifndef RP_SIG_H
#define RP_SIG_H

#include <stddef.h>
#include <stdint.h>

#define RP_SIGF_RANDOM 0x1   /* the body is random by design (Type 1 fonts' eexec part,
                                 * WOFF 2's Brotli stream) */

struct rp_sig {
	const char *name;        /* "truetype", "gettext", "shapefile"... */
	const char *exts;        /* space-separated lowercase extensions that claim it */
	unsigned flags;
	int (*match)(const unsigned char *head, size_t len);
	size_t min;              /* head length below which a mismatch proves nothing */
};

/* The signature an extension (lowercase, no dot) claims, or NULL. */
const struct rp_sig *rp_sig_by_ext(const char *ext);
/* The first signature the head carries, or NULL (only those whose match is strong:
 * four bytes or more). */
const struct rp_sig *rp_sig_sniff(const unsigned char *head, size_t len);
/* Whether head carries sig's signature. */
int rp_sig_match(const struct rp_sig *sig, const unsigned char *head, size_t len);
/*
 * Whether the body behind sig's signature in head (the first len bytes of a file of
 * size bytes) is random by design: always for RP_SIGF_RANDOM formats; for those whose
 * body is compressed only by choice (WOFF 1: zlib tables, or stored ones) when their
 * structure in head holds together and says so. 0 when head cannot tell.
 */
int rp_sig_random_body(const struct rp_sig *sig, const unsigned char *head, size_t len,
    uint64_t size);

#endif
