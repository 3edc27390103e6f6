/*
 * The correspondents of a case (lib/case/contacts.c): checked, recorded into the
 * journal, merged back by rp_case_load, written as letters.
 *
 * Also a test helper, standing in for `riposte mail trace --case` in the golden and
 * end-to-end tests: `test-contacts record DB FILE.jsonl [SOURCE]` records the
 * {"kind":"contact",...} lines of FILE (mail trace's JSONL: address, name, org,
 * class, client, lang, messages, first, last, iocs, fraud_iban) and its
 * {"kind":"ioc","type","value"} lines into the open case of DB, through the API.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "case/case.h"
#include "case/config.h"
#include "core/buf.h"
#include "core/err.h"
#include "core/file.h"
#include "core/time.h"
#include "store/store.h"

static char dir[] = "/tmp/rp-test-contacts.XXXXXX";

static int64_t
ts(const char *s)
{
	int64_t t = RP_TIME_UNSET;

	if (s)
		rp_time_parse(s, &t, NULL);
	return t;
}

static void
classes_by_name(void **state)
{
	assert_string_equal(rp_contact_class_name(RP_CONTACT_INFECTED), "infected");
	assert_string_equal(rp_contact_class_name(RP_CONTACT_EXPOSED), "exposed");
	assert_string_equal(rp_contact_class_name(RP_CONTACT_PRECAUTIONARY), "precautionary");
	assert_string_equal(rp_contact_class_name(7), "?");
	assert_int_equal(rp_contact_class_lookup("exposed"), RP_CONTACT_EXPOSED);
	assert_int_equal(rp_contact_class_lookup("bec"), -1);
	assert_int_equal(rp_contact_class_lookup(NULL), -1);
	/* a merge keeps the highest class: the order is the order of concern */
	assert_true(RP_CONTACT_INFECTED > RP_CONTACT_EXPOSED);
	assert_true(RP_CONTACT_EXPOSED > RP_CONTACT_PRECAUTIONARY);
}

static void
contact_checked_before_recording(void **state)
{
	static const char *const msgs[] = { "<a@x>" };
	static const char *const iocs[] = { "sha256:275A021BBFB6489E54D471899F7DB9D1663FC695EC2FE2A2C4538AABF651FD0F" };
	static const char *const badioc[] = { "md5:abc" };
	static const char *const noval[] = { "sha256:" };
	static const char *const emptymsg[] = { "" };
	struct rp_case_contact ok = { "anna@labor.example", "Anna", NULL, "Labor", "de",
	    RP_CONTACT_INFECTED, msgs, 1, 100, 200, iocs, 1, NULL };
	struct rp_case_contact k;

	assert_int_equal(rp_case_contact_check(&ok), 0);
	k = ok; k.address = NULL;                    assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.address = "anna";                  assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.address = "@labor.example";        assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.address = "anna@";                 assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.address = "a@b@c";                 assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.address = "a b@c";                 assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.name = "Anna\r\nBcc: x";           assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.name = "\xc3";                     assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.org = "";                          assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.cls = 3;                           assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.cls = -1;                          assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.first = 300;                       assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.iocs = badioc;                     assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.iocs = noval;                      assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.messages = emptymsg;               assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.messages = NULL;                   assert_int_equal(rp_case_contact_check(&k), RP_ERR_INVALID);
	k = ok; k.nmessages = RP_CONTACT_MAX_MESSAGES + 1;
	assert_int_equal(rp_case_contact_check(&k), RP_ERR_TOOBIG);
	/* an address-book entry: no messages, no dates */
	k = ok; k.nmessages = 0; k.messages = NULL; k.first = k.last = RP_TIME_UNSET;
	k.niocs = 0; k.cls = RP_CONTACT_PRECAUTIONARY;
	assert_int_equal(rp_case_contact_check(&k), 0);
}

struct kinds {
	char text[8][160];
	char kind[8][16];
	int n;
};

static int
each_entry(const struct rp_journal_entry *e, void *ctx)
{
	struct kinds *k = ctx;

	if (k->n < 8) {
		snprintf(k->kind[k->n], sizeof(k->kind[0]), "%s", e->kind);
		snprintf(k->text[k->n], sizeof(k->text[0]), "%s", e->text);
	}
	k->n++;
	return 0;
}

