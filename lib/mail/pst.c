/*
 * The libpst adapter: the only file that includes <libpst/libpst.h>. It reads every
 * e-mail item of an Outlook .pst/.ost, folder by folder, and feeds the worker's sink:
 * the transport headers when the item kept them (mail that came in by SMTP), else the
 * item's own fields (sender, display recipients, subject, Message-ID, sent date), the
 * plain and HTML bodies, and the attachments (by value, decoded by libpst).
 *
 * Evidence: libpst opens files by name with fopen(3), which would read without
 * O_NOATIME. So pst_open is given a copy of the file's first 64 KiB (the header is
 * all it reads) in a memfd, through /proc/self/fd; then its FILE is swapped for one
 * over our own O_NOATIME descriptor, through which every later read goes.
 * libpst keeps a debug log only when asked (pst_debug_init): it prints nothing.
 * Bounds: 64 folder levels, 1,000,000 items per file.
 *
 * Recipients: libpst gives only the display strings (PR_DISPLAY_TO: names, which is
 * all Outlook keeps there) and folds the rows of the recipient table into the item,
 * each overwriting the last. Mail sent from Outlook has no transport headers, so its
 * recipients' addresses are only in that table: it is read here ([MS-PST] 2.4.4.5, a
 * table context in the message's subnode 0x692), through libpst's block reader
 * (pst_ff_getIDblock_dec: decryption and inflation are its business). Every offset
 * and count read from the file is checked against the bytes read; a table that does
 * not hold together gives no recipients, and the display strings are used.
 *
 * Strings: a Unicode PST's are UTF-16; an ANSI PST's (Outlook 97-2002) are 8-bit in
 * the message's code page, which libpst converts (PR_MESSAGE_CODEPAGE, else
 * PR_INTERNET_CPID); where an item names none (folders), windows-1252, Outlook's in
 * the West. The recipient table's 8-bit names are converted here the same way.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <libpst/libpst.h>
#include <zlib.h>

#include "core/err.h"
#include "core/file.h"
#include "core/time.h"
#include "mail/internal.h"

#define HEAD (64 * 1024)
#define MAX_DEPTH 64
#define MAX_ITEMS 1000000
#define MAX_ATTACH 10000

struct pstrun {
	pst_file pf;
	struct mail_worker *w;
	int (*fn)(struct mail_worker *w, void *ctx);
	void *ctx;
	struct rp_mail_loc loc;
	char folder[1024];
	uint64_t items;
	int rc;
	int probe;      /* the walk in the child: libpst's work only, nothing handed on */
};

static const char *
str(pst_item *it, pst_string *s)
{
	if (s->str == NULL)
		return NULL;
	pst_convert_utf8(it, s);
	return s->str;
}

