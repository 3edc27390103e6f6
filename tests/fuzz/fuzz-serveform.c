/* Fuzzes what riposte serve reads from a browser and from the journal: the input is at
 * once a URL-encoded form (a POST body, a query), a request target, a Cookie header, and
 * the data of a journal entry (watch's alert JSON, a checklist tick). Whatever it is:
 * no crash, no read past a bound, and what is accepted keeps the parsers' promises
 * (decoded text is UTF-8 without controls, a path has no "." or ".." segment, a cookie
 * fits its buffer, an escaped value carries no template marker). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "case/journal.h"
#include "core/buf.h"
#include "core/data.h"
#include "core/escape.h"
#include "serve/form.h"
#include "serve/serve-int.h"
#include "serve/standing.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
text_ok(const char *s, size_t len, int lines)
{
	size_t i;

	if (!rp_utf8_valid(s, len))
		abort();
	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] < 0x20 && !(lines && strchr("\t\r\n", s[i]))) || s[i] == 0x7f)
			abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rp_buf checklist = RP_BUF_INIT;
	char *s = malloc(size + 1), cookie[65];
	struct rp_buf path = RP_BUF_INIT;
	struct rp_standing st;
	struct sn_alert a;
	struct rp_form f;
	const char *q;
	size_t i;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (rp_form_parse(s, size, &f) == 0) {
		for (i = 0; i < f.n; i++) {
			text_ok(f.v[i].name, strlen(f.v[i].name), 0);
			text_ok(f.v[i].value, f.v[i].value_len, 1);
			if (strlen(f.v[i].name) > RP_FORM_MAX_NAME)
				abort();
		}
		rp_form_release(&f);
	}
	if (rp_target_split(s, &path, &q) == 0) {
		text_ok(path.buf, path.len, 0);
		if (path.buf[0] != '/' || strstr(path.buf, "/../") || strstr(path.buf, "/./") ||
		    strstr(path.buf, "//") || path.len > RP_PATH_MAX)
			abort();
		if (q && (q < s || q > s + size))
			abort();
	}
	if (rp_cookie_get(s, "riposte", cookie, sizeof(cookie)) == 0 && strlen(cookie) >= sizeof(cookie))
		abort();
	if (alert_parse(s, &a) == 0)
		alert_release(&a);
	/* any value escaped for a page: no control byte but a line's, so none of the
	 * template's markers (\001) can come from a value (serve-int.h) */
	rp_buf_reset(&path);
	if (rp_esc_html(&path, s, size) == 0)
		for (i = 0; i < path.len; i++)
			if ((unsigned char)path.buf[i] < 0x20 && path.buf[i] != '\n' && path.buf[i] != '\t')
				abort();
	rp_buf_reset(&path);
	if (checklist.len == 0 && rp_data_load(NULL, "serve/checklist.ini", &checklist) != 0)
		abort();
	if (rp_standing_init(&st, checklist.buf, checklist.len) == 0) {
		struct rp_journal_entry e = { 1, 1, "check", "x", "t", s, "", "" };

		rp_standing_feed(&st, &e);
		e.kind = "notify";
		rp_standing_feed(&st, &e);
		e.kind = "attach";
		rp_standing_feed(&st, &e);
		rp_standing_release(&st);
	}
	rp_buf_release(&path);
	free(s);
	return 0;
}
