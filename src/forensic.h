/*
 * What the forensic subcommands (baseline, diff, timeline, exfil) share in the CLI:
 * the absolute root a baseline is filed under, the default number of threads, file
 * modes as strings, and recording a result in the incident case's journal.
 */
#ifndef RP_SRC_FORENSIC_H
#define RP_SRC_FORENSIC_H

#include <stdint.h>
#include <sys/types.h>

#include "cli.h"
#include "core/buf.h"

#include "forensic/tree.h"

struct rp_engine;
struct rp_store;

/* The options baseline and diff share (their getopt_long codes and table rows). */
enum { FX_OPT_FORMAT = 256, FX_OPT_EXCLUDE, FX_OPT_ATIME, FX_OPT_CROSS, FX_OPT_REHASH, FX_OPT_DB,
	FX_OPT_NEXT };
#define FX_COMMON_LONGOPTS \
	{ "format", required_argument, NULL, FX_OPT_FORMAT }, \
	{ "jobs", required_argument, NULL, 'j' }, \
	{ "exclude", required_argument, NULL, FX_OPT_EXCLUDE }, \
	{ "allow-atime", no_argument, NULL, FX_OPT_ATIME }, \
	{ "cross-mounts", no_argument, NULL, FX_OPT_CROSS }, \
	{ "rehash", no_argument, NULL, FX_OPT_REHASH }, \
	{ "db", required_argument, NULL, FX_OPT_DB }

/* What the shared options set: excl has room for every argument. */
struct fx_common {
	const char *format;         /* --format's argument, or the caller's default */
	unsigned jobs;
	const char **excl;
	size_t nexcl;
};

/* Handles option c (arg: its argument) when it is one of the shared ones, in fc and o
 * (cli->db_path for --db): 1 handled, 0 not a shared option, -1 a bad value (said). */
int fx_common_opt(struct rp_cli *cli, int c, const char *arg, struct fx_common *fc,
    struct rp_fx_opts *o);

/* The absolute, symlink-free path of root (malloc'd), or NULL with the message. */
char *fx_abs_root(const struct rp_cli *cli, const char *root);

/* The number of online cores, at least 1. */
unsigned fx_default_jobs(void);

/* "rw-r--r--" (9 characters) with s/S/t/T, into out[10]. */
void fx_perm_string(uint32_t mode, char out[10]);

/* Opens the store at db (creating it when create), with a message on failure. */
int fx_store_open(const struct rp_cli *cli, const char *db, int create, struct rp_store **st);

/* Appends an entry to the journal of case_id (0: the open case); prints the error. */
int fx_attach_case(const struct rp_cli *cli, const char *db, int64_t case_id,
    const char *kind, const char *text, const char *json);

/* "1.2 GiB" */
void fx_human_bytes(struct rp_buf *b, uint64_t n);

/* --case[=ID]: 0 for the open case, else ID; -1 with the message when ID is bad. */
int fx_case_arg(const struct rp_cli *cli, const char *arg, int64_t *case_id);

/* root (as given, trailing slashes dropped) + "/" + rel (rel may be empty: root alone). */
void fx_full_path(struct rp_buf *b, const char *root, const char *rel, size_t len);

/* Loads the baseline of root into old (none: old stays empty and *found is 0), then
 * collects root into cur with the hashing pool (jobs threads, engine optional). Prints
 * the error. */
int fx_collect_hashed(const struct rp_cli *cli, struct rp_store *st, const char *root,
    const struct rp_fx_opts *o, unsigned jobs, struct rp_engine *engine,
    struct rp_fset *old, struct rp_fset *cur, struct rp_fx_stats *fs, int *found);

#endif
