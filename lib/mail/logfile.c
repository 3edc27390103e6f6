/*
 * Log and export files as evidence (see logfile.h). Three stages: the source (a file
 * descriptor or memory), gzip when the file starts with its magic (lib/mail/gz.c), and
 * UTF-16 to UTF-8 when the content starts with a UTF-16 byte-order mark; the decoded
 * bytes land in one buffer that lines are cut from without copying.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/err.h"
#include "core/file.h"
#include "mail/gz.h"
#include "mail/logfile.h"

#define LF_CHUNK        ((size_t)64 << 10)
#define LF_DEFAULT_LINE ((size_t)64 << 10)
#define LF_HEAD         4096
#define LF_BOMB_RATIO   1000
#define LF_BOMB_SLACK   ((uint64_t)64 << 20)

struct rp_logfile {
	int fd;                        /* -1 for memory */
	const unsigned char *mem;
	size_t memlen, mempos;
	int64_t mtime;
	uint64_t size;                 /* of the file as stored (compressed) */
	int noatime, gzip;
	int utf16;                     /* 0, 1 little-endian, 2 big-endian */
	struct rp_gz *gz;
	unsigned char *zin;            /* compressed bytes read, not yet inflated */
	size_t zin_pos, zin_len;
	int src_eof;
	uint64_t out_total;            /* bytes out of gzip: the bomb bound */
	unsigned char pre[2];          /* the first two content bytes, before the BOM check */
	size_t npre;
	unsigned char carry[3];        /* UTF-16: an odd byte, or a high surrogate's two */
	size_t ncarry;
	char *dec;                     /* decoded bytes: [pos, len) unread */
	size_t pos, len, cap;
	int dec_eof;                   /* the decoded stream has ended */
	int err;                       /* why the content ended early (rp_logfile_error) */
	int err_errno;
	size_t max_line;
	size_t lineno;
};

static int
src_read(struct rp_logfile *f, unsigned char *buf, size_t len, size_t *got)
{
	ssize_t n;

	*got = 0;
	if (f->fd < 0) {
		size_t m = f->memlen - f->mempos;

		if (m > len)
			m = len;
		memcpy(buf, f->mem + f->mempos, m);
		f->mempos += m;
		*got = m;
		return 0;
	}
	do
		n = read(f->fd, buf, len);
	while (n < 0 && errno == EINTR);
	if (n < 0)
		return RP_ERR_SYSTEM;
	*got = (size_t)n;
	return 0;
}

/* Stage two: the content, inflated when gzip. */
static int
content_read(struct rp_logfile *f, unsigned char *buf, size_t len, size_t *got)
{
	int r;

	if (!f->gzip)
		return src_read(f, buf, len, got);
	*got = 0;
	for (;;) {
		const unsigned char *in = f->zin + f->zin_pos;
		size_t inlen = f->zin_len - f->zin_pos, n = 0;

		if (inlen == 0 && !f->src_eof) {
			f->zin_pos = f->zin_len = 0;
			if ((r = src_read(f, f->zin, LF_CHUNK, &f->zin_len)) != 0)
				return r;
			if (f->zin_len == 0)
				f->src_eof = 1;
			continue;
		}
		if (inlen == 0)
			return rp_gz_finish(f->gz);   /* the end: complete, or cut short */
		r = rp_gz_inflate(f->gz, &in, &inlen, buf, len, &n);
		f->zin_pos = f->zin_len - inlen;
		if (r < 0)
			return r;
		if (n > 0) {
			f->out_total += n;
			if (f->out_total > f->size * LF_BOMB_RATIO + LF_BOMB_SLACK)
				return RP_ERR_TOOBIG;
			*got = n;
			return 0;
		}
		if (r == 1)
			return 0;   /* the stream ended; what follows is not gzip */
	}
}

