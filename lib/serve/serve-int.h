/*
 * What the files of lib/serve share (not a public header): the server, the snapshot
 * of the store the pages are made from, the live events, the page writer.
 *
 * The snapshot: every page is rendered from one immutable, reference-counted struct
 * snap built from the store (the open case with its whole journal, its deadlines,
 * claim, phase and checklist, the alerts of the last 24 hours, the site check, the
 * register, the plan). It is rebuilt only when the store has changed (PRAGMA
 * data_version, asked every second by the hub thread, and at once after a form's
 * write), when riposte.conf has changed, or every 30 s (time moves deadlines to
 * overdue); a request costs a session lookup and the rendering, never a read of 10,000
 * journal entries.
 */
#ifndef RP_SERVE_INT_H
#define RP_SERVE_INT_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "case/case.h"
#include "case/cost.h"
#include "case/deadline.h"
#include "prepare/drill.h"
#include "core/buf.h"
#include "core/l10n.h"
#include "prepare/risk.h"
#include "serve/auth.h"
#include "serve/http.h"
#include "serve/standing.h"
#include "serve/serve.h"

struct rp_ini;
struct rp_store;

#define SNAP_MAX_AGE 30          /* seconds before a snapshot is rebuilt anyway */
#define SNAP_ALERTS 20           /* alerts kept for the pages */
#define HUB_RING 256             /* live events kept for streams that fall behind */
#define STREAM_PING_MS 10000     /* a stream silent this long says ": ping" */
#define HUB_WAKE_MS 15000        /* the hub lets every waiting stream look at least this often */
#define NASSETS 2
#define NTMPL 2                  /* pages kept as templates: /, /journal */

/* The texts of the pages: data/serve/LANG/serve.ini and the plan's (for the checklist's
 * items and the deadlines' names), each falling back to English. */
struct texts {
	char lang[3];
	struct rp_ini *ui, *ui_en, *plan, *plan_en;
	struct rp_ini *drill, *drill_en;  /* data/drills/text: ratings, capabilities, modes */
};
/* section/key in the page's language, else English, else the key itself. */
const char *tx(const struct texts *t, const char *section, const char *key);
/* The plan's text of section/key ("step cut-network", "title"), or NULL. */
const char *tx_plan(const struct texts *t, const char *section, const char *key);
/* The drills' text of section/key ("rating", "P"), else English, else the key. */
const char *tx_drill(const struct texts *t, const char *section, const char *key);

struct sn_alert {
	int64_t id, case_id, time;
	int canary;                  /* a canary read (noted), not an alert */
	char *exe, *cmdline, *result, *client, *user, *path;
	int64_t pid, score, files_touched;
	char *files;                 /* the first files touched, ", "-joined, or NULL */
};
struct sn_issue {
	char *status, *where, *message;
};
struct sn_case {
	int64_t id, discovered, closed;
	char *title;
};
#define SNAP_DRILLS 50           /* drill runs shown, the newest */
/* A drill run as the drills page shows it (lib/prepare/drill.h: its record, and its
 * score per capability from the scenario as played). */
struct sn_drill {
	int64_t id, started, finished;
	char *drill, *lang, *title, *participants, *mode;
	struct rp_drill_mark total;
	int have_cats;               /* the scenario as played could be scored again */
	struct rp_drill_mark cat[RP_DRILL_NCAT];
};

struct snap {
	int refs;                    /* under s->snap_mu */
	int64_t built;
	int64_t last_row;            /* the journal's last row when built */
	char *error;                 /* the store could not be read: why, or NULL */
	struct rp_ini *site;         /* riposte.conf as read, or NULL */
	int site_line;               /* a malformed riposte.conf: its bad line, else 0 */
	struct rp_locale loc;
	int have_case;               /* the open case: */
	struct rp_case c;            /* with c.integrity and c.bad_seq checked */
	struct rp_deadlines dl;
	int dl_err;
	struct rp_claim claim;
	int claim_err;
	struct rp_standing pr;
	struct sn_alert *alerts;     /* newest first, of every case */
	size_t nalerts, alerts24;
	struct sn_issue *issues;     /* rp_site_check's findings */
	size_t nissues;
	struct rp_register reg;
	struct rp_buf plan;          /* the plan's document (prepare/doc.h), when site */
	int plan_err;
	struct sn_case *cases;       /* every case, newest first */
	size_t ncases;
	struct sn_drill *drills;     /* the last SNAP_DRILLS drill runs, newest first */
	size_t ndrills, drill_runs;  /* ... of drill_runs in all */
	size_t drill_actions;        /* improvement actions still open */
	pthread_mutex_t tmpl_mu;     /* the templates of the overview and the journal: */
	int64_t tmpl_now[NTMPL];     /* the second each was rendered for, 0: none */
	struct rp_buf tmpl[NTMPL];
};

