/* The verdict engine on files made here: random, text, stripes, notes, names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "core/buf.h"
#include "core/err.h"
#include "detect/anchor.h"
#include "detect/stripes.h"
#include "detect/engine.h"
#include "detect/stats.h"

static char dir[] = "/tmp/rp-test-engine.XXXXXX";
static struct rp_engine *eng;
static struct rp_scanner *sc;
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint8_t
rnd(void)
{
	/* xorshift64*: statistically random enough for a chi-square test */
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (uint8_t)((rng * 0x2545f4914f6cdd1dULL) >> 56);
}

static void
fill_random(unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = rnd();
}

static size_t
fill_text(unsigned char *p, size_t n)
{
	static const char words[] =
	    "Patient record follow-up consultation prescription invoice appointment "
	    "Dr. Muller cardiology 2026-11-21 amount CHF 120.00 insurance claim number ";
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)(i % 77 == 76 ? '\n' : words[(i * 7 + i / 77) % (sizeof(words) - 1)]);
	return n;
}

static void
put(const char *name, const void *data, size_t n)
{
	char path[256];
	int fd;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	close(fd);
}

static enum rp_verdict_kind
judge(const char *name, struct rp_verdict *v)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);

	assert_true(dfd >= 0);
	assert_int_equal(rp_scan_file(sc, dfd, name, NULL, v), 0);
	close(dfd);
	return v->kind;
}

static int
has_reason(const struct rp_verdict *v, const char *needle)
{
	size_t i;

	for (i = 0; i < v->nreasons; i++)
		if (strstr(v->reasons[i], needle))
			return 1;
	return 0;
}

static void
random_is_encrypted_text_is_ok(void **state)
{
	static unsigned char buf[200000];
	struct rp_verdict v;

	fill_random(buf, sizeof(buf));
	put("blob.bin", buf, sizeof(buf));
	assert_int_equal(judge("blob.bin", &v), RP_V_ENCRYPTED);
	assert_true(v.entropy > 7.99);
	assert_true(v.chi2 < 400);
	fill_text(buf, sizeof(buf));
	put("letter.txt", buf, sizeof(buf));
	assert_int_equal(judge("letter.txt", &v), RP_V_OK);
	assert_true(v.entropy < 6);
	assert_string_equal(v.ext, "txt");
}

static void
stripes_and_heads_are_partial(void **state)
{
	static unsigned char buf[300000];
	struct rp_verdict v;
	size_t i;

	/* Black Basta: 64 bytes encrypted, 128 kept */
	fill_text(buf, sizeof(buf));
	for (i = 0; i < sizeof(buf); i += 192)
		fill_random(buf + i, 64);
	put("basta.csv", buf, sizeof(buf));
	assert_int_equal(judge("basta.csv", &v), RP_V_PARTIAL);
	assert_true(has_reason(&v, "runs of about 64 bytes"));
	/* LockFile: every other 16 bytes after the first 4 KiB */
	fill_text(buf, sizeof(buf));
	for (i = 4096; i < sizeof(buf); i += 32)
		fill_random(buf + i, 16);
	put("lockfile.txt", buf, sizeof(buf));
	assert_int_equal(judge("lockfile.txt", &v), RP_V_PARTIAL);
	/* LockBit 2.0: the first 4 KiB, a file without a known extension */
	fill_text(buf, sizeof(buf));
	fill_random(buf, 4096);
	put("notes", buf, sizeof(buf));
	assert_int_equal(judge("notes", &v), RP_V_PARTIAL);
	/* a 25 % stripe mode over a large text file (sampled, not read whole) */
	{
		size_t n = 4 << 20;
		unsigned char *big = malloc(n);

		assert_non_null(big);
		fill_text(big, n);
		for (i = 0; i < n; i += 65536)
			fill_random(big + i, 16384);
		put("big.log", big, n);
		free(big);
		assert_int_equal(judge("big.log", &v), RP_V_PARTIAL);
		assert_true(v.bytes_read < 512 * 1024);
		assert_true(v.nregions > 2);
	}
}

static void
notes_by_content_in_languages(void **state)
{
	static const char en[] =
	    "Your network has been penetrated. All files on each host in the network have been "
	    "encrypted with a strong algorithm. To get the decryptor contact us: "
	    "restore_help@onionmail.org. Do not rename encrypted files.\n";
	static const char fr[] =
	    "Tous vos fichiers ont été chiffrés ! Pour les déchiffrer, écrivez-nous à "
	    "recovery@tutanota.com et payez en bitcoin. Ne renommez pas les fichiers.\n";
	static const char de[] =
	    "Achtung! Ihre Dateien wurden verschlüsselt. Um sie zu entschlüsseln, laden Sie den "
	    "Tor Browser herunter und öffnen Sie unsere Seite. Zahlung in Bitcoin.\n";
	static const char policy[] =
	    "IT security policy. Ransomware is malware that encrypts files and asks for a "
	    "payment in bitcoin. Never pay. If a screen says your files are encrypted, unplug "
	    "the network cable and call the IT provider on 044 123 45 67. Backups are kept "
	    "offline and tested every month.\n";
	unsigned char u16[1024];
	struct rp_verdict v;
	size_t i, n = 0;

	put("a.txt", en, sizeof(en) - 1);
	assert_int_equal(judge("a.txt", &v), RP_V_NOTE);
	assert_string_equal(v.note_rule, "ransom_note");
	put("b.txt", fr, sizeof(fr) - 1);
	assert_int_equal(judge("b.txt", &v), RP_V_NOTE);
	put("c.html", de, sizeof(de) - 1);
	assert_int_equal(judge("c.html", &v), RP_V_NOTE);
	/* UTF-16 LE with BOM */
	u16[n++] = 0xff;
	u16[n++] = 0xfe;
	for (i = 0; i < sizeof(en) - 1 && n + 2 < sizeof(u16); i++) {
		u16[n++] = (unsigned char)en[i];
		u16[n++] = 0;
	}
	put("d.txt", u16, n);
	assert_int_equal(judge("d.txt", &v), RP_V_NOTE);
	/* a security policy uses the same words but is no note */
	put("policy.txt", policy, sizeof(policy) - 1);
	assert_int_equal(judge("policy.txt", &v), RP_V_OK);
	put("README.txt", policy, sizeof(policy) - 1);
	assert_int_equal(judge("README.txt", &v), RP_V_OK);
	/* a name specific to ransomware is enough for a small text file */
	put("RyukReadMe.txt", "balance of shadow universe\n", 27);
	assert_int_equal(judge("RyukReadMe.txt", &v), RP_V_NOTE);
	/* names are matched byte by byte, whatever the locale: UTF-8 in them, or bytes
	 * that are no UTF-8 at all */
	put("HOW_TO_DECRYPT_Dateien_\xc3\xbc.txt", "balance of shadow universe\n", 27);
	assert_int_equal(judge("HOW_TO_DECRYPT_Dateien_\xc3\xbc.txt", &v), RP_V_NOTE);
	put("\xff\xfeHow-To-Recover.txt", "balance of shadow universe\n", 27);
	assert_int_equal(judge("\xff\xfeHow-To-Recover.txt", &v), RP_V_NOTE);
	put("Fr\xc3\xbchst\xc3\xbc" "ck.txt", "balance of shadow universe\n", 27);
	assert_int_equal(judge("Fr\xc3\xbchst\xc3\xbc" "ck.txt", &v), RP_V_OK);
}

static void
appended_extensions(void **state)
{
	static unsigned char buf[50000];
	struct rp_verdict v;

	fill_random(buf, sizeof(buf));
	put("budget.xlsx.lockbit", buf, sizeof(buf));
	assert_int_equal(judge("budget.xlsx.lockbit", &v), RP_V_ENCRYPTED);
	assert_string_equal(v.ext, "xlsx");
	assert_string_equal(v.appended_ext, "lockbit");
	assert_true(has_reason(&v, "used by LockBit"));
	put("scan.pdf.id[1A2B-3C4D].[mail@x.com].phobos", buf, sizeof(buf));
	judge("scan.pdf.id[1A2B-3C4D].[mail@x.com].phobos", &v);
	assert_string_equal(v.ext, "pdf");
	assert_string_equal(v.appended_ext, "id[1A2B-3C4D].[mail@x.com].phobos");
	assert_true(has_reason(&v, "Phobos"));
	put("archive.tar.gz.bak", "x", 1);
	judge("archive.tar.gz.bak", &v);
	assert_string_equal(v.appended_ext, "");
}

static void
user_encrypted_and_edge_files(void **state)
{
	static unsigned char buf[32784];
	struct rp_verdict v;
	int dfd;

	memcpy(buf, "Salted__", 8);
	fill_random(buf + 8, sizeof(buf) - 8);
	put("tax.pdf.enc", buf, sizeof(buf));
	assert_int_equal(judge("tax.pdf.enc", &v), RP_V_OK);
	assert_string_equal(v.format, "openssl");
	put("empty.txt", "", 0);
	assert_int_equal(judge("empty.txt", &v), RP_V_OK);
	assert_true(has_reason(&v, "empty"));
	/* a name that disappeared between the walk and the open */
	assert_int_equal(judge("never-there", &v), RP_V_SKIPPED);
	assert_true(has_reason(&v, "vanished"));
	/* a FIFO is never opened for reading: no hang */
	dfd = open(dir, O_RDONLY | O_DIRECTORY);
	assert_int_equal(mkfifoat(dfd, "pipe", 0600), 0);
	close(dfd);
	assert_int_equal(judge("pipe", &v), RP_V_SKIPPED);
}

