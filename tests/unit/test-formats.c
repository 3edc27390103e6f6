/*
 * Format structure checks on real files made by real tools
 * (tests/data-gen/make-format-samples.sh, run into a temp dir at test time): every
 * intact file is sniffed as its format and comes out INTACT; every file damaged the
 * way ransomware families do it comes out DAMAGED, except where the format has no
 * structure in the damaged bytes (listed in `undetectable` with the reason).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/file.h"
#include "detect/format.h"
#include "detect/sample.h"

static char dir[1024];

struct item {
	char name[64];
	char fmt[16];
};
static struct item items[128];
static size_t nitems;

/* The damage styles (REFERENCE.md, issue 2). */
enum damage { LOCKBIT, BLACKBASTA, LOCKFILE, FAKEHDR, NDAMAGE };
static const char *dname[] = { "lockbit-4k", "blackbasta-64/128", "lockfile-16/16", "fake-header" };

/*
 * Damage that no structure check can see, and why. Everything else must be DAMAGED.
 */
static const struct {
	const char *file;
	enum damage d;
	const char *why;
} undetectable[] = {
	{ "a.wav", LOCKFILE, "PCM samples after the first 4 KiB have no structure; the engine's "
	    "statistics see the random stripes (wav is not random by design)" },
	{ "a.bmp", LOCKFILE, "raw pixels after the header: no structure, statistics decide" },
	{ "a.tif", LOCKFILE, "PIL writes the IFD first and raw strips after it: no structure "
	    "in the striped bytes" },
	{ "a.age", LOCKFILE, "the payload is ciphertext by design; only the header (first "
	    "4 KiB, left intact) and the length have structure" },
	{ "big.age", LOCKFILE, "the payload is ciphertext by design" },
	{ "fast.mov", LOCKFILE, "moov (moved to the front by faststart) lies in the first "
	    "4 KiB; the striped bytes are H.264 data in mdat, which the check does not parse" },
	{ "big.gpg", LOCKFILE, "one definite-length encrypted packet after the first 4 KiB: "
	    "ciphertext by design, no structure in it" },
	{ "a.gif", LOCKFILE, "LZW sub-blocks are 256 bytes, a multiple of the 32-byte stripe "
	    "period: when the length bytes fall in the kept halves the chain is intact, and LZW "
	    "codes themselves are not validated" },
	{ "a.webp", LOCKFILE, "one VP8 chunk fills the file; its compressed bitstream has no "
	    "structure the check can verify" },
};

/*
 * Fake headers whose first damage lies beyond 64 KiB: the first structure after the
 * kept bytes is longer than that and its content is entropy-coded, so the damage shows
 * only where it ends. Still DAMAGED; the engine then says partial, not encrypted.
 */
static const char *fake_far[] = {
	"big.zst",   /* the first compressed block is 77 KB long */
	"a.gpg",     /* the first partial body chunk is 128 KiB long */
};

static int
is_fake_far(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(fake_far) / sizeof(fake_far[0]); i++)
		if (strcmp(fake_far[i], name) == 0)
			return 1;
	return 0;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;

static unsigned char
rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned char)(rng >> 24);
}