static int64_t
filetime(const FILETIME *ft)
{
	uint64_t v;

	if (ft == NULL)
		return RP_TIME_UNSET;
	v = ((uint64_t)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
	if (v < 116444736000000000ULL)
		return RP_TIME_UNSET;
	return (int64_t)(v / 10000000ULL) - 11644473600LL;
}

#define MAX_RCPT_ROWS 10000
#define MAX_HEAP_BLOCKS 64
#define MAX_SUBNODES 4096

/*
 * libpst 0.6.76's leaks, in its pst_read_block_size (libpst.c:3813), when a block is
 * zlib-compressed (an OST of Outlook 2013 and later):
 *  1. it reads the compressed block into zbuf, inflates it with zlib's uncompress into
 *     a new buffer, keeps that, but frees zbuf only when inflating fails: every
 *     compressed block read costs its compressed size for good;
 *  2. it stores the new buffer in *buf without freeing what *buf held, which its own
 *     contract ("if this pointer is non-NULL, it will first be free()d", kept by the
 *     uncompressed path) promises: pst_ff_compile_ID, which reads the blocks of an
 *     XBLOCK (a body or attachment over 8 KiB) into one reused buffer, loses each
 *     block before a compressed one: about a large attachment's whole size.
 * Not suppressed: fixed here. For that version only, the Makefile (and
 * tests/fuzz/build.sh) links a copy of Debian's own static libpst.a
 * (scripts/libpst-fixed.sh) in which libpst's one call of uncompress calls
 * mail_pst_uncompress, and its own four calls of pst_ff_getIDblock_dec (the only way to
 * pst_read_block_size with a buffer already held) call mail_pst_getIDblock_dec; our
 * code's calls of zlib and of libpst, and the shared libraries', are not touched (a
 * `ld --wrap=uncompress` would have taken every uncompress of the binary).
 * Any other libpst version links as it is (-lpst) and never calls these two.
 */

/* 1: frees the source exactly when libpst drops it: uncompress gave Z_OK and filled the
 * whole buffer (libpst's `!= Z_OK || result_size != inflated_size` is its failure
 * path, which frees zbuf itself). The types are zlib's (Bytef, uLongf, uLong). */
int
mail_pst_uncompress(unsigned char *dest, unsigned long *destlen, const unsigned char *src,
    unsigned long srclen)
{
	unsigned long want = *destlen;
	int z = uncompress(dest, destlen, src, srclen);

	if (z == Z_OK && *destlen == want)
		free((void *)src);
	return z;
}

/* 2: keeps the contract libpst's compressed path breaks: what *buf held is freed, and
 * *buf set to NULL (every caller in libpst tests it before freeing it), before the
 * block is read into it. Thread-safe as libpst is: one pst_file per thread. */
size_t mail_pst_getIDblock_dec(pst_file *pf, uint64_t i_id, char **buf);

size_t
mail_pst_getIDblock_dec(pst_file *pf, uint64_t i_id, char **buf)
{
	free(*buf);
	*buf = NULL;
	return pst_ff_getIDblock_dec(pf, i_id, buf);
}

/* bytes read from the file, freed by blocks_free */
struct blocks {
	char *b[MAX_HEAP_BLOCKS];
	size_t n[MAX_HEAP_BLOCKS];
	size_t count;
	unsigned hid_shift;   /* where a HID's block index starts: 16, or 19 in a 4 KiB file */
};

static void
blocks_free(struct blocks *bl)
{
	for (size_t i = 0; i < bl->count; i++)
		free(bl->b[i]);
	bl->count = 0;
}

static uint64_t
le(const char *p, size_t n)
{
	uint64_t v = 0;

	for (size_t i = n; i-- > 0;)
		v = (v << 8) | (unsigned char)p[i];
	return v;
}

/* a node's data: one block, or the data blocks an XBLOCK (or XXBLOCK) lists */
static int
read_data(pst_file *pf, uint64_t bid, struct blocks *bl, int depth)
{
	char *buf = NULL;
	size_t n = pst_ff_getIDblock_dec(pf, bid, &buf), w = pf->do_read64 ? 8 : 4, hd, cnt;
	int rc = 0;

	if (n == 0 || buf == NULL) {
		free(buf);
		return -1;
	}
	if (!(bid & 2)) {
		if (bl->count == MAX_HEAP_BLOCKS) {
			free(buf);
			return -1;
		}
		bl->b[bl->count] = buf;
		bl->n[bl->count++] = n;
		return 0;
	}
	/* btype 1, cLevel 1 (data blocks) or 2 (XBLOCKs), cEnt, lcbTotal, the BIDs */
	hd = 8;
	if (n < hd || buf[0] != 1 || (buf[1] != 1 && buf[1] != 2) || depth > 1) {
		free(buf);
		return -1;
	}
	cnt = (size_t)le(buf + 2, 2);
	if (hd + cnt * w > n)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < cnt; i++)
		rc = read_data(pf, le(buf + hd + i * w, w), bl, depth + 1);
	free(buf);
	return rc;
}

/* the subnode tree of a node: its SLBLOCK (or SIBLOCK over them), nid -> bidData */
struct sub {
	uint64_t nid, bid, sub;
};

