/*
 * The risk register (`riposte risk`): what the practice has of value (assets, valued
 * 1..4) and what could destroy it (threats, each with a likelihood and an impact 1..4,
 * a measure and an owner), ranked by score = value x likelihood x impact so that what
 * has both the highest value and the highest risk is secured first (MONARC / EBIOS RM
 * for small organisations, REFERENCE.md "Preparation").
 *
 * Kept in the store (module "risk": tables risk_asset, risk, and risk_journal, an
 * append-only record of every change: who, when, what it was before and after, why).
 * A change is also journaled in the open incident case, when one is open, so that the
 * case's record says what the incident taught. Incidents and drills feed the register:
 * rp_risk_raise raises the likelihood of a threat that happened, with the reason.
 *
 * Threats are words (ransomware, phishing, virus-to-clients, ceo-fraud,
 * bank-detail-fraud, device-loss, provider-outage, insider-error: data/risk/README),
 * so that incidents and drills can name them. A store handle belongs to one thread.
 */
#ifndef RP_RISK_H
#define RP_RISK_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_store;

#define RP_RISK_MAX_NAME    200      /* bytes of an asset, threat or owner */
#define RP_RISK_MAX_MEASURE 1000
#define RP_RISK_MAX_ROWS    10000    /* of an import */

/* One assessed risk: an asset under a threat. */
struct rp_risk {
	char *asset;
	int value;
	char *threat;
	int likelihood, impact;
	int score;               /* value x likelihood x impact, 1..64 */
	size_t rank;             /* 1-based, after rp_risk_rank */
	char *measure, *owner;   /* NULL when none */
	char *raised;            /* why the likelihood was last raised, or NULL */
	char *raised_source;     /* by what ("case 3", "drill ..."), or NULL */
	int64_t raised_at;       /* RP_TIME_UNSET when never */
};

struct rp_risk_asset {
	char *name;
	int value;
	size_t nrisks;           /* threats assessed for it */
};

struct rp_register {
	struct rp_risk *v;            size_t n;        /* ranked */
	struct rp_risk_asset *assets; size_t nassets;  /* by name */
	size_t cap, capassets;        /* private: elements allocated */
};

/*
 * The ranking: higher score first; ties: higher value, then higher likelihood, then
 * asset name, then threat name (bytewise). rp_risk_rank sorts and sets score and rank.
 */
int rp_risk_cmp(const struct rp_risk *a, const struct rp_risk *b);
void rp_risk_rank(struct rp_risk *v, size_t n);

/* Creates or upgrades the register's tables. Called by the functions below. */
int rp_risk_migrate(struct rp_store *st);

/* Reads the register, ranked. *reg is the caller's (rp_register_release). */
int rp_risk_load(struct rp_store *st, struct rp_register *reg);
void rp_register_release(struct rp_register *reg);   /* accepts a zeroed struct */

/*
 * Who changes the register, and what became of the change in the open case: every
 * function that changes the register takes one. The change and its entries in
 * risk_journal are one transaction; then, when a case is open, one entry (kind "risk")
 * goes to its journal: case_id says which, case_err why it could not (the change
 * stands, and risk_journal has it).
 */
struct rp_risk_ctx {
	struct rp_store *st;
	int64_t now;
	const char *actor;
	int64_t case_id;         /* out: the open case the change was journaled in, or 0 */
	int case_err;            /* out: 0, or the error of that journal entry */
};

/* Adds an asset, or sets its value (1..4). *changed (optional) is 0 when it was so. */
int rp_risk_asset_set(struct rp_risk_ctx *x, const char *name, int value, int *changed);

/* Assesses asset under threat: likelihood and impact 1..4, or 0 to keep them (a new
 * risk needs both); measure and owner NULL to keep, "" to clear. RP_ERR_NOTFOUND when
 * the asset does not exist. *changed (optional) as above. */
struct rp_risk_change {
	const char *asset, *threat;
	int likelihood, impact;
	const char *measure, *owner;
};
int rp_risk_assess(struct rp_risk_ctx *x, const struct rp_risk_change *c, int *changed);

/* Rows of a register file (import, seed). Strings owned by the struct. */
struct rp_risk_row {
	size_t line;
	char *asset;
	int value;
	char *threat;            /* NULL: an asset row without a threat */
	int likelihood, impact;  /* 0 with no threat */
	char *measure, *owner;   /* NULL when empty */
};
struct rp_risk_rows {
	struct rp_risk_row *v;
	size_t n, cap;                /* cap: private, elements allocated */
};
void rp_risk_rows_release(struct rp_risk_rows *rows);   /* accepts a zeroed struct */

