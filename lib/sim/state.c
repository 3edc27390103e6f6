/* The restore state in DIR/.riposte-sim/state: a small line format written by
 * prepare and read by restore (and fuzzed, since a user may edit it). */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/array.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "sim/internal.h"

#define MAX_FILES 100000

void
rp_sim_state_free(struct rp_sim_state *st)
{
	size_t i;

	if (st == NULL)
		return;
	for (i = 0; i < st->nfiles; i++)
		free(st->files[i].path);
	free(st->files);
	memset(st->key, 0, sizeof(st->key));
	free(st);
}

static int
unhex(const char *s, size_t n, uint8_t *out)
{
	size_t i;
	int hi, lo;

	for (i = 0; i < n; i++) {
		hi = s[2 * i];
		lo = s[2 * i + 1];
		hi = hi >= '0' && hi <= '9' ? hi - '0' : hi >= 'a' && hi <= 'f' ? hi - 'a' + 10 : -1;
		lo = lo >= '0' && lo <= '9' ? lo - '0' : lo >= 'a' && lo <= 'f' ? lo - 'a' + 10 : -1;
		if (hi < 0 || lo < 0)
			return -1;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	return 0;
}

/* One line of the state: "word rest"; rest runs to the end of the line. */
static int
parse_line(struct rp_sim_state *st, const char *line, size_t n, int first)
{
	char *end;
	unsigned long long v;
	const char *rest;
	size_t rn;

	if (first)
		return n == 13 && memcmp(line, "riposte-sim 1", 13) == 0 ? 0 : RP_ERR_FORMAT;
	if ((rest = memchr(line, ' ', n)) == NULL)
		return RP_ERR_FORMAT;
	rest++;
	rn = n - (size_t)(rest - line);
	if (strncmp(line, "scenario ", 9) == 0) {
		if (rn == 0 || rn >= sizeof(st->scenario))
			return RP_ERR_FORMAT;
		memcpy(st->scenario, rest, rn);
		st->scenario[rn] = '\0';
	} else if (strncmp(line, "seed ", 5) == 0) {
		errno = 0;
		v = strtoull(rest, &end, 10);
		if (errno || end != rest + rn || rn == 0)
			return RP_ERR_FORMAT;
		st->seed = v;
	} else if (strncmp(line, "key ", 4) == 0) {
		if (rn != 64 || unhex(rest, 32, st->key) != 0)
			return RP_ERR_FORMAT;
	} else if (strncmp(line, "xorkey ", 7) == 0) {
		if (rn != 32 || unhex(rest, 16, st->xorkey) != 0)
			return RP_ERR_FORMAT;
	} else if (strncmp(line, "file ", 5) == 0) {
		struct rp_sim_file *f, *nf;
		const char *p;
		int r;

		if (st->nfiles >= MAX_FILES)
			return RP_ERR_TOOBIG;
		/* file SIZE SHA256 PATH */
		errno = 0;
		v = strtoull(rest, &end, 10);
		if (errno || end == rest || *end != ' ' || v > RP_SIM_MAX_FILE || rest[0] == '-')
			return RP_ERR_FORMAT;
		p = end + 1;
		if ((size_t)(p - line) + 66 > n || p[64] != ' ')
			return RP_ERR_FORMAT;
		if ((r = RP_ARRAY_GROW(&st->files, &st->capfiles, st->nfiles + 1, MAX_FILES)) != 0)
			return r;
		nf = st->files;
		f = &nf[st->nfiles];
		memset(f, 0, sizeof(*f));
		if (unhex(p, 32, f->sha) != 0)
			return RP_ERR_FORMAT;
		p += 65;
		rn = n - (size_t)(p - line);
		if (rn == 0 || memchr(p, '\0', rn) != NULL || p[0] == '/')
			return RP_ERR_FORMAT;
		if ((f->path = strndup(p, rn)) == NULL)
			return RP_ERR_NOMEM;
		f->size = v;
		f->blkoff = st->nfiles == 0 ? 0 : nf[st->nfiles - 1].blkoff +
		    (nf[st->nfiles - 1].size + RP_SIM_BLOCK - 1) / RP_SIM_BLOCK;
		st->nfiles++;
	}
	/* Unknown words are ignored: a later version may add some. */
	return 0;
}

int
rp_sim_state_parse(const char *s, size_t len, struct rp_sim_state **out)
{
	struct rp_sim_state *st = calloc(1, sizeof(*st));
	const char *p = s, *nl;
	int r = 0, first = 1;

	if (st == NULL)
		return RP_ERR_NOMEM;
	while (p < s + len) {
		nl = memchr(p, '\n', (size_t)(s + len - p));
		if (nl == NULL) {
			r = RP_ERR_FORMAT;
			break;
		}
		if ((r = parse_line(st, p, (size_t)(nl - p), first)) != 0)
			break;
		first = 0;
		p = nl + 1;
	}
	if (r == 0 && (first || st->scenario[0] == '\0'))
		r = RP_ERR_FORMAT;
	if (r != 0) {
		rp_sim_state_free(st);
		return r;
	}
	*out = st;
	return 0;
}

static int
state_write(int root, const char *rel, const struct rp_sim_state *st)
{
	struct rp_buf b = RP_BUF_INIT;
	size_t i;
	int r;

	if ((r = rp_buf_addf(&b, "riposte-sim 1\nscenario %s\nseed %" PRIu64 "\nkey ",
	    st->scenario, st->seed)) != 0 || (r = rp_hex(&b, st->key, 32)) != 0 ||
	    (r = rp_buf_addstr(&b, "\nxorkey ")) != 0 || (r = rp_hex(&b, st->xorkey, 16)) != 0 ||
	    (r = rp_buf_addch(&b, '\n')) != 0)
		goto out;
	for (i = 0; i < st->nfiles; i++) {
		if ((r = rp_buf_addf(&b, "file %" PRIu64 " ", st->files[i].size)) != 0 ||
		    (r = rp_hex(&b, st->files[i].sha, 32)) != 0 ||
		    (r = rp_buf_addf(&b, " %s\n", st->files[i].path)) != 0)
			goto out;
	}
	r = rp_sim_write_new(root, rel, b.buf, b.len);
out:
	rp_buf_release(&b);
	return r;
}

int
rp_sim_state_save(int root, const struct rp_sim_state *st)
{
	return state_write(root, RP_SIM_STATE_DIR "/state", st);
}

int
rp_sim_prepared_info(int root, struct rp_sim_prepared *p)
{
	struct rp_buf blocks = RP_BUF_INIT;
	struct rp_sim_state *st = NULL;
	size_t i;
	int r;

	memset(p, 0, sizeof(*p));
	if ((r = rp_sim_state_load(root, &st, &blocks)) != 0)
		goto out;
	/* the state names the scenario as soon as one is claimed; the progress file
	 * is there as soon as an attack started */
	if (strcmp(st->scenario, RP_SIM_PREPARED) != 0 ||
	    (r = rp_sim_exists(root, RP_SIM_STATE_DIR "/progress")) != 0) {
		r = r < 0 ? r : RP_ERR_NOTFOUND;
		goto out;
	}
	p->files = (unsigned)st->nfiles;
	p->seed = st->seed;
	for (i = 0; i < st->nfiles; i++)
		p->bytes += st->files[i].size;
out:
	rp_sim_state_free(st);
	rp_buf_release(&blocks);
	return r;
}

int
rp_sim_claim(int root, const struct rp_sim_scenario *sc)
{
	struct rp_buf blocks = RP_BUF_INIT;
	struct rp_sim_state *st = NULL;
	const char *tmp = RP_SIM_STATE_DIR "/state.new";
	int r;

	if ((r = rp_sim_state_load(root, &st, &blocks)) != 0)
		goto out;
	if (strcmp(st->scenario, RP_SIM_PREPARED) != 0) {
		r = RP_ERR_NOTFOUND;
		goto out;
	}
	snprintf(st->scenario, sizeof(st->scenario), "%s", sc->name);
	if ((r = rp_sim_unlink(root, tmp, 0)) != 0 && r != RP_ERR_NOTFOUND)
		goto out;
	if ((r = state_write(root, tmp, st)) == 0)
		r = rp_sim_rename(root, tmp, RP_SIM_STATE_DIR "/state");
out:
	rp_sim_state_free(st);
	rp_buf_release(&blocks);
	return r;
}

int
rp_sim_state_load(int root, struct rp_sim_state **out, struct rp_buf *blocks)
{
	struct rp_buf b = RP_BUF_INIT;
	struct rp_sim_state *st = NULL;
	int r;

	if ((r = rp_sim_read(root, RP_SIM_STATE_DIR "/state", &b)) != 0)
		goto out;
	if ((r = rp_sim_state_parse(b.buf, b.len, &st)) != 0)
		goto out;
	if ((r = rp_sim_read(root, RP_SIM_STATE_DIR "/blocks", blocks)) != 0)
		goto out;
	if (st->nfiles > 0) {
		struct rp_sim_file *l = &st->files[st->nfiles - 1];

		if (blocks->len != 8 * (l->blkoff + (l->size + RP_SIM_BLOCK - 1) / RP_SIM_BLOCK)) {
			r = RP_ERR_FORMAT;
			goto out;
		}
	}
	*out = st;
	st = NULL;
out:
	rp_sim_state_free(st);
	rp_buf_release(&b);
	return r;
}

int
rp_sim_journal(int root, const char *name, const char *fmt, ...)
{
	struct rp_buf rel = RP_BUF_INIT, line = RP_BUF_INIT;
	va_list ap;
	int fd = -1, r;

	va_start(ap, fmt);
	r = rp_buf_vaddf(&line, fmt, ap);
	va_end(ap);
	if (r != 0 || (r = rp_buf_addf(&rel, RP_SIM_STATE_DIR "/%s", name)) != 0)
		goto out;
	if ((fd = rp_sim_open(root, rel.buf, O_WRONLY | O_APPEND | O_CREAT, 0600)) < 0) {
		r = fd;
		goto out;
	}
	r = rp_write_all(fd, line.buf, line.len);
	if (r == 0 && fdatasync(fd) != 0)
		r = RP_ERR_SYSTEM;
out:
	if (fd >= 0)
		close(fd);
	rp_buf_release(&rel);
	rp_buf_release(&line);
	return r;
}