static void
no_allocation_after_warmup(void **state)
{
	static unsigned char buf[1 << 20];
	struct rp_verdict v;
	uint64_t after_first;
	int round, k;
	char name[32];

	for (k = 0; k < 8; k++) {
		snprintf(name, sizeof(name), "w%d.dat", k);
		if (k % 2)
			fill_random(buf, sizeof(buf));
		else
			fill_text(buf, sizeof(buf));
		put(name, buf, (size_t)(k + 1) * (sizeof(buf) / 8));
	}
	after_first = 0;
	for (round = 0; round < 2; round++) {
		for (k = 0; k < 8; k++) {
			snprintf(name, sizeof(name), "w%d.dat", k);
			judge(name, &v);
		}
		if (round == 0)
			after_first = rp_scanner_allocs(sc);
	}
	assert_int_equal(rp_scanner_allocs(sc), after_first);
}

static void
block_random_threshold(void **state)
{
	static unsigned char buf[4096];
	struct rp_stats s;
	int i, random = 0;

	for (i = 0; i < 200; i++) {
		fill_random(buf, sizeof(buf));
		rp_stats_reset(&s);
		rp_stats_add(&s, buf, sizeof(buf));
		random += rp_block_random(&s);
	}
	assert_int_equal(random, 200);
	fill_text(buf, sizeof(buf));
	rp_stats_reset(&s);
	rp_stats_add(&s, buf, sizeof(buf));
	assert_int_equal(rp_block_random(&s), 0);
}

static int
setup(void **state)
{
	struct rp_buf msg = RP_BUF_INIT;
	struct rp_engine_opts o = { 0 };

	if (mkdtemp(dir) == NULL)
		return -1;
	setlocale(LC_CTYPE, "C.UTF-8");    /* as riposte runs: main takes it from the environment */
	if (rp_engine_new(&eng, &o, &msg) != 0) {
		fprintf(stderr, "engine: %s\n", msg.buf);
		return -1;
	}
	rp_buf_release(&msg);
	return rp_scanner_new(&sc, eng);
}

static int
teardown(void **state)
{
	char cmd[128];

	rp_scanner_free(sc);
	rp_engine_free(eng);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

/* The anchor search skips bytes: it must find every stem a byte-by-byte search finds,
 * at every offset, in any ASCII case, and nothing else. */
static const char *const anchor_stems[] = {
	"crypt", "cript", "critt", "chiffr", "cifra", "schl\xc3\xbcssel", "schluessel",
	"versleutel", "locked", "\xd1\x88\xd0\xb8\xd1\x84\xd1\x80",
	"onion", "exfiltr", "stolen", "leak", "downloaded", "heruntergeladen", "gestohlen",
	"t\xc3\xa9l\xc3\xa9" "charg", "telecharg", "descargad", "robad", "rubat", "roubad", "\xd1\x81\xd0\xba\xd0\xb0\xd1\x87",
	"\xd1\x83\xd0\xba\xd1\x80\xd0\xb0", "tox",
	"szyfr", "\xc5\xa1ifr", "\xc5\x9fifrel", "\xce\xba\xcf\x81\xcf\x85\xcf\x80\xcf\x84",
	"\xd7\xa6\xd7\xa4\xd7\xa0", "\xd8\xaa\xd8\xb4\xd9\x81\xd9\x8a\xd8\xb1",
	"\xd9\x85\xd8\xb4\xd9\x81\xd8\xb1", "\xe5\x8a\xa0\xe5\xaf\x86",
	"\xe6\x9a\x97\xe5\x8f\xb7\xe5\x8c\x96", "\xec\x95\x94\xed\x98\xb8\xed\x99\x94",
	"\xd0\xbe\xd0\xbf\xd1\x83\xd0\xb1\xd0\xbb",
	"\xd1\x83\xd0\xbd\xd0\xb8\xd1\x87\xd1\x82\xd0\xbe\xd0\xb6",
	"hacked", "be publish",
	"\xd1\x81\xd0\xba\xd0\xbe\xd0\xbf", "\xd0\xb7\xd0\xbb\xd0\xbe\xd0\xbc",
	"\xd0\xb7\xd0\xbb\xd0\xb0\xd0\xbc",
	"\xd7\xa8\xd7\xa1\xd7\x9d", "\xd7\x92\xd7\xa0\xd7\x91",
	"\xd9\x86\xd8\xb4\xd8\xb1", "\xd8\xaa\xd8\xaf\xd9\x85\xd9\x8a\xd8\xb1",
	"\xd8\xb3\xd8\xb1\xd9\x82",
	"\xea\xb3\xb5\xea\xb0\x9c", "\xec\x9c\xa0\xec\xb6\x9c", "\xed\x95\xb4\xed\x82\xb9",
	"\xce\xb4\xce\xb7\xce\xbc\xce\xbf\xcf\x83\xce\xb9", "\xce\xb4\xce\xb9\xce\xb1\xcf\x81\xcf\x81",
	"\xe6\xb3\x84\xe9\x9c\xb2", "\xe5\x85\xac\xe5\xbc\x80", "\xe5\x85\xac\xe9\x96\x8b",
	"\xe6\xb5\x81\xe5\x87\xba", "\xe6\xbc\x8f\xe6\xb4\xa9",
};

static int
naive_anchor(const unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < sizeof(anchor_stems) / sizeof(anchor_stems[0]); k++) {
			const unsigned char *t = (const unsigned char *)anchor_stems[k];
			size_t j;
			for (j = 0; t[j] && i + j < n; j++) {
				unsigned c = p[i + j];
				if (c >= 'A' && c <= 'Z')
					c += 'a' - 'A';
				if (c != t[j])
					break;
			}
			if (t[j] == '\0')
				return 1;
		}
	return 0;
}

static void
note_anchor_finds_what_a_scan_finds(void **state)
{
	/* letters of the stems, their upper case, a space, and the UTF-8 bytes in them */
	static const unsigned char alphabet[] = "cryptishfalkedouvnzCRYPTISHFALKEDOUVNZ \xc3\xbc\xd1\x88\xd0\xb8\x84\x80"
	    "\xc5\xa1\x9f\xce\xba\xd7\xa6\xd8\xaa\xd9\x85\xe5\x8a\xe6\x9a\xec\x95\xbe\x83";
	unsigned char buf[256];
	unsigned found = 0;

	(void)state;
	assert_int_equal(rp_note_anchor((const unsigned char *)"", 0), 0);
	assert_int_equal(rp_note_anchor((const unsigned char *)"ENCRYPTED", 9), 1);
	assert_int_equal(rp_note_anchor((const unsigned char *)"encryp", 6), 0);
	assert_int_equal(rp_note_anchor((const unsigned char *)"Dateien verschl\xc3\xbcsselt", 26), 1);
	assert_int_equal(rp_note_anchor((const unsigned char *)"\xd1\x88\xd0\xb8\xd1\x84\xd1\x80", 8), 1);
	assert_int_equal(rp_note_anchor((const unsigned char *)"Files LOCKED", 12), 1);
	assert_int_equal(rp_note_anchor((const unsigned char *)"a clock, edited", 15), 0);
	assert_int_equal(rp_note_anchor((const unsigned char *)"Pliki ZASZYFROWANE", 18), 1);
	assert_int_equal(rp_note_anchor((const unsigned char *)"\xe6\x96\x87\xe4\xbb\xb6\xe5\xb7\xb2\xe5\x8a\xa0\xe5\xaf\x86", 15), 1);
	for (int it = 0; it < 200000; it++) {
		size_t n = rnd() % (sizeof(buf) / 4) + (it & 1 ? rnd() % (sizeof(buf) * 3 / 4) : 0);
		for (size_t i = 0; i < n; i++)
			buf[i] = alphabet[rnd() % (sizeof(alphabet) - 1)];
		if (n > 0 && it % 3 == 0) {
			/* a stem, in random case, at a random place, maybe cut by the end */
			const char *t = anchor_stems[rnd() % (sizeof(anchor_stems) / sizeof(anchor_stems[0]))];
			size_t at = rnd() % n;
			for (size_t j = 0; t[j] && at + j < n; j++) {
				unsigned char c = (unsigned char)t[j];
				buf[at + j] = c >= 'a' && c <= 'z' && rnd() & 1 ? c - ('a' - 'A') : c;
			}
		}
		int want = naive_anchor(buf, n);
		found += (unsigned)want;
		if (rp_note_anchor(buf, n) != want) {
			fprintf(stderr, "anchor: %d expected for '%.*s'\n", want, (int)n, buf);
			fail();
		}
	}
	assert_true(found > 20000);    /* the test met stems often, not only misses */
}

/* A structured binary (a font-like table of small integers) with LockFile's every
 * other 16 bytes after 4 KiB, Black Basta's 64 every 192, and the same file intact. */
static void
fill_table(unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (unsigned char)((i % 8) < 4 ? 0 : (i / 8) % 37);
}

