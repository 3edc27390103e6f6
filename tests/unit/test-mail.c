#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/sha256.h"
#include "mail/internal.h"
#include "mail/mail.h"

static void
iban(void **state)
{
	char c[35];

	assert_int_equal(rp_mail_iban_valid("CH93 0076 2011 6238 5295 7", 26, c), 1);
	assert_string_equal(c, "CH9300762011623852957");
	assert_int_equal(rp_mail_iban_valid("LT121000011101001000", 20, c), 1);
	assert_int_equal(rp_mail_iban_valid("DE89 3704 0044 0532 0130 00", 27, c), 1);
	assert_int_equal(rp_mail_iban_valid("GB82WEST12345698765432", 22, c), 1);
	assert_int_equal(rp_mail_iban_valid("fr1420041010050500013m02606", 27, c), 1);
	/* check digits, length, country */
	assert_int_equal(rp_mail_iban_valid("DE88370400440532013000", 22, c), 0);
	assert_int_equal(rp_mail_iban_valid("DE8937040044053201300", 21, c), 0);
	assert_int_equal(rp_mail_iban_valid("XX89370400440532013000", 22, c), 0);
	assert_int_equal(rp_mail_iban_valid("CH93-0076-2011", 14, c), 0);
}

static int
collect(void *ctx, const char *iban)
{
	struct rp_buf *b = ctx;

	rp_buf_addf(b, "%s;", iban);
	return 0;
}

static void
iban_in_text(void **state)
{
	static const char t[] = "Neue IBAN: LT12 1000 0111 0100 1000, alt: CH93 0076 2011 6238 5295 7.\n"
	    "Kein IBAN: DE88370400440532013000 ABCDE89370400440532013000 DE89 3704 0044 0532 0130 00X";
	struct rp_buf b = RP_BUF_INIT;

	mail_iban_each(t, strlen(t), collect, &b);
	assert_string_equal(b.buf, "LT121000011101001000;CH9300762011623852957;");
	rp_buf_release(&b);
}

static void
bec_wording(void **state)
{
	static const struct { const char *text, *lang; } yes[] = {
		{ "Bitte beachten Sie: unsere Bankverbindung hat sich geändert!", "de" },
		{ "Veuillez noter nos NOUVELLES coordonnées bancaires ci-dessous", "fr" },
		{ "Le comunichiamo le nuove coordinate bancarie", "it" },
		{ "Please note our new bank details for future payments", "en" },
		{ "We have changed our bank account, please pay into our new account", "en" },
	};
	static const char *const no[] = { "The bank holiday is on Monday",
		"Ihre Bankverbindung bleibt unverändert", "new details about the appointment" };
	struct mail_bec_words *w = NULL;
	struct rp_buf n = RP_BUF_INIT;
	const char *phrase, *lang;
	size_t i;

	assert_int_equal(mail_bec_words_load(&w, NULL), 0);
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++) {
		rp_buf_reset(&n);
		mail_bec_normalise(&n, yes[i].text, strlen(yes[i].text));
		assert_int_equal(mail_bec_wording(w, n.buf, n.len, &phrase, &lang), 1);
		assert_string_equal(lang, yes[i].lang);
	}
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++) {
		rp_buf_reset(&n);
		mail_bec_normalise(&n, no[i], strlen(no[i]));
		assert_int_equal(mail_bec_wording(w, n.buf, n.len, &phrase, &lang), 0);
	}
	mail_bec_words_free(w);
	rp_buf_release(&n);
}

struct msgs {
	int n;
	char body[4][256];
	uint64_t off[4];
};

static int
on_msg(void *ctx, uint64_t off, const char *from, size_t fromlen, const char *data, size_t len,
    int over)
{
	struct msgs *m = ctx;

	if (m->n < 4) {
		snprintf(m->body[m->n], sizeof(m->body[0]), "%.*s", (int)len, data);
		m->off[m->n] = off;
	}
	m->n++;
	return 0;
}

static void
mbox_split(void **state)
{
	static const char box[] =
	    "From a@b.example Thu Nov 19 14:45:31 2026\nSubject: one\n\nFrom here on, no split\n"
	    ">From escaped\n>>From twice\n\n"
	    "From MAILER-DAEMON Fri Nov 20 01:02:03 2026\nSubject: two\n\nlast";
	struct mail_mbox mb;
	struct msgs m = { 0 };
	int64_t t;
	size_t i;

	/* fed one byte at a time: lines cut anywhere */
	mail_mbox_init(&mb, 1u << 20);
	mb.on_msg = on_msg;
	mb.ctx = &m;
	for (i = 0; i < sizeof(box) - 1; i++)
		assert_int_equal(mail_mbox_feed(&mb, box + i, 1), 0);
	assert_int_equal(mail_mbox_end(&mb), 0);
	mail_mbox_release(&mb);
	assert_int_equal(m.n, 2);
	assert_string_equal(m.body[0], "Subject: one\n\nFrom here on, no split\nFrom escaped\n>From twice\n\n");
	assert_string_equal(m.body[1], "Subject: two\n\nlast");
	assert_int_equal(m.off[1], strstr(box, "From MAILER") - box);
	assert_int_equal(mail_mbox_is_from("From a@b Thu Nov 19 14:45:31 2026", 33, &t), 1);
	assert_int_equal(t, 1795099531);
	assert_int_equal(mail_mbox_is_from("From the lab, results", 21, &t), 0);
}

