/*
 * The signature table (sig.h). Each entry says where its format's signature is and
 * which extensions claim it; the formats with a structure check are in format.c and
 * not repeated here. Sources: the formats' specifications (OpenType, WOFF 1 and 2,
 * Adobe Type 1 and AFM, GNU gettext, the ESRI shapefile white paper, dBase III/IV and
 * FoxPro table headers, SQLite's file format, OpenDocument 1.2 part 3, R's
 * serialization), and what Debian's packages hold.
 */
#include <string.h>

#include "detect/fmt-util.h"
#include "detect/sig.h"

static int
pre(const unsigned char *h, size_t n, const char *s, size_t k)
{
	return n >= k && memcmp(h, s, k) == 0;
}

static int
m_sfnt(const unsigned char *h, size_t n)
{
	return pre(h, n, "\0\1\0\0", 4) || pre(h, n, "OTTO", 4) || pre(h, n, "true", 4) ||
	    pre(h, n, "typ1", 4) || pre(h, n, "ttcf", 4);
}

static int m_woff(const unsigned char *h, size_t n) { return pre(h, n, "wOFF", 4); }
static int m_woff2(const unsigned char *h, size_t n) { return pre(h, n, "wOF2", 4); }

/* Embedded OpenType: the magic 0x504C at offset 34, version 0x0001xxxx or 0x0002xxxx */
static int
m_eot(const unsigned char *h, size_t n)
{
	return n >= 36 && h[34] == 0x4C && h[35] == 0x50 && h[10] == 0 && (h[11] == 1 || h[11] == 2);
}

/* Type 1: PFB segments (0x80 0x01), or a PFA/T1 text header */
static int
m_type1(const unsigned char *h, size_t n)
{
	return (n >= 6 && h[0] == 0x80 && h[1] == 0x01) || pre(h, n, "%!PS-AdobeFont", 14) ||
	    pre(h, n, "%!FontType1", 11);
}

static int m_afm(const unsigned char *h, size_t n) { return pre(h, n, "StartFontMetrics", 16); }

static int
m_mo(const unsigned char *h, size_t n)
{
	return pre(h, n, "\xde\x12\x04\x95", 4) || pre(h, n, "\x95\x04\x12\xde", 4);
}

/* shapefile and its index: file code 9994 big-endian, version 1000 little-endian */
static int
m_shp(const unsigned char *h, size_t n)
{
	return n >= 32 && pre(h, n, "\0\0\x27\x0a", 4) && h[28] == 0xe8 && h[29] == 0x03 &&
	    h[30] == 0 && h[31] == 0;
}

/* dBase/FoxPro table: a version byte, a last-update date, a header length that is
 * 32 bytes per field plus the terminator (plus 263 for Visual FoxPro's backlink) */
static int
m_dbf(const unsigned char *h, size_t n)
{
	static const unsigned char ver[] = { 0x02, 0x03, 0x04, 0x05, 0x30, 0x31, 0x32, 0x43, 0x63,
	    0x83, 0x8b, 0x8e, 0xcb, 0xf5, 0xfb };
	unsigned hl;

	if (n < 32 || memchr(ver, h[0], sizeof(ver)) == NULL || h[2] < 1 || h[2] > 12 ||
	    h[3] < 1 || h[3] > 31)
		return 0;
	hl = (unsigned)h[8] | (unsigned)h[9] << 8;
	return hl >= 33 && ((hl - 1) % 32 == 0 || (hl - 1 - 263) % 32 == 0 || hl % 32 == 0);
}

static int m_sqlite(const unsigned char *h, size_t n) { return pre(h, n, "SQLite format 3", 16); }
static int m_zip(const unsigned char *h, size_t n) { return pre(h, n, "PK\3\4", 4); }