static void
issue20_stripes_in_any_file(void **state)
{
	static unsigned char buf[60000];
	struct rp_verdict v;
	size_t o, k;

	/* a TrueType signature, a table, no structure check for it */
	fill_table(buf, sizeof(buf));
	memcpy(buf, "\0\1\0\0", 4);
	put("font.ttf", buf, sizeof(buf));
	assert_int_equal(judge("font.ttf", &v), RP_V_OK);
	for (o = 4096; o + 16 <= sizeof(buf); o += 32)
		for (k = 0; k < 16; k++)
			buf[o + k] = rnd();
	put("font2.ttf", buf, sizeof(buf));
	assert_int_equal(judge("font2.ttf", &v), RP_V_PARTIAL);
	assert_true(has_reason(&v, "periodic random stripes"));
	/* text with 16-byte stripes (LockFile on an SVG) */
	fill_text(buf, sizeof(buf));
	for (o = 4096; o + 16 <= sizeof(buf); o += 32)
		for (k = 0; k < 16; k++)
			buf[o + k] = rnd();
	put("drawing.svg.lockfile", buf, sizeof(buf));
	assert_int_equal(judge("drawing.svg.lockfile", &v), RP_V_PARTIAL);
	/* Black Basta from offset 0 on a gettext catalog: the signature is gone */
	fill_table(buf, sizeof(buf));
	memcpy(buf, "\xde\x12\x04\x95", 4);
	for (o = 0; o + 64 <= sizeof(buf); o += 192)
		for (k = 0; k < 64; k++)
			buf[o + k] = rnd();
	put("app.mo", buf, sizeof(buf));
	assert_int_equal(judge("app.mo", &v), RP_V_PARTIAL);
	assert_true(has_reason(&v, "without the gettext signature"));
}

static void
put_be32(unsigned char *p, uint32_t x)
{
	p[0] = (unsigned char)(x >> 24);
	p[1] = (unsigned char)(x >> 16);
	p[2] = (unsigned char)(x >> 8);
	p[3] = (unsigned char)x;
}

/* fresh3's false positive (issue 20, seen after its one scan): a WOFF 1 web font, whose
 * tables are zlib streams, was called encrypted. Its directory holding together and its
 * streams inflating make its random body expected; a header whose directory does not
 * hold, or no header, not. */
static void
issue20_woff1_compressed_tables(void **state)
{
	static const char *const tags[3] = { "OS/2", "cmap", "glyf" };
	static const uint32_t orig[3] = { 40000, 20000, 432 };
	static unsigned char buf[65536], raw[40000];
	uint32_t off = 104, total;
	struct rp_verdict v;
	size_t i, k;

	(void)state;
	memset(buf, 0, sizeof(buf));
	memcpy(buf, "wOFF\0\1\0\0", 8);
	buf[13] = 3;                             /* numTables */
	put_be32(buf + 16, 60432);               /* totalSfntSize */
	for (i = 0; i < 3; i++) {
		unsigned char *e = buf + 44 + 20 * i;
		uLongf clen = (uLongf)(sizeof(buf) - off);

		for (k = 0; k < orig[i]; k++)
			raw[k] = (unsigned char)(rnd() & 0x3f);
		if (i < 2) {
			assert_int_equal(compress2(buf + off, &clen, raw, orig[i], 9), Z_OK);
		} else {
			fill_random(buf + off, orig[i]);   /* stored whole */
			clen = orig[i];
		}
		memcpy(e, tags[i], 4);
		put_be32(e + 4, off);
		put_be32(e + 8, (uint32_t)clen);
		put_be32(e + 12, orig[i]);
		off += ((uint32_t)clen + 3) & ~3u;
	}
	total = off;
	put_be32(buf + 8, total);                /* length: the file's */
	put("fa-solid-900.woff", buf, total);
	assert_int_equal(judge("fa-solid-900.woff", &v), RP_V_OK);
	assert_true(has_reason(&v, "compressed tables"));
	/* the same bytes with the length field not the file's: no excuse for the body */
	put_be32(buf + 8, total + 4);
	put("fa-brands.woff", buf, total);
	assert_int_not_equal(judge("fa-brands.woff", &v), RP_V_OK);
	/* a table outside the file */
	put_be32(buf + 8, total);
	put_be32(buf + 44 + 40 + 4, total);
	put("fa-regular.woff", buf, total);
	assert_int_not_equal(judge("fa-regular.woff", &v), RP_V_OK);
	/* random bytes under the name */
	fill_random(buf, sizeof(buf));
	put("fa-light.woff", buf, sizeof(buf));
	assert_int_equal(judge("fa-light.woff", &v), RP_V_ENCRYPTED);
}

/* The evaluation corpus's misses (issue 20), fixed by kind: tiny files without a format
 * encrypted whole, WOFF 2 (Brotli, random by design), a PDF cut inside its first stream. */
static void
issue20_tiny_woff2_cut_pdf(void **state)
{
	unsigned char buf[8192], z[8192];
	struct rp_verdict v;
	uLongf zn = sizeof(z);
	size_t n, i;

	/* tiny files encrypted whole, with no extension or one no format check knows */
	fill_random(buf, 116);
	put("DESC", buf, 116);
	assert_int_equal(judge("DESC", &v), RP_V_ENCRYPTED);
	assert_true(has_reason(&v, "tiny file"));
	put("infobox.sprite", buf, 68);
	assert_int_equal(judge("infobox.sprite", &v), RP_V_ENCRYPTED);
	put("cities.prj", buf, 142);
	assert_int_equal(judge("cities.prj", &v), RP_V_ENCRYPTED);
	/* tiny intact ones stay ok: a text, a binary record that repeats its bytes */
	put("VERSIONS", "Spreadsheet::ParseExcel 0.65\nOLE::Storage_Lite 0.20\n", 52);
	assert_int_equal(judge("VERSIONS", &v), RP_V_OK);
	for (i = 0; i < 120; i++)
		buf[i] = (unsigned char)(i % 4 == 0 ? i : 0);
	put("index.bin", buf, 120);
	assert_int_equal(judge("index.bin", &v), RP_V_OK);
	/* WOFF 2: a 48-byte header and a Brotli stream, random by design */
	memcpy(buf, "wOF2\0\1\0\0", 8);
	fill_random(buf + 8, 5200 - 8);
	put("KaTeX_Size2-Regular.woff2", buf, 5200);
	assert_int_equal(judge("KaTeX_Size2-Regular.woff2", &v), RP_V_OK);
	fill_random(buf, 5200);
	put("KaTeX_Size3-Regular.woff2", buf, 5200);
	assert_int_equal(judge("KaTeX_Size3-Regular.woff2", &v), RP_V_ENCRYPTED);
	/* a small PDF cut inside its first stream (an interrupted copy): it inflates to the
	 * end of the file, no endobj yet; random bytes behind the same header do not */
	n = fill_text(buf, 6000);
	for (i = 0; i < n; i += 97)
		buf[i] = (unsigned char)('0' + i % 10);
	assert_int_equal(compress2(z, &zn, buf, n, 9), Z_OK);
	{
		static const char hdr[] = "%PDF-1.4\n%\xb5\xed\xae\xfb\n4 0 obj\n<< /Length 5 0 R\n"
		    "   /Filter /FlateDecode\n>>\nstream\n";
		size_t h = sizeof(hdr) - 1, keep = zn * 6 / 10;

		assert_true(keep > 300);
		memcpy(buf, hdr, h);
		memcpy(buf + h, z, keep);
		put("flag24.pdf.part", buf, h + keep);
		assert_int_equal(judge("flag24.pdf.part", &v), RP_V_OK);
		assert_true(has_reason(&v, "cut short"));
		fill_random(buf + h, keep);
		put("fake24.pdf", buf, h + keep);
		assert_int_not_equal(judge("fake24.pdf", &v), RP_V_OK);
	}
}

static void
issue20_tiny_and_cut_files(void **state)
{
	unsigned char buf[4096];
	struct rp_verdict v;
	size_t n;

	/* a tiny GIF encrypted whole, renamed or not; a tiny text encrypted */
	fill_random(buf, 100);
	put("logo.gif.akira", buf, 100);
	assert_int_equal(judge("logo.gif.akira", &v), RP_V_ENCRYPTED);
	put("logo.gif", buf, 100);
	assert_int_equal(judge("logo.gif", &v), RP_V_ENCRYPTED);
	assert_true(has_reason(&v, "type lost"));
	put("notes.txt", buf, 60);
	assert_int_equal(judge("notes.txt", &v), RP_V_ENCRYPTED);
	/* a tiny real GIF stays ok; a short text too */
	put("dot.gif", "GIF89a\1\0\1\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\4\1\0\0\0\0,\0\0\0\0\1\0\1\0\0\2\2D\1\0;", 43);
	assert_int_equal(judge("dot.gif", &v), RP_V_OK);
	put("short.txt", "Meeting moved to 14:30, room 2.\n", 32);
	assert_int_equal(judge("short.txt", &v), RP_V_OK);
	/* a Type 1 font: its eexec part is random by design */
	buf[0] = 0x80;
	buf[1] = 0x01;
	fill_random(buf + 6, sizeof(buf) - 6);
	put("Nimbus.pfb", buf, sizeof(buf));
	assert_int_equal(judge("Nimbus.pfb", &v), RP_V_OK);
	/* a gzip cut short by an interrupted copy: valid up to its end */
	{
		static const char *const cmd = "seq 1 20000 | gzip -9 > %s/m.gz && "
		    "head -c 1500 %s/m.gz > %s/cut.1.gz";
		char c[512];

		snprintf(c, sizeof(c), cmd, dir, dir, dir);
		assert_int_equal(system(c), 0);
	}
	assert_int_equal(judge("cut.1.gz", &v), RP_V_OK);
	assert_true(has_reason(&v, "cut short"));
	/* a fake header: a gzip header and random bytes behind it */
	memcpy(buf, "\x1f\x8b\x08\0\0\0\0\0\0\3", 10);
	fill_random(buf + 10, 1490);
	n = 1500;
	put("fake.gz", buf, n);
	assert_int_not_equal(judge("fake.gz", &v), RP_V_OK);
}

