/*
 * Executables: ELF (header, program and section header tables inside the file,
 * section types and extents) and PE (MZ, e_lfanew, PE\0\0, COFF and optional
 * headers, section table extents, the certificate table when there is one).
 */
#include <string.h>

#include "detect/fmt-list.h"
#include "detect/fmt-util.h"

/* ---- ELF ---- */

int
rp_fmt_elf_sniff(const unsigned char *h, size_t n)
{
	return n >= 52 && memcmp(h, "\x7f" "ELF", 4) == 0 && (h[4] == 1 || h[4] == 2) &&
	    (h[5] == 1 || h[5] == 2) && h[6] == 1;
}

void
rp_fmt_elf_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p;
	size_t hlen;
	int is64, be;
	uint64_t phoff, shoff, phn, shn, phes, shes, strndx, i, stroff = 0, strsz = 0;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_elf_sniff(h, hlen) || (h[4] == 2 && hlen < 64)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no ELF header at 0");
		return;
	}
	is64 = h[4] == 2;
	be = h[5] == 2;
#define U16(q) (be ? rp_be16(q) : rp_le16(q))
#define U32(q) (be ? rp_be32(q) : rp_le32(q))
#define U64(q) (be ? rp_be64(q) : rp_le64(q))
#define UW(q) (is64 ? U64(q) : U32(q))
	phoff = UW(h + (is64 ? 32 : 28));
	shoff = UW(h + (is64 ? 40 : 32));
	phes = U16(h + (is64 ? 54 : 42));
	phn = U16(h + (is64 ? 56 : 44));
	shes = U16(h + (is64 ? 58 : 46));
	shn = U16(h + (is64 ? 60 : 48));
	strndx = U16(h + (is64 ? 62 : 50));
	if (U32(h + 20) != 1 || (phn && (phes != (is64 ? 56u : 32u) || phoff > s->size ||
	    phn * phes > s->size - phoff)) || (shn && (shes != (is64 ? 64u : 40u) ||
	    shoff > s->size || shn * shes > s->size - shoff)) || (shn && strndx >= shn &&
	    strndx != 0xFFFF)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "ELF header fields point outside the file");
		return;
	}
	r->head_intact = 1;
	rp_rd_init(&rd, s, 4096);
	for (i = 0; i < phn && i < 256; i++) {
		uint64_t o = phoff + i * phes, off, fsz;

		if ((p = rp_rd_get(&rd, o, (size_t)phes)) == NULL)
			break;
		off = is64 ? U64(p + 8) : U32(p + 4);
		fsz = is64 ? U64(p + 32) : U32(p + 16);
		if (off > s->size || fsz > s->size - off) {
			rp_fmt_damage(r, o, "program header %llu points outside the file",
			    (unsigned long long)i);
			return;
		}
	}
	if (shn && strndx < shn && (p = rp_rd_get(&rd, shoff + strndx * shes, (size_t)shes))) {
		stroff = is64 ? U64(p + 24) : U32(p + 16);
		strsz = is64 ? U64(p + 32) : U32(p + 20);
		if (U32(p + 4) != 3 || stroff > s->size || strsz > s->size - stroff) {
			r->tail_intact = 0;
			rp_fmt_damage(r, shoff + strndx * shes, "section name table header is not valid");
			return;
		}
	}
	for (i = 0; i < shn && i < 1024; i++) {
		uint64_t o = shoff + i * shes, type, off, sz, name;

		if ((p = rp_rd_get(&rd, o, (size_t)shes)) == NULL)
			break;
		name = U32(p);
		type = U32(p + 4);
		off = is64 ? U64(p + 24) : U32(p + 16);
		sz = is64 ? U64(p + 32) : U32(p + 20);
		if ((type > 19 && type < 0x60000000) || (i == 0 && type != 0) ||
		    (strsz && name >= strsz) ||
		    (type != 8 && type != 0 && (off > s->size || sz > s->size - off))) {
			r->tail_intact = 0;
			rp_fmt_damage(r, o, "section header %llu at %llu is not valid",
			    (unsigned long long)i, (unsigned long long)o);
			return;
		}
	}
	if (strsz && (p = rp_rd_get(&rd, stroff, 1)) != NULL && p[0] != 0) {
		r->tail_intact = 0;
		rp_fmt_damage(r, stroff, "section name table at %llu is not valid",
		    (unsigned long long)stroff);
		return;
	}
	r->tail_intact = shn ? 1 : -1;
	rp_fmt_ok(r, "ELF%d header, %llu program headers, %llu section headers inside the file",
	    is64 ? 64 : 32, (unsigned long long)phn, (unsigned long long)shn);
