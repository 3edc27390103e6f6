/* The libmagic adapter: the answers it remembers by content are libmagic's own, a head
 * is remembered only from its second sighting, and a head that differs by one byte is
 * never given another head's answer. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detect/magic.h"

#define NBUF 6

static unsigned char bufs[NBUF][9000];
static size_t lens[NBUF];

static void
make_bufs(void)
{
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
	    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 16, 0, 0, 0, 16, 8, 2, 0, 0, 0 };
	uint32_t x = 12345;
	size_t i;

	/* 0: text; 1: the same text but its last byte a NUL (binary to libmagic);
	 * 2: HTML; 3: random; 4: random behind a PNG signature and header; 5: 9000 text bytes, of
	 * which only the first 8 KiB count (so a change after them keeps the answer) */
	lens[0] = (size_t)snprintf((char *)bufs[0], sizeof(bufs[0]),
	    "Your files are encrypted.\nWrite to us to get them back.\n");
	memcpy(bufs[1], bufs[0], lens[0]);
	lens[1] = lens[0];
	bufs[1][lens[1] - 1] = '\0';
	lens[2] = (size_t)snprintf((char *)bufs[2], sizeof(bufs[2]),
	    "<!DOCTYPE html>\n<html><head><title>x</title></head><body>hi</body></html>\n");
	for (i = 0; i < 4096; i++) {
		x = x * 1103515245u + 12345u;
		bufs[3][i] = (unsigned char)(x >> 16);
	}
	lens[3] = 4096;
	memcpy(bufs[4], bufs[3], 4096);
	memcpy(bufs[4], png, sizeof(png));
	lens[4] = 4096;
	for (i = 0; i < 9000; i++)
		bufs[5][i] = (unsigned char)("abc def\n"[i % 8]);
	lens[5] = 9000;
}

/* Every answer of a remembering cookie is the answer of a fresh cookie, in any order,
 * and repeated heads are answered from memory. */
static void
same_answers(void **state)
{
	struct rp_magic *m, *fresh;
	char want[NBUF][96], got[96];
	uint64_t calls, hits;
	size_t i, round;

	make_bufs();
	for (i = 0; i < NBUF; i++) {
		assert_int_equal(rp_magic_new(&fresh), 0);
		rp_magic_mime(fresh, bufs[i], lens[i], want[i], sizeof(want[i]));
		rp_magic_free(fresh);
	}
	assert_string_equal(want[0], "text/plain");
	assert_string_not_equal(want[1], "text/plain");
	assert_string_equal(want[2], "text/html");
	assert_string_equal(want[4], "image/png");
	assert_string_not_equal(want[3], want[4]);
	assert_int_equal(rp_magic_new(&m), 0);
	for (round = 0; round < 4; round++) {
		for (i = 0; i < NBUF; i++) {
			size_t k = (i * 5 + round) % NBUF;

			rp_magic_mime(m, bufs[k], lens[k], got, sizeof(got));
			assert_string_equal(got, want[k]);
		}
	}
	rp_magic_counts(m, &calls, &hits);
	assert_int_equal(calls, 4 * NBUF);
	/* first sighting: libmagic; second: libmagic and kept; third and fourth: memory */
	assert_int_equal(hits, 2 * NBUF);
	/* a byte changed after the first 8 KiB: the same head, the same answer, from memory */
	bufs[5][8500] = 'Z';
	rp_magic_mime(m, bufs[5], lens[5], got, sizeof(got));
	assert_string_equal(got, want[5]);
	rp_magic_counts(m, &calls, &hits);
	assert_int_equal(hits, 2 * NBUF + 1);
	/* a byte changed inside the head: never the kept answer by mistake */
	bufs[0][3] = 0x01;
	rp_magic_mime(m, bufs[0], lens[0], got, sizeof(got));
	assert_int_equal(rp_magic_new(&fresh), 0);
	rp_magic_mime(fresh, bufs[0], lens[0], want[0], sizeof(want[0]));
	rp_magic_free(fresh);
	assert_string_equal(got, want[0]);
	rp_magic_counts(m, &calls, &hits);
	assert_int_equal(hits, 2 * NBUF + 1);
	rp_magic_free(m);
}

