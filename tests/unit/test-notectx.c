/* Notes from the attack's context (lib/detect/notectx.h): the evidence a text carries,
 * which kinds together are enough, and the window and place it must be written in. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "core/err.h"
#include "detect/notectx.h"

#define T0 1795227600LL      /* an attack's first encrypted file */
#define SLACK 7200
#define BURST 3

static unsigned
ev(const char *s)
{
	return rp_notectx_evidence((const unsigned char *)s, strlen(s));
}

static int
enough(const char *s)
{
	return rp_notectx_enough(ev(s));
}

/* ---- what a text carries ---- */

static void
test_channels(void **state)
{
	(void)state;
	assert_true(ev("open http://qr3f7v7hwn55a6jiglwqmenjhiw2dkwazxlhlbwsvhkwa7o2bkazjs22.onion/x") &
	    RP_NCTX_ONION);
	assert_false(ev("see https://www.torproject.org/ for the browser") & RP_NCTX_ONION);
	assert_true(ev("Tox: 8EAEF4A8007566A02F88E3B6F531AFE682C330DDBADF22B0BC391B45E790DD99ED70107DAFD8") &
	    RP_NCTX_TOX);
	assert_true(ev("Session: 0512345678901234567890123456789012345678901234567890123456789abcde") &
	    RP_NCTX_SESSION);
	assert_true(ev("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh") & RP_NCTX_BTC);
	assert_true(ev("write to eva681@cock.li") & RP_NCTX_MAIL);
	assert_true(ev("\xd0\x9f\xd0\xb8\xd1\x88\xd0\xb8 @support_wejkbe") & RP_NCTX_HANDLE);
	/* code and style sheets: not handles; a mail's domain: not a handle */
	assert_int_equal(ev("/** @param name the name\n * @return nothing */\n@media print {}\n"), 0);
	assert_false(ev("mail: x@robot_2.com") & RP_NCTX_HANDLE);
	/* a plain URL is no way to reach an attacker here */
	assert_int_equal(ev("Documentation: https://example.org/docs/v2/index.html\n"), 0);
	/* a SHA-256 (64 hex) is neither Tox nor Session */
	assert_int_equal(ev("sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n"), 0);
}

static void
test_id_and_blob(void **state)
{
	(void)state;
	assert_true(ev("mail x@y.org ID C6DDAC3D") & RP_NCTX_ID);
	assert_true(ev("mail x@y.org\nUW PERSOONLIJKE ID: GpN9RoiOJTuSNpYKNLuRXcrZ") & RP_NCTX_ID);
	/* a word after ID, or a short number: no ID */
	assert_false(ev("mail x@y.org, your idea is welcome; id 1234") & RP_NCTX_ID);
	assert_true(ev("x@y.org\nKey:\nlpwAEyEIGgTxoGWQ0VGjyQllDHz1KEBJse7h1ApmsWCxnaySg58Q+3EnGCcGX45/\n") &
	    RP_NCTX_BLOB);
	/* a long word, a line of dashes: no blob */
	assert_false(ev("x@y.org\nPneumonoultramicroscopicsilicovolcanoconiosis is a word\n"
	    "----------------------------------------------------------\n") & RP_NCTX_BLOB);
}