static void
issue20_extortion_and_short_notes(void **state)
{
	static const char extortion[] =
	    "Hello,\n\nWe have downloaded 340 GB of your data: contracts, payroll, patient files.\n"
	    "If you do not contact us within 72 hours, everything will be published on our blog.\n"
	    "Tor Browser: http://abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz234567.onion\n"
	    "Your personal ID: 4F2A9C0D1E7B3A56\n";
	static const char shortnote[] =
	    "http://abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz234567.onion\nkey: Zx81Qp0Lm4Tw9Rb2\n";
	static const char mailnote[] = "All your files are locked and your data taken. qw7x0p@onionmail.org\n";
	static const char readme[] =
	    "libfoo 2.1\n\nThis release fixes a memory leak in the parser. Downloaded files are "
	    "verified before use. Report bugs to maintainer@example.org.\n"
	    "Copyright 2024 The libfoo authors. Free software under the GNU GPL.\n";
	static const char hostname[] = "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz234567.onion\n";
	struct rp_verdict v;

	/* content decides, whatever the name: .log, no extension, a typo'd .txtt */
	put("money.log", extortion, sizeof(extortion) - 1);
	assert_int_equal(judge("money.log", &v), RP_V_NOTE);
	put("README", extortion, sizeof(extortion) - 1);
	assert_int_equal(judge("README", &v), RP_V_NOTE);
	put("read.txtt", shortnote, sizeof(shortnote) - 1);
	assert_int_equal(judge("read.txtt", &v), RP_V_NOTE);
	put("info.me", mailnote, sizeof(mailnote) - 1);
	assert_int_equal(judge("info.me", &v), RP_V_NOTE);
	/* ordinary documents stay ok: a README with a mail, a hidden service's hostname,
	 * source code that talks about Tor */
	put("README.txt", readme, sizeof(readme) - 1);
	assert_int_equal(judge("README.txt", &v), RP_V_OK);
	put("hostname", hostname, sizeof(hostname) - 1);
	assert_int_equal(judge("hostname", &v), RP_V_OK);
	put("tor.c", extortion, sizeof(extortion) - 1);
	assert_int_equal(judge("tor.c", &v), RP_V_OK);
}

/* Short notes by their kinds of evidence (rules-short ransom_note_short_evidence): a
 * channel (mail, Tor, Session, a Bitcoin address) with two kinds of words of extortion in
 * the note's language, or one kind and an ID; ordinary short texts with a mail or a URL
 * are not notes. */
static void
issue20_short_notes_by_evidence(void **state)
{
	static const struct { const char *name, *text; } notes[] = {
		{ "LEIA.txt", "A sua empresa foi invadida. Temos 210 GB.\nContato: kq81@tutanota.com\n" },
		{ "CZYTAJ.txt", "Pliki zaszyfrowane, dane skradzione. Publikacja za 72 godzin.\nsupport7@cyberfear.com\n" },
		{ "안내.txt", "파일이 모두 암호화되었습니다. 데이터가 유출되었습니다.\nmx0@keemail.me\n" },
		{ "OKU.txt", "Verileriniz çalındı ve yayınlanacak. Yazın: a9z@onionmail.org\n" },
		{ "اقرأ.txt", "تم تشفير ملفاتك. راسلنا qq1@mailum.com المعرف: 9F3A77C2D1E0B4A6\n" },
		{ "x.txt", "Encrypted, and leaked next week. ops@proton.me\n" },
		{ "pay.txt", "Decrypt: pay 0.2 to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh\n" },
		{ "k.txt", "Contact ab3@onionmail.org to decrypt. ID 7c1e09aa\n" },
	};
	static const struct { const char *name, *text; } plain[] = {
		{ "README", "foo 1.2: a tiny library. Report bugs to dev@example.org.\nSee INSTALL for building.\n" },
		{ "COPYING.txt", "Copyright (C) 2021 Jane Roe <jane@example.org>\nLicensed under the MIT licence; see LICENSE.\n" },
		{ "courses.txt", "Liste: lait, pain, 2 kg pommes, café, savon.\nNe pas oublier: payer la facture EDF.\n" },
		{ "run.log", "2026-11-02 10:14:03 GET https://example.org/files/2.3 200 1520 GB-free ok\n" },
		{ "release.txt", "We fixed a memory leak and published 3.1. Mail news@example.org.\n" },
		{ "invoice.txt", "Invoice 0342: 900 EUR. Pay by Bitcoin to bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh, "
		    "then send the transaction ID 4F2A9C0D1E7B3A56 to billing@example.org.\n" },
	};
	struct rp_verdict v;

	for (size_t i = 0; i < sizeof(notes) / sizeof(notes[0]); i++) {
		put(notes[i].name, notes[i].text, strlen(notes[i].text));
		assert_int_equal(judge(notes[i].name, &v), RP_V_NOTE);
	}
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		put(plain[i].name, plain[i].text, strlen(plain[i].text));
		assert_int_equal(judge(plain[i].name, &v), RP_V_OK);
	}
}

static void
issue20_stripes_periodicity(void **state)
{
	uint64_t bits[64 + 4];
	struct rp_stripes_result r;
	size_t i;

	/* LockFile: every other window */
	memset(bits, 0, sizeof(bits));
	for (i = 0; i < 64 * 64; i += 2)
		bits[i / 64] |= 1ull << (i % 64);
	rp_stripes_find(bits, 64 * 64, &r);
	assert_int_equal(r.period, 2);
	/* Black Basta: 4 of every 12 */
	memset(bits, 0, sizeof(bits));
	for (i = 0; i < 64 * 64; i++)
		if (i % 12 < 4)
			bits[i / 64] |= 1ull << (i % 64);
	rp_stripes_find(bits, 64 * 64, &r);
	assert_int_equal(r.period, 12);
	/* marks without a period (natural data): none */
	memset(bits, 0, sizeof(bits));
	for (i = 0; i < 64 * 64; i++)
		if (rnd() < 80)
			bits[i / 64] |= 1ull << (i % 64);
	rp_stripes_find(bits, 64 * 64, &r);
	assert_int_equal(r.period, 0);
	/* one long random run (a compressed blob in a document): no period */
	memset(bits, 0, sizeof(bits));
	for (i = 1000; i < 2500; i++)
		bits[i / 64] |= 1ull << (i % 64);
	rp_stripes_find(bits, 64 * 64, &r);
	assert_int_equal(r.period, 0);
}

/*
 * Short notes in the languages of rules-short/short-words.yar, one line each with a
 * mail or a channel; terse English ones (a bare Tox ID, "write" a mail with an ID, an
 * amount of data, "pay for the key"); ordinary short texts in the same languages with
 * a mail are not notes (issue 20).
 */