/* More distinct repeated heads than are kept: answers stay right, memory is bounded. */
static void
many_heads(void **state)
{
	struct rp_magic *m;
	unsigned char b[256];
	char got[96];
	uint64_t calls, hits;
	int i, round;

	assert_int_equal(rp_magic_new(&m), 0);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < 500; i++) {
			int n = snprintf((char *)b, sizeof(b), "line %d of a text file\n", i);

			rp_magic_mime(m, b, (size_t)n, got, sizeof(got));
			assert_string_equal(got, "text/plain");
		}
	}
	rp_magic_counts(m, &calls, &hits);
	assert_int_equal(calls, 1500);
	assert_true(hits < 500);        /* 500 heads do not fit in memory */
	rp_magic_mime(m, "", 0, got, sizeof(got));   /* empty: no crash */
	rp_magic_free(m);
	rp_magic_free(NULL);
}

/* What rp_magic_head_random calls random: random bytes in the window libmagic would get
 * (the first 8 KiB), from 64 bytes on; not text, not a tiny head, not random bytes
 * behind 8 KiB of text, not compressed-looking bytes that are not uniform. And what
 * rp_magic_head_opens_random does: 64 random bytes first, not all printable. */
static void
head_random(void **state)
{
	static unsigned char b[12288];
	uint32_t x = 777;
	size_t i;

	for (i = 0; i < sizeof(b); i++) {
		x = x * 1103515245u + 12345u;
		b[i] = (unsigned char)(x >> 16);
	}
	assert_true(rp_magic_head_random(b, sizeof(b)));
	assert_true(rp_magic_head_random(b, 1024));
	/* short heads: random bytes from 64 bytes on; never under */
	for (i = 64; i < 1024; i += 37)
		assert_true(rp_magic_head_random(b, i));
	assert_true(rp_magic_head_random(b, 1023));
	assert_false(rp_magic_head_random(b, 63));
	assert_false(rp_magic_head_random(b, 0));
	{
		static unsigned char t[900];

		for (i = 0; i < sizeof(t); i++)              /* text */
			t[i] = (unsigned char)("Your files are encrypted. Pay 1 BTC.\n"[i % 37]);
		assert_false(rp_magic_head_random(t, sizeof(t)));
		memcpy(t, b, sizeof(t));                      /* random but a run of zeros */
		memset(t + 100, 0, 40);
		assert_false(rp_magic_head_random(t, sizeof(t)));
		memcpy(t, b, sizeof(t));                      /* random with half its values */
		for (i = 0; i < sizeof(t); i++)
			t[i] &= 0x7f;
		assert_false(rp_magic_head_random(t, 300));
	}
	/* a head that opens random: its first 64 bytes, whatever follows them */
	memset(b + 64, 'a', 4096);
	assert_true(rp_magic_head_opens_random(b, 4160));
	assert_false(rp_magic_head_random(b, 4160));
	assert_true(rp_magic_head_opens_random(b, 64));
	assert_false(rp_magic_head_opens_random(b, 63));
	{
		static const char b64[] = "QmFzZTY0IHRleHQgb2YgYSBjZXJ0aWZpY2F0ZSBvciBhIGtleTogbm90IHJhbmRv";

		assert_false(rp_magic_head_opens_random(b64, 64));   /* printable */
	}
	memset(b, 0, 16);                                     /* a zeroed header first */
	assert_false(rp_magic_head_opens_random(b, 4160));
	memset(b, 'a', 8192);                                 /* text in the window, */
	assert_false(rp_magic_head_random(b, sizeof(b)));     /* random only after it */
	for (i = 0; i < 4096; i++)                            /* 128 distinct values only */
		b[i] = (unsigned char)(b[8192 + i] & 0x7f);
	assert_false(rp_magic_head_random(b, 4096));
	make_bufs();
	assert_false(rp_magic_head_random(bufs[0], lens[0]));
	assert_false(rp_magic_head_random(bufs[5], lens[5]));
}

/* A note's type without libmagic's database is the type libmagic gives it whole:
 * plain text, HTML by a marker starting in its first 4 KiB (in either case), and heads
 * that do not open as prose (a PDF, RTF, a script, XML, markup) or are not text go to
 * libmagic whole. */
