/*
 * Encoders that turn byte strings (paths are bytes: any name a filesystem allows,
 * newlines and invalid UTF-8 included) into text for each output format.
 * All append to a struct rp_buf and return 0 or an RP_ERR_* code. Thread-safe.
 */
#ifndef RP_ESCAPE_H
#define RP_ESCAPE_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if the bytes there are not one.
 * Inline: the tree scan asks it of every lead byte of a random window (analyse_region),
 * where the call and its saved registers cost more than the test. */
static inline size_t
rp_utf8_seq(const unsigned char *s, size_t len)
{
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return len >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (len < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && s[1] < 0xa0)          /* overlong */
			return 0;
		if (c == 0xed && s[1] >= 0xa0)         /* UTF-16 surrogates */
			return 0;
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (len < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && s[1] < 0x90)          /* overlong */
			return 0;
		if (c == 0xf4 && s[1] >= 0x90)         /* beyond U+10FFFF */
			return 0;
		return 4;
	}
	return 0;
}

int rp_utf8_valid(const void *s, size_t len);

/* For people: printable UTF-8 stays as is; \\ \n \t \r and other controls, DEL and
 * bytes of invalid UTF-8 become C escapes (\n, \x1b, \xe9), so every name is one line. */
int rp_esc_text(struct rp_buf *b, const void *s, size_t len);

/* The inside of a JSON string (no quotes). Invalid UTF-8 bytes become U+FFFD and
 * *lossy is set to 1 (callers then add the exact bytes as a "..._hex" field). */
int rp_esc_json(struct rp_buf *b, const void *s, size_t len, int *lossy);

/* A quoted JSON string of a C string known to be valid UTF-8 (messages, enums). */
int rp_json_str(struct rp_buf *b, const char *s);

/* A member after the first of an object: ,"KEY":"V", or ,"KEY":null when V is NULL
 * (an optional field). KEY is a literal that needs no escaping; V as rp_json_str. */
int rp_json_kv(struct rp_buf *b, const char *key, const char *v);
/* Members of a JSON object for writers: `"key":` (nothing when key is NULL; key is a
 * name of ours, not escaped) then s as a JSON string, null when s is NULL (invalid
 * UTF-8 becomes U+FFFD); and then the time t in UTC ISO 8601, null for RP_TIME_UNSET. */
int rp_json_kstr(struct rp_buf *b, const char *key, const char *s);
int rp_json_ktime(struct rp_buf *b, const char *key, int64_t t);

/* One RFC 4180 CSV field: the text escape above, then quotes when needed. A field
 * that would start with = + - @ gets a leading ' so that a spreadsheet opening the
 * file never evaluates a hostile file name as a formula (OWASP CSV injection). */
int rp_esc_csv(struct rp_buf *b, const void *s, size_t len);

/* Lowercase hexadecimal of the bytes. */
int rp_hex(struct rp_buf *b, const void *s, size_t len);

/* HTML text and attribute values (inside double quotes): & < > " ' become entities;
 * controls other than newline and tab, and bytes of invalid UTF-8, become U+FFFD. */
int rp_esc_html(struct rp_buf *b, const void *s, size_t len);

/* Markdown inline text (CommonMark): the characters that start emphasis, code, links,
 * HTML, entities or table cells are backslash-escaped, and so is what would start a
 * block at the beginning of a line ("# ", "- ", "1. ", ">", a line of ---); newlines
 * become spaces; controls and invalid UTF-8 become U+FFFD. */
int rp_esc_md(struct rp_buf *b, const void *s, size_t len);

/* One RFC 4180 field of text that must come back as it was when a spreadsheet reads
 * it and riposte imports it again (the risk register): UTF-8 kept as is, newlines kept
 * inside the quotes; bytes of invalid UTF-8 and controls other than newline, tab and
 * CR become U+FFFD. The formula guard of rp_esc_csv, made reversible: a field that starts
 * with = + - @ tab or CR, or with quote marks (') followed by one of them, gets one
 * more ' in front; rp_csv_unguard takes exactly that one off. */
int rp_esc_csv_data(struct rp_buf *b, const void *s, size_t len);
/* The field without the formula guard that rp_esc_csv_data adds (a pointer into s). */
const char *rp_csv_unguard(const char *s);

#endif