static void
recorded_then_merged_by_address(void **state)
{
	static const char *const m1[] = { "<m1@praxis.example>" };
	static const char *const m2[] = { "<m1@praxis.example>", "<m2@praxis.example>" };
	static const char *const ci[] = { "filename:Rechnung.docm" };
	static const char *const call[] = { "domain:EVIL.example", "url:https://evil.example/a",
	    "domain:evil.example" };
	struct rp_case_contact first[] = {
		{ "anna@Labor.example", "Anna Beispiel", NULL, "Labor Beispiel AG", "de",
		  RP_CONTACT_EXPOSED, m1, 1, ts("2026-11-19T10:00:00Z"), ts("2026-11-19T10:00:00Z"),
		  NULL, 0, NULL },
		{ "bob@cabinet.example", NULL, NULL, NULL, NULL, RP_CONTACT_PRECAUTIONARY, NULL, 0,
		  RP_TIME_UNSET, RP_TIME_UNSET, NULL, 0, NULL },
	};
	struct rp_case_contact again[] = {
		{ "ANNA@labor.example", NULL, NULL, "Labor Beispiel AG", "de", RP_CONTACT_INFECTED,
		  m2, 2, ts("2026-11-18T09:00:00Z"), ts("2026-11-19T12:00:00Z"), ci, 1,
		  "DE89370400440532013000" },
	};
	struct rp_case_contact bad[] = { first[0], { "nobody", NULL, NULL, NULL, NULL, 0, NULL, 0,
	    RP_TIME_UNSET, RP_TIME_UNSET, NULL, 0, NULL } };
	static const char *const badiocs[] = { "domain:-bad" };
	struct rp_buf p = RP_BUF_INIT;
	struct rp_store *st;
	struct rp_case c;
	struct kinds k = { .n = 0 };
	int64_t id, seq;
	size_t b = 99;

	rp_buf_addf(&p, "%s/r.db", dir);
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), 0);
	/* no open case */
	assert_int_equal(rp_case_contacts_record(st, 0, 10, "me", "mail trace", first, 2, NULL, 0,
	    NULL), RP_ERR_NOTFOUND);
	assert_int_equal(rp_case_open(st, 1000, "Virus sent", 900, NULL, &id), 0);
	assert_int_equal(rp_case_ioc_add(st, id, 1001, "me", "url", "https://evil.example/a"), 0);
	/* a bad contact or indicator: its index, and nothing recorded */
	assert_int_equal(rp_case_contacts_record(st, 0, 1002, "me", "mail trace", bad, 2, NULL, 0,
	    &b), RP_ERR_INVALID);
	assert_int_equal(b, 1);
	assert_int_equal(rp_case_contacts_record(st, 0, 1002, "me", "mail trace", first, 2,
	    badiocs, 1, &b), RP_ERR_INVALID);
	assert_int_equal(b, 2);
	assert_int_equal(rp_case_contacts_record(st, 0, 1002, "me", NULL, first, 2, NULL, 0, &b),
	    RP_ERR_INVALID);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_int_equal(c.nentries, 2);
	rp_case_release(&c);

	assert_int_equal(rp_case_contacts_record(st, 0, 1003, "me", "mail trace", first, 2, call, 3,
	    &b), 0);
	assert_int_equal(rp_journal_each(st, id, each_entry, &k), 0);
	assert_int_equal(k.n, 2 + 2 + 1 + 1);      /* the url was held, the domain given twice */
	assert_string_equal(k.kind[2], "contact");
	assert_string_equal(k.text[2], "contact exposed: anna@Labor.example (Labor Beispiel AG)");
	assert_string_equal(k.text[3], "contact precautionary: bob@cabinet.example");
	assert_string_equal(k.kind[4], "ioc");
	assert_string_equal(k.text[4], "IOC domain: evil.example");
	assert_string_equal(k.kind[5], "contacts");
	assert_string_equal(k.text[5], "contacts from mail trace: 0 infected, 1 exposed, "
	    "1 precautionary in 2 organisations");

	assert_int_equal(rp_case_contacts_record(st, id, 1004, "me", "mail trace", again, 1, NULL,
	    0, NULL), 0);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_int_equal(c.ncontacts, 2);
	assert_string_equal(c.contacts[0].address, "anna@Labor.example");
	assert_string_equal(c.contacts[0].org, "labor.example");   /* the domain, lower case */
	assert_int_equal(c.contacts[0].cls, RP_CONTACT_INFECTED);  /* the higher class */
	assert_string_equal(c.contacts[0].name, "Anna Beispiel");  /* kept: not given again */
	assert_int_equal(c.contacts[0].nmessages, 2);              /* the union */
	assert_int_equal(c.contacts[0].first, ts("2026-11-18T09:00:00Z"));
	assert_int_equal(c.contacts[0].last, ts("2026-11-19T12:00:00Z"));
	assert_int_equal(c.contacts[0].niocs, 1);
	assert_string_equal(c.contacts[0].iocs[0], "filename:Rechnung.docm");
	assert_string_equal(c.contacts[0].fraud_iban, "DE89370400440532013000");
	assert_int_equal(c.contacts[0].time, 1003);
	assert_int_equal(c.contacts[1].cls, RP_CONTACT_PRECAUTIONARY);
	assert_int_equal(c.contacts[1].first, RP_TIME_UNSET);
	assert_int_equal(c.niocs, 2);
	assert_string_equal(c.iocs[1].value, "evil.example");
	rp_case_release(&c);
	assert_int_equal(rp_journal_verify(st, id, &seq), 0);
	rp_store_close(st);
	unlink(p.buf);
	rp_buf_release(&p);
}

