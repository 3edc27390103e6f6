/*
 * The live part: new journal rows become events (an alert of watch, an entry of the
 * open case), kept in a ring, and every /events stream sends what it has not sent yet
 * as server-sent events. The hub thread (serve.c) polls the store once a second (the
 * journal's last row id: an indexed max(), microseconds), which is the one polling
 * there is; browsers wait on their stream, which waits on nothing (http.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/journal.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "core/json.h"
#include "serve/serve-int.h"

void
alert_release(struct sn_alert *a)
{
	free(a->exe);
	free(a->cmdline);
	free(a->result);
	free(a->client);
	free(a->user);
	free(a->path);
	free(a->files);
	memset(a, 0, sizeof(*a));
}

static int
dupstr(char **dst, const char *s)
{
	if (s == NULL)
		return 0;
	return (*dst = strdup(s)) ? 0 : RP_ERR_NOMEM;
}

static int64_t
jint(const struct rp_jv *o, const char *key)
{
	int64_t v = -1;

	rp_jv_int(rp_jv_get(o, key), &v);
	return v;
}

int
alert_parse(const char *data, struct sn_alert *a)
{
	struct rp_jdoc *doc = NULL;
	const struct rp_jv *o, *files;
	struct rp_buf f = RP_BUF_INIT;
	const char *kind, *s;
	size_t i, n;
	int r;

	memset(a, 0, sizeof(*a));
	if ((r = rp_jdoc_parse(&doc, data, strlen(data))) != 0)
		return r;
	o = rp_jdoc_root(doc);
	kind = rp_jv_str(rp_jv_get(o, "kind"));
	if (kind == NULL || (strcmp(kind, "alert") != 0 && strcmp(kind, "canary-read") != 0)) {
		rp_jdoc_free(doc);
		return RP_ERR_FORMAT;
	}
	a->canary = strcmp(kind, "canary-read") == 0;
	a->pid = jint(o, "pid");
	a->score = jint(o, "score");
	a->files_touched = jint(o, "files_touched");
	files = rp_jv_get(o, "files");
	n = rp_jv_len(files);
	for (i = 0; i < n && i < 3; i++)
		if ((s = rp_jv_str(rp_jv_at(files, i))) != NULL)
			rp_buf_addf(&f, "%s%s", f.len ? ", " : "", s);
	if (n > 3)
		rp_buf_addf(&f, ", … (%zu)", n);
	if ((r = dupstr(&a->exe, rp_jv_str(rp_jv_get(o, "exe")))) != 0 ||
	    (r = dupstr(&a->cmdline, rp_jv_str(rp_jv_get(o, "cmdline")))) != 0 ||
	    (r = dupstr(&a->result, rp_jv_str(rp_jv_get(o, "result")))) != 0 ||
	    (r = dupstr(&a->client, rp_jv_str(rp_jv_get(o, "client")))) != 0 ||
	    (r = dupstr(&a->user, rp_jv_str(rp_jv_get(o, "user")))) != 0 ||
	    (r = dupstr(&a->path, rp_jv_str(rp_jv_get(o, "path")))) != 0 ||
	    (r = dupstr(&a->files, f.len ? f.buf : NULL)) != 0)
		alert_release(a);
	rp_buf_release(&f);
	rp_jdoc_free(doc);
	return r;
}

/* {name} in tmpl replaced by value. */
static void
fill1(struct rp_buf *b, const char *tmpl, const char *name, const char *value)
{
	const char *p = strstr(tmpl, name);

	if (p == NULL) {
		rp_buf_addstr(b, tmpl);
		return;
	}
	rp_buf_add(b, tmpl, (size_t)(p - tmpl));
	rp_buf_addstr(b, value);
	rp_buf_addstr(b, p + strlen(name));
}

