/* riposte risk: the register as people and scripts read it. */
#include <string.h>

#include "cli.h"
#include "cmd-risk.h"
#include "core/escape.h"
#include "core/time.h"

static int
text(struct rp_buf *b, const char *s)
{
	return rp_esc_text(b, s ? s : "-", strlen(s ? s : "-"));
}

/* Display columns of escaped UTF-8 text. */
static size_t
cols(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

static int
padded(struct rp_buf *b, const char *s, size_t width)
{
	struct rp_buf t = RP_BUF_INIT;
	size_t n;
	int r;

	if ((r = text(&t, s)) == 0 && (r = rp_buf_add(b, t.buf, t.len)) == 0)
		for (n = cols(t.buf); n < width + 2 && r == 0; n++)
			r = rp_buf_addch(b, ' ');
	rp_buf_release(&t);
	return r;
}

static size_t
width(const struct rp_register *reg, size_t n, int field)
{
	struct rp_buf t = RP_BUF_INIT;
	size_t i, w = field == 0 ? 5 : field == 1 ? 6 : 5;

	for (i = 0; i < n; i++) {
		const char *s = field == 0 ? reg->v[i].asset : field == 1 ? reg->v[i].threat :
		    reg->v[i].owner;

		rp_buf_reset(&t);
		text(&t, s);
		if (cols(t.buf) > w)
			w = cols(t.buf);
	}
	rp_buf_release(&t);
	return w;
}

static int
raised_text(struct rp_buf *b, const struct rp_risk *w, const char *indent)
{
	int r;

	if (w->raised == NULL)
		return 0;
	if ((r = rp_buf_addf(b, "%sraised ", indent)) != 0 ||
	    (w->raised_at != RP_TIME_UNSET && ((r = rp_time_fmt_local(b, w->raised_at)) != 0 ||
	    (r = rp_buf_addch(b, ' ')) != 0)) ||
	    (r = rp_buf_addstr(b, "by ")) != 0 || (r = text(b, w->raised_source)) != 0 ||
	    (r = rp_buf_addstr(b, ": ")) != 0 || (r = text(b, w->raised)) != 0)
		return r;
	return rp_buf_addch(b, '\n');
}

static int
list_text(const struct rp_register *reg, size_t n, struct rp_buf *b)
{
	size_t i, wa = width(reg, n, 0), wt = width(reg, n, 1), wo = width(reg, n, 2);
	int r;

	if ((r = rp_buf_addstr(b, "rank  score  V L I  ")) != 0 || (r = padded(b, "asset", wa)) != 0 ||
	    (r = padded(b, "threat", wt)) != 0 || (r = padded(b, "owner", wo)) != 0 ||
	    (r = rp_buf_addstr(b, "measure\n")) != 0)
		return r;
	for (i = 0; i < n; i++) {
		const struct rp_risk *w = &reg->v[i];

		if ((r = rp_buf_addf(b, "%4zu  %5d  %d %d %d  ", w->rank, w->score, w->value,
		    w->likelihood, w->impact)) != 0 || (r = padded(b, w->asset, wa)) != 0 ||
		    (r = padded(b, w->threat, wt)) != 0 || (r = padded(b, w->owner, wo)) != 0 ||
		    (r = text(b, w->measure)) != 0 || (r = rp_buf_addch(b, '\n')) != 0 ||
		    (r = raised_text(b, w, "      ")) != 0)
			return r;
	}
	return 0;
}

static int
top_text(const struct rp_register *reg, size_t n, struct rp_buf *b)
{
	size_t i;
	int r;

	if ((r = rp_buf_addf(b, "Secure first: the %zu highest of %zu risks (score = value x "
	    "likelihood x impact)\n", n, reg->n)) != 0)
		return r;
	for (i = 0; i < n; i++) {
		const struct rp_risk *w = &reg->v[i];

		if ((r = rp_buf_addf(b, "\n%zu. ", w->rank)) != 0 || (r = text(b, w->asset)) != 0 ||
		    (r = rp_buf_addstr(b, " / ")) != 0 || (r = text(b, w->threat)) != 0 ||
		    (r = rp_buf_addf(b, ": score %d (value %d x likelihood %d x impact %d)\n",
		    w->score, w->value, w->likelihood, w->impact)) != 0 ||
		    (r = rp_buf_addstr(b, "   measure: ")) != 0 ||
		    (r = text(b, w->measure ? w->measure : "none recorded: decide one")) != 0 ||
		    (r = rp_buf_addstr(b, "\n   owner:   ")) != 0 ||
		    (r = text(b, w->owner ? w->owner : "nobody yet")) != 0 ||
		    (r = rp_buf_addch(b, '\n')) != 0 || (r = raised_text(b, w, "   ")) != 0)
			return r;
	}
	return 0;
}

static int
list_jsonl(const struct rp_register *reg, size_t n, struct rp_buf *b)
{
	size_t i, raised = 0, bare = 0;
	int r;

	for (i = 0; i < n; i++) {
		const struct rp_risk *w = &reg->v[i];

		if ((r = rp_buf_addf(b, "{\"kind\":\"risk\",\"rank\":%zu", w->rank)) != 0 ||
		    (r = rp_json_kv(b, "asset", w->asset)) != 0 || (r = rp_json_kv(b, "threat", w->threat)) != 0 ||
		    (r = rp_buf_addf(b, ",\"value\":%d,\"likelihood\":%d,\"impact\":%d,\"score\":%d",
		    w->value, w->likelihood, w->impact, w->score)) != 0 ||
		    (r = rp_json_kv(b, "measure", w->measure)) != 0 || (r = rp_json_kv(b, "owner", w->owner)) != 0)
			return r;
		if (w->raised == NULL)
			r = rp_buf_addstr(b, ",\"raised\":null}\n");
		else if ((r = rp_buf_addstr(b, ",\"raised\":{\"reason\":")) == 0 &&
		    (r = rp_json_str(b, w->raised)) == 0 &&
		    (r = rp_json_kv(b, "source", w->raised_source)) == 0 &&
		    (r = rp_buf_addstr(b, ",\"time\":\"")) == 0 &&
		    (r = rp_time_fmt_utc(b, w->raised_at)) == 0)
			r = rp_buf_addstr(b, "\"}}\n");
		if (r != 0)
			return r;
	}
	for (i = 0; i < reg->n; i++)
		raised += reg->v[i].raised != NULL;
	for (i = 0; i < reg->nassets; i++)
		bare += reg->assets[i].nrisks == 0;
	return rp_buf_addf(b, "{\"kind\":\"summary\",\"risks\":%zu,\"listed\":%zu,\"assets\":%zu,"
	    "\"assets_without_threat\":%zu,\"raised\":%zu,\"top_score\":%d}\n", reg->n, n,
	    reg->nassets, bare, raised, reg->n ? reg->v[0].score : 0);
}

static int
csv_field(struct rp_buf *b, const char *s, int last)
{
	int r;

	if (s && (r = rp_esc_csv_data(b, s, strlen(s))) != 0)
		return r;
	return rp_buf_addstr(b, last ? "\r\n" : ",");
}

static int
list_csv(const struct rp_register *reg, size_t n, struct rp_buf *b)
{
	struct rp_buf t = RP_BUF_INIT;
	size_t i;
	int r;

	if ((r = rp_buf_addstr(b, "rank,score,asset,threat,value,likelihood,impact,measure,owner,"
	    "raised,raised_source,raised_at\r\n")) != 0)
		return r;
	for (i = 0; i < n && r == 0; i++) {
		const struct rp_risk *w = &reg->v[i];

		rp_buf_reset(&t);
		if (w->raised_at != RP_TIME_UNSET)
			rp_time_fmt_utc(&t, w->raised_at);
		if ((r = rp_buf_addf(b, "%zu,%d,", w->rank, w->score)) != 0 ||
		    (r = csv_field(b, w->asset, 0)) != 0 || (r = csv_field(b, w->threat, 0)) != 0 ||
		    (r = rp_buf_addf(b, "%d,%d,%d,", w->value, w->likelihood, w->impact)) != 0 ||
		    (r = csv_field(b, w->measure, 0)) != 0 || (r = csv_field(b, w->owner, 0)) != 0 ||
		    (r = csv_field(b, w->raised, 0)) != 0 || (r = csv_field(b, w->raised_source, 0)) != 0)
			break;
		r = csv_field(b, t.len ? t.buf : NULL, 1);
	}
	rp_buf_release(&t);
	return r;
}

int
rp_risk_out_list(const struct rp_register *reg, int fmt, size_t top, struct rp_buf *out)
{
	size_t n = top && top < reg->n ? top : reg->n;

	switch (fmt) {
	case RP_FMT_JSONL: return list_jsonl(reg, n, out);
	case RP_FMT_CSV:   return list_csv(reg, n, out);
	default:
		if (reg->n == 0)
			return rp_buf_addstr(out, "the register is empty: start with 'riposte risk "
			    "init' or 'riposte risk import FILE.csv'\n");
		if (top)
			return top_text(reg, n, out);
		{
			size_t i, raised = 0, bare = 0;
			int r;

			if ((r = list_text(reg, n, out)) != 0)
				return r;
			for (i = 0; i < reg->n; i++)
				raised += reg->v[i].raised != NULL;
			for (i = 0; i < reg->nassets; i++)
				bare += reg->assets[i].nrisks == 0;
			return rp_buf_addf(out, "%zu risks on %zu assets (%zu without a threat "
			    "assessed), %zu raised by incidents or drills; top score %d\n", reg->n,
			    reg->nassets, bare, raised, reg->v[0].score);
		}
	}
}

int
rp_risk_out_journal(const struct rp_risk_entry *e, int fmt, struct rp_buf *b)
{
	int r;

	if (fmt == RP_FMT_JSONL) {
		if ((r = rp_buf_addf(b, "{\"kind\":\"risk-change\",\"id\":%lld,\"time\":\"",
		    (long long)e->id)) != 0 || (r = rp_time_fmt_utc(b, e->time)) != 0 ||
		    (r = rp_buf_addch(b, '"')) != 0 || (r = rp_json_kv(b, "actor", e->actor)) != 0 ||
		    (r = rp_json_kv(b, "action", e->action)) != 0 || (r = rp_json_kv(b, "asset", e->asset)) != 0 ||
		    (r = rp_json_kv(b, "threat", e->threat)) != 0 || (r = rp_json_kv(b, "source", e->source)) != 0 ||
		    (r = rp_json_kv(b, "text", e->text)) != 0 || (r = rp_buf_addstr(b, ",\"data\":")) != 0 ||
		    (r = rp_buf_addstr(b, e->data ? e->data : "null")) != 0)
			return r;
		return rp_buf_addstr(b, "}\n");
	}
	if ((r = rp_time_fmt_local(b, e->time)) != 0 || (r = rp_buf_addch(b, ' ')) != 0 ||
	    (r = padded(b, e->actor, 10)) != 0 || (r = padded(b, e->action, 6)) != 0 ||
	    (r = text(b, e->text)) != 0)
		return r;
	return rp_buf_addch(b, '\n');
}