static void
note_types(void **state)
{
	static const char *const heads[] = {
		"Your files are encrypted.\nWrite to us to get them back.\n",
		"\xef\xbb\xbfVos fichiers sont chiffr\xc3\xa9s.\nContactez-nous.\n",
		"\xd0\x92\xd0\xb0\xd1\x88\xd0\xb8 \xd1\x84\xd0\xb0\xd0\xb9\xd0\xbb\xd1\x8b\n",
		"  \n12 files encrypted. Visit <A  HREF=http://x.onion>our page</a>\n",
		"ATTENTION\n<TITLE>read me</TITLE>\nall your files\n",
		"Hello <table-less> text, <ahref= not a link\n",
		"<!DOCTYPE html>\n<html><head><title>x</title></head><body>hi</body></html>\n",
		"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n",
		"{\\rtf1\\ansi Your files are encrypted\\par}\n",
		"#!/bin/sh\necho your files are encrypted\n",
		"<?xml version=\"1.0\"?>\n<note>your files are encrypted</note>\n",
		"x <table-less>\n", "x <ahref=\n", "x <tablex\n", "x <titlex\n", "x <html-x\n",
		"x <headx\n", "x <scriptx\n", "x <stylex\n", "x <!doctypehtml\n",
		"x <!doctype htmlx\n", "x <title\n", "x <title\tz\n", "x <title\nz\n",
		"x <a\thref=\n", "x <a\nhref=\n", "x <html\tz", "x <!DOCTYPE\nhtml", "x <!doctype xhtml",
		"x <head>", "x <HEAD>", "x <head z", "x <body>", "x <br>", "x <title", "x <a href",
		/* banners and HTML openings: typed without the database too */
		"!!! All of your files are encrypted !!!\nWrite to us\n",
		"!!!All of your files are encrypted\n", "---= GANDCRAB V5.2 =---\nyour files\n",
		"---=== Welcome ===---\n", "----------- [ Welcome ] -----------\n",
		"~~~ LockBit 3.0 the world's fastest ransomware ~~~\n>>>> Your data\n",
		"$$$$$$$$$$$$$$$$\nYOUR FILES ARE ENCRYPTED\n", "==== README ====\nyour files\n",
		"**** ATTENTION ****\nyour files are encrypted\n", "  !!!\n\nyour files\n",
		"<html><head><meta charset=\"utf-8\"><title>x</title></head><body>files</body></html>\n",
		"<HTML>\n<BODY>your files are encrypted</BODY></HTML>\n", "<head><title>x</title></head>\n",
		"<title>x</title>\nyour files\n", "\xef\xbb\xbf<html>\n<p>your files</p>\n",
		"<!doctype html><p>your files</p>\n", ">> Introduction\nYour files are encrypted\n",
		">>>> Your data is stolen and encrypted\n",
		/* and those that are not: to libmagic whole */
		"-----BEGIN PGP MESSAGE-----\n\nhQEMA1234\n-----END PGP MESSAGE-----\n",
		"-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
		"*** a.c\n--- b.c\n***************\n", "--- a.c\n+++ b.c\n@@ -1 +1 @@\n-a\n+b\n",
		"!<arch>\ndebian-binary   1342943816  0     0     100644  4         `\n2.0\n",
		"<svg xmlns=\"http://www.w3.org/2000/svg\"><text>your files</text></svg>\n",
		"<?php echo 'your files'; ?>\n", "<!-- your files -->\n<html></html>\n",
		"$ORIGIN example.com.\n", "!!\n", "--\n",
		"Your files\x01\x02\x03\x00\x00 are encrypted\n",
	};
	static unsigned char big[6000];
	struct rp_magic *m, *whole;
	char want[96], got[96];
	uint64_t before, after, hits;
	int cheap = -1;
	size_t i;

	assert_int_equal(rp_magic_new(&m), 0);
	assert_int_equal(rp_magic_new(&whole), 0);
	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		size_t len = strlen(heads[i]);

		if (i == sizeof(heads) / sizeof(heads[0]) - 1)
			len = 30;            /* with its NULs */
		rp_magic_mime(whole, heads[i], len, want, sizeof(want));
		rp_magic_counts(m, &before, &hits);
		rp_magic_mime_note(m, heads[i], len, got, sizeof(got));
		rp_magic_counts(m, &after, &hits);
		if (strcmp(got, want) != 0)
			print_message("head %zu\n", i);
		assert_string_equal(got, want);
		/* the banners and HTML openings without the database, the rest with it */
		if (strncmp(heads[i], "!!! All", 7) == 0)
			cheap = 1;
		else if (strncmp(heads[i], "-----BEGIN PGP", 14) == 0)
			cheap = 0;
		if (cheap == 1)
			assert_true(after == before);
		else if (cheap == 0)
			assert_true(after == before + 1);
	}
	{
		/* UTF-16 with a marker: libmagic finds it in the text converted to UTF-8; so
		 * do we, without its database, for a UTF-16 text that opens as a note */
		static const char u16[] = "\xff\xfeY\0o\0u\0r\0 \0<\0t\0i\0t\0l\0e\0>\0x\0\n\0";
		static const char *const u8[] = {
			"Your files are encrypted\n", ">> Introduction\nyour files\n",
			"!!! ACHTUNG !!!\nIhre Dateien\n", "<html><title>x</title></html>\n",
			"Vos fichiers sont chiffr\xc3\xa9s \xe2\x82\xac \xf0\x9f\x94\x92\n",
			"%PDF-1.4\n", "<?xml version=\"1.0\"?><a/>\n",
		};
		unsigned char w[256];
		size_t k, j, wl;

		rp_magic_mime(whole, u16, sizeof(u16) - 1, want, sizeof(want));
		rp_magic_mime_note(m, u16, sizeof(u16) - 1, got, sizeof(got));
		assert_string_equal(got, want);
		/* the same texts in UTF-16 LE and BE (from UTF-8, by hand) */
		for (k = 0; k < sizeof(u8) / sizeof(u8[0]) * 2; k++) {
			const unsigned char *p = (const unsigned char *)u8[k / 2];
			int be = k % 2;

			w[0] = be ? 0xfe : 0xff;
			w[1] = be ? 0xff : 0xfe;
			for (wl = 2, j = 0; p[j]; ) {
				uint32_t c = p[j];

				if (c < 0x80) {
					j += 1;
				} else if (c < 0xe0) {
					c = (c & 0x1f) << 6 | (p[j + 1] & 0x3f);
					j += 2;
				} else if (c < 0xf0) {
					c = (c & 0x0f) << 12 | (uint32_t)(p[j + 1] & 0x3f) << 6 | (p[j + 2] & 0x3f);
					j += 3;
				} else {
					c = (c & 0x07) << 18 | (uint32_t)(p[j + 1] & 0x3f) << 12 |
					    (uint32_t)(p[j + 2] & 0x3f) << 6 | (p[j + 3] & 0x3f);
					j += 4;
				}
				if (c >= 0x10000) {     /* a surrogate pair */
					uint32_t hi = 0xd800 + ((c - 0x10000) >> 10), lo = 0xdc00 + ((c - 0x10000) & 0x3ff);

					w[wl++] = (unsigned char)(be ? hi >> 8 : hi);
					w[wl++] = (unsigned char)(be ? hi : hi >> 8);
					c = lo;
				}
				w[wl++] = (unsigned char)(be ? c >> 8 : c);
				w[wl++] = (unsigned char)(be ? c : c >> 8);
			}
			rp_magic_mime(whole, w, wl, want, sizeof(want));
			rp_magic_counts(m, &before, &hits);
			rp_magic_mime_note(m, w, wl, got, sizeof(got));
			rp_magic_counts(m, &after, &hits);
			if (strcmp(got, want) != 0)
				print_message("UTF-16 %s: %s\n", be ? "BE" : "LE", u8[k / 2]);
			assert_string_equal(got, want);
			/* the first five without the database, the PDF and the XML with it */
			assert_true(after == before + (k / 2 >= 5));
		}
	}
	rp_magic_mime_note(m, heads[0], strlen(heads[0]), got, sizeof(got));
	assert_string_equal(got, "text/plain");
	rp_magic_mime_note(m, heads[3], strlen(heads[3]), got, sizeof(got));
	assert_string_equal(got, "text/html");
	rp_magic_mime_note(m, heads[4], strlen(heads[4]), got, sizeof(got));
	assert_string_equal(got, "text/html");
	/* "<table-less>" is no marker, but "<ahref=" is: libmagic's blank in "<a href=" is
	 * optional */
	rp_magic_mime_note(m, heads[5], strlen(heads[5]), got, sizeof(got));
	assert_string_equal(got, "text/html");
	rp_magic_mime_note(m, "x <table-less>\n", 15, got, sizeof(got));
	assert_string_equal(got, "text/plain");
	rp_magic_mime_note(m, heads[7], strlen(heads[7]), got, sizeof(got));
	assert_string_equal(got, "application/pdf");
	/* a marker starting in the first 4 KiB counts, even when it ends after them; one
	 * starting after them does not, for libmagic as here */
	for (i = 4090; i < 4102; i++) {
		size_t k;

		memset(big, 'a', sizeof(big));
		for (k = 80; k < sizeof(big); k += 81)
			big[k] = '\n';
		memcpy(big + i, "<title>", 7);
		rp_magic_mime(whole, big, sizeof(big), want, sizeof(want));
		rp_magic_mime_note(m, big, sizeof(big), got, sizeof(got));
		assert_string_equal(got, want);
		assert_string_equal(got, i < 4096 ? "text/html" : "text/plain");
	}
	rp_magic_free(whole);
	rp_magic_free(m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(same_answers),
		cmocka_unit_test(many_heads),
		cmocka_unit_test(head_random),
		cmocka_unit_test(note_types),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