static void
sniff(void **state)
{
	static const char msg[] = "Return-Path: <a@b>\nFrom: a@b\nSubject: x\n\nbody";
	static const char box[] = "From a@b Thu Nov 19 14:45:31 2026\nFrom: a@b\n";
	static const char sieve[] = "# filters\nrequire [\"fileinto\"];\nif true { keep; }\n";
	static const char proc[] = "MAILDIR=$HOME/Mail\n:0:\n* ^Subject: x\nfolder\n";
	static const char csv[] = "\xef\xbb\xbf\"Name\",\"ForwardTo\",\"Enabled\"\n\"a\",\"b\",\"True\"\n";
	static const char json[] = "[{\"Name\":\"a\",\"ForwardTo\":null}]";

	assert_int_equal(mail_sniff(msg, sizeof(msg) - 1, "1.eml"), MAIL_F_MESSAGE);
	assert_int_equal(mail_sniff(box, sizeof(box) - 1, "x"), MAIL_F_MBOX);
	assert_int_equal(mail_sniff("!BDN\0\0", 6, "a.txt"), MAIL_F_PST);
	assert_int_equal(mail_sniff(sieve, sizeof(sieve) - 1, "x"), MAIL_F_SIEVE);
	assert_int_equal(mail_sniff(proc, sizeof(proc) - 1, "x"), MAIL_F_PROCMAIL);
	assert_int_equal(mail_sniff(csv, sizeof(csv) - 1, "x"), MAIL_F_EXCHANGE_CSV);
	assert_int_equal(mail_sniff(json, sizeof(json) - 1, "x"), MAIL_F_EXCHANGE_JSON);
	assert_int_equal(mail_sniff("a@b.example\n", 12, ".forward"), MAIL_F_FORWARD);
	assert_int_equal(mail_sniff("hello: world\nnot mail\n", 22, "x"), MAIL_F_OTHER);
	assert_int_equal(mail_sniff("%PDF-1.7\n", 9, "x"), MAIL_F_OTHER);
}

struct rules {
	int n;
	char got[8][300];
};

static int
on_rule(void *ctx, const struct rp_mail_rule *r)
{
	struct rules *k = ctx;

	if (k->n < 8)
		snprintf(k->got[k->n], sizeof(k->got[0]), "%s %d %s %s %s", r->format, r->line,
		    r->action, r->target, r->name);
	k->n++;
	return 0;
}

