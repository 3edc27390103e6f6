/* Unit tests of lib/serve: the parsers of what a browser sends (form, target, cookie),
 * the access tokens, one-time codes, sessions and the brake on wrong tokens, the phase
 * and the checklist read from a journal, the texts in every language, the checklist
 * against the plan, and the pages and the API rendered from a store whose every value
 * is hostile. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "case/case.h"
#include "case/config.h"
#include "case/journal.h"
#include "core/buf.h"
#include "core/data.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "core/json.h"
#include "serve/auth.h"
#include "serve/form.h"
#include "serve/serve-int.h"
#include "serve/serve.h"
#include "serve/standing.h"
#include "store/store.h"

static char dir[] = "/tmp/riposte-test-serve.XXXXXX";

/* ---- forms, targets, cookies ---- */

static void
form_parses_and_refuses(void **state)
{
	struct rp_form f;
	char big[RP_FORM_MAX_INPUT + 2];
	struct rp_buf b = RP_BUF_INIT;
	int i;

	assert_int_equal(rp_form_parse("a=1&b=x+y%21&&c=&d", 18, &f), 0);
	assert_int_equal(f.n, 4);
	assert_string_equal(rp_form_get(&f, "a"), "1");
	assert_string_equal(rp_form_get(&f, "b"), "x y!");
	assert_string_equal(rp_form_get(&f, "c"), "");
	assert_string_equal(rp_form_get(&f, "d"), "");
	assert_null(rp_form_get(&f, "e"));
	rp_form_release(&f);
	/* a textarea's lines and UTF-8 are text; the first of two fields wins */
	assert_int_equal(rp_form_parse("t=l1%0D%0Al2+%C3%A9&t=2", 23, &f), 0);
	assert_string_equal(rp_form_get(&f, "t"), "l1\r\nl2 é");
	rp_form_release(&f);
	/* bad escapes, bad UTF-8, NUL, controls, C1, a control in a name, an empty name */
	static const char *const bad[] = { "a=%", "a=%4", "a=%zz", "a=%ff", "a=%c3%28", "a=%00",
	    "a=%1b", "a=%c2%85", "n%0A=1", "=1", "a=\x7f" };
	for (i = 0; i < (int)(sizeof(bad) / sizeof(bad[0])); i++) {
		assert_int_equal(rp_form_parse(bad[i], strlen(bad[i]), &f), RP_ERR_FORMAT);
		assert_int_equal(f.n, 0);
	}
	/* bounds: fields, a name's length, the input */
	for (i = 0; i <= RP_FORM_MAX_FIELDS; i++)
		rp_buf_addf(&b, "f%d=1&", i);
	assert_int_equal(rp_form_parse(b.buf, b.len, &f), RP_ERR_TOOBIG);
	rp_buf_reset(&b);
	for (i = 0; i <= RP_FORM_MAX_NAME; i++)
		rp_buf_addch(&b, 'n');
	rp_buf_addstr(&b, "=1");
	assert_int_equal(rp_form_parse(b.buf, b.len, &f), RP_ERR_TOOBIG);
	memset(big, 'a', sizeof(big));
	assert_int_equal(rp_form_parse(big, sizeof(big), &f), RP_ERR_TOOBIG);
	rp_buf_release(&b);
}

static void
targets_split_and_refuse(void **state)
{
	struct rp_buf p = RP_BUF_INIT;
	const char *q;
	static const char *const bad[] = { "", "a", "*", "/..", "/a/../b", "/./a", "/a/.", "//a",
	    "/a//b", "/%2e%2e/x", "/%2E", "/a%00b", "/%ff", "/a%0ab", "/%zz", "/%", "/\x1b" };
	size_t i;

	assert_int_equal(rp_target_split("/", &p, &q), 0);
	assert_string_equal(p.buf, "/");
	assert_null(q);
	assert_int_equal(rp_target_split("/api/status?x=1&y=%20", &p, &q), 0);
	assert_string_equal(p.buf, "/api/status");
	assert_string_equal(q, "x=1&y=%20");
	assert_int_equal(rp_target_split("/st%61tic/app.css", &p, &q), 0);
	assert_string_equal(p.buf, "/static/app.css");
	assert_int_equal(rp_target_split("/a/", &p, &q), 0);     /* a last empty segment */
	assert_int_equal(rp_target_split("/a..b/.x", &p, &q), 0);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (rp_target_split(bad[i], &p, &q) == 0)
			fail_msg("'%s' was accepted", bad[i]);
	rp_buf_release(&p);
}