/* the precision side: ordinary small texts written beside encrypted files */
static void
test_ordinary_texts(void **state)
{
	(void)state;
	/* a log a running application appends to, with mails and message IDs */
	assert_false(enough(
	    "2026-11-21 02:21:04 INFO sent reminder to anna.keller@example.ch id=4f3a9c2b7d\n"
	    "2026-11-21 02:25:11 INFO sent reminder to b.meier@example.ch id=9a8b7c6d5e\n"
	    "2026-11-21 02:31:40 WARN retry for c.roth@example.ch id=1a2b3c4d5e6f\n"));
	assert_true(ev("2026-11-21 02:21:04 sent to a@example.ch\n2026-11-21 02:21:05 x\n"
	    "2026-11-21 02:21:06 y\n") & RP_NCTX_SHAPED);
	/* a contact list: a vCard, a CSV export */
	assert_false(enough("BEGIN:VCARD\nVERSION:3.0\nFN:Anna Keller\nEMAIL:anna@example.ch\n"
	    "NOTE:Patient ID 4711AB99\nEND:VCARD\n"));
	assert_false(enough("name;mail;id\nAnna Keller;anna@example.ch;P0001234\n"
	    "Bruno Meier;bruno@example.ch;P0001235\nCarla Roth;carla@example.ch;P0001236\n"));
	/* four distinct mails: a list, whatever its shape */
	assert_true(ev("a@example.ch b@example.ch c@example.ch d@example.ch ID 12345678") &
	    RP_NCTX_SHAPED);
	/* a mail saved as .eml */
	assert_false(enough("From: Anna Keller <anna@example.ch>\nTo: praxis@example.ch\n"
	    "Subject: Termin\nMessage-ID: <a1b2c3d4e5@example.ch>\n\nBis morgen, ID 4711AB99\n"));
	/* a README with a URL and a mail to the maintainer */
	assert_false(enough("Frobnicator 2.1\n\nSee https://example.org/frob for the manual.\n"
	    "Bugs to frob-maint@example.org.\n"));
	/* a user's note with a mail and a phone number */
	assert_false(enough("Call Dr. Weber back about the lab results, weber@labor-x.ch, "
	    "044 123 45 67, before Friday.\n"));
	/* a README of more than 1 KiB with its maintainer's mail and a signing key's ID
	 * (as /usr/share/doc/polkitd/README.md) */
	{
		char readme[2400];
		const char *para =
		    "polkit is a toolkit for defining and handling authorizations. It is used for "
		    "allowing unprivileged processes to speak to privileged processes. Latest "
		    "documentation, reference manual and API description can be found on the "
		    "project's pages. Older releases are still available as tarballs. To verify "
		    "the authenticity of the compressed tarball, use this command. Please report "
		    "non-security bugs via the project's issue tracker. Please report any "
		    "security issues not yet known to public by creating a new issue and checking "
		    "the confidential checkbox. The build uses meson with ninja as backend and gcc "
		    "as compiler: meson setup, meson compile, meson install. Your merge requests "
		    "and patch suggestions are welcome; consult the maintainers for other ways. "
		    "Should you already have an account, please file your merge request and do not "
		    "force-push further changes into it; add a new commit instead. Thank you.";

		snprintf(readme, sizeof(readme), "OVERVIEW\n========\n\n%s\n\n%s\n$ gpg: Signature "
		    "made using RSA key ID FFDCE258\n$ gpg: Good signature from \"Jan R "
		    "<jr@example.com>\"\n", para, para);
		assert_true(strlen(readme) > RP_NCTX_SHORT_MAX);
		assert_true(ev(readme) & RP_NCTX_ID);
		assert_false(enough(readme));
		/* the same few lines as a short text are a note's shape: enough */
		assert_true(enough("Signature: key ID FFDCE258\nwrite jr@example.com\n"));
	}
	/* a PGP block with its owner's mail */
	assert_false(enough("-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: anna@example.ch\n\n"
	    "mQINBGN1c2EBEAC9x7Yb3QwY1Zq2mY5vJk8wQ1p4X9hT0sR2uV6eW8aB3cD5fG7h\n"
	    "-----END PGP PUBLIC KEY BLOCK-----\n"));
}

/* the notes of the fresh4 corpus the word rules missed, by kind */
static void
test_enough_kinds(void **state)
{
	(void)state;
	/* a strong channel alone */
	assert_true(enough("\xe6\x82\xa8\xe7\x9a\x84\xe6\xaa\x94\xe6\xa1\x88 "
	    "http://qr3f7v7hwn55a6jiglwqmenjhiw2dkwazxlhlbwsvhkwa7o2bkazjs22.onion/QBtP4TWa82bv\n"));
	/* a handle with an ID (Russian, two lines) */
	assert_true(enough("\xd0\xa4\xd0\xb0\xd0\xb9\xd0\xbb\xd1\x8b. \xd0\x9f\xd0\xb8\xd1\x88\xd0\xb8 "
	    "@support_wejkbe\nID C6DDAC3D\n"));
	/* a mail with a key blob (Hungarian) */
	assert_true(enough("\xc3\x8drjon nek\xc3\xbcnk: eva681@cock.li\nKulcs:\n"
	    "lpwAEyEIGgTxoGWQ0VGjyQllDHz1KEBJse7h1ApmsWCxnaySg58Q+3EnGCcGX45/\n"
	    "bH7Hkkyg4b3pSFddMsOjdbS4OHq7zgM7PuRHStYADPrtT/ELtld5mWYA33NS7X2s\n"));
	/* a mail alone (Finnish, no ID): not enough */
	assert_false(enough("Hei,\nJos ette maksa 2026-11-30 menness\xc3\xa4, julkaisemme tiedot.\n"
	    "Yhteys: nick516@tuta.io\n"));
	/* a mail with the evidence rules' words (the engine sets EVID) */
	assert_true(rp_notectx_enough(RP_NCTX_MAIL | RP_NCTX_EVID));
	assert_false(rp_notectx_enough(RP_NCTX_MAIL | RP_NCTX_ID));
	assert_true(rp_notectx_enough(RP_NCTX_MAIL | RP_NCTX_ID | RP_NCTX_SHORT));
	assert_false(rp_notectx_enough(RP_NCTX_MAIL | RP_NCTX_EVID | RP_NCTX_SHAPED));
	assert_false(rp_notectx_enough(RP_NCTX_ONION | RP_NCTX_SHAPED));
	/* no way to reach anyone (a wiper's note): nothing to judge */
	assert_int_equal(ev("Your servers have been destroyed and your data copied.\n"), 0);
}

/* ---- the window and the place ---- */

static const unsigned ONION = RP_NCTX_ONION;