/* What is wrong with a register file, and where. */
struct rp_risk_err {
	size_t line;             /* 1-based; 0 when the file as a whole */
	char msg[256];
};

/*
 * Reads a register file: RFC 4180 CSV read strictly (lib/core/csvread.h; UTF-8, a
 * BOM tolerated, ';' accepted as the delimiter) with a header naming the columns asset, value,
 * threat, likelihood, impact, measure, owner (in any order; measure and owner may be
 * left out). lang NULL: an import, where another column is an error. lang "de": the
 * seed (data/risk/SECTOR.csv), whose measure.LANG and owner.LANG columns are read for
 * that language (English when empty) and whose other columns are ignored.
 * Every row is checked (values 1..4, names one line of at most 200 bytes, an asset
 * with one value, an asset and threat once); the first bad row gives RP_ERR_FORMAT
 * with *err, and no row is returned.
 */
int rp_risk_csv_parse(const char *text, size_t len, const char *lang,
    struct rp_risk_rows *rows, struct rp_risk_err *err);

/* The starting register of a [site] sector (data/risk/SECTOR.csv; a hospital starts
 * from medical-practice, a sector without a file from other) with its measures and
 * owners in lang (fr de en it; English where a text is missing). *file (optional) names
 * the data file used. */
int rp_risk_seed(const char *data_dir, const char *sector, const char *lang,
    struct rp_risk_rows *rows, struct rp_risk_err *err, const char **file);

/*
 * Applies rows to the register in one transaction: assets added or revalued, risks
 * added or reassessed (measure and owner as in the file). replace: the register is
 * emptied first, so that it becomes the file. what ("import FILE", "init
 * medical-practice") is journaled. The counts go to *stats (optional).
 */
struct rp_risk_stats {
	size_t assets_added, assets_changed, risks_added, risks_changed, removed;
};
int rp_risk_apply(struct rp_risk_ctx *x, const struct rp_risk_rows *rows, int replace,
    const char *what, struct rp_risk_stats *stats);

/* Counts the register's risks and assets (for init, which refuses to overwrite). */
int rp_risk_count(struct rp_store *st, size_t *risks, size_t *assets);

/* The register as a file of rp_risk_csv_parse (header, ranked risks, then the assets
 * without a threat): it imports back to the same register. bom: start with a UTF-8
 * byte-order mark (for Excel). */
int rp_risk_export(const struct rp_register *reg, int bom, struct rp_buf *out);

/*
 * An incident or a drill showed that threat happens here: its likelihood goes up by
 * one (at most 4) on every asset it is assessed for, and reason ("case 3 closed: entry
 * vector phishing") is kept with it and shown by `risk list`. source ("case 3",
 * "drill 2026-03") makes it idempotent: a risk already raised by the same source is
 * left as it is. *raised (optional) counts the risks raised. RP_ERR_NOTFOUND when no
 * asset is assessed for threat.
 */
int rp_risk_raise(struct rp_risk_ctx *x, const char *threat, const char *reason,
    const char *source, size_t *raised);

/* One entry of the register's journal; strings valid during the callback. */
struct rp_risk_entry {
	int64_t id, time;
	const char *actor, *action;       /* asset assess import raise remove */
	const char *asset, *threat;       /* NULL when not about one */
	const char *source;               /* of a raise, else NULL */
	const char *text, *data;          /* data: JSON object or NULL */
};
/* Calls fn for every entry in order; a non-zero return of fn stops and is returned. */
int rp_risk_journal_each(struct rp_store *st,
    int (*fn)(const struct rp_risk_entry *e, void *ctx), void *ctx);

/*
 * The threats an incident's entry vector stands for (how the attacker got in, as the
 * case records it), NULL-terminated, or NULL for a vector that maps to none:
 *   phishing, mail, attachment, link, credentials, password,
 *   mail-forwarded, stolen-credentials                       -> phishing
 *   rdp, vpn, remote-access, exposed-service, vulnerability, unpatched -> ransomware
 *   usb, removable-media, insider, user-error, misconfiguration -> insider-error
 *   lost-device, stolen-device, theft            -> device-loss
 *   fake-invoice, bank-details, invoice-fraud    -> bank-detail-fraud
 *   ceo-fraud, impersonation                     -> ceo-fraud
 * Closing a case with an entry vector (`case entry --vector`) raises each
 * (rp_way_in_raise_risks in lib/case/vector.c).
 */
const char *const *rp_risk_vector_threats(const char *vector);

#endif