#undef U16
#undef U32
#undef U64
#undef UW
}

/* ---- PE ---- */

int
rp_fmt_pe_sniff(const unsigned char *h, size_t n)
{
	uint32_t l;

	if (n < 64 || h[0] != 'M' || h[1] != 'Z')
		return 0;
	l = rp_le32(h + 60);
	return l >= 4 && l <= n - 24 && memcmp(h + l, "PE\0\0", 4) == 0;
}

void
rp_fmt_pe_check(struct rp_sample *s, struct rp_fmt_result *r)
{
	struct rp_rd rd;
	const unsigned char *h, *p;
	size_t hlen;
	uint32_t l, nsec, opt, i, magic, ndd;
	uint64_t st, last = 0;

	rp_fmt_begin(r);
	h = rp_sample_head(s, &hlen);
	if (h == NULL || !rp_fmt_pe_sniff(h, hlen)) {
		r->head_intact = 0;
		rp_fmt_damage(r, 0, "no MZ/PE header at 0");
		return;
	}
	l = rp_le32(h + 60);
	nsec = rp_le16(h + l + 6);
	opt = rp_le16(h + l + 20);
	st = (uint64_t)l + 24 + opt;
	if (nsec == 0 || nsec > 96 || opt < 2 || st + 40ull * nsec > s->size ||
	    l + 24 + 2 > hlen) {
		r->head_intact = 0;
		rp_fmt_damage(r, l, "COFF header at %u is not valid", l);
		return;
	}
	magic = rp_le16(h + l + 24);
	if (magic != 0x10B && magic != 0x20B && magic != 0x107) {
		r->head_intact = 0;
		rp_fmt_damage(r, l + 24, "optional header magic 0x%x is not valid", magic);
		return;
	}
	r->head_intact = 1;
	rp_rd_init(&rd, s, 4096);
	for (i = 0; i < nsec; i++) {
		uint64_t rs, rp;

		if ((p = rp_rd_get(&rd, st + 40ull * i, 40)) == NULL)
			break;
		rs = rp_le32(p + 16);
		rp = rp_le32(p + 20);
		if (rs && (rp > s->size || rs > s->size - rp)) {
			r->tail_intact = 0;
			rp_fmt_damage(r, st + 40ull * i, "section %u's data lies outside the file", i);
			return;
		}
		if (rs && rp + rs > last)
			last = rp + rs;
	}
	/* the certificate table (Authenticode): its offset is a file offset */
	ndd = magic == 0x20B ? 112 : 96;
	if (opt >= ndd + 5 * 8 && (p = rp_rd_get(&rd, (uint64_t)l + 24 + ndd + 4 * 8, 8)) != NULL &&
	    rp_le32(p) && rp_le32(p + 4)) {
		uint64_t co = rp_le32(p), cs = rp_le32(p + 4);
		const unsigned char *c;

		if (co > s->size || cs > s->size - co || cs < 8 ||
		    (c = rp_rd_get(&rd, co, 8)) == NULL || rp_le32(c) > cs ||
		    rp_le16(c + 4) != 0x0200 || (rp_le16(c + 6) != 2 && rp_le16(c + 6) != 1)) {
			r->tail_intact = 0;
			rp_fmt_damage(r, co, "certificate table at %llu is not valid",
			    (unsigned long long)co);
			return;
		}
		r->tail_intact = 1;
	}
	rp_fmt_ok(r, "MZ, PE header at %u, %u sections inside the file", l, nsec);
}