static void
cookies_are_found(void **state)
{
	char v[65];

	assert_int_equal(rp_cookie_get("a=1; riposte=abc; b=2", "riposte", v, sizeof(v)), 0);
	assert_string_equal(v, "abc");
	assert_int_equal(rp_cookie_get("riposte-login=x;riposte=y", "riposte", v, sizeof(v)), 0);
	assert_string_equal(v, "y");
	assert_int_equal(rp_cookie_get("xriposte=1", "riposte", v, sizeof(v)), RP_ERR_NOTFOUND);
	assert_int_equal(rp_cookie_get("riposte", "riposte", v, sizeof(v)), RP_ERR_NOTFOUND);
	assert_int_equal(rp_cookie_get(NULL, "riposte", v, sizeof(v)), RP_ERR_NOTFOUND);
	assert_int_equal(rp_cookie_get("riposte=0123456789", "riposte", v, 5), RP_ERR_TOOBIG);
	assert_int_equal(rp_cookie_get("riposte=", "riposte", v, sizeof(v)), 0);   /* there, empty */
	assert_string_equal(v, "");
}

/* ---- tokens, codes, sessions ---- */

static void
token_files_are_private(void **state)
{
	char path[256], *tok = NULL, *again = NULL;
	struct stat sb;
	int created = 0;
	FILE *f;

	snprintf(path, sizeof(path), "%s/serve.token", dir);
	unlink(path);
	assert_int_equal(rp_auth_token_file(path, 0, &tok, &created), RP_ERR_SYSTEM);
	assert_int_equal(rp_auth_token_file(path, 1, &tok, &created), 0);
	assert_int_equal(created, 1);
	assert_int_equal(strlen(tok), 64);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(rp_auth_token_file(path, 1, &again, &created), 0);
	assert_int_equal(created, 0);
	assert_string_equal(tok, again);
	free(again);
	chmod(path, 0640);
	assert_int_equal(rp_auth_token_file(path, 1, &again, NULL), RP_ERR_PERM);
	chmod(path, 0600);
	/* not a token: too short, spaces, binary */
	f = fopen(path, "w");
	fputs("short\n", f);
	fclose(f);
	assert_int_equal(rp_auth_token_file(path, 1, &again, NULL), RP_ERR_FORMAT);
	f = fopen(path, "w");
	fputs("0123456789abcdef 0123456789abcdef0123456789abcdef\n", f);
	fclose(f);
	assert_int_equal(rp_auth_token_file(path, 1, &again, NULL), RP_ERR_FORMAT);
	unlink(path);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	assert_int_not_equal(rp_auth_token_file(path, 1, &again, NULL), 0);
	unlink(path);
	free(tok);
}

