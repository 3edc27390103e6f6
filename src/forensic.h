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

/* What the shared options set. */
struct fx_common {
	int format;                 /* RP_FMT_* from --format, or the command's default */
	unsigned jobs;              /* -j, or the number of cores */
	const char **excl;          /* the --exclude globs (o->walk.exclude points here); */
	size_t nexcl;               /* freed by fx_common_release */
};

/*
 * The option parsing baseline and diff share: longopts starts with FX_COMMON_LONGOPTS
 * (whose options fill fc and o; --db sets cli->db_path) and has "help"; any other
 * option goes to own (NULL: none), which returns 0 or -1 after saying what was wrong.
 * o is reset to the defaults (hash what changed, RP_FX_HASH_CHANGED) first. --format
 * must be one of formats ("text,jsonl"); without it, deflt, or when deflt is -1 text
 * on a terminal and jsonl otherwise. At least one PATH must follow: the operands are
 * argv[optind] .. argv[argc - 1]. Returns 0 to go on, or 1 to stop with the exit status
 * in *rc (--help: the manual was shown; a bad option or a missing PATH: said, with the
 * synopsis). fc is to be released with fx_common_release in either case.
 */
int fx_parse_opts(struct rp_cli *cli, int argc, char **argv, const struct option *longopts,
    const char *usage, const char *formats, int deflt,
    int (*own)(struct rp_cli *cli, int c, const char *arg, struct rp_fx_opts *o, void *ctx),
    void *ctx, struct fx_common *fc, struct rp_fx_opts *o, int *rc);
void fx_common_release(struct fx_common *fc);

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
