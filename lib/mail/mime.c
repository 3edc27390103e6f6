/*
 * The GMime adapter: the only file that includes <gmime/gmime.h>. It parses one
 * message held in memory (GMime reads the caller's bytes in place: no copy) and feeds
 * the worker's sink: header fields decoded to UTF-8 (RFC 2047 in any charset GMime's
 * iconv knows, 8-bit headers read as UTF-8 else windows-1252), the text bodies
 * converted to UTF-8, every other leaf part decoded (base64, quoted-printable,
 * uuencode; damaged encodings decoded as far as they go, as mail clients do: an
 * attacker gains nothing by breaking them), attached messages entered.
 *
 * Bounds are checked before GMime sees the bytes (the top-level header's size) and
 * while walking (nesting depth): GMime itself parses a 1,000-deep multipart in
 * milliseconds, our walk stops at lim.depth and calls the message unparsable.
 * GMime needs g_mime_init() once per process: done under pthread_once and never
 * undone (GMime's own global state, not ours).
 */
#include <pthread.h>
#include <string.h>

#include <gmime/gmime.h>

#include "core/err.h"
#include "mail/internal.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static GMimeParserOptions *popts;   /* set once, read-only after */

static void
init(void)
{
	static const char *fallback[] = { "UTF-8", "windows-1252", NULL };

	g_mime_init();
	popts = g_mime_parser_options_new();
	g_mime_parser_options_set_address_compliance_mode(popts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_rfc2047_compliance_mode(popts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_parameter_compliance_mode(popts, GMIME_RFC_COMPLIANCE_LOOSE);
	g_mime_parser_options_set_fallback_charsets(popts, fallback);
}

void
mail_mime_init_once(void)
{
	pthread_once(&once, init);
}

static void
addr_list(struct mail_worker *w, enum mail_field f, InternetAddressList *l, int depth)
{
	int i, n;

	if (l == NULL || depth > 4)
		return;
	n = internet_address_list_length(l);
	for (i = 0; i < n && i < 10000; i++) {
		InternetAddress *a = internet_address_list_get_address(l, i);

		if (INTERNET_ADDRESS_IS_GROUP(a)) {
			addr_list(w, f, internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)),
			    depth + 1);
		} else if (INTERNET_ADDRESS_IS_MAILBOX(a)) {
			mail_w_addr(w, f, internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a)),
			    internet_address_get_name(a));
		}
	}
}

/* The decoded bytes of a part's content, into a new GByteArray. */
static GByteArray *
part_bytes(GMimePart *p)
{
	GMimeDataWrapper *dw = g_mime_part_get_content(p);
	GMimeStream *ms;
	GByteArray *ba;

	if (dw == NULL)
		return NULL;
	ba = g_byte_array_new();
	ms = g_mime_stream_mem_new_with_byte_array(ba);
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(ms), FALSE);
	g_mime_data_wrapper_write_to_stream(dw, ms);
	g_object_unref(ms);
	return ba;
}

static int walk(struct mail_worker *w, GMimeObject *o, int depth);

static void
message_headers(struct mail_worker *w, GMimeMessage *m)
{
	GMimeHeaderList *hl = g_mime_object_get_header_list(GMIME_OBJECT(m));
	GDateTime *dt;
	const char *s;
	int i, n;

	addr_list(w, MAIL_FROM, g_mime_message_get_from(m), 0);
	addr_list(w, MAIL_SENDER, g_mime_message_get_sender(m), 0);
	addr_list(w, MAIL_REPLY_TO, g_mime_message_get_reply_to(m), 0);
	addr_list(w, MAIL_TO, g_mime_message_get_to(m), 0);
	addr_list(w, MAIL_CC, g_mime_message_get_cc(m), 0);
	addr_list(w, MAIL_BCC, g_mime_message_get_bcc(m), 0);
	if ((s = g_mime_message_get_subject(m)) != NULL)
		mail_w_subject(w, s);
	if ((s = g_mime_message_get_message_id(m)) != NULL)
		mail_w_message_id(w, s);
	if ((s = g_mime_object_get_header(GMIME_OBJECT(m), "In-Reply-To")) != NULL) {
		char *id = g_mime_utils_decode_message_id(s);

		if (id) {
			mail_w_in_reply_to(w, id);
			g_free(id);
		}
	}
	if ((dt = g_mime_message_get_date(m)) != NULL)
		mail_w_date(w, (int64_t)g_date_time_to_unix(dt));
	n = hl ? g_mime_header_list_get_count(hl) : 0;
	for (i = 0; i < n && i < 1000; i++) {
		GMimeHeader *h = g_mime_header_list_get_header_at(hl, i);

		if (g_ascii_strcasecmp(g_mime_header_get_name(h), "Received") == 0 &&
		    (s = g_mime_header_get_raw_value(h)) != NULL)
			mail_w_received(w, s);
	}
}