static size_t
put_utf8(char *o, uint32_t cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* UTF-16 code units of in (with the carry before them) into UTF-8 at out, which has
 * room for 2 * (ncarry + n) bytes; returns the bytes written. */
static size_t
utf16_to_8(struct rp_logfile *f, const unsigned char *in, size_t n, char *out)
{
	size_t o = 0, i = 0;

	for (;;) {
		unsigned char u[2];
		uint32_t cu;

		/* the next code unit, from the carry first */
		if (f->ncarry == 1 || f->ncarry == 3) {
			if (i == n)
				break;
			u[0] = f->carry[f->ncarry - 1];
			u[1] = in[i++];
			f->ncarry--;
		} else {
			if (n - i < 2) {
				if (i < n)
					f->carry[f->ncarry++] = in[i++];
				break;
			}
			u[0] = in[i];
			u[1] = in[i + 1];
			i += 2;
		}
		cu = f->utf16 == 1 ? (uint32_t)u[0] | (uint32_t)u[1] << 8 :
		    (uint32_t)u[0] << 8 | u[1];
		if (f->ncarry == 2) {   /* a high surrogate waits for its low half */
			uint32_t hi = f->utf16 == 1 ? (uint32_t)f->carry[0] | (uint32_t)f->carry[1] << 8 :
			    (uint32_t)f->carry[0] << 8 | f->carry[1];

			f->ncarry = 0;
			if (cu >= 0xdc00 && cu <= 0xdfff) {
				o += put_utf8(out + o, 0x10000 + ((hi - 0xd800) << 10) + (cu - 0xdc00));
				continue;
			}
			o += put_utf8(out + o, 0xfffd);
		}
		if (cu >= 0xd800 && cu <= 0xdbff) {
			f->carry[0] = u[0];
			f->carry[1] = u[1];
			f->ncarry = 2;
			continue;
		}
		o += put_utf8(out + o, cu >= 0xdc00 && cu <= 0xdfff ? 0xfffd : cu);
	}
	return o;
}

/* Tops up the decoded buffer: moves the unread bytes to the front and reads more.
 * 1 read some, 0 at the end, or an error (kept, and given once). */
static int
fill(struct rp_logfile *f)
{
	unsigned char tmp[LF_CHUNK];
	size_t room, got = 0;
	int r;

	if (f->dec_eof)
		return 0;
	if (f->pos > 0) {
		memmove(f->dec, f->dec + f->pos, f->len - f->pos);
		f->len -= f->pos;
		f->pos = 0;
	}
	room = f->cap - f->len;
	if (room == 0)
		return RP_ERR_TOOBIG;
	if (f->npre > 0) {   /* the two bytes read for the byte-order mark check */
		got = f->npre < room ? f->npre : room;
		memcpy(f->dec + f->len, f->pre, got);
		memmove(f->pre, f->pre + got, f->npre - got);
		f->npre -= got;
		f->len += got;
		return 1;
	}
	if (!f->utf16) {
		r = content_read(f, (unsigned char *)f->dec + f->len, room, &got);
		f->len += got;
	} else {
		size_t want = room / 2 > sizeof(tmp) ? sizeof(tmp) : room / 2;

		if (want < 8)
			return 1;   /* the caller consumes first */
		want -= 4;      /* the carry's output */
		r = content_read(f, tmp, want, &got);
		f->len += utf16_to_8(f, tmp, got, f->dec + f->len);
		if (r == 0 && got == 0 && f->ncarry > 0) {
			f->len += put_utf8(f->dec + f->len, 0xfffd);
			f->ncarry = 0;
		}
	}
	if (r != 0) {   /* the content ends here; rp_logfile_error says why */
		f->dec_eof = 1;
		f->err = r;
		f->err_errno = errno;
		return got > 0 ? 1 : 0;
	}
	if (got == 0) {
		f->dec_eof = 1;
		return 0;
	}
	return 1;
}

/* Reads the first two content bytes: a UTF-16 byte-order mark switches to UTF-16. */
static int
sniff(struct rp_logfile *f)
{
	size_t got;
	int r;

	f->npre = 0;
	while (f->npre < 2) {
		if ((r = content_read(f, f->pre + f->npre, 2 - f->npre, &got)) != 0) {
			f->err = r;   /* damaged from the start: said when read */
			f->err_errno = errno;
			f->dec_eof = 1;
			break;
		}
		if (got == 0)
			break;
		f->npre += got;
	}
	f->utf16 = 0;
	if (f->npre == 2 && f->pre[0] == 0xff && f->pre[1] == 0xfe)
		f->utf16 = 1;
	else if (f->npre == 2 && f->pre[0] == 0xfe && f->pre[1] == 0xff)
		f->utf16 = 2;
	if (f->utf16)
		f->npre = 0;
	return 0;
}

static int
start(struct rp_logfile *f)
{
	unsigned char magic[3];
	size_t n = 0, got;
	int r;

	f->pos = f->len = 0;
	f->dec_eof = 0;
	f->err = 0;
	f->ncarry = 0;
	f->lineno = 0;
	f->out_total = 0;
	f->src_eof = 0;
	f->zin_pos = f->zin_len = 0;
	/* the gzip magic, read into the compressed buffer that gzip would use anyway */
	while (n < sizeof(magic)) {
		if ((r = src_read(f, magic + n, sizeof(magic) - n, &got)) != 0)
			return r;
		if (got == 0)
			break;
		n += got;
	}
	f->gzip = rp_gz_magic(magic, n);
	if (f->gzip) {
		if (f->gz == NULL && (r = rp_gz_new(0, &f->gz)) != 0)
			return r;
		if ((r = rp_gz_reset(f->gz)) != 0)
			return r;
		if (f->zin == NULL && (f->zin = malloc(LF_CHUNK)) == NULL)
			return RP_ERR_NOMEM;
		memcpy(f->zin, magic, n);
		f->zin_len = n;
		return sniff(f);
	}
	/* not gzip: those bytes are content */
	memcpy(f->pre, magic, n < 2 ? n : 2);
	f->npre = n < 2 ? n : 2;
	if (n == 3 || n == 2) {
		int u = (magic[0] == 0xff && magic[1] == 0xfe) ? 1 :
		    (magic[0] == 0xfe && magic[1] == 0xff) ? 2 : 0;

		f->utf16 = u;
		if (u) {
			f->npre = 0;
			if (n == 3)
				f->carry[f->ncarry++] = magic[2];
			return 0;
		}
	}
	f->utf16 = 0;
	if (n == 3) {   /* the third byte goes after the two */
		memcpy(f->dec, magic, 3);
		f->len = 3;
		f->npre = 0;
	}
	return 0;
}

static int
alloc(const struct rp_logfile_opts *o, struct rp_logfile **out)
{
	struct rp_logfile *f;

	*out = NULL;
	if ((f = calloc(1, sizeof(*f))) == NULL)
		return RP_ERR_NOMEM;
	f->fd = -1;
	f->max_line = o && o->max_line ? o->max_line : LF_DEFAULT_LINE;
	f->cap = f->max_line + LF_CHUNK;
	if ((f->dec = malloc(f->cap + 1)) == NULL) {
		free(f);
		return RP_ERR_NOMEM;
	}
	*out = f;
	return 0;
}

int
rp_logfile_open(int dirfd, const char *path, const struct rp_logfile_opts *o,
    struct rp_logfile **out)
{
	struct rp_logfile *f = NULL;
	struct stat st;
	int r;

	*out = NULL;
	if ((r = alloc(o, &f)) != 0)
		return r;
	if ((f->fd = rp_open_evidence(dirfd, path, 0, o ? o->allow_atime : 0, &f->noatime)) < 0) {
		r = f->fd;
		f->fd = -1;
		goto out;
	}
	if (fstat(f->fd, &st) != 0) {
		r = RP_ERR_SYSTEM;
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		r = RP_ERR_INVALID;
		goto out;
	}
	f->mtime = (int64_t)st.st_mtim.tv_sec;
	f->size = (uint64_t)st.st_size;
	if ((r = start(f)) != 0)
		goto out;
	*out = f;
	f = NULL;
	r = 0;
out:
	rp_logfile_free(f);
	return r;
}

int
rp_logfile_open_mem(const void *data, size_t len, const struct rp_logfile_opts *o,
    struct rp_logfile **out)
{
	struct rp_logfile *f = NULL;
	int r;

	if ((r = alloc(o, &f)) != 0)
		return r;
	f->mem = data;
	f->memlen = len;
	f->size = len;
	if ((r = start(f)) != 0) {
		rp_logfile_free(f);
		return r;
	}
	*out = f;
	return 0;
}

void
rp_logfile_free(struct rp_logfile *f)
{
	if (f == NULL)
		return;
	if (f->fd >= 0)
		close(f->fd);
	rp_gz_free(f->gz);
	free(f->zin);
	free(f->dec);
	free(f);
}

int
rp_logfile_rewind(struct rp_logfile *f)
{
	if (f->fd >= 0 && lseek(f->fd, 0, SEEK_SET) != 0)
		return RP_ERR_SYSTEM;
	f->mempos = 0;
	return start(f);
}

int
rp_logfile_head(struct rp_logfile *f, const char **p, size_t *len)
{
	int r;

	while (f->len - f->pos < LF_HEAD && !f->dec_eof)
		if ((r = fill(f)) <= 0)
			break;
	*p = f->dec + f->pos;
	*len = f->len - f->pos < LF_HEAD ? f->len - f->pos : LF_HEAD;
	return 0;
}

int
rp_logfile_read(void *ctx, char *buf, size_t len, size_t *got)
{
	struct rp_logfile *f = ctx;
	size_t n;
	int r;

	*got = 0;
	if (f->pos == f->len && (r = fill(f)) <= 0)
		return r;   /* the end, or the buffer's own error */
	n = f->len - f->pos < len ? f->len - f->pos : len;
	memcpy(buf, f->dec + f->pos, n);
	f->pos += n;
	*got = n;
	return 0;
}

int
rp_logfile_line(struct rp_logfile *f, const char **line, size_t *len)
{
	size_t scanned = 0;
	int r, skipping = 0;

	for (;;) {
		char *s = f->dec + f->pos + scanned;
		char *nl = memchr(s, '\n', f->len - f->pos - scanned);

		if (nl != NULL) {
			size_t n = (size_t)(nl - (f->dec + f->pos));
			char *l = f->dec + f->pos;

			f->pos += n + 1;
			f->lineno++;
			if (skipping)
				return RP_ERR_TOOBIG;
			if (n > 0 && l[n - 1] == '\r')
				n--;
			if (n > f->max_line)
				return RP_ERR_TOOBIG;
			l[n] = '\0';
			if (f->lineno == 1 && n >= 3 && memcmp(l, "\xef\xbb\xbf", 3) == 0) {
				l += 3;   /* a UTF-8 byte-order mark */
				n -= 3;
			}
			*line = l;
			*len = n;
			return 1;
		}
		scanned = f->len - f->pos;
		if (scanned > f->max_line) {   /* too long: forget it, look for its end */
			skipping = 1;
			f->pos = f->len;
			scanned = 0;
		}
		if ((r = fill(f)) < 0)
			return r;
		if (r == 0) {
			if (f->err != 0 || (f->pos == f->len && !skipping)) {
				f->pos = f->len;   /* a line cut by the damage is not a line */
				return 0;
			}
			/* a last line without its newline */
			f->lineno++;
			if (skipping || f->len - f->pos > f->max_line + 1) {
				f->pos = f->len;
				return RP_ERR_TOOBIG;
			}
			*line = f->dec + f->pos;
			*len = f->len - f->pos;
			if (*len > 0 && (*line)[*len - 1] == '\r')
				(*len)--;
			f->dec[f->pos + *len] = '\0';
			f->pos = f->len;
			return *len > f->max_line ? RP_ERR_TOOBIG : 1;
		}
	}
}

size_t
rp_logfile_lineno(const struct rp_logfile *f)
{
	return f->lineno;
}

int64_t
rp_logfile_mtime(const struct rp_logfile *f)
{
	return f->mtime;
}

int
rp_logfile_error(const struct rp_logfile *f)
{
	if (f->err == RP_ERR_SYSTEM)
		errno = f->err_errno;
	return f->err;
}

int
rp_logfile_gzip(const struct rp_logfile *f)
{
	return f->gzip;
}

int
rp_logfile_noatime(const struct rp_logfile *f)
{
	return f->noatime;
}