struct ev {
	int64_t id;                  /* the journal row it came from */
	const char *type;            /* "alert", "journal" */
	char *data;                  /* one line of JSON */
};

struct rp_serve {
	/* configuration (copies) */
	char *db_path, *site_path, *data_dir, *tls_cert, *tls_key;
	char *fleet_dsn;             /* the centre's connection string, or NULL: no fleet page */
	pthread_mutex_t fleet_mu;    /* one view of the fleet asks the centre at a time */
	int64_t session_ttl;
	unsigned threads, max_conns, max_conns_per_ip, timeout_s, max_streams;
	struct rp_serve_cb cb;
	void *ctx;
	struct rp_auth *auth;
	char *user0;                 /* users[0]'s name: the one-time link's */
	struct texts tx;
	struct rp_standing checklist;/* the definition, nothing ticked */
	struct rp_buf assets[NASSETS];   /* app.css, app.js: served as they are */
	/* the socket */
	int fd, ipv6, loopback, tls;
	char url[128];               /* "http://127.0.0.1:8088" */
	char hosts[4][80];           /* Host headers accepted on loopback */
	size_t nhosts;
	struct rp_http *http;
	int stopfd;                  /* an eventfd: rp_serve_stop writes, run wakes */
	/* the snapshot */
	pthread_mutex_t build_mu;    /* st, building, version, site_stat */
	struct rp_store *st;         /* the reader's handle: builds and the hub's polls */
	int64_t version;             /* PRAGMA data_version of the last build */
	struct stat site_stat;       /* riposte.conf at the last build */
	struct rp_locale loc;        /* the last build's: the live events' times */
	pthread_mutex_t snap_mu;     /* snap and the refs of every snapshot */
	struct snap *snap;
	/* the live events */
	pthread_mutex_t hub_mu;
	struct ev ring[HUB_RING];    /* ring[(ring_start + i) % HUB_RING], i < nring */
	size_t ring_start, nring;
	uint64_t ring_first;         /* the number of the oldest event in the ring */
	int64_t hub_last;            /* the last journal row turned into events */
	unsigned nstreams;           /* under hub_mu */
	/* counters (atomic) */
	uint64_t n_requests, n_logins, n_writes, n_refused;
	int store_ok;                /* the last poll could read the store (atomic) */
};

/* snap.c */
int snap_build(struct rp_serve *s, int64_t now, struct snap **out);
void snap_put(struct rp_serve *s, struct snap *sn);        /* drops a reference */
struct snap *snap_get(struct rp_serve *s);                  /* takes one (never NULL) */
/* Rebuilds when the store or riposte.conf changed, or when force or the snapshot is
 * older than SNAP_MAX_AGE. */
int snap_refresh(struct rp_serve *s, int64_t now, int force);

/* events.c */
/* Reads the journal rows after the last seen into live events. *changed: any new. */
int hub_poll(struct rp_serve *s, int64_t now, int *changed);
/* A stream for /events starting after last_id (-1: from now). NULL when too many. */
int hub_stream(struct rp_serve *s, int64_t last_id, struct rp_http_stream *out);
void hub_release(struct rp_serve *s);
/* The alert of a journal entry's data (watch's JSON), for pages and events. */
int alert_parse(const char *data, struct sn_alert *a);
void alert_release(struct sn_alert *a);
/* One line for people: "pid 4242 (python3 x.py): stopped, score 140, 7 file(s) touched". */
int alert_line(const struct texts *t, const struct sn_alert *a, struct rp_buf *b);