static void
rules(void **state)
{
	static const char *const dom[] = { "praxis.example" };
	static const char sieve[] =
	    "require [\"fileinto\", \"copy\"];\n"
	    "# rule:[keep internal]\nif true { redirect \"chef@praxis.example\"; }\n"
	    "# rule:[x]\nif header :contains \"subject\" \"Bank\" {\n redirect :copy \"a@evil.example\";\n"
	    " fileinto \"INBOX.RSS Feeds\";\n discard;\n}\n/* comment redirect \"no@evil.example\"; */\n"
	    "fileinto \"Newsletter\";\n";
	static const char fwd[] = "\\chef, \"|/usr/sbin/sendmail x@evil.example\"\nother@evil.example\n";
	static const char proc[] = ":0c\n* ^Subject:.*Rechnung\n! x@evil.example chef@praxis.example\n"
	    ":0\n* ^From:.*bank\n/dev/null\n:0 fw\n| spamc\n";
	static const char csv[] = "#TYPE x\n\"MailboxOwnerId\",\"Name\",\"Enabled\",\"ForwardTo\","
	    "\"RedirectTo\",\"DeleteMessage\",\"MoveToFolder\"\n"
	    "\"me@praxis.example\",\"ok\",\"True\",\"\",\"\",\"False\",\"Newsletter\"\n"
	    "\"me@praxis.example\",\".\",\"True\",\"\"\"A\"\" [SMTP:a@evil.example]\",\"\",\"True\","
	    "\"RSS Feeds\"\n\"me@praxis.example\",\"off\",\"False\",\"b@evil.example\",\"\",\"\",\"\"\n";
	static const char json[] = "[{\"Name\":\"r\",\"RedirectTo\":[\"\\\"x\\\" [SMTP:r@evil.example]\"],"
	    "\"DeleteMessage\":false,\"MoveToFolder\":\"Conversation History\",\"Enabled\":true}]";
	struct rules k = { 0 };
	struct mail_rule_sink s = { on_rule, &k, dom, 1, "f", 1 };

	assert_int_equal(mail_rules_sieve(sieve, sizeof(sieve) - 1, &s), 0);
	assert_int_equal(k.n, 3);
	assert_string_equal(k.got[0], "sieve 6 redirect a@evil.example x");
	assert_string_equal(k.got[1], "sieve 7 move INBOX.RSS Feeds x");
	assert_string_equal(k.got[2], "sieve 8 discard  x");
	k.n = 0;
	assert_int_equal(mail_rules_forward(fwd, sizeof(fwd) - 1, &s), 0);
	assert_int_equal(k.n, 2);
	assert_string_equal(k.got[0], "forward 1 pipe /usr/sbin/sendmail x@evil.example ");
	assert_string_equal(k.got[1], "forward 2 forward other@evil.example ");
	k.n = 0;
	assert_int_equal(mail_rules_procmail(proc, sizeof(proc) - 1, &s), 0);
	assert_int_equal(k.n, 2);
	assert_string_equal(k.got[0], "procmail 3 forward x@evil.example ");
	assert_string_equal(k.got[1], "procmail 6 discard  ");
	k.n = 0;
	assert_int_equal(mail_rules_exchange_csv(csv, sizeof(csv) - 1, &s), 0);
	assert_int_equal(k.n, 3);
	assert_string_equal(k.got[0], "exchange-csv 4 forward a@evil.example .");
	assert_string_equal(k.got[1], "exchange-csv 4 delete  .");
	assert_string_equal(k.got[2], "exchange-csv 4 move RSS Feeds .");
	k.n = 0;
	assert_int_equal(mail_rules_exchange_json(json, sizeof(json) - 1, &s), 0);
	assert_int_equal(k.n, 2);
	assert_string_equal(k.got[0], "exchange-json 0 redirect r@evil.example r");
	assert_string_equal(k.got[1], "exchange-json 0 move Conversation History r");
}

static void
iocs(void **state)
{
	static const char lines[] = "# x\nsha256:AB" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd\n"
	    "domain:Evil.Example\n\nurl:https://Bad.Example/x/\nemail:a@b.example\nfilename:Rechnung.DOCM\n";
	static const char stix[] = "{\"type\":\"bundle\",\"objects\":[{\"type\":\"indicator\",\"pattern\":"
	    "\"[domain-name:value = 'c2.example'] OR [file:hashes.'SHA-256' = '"
	    "1111111111111111111111111111111111111111111111111111111111111111']\",\"pattern_type\":\"stix\"},"
	    "{\"type\":\"url\",\"value\":\"http://x.example/a\"},{\"type\":\"email-addr\",\"value\":\"z@q.example\"}]}";
	struct rp_mail_iocs *s;
	const char *src;
	int line;

	assert_int_equal(rp_mail_iocs_new(&s), 0);
	assert_int_equal(rp_mail_iocs_load(s, lines, sizeof(lines) - 1, "f", &line), 0);
	assert_int_equal(rp_mail_iocs_load(s, stix, sizeof(stix) - 1, "b", &line), 0);
	assert_int_equal(rp_mail_iocs_count(s), 9);
	assert_non_null(mail_iocs_match(s, RP_IOC_DOMAIN, "cdn.evil.example", &src));
	assert_string_equal(src, "f");
	assert_null(mail_iocs_match(s, RP_IOC_DOMAIN, "notevil.example", &src));
	assert_non_null(mail_iocs_match(s, RP_IOC_DOMAIN, "c2.example", &src));
	assert_string_equal(src, "b");
	assert_non_null(mail_iocs_match(s, RP_IOC_URL, "HTTPS://bad.example/x", NULL));
	assert_non_null(mail_iocs_match(s, RP_IOC_FILENAME, "rechnung.docm", NULL));
	assert_non_null(mail_iocs_match(s, RP_IOC_SHA256,
	    "AB0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcd", NULL));
	assert_non_null(mail_iocs_match(s, RP_IOC_EMAIL, "Z@Q.example", NULL));
	assert_int_equal(rp_mail_iocs_load(s, "domain:\n", 8, "g", &line), RP_ERR_FORMAT);
	assert_int_equal(line, 1);
	assert_int_equal(rp_mail_iocs_load(s, "\n\nbogus:x\n", 10, "g", &line), RP_ERR_FORMAT);
	assert_int_equal(line, 3);
	assert_int_equal(rp_mail_iocs_load(s, "{\"objects\":", 11, "g", &line), RP_ERR_FORMAT);
	rp_mail_iocs_free(s);
}