static void
sessions_codes_and_the_brake(void **state)
{
	const char *names[] = { "anna", "it" };
	const char *tokens[] = { "0123456789abcdef0123456789abcdef", "fedcba9876543210fedcba9876543210" };
	struct rp_auth *a = NULL;
	struct rp_session s, s2;
	char code[RP_AUTH_HEX], user[RP_AUTH_MAX_NAME + 1];
	int i;

	assert_true(rp_auth_equal("abc", "abc"));
	assert_false(rp_auth_equal("abc", "abd"));
	assert_false(rp_auth_equal("abc", "abcd"));
	assert_false(rp_auth_equal("", "a"));
	assert_true(rp_auth_name_ok("Dr. Müller"));
	assert_false(rp_auth_name_ok("a:b"));
	assert_false(rp_auth_name_ok("a\nb"));
	assert_false(rp_auth_name_ok(""));
	assert_int_equal(rp_auth_new(names, tokens, 2, 3600, &a), 0);

	/* a one-time code: once */
	assert_int_equal(rp_auth_code(a, 0, 1000, code), 0);
	assert_int_equal(strlen(code), 64);
	assert_int_equal(rp_auth_login_code(a, code, 1001, &s), 0);
	assert_string_equal(s.user, "anna");
	assert_int_equal(strlen(s.id), 64);
	assert_int_equal(strlen(s.csrf), 64);
	assert_string_not_equal(s.id, s.csrf);
	assert_int_equal(rp_auth_login_code(a, code, 1002, &s2), RP_ERR_NOTFOUND);
	/* ... and not after a day */
	assert_int_equal(rp_auth_code(a, 1, 1000, code), 0);
	assert_int_equal(rp_auth_login_code(a, code, 1000 + RP_AUTH_CODE_TTL, &s2), RP_ERR_NOTFOUND);

	/* the session, its expiry, logout */
	assert_int_equal(rp_auth_session(a, s.id, 2000, &s2), 0);
	assert_string_equal(s2.csrf, s.csrf);
	assert_int_equal(rp_auth_session(a, s.id, 1001 + 3600, &s2), RP_ERR_NOTFOUND);
	assert_int_equal(rp_auth_login_token(a, tokens[1], 5000, &s), 0);
	assert_string_equal(s.user, "it");
	assert_int_equal(rp_auth_session(a, "nope", 5001, &s2), RP_ERR_NOTFOUND);
	rp_auth_logout(a, s.id);
	assert_int_equal(rp_auth_session(a, s.id, 5001, &s2), RP_ERR_NOTFOUND);

	/* the bearer of the API */
	assert_int_equal(rp_auth_bearer(a, tokens[0], 6000, user), 0);
	assert_string_equal(user, "anna");
	/* wrong tokens: a brake per minute, that lets nobody in, not even the right one */
	for (i = 0; i < RP_AUTH_FAIL_MAX; i++)
		assert_int_equal(rp_auth_login_token(a, "0123456789abcdef0123456789abcdeX", 6060, &s),
		    RP_ERR_NOTFOUND);
	assert_int_equal(rp_auth_login_token(a, tokens[0], 6061, &s), RP_ERR_BUSY);
	assert_int_equal(rp_auth_bearer(a, tokens[0], 6062, user), RP_ERR_BUSY);
	assert_int_equal(rp_auth_login_token(a, tokens[0], 6120, &s), 0);   /* the next minute */
	rp_auth_free(a);
	rp_auth_free(NULL);
}

/* ---- the phase and the checklist ---- */

static struct rp_standing
checklist(void)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_standing p;

	assert_int_equal(rp_data_load(NULL, "serve/checklist.ini", &b), 0);
	assert_int_equal(rp_standing_init(&p, b.buf, b.len), 0);
	rp_buf_release(&b);
	return p;
}

static void
feed(struct rp_standing *p, int64_t seq, const char *kind, const char *actor, const char *data)
{
	struct rp_journal_entry e = { seq, 1000 + seq, kind, actor, "text", data, "", "" };

	assert_int_equal(rp_standing_feed(p, &e), 0);
}