static int
read_subs(pst_file *pf, uint64_t bid, struct sub *out, size_t *count, int depth)
{
	char *buf = NULL;
	size_t n = pst_ff_getIDblock_dec(pf, bid, &buf), w = pf->do_read64 ? 8 : 4;
	size_t hd = pf->do_read64 ? 8 : 4, ent, cnt;
	int rc = 0;

	/* an SIBLOCK (cLevel 1) lists SLBLOCKs only: one level, so that a block naming
	 * itself, or a deep tree, cannot multiply the reads */
	if (n < hd || buf == NULL || buf[0] != 2 || (buf[1] != 0 && (buf[1] != 1 || depth > 0))) {
		free(buf);
		return -1;
	}
	cnt = (size_t)le(buf + 2, 2);
	ent = buf[1] == 0 ? 3 * w : 2 * w;   /* SLENTRY nid/data/sub, SIENTRY nid/bid */
	if (hd + cnt * ent > n)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < cnt && *count < MAX_SUBNODES; i++) {
		const char *e = buf + hd + i * ent;

		if (buf[1] != 0) {
			rc = read_subs(pf, le(e + w, w), out, count, depth + 1);
		} else {
			out[*count].nid = le(e, w) & 0xffffffffu;
			out[*count].bid = le(e + w, w);
			out[*count].sub = le(e + 2 * w, w);
			(*count)++;
		}
	}
	free(buf);
	return rc;
}

/* a heap allocation by HID ([MS-PST] 2.3.1.1): NULL when it is not in the blocks.
 * The OST of Outlook 2013 and later (4 KiB pages) keeps three more bits of flags
 * above hidIndex, so that its hidBlockIndex starts at bit 19 (libpst's
 * pst_getBlockOffsetPointer does the same) */
static const char *
heap_get(const struct blocks *h, uint32_t hid, size_t *len)
{
	size_t blk = hid >> h->hid_shift, idx = (hid >> 5) & 0x7ff, ib, calloc_, from, to;
	const char *b;

	if ((hid & 0x1f) != 0 || idx == 0 || blk >= h->count || h->n[blk] < 2)
		return NULL;
	b = h->b[blk];
	ib = (size_t)le(b, 2);
	if (ib + 4 > h->n[blk])
		return NULL;
	calloc_ = (size_t)le(b + ib, 2);
	if (idx > calloc_ || ib + 4 + (idx + 1) * 2 > h->n[blk])
		return NULL;
	from = (size_t)le(b + ib + 4 + (idx - 1) * 2, 2);
	to = (size_t)le(b + ib + 4 + idx * 2, 2);
	if (from > to || to > h->n[blk])
		return NULL;
	*len = to - from;
	return b + from;
}