/* Whether every line after the head (From, To, Date, Subject) fits in width columns,
 * unless it is one word after its indentation (a hash, a Message-ID). */
static int
lines_fit(const char *text, size_t width)
{
	const char *p = strstr(text, "\n\n"), *e;
	size_t cols, i, ind;

	for (p = p ? p + 2 : text; *p; p = *e ? e + 1 : e) {
		e = p + strcspn(p, "\n");
		for (cols = 0, i = 0; p + i < e; i++)
			cols += ((unsigned char)p[i] & 0xc0) != 0x80;
		ind = strspn(p, " ");
		if (cols > width && memchr(p + ind, ' ', (size_t)(e - p) - ind) != NULL) {
			fprintf(stderr, "too long: %.*s\n", (int)(e - p), p);
			return 0;
		}
	}
	return 1;
}

static void
letters_per_organisation(void **state)
{
	static const char site_text[] = "[site]\nname = Praxis\naddress = Gasse 1\nphone = +41 44 000 00 00\n"
	    "language = fr\n[contact dpo]\nname = Dr. X\nphone = +41 44 000 00 02\nemail = dpo@praxis.example\n"
	    "[client]\nname = Org Inc\ncontact = boss@Org.example\nlanguage = en\n"
	    "[client]\nname = Lonely GmbH\ncontact = a@lonely.example\nlanguage = de\n"
	    "[client]\nname = No address\nlanguage = de\n";
	static const char *const m1[] = { "<m1@praxis>" };
	static const char *const m2[] = { "<m2@praxis>", "<m3@praxis>" };
	static const char *const hash[] = { "sha256:275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f" };
	const struct rp_case_contact k[] = {
		{ "it@org.example", "IT Desk", NULL, NULL, NULL, RP_CONTACT_EXPOSED, m2, 2,
		  ts("2026-11-18T08:00:00Z"), ts("2026-11-19T09:00:00Z"), NULL, 0, NULL },
		{ "ceo@org.example", NULL, NULL, NULL, NULL, RP_CONTACT_INFECTED, m1, 1,
		  ts("2026-11-19T10:00:00Z"), ts("2026-11-19T10:00:00Z"), hash, 1, NULL },
		{ "jane@gmail.com", "Jane Roe", NULL, NULL, NULL, RP_CONTACT_PRECAUTIONARY, NULL, 0,
		  RP_TIME_UNSET, RP_TIME_UNSET, NULL, 0, NULL },
		{ "john@GMAIL.com", NULL, NULL, NULL, NULL, RP_CONTACT_PRECAUTIONARY, NULL, 0,
		  RP_TIME_UNSET, RP_TIME_UNSET, NULL, 0, NULL },
		{ "acc@roma.example", NULL, NULL, "Roma Srl", "it", RP_CONTACT_INFECTED, m1, 1,
		  ts("2026-11-19T10:00:00Z"), ts("2026-11-19T10:00:00Z"), NULL, 0,
		  "IT60 X054 2811 1010 0000 0123 456" },
	};
	struct rp_buf p = RP_BUF_INIT;
	struct rp_letters L = { NULL, 0 };
	struct rp_store *st;
	struct rp_ini *site;
	struct rp_case c;
	int64_t id;
	size_t i;

	rp_buf_addf(&p, "%s/l.db", dir);
	assert_int_equal(rp_ini_parse(site_text, strlen(site_text), &site, NULL), 0);
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), 0);
	assert_int_equal(rp_case_open(st, ts("2026-11-19T16:30:00Z"), "T", ts("2026-11-19T16:30:00Z"),
	    NULL, &id), 0);
	assert_int_equal(rp_case_ioc_add(st, id, 1, "me", "domain", "evil.example"), 0);
	assert_int_equal(rp_case_contacts_record(st, id, 2, "me", "mail trace", k, 5, NULL, 0,
	    NULL), 0);
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_int_equal(rp_case_letters(NULL, &c, site, ts("2026-11-20T07:00:00Z"), &L), 0);
	/* org.example (joined to its client), roma.example, two people at gmail.com, and
	 * the client no mail went to; not the client without an address */
	assert_int_equal(L.n, 5);
	assert_string_equal(L.v[0].org, "org.example");
	assert_int_equal(L.v[0].cls, RP_CONTACT_INFECTED);          /* its highest class */
	assert_string_equal(L.v[0].client, "Org Inc");
	assert_string_equal(L.v[0].lang, "en");                     /* the client's language */
	assert_string_equal(L.v[0].file, "org.example.txt");
	assert_int_equal(L.v[0].naddresses, 2);
	assert_string_equal(L.v[0].addresses[0], "ceo@org.example");
	assert_non_null(strstr(L.v[0].text.buf, "Security warning"));
	assert_non_null(strstr(L.v[0].text.buf, "<m1@praxis>"));
	assert_non_null(strstr(L.v[0].text.buf, "<m3@praxis>"));     /* every message of the org */
	assert_non_null(strstr(L.v[0].text.buf, "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f"));
	assert_null(strstr(L.v[0].text.buf, "evil.example"));      /* its own indicators only */
	assert_null(strstr(L.v[0].text.buf, "IT60"));
	assert_non_null(strstr(L.v[0].text.buf, "between 18 November 2026 at 09:00 and\n19 November 2026 at 11:00"));
	assert_string_equal(L.v[1].org, "roma.example");
	assert_string_equal(L.v[1].lang, "fr");                     /* "it": the site's language */
	assert_non_null(strstr(L.v[1].text.buf, "IT60 X054 2811 1010 0000 0123 456"));
	assert_non_null(strstr(L.v[1].text.buf, "Ce message est frauduleux"));
	assert_non_null(strstr(L.v[1].text.buf, "le 19 novembre 2026 à 11 h 00"));
	/* precautionary, by organisation: the people at gmail.com apart */
	assert_string_equal(L.v[2].org, "jane@gmail.com");
	assert_string_equal(L.v[2].name, "Jane Roe");
	assert_string_equal(L.v[2].file, "jane@gmail.com.txt");
	assert_null(strstr(L.v[2].text.buf, "john"));
	assert_string_equal(L.v[3].org, "john@gmail.com");
	assert_string_equal(L.v[3].name, "john@gmail.com");
	assert_string_equal(L.v[4].org, "lonely.example");
	assert_string_equal(L.v[4].lang, "de");
	assert_string_equal(L.v[4].addresses[0], "a@lonely.example");
	assert_non_null(strstr(L.v[4].text.buf, "Vorsorgliche Information"));
	for (i = 0; i < L.n; i++) {
		assert_non_null(strstr(L.v[i].text.buf, "+41 44 000 00 00"));   /* never broken */
		assert_null(strchr(L.v[i].text.buf, '\x1f'));
		assert_null(strstr(L.v[i].text.buf, "[...:"));
		assert_true(lines_fit(L.v[i].text.buf, 84));
		if (i != 1)                      /* the fraud's paragraph to the defrauded only */
			assert_null(strstr(L.v[i].text.buf, "IT60"));
	}
	rp_letters_release(&L);
	rp_case_release(&c);
	/* no site profile: English, the gaps marked */
	assert_int_equal(rp_case_load(st, id, &c), 0);
	assert_int_equal(rp_case_letters(NULL, &c, NULL, 0, &L), 0);
	assert_int_equal(L.n, 4);
	assert_string_equal(L.v[0].lang, "en");
	assert_non_null(strstr(L.v[0].text.buf, "[...: site/phone]"));
	rp_letters_release(&L);
	rp_letters_release(&L);                                     /* twice is harmless */
	rp_case_release(&c);
	rp_store_close(st);
	rp_ini_free(site);
	unlink(p.buf);
	rp_buf_release(&p);
}

