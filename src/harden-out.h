/*
 * What `harden` and `restore-check` share in the CLI: one harden run collected in
 * memory (the engine reports through callbacks; a run has a few dozen findings at
 * most), and its outputs in text, JSONL and CSV, and as the journal's data object.
 */
#ifndef RP_SRC_HARDEN_OUT_H
#define RP_SRC_HARDEN_OUT_H

#include <stddef.h>

#include "cli.h"
#include "core/buf.h"

struct hx_finding {
	char *id;
	int severity;             /* enum rp_hsev */
	char *file;               /* NULL for a socket or a state */
	unsigned line;
	char *evidence;
	const char *measure;      /* the catalogue's, or the finding's own (owned then) */
	char *measure_own;
	const char *reference;
};

struct hx_text {
	char *a, *b;              /* (id, reason) or (file, text) */
	unsigned line;
};

struct hx_run {
	char *root;               /* as given, "/" for the live system */
	char *root_abs;           /* resolved: what the case records */
	int live;
	struct hx_finding *f;
	size_t nf;
	struct hx_text *nc;       /* not checked: id, reason */
	size_t nnc;
	struct hx_text *notes;    /* file (may be NULL), text */
	size_t nnotes;
	unsigned high, medium, low;
};

/* Runs every check over root (NULL: the live system) with the site profile's
 * [backup] path (config: --config, else the usual lookup). Prints the error and
 * returns -1 on failure. */
int hx_run(const struct rp_cli *cli, const char *root, const char *config, struct hx_run *out);
void hx_release(struct hx_run *r);

/* The run in a format (RP_FMT_TEXT, RP_FMT_JSONL, RP_FMT_CSV), summary included. */
int hx_emit(const struct hx_run *r, int format, struct rp_buf *out);
/* The JSONL lines of the findings and the not-checked only (no summary). */
int hx_emit_jsonl_items(const struct hx_run *r, struct rp_buf *out);
/* {"root":...,"live":B,"high":N,...,"findings":[{"id","severity","file","line",
 * "evidence"}],"not_checked":[ids]}: the journal's data of a harden run. */
int hx_json(const struct hx_run *r, struct rp_buf *out);
/* "3 high, 1 medium, 0 low" */
int hx_counts(const struct hx_run *r, struct rp_buf *out);
/* Whether the run has a finding with id. */
int hx_has(const struct hx_run *r, const char *id);
/* Whether check id was not made in the run. */
int hx_not_checked(const struct hx_run *r, const char *id);
/* " (id1, id2)": the ids found, each once, in catalogue order; "" when none. */
int hx_ids(const struct hx_run *r, struct rp_buf *out);

#endif