static void
phase_and_ticks_from_the_journal(void **state)
{
	struct rp_standing p = checklist();
	int k;

	assert_true(p.nitems >= 8);
	feed(&p, 1, "open", "riposte", NULL);
	assert_int_equal(p.phase, RP_PHASE_DETECT);
	assert_int_equal(p.phase_seq, 1);
	k = rp_standing_item(&p, "write-down");
	assert_int_equal(p.items[k].seq, 1);          /* done by the case's opening */
	feed(&p, 2, "note", "anna", NULL);            /* evidence of nothing */
	feed(&p, 3, "cost", "anna", "{\"category\":\"it\"}");
	assert_int_equal(p.phase, RP_PHASE_DETECT);
	feed(&p, 4, "check", "anna", "{\"item\":\"no-restart\"}");
	assert_int_equal(p.phase, RP_PHASE_CONTAIN);
	assert_string_equal(p.items[rp_standing_item(&p, "no-restart")].actor, "anna");
	feed(&p, 5, "check", "it", "{\"item\":\"no-restart\"}");   /* the first tick counts */
	assert_string_equal(p.items[rp_standing_item(&p, "no-restart")].actor, "anna");
	assert_int_equal(p.items[rp_standing_item(&p, "no-restart")].seq, 4);
	feed(&p, 6, "check", "x", "{\"item\":\"no-such\"}");       /* ignored */
	feed(&p, 7, "check", "x", "not json");
	feed(&p, 8, "attach", "riposte", "{\"source\":\"scan\"}");  /* a scan: detection */
	assert_int_equal(p.phase, RP_PHASE_CONTAIN);
	feed(&p, 9, "notify", "anna", "{\"to\":\"authority\"}");    /* not the insurer */
	assert_int_equal(p.phase, RP_PHASE_NOTIFY);
	assert_int_equal(p.items[rp_standing_item(&p, "insurer-first")].seq, 0);
	feed(&p, 10, "notify", "anna", "{\"to\":\"insurer\"}");
	assert_int_equal(p.items[rp_standing_item(&p, "insurer-first")].seq, 10);
	assert_string_equal(p.items[rp_standing_item(&p, "insurer-first")].kind, "notify");
	feed(&p, 11, "isolate", "root", NULL);        /* later evidence of an earlier phase */
	assert_int_equal(p.phase, RP_PHASE_NOTIFY);
	assert_int_equal(p.items[rp_standing_item(&p, "cut-network")].seq, 11);
	assert_true(p.seen[RP_PHASE_CONTAIN]);
	assert_false(p.seen[RP_PHASE_INVESTIGATE]);
	assert_false(p.seen[RP_PHASE_RECOVER]);
	feed(&p, 12, "attach", "riposte", "{\"source\":\"restore-check\"}");
	assert_int_equal(p.phase, RP_PHASE_RECOVER);
	feed(&p, 13, "close", "riposte", NULL);
	assert_int_equal(p.phase, RP_PHASE_CLOSE);
	assert_int_equal(p.phase_seq, 13);
	assert_int_equal(rp_phase_lookup("notify"), RP_PHASE_NOTIFY);
	assert_string_equal(rp_phase_name(RP_PHASE_INVESTIGATE), "investigate");
	assert_int_equal(rp_phase_lookup("later"), -1);
	rp_standing_release(&p);

	/* a malformed checklist is refused */
	assert_int_equal(rp_standing_init(&p, "[item a]\nphase = soon\n", 22), RP_ERR_FORMAT);
	assert_int_equal(rp_standing_init(&p, "[item a]\n", 9), RP_ERR_FORMAT);
}

static struct rp_ini *
load_ini(const char *name)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_ini *ini = NULL;
	int line;

	assert_int_equal(rp_data_load(NULL, name, &b), 0);
	if (rp_ini_parse(b.buf, b.len, &ini, &line) != 0)
		fail_msg("%s line %d", name, line);
	rp_buf_release(&b);
	return ini;
}

