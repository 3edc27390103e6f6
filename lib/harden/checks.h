/*
 * Inside harden: what the checks share (one run's context and how a finding is
 * reported), and the parsers of each program's configuration, exposed here for the
 * unit tests and the fuzzers. Each parser follows its program's own rules (which
 * file wins, include order, case, synonyms, defaults compiled into Debian 12's build)
 * and is bounded: files at most RP_H_FILE_MAX bytes, logical lines RP_H_LINE_MAX,
 * includes RP_H_DEPTH deep and RP_H_FILES files per parse. Not thread-safe per object.
 */
#ifndef RP_HARDEN_CHECKS_H
#define RP_HARDEN_CHECKS_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "harden/harden.h"
#include "harden/hroot.h"

#define RP_H_FILE_MAX  ((size_t)4 << 20)   /* one config file */
#define RP_H_LINE_MAX  65536               /* one logical line, continuations joined */
#define RP_H_DEPTH     16                  /* include nesting */
#define RP_H_FILES     256                 /* files read by one parse */

/* One run: what every check gets. */
struct rp_hrun {
	const struct rp_hroot *root;
	int live;
	const char *backup_path;
	const char *proc;
	const struct rp_harden_cb *cb;
	void *ctx;
	int stop;                 /* a callback said stop (its value), or an engine error */
	struct rp_buf scratch;
};

/* Reports a finding of check id: sev < 0 and measure NULL take the catalogue's. The
 * evidence is formatted. Returns run->stop (non-zero: stop). */