static struct rp_notectx *
attack(int64_t start, int n, int64_t step, const char *dir)
{
	struct rp_notectx *c;
	char path[128];
	int i;

	assert_int_equal(rp_notectx_new(&c, SLACK, BURST), 0);
	for (i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s/f%d.docx", dir, i);
		assert_int_equal(rp_notectx_add(c, start + i * step, path, strlen(path), "share/a",
		    "share"), 0);
	}
	return c;
}

static int
judge(struct rp_notectx *c, unsigned e, int64_t t, const char *path)
{
	char why[192];
	int r = rp_notectx_judge(c, e, t, path, strlen(path), "share/a", why, sizeof(why));

	assert_true(r >= 0);
	if (r == 1)
		assert_non_null(strstr(why, "written with the encryption"));
	return r;
}

static void
test_window(void **state)
{
	struct rp_notectx *c = attack(T0, 20, 3, "share/a/docs");

	(void)state;
	/* right after, just before, an hour after the last file */
	assert_int_equal(judge(c, ONION, T0 + 60, "share/a/docs/README.txt"), 1);
	assert_int_equal(judge(c, ONION, T0 - 30, "share/a/docs/README.txt"), 1);
	assert_int_equal(judge(c, ONION, T0 + 57 + 3600, "share/a/docs/README.txt"), 1);
	/* outside the window: a day later, a year before (a note copied with its mtime
	 * kept is not found by context) */
	assert_int_equal(judge(c, ONION, T0 + 86400, "share/a/docs/README.txt"), 0);
	assert_int_equal(judge(c, ONION, T0 - 365 * 86400, "share/a/docs/README.txt"), 0);
	/* in the window but not beside: a folder without encrypted files */
	assert_int_equal(judge(c, ONION, T0 + 60, "share/a/other/README.txt"), 0);
	/* in the tree's top folder: beside the tree's encrypted files; in the scanned root
	 * (whose own files have the root as their top folder) too */
	assert_int_equal(judge(c, ONION, T0 + 60, "share/a/README.txt"), 1);
	{
		char why[192];

		assert_int_equal(rp_notectx_judge(c, ONION, T0 + 60, "share/README.txt", 16, "share",
		    why, sizeof(why)), 1);
		assert_int_equal(rp_notectx_judge(c, ONION, T0 + 60, "other/README.txt", 16, "other",
		    why, sizeof(why)), 0);
	}
	/* not enough evidence, in the window and beside: no */
	assert_int_equal(judge(c, RP_NCTX_MAIL, T0 + 60, "share/a/docs/contacts.txt"), 0);
	assert_int_equal(judge(c, RP_NCTX_MAIL | RP_NCTX_ID | RP_NCTX_SHORT, T0 + 60,
	    "share/a/docs/x.txt"), 1);
	rp_notectx_free(c);
}

static void
test_night_and_outliers(void **state)
{
	struct rp_notectx *c;
	char path[64];
	int i;

	(void)state;
	/* an attack spread over a night: a file every 20 minutes for 8 hours, the note
	 * written at the start in a folder encrypted at the end */
	assert_int_equal(rp_notectx_new(&c, SLACK, BURST), 0);
	for (i = 0; i < 24; i++) {
		snprintf(path, sizeof(path), "share/a/d%d/f.xlsx", i);
		assert_int_equal(rp_notectx_add(c, T0 + i * 1200, path, strlen(path), "share/a",
		    "share"), 0);
	}
	assert_int_equal(judge(c, ONION, T0 - 10, "share/a/d23/README.txt"), 1);
	assert_int_equal(judge(c, ONION, T0 + 4 * 3600, "share/a/d0/README.txt"), 1);
	rp_notectx_free(c);
	/* two old files judged encrypted by mistake are no burst: no window around them */
	assert_int_equal(rp_notectx_new(&c, SLACK, BURST), 0);
	assert_int_equal(rp_notectx_add(c, T0 - 400 * 86400, "s/x/a.wav", 9, "s/x", "s"), 0);
	assert_int_equal(rp_notectx_add(c, T0 - 400 * 86400 + 5, "s/x/b.wav", 9, "s/x", "s"), 0);
	assert_int_equal(rp_notectx_judge(c, ONION, T0 - 400 * 86400 + 60, "s/x/n.txt", 9, "s/x",
	    (char[192]){ 0 }, 192), 0);
	rp_notectx_free(c);
	/* no encrypted file at all: never */
	assert_int_equal(rp_notectx_new(&c, SLACK, BURST), 0);
	assert_int_equal(rp_notectx_judge(c, ONION | RP_NCTX_ID, T0, "s/x/n.txt", 9, "s/x",
	    (char[192]){ 0 }, 192), 0);
	rp_notectx_free(c);
	rp_notectx_free(NULL);
	assert_int_equal(rp_notectx_new(&c, -1, BURST), RP_ERR_INVALID);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_channels),
		cmocka_unit_test(test_id_and_blob),
		cmocka_unit_test(test_ordinary_texts),
		cmocka_unit_test(test_enough_kinds),
		cmocka_unit_test(test_window),
		cmocka_unit_test(test_night_and_outliers),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