static void
texts_are_complete_and_the_checklist_is_the_plan(void **state)
{
	static const char *const langs[] = { "fr", "de", "en" };
	struct rp_standing p = checklist();
	struct rp_ini *en = load_ini("serve/en/serve.ini"), *t, *plan;
	const char *k, *v;
	char name[64], sec[96];
	size_t l, i, j, steps;

	for (l = 0; l < 3; l++) {
		snprintf(name, sizeof(name), "serve/%s/serve.ini", langs[l]);
		t = load_ini(name);
		for (i = 0; i < rp_ini_nsections(en); i++)
			for (j = 0; rp_ini_section_entry(en, i, j, &k, &v) == 0; j++)
				if (rp_ini_get(t, rp_ini_section(en, i), k) == NULL)
					fail_msg("%s: [%s] %s is missing", name, rp_ini_section(en, i), k);
		rp_ini_free(t);
		/* every step of the plan's first hour is an item, and every item a step */
		snprintf(name, sizeof(name), "plan/%s/plan.ini", langs[l]);
		plan = load_ini(name);
		for (i = steps = 0; i < rp_ini_nsections(plan); i++)
			if (strncmp(rp_ini_section(plan, i), "step ", 5) == 0) {
				steps++;
				if (rp_standing_item(&p, rp_ini_section(plan, i) + 5) < 0)
					fail_msg("%s: [%s] is not in serve/checklist.ini", name,
					    rp_ini_section(plan, i));
			}
		assert_int_equal(steps, p.nitems);
		for (i = 0; i < p.nitems; i++) {
			snprintf(sec, sizeof(sec), "step %s", p.items[i].id);
			if (rp_ini_get(plan, sec, "title") == NULL)
				fail_msg("%s: no [%s] title", name, sec);
		}
		rp_ini_free(plan);
	}
	rp_ini_free(en);
	rp_standing_release(&p);
}

static void
alerts_are_read_from_watch_entries(void **state)
{
	struct sn_alert a;

	assert_int_equal(alert_parse("{\"kind\":\"alert\",\"pid\":42,\"exe\":\"/usr/bin/python3\","
	    "\"cmdline\":\"python3 <b>x.py</b>\",\"files\":[\"/a\",\"/b\",\"/c\",\"/d\"],"
	    "\"files_touched\":7,\"score\":140,\"result\":\"stopped\"}", &a), 0);
	assert_int_equal(a.pid, 42);
	assert_int_equal(a.score, 140);
	assert_false(a.canary);
	assert_string_equal(a.files, "/a, /b, /c, … (4)");
	assert_string_equal(a.result, "stopped");
	alert_release(&a);
	assert_int_equal(alert_parse("{\"kind\":\"canary-read\",\"pid\":7,\"path\":\"/s/c.docx\"}", &a), 0);
	assert_true(a.canary);
	assert_string_equal(a.path, "/s/c.docx");
	alert_release(&a);
	assert_int_equal(alert_parse("{\"kind\":\"ready\"}", &a), RP_ERR_FORMAT);
	assert_int_not_equal(alert_parse("{not json", &a), 0);
}

/* ---- the engine: refusals, and pages from a store where every value is hostile ---- */

static const char hostile[] = "<script>alert(1)</script>\"'&<img src=x onerror=alert(2)>";

static void
refuses_what_is_not_safe(void **state)
{
	struct rp_serve_user u = { "anna", "0123456789abcdef0123456789abcdef" };
	struct rp_serve_config c;
	struct rp_serve *s = NULL;
	char db[256];

	snprintf(db, sizeof(db), "%s/refuse.db", dir);
	memset(&c, 0, sizeof(c));
	c.db_path = db;
	c.users = &u;
	c.nusers = 1;
	c.listen = "0.0.0.0:0";
	assert_int_equal(rp_serve_new(&c, NULL, NULL, &s), RP_ERR_REFUSED);
	c.listen = "[::]:0";
	assert_int_equal(rp_serve_new(&c, NULL, NULL, &s), RP_ERR_REFUSED);
	c.listen = "192.0.2.1:443";
	assert_int_equal(rp_serve_new(&c, NULL, NULL, &s), RP_ERR_REFUSED);
	c.listen = "example.org:80";
	assert_int_equal(rp_serve_new(&c, NULL, NULL, &s), RP_ERR_FORMAT);
	c.listen = "127.0.0.1:70000";
	assert_int_equal(rp_serve_new(&c, NULL, NULL, &s), RP_ERR_FORMAT);
	c.listen = "127.0.0.1:0";
	c.tls_cert = "-----BEGIN CERTIFICATE-----";
	assert_int_equal(rp_serve_new(&c, NULL, NULL, &s), RP_ERR_INVALID);
	c.tls_cert = NULL;
	c.nusers = 0;
	assert_int_equal(rp_serve_new(&c, NULL, NULL, &s), RP_ERR_INVALID);
	assert_int_equal(rp_serve_listen_loopback("127.0.0.2:1"), 1);
	assert_int_equal(rp_serve_listen_loopback("[::1]:1"), 1);
	assert_int_equal(rp_serve_listen_loopback("localhost:8088"), 1);
	assert_int_equal(rp_serve_listen_loopback("10.0.0.1:1"), 0);
	assert_null(s);
}