/* ---- the helper ---- */

static const char *
jstr(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* Strings of a JSON array, borrowed from the object. */
static const char **
jstrv(json_t *o, const char *key, size_t *n)
{
	json_t *a = json_object_get(o, key), *x;
	const char **v;
	size_t i;

	*n = 0;
	if (!json_is_array(a) || json_array_size(a) == 0)
		return NULL;
	if ((v = calloc(json_array_size(a), sizeof(*v))) == NULL)
		return NULL;
	json_array_foreach(a, i, x)
		v[(*n)++] = json_string_value(x);
	return v;
}

static int
record(const char *db, const char *file, const char *source)
{
	struct rp_case_contact *k = NULL;
	json_t **lines = NULL;
	char **iocs = NULL;
	struct rp_buf f = RP_BUF_INIT, iv = RP_BUF_INIT;
	struct rp_store *st = NULL;
	size_t n = 0, ni = 0, nl = 0, i, bad = 0;
	const char *p, *end;
	int r;

	/* the time and the actor as the CLI takes them */
	if ((r = rp_file_read_all(AT_FDCWD, file, &f, 64 << 20)) != 0)
		goto out;
	for (p = f.buf; p < f.buf + f.len; p = end + 1) {
		json_t *o, **nv;
		const char *kind;

		if ((end = memchr(p, '\n', (size_t)(f.buf + f.len - p))) == NULL)
			end = f.buf + f.len;
		if (end == p || (o = json_loadb(p, (size_t)(end - p), 0, NULL)) == NULL)
			continue;
		if ((nv = realloc(lines, (nl + 1) * sizeof(*nv))) == NULL)
			return 2;
		lines = nv;
		lines[nl++] = o;
		kind = jstr(o, "kind");
		if (kind && strcmp(kind, "contact") == 0) {
			struct rp_case_contact *nk = realloc(k, (n + 1) * sizeof(*k));

			if (nk == NULL)
				return 2;
			k = nk;
			memset(&k[n], 0, sizeof(k[n]));
			k[n].address = jstr(o, "address");
			k[n].name = jstr(o, "name");
			k[n].org = jstr(o, "org");
			k[n].client = jstr(o, "client");
			k[n].lang = jstr(o, "lang");
			k[n].cls = rp_contact_class_lookup(jstr(o, "class"));
			k[n].messages = jstrv(o, "messages", &k[n].nmessages);
			k[n].first = ts(jstr(o, "first"));
			k[n].last = ts(jstr(o, "last"));
			k[n].iocs = jstrv(o, "iocs", &k[n].niocs);
			k[n].fraud_iban = jstr(o, "fraud_iban");
			n++;
		} else if (kind && strcmp(kind, "ioc") == 0) {
			char **ni_ = realloc(iocs, (ni + 1) * sizeof(*iocs));

			if (ni_ == NULL)
				return 2;
			iocs = ni_;
			rp_buf_reset(&iv);
			rp_buf_addf(&iv, "%s:%s", jstr(o, "type") ? jstr(o, "type") : "",
			    jstr(o, "value") ? jstr(o, "value") : "");
			if ((iocs[ni++] = strdup(iv.buf)) == NULL)
				return 2;
		}
	}
	if ((r = rp_store_open(&st, db, 0)) != 0)
		goto out;
	r = rp_case_contacts_record(st, 0, ts(getenv("RIPOSTE_NOW")) != RP_TIME_UNSET ?
	    ts(getenv("RIPOSTE_NOW")) : 0, getenv("RIPOSTE_ACTOR") ? getenv("RIPOSTE_ACTOR") :
	    "unknown", source, k, n, (const char *const *)iocs, ni, &bad);
out:
	if (r != 0)
		fprintf(stderr, "test-contacts: record: %s (item %zu)\n", rp_strerror(r), bad);
	rp_store_close(st);
	for (i = 0; i < n; i++) {
		free((void *)k[i].messages);
		free((void *)k[i].iocs);
	}
	for (i = 0; i < nl; i++)
		json_decref(lines[i]);
	for (i = 0; i < ni; i++)
		free(iocs[i]);
	free(lines);
	free(k);
	free(iocs);
	rp_buf_release(&f);
	rp_buf_release(&iv);
	return r ? 2 : 0;
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(classes_by_name),
		cmocka_unit_test(contact_checked_before_recording),
		cmocka_unit_test(recorded_then_merged_by_address),
		cmocka_unit_test(letters_per_organisation),
	};
	char cmd[128];
	int r;

	if (argc >= 4 && strcmp(argv[1], "record") == 0)
		return record(argv[2], argv[3], argc > 4 ? argv[4] : "mail trace");
	if (mkdtemp(dir) == NULL)
		return 1;
	/* letters give local times: the practice's zone */
	setenv("TZ", "Europe/Zurich", 1);
	tzset();
	r = cmocka_run_group_tests(tests, NULL, NULL);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		r = r ? r : 1;
	return r;
}