/* page.c: writing HTML */
struct page {
	struct rp_serve *s;
	const struct snap *sn;
	const struct rp_session *sess;   /* NULL when not logged in */
	struct rp_buf *b;
	const char *here;                /* the nav entry of this page */
	const char *msg;                 /* a form's result to say ([msg] key), or NULL */
	int64_t now;
	int tmpl;                        /* a template: markers for the session's values */
};
/*
 * The overview is rendered once per snapshot and second as a template, and each
 * request only copies it with its session's name and CSRF token put in: the markers
 * are control bytes, which rp_esc_html never lets through from a value, so nothing
 * read from the store can forge one. h_fill puts MARK_USER in raw when given that very
 * pointer (never by content).
 */
#define MARK_CSRF "\001C\001"     /* octal: "\x01C" would be one byte, 0x1c */
extern const char mark_user[];       /* "\001U\001" */
/* Copies a template into out with the markers replaced by the session's values. */
int tmpl_fill(const char *t, size_t len, const struct rp_session *sess, struct rp_buf *out);
void h_raw(struct page *p, const char *s);                 /* markup we wrote */
void h_esc(struct page *p, const char *s);                 /* a value: escaped */
void h_escn(struct page *p, const char *s, size_t len);
void h_tx(struct page *p, const char *section, const char *key);   /* a text, escaped */
void h_p_tx(struct page *p, const char *key);   /* "<p>" the ui text "</p>\n" */
/* A text with {name} placeholders filled from NULL-terminated name, value pairs;
 * the whole escaped. */
void h_fill(struct page *p, const char *section, const char *key, ...)
    __attribute__((sentinel));
void h_time(struct page *p, int64_t t);                    /* local, as the locale writes */
/* The same into tmp (emptied first): tmp->buf, "" for RP_TIME_UNSET. */
const char *p_time(struct page *p, int64_t t, struct rp_buf *tmp);
void h_money(struct page *p, const char *currency, int64_t minor);
void h_csrf(struct page *p);                               /* the hidden field of a form */
void page_begin(struct page *p, const char *title);
void page_end(struct page *p);
/* "3 d 04:13:05" (the script's format) into out, emptied first: the countdowns as the
 * server renders them for a browser without script. */
void span_text(const struct texts *t, int64_t seconds, struct rp_buf *out);

/* The pages (page-case.c, page-prep.c, page-drill.c, page-fleet.c). */
void page_overview(struct page *p);
void page_journal(struct page *p, int64_t before);
void page_plan(struct page *p);
void page_risks(struct page *p);
void page_site(struct page *p);
void page_drills(struct page *p);
/* The fleet's page: connects to the centre (s->fleet_dsn) for this request; when it
 * cannot be reached, the page says so and *status is 503, else 200. */
void page_fleet(struct page *p, int *status);
void page_login(struct page *p, const char *pre, const char *why);
void page_error(struct page *p, const char *why_section, const char *why_key);

/* status.c */
int status_json(struct rp_serve *s, const struct snap *sn, int64_t now, struct rp_buf *b);

/* page-drill.c: the drill runs into the snapshot (by snap_build), and freed */
int snap_drills(struct rp_serve *s, struct snap *sn);
void snap_drills_free(struct snap *sn);

/* action.c: the forms' writes; each returns the [msg] key to say, and *bad whether
 * it is an error. */
struct rp_form;
const char *act_log(struct rp_serve *s, const struct rp_session *ss, const struct rp_form *f,
    int64_t now, int *bad);
const char *act_check(struct rp_serve *s, const struct rp_session *ss,
    const struct rp_form *f, int64_t now, int *bad);
const char *act_notify(struct rp_serve *s, const struct rp_session *ss,
    const struct rp_form *f, int64_t now, int *bad);
const char *act_cost(struct rp_serve *s, const struct rp_session *ss, const struct rp_form *f,
    int64_t now, int *bad);

void serve_warn(struct rp_serve *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void serve_action(struct rp_serve *s, const char *user, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
