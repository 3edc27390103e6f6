/* The MACB timeline and the TSK body format. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "forensic/timeline.h"

void
rp_timeline_init(struct rp_timeline *t)
{
	memset(t, 0, sizeof(*t));
}

void
rp_timeline_release(struct rp_timeline *t)
{
	free(t->v);
	rp_timeline_init(t);
}

static int
push(struct rp_timeline *t, const struct rp_tl_event *e)
{
	int r;

	if ((r = RP_ARRAY_GROW(&t->v, &t->cap, t->n + 1, RP_ARRAY_MAX_DEFAULT)) != 0)
		return r;
	t->v[t->n++] = *e;
	return 0;
}

static int
in_window(int64_t x, int64_t since, int64_t until)
{
	return (since == RP_TIME_UNSET || x >= since) && (until == RP_TIME_UNSET || x <= until);
}

int
rp_timeline_add_files(struct rp_timeline *t, const struct rp_fset *set, size_t root,
    int64_t since, int64_t until)
{
	size_t i;
	int r, k, j;

	for (i = 0; i < set->n; i++) {
		const struct rp_fentry *f = set->v[i];
		int64_t tm[4] = { f->mtime, f->atime, f->ctime, f->btime };
		int have[4] = { 1, 1, 1, f->has_btime };

		for (k = 0; k < 4; k++) {
			struct rp_tl_event e = { tm[k], 0, root, f, NULL };
			int dup = 0;

			if (!have[k])
				continue;
			for (j = 0; j < k; j++)
				if (have[j] && tm[j] == tm[k])
					dup = 1;
			if (dup || !in_window(tm[k], since, until))
				continue;
			for (j = k; j < 4; j++)
				if (have[j] && tm[j] == tm[k])
					e.macb |= 1u << j;
			if ((r = push(t, &e)) != 0)
				return r;
		}
	}
	return 0;
}

int
rp_timeline_add_log(struct rp_timeline *t, const struct rp_log_event *ev, int64_t since,
    int64_t until)
{
	struct rp_tl_event e = { ev->time, 0, 0, NULL, ev };

	if (!in_window(ev->time, since, until))
		return 0;
	return push(t, &e);
}

static int
cmp_event(const void *a, const void *b)
{
	const struct rp_tl_event *x = a, *y = b;
	size_t n;
	int c;

	if (x->time != y->time)
		return x->time < y->time ? -1 : 1;
	if ((x->f == NULL) != (y->f == NULL))
		return x->f == NULL ? 1 : -1;
	if (x->f == NULL)
		return x->log < y->log ? -1 : x->log > y->log;   /* input order */
	if (x->root != y->root)
		return x->root < y->root ? -1 : 1;
	n = x->f->pathlen < y->f->pathlen ? x->f->pathlen : y->f->pathlen;
	if ((c = memcmp(x->f->path, y->f->path, n)) != 0)
		return c;
	return x->f->pathlen < y->f->pathlen ? -1 : x->f->pathlen > y->f->pathlen;
}

void
rp_timeline_sort(struct rp_timeline *t)
{
	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), cmp_event);
}

void
rp_tl_flags(unsigned macb, char out[5])
{
	out[0] = (macb & RP_TL_M) ? 'm' : '.';
	out[1] = (macb & RP_TL_A) ? 'a' : '.';
	out[2] = (macb & RP_TL_C) ? 'c' : '.';
	out[3] = (macb & RP_TL_B) ? 'b' : '.';
	out[4] = '\0';
}

void
rp_tsk_mode(uint32_t m, char out[13])
{
	const char *rwx = "rwxrwxrwx";
	char t;
	int i;

	t = S_ISREG(m) ? 'r' : S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISFIFO(m) ? 'p' :
	    S_ISSOCK(m) ? 'h' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' : '-';
	out[0] = t;
	out[1] = '/';
	out[2] = t;
	for (i = 0; i < 9; i++)
		out[3 + i] = (m & (0400u >> i)) ? rwx[i] : '-';
	if (m & S_ISUID)
		out[5] = (m & S_IXUSR) ? 's' : 'S';
	if (m & S_ISGID)
		out[8] = (m & S_IXGRP) ? 's' : 'S';
	if (m & S_ISVTX)
		out[11] = (m & S_IXOTH) ? 't' : 'T';
	out[12] = '\0';
}

int
rp_body_name(struct rp_buf *b, const char *s, size_t len)
{
	size_t start = b->len, i;
	struct rp_buf tmp = RP_BUF_INIT;
	int r;

	if ((r = rp_esc_text(&tmp, s, len)) != 0)
		goto out;
	for (i = 0; i < tmp.len && r == 0; i++)
		r = tmp.buf[i] == '|' ? rp_buf_add(b, "\\x7c", 4) : rp_buf_addch(b, tmp.buf[i]);
	if (r != 0)
		rp_buf_setlen(b, start);
out:
	rp_buf_release(&tmp);
	return r;
}

int
rp_body_line(struct rp_buf *b, const char *prefix, const struct rp_fentry *f)
{
	struct rp_buf name = RP_BUF_INIT;
	char mode[13];
	int r;

	rp_tsk_mode(f->mode, mode);
	if ((r = rp_buf_addstr(&name, prefix)) != 0 ||
	    (name.len > 0 && name.buf[name.len - 1] != '/' && (r = rp_buf_addch(&name, '/')) != 0) ||
	    (r = rp_buf_add(&name, f->path, f->pathlen)) != 0 ||
	    (r = rp_buf_add(b, "0|", 2)) != 0 ||
	    (r = rp_body_name(b, name.buf, name.len)) != 0)
		goto out;
	r = rp_buf_addf(b, "|%llu|%s|%u|%u|%llu|%lld|%lld|%lld|%lld\n",
	    (unsigned long long)f->ino, mode, f->uid, f->gid, (unsigned long long)f->size,
	    (long long)f->atime, (long long)f->mtime, (long long)f->ctime,
	    (long long)(f->has_btime ? f->btime : 0));
out:
	rp_buf_release(&name);
	return r;
}