static void
pages_escape_every_value(void **state)
{
	struct rp_serve_user u = { "two\nlines", "0123456789abcdef0123456789abcdef" };
	struct rp_serve_user ok_user = { hostile, "0123456789abcdef0123456789abcdef" };
	struct rp_serve_config c;
	struct rp_serve *s = NULL;
	struct rp_store *st = NULL;
	struct rp_session sess;
	struct rp_buf out = RP_BUF_INIT;
	struct rp_jdoc *doc = NULL;
	struct snap *sn;
	struct page p;
	char db[256], conf[256], data[512];
	int64_t id, now = 1795000000;
	const char *q;
	FILE *f;
	int i;
	void (*pages[])(struct page *) = { page_overview, page_plan, page_risks, page_site };

	snprintf(db, sizeof(db), "%s/pages.db", dir);
	snprintf(conf, sizeof(conf), "%s/riposte.conf", dir);
	f = fopen(conf, "w");
	fprintf(f, "[site]\nname = %s\ncountry = CH\nlanguage = fr\n[insurance]\ninsurer = %s\n"
	    "currency = CHF\n[contact police]\nname = %s\nverified = 2020-01-01\n", hostile,
	    hostile, hostile);
	fclose(f);
	assert_int_equal(rp_store_open(&st, db, RP_STORE_CREATE), 0);
	assert_int_equal(rp_case_open(st, now - 3600, hostile, now - 7200, hostile, &id), 0);
	assert_int_equal(rp_case_log(st, id, now - 60, hostile, hostile, RP_TIME_UNSET), 0);
	snprintf(data, sizeof(data), "{\"kind\":\"alert\",\"pid\":1,\"cmdline\":\"<script>x()</script>\","
	    "\"files\":[\"/srv/<b>a</b>\"],\"files_touched\":1,\"score\":100,\"result\":\"stopped\"}");
	assert_int_equal(rp_journal_append(st, id, now - 30, "watch", "riposte watch", hostile, data,
	    NULL), 0);
	/* the template's markers, written by someone: text, never a marker */
	assert_int_equal(rp_case_log(st, id, now - 20, "\001U\001", "\001C\001", RP_TIME_UNSET), 0);
	rp_store_close(st);

	/* a name in the journal is one line (markup in it is escaped like any value) */
	memset(&c, 0, sizeof(c));
	c.db_path = db;
	c.site_path = conf;
	c.listen = "127.0.0.1:0";
	c.users = &u;
	c.nusers = 1;
	assert_int_equal(rp_serve_new(&c, NULL, NULL, &s), RP_ERR_INVALID);
	c.users = &ok_user;
	assert_int_equal(rp_serve_new(&c, NULL, NULL, &s), 0);
	assert_string_equal(s->tx.lang, "fr");     /* the site's language */
	assert_int_equal(snap_refresh(s, now, 1), 0);
	sn = snap_get(s);
	assert_true(sn->have_case);
	assert_int_equal(sn->nalerts, 1);
	memset(&sess, 0, sizeof(sess));
	snprintf(sess.user, sizeof(sess.user), "%s", "<u>anna</u>");
	snprintf(sess.csrf, sizeof(sess.csrf), "%s", "\"><script>");
	for (i = 0; i < 4; i++) {
		memset(&p, 0, sizeof(p));
		p.s = s;
		p.sn = sn;
		p.sess = &sess;
		p.b = &out;
		p.now = now;
		p.msg = "logged";
		rp_buf_reset(&out);
		pages[i](&p);
		/* our one script element and nothing else of the kind */
		q = strstr(out.buf, "<script");
		assert_non_null(q);
		assert_ptr_equal(strstr(out.buf, "<script src=\"/static/app.js\" defer></script>"), q);
		assert_null(strstr(q + 1, "<script"));
		assert_null(strstr(out.buf, "<img"));
		assert_null(strstr(out.buf, "<u>"));
		assert_null(strstr(out.buf, "<b>a"));
		assert_null(strstr(out.buf, " style="));
		assert_true(rp_utf8_valid(out.buf, out.len));
	}
	rp_buf_reset(&out);
	memset(&p, 0, sizeof(p));
	p.s = s;
	p.sn = sn;
	p.sess = &sess;
	p.b = &out;
	p.now = now;
	page_overview(&p);
	assert_non_null(strstr(out.buf, "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&amp;&lt;img"));
	assert_non_null(strstr(out.buf, "Délais légaux"));
	assert_non_null(strstr(out.buf, "&lt;script&gt;x()&lt;/script&gt;"));
	/* an attribute's value cannot close its quotes */
	assert_non_null(strstr(out.buf, "name=\"csrf\" value=\"&quot;&gt;&lt;script&gt;\""));
	assert_non_null(strstr(out.buf, "&lt;u&gt;anna&lt;/u&gt;"));
	/* a page from its template (the overview, the journal) is the page rendered for the
	 * session, byte for byte, and the markers in the store stay text */
	for (i = 0; i < 2; i++) {
		struct rp_buf t = RP_BUF_INIT, filled = RP_BUF_INIT;

		rp_buf_reset(&out);
		memset(&p, 0, sizeof(p));
		p.s = s;
		p.sn = sn;
		p.sess = &sess;
		p.b = &out;
		p.now = now;
		if (i == 0)
			page_overview(&p);
		else
			page_journal(&p, 0);
		assert_null(memchr(out.buf, '\001', out.len));
		p.b = &t;
		p.tmpl = 1;
		if (i == 0)
			page_overview(&p);
		else
			page_journal(&p, 0);
		assert_null(strstr(t.buf, "&lt;u&gt;anna"));
		assert_null(strstr(t.buf, "&quot;&gt;&lt;script&gt;"));
		assert_int_equal(tmpl_fill(t.buf, t.len, &sess, &filled), 0);
		assert_int_equal(filled.len, out.len);
		assert_memory_equal(filled.buf, out.buf, out.len);
		rp_buf_release(&t);
		rp_buf_release(&filled);
	}
	/* the API: one JSON object, the hostile title as it was */
	rp_buf_reset(&out);
	assert_int_equal(status_json(s, sn, now, &out), 0);
	assert_int_equal(rp_jdoc_parse(&doc, out.buf, out.len), 0);
	assert_string_equal(rp_jv_str(rp_jv_get(rp_jv_get(rp_jdoc_root(doc), "case"), "title")), hostile);
	assert_int_equal(rp_jv_len(rp_jv_get(rp_jdoc_root(doc), "alerts")), 1);
	/* no drill run yet: "drills" is there, and null (tests/e2e/serve-drill.sh: a run) */
	assert_true(rp_jv_is_null(rp_jv_get(rp_jdoc_root(doc), "drills")));
	rp_jdoc_free(doc);
	snap_put(s, sn);
	rp_serve_free(s);
	rp_buf_release(&out);
}

static int
setup(void **state)
{
	return mkdtemp(dir) ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[300];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(form_parses_and_refuses),
		cmocka_unit_test(targets_split_and_refuse),
		cmocka_unit_test(cookies_are_found),
		cmocka_unit_test(token_files_are_private),
		cmocka_unit_test(sessions_codes_and_the_brake),
		cmocka_unit_test(phase_and_ticks_from_the_journal),
		cmocka_unit_test(texts_are_complete_and_the_checklist_is_the_plan),
		cmocka_unit_test(alerts_are_read_from_watch_entries),
		cmocka_unit_test(refuses_what_is_not_safe),
		cmocka_unit_test(pages_escape_every_value),
	};

	setenv("TZ", "Europe/Zurich", 1);
	return cmocka_run_group_tests(tests, setup, teardown);
}
