/*
 * An attachment: its hash, its type from the content, whether it is (or holds) an
 * executable or a VBA macro project, whether its name has a double extension; then
 * the IOCs, the YARA rules and ClamAV; then, for a zip (OOXML and ODF are zips), its
 * members, each the same way, with bounded depth, member count, member size and
 * total expanded bytes per message: a zip bomb is reported (flag BOMB), never
 * expanded. Inflate through zlib into a buffer of the declared size, never more.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "core/sha256.h"
#include "detect/fmt-util.h"
#include "detect/magic.h"
#include "mail/internal.h"

static const char *const exec_ext[] = { "exe", "scr", "com", "pif", "bat", "cmd", "js", "jse",
	"vbs", "vbe", "wsf", "wsh", "hta", "lnk", "ps1", "psm1", "msi", "msp", "jar", "cpl",
	"dll", "reg", "iso", "img", "vhd", "vhdx", "appx", "msix", "application", "gadget",
	"chm", "scf", "url", "xll", "apk", "sh", "elf", "bin", "one" };
static const char *const doc_ext[] = { "pdf", "doc", "docx", "docm", "xls", "xlsx", "xlsm",
	"ppt", "pptx", "pptm", "txt", "rtf", "jpg", "jpeg", "png", "gif", "bmp", "tif", "tiff",
	"odt", "ods", "csv", "zip", "rar", "7z", "mp3", "mp4", "wav", "htm", "html", "xml",
	"eml", "msg" };

static int
ext_in(const char *e, size_t n, const char *const *set, size_t nset)
{
	size_t i;

	for (i = 0; i < nset; i++)
		if (strlen(set[i]) == n && strncasecmp(e, set[i], n) == 0)
			return 1;
	return 0;
}

/* the last component of a member path */
static const char *
base_name(const char *name)
{
	const char *b = strrchr(name, '!'), *s;

	b = b ? b + 1 : name;
	if ((s = strrchr(b, '/')) != NULL)
		b = s + 1;
	if ((s = strrchr(b, '\\')) != NULL)
		b = s + 1;
	return b;
}

int
mail_name_exec(const char *name)
{
	const char *b = base_name(name), *dot = strrchr(b, '.');
	size_t n;

	if (dot == NULL)
		return 0;
	n = strlen(dot + 1);
	while (n && (dot[n] == ' ' || dot[n] == '.'))
		n--;
	return ext_in(dot + 1, n, exec_ext, sizeof(exec_ext) / sizeof(exec_ext[0])) &&
	    strcasecmp(dot + 1, "bin") != 0;
}

int
mail_name_double_ext(const char *name)
{
	const char *b = base_name(name), *last = strrchr(b, '.'), *prev;
	size_t n;

	if (last == NULL || last == b)
		return 0;
	if (!mail_name_exec(b))
		return 0;
	/* "invoice.pdf        .exe": padding that hides the real extension */
	if (last > b && last[-1] == ' ' && last - b > 2 && last[-2] == ' ')
		return 1;
	for (prev = last - 1; prev > b && *prev != '.'; prev--)
		;
	if (*prev != '.')
		return 0;
	n = (size_t)(last - prev - 1);
	while (n && prev[n] == ' ')
		n--;
	return ext_in(prev + 1, n, doc_ext, sizeof(doc_ext) / sizeof(doc_ext[0]));
}

static int
exec_content(const unsigned char *d, size_t n)
{
	if (n >= 64 && d[0] == 'M' && d[1] == 'Z') {
		uint32_t pe = rp_le32(d + 60);

		return pe <= n - 4 && memcmp(d + pe, "PE\0\0", 4) == 0;
	}
	if (n >= 4 && memcmp(d, "\177ELF", 4) == 0)
		return 1;
	if (n >= 4 && (rp_le32(d) == 0xfeedface || rp_le32(d) == 0xfeedfacf ||
	    rp_be32(d) == 0xfeedface || rp_be32(d) == 0xfeedfacf))
		return 1;
	/* a Windows shortcut: header size 0x4C and its CLSID */
	if (n >= 20 && rp_le32(d) == 0x4c && d[4] == 0x01 && d[5] == 0x14 && d[6] == 0x02)
		return 1;
	return 0;
}

static const unsigned char vba_u16[] = { '_', 0, 'V', 0, 'B', 0, 'A', 0, '_', 0, 'P', 0, 'R', 0,
	'O', 0, 'J', 0, 'E', 0, 'C', 0, 'T', 0 };