static void
issue20_short_notes_in_more_languages(void **state)
{
	static const char tox[] = "F2A1C67B3D9E0A4B5C6D7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B9C0D1E2F3A4B";
	static const struct { const char *name, *text; } notes[] = {
		{ "LEIA-ME.txt", "Seus arquivos foram criptografados. Escreva para rx4@onionmail.org\n" },
		{ "PRZECZYTAJ.txt", "Wasze pliki zosta\xc5\x82y zaszyfrowane. Napisz: rx4@onionmail.org\n" },
		{ "읽어주세요.txt", "파일이 암호화되었습니다. 연락: rx4@onionmail.org\n" },
		{ "BENIOKU.txt", "Dosyalar\xc4\xb1n\xc4\xb1z \xc5\x9fifrelendi. rx4@onionmail.org adresine yaz\xc4\xb1n\n" },
		{ "اقرأني.txt", "تم تشفير جميع ملفاتكم. اتصل بنا: rx4@onionmail.org\n" },
		{ "読んで.txt", "ファイルは暗号化されました。連絡先 rx4@onionmail.org\n" },
		{ "说明.txt", "您的文件已被加密。联系 rx4@onionmail.org\n" },
		{ "ПРОЧТИ.txt", "Ваши файлы зашифрованы. Напишите rx4@onionmail.org\n" },
		{ "ПРОЧИТАЙ.txt", "Ваші файли зашифровано. Напишіть rx4@onionmail.org\n" },
		{ "LEESMIJ.txt", "Uw bestanden zijn versleuteld. Schrijf naar rx4@onionmail.org\n" },
		{ "LASMIG.txt", "Dina filer \xc3\xa4r krypterade. Skriv till rx4@onionmail.org\n" },
		{ "PRECTI.txt", "Vaše soubory byly zašifrovány. Napište rx4@onionmail.org\n" },
		{ "CITESTE.txt", "Fi\xc8\x99ierele au fost criptate. Scrie\xc8\x9bi la rx4@onionmail.org\n" },
		{ "OLVASS.txt", "A f\xc3\xa1jljait titkos\xc3\xadtottuk. \xc3\x8djon: rx4@onionmail.org\n" },
		{ "DOCNGAY.txt", "T\xe1\xba\xa5t c\xe1\xba\xa3 t\xe1\xbb\x87p \xc4\x91\xc3\xa3 b\xe1\xbb\x8b m\xc3\xa3 h\xc3\xb3" "a. Li\xc3\xaan h\xe1\xbb\x87 rx4@onionmail.org\n" },
		{ "BACA.txt", "File Anda telah dienkripsi. Hubungi rx4@onionmail.org\n" },
		{ "อ่าน.txt", "ไฟล์ของคุณถูกเข้ารหัส ติดต่อ rx4@onionmail.org\n" },
		{ "קרא.txt", "הקבצים שלך מוצפנים. צרו קשר rx4@onionmail.org\n" },
		{ "بخوانید.txt", "فایل های شما رمزگذاری شده است. تماس: rx4@onionmail.org\n" },
		{ "पढ़ें.txt", "आपकी फ़ाइलें एन्क्रिप्ट कर दी गई हैं। संपर्क करें rx4@onionmail.org\n" },
		{ "ΔΙΑΒΑΣΕ.txt", "Τα αρχεία σας κρυπτογραφήθηκαν. Γράψτε στο rx4@onionmail.org\n" },
		/* one line, Chinese and a Bitcoin address: too varied for the window test */
		{ "README_CN.txt", "文件已加密。比特币 bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4\n" },
		/* terse English */
		{ "K.txt", "Pay for the key: gtz9@onionmail.org\n" },
		{ "info.txt", "Write hcw7@mailum.com\nID: C2BEC9C77C2E7B24CACC550747089C6A\n" },
		{ "DATA.txt", "We have 485 GB of your data. dly7@keemail.me\n" },
		{ "HELP.txt", "Your files are gone unless you pay.\nzgy4@onionmail.org\n" },
		{ "note.txt", "Contact us before we publish. Session "
		    "05f34d69ab82a6a902cd32bb6bd3d794ddfd575a15bedcddfb807c2b1d3ca8f89d\n" },
	};
	static const struct { const char *name, *text; } plain[] = {
		{ "kontakt.txt", "Kontakt: biuro@firma.pl, tel. 22 123 45 67. Zapraszamy.\n" },
		{ "lista.txt", "Lista de compras: leite, p\xc3\xa3o, ovos, caf\xc3\xa9. Pagar a conta de luz.\n" },
		{ "LIESMICH.txt", "Fragen zur Installation? Schreiben Sie an support@example.de.\n" },
		{ "COPYING", "Copyright (C) 2020 Jan Nov\xc3\xa1k <jan@example.cz>. Licence: GPL-2.0+.\n" },
		{ "licence.txt", "Pay for the licence key once: sales@example.com\n" },
		{ "access.log", "10.0.0.7 - - [02/Nov/2026] \"GET /files/x.pdf\" 200 https://example.org/ mail admin@example.org\n" },
		{ "tor.txt", "Our mirror: http://duskgytldkxiuqc6.onion\n" },
	};
	struct rp_verdict v;
	char buf[200];

	for (size_t i = 0; i < sizeof(notes) / sizeof(notes[0]); i++) {
		put(notes[i].name, notes[i].text, strlen(notes[i].text));
		if (judge(notes[i].name, &v) != RP_V_NOTE)
			fail_msg("%s: %s", notes[i].name, notes[i].text);
	}
	/* a bare Tox ID, and with "write to" */
	snprintf(buf, sizeof(buf), "Tox %s\n", tox);
	put("RECOVERY.txt", buf, strlen(buf));
	assert_int_equal(judge("RECOVERY.txt", &v), RP_V_NOTE);
	snprintf(buf, sizeof(buf), "write to %s\n", tox);
	put("w.txt", buf, strlen(buf));
	assert_int_equal(judge("w.txt", &v), RP_V_NOTE);
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		put(plain[i].name, plain[i].text, strlen(plain[i].text));
		if (judge(plain[i].name, &v) != RP_V_OK)
			fail_msg("%s: %s (%s)", plain[i].name, plain[i].text, v.reasons[0]);
	}
}

/*
 * A tiny file under a family's extension appended to another: encrypted when its bytes
 * are not what the first extension holds, whatever its size; clean text under '.txt',
 * or the format's own signature, is not (issue 20). A PNG cut inside a compressed
 * zTXt chunk whose stream inflates to the end is cut short, not a fake header.
 */
