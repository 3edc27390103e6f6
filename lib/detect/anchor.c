/*
 * The ransom note's anchor (anchor.h), sixteen bytes at a time.
 *
 * This runs over every byte of every text file up to 128 KiB that anybody saves under
 * a watched tree, on the watcher's verdict threads: byte by byte (a bitmap of the
 * stems' first two bytes, looked up at each byte) it was the largest single cost of
 * watch's verdict on a text file, 23 % of the watcher's CPU while cp -r copied 2,000
 * letters of 20 KiB in. A skipping search (Wu-Manber, two-byte blocks) did little
 * better (20 %): each step waits for the table load of the one before. So the first
 * two bytes of every stem are compared at sixteen places at once (SSE2, which every
 * x86-64 has), and only where a stem may start is it compared whole. Elsewhere (the
 * last bytes, other CPUs), byte by byte.
 *
 * Where two bytes may start a stem, only the stems that begin with those two bytes are
 * compared (first[] and second[]: the stems by their first and their second byte, a
 * bit each): text hits the heads all the time ("te", "de", "st", "on", "he", "re"...),
 * and comparing all 26 stems at each hit was the larger half of the anchor's cost
 * (3.9 % of the watcher's samples against 3.3 % for the vector filter, while 2,000
 * documents were put over SMB, each head searched by the cheap look).
 *
 * heads16(), first[] and second[] repeat what stems[] begins with: the unit test plants
 * every stem at random places and compares with a plain search, so a stem added here
 * without its head or its bits fails it.
 */
#include <stdint.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "detect/anchor.h"