int rp_h_find(struct rp_hrun *run, const char *id, int sev, const char *measure,
    const char *file, unsigned line, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
int rp_h_note(struct rp_hrun *run, const char *file, unsigned line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int rp_h_skip(struct rp_hrun *run, const char *id, const char *reason);

/* The checks, each over run->root; 0 or an RP_ERR_* / a callback's stop value. */
int rp_h_samba(struct rp_hrun *run);
int rp_h_sshd(struct rp_hrun *run);
int rp_h_accounts(struct rp_hrun *run);
int rp_h_sudo(struct rp_hrun *run);
int rp_h_journald(struct rp_hrun *run);
int rp_h_backup(struct rp_hrun *run);
int rp_h_apt(struct rp_hrun *run);
int rp_h_net(struct rp_hrun *run);
int rp_h_timesync(struct rp_hrun *run);

/* Runs every file check (and the live ones when live) over a root that is already
 * open: what rp_harden_run does, for tests and fuzzers with a memory root. */
int rp_harden_run_root(const struct rp_hroot *root, const struct rp_harden_opts *o,
    const struct rp_harden_cb *cb, void *ctx);

/* ---- text helpers ---- */

/* Samba's strwicmp: equal ignoring ASCII case and every space or tab. */
int rp_h_wieq(const char *a, const char *b);
/* The next line of [*p, end): its start and length without the '\n'; advances *p. */
int rp_h_next_line(const char **p, const char *end, const char **line, size_t *len);
/* Trims spaces, tabs and a '\r' at both ends of [*s, *s + *n). */
void rp_h_trim(const char **s, size_t *n);

/* A note callback the parsers take: file may be NULL. */
typedef int (*rp_h_note_fn)(const char *file, unsigned line, const char *text, void *ctx);

/* ---- Samba: smb.conf ---- */

struct rp_smbval {
	const char *value;        /* whitespace runs collapsed, trimmed; a synonym that
	                           * inverts is stored inverted ("read only" sense) */
	const char *text;         /* the assignment as written: "writeable = yes" */
	const char *file;         /* where it was set */
	unsigned line;
};
struct rp_smbconf;
/* Parses path (and its includes) as smbd 4.17 does: [global] (or [globals]) parameters
 * are the default of every share; names compare ignoring case and whitespace and
 * synonyms are folded (min protocol, public, writeable/writable/write ok, vfs object,
 * ...); a later value replaces an earlier one; `include =` inserts a file where it
 * stands (a missing one is skipped, one with a %-substitution is not read: a note);
 * `copy =` copies an earlier share; global-only parameters in a share are ignored.
 * RP_ERR_NOTFOUND when path does not exist. */
int rp_smbconf_load(const struct rp_hroot *r, const char *path, rp_h_note_fn note,
    void *note_ctx, struct rp_smbconf **out);
void rp_smbconf_free(struct rp_smbconf *c);           /* accepts NULL */
size_t rp_smbconf_nsections(const struct rp_smbconf *c);   /* [global] is 0 */
const char *rp_smbconf_name(const struct rp_smbconf *c, size_t i);
/* The value of a parameter (any spelling or synonym: "read only", "writeable") in
 * section i: its own, else [global]'s, else NULL (the compiled-in default). A
 * boolean synonym that inverts (writeable) is answered in the canonical sense: the
 * value of "read only". */
const struct rp_smbval *rp_smbconf_get(const struct rp_smbconf *c, size_t i, const char *name);
/* Samba's booleans (yes/no, true/false, on/off, 1/0): 1, 0, or -1 when none. */
int rp_smb_bool(const char *v);

/* ---- OpenSSH: sshd_config ---- */

struct rp_sshd_opt {
	const char *value;        /* the first argument, quotes removed */
	const char *args;         /* every argument, one space between them */
	const char *file;
	unsigned line;
	int match;                /* index of the Match block it is in, -1 outside */
};
struct rp_sshd_match {
	const char *criteria;     /* the Match line's arguments */
	const char *file;
	unsigned line;
};
struct rp_sshdconf;
/* Parses path as sshd 9.2 does: keywords ignore case, `Keyword value`, `Keyword=value`;
 * `Include` (globs, sorted; relative to /etc/ssh) inserts files where it stands,
 * inside a Match block too; a Match block runs to the next Match or the end of its
 * file. RP_ERR_NOTFOUND when path does not exist. */
int rp_sshdconf_load(const struct rp_hroot *r, const char *path, rp_h_note_fn note,
    void *note_ctx, struct rp_sshdconf **out);
void rp_sshdconf_free(struct rp_sshdconf *c);
/* The value sshd uses outside any Match (the first one: first match wins), or NULL
 * when the keyword is not set (the compiled-in default applies). Aliases folded
 * (ChallengeResponseAuthentication is KbdInteractiveAuthentication). */
const struct rp_sshd_opt *rp_sshdconf_global(const struct rp_sshdconf *c, const char *kw);
size_t rp_sshdconf_nmatch(const struct rp_sshdconf *c);
const struct rp_sshd_match *rp_sshdconf_match(const struct rp_sshdconf *c, size_t i);
/* The first value of kw inside Match block i (what a connection matching it gets,
 * when no earlier matching block set it), or NULL. */
const struct rp_sshd_opt *rp_sshdconf_in_match(const struct rp_sshdconf *c, size_t i,
    const char *kw);

/* ---- sudoers ---- */

struct rp_sudo_rule {
	const char *file;
	unsigned line;
	const char *text;         /* the logical line, continuations joined */
	const char *who;          /* the user list ("%admin", "backup") */
	int all_commands;         /* the NOPASSWD part runs ALL (aliases expanded) */
	int defaults;             /* a Defaults line with !authenticate */
};
struct rp_sudoers;
/* Parses path as sudo 1.9.13 does: `#include`/`@include` (relative to the including
 * file's directory), `#includedir`/`@includedir` (files without '.' and not ending in
 * '~', sorted), comments and `#uid` users, continuations, aliases; collects the user
 * specifications whose commands carry NOPASSWD and Defaults that turn authenticate
 * off. RP_ERR_NOTFOUND when path does not exist. */
int rp_sudoers_load(const struct rp_hroot *r, const char *path, rp_h_note_fn note,
    void *note_ctx, struct rp_sudoers **out);
void rp_sudoers_free(struct rp_sudoers *s);
size_t rp_sudoers_nrules(const struct rp_sudoers *s);
const struct rp_sudo_rule *rp_sudoers_rule(const struct rp_sudoers *s, size_t i);

/* ---- systemd-journald ---- */

struct rp_journald {
	char storage[16];         /* "auto" (the default), "volatile", "persistent", "none" */
	char file[256];           /* where it was set, "" for the default */
	unsigned line;
};
/* Reads /etc/systemd/journald.conf and the drop-ins (journald.conf.d/NAME.conf under
 * /etc, /run, /usr/local/lib, /usr/lib, /lib; a name in an earlier directory hides the
 * same name in a later one; all in name order, after the main file) as systemd 252
 * does: [Journal] section, case-sensitive keys, the last assignment wins, an empty
 * one resets to the default. */
int rp_journald_load(const struct rp_hroot *r, rp_h_note_fn note, void *note_ctx,
    struct rp_journald *out);
/* Parses one file's text into j (what the loader calls per file). */
void rp_journald_parse(const char *text, size_t len, const char *file, struct rp_journald *j);

/* ---- Debian packages ---- */

/* dpkg's version comparison (epoch, upstream, revision; '~' before anything):
 * <0, 0, >0. Bounded, never fails (malformed parts compare as text). */
int rp_dpkg_vercmp(const char *a, const char *b);

/* Decompresses a list file by its name's suffix (.gz, .xz, .zst, .lz4, or none:
 * copied) into out, at most max bytes (RP_ERR_TOOBIG past it). RP_ERR_FORMAT when
 * the data is not what the suffix says. */
int rp_h_unpack(const char *name, const void *data, size_t len, struct rp_buf *out,
    size_t max);

/* ---- network: the firewall as nftables has it ---- */

/* Whether the nftables ruleset (the JSON of `nft -j list ruleset`) limits who reaches
 * a TCP port: for each input base chain that applies to family (4 or 6), the rules
 * are followed in order for a new connection from an arbitrary address: a rule that
 * accepts it unconditionally makes the port open in that chain, a drop or reject, or
 * the chain's drop policy, or any rule that drops or rejects some sources for that
 * port, limits it. Returns 1 limited (some chain limits it), 0 open, or
 * RP_ERR_FORMAT. */
int rp_h_nft_limits(const char *json, size_t len, int family, unsigned port);
/* Whether some input base chain of the ruleset can drop or reject anything: 1 yes,
 * 0 the input accepts everything (no input chain, or only accepting ones),
 * RP_ERR_FORMAT. *chains (optional) counts the input base chains. */
int rp_h_nft_input_filters(const char *json, size_t len, unsigned *chains);

#endif