static void
issue20_tiny_family_and_cut_png(void **state)
{
	unsigned char buf[1024], z[900];
	uLongf zn = sizeof(z);
	struct rp_verdict v;
	size_t n = 0, i;

	fill_random(buf, 94);
	put("x.gif.akira", buf, 94);
	assert_int_equal(judge("x.gif.akira", &v), RP_V_ENCRYPTED);
	put("top_level.txt.royal", "\x9f\x03\xe1\x7a", 4);
	assert_int_equal(judge("top_level.txt.royal", &v), RP_V_ENCRYPTED);
	put("data.bin.8base", "\xc4\x11\x02", 3);
	assert_int_equal(judge("data.bin.8base", &v), RP_V_ENCRYPTED);
	/* what the first extension holds */
	put("top_level.txt.lockbit", "odf\n", 4);
	assert_int_equal(judge("top_level.txt.lockbit", &v), RP_V_OK);
	put("dot.gif.akira", "GIF89a\1\0\1\0\x80\0\0\0\0\0\xff\xff\xff!\xf9\4\1\0\0\0\0,\0\0\0\0\1\0\1\0\0\2\2D\1\0;", 43);
	assert_int_equal(judge("dot.gif.akira", &v), RP_V_OK);
	put("notes.8base", "\xc4\x11\x02", 3);   /* no extension before the family's */
	assert_int_equal(judge("notes.8base", &v), RP_V_OK);

	/* PNG: signature, IHDR, then a zTXt chunk cut short whose zlib stream is real */
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(rnd() & 0x3f);
	assert_int_equal(compress2(z, &zn, buf, sizeof(buf), 9), Z_OK);
	n = 0;
	memcpy(buf + n, "\x89PNG\r\n\x1a\n", 8), n += 8;
	memcpy(buf + n, "\0\0\0\x0dIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 21), n += 21;
	{
		uint32_t c = (uint32_t)crc32(0, buf + 12, 17);

		buf[n++] = (unsigned char)(c >> 24), buf[n++] = (unsigned char)(c >> 16);
		buf[n++] = (unsigned char)(c >> 8), buf[n++] = (unsigned char)c;
	}
	memcpy(buf + n, "\0\0\x03\xd2zTXtRaw profile type exif\0\0", 31), n += 31;
	memcpy(buf + n, z, zn < 500 ? zn : 500), n += zn < 500 ? zn : 500;
	put("cut.png", buf, n);
	assert_int_equal(judge("cut.png", &v), RP_V_OK);
	/* the same header with random bytes behind: a fake header */
	fill_random(buf + 64, n - 64);
	put("fake.png", buf, n);
	if (judge("fake.png", &v) == RP_V_OK)
		fail_msg("fake.png: %s / %s", v.reasons[0], v.nreasons > 1 ? v.reasons[1] : "");
}

/*
 * What fresh3 showed the rules lacked, as kinds of evidence (issue 20): a Telegram
 * handle on the line after "Telegram", or a bot's handle given bare; Hebrew, Russian,
 * Ukrainian, Polish and Czech claims in other inflections than the stems had; a number
 * to text for the key; a personal ID with the claim and the way back; the attacker's
 * "if you do not pay" (a condition, not the defender's advice); notes that ask nothing
 * (wipers, political attackers); HTML notes judged on their text (tags, style sheets
 * and character references removed); a mail and an ID in a file named like a note.
 * Ordinary texts in the same languages are not notes: a Russian news paragraph, a
 * Russian software licence, an HTML page about encryption software, a README.
 */
static void
issue20_fresh3_kinds_of_evidence(void **state)
{
	static const char tox[] = "5C0D9F1E2A3B4C5D6E7F8091A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E6F708192A3B";
	static const struct { const char *name, *text; } notes[] = {
		/* Telegram: the handle on the next line; a bot's handle bare */
		{ "LIESMICH.txt", "Your documents are encrypted.\nMessage us on Telegram:\n@unlockdesk\nYour ID: 7f3a9c2e11\n" },
		{ "اقرأ.txt", "\xd8\xaa\xd9\x85 \xd8\xaa\xd8\xb4\xd9\x81\xd9\x8a\xd8\xb1 \xd9\x85\xd9\x84\xd9\x81\xd8\xa7\xd8\xaa\xd9\x83\xd9\x85. @keys_return_bot\n" },
		{ "read.txt", "All servers locked. Write to @restore_files_bot with your ID q81ZZkw0\n" },
		/* Hebrew: the same root in three inflections */
		{ "הודעה.txt", "\xd7\x94\xd7\x9e\xd7\xa1\xd7\x9e\xd7\x9b\xd7\x99\xd7\x9d \xd7\x94\xd7\x95\xd7\xa6\xd7\xa4\xd7\xa0\xd7\x95. \xd7\x9b\xd7\xaa\xd7\x91\xd7\x95: zq7@onionmail.org\n" },
		{ "קראו.txt", "\xd7\x94\xd7\xa9\xd7\xa8\xd7\xaa \xd7\x94\xd7\x95\xd7\xa6\xd7\xa4\xd7\xa0\xd7\x94 \xd7\x9c\xd7\x92\xd7\x9e\xd7\xa8\xd7\x99. 48 \xd7\xa9\xd7\xa2\xd7\x95\xd7\xaa. zq7@onionmail.org\n" },
		/* Russian inflections: the claim, the way back (restore), a Session ID */
		{ "ВАЖНО.txt", "Ваша база данных зашифрована. Для восстановления пишите в Session "
		    "05f34d69ab82a6a902cd32bb6bd3d794ddfd575a15bedcddfb807c2b1d3ca8f89d\n" },
		/* the key sold by SMS, in Polish and Russian */
		{ "ODZYSKAJ.txt", "Wszystkie wasze pliki zosta\xc5\x82y zaszyfrowane! Aby je odzyska\xc4\x87, wy\xc5\x9blij SMS na +48600111222.\n" },
		{ "КЛЮЧ.txt", "Все ваши документы заблокированы и зашифрованы. Чтобы восстановить их, отправьте SMS на +79001112233.\n" },
		/* Czech and Spanish: the claim, the way back and a personal ID */
		{ "PRECTETE.txt", "Va\xc5\xa1" "e soubory jsou za\xc5\xa1ifrov\xc3\xa1ny. Pro de\xc5\xa1ifrov\xc3\xa1n\xc3\xad n\xc3\xa1s kontaktujte. V\xc3\xa1\xc5\xa1 ID: 9f8e7d6c5b4a\n" },
		{ "LEAME.txt", "Sus documentos han sido cifrados. Para descifrarlos compre la herramienta. Su ID: 5b4a3c2d1e0f\n" },
		/* the attacker's condition */
		{ "notice.me", "We copied 40 GB of your records. If you do not pay, we publish them. lq5@onionmail.org\n" },
		/* notes that ask nothing */
		{ "WIPED.txt", "Your servers are wiped and your backups encrypted. No ransom, no negotiations.\n" },
		{ "УВАГА.txt", "Ваші файли зашифровано. Викупу не буде.\n" },
		{ "ВНИМАНИЕ.txt", "Ваша сеть уничтожена. Данные, которые мы у вас скопировали, опубликованы в нашем канале.\n" },
		/* "mail us" with an ID; encrypted and downloaded; Keybase as the channel */
		{ "READ.txtt", "Mail us: kq3@dnmx.org. Your ID: 7E2C4A19B05D. 48 hours.\n" },
		{ "INFO", "Encrypted and downloaded. pw8@onionmail.org\n" },
		{ "RESTORE.txt", "Your servers were encrypted. Reach us on keybase only.\nID: 9C1E0B7A44F2D6\n" },
		/* a mail and an ID, named like a note */
		{ "decrypt_help.txt", "qq9w@mail2tor.com ID: Xk29fPq1\n" },
	};
	static const struct { const char *name, *text; } plain[] = {
		/* a Russian news paragraph: third person, a hotline's number */
		{ "news.txt", "Хакеры атаковали городскую больницу: файлы на серверах были зашифрованы, "
		    "а злоумышленники потребовали выкуп. Специалисты восстанавливают системы из "
		    "резервных копий. Данные пациентов, по словам полиции, могут быть опубликованы. "
		    "Телефон горячей линии: +74951234567.\n" },
		/* a Russian software licence: the product encrypts the user's files */
		{ "LICENSE.ru.txt", "Лицензионное соглашение. Программа шифрует ваши файлы: после установки ваши "
		    "файлы зашифрованы алгоритмом AES-256. Для восстановления и расшифровки используйте "
		    "ваш ключ. Ваш ID: 0a1b2c3d4e5f. Служба поддержки: +74957654321, help@example.ru.\n" },
		/* a README and a user's note about a contact with an ID */
		{ "README", "SafeBox 2.1\n\nThis tool encrypts your files with AES-256 before upload.\n"
		    "Your files are encrypted locally; to restore them run `safebox restore`.\n"
		    "Report bugs to dev@example.org.\n" },
		{ "contact.txt", "qq9w@example.org ID: Xk29fPq1\n" },
		/* the defender's advice stays a veto */
		{ "memo.txt", "Do not pay. If your files are encrypted, unplug the network cable and call "
		    "it@example.com. Your ID: 12ab34cd56ef.\n" },
		/* an order confirmation, a Keybase name */
		{ "order.txt", "Mail us: orders@shop.example. Your order ID: 4f5a6b7c8d9e.\n" },
		{ "kb.txt", "My keybase: alice. Key fingerprint 0x1234ABCD.\n" },
		/* Telegram users in a chat log, a mail on a robot's domain */
		{ "chat.txt", "@anna_k: see you at 5\n@robotics_club: meeting moved\nmail me at x@robot.com\n" },
	};
	static const char html_page[] =
	    "<!DOCTYPE html><html><head><title>SecureVault: encrypt your files</title>"
	    "<style>body{font-family:sans-serif;margin:0}nav a{color:#06c}</style></head>"
	    "<body><nav><a href=\"/\">Home</a> <a href=\"/pricing\">Pricing</a></nav>"
	    "<h1>SecureVault</h1><p>All your files are encrypted with AES-256 before they leave "
	    "your computer. Lost your password? Restore your files with your recovery key.</p>"
	    "<h2>Features</h2><ul><li>Zero-knowledge</li><li>Pay with card or Bitcoin</li></ul>"
	    "<p>Questions: support@securevault.example</p><footer>&copy; 2026 SecureVault"
	    "</footer></body></html>\n";
	/* an HTA note: the words behind entities and <br>, a style sheet that takes it past
	 * the short-note rules' 600 bytes */
	static const char hta[] =
	    "<html><head><hta:application id=\"x\" border=\"none\"/><style>"
	    "body{background:#000;color:#f22;font:14px monospace;margin:40px;padding:0}"
	    "h1{font-size:30px;text-align:center;letter-spacing:4px}p{line-height:1.6em}"
	    ".box{border:2px solid #f22;padding:20px;margin:20px auto;width:70%}"
	    ".id{font-weight:bold;color:#ff0}.mail{color:#0f0;text-decoration:underline}"
	    "</style></head><body><div class=\"box\"><h1>!!!</h1>"
	    "<p>&#1042;&#1072;&#1096;&#1080; &#1092;&#1072;&#1081;&#1083;&#1099;<br>"
	    "&#1079;&#1072;&#1096;&#1080;&#1092;&#1088;&#1086;&#1074;&#1072;&#1085;&#1099;.</p>"
	    "<p>&#1055;&#1080;&#1096;&#1080;&#1090;&#1077;:<br><span class=\"mail\">"
	    "kx8@onionmail.org</span></p></div></body></html>\n";
	static const char html_en[] =
	    "<html><body><p>All your files<br>were en<b>crypt</b>ed.</p><p>If you do not pay, "
	    "we publish&nbsp;them.</p><p>Contact: rq2@tutamail.com</p></body></html>\n";
	struct rp_verdict v;
	char buf[256];

	for (size_t i = 0; i < sizeof(notes) / sizeof(notes[0]); i++) {
		put(notes[i].name, notes[i].text, strlen(notes[i].text));
		if (judge(notes[i].name, &v) != RP_V_NOTE)
			fail_msg("%s: %s", notes[i].name, notes[i].text);
	}
	snprintf(buf, sizeof(buf), "We have your customer database. Do not pay and it goes public.\nTox: %s\n", tox);
	put("x.me", buf, strlen(buf));
	assert_int_equal(judge("x.me", &v), RP_V_NOTE);
	put("unlock.hta", hta, sizeof(hta) - 1);
	assert_true(sizeof(hta) - 1 > 600);
	if (judge("unlock.hta", &v) != RP_V_NOTE)
		fail_msg("unlock.hta: %s", v.nreasons ? v.reasons[0] : "");
	put("info.html", html_en, sizeof(html_en) - 1);
	assert_int_equal(judge("info.html", &v), RP_V_NOTE);
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		put(plain[i].name, plain[i].text, strlen(plain[i].text));
		if (judge(plain[i].name, &v) != RP_V_OK)
			fail_msg("%s: %s (%s)", plain[i].name, plain[i].text, v.reasons[0]);
	}
	put("index.html", html_page, sizeof(html_page) - 1);
	if (judge("index.html", &v) != RP_V_OK)
		fail_msg("index.html: %s", v.reasons[0]);
}

/*
 * A loud 16-bit PCM WAV (a full-scale sawtooth) has 4 KiB blocks as varied as random
 * bytes, byte by byte, but its samples move by small steps: intact (fresh3's up.wav
 * was called partial). Random blocks put into it are still partial.
 */
static void
issue20_loud_wav_is_not_random(void **state)
{
	static unsigned char buf[44 + 16 * 4096];
	static const unsigned char hdr[44] = {
		'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ',
		16, 0, 0, 0, 1, 0, 1, 0, 0x22, 0x56, 0, 0, 0x44, 0xac, 0, 0, 2, 0, 16, 0,
		'd', 'a', 't', 'a', 0, 0, 0, 0 };
	uint32_t riff = sizeof(buf) - 8, data = sizeof(buf) - 44;
	struct rp_verdict v;
	size_t k;

	memcpy(buf, hdr, sizeof(hdr));
	buf[4] = (unsigned char)riff, buf[5] = (unsigned char)(riff >> 8), buf[6] = (unsigned char)(riff >> 16);
	buf[40] = (unsigned char)data, buf[41] = (unsigned char)(data >> 8), buf[42] = (unsigned char)(data >> 16);
	for (k = 0; k < data / 2; k++) {
		uint16_t x = (uint16_t)(k * 2053u);

		buf[44 + 2 * k] = (unsigned char)x;
		buf[45 + 2 * k] = (unsigned char)(x >> 8);
	}
	put("loud.wav", buf, sizeof(buf));
	if (judge("loud.wav", &v) != RP_V_OK)
		fail_msg("loud.wav: %s / %s", v.reasons[0], v.nreasons > 1 ? v.reasons[1] : "");
	fill_random(buf + 4 * 4096, 4096);
	fill_random(buf + 9 * 4096, 4096);
	put("loud2.wav", buf, sizeof(buf));
	assert_int_equal(judge("loud2.wav", &v), RP_V_PARTIAL);
	assert_true(has_reason(&v, "2 of its sampled 4 KiB blocks are random"));
}