/* R: gzip, bzip2 or xz compressed, or a bare serialization (RDX2/RDA2, X, A, B) */
static int
m_rdata(const unsigned char *h, size_t n)
{
	return pre(h, n, "\x1f\x8b", 2) || pre(h, n, "BZh", 3) || pre(h, n, "\xfd" "7zXZ", 5) ||
	    pre(h, n, "RDX", 3) || pre(h, n, "RDA", 3) || pre(h, n, "X\n", 2) ||
	    pre(h, n, "A\n", 2) || pre(h, n, "B\n", 2);
}

/* PostScript, and DOS EPS with its binary header */
static int
m_ps(const unsigned char *h, size_t n)
{
	return pre(h, n, "%!", 2) || pre(h, n, "\xc5\xd0\xd3\xc6", 4) || pre(h, n, "\x04%!", 3);
}

static int m_xcf(const unsigned char *h, size_t n) { return pre(h, n, "gimp xcf ", 9); }
static int m_psd(const unsigned char *h, size_t n) { return pre(h, n, "8BPS", 4); }
static int m_qm(const unsigned char *h, size_t n) { return pre(h, n, "\x3c\xb8\x64\x18", 4); }
static int m_elc(const unsigned char *h, size_t n) { return pre(h, n, ";ELC", 4); }
static int m_midi(const unsigned char *h, size_t n) { return pre(h, n, "MThd", 4); }
static int m_class(const unsigned char *h, size_t n) { return pre(h, n, "\xca\xfe\xba\xbe", 4); }
static int m_mkv(const unsigned char *h, size_t n) { return pre(h, n, "\x1a\x45\xdf\xa3", 4); }
static int m_kdbx(const unsigned char *h, size_t n) { return pre(h, n, "\x03\xd9\xa2\x9a", 4); }
static int m_pst(const unsigned char *h, size_t n) { return pre(h, n, "!BDN", 4); }
static int m_rtf(const unsigned char *h, size_t n) { return pre(h, n, "{\\rtf", 5); }
static int m_netcdf(const unsigned char *h, size_t n)
{
	return pre(h, n, "CDF\1", 4) || pre(h, n, "CDF\2", 4) || pre(h, n, "\x89HDF\r\n", 6);
}

static int
m_access(const unsigned char *h, size_t n)
{
	return n >= 19 && (memcmp(h + 4, "Standard Jet DB", 15) == 0 ||
	    memcmp(h + 4, "Standard ACE DB", 15) == 0);
}

static int
m_dicom(const unsigned char *h, size_t n)
{
	return n >= 132 && memcmp(h + 128, "DICM", 4) == 0;
}

/* GIMP brushes and patterns: a header size, a version, then the magic at 20 */
static int
m_gbr(const unsigned char *h, size_t n)
{
	return n >= 24 && (memcmp(h + 20, "GIMP", 4) == 0 || memcmp(h + 20, "GPAT", 4) == 0);
}

/* Netpbm: P1-P7 and a white space */
static int
m_pnm(const unsigned char *h, size_t n)
{
	return n >= 3 && h[0] == 'P' && h[1] >= '1' && h[1] <= '7' &&
	    (h[2] == '\n' || h[2] == ' ' || h[2] == '\r' || h[2] == '\t');
}

