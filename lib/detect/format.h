/*
 * Structure checks of file formats. Entropy cannot tell ciphertext from a zip, a
 * JPEG or an xz stream (Davies et al. 2021): the format's own structure can. Each
 * format here knows its signature (sniff) and how to verify its structure from a
 * sample (check): headers, trailers, indexes, chunk chains, checksums, marker rules.
 *
 * A check is called when the head carries the format's signature, and also when
 * only the file's extension claims the format (the head may be what was encrypted):
 * then it verifies what it still can (a trailer, an index) and says head_intact = 0.
 *
 * Checks read only through the sample (rp_sample_get / rp_sample_pread), never trust
 * a length or an offset read from the file without bounds checks (they parse
 * attacker-controlled bytes and are fuzzed), stay within RP_SAMPLE_PROBE_BUDGET and
 * allocate nothing. Thread-safe: all state is on the stack or in the sample.
 */
#ifndef RP_FORMAT_H
#define RP_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "detect/sample.h"

enum rp_fmt_status {
	RP_FMT_INTACT,     /* every structure examined is valid */
	RP_FMT_DAMAGED,    /* some structure that must be there is not valid */
	RP_FMT_UNKNOWN,    /* nothing of this format could be examined */
};

#define RP_FMT_REASON_LEN 160

struct rp_fmt_result {
	enum rp_fmt_status status;
	int head_intact;            /* the format's header is valid: 1, 0, or -1 not examined */
	int tail_intact;            /* its trailer or index (zip EOCD + central directory, PDF
	                               startxref/%%EOF, JPEG EOI, PNG IEND...): 1, 0, -1 */
	int body_checked;           /* the check examined content inside the sampled regions
	                               well enough that random stripes there would have shown */
	int truncated;              /* DAMAGED only because the file ends early: everything
	                               examined up to its end is valid (an interrupted copy
	                               or download, not encryption) */
	uint64_t damage_off;        /* where the first damage was found (DAMAGED) */
	char reason[RP_FMT_REASON_LEN];  /* what was verified, or what is wrong and where */
};

/* Format flags */
#define RP_FMTF_RANDOM 0x1   /* payload compressed or encrypted by design: high entropy is normal */
#define RP_FMTF_TEXT   0x2   /* a text format (the engine's text analysis applies) */

struct rp_format {
	const char *name;          /* short, lowercase: "zip", "pdf", "jpeg" */
	const char *exts;          /* space-separated lowercase extensions claiming it */
	unsigned flags;
	/* 1 when head (len bytes from offset 0) carries the format's signature */
	int (*sniff)(const unsigned char *head, size_t len);
	/* fills res; must set every field */
	void (*check)(struct rp_sample *s, struct rp_fmt_result *res);
};

extern const struct rp_format rp_formats[];
extern const size_t rp_nformats;

/* The first format whose signature the head carries, or NULL. */
const struct rp_format *rp_format_sniff(const unsigned char *head, size_t len);
/* The class of a file's head, for comparing a file before and after a write: the
 * name of the format whose signature it carries, "text" when its bytes are text
 * (UTF-8 or ASCII with no control bytes but tab, newline, carriage return, form
 * feed), or NULL when neither (random, or a binary without a known signature). */
const char *rp_format_class(const unsigned char *head, size_t len);
/* The format an extension (lowercase, no dot) claims, or NULL. */
const struct rp_format *rp_format_by_ext(const char *ext);
/* The format of that name ("gzip", "zip", ...), or NULL. */
const struct rp_format *rp_format_by_name(const char *name);

/*
 * Whether head, the first len bytes of a file that may go on beyond them (one still
 * being written, or of which only the head was read), begins a valid compressed
 * stream or archive as far as it goes: gzip, xz, zstd, zip or 7z, by its signature,
 * then that format's check on the head alone (what lies beyond the head counts as
 * not examined, not as missing); a zip's first entry must also be stored, encrypted,
 * of a compressed method, or deflated with data that decode. Returns the format's
 * name, or NULL when the head carries none of these signatures or fails its check.
 * res (optional) says what was verified or what is wrong. The xz and zstd checks
 * verify structure (headers, CRCs, the block chain), not the compressed data itself.
 * Allocates nothing; thread-safe.
 */
const char *rp_format_stream_head(const unsigned char *head, size_t len,
    struct rp_fmt_result *res);
/*
 * The zlib streams of a WOFF 1 font's compressed tables (fmt-font.c): DAMAGED when
 * one that starts in a sampled region does not inflate, INTACT when at least one was
 * examined, UNKNOWN otherwise (not a WOFF 1 head, no compressed table sampled). For
 * the engine, after the signature (sig.h) said WOFF 1. Allocates nothing; thread-safe.
 */
void rp_format_woff_tables(struct rp_sample *s, struct rp_fmt_result *res);
#endif