/*
 * A family's extension appended after an extension only the signature checks know
 * (sig.c: ".mo", ".ttf", ".shp", ".otp"): "cat.mo.play" is the catalog it was, judged
 * as one. PLAY's two chunks (a quarter at 0, a quarter at the middle) took its
 * signature: partial (it was ok: ".play" was taken for the only extension). An intact
 * catalog with a tool's suffix appended stays ok.
 */
static void
issue20_family_after_signature_extension(void **state)
{
	static unsigned char buf[64 * 1024];
	struct rp_verdict v;

	fill_text(buf, sizeof(buf));
	memcpy(buf, "\xde\x12\x04\x95\0\0\0\0\x10\0\0\0\x1c\0\0\0", 16);
	put("cat.mo.dpkg-dist", buf, sizeof(buf));
	assert_int_equal(judge("cat.mo.dpkg-dist", &v), RP_V_OK);
	fill_random(buf, sizeof(buf) / 4);
	fill_random(buf + sizeof(buf) / 2, sizeof(buf) / 4);
	put("cat.mo.play", buf, sizeof(buf));
	assert_int_equal(judge("cat.mo.play", &v), RP_V_PARTIAL);
	assert_true(has_reason(&v, "without the gettext signature"));
}

/* A real "tile.png.map" (a binary map beside a PNG: not a PNG, not random) is not
 * encrypted for having lost the type its inner extension names; the same name over
 * random bytes is, and so are the same bytes under a ransomware family's extension. */
static void
renamed_binary_not_random_is_ok(void **state)
{
	static unsigned char buf[5632];
	struct rp_verdict v;

	(void)state;
	for (size_t i = 0; i < sizeof(buf); i += 2) {
		buf[i] = (unsigned char)((i / 2) % 37);
		buf[i + 1] = (unsigned char)((i / 64) % 3);
	}
	put("shilka.png.map", buf, sizeof(buf));
	assert_int_equal(judge("shilka.png.map", &v), RP_V_OK);
	/* under a ransomware family's extension the name is the evidence (Black Basta's
	 * fine stripes leave no random 4 KiB block) */
	put("shilka.png.basta", buf, sizeof(buf));
	assert_int_equal(judge("shilka.png.basta", &v), RP_V_ENCRYPTED);
	fill_random(buf, sizeof(buf));
	put("shilka.png.map", buf, sizeof(buf));
	assert_int_equal(judge("shilka.png.map", &v), RP_V_ENCRYPTED);
}

/*
 * Cut short or prefixed is not encrypted (fresh5's goexif JPEGs, klauspost's
 * test-prefix.zip, scipy's 32-bit WAV), from synthetic files. A JPEG whose header
 * segments chain, marker after marker, up to where the file ends (inside a
 * quantisation table, inside an EXIF segment whose thumbnail is random) is cut short:
 * ok. The same file with a random length and random bytes where the table starts, or
 * random bytes where the next marker should be, is not.
 */
static void
issue20_jpeg_cut_in_header(void **state)
{
	static unsigned char buf[16 * 1024];
	static const unsigned char app0[] = { 0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
		1, 1, 0, 0, 1, 0, 1, 0, 0 };
	struct rp_verdict v;
	size_t n, k, app1 = 6000;

	(void)state;
	/* SOI, APP0, APP1 "Exif" with a random thumbnail, then a DQT cut short */
	memcpy(buf, app0, sizeof(app0));
	n = sizeof(app0);
	buf[n++] = 0xFF, buf[n++] = 0xE1;
	buf[n++] = (unsigned char)((app1 + 2) >> 8), buf[n++] = (unsigned char)(app1 + 2);
	memcpy(buf + n, "Exif\0\0II*\0", 10);
	fill_random(buf + n + 10, app1 - 10);
	n += app1;
	buf[n++] = 0xFF, buf[n++] = 0xDB, buf[n++] = 0, buf[n++] = 67, buf[n++] = 0;
	for (k = 0; k < 20; k++)
		buf[n++] = (unsigned char)(2 + k / 3);
	put("cut-dqt.jpg", buf, n);
	assert_int_equal(judge("cut-dqt.jpg", &v), RP_V_OK);
	assert_true(has_reason(&v, "cut short"));
	put("cut-exif.jpg", buf, sizeof(app0) + 3000);
	assert_int_equal(judge("cut-exif.jpg", &v), RP_V_OK);
	assert_true(has_reason(&v, "cut short"));
	/* a stripe over the table's length and first bytes: a length past the end */
	fill_random(buf + n - 23, 18);
	buf[n - 23] = 0xE7;
	put("stripe-len.jpg", buf, n);
	assert_int_not_equal(judge("stripe-len.jpg", &v), RP_V_OK);
	/* random bytes where the marker after the EXIF segment should be */
	fill_random(buf + sizeof(app0) + 4 + app1, 25);
	buf[sizeof(app0) + 4 + app1] = 0x5A;
	put("stripe-marker.jpg", buf, n);
	assert_int_not_equal(judge("stripe-marker.jpg", &v), RP_V_OK);
}

/* A zip behind a launcher script is the archive unzip reads (every offset shifted by
 * the prefix): ok. Behind random bytes it is not. */
static void
issue20_zip_behind_prefix(void **state)
{
	static unsigned char buf[4096];
	static const char script[] = "#!/bin/sh\nexec java -jar \"$0\" \"$@\"\n";
	static const char *const names[2] = { "readme.txt", "data/notes.txt" };
	struct rp_verdict v;
	size_t k, z = 0, cd, lho[2];

	(void)state;
	/* two stored entries; offsets from the archive's start */
	for (k = 0; k < 2; k++) {
		size_t nl = strlen(names[k]), dl = 300 + 100 * k;

		lho[k] = z;
		memcpy(buf + z, "PK\3\4\x14\0\0\0\0\0", 10);
		buf[z + 18] = buf[z + 22] = (unsigned char)dl, buf[z + 19] = buf[z + 23] = (unsigned char)(dl >> 8);
		buf[z + 26] = (unsigned char)nl;
		memcpy(buf + z + 30, names[k], nl);
		fill_text(buf + z + 30 + nl, dl);
		z += 30 + nl + dl;
	}
	cd = z;
	for (k = 0; k < 2; k++) {
		size_t nl = strlen(names[k]), dl = 300 + 100 * k;

		memcpy(buf + z, "PK\1\2\x14\0\x14\0\0\0\0\0", 12);
		buf[z + 20] = buf[z + 24] = (unsigned char)dl, buf[z + 21] = buf[z + 25] = (unsigned char)(dl >> 8);
		buf[z + 28] = (unsigned char)nl;
		buf[z + 42] = (unsigned char)lho[k], buf[z + 43] = (unsigned char)(lho[k] >> 8);
		memcpy(buf + z + 46, names[k], nl);
		z += 46 + nl;
	}
	memcpy(buf + z, "PK\5\6\0\0\0\0\2\0\2\0", 12);
	buf[z + 12] = (unsigned char)(z - cd), buf[z + 13] = (unsigned char)((z - cd) >> 8);
	buf[z + 16] = (unsigned char)cd, buf[z + 17] = (unsigned char)(cd >> 8);
	z += 22;
	put("plain.zip", buf, z);
	assert_int_equal(judge("plain.zip", &v), RP_V_OK);
	memmove(buf + sizeof(script) - 1, buf, z);
	memcpy(buf, script, sizeof(script) - 1);
	put("launcher.zip", buf, z + sizeof(script) - 1);
	assert_int_equal(judge("launcher.zip", &v), RP_V_OK);
	assert_true(has_reason(&v, "prefix"));
	fill_random(buf, sizeof(script) - 1);
	put("random-head.zip", buf, z + sizeof(script) - 1);
	assert_int_equal(judge("random-head.zip", &v), RP_V_PARTIAL);
}

/* A loud 32-bit PCM sine (WAVE_FORMAT_EXTENSIBLE; random byte by byte, smooth sample by
 * sample) is audio, intact, with a RIFF size short of its chunks, or cut short; random
 * blocks in it are still found. */