static const struct rp_sig sigs[] = {
	{ "sfnt", "ttf otf ttc otc", 0, m_sfnt, 4 },
	{ "woff", "woff", 0, m_woff, 4 },
	{ "woff2", "woff2", RP_SIGF_RANDOM, m_woff2, 4 },   /* Brotli behind a 48-byte header */
	{ "eot", "eot", 0, m_eot, 36 },
	{ "type1", "pfb pfa t1", RP_SIGF_RANDOM, m_type1, 6 },
	{ "afm", "afm", 0, m_afm, 16 },
	{ "gettext", "mo gmo", 0, m_mo, 4 },
	{ "shapefile", "shp shx", 0, m_shp, 32 },
	{ "dbase", "dbf", 0, m_dbf, 32 },
	{ "sqlite", "gpkg mbtiles sqlitedb gdb", 0, m_sqlite, 16 },
	{ "zip", "ott ots otp otg oth otm odb odm odc odi odf oxt sxw sxc sxi stw stc sti "
	    "xltx xltm potx potm ppsx sldx thmx vsix nupkg xpi crx", 0, m_zip, 4 },
	{ "rdata", "rds rda rdata", 0, m_rdata, 3 },
	{ "postscript", "ps eps epsf epsi", 0, m_ps, 4 },
	{ "xcf", "xcf", 0, m_xcf, 9 },
	{ "psd", "psd psb", 0, m_psd, 4 },
	{ "qm", "qm", 0, m_qm, 4 },
	{ "elc", "elc", 0, m_elc, 4 },
	{ "midi", "mid midi", 0, m_midi, 4 },
	{ "class", "class", 0, m_class, 4 },
	{ "matroska", "mkv mka webm", 0, m_mkv, 4 },
	{ "kdbx", "kdbx", RP_SIGF_RANDOM, m_kdbx, 4 },
	{ "pst", "pst ost", 0, m_pst, 4 },
	{ "rtf", "rtf", 0, m_rtf, 5 },
	{ "netcdf", "nc nc4 cdf hdf5 h5", 0, m_netcdf, 4 },
	{ "access", "mdb accdb", 0, m_access, 19 },
	{ "dicom", "dcm dicom", 0, m_dicom, 132 },
	{ "gimp-brush", "gbr pat", 0, m_gbr, 24 },
	{ "netpbm", "pbm pgm ppm pnm pam", 0, m_pnm, 3 },
};

static int
has_word(const char *list, const char *w)
{
	size_t n = strlen(w);
	const char *p;

	if (n == 0)
		return 0;
	for (p = list; (p = strstr(p, w)) != NULL; p += n)
		if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
			return 1;
	return 0;
}

const struct rp_sig *
rp_sig_by_ext(const char *ext)
{
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (has_word(sigs[i].exts, ext))
			return &sigs[i];
	return NULL;
}

const struct rp_sig *
rp_sig_sniff(const unsigned char *head, size_t len)
{
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigs[i].min >= 4 && sigs[i].match(head, len))
			return &sigs[i];
	return NULL;
}

int
rp_sig_match(const struct rp_sig *sig, const unsigned char *head, size_t len)
{
	return head != NULL && sig->match(head, len);
}

/* A WOFF 1 font's header and table directory hold together (the length is the file's,
 * tags ascending, each table 4-byte aligned after the directory and inside the file,
 * none larger compressed than whole), with at least one table zlib-compressed. */
static int
woff_compressed(const unsigned char *h, size_t len, uint64_t size)
{
	uint32_t n, i, off, comp, orig, tag, prev = 0, dir_end;
	int compressed = 0;

	if (h == NULL || len < 44 || memcmp(h, "wOFF", 4) != 0 || rp_be32(h + 8) != size)
		return 0;
	n = rp_be16(h + 12);
	if (n == 0 || (h[14] | h[15]) != 0)      /* numTables, reserved */
		return 0;
	dir_end = 44 + 20 * n;
	if (dir_end > len)
		return 0;
	for (i = 0; i < n; i++) {
		const unsigned char *e = h + 44 + 20 * i;

		tag = rp_be32(e);
		off = rp_be32(e + 4);
		comp = rp_be32(e + 8);
		orig = rp_be32(e + 12);
		if ((i && tag <= prev) || off % 4 || off < dir_end || comp == 0 || comp > orig ||
		    (uint64_t)off + comp > size)
			return 0;
		compressed |= comp < orig;
		prev = tag;
	}
	return compressed;
}

int
rp_sig_random_body(const struct rp_sig *sig, const unsigned char *head, size_t len,
    uint64_t size)
{
	if (sig->flags & RP_SIGF_RANDOM)
		return 1;
	if (sig->match == m_woff)
		return woff_compressed(head, len, size);
	return 0;
}