static void
links(void **state)
{
	char h[256], shown[256];

	mail_url_host("https://user@Portal.Example.COM:8443/x?y", 40, h, sizeof(h));
	assert_string_equal(h, "portal.example.com");
	assert_int_equal(mail_link_mismatch("https://www.paypal.com/login", 28, "paypal.com.evil.example",
	    shown, sizeof(shown)), 1);
	assert_string_equal(shown, "www.paypal.com");
	assert_int_equal(mail_link_mismatch("www.bank.co.uk", 14, "secure.bank.co.uk", shown,
	    sizeof(shown)), 0);
	assert_int_equal(mail_link_mismatch("Click here", 10, "evil.example", shown, sizeof(shown)), 0);
	assert_int_equal(mail_link_mismatch("praxis-muster.example/befund", 28, "evil.example", shown,
	    sizeof(shown)), 1);
}

static void
names(void **state)
{
	assert_int_equal(mail_name_double_ext("Rechnung.pdf.exe"), 1);
	assert_int_equal(mail_name_double_ext("Scan.JPG.scr"), 1);
	assert_int_equal(mail_name_double_ext("invoice.pdf          .exe"), 1);
	assert_int_equal(mail_name_double_ext("setup.exe"), 0);
	assert_int_equal(mail_name_double_ext("report.2026.pdf"), 0);
	assert_int_equal(mail_name_exec("a.zip!tools/x.JS"), 1);
	assert_int_equal(mail_name_exec("word/vbaProject.bin"), 0);
	assert_int_equal(mail_name_exec("letter.docx"), 0);
}

/* The verdicts kept by SHA-256: the same bytes again are answered without a scan,
 * a signature's name included; without a hash nothing is kept. */
static void
clam_verdicts(void **state)
{
	/* the EICAR test string from two halves (this file is no test file itself) */
	static const char e1[] = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$",
	    e2[] = "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";
	char dir[] = "/tmp/riposte-test-clam.XXXXXX", path[64], eicar[80], vir[128];
	char he[RP_SHA256_HEX_LEN], hc[RP_SHA256_HEX_LEN];
	static const char clean[] = "%PDF-1.4 nothing to see here\n";
	struct rp_buf st = RP_BUF_INIT, err = RP_BUF_INIT;
	struct mail_clam *c = NULL;
	uint64_t scans, hits;
	size_t i;
	FILE *f;

	snprintf(eicar, sizeof(eicar), "%s%s", e1, e2);
	assert_int_equal(strlen(eicar), 68);
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/t.ndb", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("Eicar-Test-Body:0:*:", f);
	for (i = 0; i < 68; i++)
		fprintf(f, "%02x", (unsigned char)eicar[i]);
	fputs("\n", f);
	fclose(f);
	assert_int_equal(mail_clam_load(&c, dir, "/tmp", &st, &err), 0);
	assert_non_null(c);
	assert_int_equal(rp_sha256_hex(eicar, 68, he), 0);
	assert_int_equal(rp_sha256_hex(clean, sizeof(clean) - 1, hc), 0);
	for (i = 0; i < 3; i++) {
		vir[0] = '\0';
		assert_int_equal(mail_clam_scan(c, eicar, 68, he, vir, sizeof(vir)), 1);
		assert_string_equal(vir, "Eicar-Test-Body.UNOFFICIAL");
		assert_int_equal(mail_clam_scan(c, clean, sizeof(clean) - 1, hc, vir,
		    sizeof(vir)), 0);
	}
	mail_clam_counts(c, &scans, &hits);
	assert_int_equal(scans, 6);
	assert_int_equal(hits, 4);
	/* no hash: scanned, not counted, not kept; a hash that is not one: the same */
	assert_int_equal(mail_clam_scan(c, eicar, 68, NULL, vir, sizeof(vir)), 1);
	assert_int_equal(mail_clam_scan(c, eicar, 68, "xyz", vir, sizeof(vir)), 1);
	mail_clam_counts(c, &scans, &hits);
	assert_int_equal(scans, 6);
	/* a different buffer under a kept hash is answered from the table: the
	 * caller's hash is trusted, which is why it must be the hash of data */
	assert_int_equal(mail_clam_scan(c, clean, sizeof(clean) - 1, he, vir, sizeof(vir)), 1);
	mail_clam_free(c);
	unlink(path);
	rmdir(dir);
	rp_buf_release(&st);
	rp_buf_release(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(iban),
		cmocka_unit_test(iban_in_text),
		cmocka_unit_test(bec_wording),
		cmocka_unit_test(mbox_split),
		cmocka_unit_test(sniff),
		cmocka_unit_test(rules),
		cmocka_unit_test(iocs),
		cmocka_unit_test(links),
		cmocka_unit_test(names),
		cmocka_unit_test(clam_verdicts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