static int
ole_macro(const unsigned char *d, size_t n)
{
	static const unsigned char ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

	return n >= 512 && memcmp(d, ole, 8) == 0 &&
	    memmem(d, n, vba_u16, sizeof(vba_u16)) != NULL;
}

static struct att_item *
item(struct mail_worker *w, size_t i)
{
	return &((struct att_item *)w->att.v)[i];
}

/* ---- zip ---- */

struct zent {
	const unsigned char *name;
	size_t nlen;
	uint16_t method, flags;
	uint64_t csize, usize, lho;
};

/* Zip64 sizes and offset from the extra field, for the fields that are 0xFFFFFFFF. */
static void
zip64_extra(const unsigned char *x, size_t xl, struct zent *e, int us, int cs, int lo)
{
	while (xl >= 4) {
		uint16_t id = rp_le16(x), sz = rp_le16(x + 2);
		const unsigned char *p = x + 4, *end;

		if ((size_t)sz + 4 > xl)
			return;
		end = p + sz;
		if (id == 1) {
			if (us && p + 8 <= end) { e->usize = rp_le64(p); p += 8; }
			if (cs && p + 8 <= end) { e->csize = rp_le64(p); p += 8; }
			if (lo && p + 8 <= end) { e->lho = rp_le64(p); }
			return;
		}
		x += 4 + sz;
		xl -= 4 + (size_t)sz;
	}
}

static int
inflate_to(const unsigned char *in, size_t inlen, unsigned char *out, size_t outlen,
    size_t *got)
{
	z_stream z;
	int r;

	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, -15) != Z_OK)
		return -1;
	z.next_in = (Bytef *)(uintptr_t)in;
	z.avail_in = inlen > 0x7fffffff ? 0x7fffffff : (uInt)inlen;
	z.next_out = out;
	z.avail_out = outlen > 0x7fffffff ? 0x7fffffff : (uInt)outlen;
	r = inflate(&z, Z_FINISH);
	*got = outlen - z.avail_out;
	/* output space exhausted before the end: the declared size lied */
	if (r == Z_BUF_ERROR && z.avail_out == 0 && z.avail_in > 0) {
		unsigned char probe[64];

		z.next_out = probe;
		z.avail_out = sizeof(probe);
		r = inflate(&z, Z_FINISH);
		inflateEnd(&z);
		return (r == Z_STREAM_END && z.avail_out == sizeof(probe)) ? 0 : 1;
	}
	inflateEnd(&z);
	return r == Z_STREAM_END ? 0 : (r == Z_DATA_ERROR ? -1 : 0);
}

static void zip_walk(struct mail_worker *w, size_t parent, const unsigned char *d, size_t n,
    int depth);

static void
bomb(struct mail_worker *w, size_t parent, const char *why)
{
	item(w, parent)->a.flags |= RP_MAIL_ATT_BOMB;
	mail_w_reason(w, "'%s' was not expanded: %s", item(w, parent)->a.name, why);
}