static const char *const stems[] = {
	"crypt", "cript", "critt", "chiffr", "cifra", "schl\xc3\xbcssel", "schluessel",
	"versleutel", "locked", "\xd1\x88\xd0\xb8\xd1\x84\xd1\x80",
	/* data-theft extortion notes, which need not speak of encryption (issue 20) */
	"onion", "exfiltr", "stolen", "leak", "downloaded", "heruntergeladen", "gestohlen",
	"t\xc3\xa9l\xc3\xa9" "charg",
	"telecharg", "descargad", "robad", "rubat", "roubad", "\xd1\x81\xd0\xba\xd0\xb0\xd1\x87", "\xd1\x83\xd0\xba\xd1\x80\xd0\xb0", "tox",
	/* "encrypt" in Polish, Czech/Slovak, Turkish, Greek, Hebrew, Arabic (two), Chinese,
	 * Japanese and Korean, and the Russian "published" and "destroyed" of the notes
	 * that ask for nothing (they were a second gate, in scan's engine.c only, until
	 * there were more than 32 stems: watch's cheap look did not know them) */
	"szyfr", "\xc5\xa1ifr", "\xc5\x9fifrel",
	"\xce\xba\xcf\x81\xcf\x85\xcf\x80\xcf\x84",
	"\xd7\xa6\xd7\xa4\xd7\xa0",
	"\xd8\xaa\xd8\xb4\xd9\x81\xd9\x8a\xd8\xb1", "\xd9\x85\xd8\xb4\xd9\x81\xd8\xb1",
	"\xe5\x8a\xa0\xe5\xaf\x86", "\xe6\x9a\x97\xe5\x8f\xb7\xe5\x8c\x96",
	"\xec\x95\x94\xed\x98\xb8\xed\x99\x94",
	"\xd0\xbe\xd0\xbf\xd1\x83\xd0\xb1\xd0\xbb",
	"\xd1\x83\xd0\xbd\xd0\xb8\xd1\x87\xd1\x82\xd0\xbe\xd0\xb6",
	/* the notes that never speak of encryption (issue 20): published, copied, hacked,
	 * stolen, leaked, in the languages the stems above cover. In English "hacked" and
	 * "be publish(ed)", not "publish" and "destroy": of the 63,515 files of /usr/share
	 * up to 128 KiB, 2,489 texts have those and no other stem (licences,
	 * documentation), a third more texts asked the rules (7,349 -> 9,838), the scan's
	 * user CPU 6.7 -> 8.5 s (under load). Russian, Ukrainian: скоп(ировали/іювали), (вз)лом(ана), злам(ано) ("злом",
	 * not "взлом": the head of "взлом" is "в", Russian's commonest word); Hebrew רסם
	 * (of פרסם, to publish: יפורסם, נפרסם), גנב (to steal); Arabic نشر (to publish),
	 * تدمير (destruction), سرق (to steal); Korean 공개 (disclosure), 유출 (leak), 해킹
	 * (hacking); Greek δημοσι(εύσουμε), διαρρ(οή); Chinese 泄露, 公开, Japanese 公開,
	 * 流出, 漏洩 (leak, publish). The Russian "опубликов" became "опубл":
	 * "опубликуем" (we will publish) and the Ukrainian "опублікуємо" did not have it. */
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
_Static_assert(sizeof(stems) / sizeof(stems[0]) <= 64, "first[] and second[] have a bit per stem");

/* the stems (bit k: stems[k]) by their first byte, and by their second */
static const uint64_t first[256] = {
	['b'] = 0x0000008000000000, ['c'] = 0x000000000000001f, ['d'] = 0x0000000000084000,
	['e'] = 0x0000000000000800, ['g'] = 0x0000000000010000, ['h'] = 0x0000004000008000,
	['l'] = 0x0000000000002100, ['o'] = 0x0000000000000400, ['r'] = 0x0000000000700000,
	['s'] = 0x0000000004001060, ['t'] = 0x0000000002060000, ['v'] = 0x0000000000000080,
	[0xc5] = 0x0000000018000000, [0xce] = 0x0018000020000000, [0xd0] = 0x0000061000000000,
	[0xd1] = 0x0000012001800200, [0xd7] = 0x0000180040000000, [0xd8] = 0x0000c00080000000,
	[0xd9] = 0x0000200100000000, [0xe5] = 0x00c0000200000000, [0xe6] = 0x0320000400000000,
	[0xea] = 0x0001000000000000, [0xec] = 0x0002000800000000, [0xed] = 0x0004000000000000,
};
static const uint64_t second[256] = {
	['a'] = 0x0000004000000000, ['c'] = 0x0000000000000060, ['e'] = 0x00000080000da080,
	['h'] = 0x0000000000000008, ['i'] = 0x0000000000000010, ['n'] = 0x0000000000000400,
	['o'] = 0x0000000002504100, ['r'] = 0x0000000000000007, ['t'] = 0x0000000000001000,
	['u'] = 0x0000000000200000, ['x'] = 0x0000000000000800, ['z'] = 0x0000000004000000,
	[0x81] = 0x0000010000800000, [0x83] = 0x0000002001000000, [0x85] = 0x00c0000100000000,
	[0x86] = 0x0000200000000000, [0x88] = 0x0000000000000200, [0x8a] = 0x0000000200000000,
	[0x92] = 0x0000100000000000, [0x95] = 0x0004000800000000, [0x9a] = 0x0000000400000000,
	[0x9c] = 0x0002000000000000, [0x9f] = 0x0000000010000000, [0xa1] = 0x0000000008000000,
	[0xa6] = 0x0000000040000000, [0xa8] = 0x0000080000000000, [0xaa] = 0x0000400080000000,
	[0xb3] = 0x0021800000000000, [0xb4] = 0x0018000000000000, [0xb5] = 0x0100000000000000,
	[0xb7] = 0x0000060000000000, [0xba] = 0x0000000020000000, [0xbc] = 0x0200000000000000,
	[0xbe] = 0x0000001000000000, [0xc3] = 0x0000000000020000,
};

/* ASCII lower case, without a branch: the stems are lower case. */
static inline unsigned
fold(unsigned c)
{
	return c | ((c - 'A' < 26u) << 5);
}

/* Whether a stem starts at p[i], i + 1 < n. */
static int
stem_at(const unsigned char *p, size_t n, size_t i)
{
	for (uint64_t cand = first[fold(p[i])] & second[fold(p[i + 1])]; cand != 0; cand &= cand - 1) {
		const unsigned char *t = (const unsigned char *)stems[__builtin_ctzll(cand)];
		size_t j;
		for (j = 2; t[j] && i + j < n && fold(p[i + j]) == t[j]; j++)
			;
		if (t[j] == '\0')
			return 1;
	}
	return 0;
}

#ifdef __SSE2__
/* ASCII lower case of sixteen bytes: 'A'..'Z' moved to the bottom of the signed
 * range are the only bytes below -128 + 26 */
static inline __m128i
fold16(__m128i v)
{
	__m128i up = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8((char)(128 - 'A'))),
	    _mm_set1_epi8((char)(-128 + 26)));
	return _mm_or_si128(v, _mm_and_si128(up, _mm_set1_epi8(0x20)));
}

