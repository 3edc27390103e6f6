/* The harden engine: runs the checks in catalogue order (see harden.h). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "harden/checks.h"

struct rp_harden {
	struct rp_hroot root;
	struct rp_harden_opts o;
	char *backup_path;
	char *proc;
};

int
rp_h_find(struct rp_hrun *run, const char *id, int sev, const char *measure,
    const char *file, unsigned line, const char *fmt, ...)
{
	const struct rp_hcheck *c = rp_harden_check(id);
	struct rp_hfinding f;
	va_list ap;
	int r;

	if (run->stop)
		return run->stop;
	if (c == NULL)
		return run->stop = RP_ERR_INTERNAL;
	rp_buf_reset(&run->scratch);
	va_start(ap, fmt);
	r = rp_buf_vaddf(&run->scratch, fmt, ap);
	va_end(ap);
	if (r != 0)
		return run->stop = r;
	f.id = c->id;
	f.severity = sev < 0 ? c->severity : (enum rp_hsev)sev;
	f.file = file;
	f.line = line;
	f.evidence = run->scratch.buf;
	f.measure = measure ? measure : c->measure;
	f.reference = c->reference;
	if (run->cb->on_finding)
		run->stop = run->cb->on_finding(&f, run->ctx);
	return run->stop;
}

int
rp_h_note(struct rp_hrun *run, const char *file, unsigned line, const char *fmt, ...)
{
	struct rp_buf b = RP_BUF_INIT;
	va_list ap;
	int r;

	if (run->stop || run->cb->on_note == NULL)
		return run->stop;
	va_start(ap, fmt);
	r = rp_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	if (r != 0)
		run->stop = r;
	else
		run->stop = run->cb->on_note(file, line, b.buf, run->ctx);
	rp_buf_release(&b);
	return run->stop;
}

int
rp_h_skip(struct rp_hrun *run, const char *id, const char *reason)
{
	if (run->stop)
		return run->stop;
	if (run->cb->on_not_checked)
		run->stop = run->cb->on_not_checked(id, reason, run->ctx);
	return run->stop;
}

int
rp_h_wieq(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ' || *a == '\t')
			a++;
		while (*b == ' ' || *b == '\t')
			b++;
		if (*a == '\0' || *b == '\0')
			return *a == *b;
		if ((*a | ((*a >= 'A' && *a <= 'Z') ? 0x20 : 0)) !=
		    (*b | ((*b >= 'A' && *b <= 'Z') ? 0x20 : 0)))
			return 0;
		a++;
		b++;
	}
}

int
rp_h_next_line(const char **p, const char *end, const char **line, size_t *len)
{
	const char *q;

	if (*p >= end)
		return 0;
	*line = *p;
	q = memchr(*p, '\n', (size_t)(end - *p));
	if (q == NULL) {
		*len = (size_t)(end - *p);
		*p = end;
	} else {
		*len = (size_t)(q - *p);
		*p = q + 1;
	}
	return 1;
}

void
rp_h_trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t' || **s == '\r')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' || (*s)[*n - 1] == '\r'))
		(*n)--;
}

int
rp_harden_run_root(const struct rp_hroot *root, const struct rp_harden_opts *o,
    const struct rp_harden_cb *cb, void *ctx)
{
	static int (*const checks[])(struct rp_hrun *) = {
		rp_h_samba, rp_h_sshd, rp_h_accounts, rp_h_sudo, rp_h_journald, rp_h_backup,
		rp_h_apt, rp_h_net, rp_h_timesync,
	};
	struct rp_hrun run;
	size_t i;
	int r = 0;

	memset(&run, 0, sizeof(run));
	run.root = root;
	run.live = o->live;
	run.backup_path = o->backup_path;
	run.proc = o->proc ? o->proc : "/proc";
	run.cb = cb;
	run.ctx = ctx;
	rp_buf_init(&run.scratch, 0);
	for (i = 0; i < sizeof(checks) / sizeof(checks[0]); i++) {
		r = checks[i](&run);
		if (r == 0)
			r = run.stop;
		if (r != 0)
			break;
	}
	rp_buf_release(&run.scratch);
	return r;
}

int
rp_harden_new(struct rp_harden **out, const struct rp_harden_opts *o)
{
	struct rp_harden *h;
	const char *root = o->root && *o->root ? o->root : "/";
	int r;

	*out = NULL;
	if (o->live && strcmp(root, "/") != 0)
		return RP_ERR_INVALID;
	if ((h = calloc(1, sizeof(*h))) == NULL)
		return RP_ERR_NOMEM;
	h->root.fd = -1;
	if ((r = rp_hroot_open(&h->root, root)) != 0)
		goto fail;
	h->o = *o;
	if (o->backup_path && (h->backup_path = strdup(o->backup_path)) == NULL)
		goto nomem;
	if ((h->proc = strdup(o->proc ? o->proc : "/proc")) == NULL)
		goto nomem;
	h->o.backup_path = h->backup_path;
	h->o.proc = h->proc;
	h->o.root = NULL;
	*out = h;
	return 0;
nomem:
	r = RP_ERR_NOMEM;
fail:
	rp_harden_free(h);
	return r;
}

int
rp_harden_run(struct rp_harden *h, const struct rp_harden_cb *cb, void *ctx)
{
	return rp_harden_run_root(&h->root, &h->o, cb, ctx);
}

void
rp_harden_free(struct rp_harden *h)
{
	if (h == NULL)
		return;
	rp_hroot_close(&h->root);
	free(h->backup_path);
	free(h->proc);
	free(h);
}