static void
zip_walk(struct mail_worker *w, size_t parent, const unsigned char *d, size_t n, int depth)
{
	const struct rp_mail_limits *lim = &w->sh->lim;
	const unsigned char *eocd = NULL, *cd, *cdend;
	uint64_t cdoff, cdsize, total = 0;
	size_t i, from;
	uint32_t count = 0;
	char pname[1280];

	snprintf(pname, sizeof(pname), "%s", item(w, parent)->a.name);
	if (n < 22)
		return;
	from = n > 65557 ? n - 65557 : 0;
	for (i = n - 22 + 1; i-- > from;)
		if (d[i] == 'P' && memcmp(d + i, "PK\5\6", 4) == 0) {
			eocd = d + i;
			break;
		}
	if (eocd == NULL)
		return;
	cdsize = rp_le32(eocd + 12);
	cdoff = rp_le32(eocd + 16);
	if ((cdsize == 0xffffffff || cdoff == 0xffffffff) && eocd - d >= 20 &&
	    memcmp(eocd - 20, "PK\6\7", 4) == 0) {
		uint64_t z64 = rp_le64(eocd - 20 + 8);

		if (n >= 56 && z64 <= n - 56 && memcmp(d + z64, "PK\6\6", 4) == 0) {
			cdsize = rp_le64(d + z64 + 40);
			cdoff = rp_le64(d + z64 + 48);
		}
	}
	if (cdoff > n || cdsize > n - cdoff)
		return;
	item(w, parent)->a.flags |= RP_MAIL_ATT_ARCHIVE;
	cd = d + cdoff;
	cdend = cd + cdsize;
	while (cd + 46 <= cdend && memcmp(cd, "PK\1\2", 4) == 0) {
		struct zent e;
		uint16_t xl = rp_le16(cd + 30), cl = rp_le16(cd + 32);
		const unsigned char *data = NULL, *lh;
		unsigned char *buf = NULL;
		size_t got = 0, len = 0;
		char mname[1536];
		int skip = 0;

		e.method = rp_le16(cd + 10);
		e.flags = rp_le16(cd + 8);
		e.csize = rp_le32(cd + 20);
		e.usize = rp_le32(cd + 24);
		e.nlen = rp_le16(cd + 28);
		e.lho = rp_le32(cd + 42);
		e.name = cd + 46;
		if ((size_t)(cdend - cd) < 46 + (size_t)e.nlen + xl + cl)
			break;
		if (e.usize == 0xffffffff || e.csize == 0xffffffff || e.lho == 0xffffffff)
			zip64_extra(cd + 46 + e.nlen, xl, &e, e.usize == 0xffffffff,
			    e.csize == 0xffffffff, e.lho == 0xffffffff);
		cd += 46 + e.nlen + xl + cl;
		if (++count > lim->members) {
			bomb(w, parent, "more members than the bound");
			break;
		}
		if (e.nlen && e.name[e.nlen - 1] == '/')
			continue;     /* a directory */
		snprintf(mname, sizeof(mname), "%s!%.*s", pname, (int)(e.nlen > 1000 ? 1000 : e.nlen),
		    (const char *)e.name);
		/* where the data is: after the local header's name and extra field */
		if (n < 30 || e.lho > n - 30 || memcmp(d + e.lho, "PK\3\4", 4) != 0) {
			skip = 1;
		} else {
			uint64_t doff;

			lh = d + e.lho;
			doff = e.lho + 30 + rp_le16(lh + 26) + rp_le16(lh + 28);
			if (doff > n || e.csize > n - doff)
				skip = 1;
			else
				data = d + doff;
		}
		if (e.flags & 1) {
			/* encrypted: the name is all there is */
			mail_attach(w, mname, "", NULL, 0, depth, RP_MAIL_ATT_ENCRYPTED);
			continue;
		}
		if (!skip && (e.usize > lim->member || total + e.usize > lim->expand ||
		    w->expanded + e.usize > lim->expand ||
		    (e.csize && e.usize / e.csize > 1000 && e.usize > (1u << 20)))) {
			bomb(w, parent, e.usize > lim->member ? "a member larger than the bound" :
			    e.csize && e.usize / e.csize > 1000 ? "a compression ratio over 1000" :
			    "expanded bytes over the bound");
			skip = 1;
		}
		if (!skip && e.method == 0) {
			len = (size_t)(e.csize < e.usize ? e.csize : e.usize);
		} else if (!skip && e.method == 8) {
			if ((buf = malloc(e.usize ? (size_t)e.usize : 1)) == NULL) {
				skip = 1;
			} else {
				int ir = inflate_to(data, (size_t)e.csize, buf, (size_t)e.usize, &got);

				if (ir > 0) {
					bomb(w, parent, "a member inflates past its declared size");
					skip = 1;
				}
				data = buf;
				len = got;
			}
		} else {
			skip = 1;   /* another method, or unreachable: the name only */
		}
		total += len;
		w->expanded += len;
		mail_attach(w, mname, "", skip ? NULL : data, skip ? 0 : len, depth,
		    skip ? RP_MAIL_ATT_TRUNCATED : 0);
		free(buf);
	}
}

/* ---- one attachment ---- */