/* UTF-16LE (n bytes) -> UTF-8 in out (NUL-terminated, cut at cap) */
static void
utf16_8(const char *s, size_t n, char *out, size_t cap)
{
	size_t o = 0;

	for (size_t i = 0; i + 1 < n; i += 2) {
		uint32_t c = (uint32_t)le(s + i, 2);

		if (c == 0)
			break;
		if (c >= 0xd800 && c < 0xdc00 && i + 3 < n) {
			uint32_t d = (uint32_t)le(s + i + 2, 2);

			if (d >= 0xdc00 && d < 0xe000) {
				c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
				i += 2;
			} else {
				c = 0xfffd;
			}
		} else if (c >= 0xd800 && c < 0xe000) {
			c = 0xfffd;
		}
		if (o + 5 > cap)
			break;
		if (c < 0x80) {
			out[o++] = (char)c;
		} else if (c < 0x800) {
			out[o++] = (char)(0xc0 | c >> 6);
			out[o++] = (char)(0x80 | (c & 0x3f));
		} else if (c < 0x10000) {
			out[o++] = (char)(0xe0 | c >> 12);
			out[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
			out[o++] = (char)(0x80 | (c & 0x3f));
		} else {
			out[o++] = (char)(0xf0 | c >> 18);
			out[o++] = (char)(0x80 | ((c >> 12) & 0x3f));
			out[o++] = (char)(0x80 | ((c >> 6) & 0x3f));
			out[o++] = (char)(0x80 | (c & 0x3f));
		}
	}
	out[o] = '\0';
}

/* whether the row has a value in the column: its bit in the cell existence bitmap,
 * which starts at ceb (the columns were checked to fit the row) */
static int
cell_set(const char *row, size_t ceb, const char *col)
{
	size_t bit = (unsigned char)col[7];

	return ((unsigned char)row[ceb + bit / 8] & (0x80 >> (bit % 8))) != 0;
}

/* one string cell of the row: its HNID (a heap allocation; a string that big in a
 * subnode is not an address) as UTF-8, or "". A PT_STRING8 (an ANSI PST's) is in the
 * message's code page: converted as libpst converts the message's own strings
 * (pst_convert_utf8: PR_MESSAGE_CODEPAGE, else PR_INTERNET_CPID, else its default),
 * kept as it is if that fails. */
static void
cell_str(const struct blocks *h, const char *row, size_t ceb, const char *col,
    pst_item *it, char *out, size_t cap)
{
	uint16_t type = (uint16_t)le(col, 2);
	size_t ib = (size_t)le(col + 4, 2), len = 0;
	const char *v;

	out[0] = '\0';
	if ((type != 0x1f && type != 0x1e) || (unsigned char)col[6] != 4 || !cell_set(row, ceb, col))
		return;
	if ((v = heap_get(h, (uint32_t)le(row + ib, 4), &len)) == NULL)
		return;
	if (type == 0x1f) {
		utf16_8(v, len, out, cap);
	} else {
		pst_string ps = { .is_utf8 = 0, .str = NULL };

		snprintf(out, cap, "%.*s", (int)(len < cap ? len : cap - 1), v);
		if ((ps.str = strdup(out)) == NULL)
			return;
		pst_convert_utf8(it, &ps);
		snprintf(out, cap, "%s", ps.str);
		free(ps.str);
	}
}

/* The recipient table of the message node d: each row's type (To, Cc, Bcc), SMTP
 * address and display name to the worker. Returns the rows given, 0 when the table is
 * missing or does not hold together. */
static int
recipients(struct pstrun *r, pst_desc_tree *d, pst_item *it)
{
	struct sub *subs = NULL;
	size_t nsubs = 0, ti_len = 0, cols, bm, ceb, got = 0;
	struct blocks heap = { 0 }, rows = { 0 };
	const char *ti, *hdr, *ctype = NULL, *cname = NULL, *csmtp = NULL, *caddr = NULL,
	    *catype = NULL;
	uint64_t bid = 0, bsub = 0;
	uint32_t hnrows;

	if (d == NULL || d->assoc_tree == NULL ||
	    (subs = calloc(MAX_SUBNODES, sizeof(*subs))) == NULL)
		return 0;
	if (read_subs(&r->pf, d->assoc_tree->i_id, subs, &nsubs, 0) != 0)
		goto out;
	for (size_t i = 0; i < nsubs; i++)
		if (subs[i].nid == 0x692) {
			bid = subs[i].bid;
			bsub = subs[i].sub;
		}
	heap.hid_shift = r->pf.do_read64 == 2 ? 19 : 16;
	if (bid == 0 || read_data(&r->pf, bid, &heap, 0) != 0 || heap.count == 0 ||
	    heap.n[0] < 12)
		goto out;
	hdr = heap.b[0];
	if ((unsigned char)hdr[2] != 0xec || (unsigned char)hdr[3] != 0x7c)
		goto out;
	/* TCINFO: bType, cCols, rgib[4], hidRowIndex, hnidRows, hidIndex, TCOLDESCs */
	if ((ti = heap_get(&heap, (uint32_t)le(hdr + 4, 4), &ti_len)) == NULL || ti_len < 22 ||
	    (unsigned char)ti[0] != 0x7c)
		goto out;
	cols = (unsigned char)ti[1];
	if (22 + cols * 8 > ti_len)
		goto out;
	ceb = (size_t)le(ti + 6, 2);
	bm = (size_t)le(ti + 8, 2);
	if (ceb + (cols + 7) / 8 > bm)
		goto out;
	hnrows = (uint32_t)le(ti + 14, 4);
	for (size_t c = 0; c < cols; c++) {
		const char *cd = ti + 22 + c * 8;
		uint32_t tag = (uint32_t)le(cd + 2, 2) << 16 | (uint32_t)le(cd, 2);
		size_t ib = (size_t)le(cd + 4, 2), cb = (unsigned char)cd[6];

		if (ib + cb > ceb || (unsigned char)cd[7] >= cols)
			goto out;
		switch (tag >> 16) {
		case 0x0c15: ctype = (tag & 0xffff) == 0x0003 ? cd : ctype; break;
		case 0x3001: cname = cd; break;
		case 0x39fe: csmtp = cd; break;
		case 0x3003: caddr = cd; break;
		case 0x3002: catype = cd; break;
		default: break;
		}
	}
	if (bm == 0 || ctype == NULL || (csmtp == NULL && caddr == NULL))
		goto out;
	/* the row matrix: in the heap, or in a subnode (rows never span its blocks) */
	if ((hnrows & 0x1f) == 0) {
		size_t len = 0;
		const char *m = heap_get(&heap, hnrows, &len);

		if (m == NULL)
			goto out;
		rows.b[0] = malloc(len ? len : 1);
		if (rows.b[0] == NULL)
			goto out;
		memcpy(rows.b[0], m, len);
		rows.n[0] = len;
		rows.count = 1;
	} else {
		/* many recipients: the rows are in a subnode of the table's own subnodes */
		uint64_t rb = 0;

		nsubs = 0;
		if (bsub == 0 || read_subs(&r->pf, bsub, subs, &nsubs, 0) != 0)
			goto out;
		for (size_t i = 0; i < nsubs; i++)
			if (subs[i].nid == hnrows)
				rb = subs[i].bid;
		if (rb == 0 || read_data(&r->pf, rb, &rows, 0) != 0)
			goto out;
	}
	for (size_t b = 0; b < rows.count; b++) {
		for (size_t o = 0; o + bm <= rows.n[b] && got < MAX_RCPT_ROWS; o += bm) {
			const char *row = rows.b[b] + o;
			char addr[512], name[512], at[16];
			enum mail_field f;

			if ((unsigned char)ctype[6] != 4 || !cell_set(row, ceb, ctype))
				continue;
			switch ((uint32_t)le(row + le(ctype + 4, 2), 4)) {
			case 1: f = MAIL_TO; break;
			case 2: f = MAIL_CC; break;
			case 3: f = MAIL_BCC; break;
			default: continue;
			}
			addr[0] = name[0] = '\0';
			if (csmtp)
				cell_str(&heap, row, ceb, csmtp, it, addr, sizeof(addr));
			if (!strchr(addr, '@') && caddr) {
				at[0] = '\0';
				if (catype)
					cell_str(&heap, row, ceb, catype, it, at, sizeof(at));
				if (catype == NULL || strcmp(at, "SMTP") == 0)
					cell_str(&heap, row, ceb, caddr, it, addr, sizeof(addr));
			}
			if (cname)
				cell_str(&heap, row, ceb, cname, it, name, sizeof(name));
			if (!strchr(addr, '@'))
				continue;
			if (!r->probe)
				mail_w_addr(r->w, f, addr, name);
			got++;
		}
	}
out:
	blocks_free(&rows);
	blocks_free(&heap);
	free(subs);
	return (int)got;
}

/* "Name <a@b>; c@d; Someone" -> the addresses, names kept when there is none */
static void
addr_list(struct mail_worker *w, enum mail_field f, const char *s)
{
	char item[1024];
	const char *p = s;

	while (p && *p) {
		const char *e = strchr(p, ';'), *lt, *gt;
		size_t n = e ? (size_t)(e - p) : strlen(p);

		snprintf(item, sizeof(item), "%.*s", (int)(n > 1000 ? 1000 : n), p);
		lt = strchr(item, '<');
		gt = lt ? strchr(lt, '>') : NULL;
		if (lt && gt) {
			char addr[512];

			snprintf(addr, sizeof(addr), "%.*s", (int)(gt - lt - 1), lt + 1);
			item[lt - item] = '\0';
			mail_w_addr(w, f, addr, item);
		} else {
			char *b = item;

			while (*b == ' ')
				b++;
			if (*b)
				mail_w_addr(w, f, strchr(b, '@') && !strchr(b, ' ') ? b : "",
				    strchr(b, '@') && !strchr(b, ' ') ? "" : b);
		}
		p = e ? e + 1 : NULL;
	}
}

/* The attachments, in the order of the message's attachment table: libpst lists
 * them last row first. */
static void
attachments(struct pstrun *r, pst_item *it)
{
	struct mail_worker *w = r->w;
	pst_item_attach *a, **v;
	size_t na = 0, k = 0;

	for (a = it->attach; a && na < MAX_ATTACH; a = a->next)
		na++;
	if (na == 0 || (v = calloc(na, sizeof(*v))) == NULL)
		return;
	for (a = it->attach; a && k < na; a = a->next)
		v[k++] = a;
	while (k-- > 0) {
		const char *nm, *mt;

		a = v[k];
		nm = str(it, &a->filename2);
		mt = str(it, &a->mimetype);
		if (nm == NULL || *nm == '\0')
			nm = str(it, &a->filename1);
		if (a->method == PST_ATTACH_EMBEDDED) {
			mail_w_attachment(w, nm ? nm : "message", "message/rfc822", NULL, 0,
			    RP_MAIL_ATT_MESSAGE | RP_MAIL_ATT_TRUNCATED);
		} else if (a->data.data) {
			mail_w_attachment(w, nm ? nm : "", mt ? mt : "", a->data.data,
			    a->data.size, 0);
		} else {
			pst_binary b = pst_attach_to_mem(&r->pf, a);

			if (b.data) {
				mail_w_attachment(w, nm ? nm : "", mt ? mt : "", b.data, b.size, 0);
				free(b.data);
			}
		}
	}
	free(v);
}

/* What the real walk asks of libpst for one message, with nothing handed on: the
 * strings converted, the recipient table read, the attachments decoded. */
static void
probe_message(struct pstrun *r, pst_desc_tree *d, pst_item *it)
{
	pst_item_email *e = it->email;
	pst_item_attach *a;
	size_t na = 0;

	str(it, &e->header);
	str(it, &e->sender_address);
	str(it, &e->outlook_sender_name);
	str(it, &e->sender2_address);
	str(it, &e->sentto_address);
	str(it, &e->cc_address);
	str(it, &e->bcc_address);
	str(it, &it->subject);
	str(it, &e->messageid);
	str(it, &it->body);
	str(it, &e->htmlbody);
	recipients(r, d, it);
	for (a = it->attach; a && na < MAX_ATTACH; a = a->next, na++) {
		str(it, &a->filename2);
		str(it, &a->filename1);
		str(it, &a->mimetype);
		if (a->method != PST_ATTACH_EMBEDDED && a->data.data == NULL) {
			pst_binary b = pst_attach_to_mem(&r->pf, a);

			free(b.data);
		}
	}
}

static void
one_message(struct pstrun *r, pst_desc_tree *d, pst_item *it)
{
	struct mail_worker *w = r->w;
	pst_item_email *e = it->email;
	const char *s;

	if (r->probe) {
		r->items++;
		probe_message(r, d, it);
		return;
	}

	r->loc.index = ++r->items;
	r->loc.folder = r->folder;
	mail_worker_begin(w, &r->loc, 0);
	if ((s = str(it, &e->header)) != NULL && *s) {
		/* the original header: parsed as a message without a body */
		size_t n = strlen(s);
		char *h = malloc(n + 3);

		if (h) {
			memcpy(h, s, n);
			memcpy(h + n, "\n\n", 3);
			mail_mime_parse(w, h, n + 2);
			free(h);
		}
	} else {
		const char *addr = str(it, &e->sender_address);
		const char *name = str(it, &e->outlook_sender_name);

		if (addr && strchr(addr, '@'))
			mail_w_addr(w, MAIL_FROM, addr, name ? name : "");
		else if ((addr = str(it, &e->sender2_address)) != NULL && strchr(addr, '@'))
			mail_w_addr(w, MAIL_FROM, addr, name ? name : "");
		/* the recipient table's addresses; the display strings when it has none */
		if (recipients(r, d, it) == 0) {
			addr_list(w, MAIL_TO, str(it, &e->sentto_address));
			addr_list(w, MAIL_CC, str(it, &e->cc_address));
			addr_list(w, MAIL_BCC, str(it, &e->bcc_address));
		}
		if ((s = str(it, &it->subject)) != NULL)
			mail_w_subject(w, s);
		if ((s = str(it, &e->messageid)) != NULL) {
			char id[1024];

			snprintf(id, sizeof(id), "%s", *s == '<' ? s + 1 : s);
			if (*id && id[strlen(id) - 1] == '>')
				id[strlen(id) - 1] = '\0';
			mail_w_message_id(w, id);
		}
		if (filetime(e->sent_date) != RP_TIME_UNSET)
			mail_w_date(w, filetime(e->sent_date));
		else if (filetime(e->arrival_date) != RP_TIME_UNSET)
			mail_w_date(w, filetime(e->arrival_date));
	}
	if (w->fail == NULL) {
		if ((s = str(it, &it->body)) != NULL)
			mail_w_text(w, 0, s, strlen(s));
		if ((s = str(it, &e->htmlbody)) != NULL)
			mail_w_text(w, 1, s, strlen(s));
		attachments(r, it);
	}
	mail_worker_finish(w);
	r->rc = r->fn(w, r->ctx);
}

static void
folder(struct pstrun *r, pst_desc_tree *d, int depth)
{
	for (; d && r->rc == 0 && r->items < MAX_ITEMS; d = d->next) {
		pst_item *it = pst_parse_item(&r->pf, d, NULL);

		if (it == NULL)
			continue;
		if (it->folder && d->child && depth < MAX_DEPTH) {
			size_t n = strlen(r->folder);
			const char *name = str(it, &it->file_as);

			snprintf(r->folder + n, sizeof(r->folder) - n, "%s%s", n ? "/" : "",
			    name ? name : "?");
			folder(r, d->child, depth + 1);
			r->folder[n] = '\0';
		} else if (it->email && (it->type == PST_TYPE_NOTE || it->type == PST_TYPE_REPORT ||
		    it->type == PST_TYPE_SCHEDULE || it->type == 0)) {
			one_message(r, d, it);
		}
		pst_freeItem(it);
	}
}

static int
walk(int fd, const char *path, size_t pathlen, struct mail_worker *w,
    int (*fn)(struct mail_worker *w, void *ctx), void *ctx, const char **why, int probe)
{
	struct pstrun *r;
	char *head = NULL, name[64];
	ssize_t n;
	int mfd = -1, fd2 = -1, opened = 0, rc = RP_ERR_FORMAT;
	pst_item *root = NULL;
	pst_desc_tree *top;
	FILE *f;

	*why = NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL || (head = malloc(HEAD)) == NULL) {
		free(r);
		return RP_ERR_NOMEM;
	}
	r->w = w;
	r->fn = fn;
	r->ctx = ctx;
	r->probe = probe;
	r->loc.store = path;
	r->loc.storelen = pathlen;
	r->loc.kind = RP_MAIL_STORE_PST;
	if ((n = rp_pread_full(fd, head, HEAD, 0)) < 512) {
		*why = "not a PST file: shorter than its header";
		goto out;
	}
	if ((mfd = memfd_create("riposte-pst-head", MFD_CLOEXEC)) < 0 ||
	    rp_write_all(mfd, head, (size_t)n) != 0) {
		*why = "cannot hand the PST header to libpst (memfd)";
		rc = RP_ERR_UNSUPPORTED;
		goto out;
	}
	snprintf(name, sizeof(name), "/proc/self/fd/%d", mfd);
	/* the code page of 8-bit strings (an ANSI PST's) whose item names none (folders,
	 * the store; a message has PR_MESSAGE_CODEPAGE): libpst's default would be
	 * ISO-8859-1, which makes C1 controls of windows-1252's "€" and "–" (0x80, 0x96),
	 * Outlook's own ANSI code page in the West. Kept by pointer, never freed. */
	if (pst_open(&r->pf, name, "windows-1252") != 0) {
		*why = "not a PST file libpst can read (header)";
		goto out;
	}
	opened = 1;
	/* every read from here on: through our descriptor, which has O_NOATIME */
	if ((fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0 || (f = fdopen(fd2, "rb")) == NULL) {
		*why = "cannot read the PST";
		rc = RP_ERR_SYSTEM;
		goto out;
	}
	fd2 = -1;
	fclose(r->pf.fp);
	r->pf.fp = f;
	if (pst_load_index(&r->pf) != 0) {
		*why = "not a PST file libpst can read (index)";
		goto out;
	}
	pst_load_extended_attributes(&r->pf);
	if ((root = pst_parse_item(&r->pf, r->pf.d_head, NULL)) == NULL ||
	    (top = pst_getTopOfFolders(&r->pf, root)) == NULL) {
		*why = "not a PST file libpst can read (no folders)";
		goto out;
	}
	folder(r, top->child, 0);
	rc = r->rc;
out:
	if (root)
		pst_freeItem(root);
	if (opened)
		pst_close(&r->pf);
	if (fd2 >= 0)
		close(fd2);
	if (mfd >= 0)
		close(mfd);
	free(head);
	free(r);
	return rc;
}

/*
 * libpst trusts the file: a damaged PST can make it read through a null or wild
 * pointer (fuzzing found several, all inside pst_parse_item), which would end the
 * whole scan. So the walk is made first in a child process, which asks of libpst all
 * that the real walk will (same code, same bytes, through the same O_NOATIME
 * descriptor) and hands nothing on; only if it ends normally is the file walked here.
 * The cost: libpst's work twice (a 5,000-message PST: 0.46 s of CPU against 0.27 s).
 * fork() in a threaded program: the child may only need locks no other thread holds
 * at the fork. scan.c calls this with its workers drained (idle in a condition wait,
 * holding nothing), so malloc's and iconv's locks (libpst converts UTF-16 through
 * iconv) are free; a caller with busy threads must not call it.
 */
int
mail_pst_read(int fd, const char *path, size_t pathlen, struct mail_worker *w,
    int (*fn)(struct mail_worker *w, void *ctx), void *ctx, const char **why)
{
	pid_t pid;
	int st = 0;

	*why = NULL;
	pid = fork();
	if (pid == 0) {
		struct rlimit nocore = { 0, 0 };
		const char *cwhy;

		setrlimit(RLIMIT_CORE, &nocore);   /* a crash here leaves no core file behind */
		walk(fd, path, pathlen, NULL, NULL, NULL, &cwhy, 1);
		_exit(0);   /* the child's only way out: no atexit handler of the parent's */
	}
	if (pid > 0) {
		while (waitpid(pid, &st, 0) < 0)
			if (errno != EINTR) {
				st = 0;
				break;
			}
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			*why = "libpst failed on this file (a damaged PST): not read";
			return RP_ERR_FORMAT;
		}
	}
	/* no fork (out of processes): read without the safety net, as before */
	return walk(fd, path, pathlen, w, fn, ctx, why, 0);
}

int
mail_pst_walk(int fd, const char *path, size_t pathlen, struct mail_worker *w,
    int (*fn)(struct mail_worker *w, void *ctx), void *ctx, const char **why)
{
	return walk(fd, path, pathlen, w, fn, ctx, why, 0);
}