int
alert_line(const struct texts *t, const struct sn_alert *a, struct rp_buf *b)
{
	char num[32];
	const char *who = a->cmdline && *a->cmdline ? a->cmdline : a->exe;

	rp_buf_addf(b, "pid %lld", (long long)a->pid);
	if (who && *who)
		rp_buf_addf(b, " (%s)", who);
	if (a->canary) {
		rp_buf_addstr(b, ": ");
		rp_buf_addstr(b, a->path ? a->path : "?");
		return 0;
	}
	if (a->client && *a->client) {
		rp_buf_addstr(b, ", ");
		fill1(b, tx(t, "alert", "client"), "{who}", a->client);
	}
	rp_buf_addstr(b, ": ");
	rp_buf_addstr(b, tx(t, "alert", a->result ? a->result : "reported"));
	snprintf(num, sizeof(num), "%lld", (long long)a->score);
	rp_buf_addstr(b, ", ");
	fill1(b, tx(t, "alert", "score"), "{n}", num);
	snprintf(num, sizeof(num), "%lld", (long long)a->files_touched);
	rp_buf_addstr(b, ", ");
	fill1(b, tx(t, "alert", "files"), "{n}", num);
	return 0;
}

/* ,"key":"value" with the value's bytes JSON-escaped (bad UTF-8: U+FFFD). */
static void
jfield(struct rp_buf *b, const char *key, const char *v)
{
	int lossy = 0;

	rp_buf_addf(b, "%s\"%s\":\"", b->len > 1 ? "," : "", key);
	rp_esc_json(b, v ? v : "", v ? strlen(v) : 0, &lossy);
	rp_buf_addch(b, '"');
}

/* Adds an event to the ring (s->hub_mu held). */
static int
push(struct rp_serve *s, int64_t id, const char *type, struct rp_buf *data)
{
	struct ev *e;
	size_t len;

	if (s->nring == HUB_RING) {       /* the oldest goes */
		free(s->ring[s->ring_start].data);
		s->ring_start = (s->ring_start + 1) % HUB_RING;
		s->nring--;
		s->ring_first++;
	}
	e = &s->ring[(s->ring_start + s->nring) % HUB_RING];
	e->id = id;
	e->type = type;
	if ((e->data = rp_buf_detach(data, &len)) == NULL)
		return RP_ERR_NOMEM;
	s->nring++;
	return 0;
}

struct poll_ctx {
	struct rp_serve *s;
	int64_t open_case;
	int64_t last;
	int n;
};

static int
on_row(const struct rp_journal_row *row, void *ctx)
{
	struct poll_ctx *pc = ctx;
	struct rp_serve *s = pc->s;
	struct rp_buf b = RP_BUF_INIT, t = RP_BUF_INIT, line = RP_BUF_INIT;
	struct sn_alert a;
	char seq[32];
	int r = 0;

	pc->last = row->id;
	rp_locale_datetime(&t, &s->loc, row->e.time);
	pthread_mutex_lock(&s->hub_mu);
	if (strcmp(row->e.kind, "watch") == 0 && row->e.data && alert_parse(row->e.data, &a) == 0) {
		alert_line(&s->tx, &a, &line);
		rp_buf_addch(&b, '{');
		jfield(&b, "type", a.canary ? "canary-read" : "alert");
		jfield(&b, "title", tx(&s->tx, "alert", a.canary ? "canary-read" : "alert"));
		jfield(&b, "time", t.buf);
		jfield(&b, "line", line.buf);
		if (a.files)
			jfield(&b, "files", a.files);
		rp_buf_addch(&b, '}');
		alert_release(&a);
		if ((r = push(s, row->id, "alert", &b)) == 0)
			pc->n++;
	}
	if (r == 0 && row->case_id == pc->open_case) {
		rp_buf_reset(&b);
		snprintf(seq, sizeof(seq), "%lld", (long long)row->e.seq);
		rp_buf_addf(&b, "{\"seq\":%s", seq);
		jfield(&b, "time", t.buf);
		jfield(&b, "actor", row->e.actor);
		jfield(&b, "kind", row->e.kind);
		jfield(&b, "text", row->e.text);
		rp_buf_addch(&b, '}');
		if ((r = push(s, row->id, "journal", &b)) == 0)
			pc->n++;
	}
	pthread_mutex_unlock(&s->hub_mu);
	rp_buf_release(&b);
	rp_buf_release(&t);
	rp_buf_release(&line);
	return r;
}