void
mail_attach(struct mail_worker *w, const char *name, const char *declared,
    const void *data, size_t len, int depth, unsigned flags)
{
	const unsigned char *d = data;
	struct att_item *it;
	char hex[RP_SHA256_HEX_LEN] = "";
	char type[96] = "";
	size_t idx, before;
	int nested = strchr(name + strlen(w->prefix), '!') != NULL;   /* inside an archive */
	const char *b = base_name(name);

	if (w->att.n >= 2000 || (it = mail_vec_push(&w->att)) == NULL)
		return;
	idx = w->att.n - 1;
	it->a.name = mail_arena_str(&w->arena, name);
	it->a.declared = mail_arena_str(&w->arena, declared);
	it->a.depth = depth + (nested ? 1 : 0);
	it->a.size = len;
	it->a.flags = flags;
	it->a.type = "";
	if (d && (flags & RP_MAIL_ATT_TRUNCATED) == 0) {
		if (rp_sha256_hex(d, len, hex) != 0)
			hex[0] = '\0';
	}
	it->a.sha256 = mail_arena_str(&w->arena, hex);
	if (d && exec_content(d, len))
		it->a.flags |= RP_MAIL_ATT_EXEC;
	if (mail_name_exec(b))
		it->a.flags |= RP_MAIL_ATT_EXEC;
	if (mail_name_double_ext(b))
		it->a.flags |= RP_MAIL_ATT_DOUBLE_EXT;
	if (d && ole_macro(d, len))
		it->a.flags |= RP_MAIL_ATT_MACRO;
	/* an OOXML VBA project by name; ODF keeps macros as Basic/<library>/<module>.xml */
	if (strcasecmp(b, "vbaProject.bin") == 0 || (nested && strstr(name, "!Basic/") != NULL &&
	    strcmp(b, "script-lb.xml") != 0 && strcmp(b, "script-lc.xml") != 0))
		it->a.flags |= RP_MAIL_ATT_MACRO;
	/* this item's own matches: contiguous, before its members' */
	before = w->matches.n;
	mail_w_ioc(w, RP_IOC_FILENAME, b, it->a.name);
	if (hex[0])
		mail_w_ioc(w, RP_IOC_SHA256, hex, it->a.name);
	if (d && len)
		mail_w_yara(w, d, len, it->a.name);
	/* ClamAV sees each decoded attachment once: not the members of an archive (it
	 * unpacks them itself), not an attached message as a whole (its parts come
	 * next, each as an attachment of its own) */
	if (d && len && !nested && !(flags & RP_MAIL_ATT_MESSAGE) && w->sh->clam) {
		char vir[128] = "";
		int cr = mail_clam_scan(w->sh->clam, d, len, hex, vir, sizeof(vir));

		if (cr == 1) {
			mail_w_match(w, "clamav", vir, "", it->a.name, 0);
		} else if (cr < 0) {
			/* a temp dir it could not make, memory, a parser's error: the
			 * attachment is unexamined, and a virus could be in it */
			item(w, idx)->a.flags |= RP_MAIL_ATT_UNSCANNED;
			mail_w_reason(w, "'%s' could not be scanned by ClamAV: %s",
			    item(w, idx)->a.name, vir[0] ? vir : "error");
		}
	}
	it = item(w, idx);
	it->mfirst = before;
	it->mcount = w->matches.n - before;
	/* members */
	if (d && len >= 22 && d[0] == 'P' && d[1] == 'K' && d[2] == 3 && d[3] == 4) {
		int adepth = 0;
		const char *p;

		for (p = name + strlen(w->prefix); (p = strchr(p, '!')) != NULL; p++)
			adepth++;
		if (adepth < w->sh->lim.archive_depth)
			zip_walk(w, idx, d, len, depth);
		else
			bomb(w, idx, "archives nested deeper than the bound");
	}
	it = item(w, idx);
	/* what members hold shows on the attachment that holds them */
	if (!nested) {
		size_t k;

		for (k = idx + 1; k < w->att.n; k++)
			it->a.flags |= item(w, k)->a.flags & (RP_MAIL_ATT_MACRO | RP_MAIL_ATT_EXEC |
			    RP_MAIL_ATT_DOUBLE_EXT);
	}
	if (nested && it->mcount == 0 && (it->a.flags & (RP_MAIL_ATT_MACRO | RP_MAIL_ATT_EXEC |
	    RP_MAIL_ATT_DOUBLE_EXT | RP_MAIL_ATT_BOMB | RP_MAIL_ATT_ENCRYPTED)) == 0)
		it->hidden = 1;
	if (!it->hidden && d && w->magic) {
		rp_magic_mime(w->magic, d, len, type, sizeof(type));
		it->a.type = mail_arena_str(&w->arena, type);
	}
	if (!it->hidden) {
		if (it->a.flags & RP_MAIL_ATT_MACRO)
			mail_w_reason(w, "'%s' holds a VBA macro project", it->a.name);
		if (it->a.flags & RP_MAIL_ATT_DOUBLE_EXT)
			mail_w_reason(w, "'%s' has a double extension", it->a.name);
		if ((it->a.flags & RP_MAIL_ATT_EXEC) && (nested || !(it->a.flags & RP_MAIL_ATT_ARCHIVE)))
			mail_w_reason(w, "'%s' is an executable or a script", it->a.name);
	}
}