static void
issue20_deep_pcm_is_audio(void **state)
{
	static unsigned char buf[80 + 0x5000];
	static const unsigned char hdr[80] = {
		'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ',
		40, 0, 0, 0, 0xFE, 0xFF, 1, 0, 0x44, 0xAC, 0, 0, 0x10, 0xB1, 2, 0, 4, 0, 32, 0,
		22, 0, 32, 0, 4, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0x10, 0, 0x80, 0, 0, 0xAA, 0, 0x38,
		0x9B, 0x71, 'f', 'a', 'c', 't', 4, 0, 0, 0, 0, 0x14, 0, 0, 'd', 'a', 't', 'a',
		0, 0x50, 0, 0 };
	size_t len = sizeof(buf), k;
	struct rp_verdict v;

	(void)state;
	memcpy(buf, hdr, sizeof(hdr));
	buf[4] = (unsigned char)(len - 8), buf[5] = (unsigned char)((len - 8) >> 8);
	for (k = 0; k < 0x5000 / 4; k++) {
		uint32_t x = (uint32_t)(int32_t)(2.1e9 * sin((double)k * 2.0 * M_PI * 440.0 / 44100.0));

		buf[80 + 4 * k] = (unsigned char)x, buf[81 + 4 * k] = (unsigned char)(x >> 8);
		buf[82 + 4 * k] = (unsigned char)(x >> 16), buf[83 + 4 * k] = (unsigned char)(x >> 24);
	}
	put("deep.wav", buf, len);
	if (judge("deep.wav", &v) != RP_V_OK)
		fail_msg("deep.wav: %s / %s", v.reasons[0], v.nreasons > 1 ? v.reasons[1] : "");
	/* the RIFF size says less than its chunks (a writer's slip): still audio */
	buf[4] = (unsigned char)(len - 20);
	put("short-riff.wav", buf, len);
	assert_int_equal(judge("short-riff.wav", &v), RP_V_OK);
	/* cut short: the RIFF and data sizes say more than the file holds */
	buf[4] = (unsigned char)(len - 8);
	put("cut.wav", buf, len - 5000);
	assert_int_equal(judge("cut.wav", &v), RP_V_OK);
	assert_true(has_reason(&v, "cut short"));
	fill_random(buf + 4096, 4096);
	fill_random(buf + 3 * 4096, 4096);
	put("striped.wav", buf, len);
	assert_int_equal(judge("striped.wav", &v), RP_V_PARTIAL);
}

/*
 * A PDF cut short after whole objects (in its xref table) or inside a stream it had
 * begun is an interrupted copy: ok. The same PDF whole, with LockFile's random 16 bytes
 * every 32 from 4 KiB to the end, has lost its %%EOF too, but random runs sit where
 * the xref table and trailer are text: stripes, not a cut.
 */
static void
issue20_pdf_stripes_are_no_cut(void **state)
{
	static unsigned char buf[24 * 1024];
	struct rp_verdict v;
	size_t n = 0, k, xref, stream_at = 0;
	size_t offs[8];

	(void)state;
	n += (size_t)snprintf((char *)buf, sizeof(buf), "%%PDF-1.4\n%%\xe2\xe3\xcf\xd3\n");
	for (k = 1; k <= 6; k++) {
		offs[k] = n;
		if (k % 2 == 0) {
			n += (size_t)snprintf((char *)buf + n, sizeof(buf) - n,
			    "%zu 0 obj\n<< /Length 2600 /Filter /DCTDecode >>\nstream\n", k);
			if (k == 6)
				stream_at = n;
			fill_random(buf + n, 2600);
			n += 2600;
			n += (size_t)snprintf((char *)buf + n, sizeof(buf) - n, "\nendstream\nendobj\n");
		} else {
			n += (size_t)snprintf((char *)buf + n, sizeof(buf) - n, "%zu 0 obj\n<< /Type /Page "
			    "/Parent 2 0 R /Title (Zusammenfassung der Ergebnisse) /Contents %zu 0 R >>\n"
			    "endobj\n", k, k + 1);
		}
	}
	xref = n;
	n += (size_t)snprintf((char *)buf + n, sizeof(buf) - n, "xref\n0 7\n0000000000 65535 f\r\n");
	for (k = 1; k <= 6; k++)
		n += (size_t)snprintf((char *)buf + n, sizeof(buf) - n, "%010zu 00000 n\r\n", offs[k]);
	n += (size_t)snprintf((char *)buf + n, sizeof(buf) - n,
	    "trailer\n<< /Size 7 /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n", xref);
	put("whole.pdf", buf, n);
	assert_int_equal(judge("whole.pdf", &v), RP_V_OK);
	put("cut-xref.pdf", buf, xref + 60);
	assert_int_equal(judge("cut-xref.pdf", &v), RP_V_OK);
	assert_true(has_reason(&v, "cut short"));
	put("cut-stream.pdf", buf, stream_at + 1000);
	assert_int_equal(judge("cut-stream.pdf", &v), RP_V_OK);
	assert_true(has_reason(&v, "cut short"));
	for (k = n - 16; k >= 4096; k -= 32)   /* a stripe over the last 16 bytes */
		fill_random(buf + k, 16);
	put("lockfile.pdf", buf, n);
	assert_int_not_equal(judge("lockfile.pdf", &v), RP_V_OK);
}

/*
 * An extension no list knows appended after a font's ("x.ttf.qlin") changes nothing of
 * what its bytes must be: the font's signature is asked for, as for the formats with a
 * structure check. Gone, with a random head: partial. The intact font under the same
 * kind of name is ok.
 */
static void
issue20_signature_of_inner_extension(void **state)
{
	static unsigned char buf[20 * 1024];
	struct rp_verdict v;

	(void)state;
	fill_text(buf, sizeof(buf));
	memcpy(buf, "\0\1\0\0\0\x0c\0\x80\0\3\0\x40OS/2", 16);
	put("face.ttf.x1", buf, sizeof(buf));
	assert_int_equal(judge("face.ttf.x1", &v), RP_V_OK);
	fill_random(buf, 1024);
	put("face.ttf.x2", buf, sizeof(buf));
	assert_int_equal(judge("face.ttf.x2", &v), RP_V_PARTIAL);
	assert_true(has_reason(&v, "without the sfnt signature"));
}

/*
 * A WOFF 1 font's compressed tables are random to the statistics (random by design)
 * but not to zlib: every table stored smaller than its length is a zlib stream. The
 * intact font is ok; LockFile's 16 random bytes every 32 from 4 KiB on break the
 * streams: partial.
 */
static void
issue20_woff_tables_inflate(void **state)
{
	static unsigned char raw[2][40 * 1024], buf[96 * 1024];
	static const char tags[2][5] = { "cmap", "glyf" };
	struct rp_verdict v;
	size_t k, i, n = 44 + 2 * 20;
	uLongf clen;

	(void)state;
	memset(buf, 0, 44);
	memcpy(buf, "wOFF\0\1\0\0", 8);
	buf[13] = 2;
	for (k = 0; k < 2; k++) {
		unsigned char *e = buf + 44 + 20 * k;

		for (i = 0; i < sizeof(raw[k]); i++)
			raw[k][i] = (unsigned char)(rnd() & 0x3f);   /* compresses by a quarter */
		clen = (uLongf)(sizeof(buf) - n);
		assert_int_equal(compress2(buf + n, &clen, raw[k], sizeof(raw[k]), 9), Z_OK);
		memcpy(e, tags[k], 4);
		put_be32(e + 4, (uint32_t)n);
		put_be32(e + 8, (uint32_t)clen);
		put_be32(e + 12, (uint32_t)sizeof(raw[k]));
		n += (clen + 3) & ~(uLongf)3;
	}
	put_be32(buf + 8, (uint32_t)n);
	put("face.woff", buf, n);
	if (judge("face.woff", &v) != RP_V_OK)
		fail_msg("face.woff: %s", v.nreasons ? v.reasons[0] : "");
	for (k = 4096; k + 16 <= n; k += 32)
		fill_random(buf + k, 16);
	put("lockfile.woff", buf, n);
	assert_int_equal(judge("lockfile.woff", &v), RP_V_PARTIAL);
	assert_true(has_reason(&v, "does not inflate"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(random_is_encrypted_text_is_ok),
		cmocka_unit_test(stripes_and_heads_are_partial),
		cmocka_unit_test(notes_by_content_in_languages),
		cmocka_unit_test(appended_extensions),
		cmocka_unit_test(user_encrypted_and_edge_files),
		cmocka_unit_test(no_allocation_after_warmup),
		cmocka_unit_test(block_random_threshold),
		cmocka_unit_test(note_anchor_finds_what_a_scan_finds),
		cmocka_unit_test(issue20_stripes_in_any_file),
		cmocka_unit_test(issue20_tiny_and_cut_files),
		cmocka_unit_test(issue20_tiny_woff2_cut_pdf),
		cmocka_unit_test(issue20_woff1_compressed_tables),
		cmocka_unit_test(issue20_extortion_and_short_notes),
		cmocka_unit_test(issue20_short_notes_by_evidence),
		cmocka_unit_test(issue20_stripes_periodicity),
		cmocka_unit_test(issue20_short_notes_in_more_languages),
		cmocka_unit_test(issue20_tiny_family_and_cut_png),
		cmocka_unit_test(issue20_fresh3_kinds_of_evidence),
		cmocka_unit_test(issue20_loud_wav_is_not_random),
		cmocka_unit_test(issue20_family_after_signature_extension),
		cmocka_unit_test(renamed_binary_not_random_is_ok),
		cmocka_unit_test(issue20_jpeg_cut_in_header),
		cmocka_unit_test(issue20_zip_behind_prefix),
		cmocka_unit_test(issue20_deep_pcm_is_audio),
		cmocka_unit_test(issue20_pdf_stripes_are_no_cut),
		cmocka_unit_test(issue20_signature_of_inner_extension),
		cmocka_unit_test(issue20_woff_tables_inflate),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