static int
leaf(struct mail_worker *w, GMimePart *p)
{
	GMimeObject *o = GMIME_OBJECT(p);
	GMimeContentType *ct = g_mime_object_get_content_type(o);
	const char *disp = g_mime_object_get_disposition(o);
	const char *name = g_mime_part_get_filename(p);
	int attach = disp && g_ascii_strcasecmp(disp, "attachment") == 0;
	int text = ct && g_mime_content_type_is_type(ct, "text", "plain");
	int html = ct && g_mime_content_type_is_type(ct, "text", "html");
	char *declared = ct ? g_mime_content_type_get_mime_type(ct) : NULL;
	GByteArray *ba;

	if ((text || html) && !attach && name == NULL && GMIME_IS_TEXT_PART(p)) {
		char *t = g_mime_text_part_get_text(GMIME_TEXT_PART(p));

		if (t) {
			mail_w_text(w, html, t, strlen(t));
			g_free(t);
		}
		g_free(declared);
		return 0;
	}
	if ((ba = part_bytes(p)) != NULL) {
		unsigned fl = disp && g_ascii_strcasecmp(disp, "inline") == 0 ? RP_MAIL_ATT_INLINE : 0;

		mail_w_attachment(w, name ? name : "", declared ? declared : "", ba->data, ba->len,
		    fl);
		g_byte_array_unref(ba);
	}
	g_free(declared);
	return 0;
}

static int
walk(struct mail_worker *w, GMimeObject *o, int depth)
{
	if (o == NULL)
		return 0;
	if (depth > w->sh->lim.depth) {
		mail_w_fail(w, "MIME parts nested deeper than the bound");
		return -1;
	}
	if (GMIME_IS_MULTIPART(o)) {
		GMimeMultipart *mp = GMIME_MULTIPART(o);
		int i, n = g_mime_multipart_get_count(mp);

		for (i = 0; i < n; i++)
			if (walk(w, g_mime_multipart_get_part(mp, i), depth + 1) != 0)
				return -1;
		return 0;
	}
	if (GMIME_IS_MESSAGE_PART(o)) {
		GMimeMessage *m = g_mime_message_part_get_message(GMIME_MESSAGE_PART(o));
		const char *name = g_mime_object_get_content_disposition_parameter(o, "filename");
		GMimeStream *ms;
		GByteArray *ba;
		int r;

		if (m == NULL)
			return 0;
		if (name == NULL)
			name = g_mime_message_get_subject(m);
		if (name == NULL || *name == '\0')
			name = "message.eml";
		/* the attached message as a whole: its hash is what a client would save */
		ba = g_byte_array_new();
		ms = g_mime_stream_mem_new_with_byte_array(ba);
		g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(ms), FALSE);
		g_mime_object_write_to_stream(GMIME_OBJECT(m), NULL, ms);
		g_object_unref(ms);
		mail_w_attachment(w, name, "message/rfc822", ba->data, ba->len, RP_MAIL_ATT_MESSAGE);
		g_byte_array_unref(ba);
		mail_w_enter(w, name);
		r = walk(w, g_mime_message_get_mime_part(m), depth + 1);
		mail_w_leave(w);
		return r;
	}
	if (GMIME_IS_PART(o))
		return leaf(w, GMIME_PART(o));
	return 0;
}

/* Length of the top-level header: up to the first empty line. */
static size_t
header_len(const char *d, size_t len)
{
	const char *p = d, *end = d + len;

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));

		if (nl == NULL)
			return len;
		if (nl == p || (nl == p + 1 && p[0] == '\r'))
			return (size_t)(p - d);
		p = nl + 1;
	}
	return len;
}

void
mail_mime_parse(struct mail_worker *w, const char *data, size_t len)
{
	GByteArray *ba = NULL;
	GMimeStream *st = NULL;
	GMimeParser *ps = NULL;
	GMimeMessage *m = NULL;

	mail_mime_init_once();
	if (header_len(data, len) > w->sh->lim.header) {
		mail_w_fail(w, "header larger than the bound (1 MiB by default)");
		return;
	}
	/* GMime reads our bytes in place: the array borrows them and gives them back */
	ba = g_byte_array_new_take((guint8 *)(uintptr_t)data, len);
	st = g_mime_stream_mem_new_with_byte_array(ba);
	g_mime_stream_mem_set_owner(GMIME_STREAM_MEM(st), FALSE);
	ps = g_mime_parser_new_with_stream(st);
	g_mime_parser_set_format(ps, GMIME_FORMAT_MESSAGE);
	m = g_mime_parser_construct_message(ps, popts);
	if (m == NULL) {
		mail_w_fail(w, "not a MIME message (no header GMime could read)");
		goto out;
	}
	message_headers(w, m);
	walk(w, g_mime_message_get_mime_part(m), 0);
out:
	if (m)
		g_object_unref(m);
	if (ps)
		g_object_unref(ps);
	if (st)
		g_object_unref(st);
	if (ba) {
		gsize n;

		/* the data is ours again: steal it back so that free() is not called on it */
		(void)g_byte_array_steal(ba, &n);
		g_byte_array_unref(ba);
	}
}