/*
 * The places among sixteen where a stem may start: a the (folded) bytes there, b the
 * bytes after them. The stems' distinct first two bytes, grouped by the first: each
 * byte value is compared once (24 first, 35 second), not once per pair; written out,
 * so that every constant is an immediate vector, not a table read in a loop (a loop
 * over 22 pairs was 7 instructions a pair, 154 per sixteen bytes).
 */
static inline unsigned
heads16(__m128i a, __m128i b)
{
#define A(c) _mm_cmpeq_epi8(a, _mm_set1_epi8((char)(c)))
#define B(c) _mm_cmpeq_epi8(b, _mm_set1_epi8((char)(c)))
#define OR _mm_or_si128
#define AND _mm_and_si128
	__m128i be = B('e'), bo = B('o');
	__m128i m = AND(A('c'), OR(OR(B('r'), B('i')), B('h')));
	m = OR(m, AND(A('s'), OR(OR(B('c'), B('t')), B('z'))));
	m = OR(m, AND(A('l'), OR(bo, be)));
	m = OR(m, AND(A('d'), OR(bo, be)));
	m = OR(m, AND(A('t'), OR(OR(B(0xc3), be), bo)));
	m = OR(m, AND(A('r'), OR(bo, B('u'))));
	m = OR(m, AND(OR(OR(A('v'), A('h')), OR(A('g'), A('b'))), be));
	m = OR(m, AND(A('o'), B('n')));
	m = OR(m, AND(A('e'), B('x')));
	m = OR(m, AND(A('h'), B('a')));
		/* the stems that begin with a byte above 0x7f (Cyrillic, Greek, Hebrew, Arabic,
	 * CJK, ş and š): compared only where such a byte is, so that an ASCII text, what a
	 * share mostly holds, pays one test for all of them, and only where one of their
	 * first bytes may be (0xc5-0xd9, 0xe5-0xed as signed bytes), so that a French or
	 * German text (é, ü: 0xc3; «»: 0xc2; ’ and €: 0xe2) pays a range test */
	if (_mm_movemask_epi8(a) != 0 &&
	    _mm_movemask_epi8(OR(AND(_mm_cmpgt_epi8(a, _mm_set1_epi8(-60)), _mm_cmplt_epi8(a, _mm_set1_epi8(-38))),
	        AND(_mm_cmpgt_epi8(a, _mm_set1_epi8(-28)), _mm_cmplt_epi8(a, _mm_set1_epi8(-18))))) != 0) {
		__m128i h = AND(A(0xd1), OR(OR(B(0x88), B(0x81)), B(0x83)));
		h = OR(h, AND(A(0xd0), OR(B(0xbe), B(0xb7))));
		h = OR(h, AND(A(0xc5), OR(B(0xa1), B(0x9f))));
		h = OR(h, AND(A(0xce), OR(B(0xba), B(0xb4))));
		h = OR(h, AND(A(0xd7), OR(OR(B(0xa6), B(0xa8)), B(0x92))));
		h = OR(h, AND(A(0xd8), OR(B(0xaa), B(0xb3))));
		h = OR(h, AND(A(0xd9), OR(B(0x85), B(0x86))));
		h = OR(h, AND(A(0xe5), OR(B(0x8a), B(0x85))));
		h = OR(h, AND(A(0xe6), OR(OR(B(0x9a), B(0xb3)), OR(B(0xb5), B(0xbc)))));
		h = OR(h, AND(A(0xea), B(0xb3)));
		h = OR(h, AND(A(0xec), OR(B(0x95), B(0x9c))));
		h = OR(h, AND(A(0xed), B(0x95)));
		m = OR(m, h);
	}
#undef A
#undef B
#undef OR
#undef AND
	return (unsigned)_mm_movemask_epi8(m);
}
#endif

int
rp_note_anchor(const unsigned char *p, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	for (; i + 17 <= n; i += 16) {
		__m128i a = fold16(_mm_loadu_si128((const __m128i *)(const void *)(p + i)));
		__m128i b = fold16(_mm_loadu_si128((const __m128i *)(const void *)(p + i + 1)));
		for (unsigned bits = heads16(a, b); bits != 0; bits &= bits - 1)
			if (stem_at(p, n, i + (size_t)__builtin_ctz(bits)))
				return 1;
	}
#endif
	for (; i + 1 < n; i++) {
		if ((first[fold(p[i])] & second[fold(p[i + 1])]) != 0 && stem_at(p, n, i))
			return 1;
	}
	return 0;
}
