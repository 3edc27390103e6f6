/*
 * The mail scan: walks the stores, recognises each file by its content, splits mbox
 * files, reads PSTs through libpst, hands each message to a worker (GMime parse, then
 * the checks of worker.c and attach.c) and reports through the callbacks in store
 * order. Files are opened with rp_open_evidence (O_NOATIME, O_NOFOLLOW, O_NONBLOCK)
 * and read with pread: nothing read has any of its times changed.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "core/file.h"
#include "core/time.h"
#include "detect/yara.h"
#include "fs/walk.h"
#include "mail/internal.h"

#define HEAD 65536
#define RULES_MAX (1u << 20)
#define MBOX_CHUNK (1u << 20)
#define SLOTS_PER_THREAD 8
#define SLOT_KEEP (1u << 20)      /* a slot's message buffer kept up to this size */

/* a message handed to a worker, and what came back */
struct job {
	struct mail_worker w;
	struct rp_buf data;          /* the message's bytes */
	struct rp_mail_loc loc;
	char *store;                 /* owned copy of loc.store */
	char *folder;
	int64_t date_fallback;
	uint64_t size;
	int over;                    /* larger than the bound: unparsable */
	int busy;                    /* given to the worker, not yet emitted */
	int state;                   /* under the scan's mu: 0 idle, 1 posted, 2 done, 3 taken */
};

struct rp_mail_scan {
	struct mail_shared sh;
	struct rp_mail_cb cb;
	void *ctx;
	struct rp_mail_stats st;
	struct rp_buf clam_status;
	struct job *jobs;
	int njobs;
	int next;                    /* the job slot the next message takes */
	int threads;                 /* jobs run on threads (-j 2 or more) */
	int want;                    /* the worker threads asked for */
	/* with -j N: N threads started once take the posted slots in order, whichever
	 * thread is free, and the reader reports the slots in order. SLOTS_PER_THREAD
	 * slots a thread: with one, a message with an attachment held its slot, the
	 * reader waited for it, and the other thread got only the plain messages up to
	 * the next attachment, so attachments were scanned one at a time (-j 2 no faster
	 * than -j 1 on the bench's tree, an attachment every fifth message); with 8 the
	 * reader runs 16 messages ahead at -j 2 */
	pthread_t *th;
	int nth;
	pthread_mutex_t mu;          /* guards every job's state, take, quit */
	pthread_cond_t posted, done;
	int take;                    /* the slot the next free thread takes */
	int quit;
	int stop_rc;                 /* a callback asked to stop */
	/* the walk */
	const char *root;
	struct rp_buf head, rd;
};

const char *
rp_mail_verdict_name(enum rp_mail_verdict v)
{
	static const char *const n[] = { "clean", "suspicious", "malicious" };

	return (unsigned)v < 3 ? n[v] : "?";
}

const char *
rp_mail_store_kind_name(enum rp_mail_store_kind k)
{
	static const char *const n[] = { "maildir", "eml", "mbox", "pst" };

	return (unsigned)k < 4 ? n[k] : "?";
}

static void *job_thread(void *arg);

/* Starts the worker threads (s->want of them). No thread at all: the jobs run in this
 * thread (the slots stay); fewer than asked take the slots all the same. */
static void
workers_start(struct rp_mail_scan *s)
{
	for (int k = s->nth; k < s->want && pthread_create(&s->th[k], NULL, job_thread, s) == 0; k++)
		s->nth++;
	if (s->nth == 0)
		s->threads = 0;
}

/* Ends the worker threads once the jobs posted are taken (drain first to have them
 * all reported): after it this thread is the process's only one. */
static void
workers_stop(struct rp_mail_scan *s)
{
	pthread_mutex_lock(&s->mu);
	s->quit = 1;
	pthread_cond_broadcast(&s->posted);
	pthread_mutex_unlock(&s->mu);
	for (int k = 0; k < s->nth; k++)
		pthread_join(s->th[k], NULL);
	s->nth = 0;
	s->quit = 0;
}

static void
limits_default(struct rp_mail_limits *l)
{
	if (!l->message) l->message = 160u << 20;
	if (!l->header) l->header = 1u << 20;
	if (!l->depth) l->depth = 32;
	if (!l->archive_depth) l->archive_depth = 4;
	if (!l->expand) l->expand = 256u << 20;
	if (!l->member) l->member = 64u << 20;
	if (!l->members) l->members = 10000;
	if (!l->text) l->text = 1u << 20;
}

static int drain(struct rp_mail_scan *s);

