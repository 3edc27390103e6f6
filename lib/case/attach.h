/*
 * Results of other commands attached to a case (`case attach FILE.jsonl`): the file
 * is checked to be a complete riposte JSONL result (every line an object with "kind",
 * a "summary" line), hashed, and its summary kept in the journal, so that the report's
 * scope is written from what the tools found. No global state, thread-safe.
 */
#ifndef RP_CASE_ATTACH_H
#define RP_CASE_ATTACH_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_store;

/* An attached result, as loaded with the case. */
struct rp_attachment {
	int64_t time;
	char *name;              /* the file's name as given */
	char *sha256;
	char *source;            /* the summary's "kind" producer: scan, exfil, collect, ... */
	char *summary;           /* the summary line, JSON text */
	char *digest;            /* its scalar members for people: "files 14, encrypted 3" */
};

/* What rp_attach_parse found in a result file; owned (rp_attach_info_release). */
struct rp_attach_info {
	char sha256[65];         /* of the whole file */
	size_t lines;            /* non-empty lines */
	size_t bad_line;         /* RP_ERR_FORMAT: the 1-based line that is not a result */
	char *source;            /* the producer (see rp_attach_parse) */
	char *summary;           /* the last summary line, compact JSON */
};
/* Reads len bytes of JSONL. The producer is source if given, else the summary's
 * "command" or "tool", else the first line's kind. RP_ERR_FORMAT (bad_line set) when a
 * line is not a JSON object with "kind"; RP_ERR_NOTFOUND when there is no summary (the
 * run did not complete). */
int rp_attach_parse(const void *data, size_t len, const char *source,
    struct rp_attach_info *out);
void rp_attach_info_release(struct rp_attach_info *a);   /* accepts a zeroed struct */

/* Journals the attachment of file name (kind "attach"); text (optional) gets the
 * entry's sentence. */
int rp_case_attach(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *name, const struct rp_attach_info *a, struct rp_buf *text);

/* The scalar members of a summary (JSON text) for people: "files 14, encrypted 3".
 * A new string (caller frees; "" when summary is not a JSON object), or NULL when out
 * of memory. */
char *rp_attach_digest(const char *summary);

#endif