int
hub_poll(struct rp_serve *s, int64_t now, int *changed)
{
	struct poll_ctx pc = { s, 0, 0, 0 };
	struct snap *sn;
	int64_t last = 0;
	int r;

	*changed = 0;
	if ((r = rp_journal_last_id(s->st, &last)) != 0)
		return r;
	if (last <= s->hub_last)
		return 0;
	*changed = 1;
	/* the open case as the pages show it (a case opened this second streams from the
	 * next snapshot on: its page is loaded anew anyway) */
	sn = snap_get(s);
	pc.open_case = sn->have_case ? sn->c.info.id : -1;
	snap_put(s, sn);
	pc.last = s->hub_last;
	/* at most a few hundred a second: a burst beyond (an import) is not worth a live
	 * line each, and the page shows it at its next load */
	r = rp_journal_tail(s->st, s->hub_last, 500, on_row, &pc);
	s->hub_last = r == 0 && pc.last < last ? last : pc.last;
	return r;
}

struct stream {
	struct rp_serve *s;
	uint64_t next;               /* the number of the next event to send */
	int64_t last_ms;             /* when it last sent something */
	int started;
};

static int
stream_fill(void *ctx, struct rp_buf *out)
{
	struct stream *st = ctx;
	struct rp_serve *s = st->s;
	const struct ev *e;
	int64_t now = rp_time_mono_ms();

	pthread_mutex_lock(&s->hub_mu);
	if (!st->started) {
		rp_buf_addstr(out, "retry: 3000\n\n");
		st->started = 1;
	}
	if (st->next < s->ring_first)
		st->next = s->ring_first;     /* fell behind: what went is gone */
	while (st->next < s->ring_first + s->nring && out->len < 32768) {
		e = &s->ring[(s->ring_start + (st->next - s->ring_first)) % HUB_RING];
		rp_buf_addf(out, "id: %lld\nevent: %s\ndata: %s\n\n", (long long)e->id, e->type, e->data);
		st->next++;
	}
	pthread_mutex_unlock(&s->hub_mu);
	if (out->len == 0 && now - st->last_ms >= STREAM_PING_MS)
		rp_buf_addstr(out, ": ping\n\n");
	if (out->len)
		st->last_ms = now;
	return 1;
}

static void
stream_release(void *ctx)
{
	struct stream *st = ctx;

	pthread_mutex_lock(&st->s->hub_mu);
	st->s->nstreams--;
	pthread_mutex_unlock(&st->s->hub_mu);
	free(st);
}

int
hub_stream(struct rp_serve *s, int64_t last_id, struct rp_http_stream *out)
{
	struct stream *st;
	size_t i;

	if ((st = calloc(1, sizeof(*st))) == NULL)
		return RP_ERR_NOMEM;
	st->s = s;
	st->last_ms = rp_time_mono_ms();
	pthread_mutex_lock(&s->hub_mu);
	if (s->nstreams >= s->max_streams) {
		pthread_mutex_unlock(&s->hub_mu);
		free(st);
		return RP_ERR_BUSY;
	}
	s->nstreams++;
	st->next = s->ring_first + s->nring;      /* from now on ... */
	if (last_id >= 0)                         /* ... or after what it had (a reconnect) */
		for (i = 0; i < s->nring; i++)
			if (s->ring[(s->ring_start + i) % HUB_RING].id > last_id) {
				st->next = s->ring_first + i;
				break;
			}
	pthread_mutex_unlock(&s->hub_mu);
	out->fill = stream_fill;
	out->release = stream_release;
	out->ctx = st;
	return 0;
}

void
hub_release(struct rp_serve *s)
{
	size_t i;

	for (i = 0; i < s->nring; i++)
		free(s->ring[(s->ring_start + i) % HUB_RING].data);
	s->nring = 0;
}