/* Callbacks that are not a message's come after every message before them: the
 * workers' messages are reported first (store order, whatever -j is). */
static int
warn(struct rp_mail_scan *s, const char *path, size_t pathlen, const char *msg)
{
	int r;

	if ((r = drain(s)) != 0)
		return r;
	if (s->cb.on_warning)
		return s->cb.on_warning(path, pathlen, msg, s->ctx);
	return 0;
}

void
rp_mail_scan_free(struct rp_mail_scan *s)
{
	size_t i;
	int k;

	if (s == NULL)
		return;
	if (s->th) {
		workers_stop(s);
		free(s->th);
		pthread_mutex_destroy(&s->mu);
		pthread_cond_destroy(&s->posted);
		pthread_cond_destroy(&s->done);
	}
	for (k = 0; k < s->njobs && s->jobs; k++) {
		mail_worker_release(&s->jobs[k].w);
		rp_buf_release(&s->jobs[k].data);
		free(s->jobs[k].store);
		free(s->jobs[k].folder);
	}
	free(s->jobs);
	rp_yara_rules_free(s->sh.yara);
	mail_clam_free(s->sh.clam);
	mail_bec_words_free(s->sh.bec);
	for (i = 0; i < s->sh.nown; i++)
		free(s->sh.own_ibans[i]);
	free(s->sh.own_ibans);
	rp_buf_release(&s->clam_status);
	rp_buf_release(&s->head);
	rp_buf_release(&s->rd);
	free(s);
}

