/*
 * harden: checks of the way in on a Linux file server of a small practice (Samba,
 * OpenSSH, accounts, sudo, journald, backups, exposure, firewall, updates, clocks).
 *
 * The engine reads a system (the live one at "/", or a mounted copy or restored
 * system under another directory) and reports each weakness it finds through a
 * callback, as a finding with a stable id from the catalogue below, the evidence
 * (file and line, or the socket) and the measure that closes it. Checks that need the
 * running system (sockets, the loaded firewall, running clocks) are made only on the
 * live system; elsewhere they are reported as not checked, with the reason.
 *
 * Nothing is changed: files are opened read-only with O_NOATIME (hroot.h), the
 * firewall is only listed, /proc only read. Config files are attacker-influenced text
 * (a compromised server's /etc): every parser bounds sizes, lines and include depth.
 * An engine object is used by one thread at a time; the catalogue is constant.
 */
#ifndef RP_HARDEN_H
#define RP_HARDEN_H

#include <stddef.h>
#include <stdint.h>

enum rp_hsev { RP_HSEV_HIGH, RP_HSEV_MEDIUM, RP_HSEV_LOW };
const char *rp_hsev_name(enum rp_hsev s);           /* "high", "medium", "low" */

/* One row of the catalogue: what a check looks for and what closes it. */
struct rp_hcheck {
	const char *id;          /* stable: "smb1-enabled", ... */
	enum rp_hsev severity;   /* the usual one; a finding may say less or more */
	int live;                /* needs the running system */
	const char *what;        /* what it looks for, for people */
	const char *measure;     /* the measure, one sentence */
	const char *reference;   /* "CIS Controls v8 4.4" ... */
};

/* The catalogue, in the order checks run and findings are reported. */
const struct rp_hcheck *rp_harden_catalog(size_t *n);
/* The row of id, or NULL. */
const struct rp_hcheck *rp_harden_check(const char *id);

struct rp_hfinding {
	const char *id;
	enum rp_hsev severity;
	const char *file;        /* path on the checked system, NULL for a socket or a state */
	unsigned line;           /* 1-based, 0 when none */
	const char *evidence;    /* what was seen, one line (may hold bytes of the file:
	                          * escape it for the output) */
	const char *measure;
	const char *reference;
};

struct rp_harden_cb {
	/* a finding; the strings are valid during the call. Non-zero stops the run. */
	int (*on_finding)(const struct rp_hfinding *f, void *ctx);
	/* a check that could not be made here, and why ("needs the live system") */
	int (*on_not_checked)(const char *id, const char *reason, void *ctx);
	/* something read that is worth a word but is no finding: an include skipped,
	 * a line not understood (file may be NULL) */
	int (*on_note)(const char *file, unsigned line, const char *text, void *ctx);
};

struct rp_harden_opts {
	const char *root;        /* the system's root directory; NULL or "/": live */
	int live;                /* make the live checks (only when root is "/") */
	const char *backup_path; /* [backup] path of the site profile, NULL when none */
	const char *proc;        /* /proc for the live checks (tests may point elsewhere) */
};

struct rp_harden;

/* Opens the root. RP_ERR_SYSTEM (errno) when it cannot be opened, RP_ERR_INVALID when
 * live is asked with another root. */
int rp_harden_new(struct rp_harden **out, const struct rp_harden_opts *o);
/* Runs every check in catalogue order. Returns 0, or the first non-zero return of a
 * callback, or an RP_ERR_* of the engine itself (out of memory). A file that cannot
 * be read or parsed is a note, not an error: the other checks go on. */
int rp_harden_run(struct rp_harden *h, const struct rp_harden_cb *cb, void *ctx);
void rp_harden_free(struct rp_harden *h);            /* accepts NULL */

#endif