static int
setup(void **state)
{
	char cmd[2300], path[1100], line[256];
	FILE *f;
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/riposte-fmt.XXXXXX", tmp ? tmp : "/tmp");
	if (mkdtemp(dir) == NULL)
		return -1;
	snprintf(cmd, sizeof(cmd), "sh tests/data-gen/make-format-samples.sh '%s' >'%s/log' 2>&1",
	    dir, dir);
	if (system(cmd) != 0) {
		snprintf(cmd, sizeof(cmd), "cat '%s/log' >&2", dir);
		if (system(cmd) != 0)
			return -1;
		return -1;
	}
	snprintf(path, sizeof(path), "%s/MANIFEST", dir);
	if ((f = fopen(path, "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) && nitems < 128) {
		if (sscanf(line, "%63s %15s", items[nitems].name, items[nitems].fmt) == 2)
			nitems++;
	}
	fclose(f);
	return nitems > 0 ? 0 : -1;
}

static int
teardown(void **state)
{
	char cmd[1100];

	if (dir[0] && getenv("KEEP_SAMPLES") == NULL) {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		if (system(cmd) != 0)
			return -1;
	}
	return 0;
}

/* checks path with fmt (NULL: by sniff); returns the sniffed format in *sniffed */
static void
check_file(const char *path, const struct rp_format *fmt, const struct rp_format **sniffed,
    struct rp_fmt_result *res, uint64_t *probe)
{
	struct rp_sample s;
	struct stat st;
	const unsigned char *h;
	size_t hlen;
	int fd;

	memset(&s, 0, sizeof(s));
	fd = open(path, O_RDONLY | O_CLOEXEC);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	rp_sample_plan(&s, (uint64_t)st.st_size, 0);
	assert_int_equal(rp_sample_load(&s, fd), 0);
	h = rp_sample_head(&s, &hlen);
	*sniffed = h ? rp_format_sniff(h, hlen) : NULL;
	memset(res, 0x5A, sizeof(*res));
	(fmt ? fmt : *sniffed)->check(&s, res);
	*probe = s.probe_bytes;
	/* every field set */
	assert_true(res->status <= RP_FMT_UNKNOWN);
	assert_true(res->head_intact >= -1 && res->head_intact <= 1);
	assert_true(res->tail_intact >= -1 && res->tail_intact <= 1);
	assert_true(res->body_checked == 0 || res->body_checked == 1);
	assert_non_null(memchr(res->reason, '\0', sizeof(res->reason)));
	rp_sample_release(&s);
	close(fd);
}

static void
table(void **state)
{
	size_t i;

	assert_true(rp_nformats >= 25);
	for (i = 0; i < rp_nformats; i++) {
		assert_non_null(rp_formats[i].name);
		assert_non_null(rp_formats[i].exts);
		assert_non_null(rp_formats[i].sniff);
		assert_non_null(rp_formats[i].check);
		assert_true(strlen(rp_formats[i].name) < 16);
		/* no crash on tiny heads */
		assert_int_equal(rp_formats[i].sniff((const unsigned char *)"", 0), 0);
	}
	assert_string_equal(rp_format_by_ext("docx")->name, "zip");
	assert_string_equal(rp_format_by_ext("jpg")->name, "jpeg");
	assert_string_equal(rp_format_by_ext("sqlite3")->name, "sqlite");
	assert_string_equal(rp_format_by_ext("wav")->name, "wav");
	assert_string_equal(rp_format_by_ext("webp")->name, "riff");
	assert_null(rp_format_by_ext("ocx2"));
	assert_null(rp_format_by_ext("ip"));   /* not a substring match of "zip" */
	assert_null(rp_format_by_ext(""));
	assert_true(rp_format_by_name("wav")->flags == 0);
	assert_true(rp_format_by_name("riff")->flags & RP_FMTF_RANDOM);
}

static void
real_files_intact(void **state)
{
	char path[1200];
	const struct rp_format *sn;
	struct rp_fmt_result res;
	uint64_t probe;
	size_t i, bad = 0;

	for (i = 0; i < nitems; i++) {
		snprintf(path, sizeof(path), "%s/%.63s", dir, items[i].name);
		check_file(path, rp_format_by_name(items[i].fmt), &sn, &res, &probe);
		if (sn == NULL || strcmp(sn->name, items[i].fmt) != 0) {
			print_error("%s: sniffed as %s, not %s\n", items[i].name, sn ? sn->name : "nothing",
			    items[i].fmt);
			bad++;
		}
		if (res.status != RP_FMT_INTACT || res.head_intact != 1) {
			print_error("%s (%s): not intact: %s\n", items[i].name, items[i].fmt, res.reason);
			bad++;
		}
		if (probe > RP_SAMPLE_PROBE_BUDGET) {
			print_error("%s: probes %llu bytes\n", items[i].name, (unsigned long long)probe);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

static int
is_undetectable(const char *name, enum damage d)
{
	size_t i;

	for (i = 0; i < sizeof(undetectable) / sizeof(undetectable[0]); i++)
		if (strcmp(undetectable[i].file, name) == 0 && undetectable[i].d == d)
			return 1;
	return 0;
}

static void
damage(unsigned char *b, size_t n, enum damage d, const char *fmt)
{
	size_t i, keep;

	switch (d) {
	case LOCKBIT:
		for (i = 0; i < n && i < 4096; i++)
			b[i] = rnd();
		break;
	case BLACKBASTA:
		for (i = 0; i < n; i += 192) {
			size_t k;

			for (k = 0; k < 64 && i + k < n; k++)
				b[i + k] = rnd();
		}
		break;
	case LOCKFILE:
		for (i = 4096; i < n; i += 32) {
			size_t k;

			for (k = 0; k < 16 && i + k < n; k++)
				b[i + k] = rnd();
		}
		break;
	default:
		keep = strcmp(fmt, "tar") == 0 ? 512 : 16;
		for (i = keep; i < n; i++)
			b[i] = rnd();
		break;
	}
}

static void
damaged_files(void **state)
{
	char path[1200], out[1200];
	const struct rp_format *sn, *fmt;
	struct rp_fmt_result res;
	unsigned char *b;
	size_t i, len, bad = 0, ndone = 0, nskip = 0;
	uint64_t probe;
	int d;

	for (i = 0; i < nitems; i++) {
		struct rp_buf buf = RP_BUF_INIT;

		snprintf(path, sizeof(path), "%s/%.63s", dir, items[i].name);
		fmt = rp_format_by_name(items[i].fmt);
		assert_int_equal(rp_file_read_all(AT_FDCWD, path, &buf, 64u << 20), 0);
		len = buf.len;
		b = malloc(len ? len : 1);
		assert_non_null(b);
		for (d = 0; d < NDAMAGE; d++) {
			memcpy(b, buf.buf, len);
			damage(b, len, (enum damage)d, items[i].fmt);
			if (memcmp(b, buf.buf, len) == 0)
				continue;   /* LockFile leaves files under 4 KiB alone */
			snprintf(out, sizeof(out), "%s/damaged", dir);
			assert_int_equal(rp_file_write_atomic(out, b, len, 0600), 0);
			check_file(out, fmt, &sn, &res, &probe);
			if (is_undetectable(items[i].name, (enum damage)d)) {
				nskip++;
				continue;
			}
			ndone++;
			if (res.status != RP_FMT_DAMAGED) {
				print_error("%s (%s) %s: not DAMAGED: %s\n", items[i].name, items[i].fmt,
				    dname[d], res.reason);
				bad++;
			} else if (res.truncated) {
				/* stripes over a whole-length file are no cut (the engine would
				 * excuse them) */
				print_error("%s (%s) %s: called cut short: %s\n", items[i].name,
				    items[i].fmt, dname[d], res.reason);
				bad++;
			} else if (d == FAKEHDR && (fmt->flags & RP_FMTF_RANDOM) &&
			    (res.tail_intact == 1 || (res.damage_off >= 65536 &&
			    !is_fake_far(items[i].name)))) {
				/* the engine tells a fake header by damage near the head, no trailer */
				print_error("%s (%s) fake header: tail %d, damage at %llu: %s\n",
				    items[i].name, items[i].fmt, res.tail_intact,
				    (unsigned long long)res.damage_off, res.reason);
				bad++;
			}
			if (probe > RP_SAMPLE_PROBE_BUDGET) {
				print_error("%s %s: probes %llu bytes\n", items[i].name, dname[d],
				    (unsigned long long)probe);
				bad++;
			}
		}
		free(b);
		rp_buf_release(&buf);
	}
	print_message("# %zu damaged files judged, %zu known undetectable\n", ndone, nskip);
	assert_int_equal(bad, 0);
}

/* the size of a tar's first member, from its octal field */
static size_t
rp_le_size(const char *hdr)
{
	return (size_t)strtoul(hdr + 124, NULL, 8);
}

/* checks a buffer as a file with format fmt */
static void
check_buf(const char *fmt, const void *b, size_t n, struct rp_fmt_result *res)
{
	char out[1200];
	const struct rp_format *sn;
	uint64_t probe;

	snprintf(out, sizeof(out), "%s/buf", dir);
	assert_int_equal(rp_file_write_atomic(out, b, n, 0600), 0);
	check_file(out, rp_format_by_name(fmt), &sn, res, &probe);
	assert_true(probe <= RP_SAMPLE_PROBE_BUDGET);
}

static void
read_sample(const char *name, struct rp_buf *b)
{
	char path[1200];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	rp_buf_reset(b);
	assert_int_equal(rp_file_read_all(AT_FDCWD, path, b, 64u << 20), 0);
}

/* Real-world variants that must stay intact, and truncations that must not. */
static void
variants(void **state)
{
	struct rp_buf b = RP_BUF_INIT, v = RP_BUF_INIT;
	struct rp_fmt_result res;
	static const char stub[] = "MZ self-extractor stub................................";

	/* a zip behind a self-extractor stub: every offset shifted */
	read_sample("a.zip", &b);
	assert_int_equal(rp_buf_add(&v, stub, sizeof(stub)), 0);
	assert_int_equal(rp_buf_add(&v, b.buf, b.len), 0);
	check_buf("zip", v.buf, v.len, &res);
	assert_int_equal(res.status, RP_FMT_INTACT);    /* the archive behind the stub */
	assert_int_equal(res.head_intact, 1);
	assert_int_equal(res.tail_intact, 1);
	assert_non_null(strstr(res.reason, "prefix"));
	/* the same bytes behind random ones: no stub, what an encryptor leaves */
	for (size_t i = 0; i < sizeof(stub); i++)
		((unsigned char *)v.buf)[i] = rnd();
	check_buf("zip", v.buf, v.len, &res);
	assert_int_equal(res.status, RP_FMT_DAMAGED);   /* no PK at 0: the head is not zip */
	assert_int_equal(res.head_intact, 0);
	assert_int_equal(res.tail_intact, 1);           /* but its directory is intact */
	/* a truncated zip: no end of central directory */
	check_buf("zip", b.buf, b.len - 100, &res);
	assert_int_equal(res.status, RP_FMT_DAMAGED);
	assert_int_equal(res.tail_intact, 0);

	/* JPEG with a maker's trailer after EOI */
	read_sample("a.jpg", &b);
	rp_buf_reset(&v);
	assert_int_equal(rp_buf_add(&v, b.buf, b.len), 0);
	assert_int_equal(rp_buf_addstr(&v, "SEFHxxxx trailing maker data SEFT"), 0);
	check_buf("jpeg", v.buf, v.len, &res);
	assert_int_equal(res.status, RP_FMT_INTACT);
	assert_int_equal(res.body_checked, 1);
	/* JPEG cut in the middle of its scan */
	check_buf("jpeg", b.buf, b.len / 2, &res);
	assert_int_equal(res.status, RP_FMT_DAMAGED);
	assert_int_equal(res.tail_intact, 0);

	/* gzip padded with zeros (tape blocks) stays intact; garbage after it does not */
	read_sample("a.gz", &b);
	rp_buf_reset(&v);
	assert_int_equal(rp_buf_add(&v, b.buf, b.len), 0);
	assert_int_equal(rp_buf_add(&v, "\0\0\0\0\0\0\0\0", 8), 0);
	check_buf("gzip", v.buf, v.len, &res);
	assert_int_equal(res.status, RP_FMT_INTACT);
	assert_int_equal(res.tail_intact, 1);
	((char *)v.buf)[v.len - 3] = 'x';
	check_buf("gzip", v.buf, v.len, &res);
	assert_int_equal(res.status, RP_FMT_DAMAGED);
	/* one flipped byte in the CRC-32 */
	memcpy(v.buf, b.buf, b.len);
	((unsigned char *)v.buf)[b.len - 6] ^= 1;
	check_buf("gzip", v.buf, b.len, &res);
	assert_int_equal(res.status, RP_FMT_DAMAGED);

	/* PNG: one flipped bit in a chunk fails its CRC */
	read_sample("a.png", &b);
	((unsigned char *)b.buf)[b.len / 2] ^= 0x10;
	check_buf("png", b.buf, b.len, &res);
	assert_int_equal(res.status, RP_FMT_DAMAGED);
	assert_non_null(strstr(res.reason, "CRC"));

	/* xz cut short: footer gone */
	read_sample("a.xz", &b);
	check_buf("xz", b.buf, b.len - 12, &res);
	assert_int_equal(res.status, RP_FMT_DAMAGED);

	/* sqlite: size no longer whole pages */
	read_sample("a.db", &b);
	check_buf("sqlite", b.buf, b.len - 100, &res);
	assert_int_equal(res.status, RP_FMT_DAMAGED);

	/* tar: end-of-archive blocks gone (truncated in the last member) */
	read_sample("a.tar", &b);
	check_buf("tar", b.buf, 1024 + 100, &res);
	assert_int_equal(res.status, RP_FMT_DAMAGED);

	/* PNG with bytes after IEND (some writers append): tolerated */
	read_sample("a.png", &b);
	assert_int_equal(rp_buf_addstr(&b, "appended by an editor"), 0);
	check_buf("png", b.buf, b.len, &res);
	assert_int_equal(res.status, RP_FMT_INTACT);

	/* tar written without end-of-archive blocks (streaming writers): intact */
	read_sample("a.tar", &b);
	check_buf("tar", b.buf, 512 + 512 * ((rp_le_size(b.buf) + 511) / 512), &res);
	assert_int_equal(res.status, RP_FMT_INTACT);

	/* PDF whose xref entries end with one byte (19-byte entries) */
	{
		static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
		    "xref\n0 2\n0000000000 65535 f\n0000000009 00000 n\n"
		    "trailer\n<< /Size 2 /Root 1 0 R >>\nstartxref\n45\n%%EOF\n";

		check_buf("pdf", pdf, sizeof(pdf) - 1, &res);
		assert_int_equal(res.status, RP_FMT_INTACT);
		assert_non_null(strstr(res.reason, "1 objects"));
	}

	/* an empty file is nothing of any format */
	check_buf("zip", "", 0, &res);
	assert_int_not_equal(res.status, RP_FMT_INTACT);

	rp_buf_release(&b);
	rp_buf_release(&v);
}

/* The fuzz seeds are real files too (and the only RAR files: no free RAR writer). */
static void
seeds_intact(void **state)
{
	static const char *seeds[][2] = {
		{ "zip", "zip" }, { "gzip", "gzip" }, { "bzip2", "bzip2" }, { "xz", "xz" },
		{ "zstd", "zstd" }, { "7z", "7z" }, { "png", "png" }, { "jpeg", "jpeg" },
		{ "gif", "gif" }, { "bmp", "bmp" }, { "tiff", "tiff" }, { "pdf", "pdf" },
		{ "ico", "ico" }, { "webp", "riff" }, { "sqlite", "sqlite" }, { "ole2", "ole2" },
		{ "mp3", "mp3" }, { "wav", "wav" }, { "ogg", "ogg" }, { "flac", "flac" },
		{ "mp4", "mp4" }, { "openpgp", "openpgp" }, { "age", "age" }, { "elf", "elf" },
		{ "pe", "pe" }, { "rar4", "rar" }, { "rar5", "rar" },
	};
	char path[256];
	const struct rp_format *sn;
	struct rp_fmt_result res;
	uint64_t probe;
	size_t i, bad = 0;

	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		snprintf(path, sizeof(path), "tests/fuzz/corpus/formats/%s", seeds[i][0]);
		check_file(path, rp_format_by_name(seeds[i][1]), &sn, &res, &probe);
		if (sn == NULL || strcmp(sn->name, seeds[i][1]) != 0 || res.status != RP_FMT_INTACT) {
			print_error("seed %s: sniffed %s, %s\n", seeds[i][0], sn ? sn->name : "-",
			    res.reason);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* Issue 20: a gzip, PNG, PDF or JPEG cut short (an interrupted copy) is DAMAGED with
 * truncated set; the same file behind a fake header (random after its first 16 bytes,
 * or the whole damage set above) is not truncated. */
static void
cut_files_are_truncated(void **state)
{
	char path[1200], out[1200];
	const struct rp_format *sn, *fmt;
	struct rp_fmt_result res;
	unsigned char *b;
	size_t i, len, ncut = 0, k;
	uint64_t probe, x = 0x2545F4914F6CDD1Dull;   /* its own generator: rng is the damage's */

	for (i = 0; i < nitems; i++) {
		struct rp_buf buf = RP_BUF_INIT;

		if (strcmp(items[i].fmt, "gzip") != 0 && strcmp(items[i].fmt, "png") != 0 &&
		    strcmp(items[i].fmt, "pdf") != 0 && strcmp(items[i].fmt, "jpeg") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%.63s", dir, items[i].name);
		fmt = rp_format_by_name(items[i].fmt);
		assert_int_equal(rp_file_read_all(AT_FDCWD, path, &buf, 64u << 20), 0);
		len = buf.len;
		if (len < 4096 || len > RP_SAMPLE_WHOLE_MAX) {
			rp_buf_release(&buf);
			continue;
		}
		b = malloc(len);
		assert_non_null(b);
		memcpy(b, buf.buf, len);
		snprintf(out, sizeof(out), "%s/cut", dir);
		assert_int_equal(rp_file_write_atomic(out, b, len * 6 / 10, 0600), 0);
		check_file(out, fmt, &sn, &res, &probe);
		if (res.status != RP_FMT_DAMAGED || res.truncated != 1)
			print_error("%s (%s) cut at 60 %%: status %d truncated %d: %s\n", items[i].name,
			    items[i].fmt, res.status, res.truncated, res.reason);
		assert_int_equal(res.status, RP_FMT_DAMAGED);
		assert_int_equal(res.truncated, 1);
		for (k = 16; k < len; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			b[k] = (unsigned char)(x >> 24);
		}
		assert_int_equal(rp_file_write_atomic(out, b, len * 6 / 10, 0600), 0);
		check_file(out, fmt, &sn, &res, &probe);
		assert_int_equal(res.truncated, 0);
		ncut++;
		free(b);
		rp_buf_release(&buf);
	}
	assert_true(ncut >= 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(table),
		cmocka_unit_test(cut_files_are_truncated),
		cmocka_unit_test(real_files_intact),
		cmocka_unit_test(damaged_files),
		cmocka_unit_test(variants),
		cmocka_unit_test(seeds_intact),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