int
rp_mail_scan_new(struct rp_mail_scan **out, const struct rp_mail_opts *o,
    const struct rp_mail_cb *cb, void *ctx, struct rp_buf *errmsg)
{
	struct rp_mail_scan *s;
	struct rp_buf err = RP_BUF_INIT;
	size_t i;
	int r, k;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return RP_ERR_NOMEM;
	s->sh.o = *o;
	s->sh.lim = o->lim;
	limits_default(&s->sh.lim);
	s->sh.iocs = o->iocs;
	if (cb)
		s->cb = *cb;
	s->ctx = ctx;
	rp_buf_init(&s->head, HEAD + 1);
	rp_buf_init(&s->clam_status, 4096);
	rp_buf_init(&s->rd, (size_t)s->sh.lim.message + 1);
	mail_mime_init_once();
	/* the site's own IBANs, compact */
	if (o->nown_ibans) {
		if ((s->sh.own_ibans = calloc(o->nown_ibans, sizeof(char *))) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		for (i = 0; i < o->nown_ibans; i++) {
			char c[35];

			if (!rp_mail_iban_valid(o->own_ibans[i], strlen(o->own_ibans[i]), c)) {
				rp_buf_addf(&err, "'%s' is not a valid IBAN", o->own_ibans[i]);
				r = RP_ERR_INVALID;
				goto out;
			}
			if ((s->sh.own_ibans[s->sh.nown++] = strdup(c)) == NULL) {
				r = RP_ERR_NOMEM;
				goto out;
			}
		}
	}
	if ((r = rp_yara_compile_dir(&s->sh.yara, o->data_dir, "rules/mail/", o->rules_dir,
	    &err)) != 0) {
		if (r == RP_ERR_NOTFOUND)
			rp_buf_addf(&err, "cannot read the rules directory '%s'", o->rules_dir);
		goto out;
	}
	if ((r = mail_bec_words_load(&s->sh.bec, o->data_dir)) != 0) {
		rp_buf_addstr(&err, "cannot load the bank-detail wording (mail/bec.txt)");
		goto out;
	}
	if (o->no_clamav) {
		rp_buf_addstr(&s->clam_status, "none");
	} else if ((r = mail_clam_load(&s->sh.clam, o->clamav_db ? o->clamav_db :
	    "/var/lib/clamav", o->tmp_dir ? o->tmp_dir : "/tmp", &s->clam_status, &err)) != 0) {
		goto out;
	}
	k = o->jobs > 1 ? (o->jobs > 64 ? 64 : o->jobs) : 1;
	s->threads = k > 1;
	s->njobs = s->threads ? k * SLOTS_PER_THREAD : 1;
	if ((s->jobs = calloc((size_t)s->njobs, sizeof(*s->jobs))) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (k = 0; k < s->njobs; k++) {
		rp_buf_init(&s->jobs[k].data, (size_t)s->sh.lim.message + 1);
		if ((r = mail_worker_init(&s->jobs[k].w, &s->sh)) != 0) {
			rp_buf_addstr(&err, "cannot start a worker (libmagic or YARA)");
			goto out;
		}
	}
	if (s->threads) {
		int want = s->njobs / SLOTS_PER_THREAD;

		if ((s->th = calloc((size_t)want, sizeof(*s->th))) == NULL) {
			r = RP_ERR_NOMEM;
			goto out;
		}
		pthread_mutex_init(&s->mu, NULL);
		pthread_cond_init(&s->posted, NULL);
		pthread_cond_init(&s->done, NULL);
		s->want = want;
		workers_start(s);
	}
	*out = s;
	s = NULL;
	r = 0;
out:
	if (errmsg && err.len)
		rp_buf_add(errmsg, err.buf, err.len);
	rp_buf_release(&err);
	rp_mail_scan_free(s);
	return r;
}

const struct rp_mail_stats *
rp_mail_scan_stats(const struct rp_mail_scan *s)
{
	return &s->st;
}

const char *
rp_mail_scan_clamav(const struct rp_mail_scan *s)
{
	return s->clam_status.len ? s->clam_status.buf : "none";
}

/* ---- one message ---- */

static void
analyse(struct job *j)
{
	struct mail_worker *w = &j->w;

	mail_worker_begin(w, &j->loc, j->size);
	if (j->over) {
		mail_w_fail(w, "message larger than the bound (160 MiB by default)");
		return;
	}
	mail_mime_parse(w, j->data.buf, j->data.len);
	mail_worker_finish(w);
}

/* Reports a finished job (on the scan's thread, in order). */
static int
emit(struct rp_mail_scan *s, struct job *j)
{
	struct mail_worker *w = &j->w;
	struct rp_mail_msg *m = &w->msg;
	int r = 0;

	s->st.bytes += j->size;
	if (w->fail) {
		struct rp_mail_unparsable u = { m->loc, j->size, w->fail };

		s->st.unparsable++;
		if (s->cb.on_unparsable)
			r = s->cb.on_unparsable(&u, s->ctx);
		return r;
	}
	if (m->date == RP_TIME_UNSET)
		m->date = j->date_fallback;
	if ((s->sh.o.since != RP_TIME_UNSET && (m->date == RP_TIME_UNSET || m->date < s->sh.o.since)) ||
	    (s->sh.o.until != RP_TIME_UNSET && (m->date == RP_TIME_UNSET || m->date > s->sh.o.until)) ||
	    !mail_worker_involves(w)) {
		s->st.filtered++;
		return 0;
	}
	s->st.messages++;
	s->st.verdicts[m->verdict]++;
	if (s->cb.on_message && (r = s->cb.on_message(m, s->ctx)) != 0)
		return r;
	if (m->bec_iban) {
		struct rp_mail_bec b = { m, w->bec_iban, "", w->bec_phrase ? w->bec_phrase : "",
			w->bec_lang ? w->bec_lang : "" };
		char cc[3] = { w->bec_iban[0], w->bec_iban[1], 0 };

		b.country = cc;
		s->st.bec++;
		if (s->cb.on_bec && (r = s->cb.on_bec(&b, s->ctx)) != 0)
			return r;
	}
	return 0;
}

/* A worker thread: takes the posted slots in the order they were posted. */
static void *
job_thread(void *arg)
{
	struct rp_mail_scan *s = arg;

	pthread_mutex_lock(&s->mu);
	for (;;) {
		struct job *j = &s->jobs[s->take];

		while (j->state != 1 && !s->quit) {
			pthread_cond_wait(&s->posted, &s->mu);
			j = &s->jobs[s->take];
		}
		if (j->state != 1)
			break;
		j->state = 3;
		s->take = (s->take + 1) % s->njobs;
		pthread_mutex_unlock(&s->mu);
		analyse(j);
		pthread_mutex_lock(&s->mu);
		j->state = 2;
		/* the reader waits for one slot at a time, in order */
		pthread_cond_broadcast(&s->done);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

/* Waits for slot k's job (if any) and reports it. */
static int
settle(struct rp_mail_scan *s, int k)
{
	struct job *j = &s->jobs[k];

	if (!j->busy)
		return 0;
	if (s->threads) {
		pthread_mutex_lock(&s->mu);
		while (j->state != 2)
			pthread_cond_wait(&s->done, &s->mu);
		j->state = 0;
		pthread_mutex_unlock(&s->mu);
	}
	j->busy = 0;
	return emit(s, j);
}

/* Reports every job still out, in order. */
static int
drain(struct rp_mail_scan *s)
{
	int k, r = 0, r2;

	for (k = 0; k < s->njobs; k++) {
		int slot = (s->next + k) % s->njobs;

		if ((r2 = settle(s, slot)) != 0 && r == 0)
			r = r2;
	}
	return r;
}

/* The slot for the next message: its previous job reported first (in order). */
static struct job *
take(struct rp_mail_scan *s, int *rc)
{
	struct job *j;

	*rc = settle(s, s->next);
	j = &s->jobs[s->next];
	/* with many slots, each holding the largest message it ever read would add up:
	 * a large message's buffer goes once the message is reported */
	if (j->data.alloc > SLOT_KEEP)
		rp_buf_release(&j->data);
	else
		rp_buf_reset(&j->data);
	j->over = 0;
	return j;
}

static int
submit(struct rp_mail_scan *s, struct job *j, const struct rp_mail_loc *loc, uint64_t size,
    int64_t fallback)
{
	free(j->store);
	free(j->folder);
	j->store = strndup(loc->store, loc->storelen);
	j->folder = strdup(loc->folder ? loc->folder : "");
	if (j->store == NULL || j->folder == NULL)
		return RP_ERR_NOMEM;
	j->loc = *loc;
	j->loc.store = j->store;
	j->loc.folder = j->folder;
	j->size = size;
	j->date_fallback = fallback;
	j->busy = 1;
	s->next = (s->next + 1) % s->njobs;
	if (s->threads) {
		pthread_mutex_lock(&s->mu);
		j->state = 1;
		pthread_cond_signal(&s->posted);
		pthread_mutex_unlock(&s->mu);
		return 0;
	}
	analyse(j);
	return settle(s, (int)(j - s->jobs));
}

/* ---- stores ---- */

struct mboxctx {
	struct rp_mail_scan *s;
	struct rp_mail_loc loc;
	uint64_t index;
	int rc;
};

static int
on_mbox_msg(void *ctx, uint64_t off, const char *from, size_t fromlen, const char *data,
    size_t len, int over)
{
	struct mboxctx *c = ctx;
	struct rp_mail_scan *s = c->s;
	struct job *j;
	char line[1100];
	int64_t t = RP_TIME_UNSET;
	int r;

	if (s->stop_rc)
		return s->stop_rc;
	snprintf(line, sizeof(line), "From %.*s", (int)(fromlen > 1000 ? 1000 : fromlen), from);
	mail_mbox_is_from(line, strlen(line), &t);
	j = take(s, &r);
	if (r != 0)
		return s->stop_rc = r;
	if (rp_buf_add(&j->data, data, len) != 0)
		return RP_ERR_NOMEM;
	j->over = over;
	c->loc.offset = off;
	c->loc.index = ++c->index;
	if ((r = submit(s, j, &c->loc, len, t)) != 0)
		s->stop_rc = r;
	return r;
}

static int
read_mbox(struct rp_mail_scan *s, int fd, const struct rp_mail_loc *loc)
{
	struct mail_mbox mb;
	struct mboxctx c = { s, *loc, 0, 0 };
	off_t off = 0;
	int r = 0;

	mail_mbox_init(&mb, s->sh.lim.message);
	mb.on_msg = on_mbox_msg;
	mb.ctx = &c;
	if ((r = rp_buf_grow(&s->rd, MBOX_CHUNK)) != 0)
		goto out;
	for (;;) {
		ssize_t n = rp_pread_full(fd, s->rd.buf, MBOX_CHUNK, off);

		if (n < 0) {
			r = warn(s, loc->store, loc->storelen, "read error in the middle of the mbox");
			break;
		}
		if (n == 0)
			break;
		if ((r = mail_mbox_feed(&mb, s->rd.buf, (size_t)n)) != 0)
			break;
		off += n;
	}
	if (r == 0)
		r = mail_mbox_end(&mb);
out:
	mail_mbox_release(&mb);
	return r;
}

static int
read_whole(struct rp_mail_scan *s, int fd, struct rp_buf *b, uint64_t size)
{
	ssize_t n;

	rp_buf_reset(b);
	if (rp_buf_grow(b, (size_t)size + 1) != 0)
		return RP_ERR_NOMEM;
	n = rp_pread_full(fd, b->buf, (size_t)size, 0);
	if (n < 0)
		return RP_ERR_SYSTEM;
	b->len = (size_t)n;
	b->buf[b->len] = '\0';
	return 0;
}

static int
on_rule(void *ctx, const struct rp_mail_rule *r)
{
	struct rp_mail_scan *s = ctx;

	s->st.rules++;
	return s->cb.on_rule ? s->cb.on_rule(r, s->ctx) : 0;
}

static int
read_rules(struct rp_mail_scan *s, int fd, enum mail_file_kind k, const char *path,
    size_t pathlen, uint64_t size)
{
	struct mail_rule_sink sink = { on_rule, s, s->sh.o.domains, s->sh.o.ndomains, path, pathlen };
	int r;

	if ((r = drain(s)) != 0)
		return r;
	if (size > RULES_MAX)
		return warn(s, path, pathlen, "mailbox rules file larger than 1 MiB: not read");
	if ((r = read_whole(s, fd, &s->rd, size)) != 0)
		return warn(s, path, pathlen, "cannot read the mailbox rules file");
	switch (k) {
	case MAIL_F_SIEVE: return mail_rules_sieve(s->rd.buf, s->rd.len, &sink);
	case MAIL_F_FORWARD: return mail_rules_forward(s->rd.buf, s->rd.len, &sink);
	case MAIL_F_PROCMAIL: return mail_rules_procmail(s->rd.buf, s->rd.len, &sink);
	case MAIL_F_EXCHANGE_CSV: return mail_rules_exchange_csv(s->rd.buf, s->rd.len, &sink);
	case MAIL_F_EXCHANGE_JSON:
		if (mail_rules_exchange_json(s->rd.buf, s->rd.len, &sink) == RP_ERR_FORMAT)
			return warn(s, path, pathlen, "not valid JSON: the inbox rules were not read");
		return 0;
	default: return 0;
	}
}

struct pstctx {
	struct rp_mail_scan *s;
};

static int
on_pst_msg(struct mail_worker *w, void *ctx)
{
	struct pstctx *c = ctx;

	/* PST messages are built on this thread in slot 0's worker (libpst's file is
	 * not shared between threads) and reported at once */
	return emit(c->s, (struct job *)(void *)((char *)w - offsetof(struct job, w)));
}

/* The Maildir folder of a message file "ROOT/.../FOLDER/cur/NAME", or NULL. */
static const char *
maildir_folder(const char *root, const char *path, size_t pathlen, char *out, size_t n)
{
	const char *slash = memrchr(path, '/', pathlen), *p2;
	size_t rl = strlen(root);

	if (slash == NULL || slash == path)
		return NULL;
	p2 = memrchr(path, '/', (size_t)(slash - path));
	if (p2 == NULL)
		return NULL;
	if (!((slash - p2 == 4) && (memcmp(p2 + 1, "cur", 3) == 0 || memcmp(p2 + 1, "new", 3) == 0 ||
	    memcmp(p2 + 1, "tmp", 3) == 0)))
		return NULL;
	while (rl > 1 && root[rl - 1] == '/')
		rl--;
	if ((size_t)(p2 - path) <= rl || memcmp(path, root, rl) != 0) {
		snprintf(out, n, "%s", "");
		return out;
	}
	snprintf(out, n, "%.*s", (int)(p2 - path - (ptrdiff_t)rl - 1), path + rl + 1);
	return out;
}

static int
on_entry(const struct rp_walk_entry *e, void *ctx)
{
	struct rp_mail_scan *s = ctx;
	struct rp_mail_loc loc;
	enum mail_file_kind k;
	struct stat st;
	ssize_t n;
	int fd, noatime = 1, r = 0;
	char folder[1024];

	if (s->stop_rc)
		return s->stop_rc;
	if (e->kind == RP_WALK_ERROR) {
		char msg[300];

		snprintf(msg, sizeof(msg), "cannot read: %s%s%s", e->what ? e->what : "error",
		    e->sys_errno ? ": " : "", e->sys_errno ? strerror(e->sys_errno) : "");
		return warn(s, e->path, e->pathlen, msg);
	}
	if (e->kind != RP_WALK_FILE)
		return 0;
	fd = rp_open_evidence(e->dirfd, e->name, 0, s->sh.o.allow_atime, &noatime);
	if (fd < 0) {
		if (fd == RP_ERR_PERM)
			return warn(s, e->path, e->pathlen, "not read: reading it would change its "
			    "access time (O_NOATIME refused: not the owner)");
		return warn(s, e->path, e->pathlen, "cannot open it");
	}
	if (!noatime)
		s->st.noatime_refused++;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return 0;
	}
	n = rp_pread_full(fd, s->head.buf, HEAD, 0);   /* grown to HEAD by rp_mail_scan_run */
	if (n < 0) {
		close(fd);
		return warn(s, e->path, e->pathlen, "cannot read it");
	}
	k = mail_sniff(s->head.buf, (size_t)n, e->name);
	memset(&loc, 0, sizeof(loc));
	loc.store = e->path;
	loc.storelen = e->pathlen;
	loc.folder = "";
	switch (k) {
	case MAIL_F_OTHER:
		s->st.files_other++;
		break;
	case MAIL_F_MESSAGE: {
		struct job *j;
		const char *f = maildir_folder(s->root, e->path, e->pathlen, folder, sizeof(folder));

		loc.kind = f ? RP_MAIL_STORE_MAILDIR : RP_MAIL_STORE_EML;
		loc.folder = f ? f : "";
		s->st.stores++;
		if (s->cb.on_store && ((r = drain(s)) != 0 ||
		    (r = s->cb.on_store(e->path, e->pathlen, loc.kind, s->ctx)) != 0))
			break;
		j = take(s, &r);
		if (r != 0)
			break;
		if ((uint64_t)st.st_size > s->sh.lim.message)
			j->over = 1;
		else if (read_whole(s, fd, &j->data, (uint64_t)st.st_size) != 0) {
			r = warn(s, e->path, e->pathlen, "cannot read it");
			break;
		}
		r = submit(s, j, &loc, (uint64_t)st.st_size, st.st_mtim.tv_sec);
		break;
	}
	case MAIL_F_MBOX:
		loc.kind = RP_MAIL_STORE_MBOX;
		s->st.stores++;
		if (s->cb.on_store && ((r = drain(s)) != 0 ||
		    (r = s->cb.on_store(e->path, e->pathlen, loc.kind, s->ctx)) != 0))
			break;
		r = read_mbox(s, fd, &loc);
		break;
	case MAIL_F_PST: {
		struct pstctx c = { s };
		const char *why = NULL;

		loc.kind = RP_MAIL_STORE_PST;
		s->st.stores++;
		/* libpst's items are built here, one at a time: the workers first finish */
		if ((r = drain(s)) != 0)
			break;
		if (s->cb.on_store && (r = s->cb.on_store(e->path, e->pathlen, loc.kind, s->ctx)) != 0)
			break;
		/* mail_pst_read forks: with a worker thread alive, the child could inherit
		 * a lock that thread held (ASan's allocator did, and the child hung): the
		 * workers end first and start again after */
		if (s->threads)
			workers_stop(s);
		r = mail_pst_read(fd, e->path, e->pathlen, &s->jobs[0].w, on_pst_msg, &c, &why);
		if (s->threads)
			workers_start(s);
		if (r == RP_ERR_FORMAT || r == RP_ERR_UNSUPPORTED) {
			struct rp_mail_unparsable u = { loc, (uint64_t)st.st_size,
				why ? why : "not a PST file libpst can read" };

			s->st.unparsable++;
			r = s->cb.on_unparsable ? s->cb.on_unparsable(&u, s->ctx) : 0;
		}
		break;
	}
	default:
		s->st.stores++;
		r = read_rules(s, fd, k, e->path, e->pathlen, (uint64_t)st.st_size);
		break;
	}
	close(fd);
	if (r != 0 && s->stop_rc == 0)
		s->stop_rc = r;
	return r;
}

int
rp_mail_scan_run(struct rp_mail_scan *s, const char *const *paths, size_t npaths)
{
	struct rp_walk_opts wo = { 0 };
	size_t i;
	int r, first = 0;

	wo.cross_mounts = s->sh.o.cross_mounts;
	wo.allow_atime = s->sh.o.allow_atime;
	if (rp_buf_grow(&s->head, HEAD) != 0)
		return RP_ERR_NOMEM;
	for (i = 0; i < npaths && s->stop_rc == 0; i++) {
		s->root = paths[i];
		r = rp_walk(paths[i], &wo, on_entry, s, NULL);
		/* the root's messages are reported before the next root starts */
		{
			int d = drain(s);

			if (d != 0 && s->stop_rc == 0)
				s->stop_rc = d;
		}
		if (s->stop_rc)
			return s->stop_rc;
		if (r != 0) {
			char msg[200];

			snprintf(msg, sizeof(msg), "cannot read this store: %s", rp_strerror(r));
			warn(s, paths[i], strlen(paths[i]), msg);
			if (first == 0)
				first = r;
		}
	}
	return s->stop_rc ? s->stop_rc : first;
}
