/* The OpenSSL adapter for SHA-256 (EVP): see sha256.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "core/err.h"
#include "core/sha256.h"

#define DEFAULT_BUF ((size_t)64 << 10)

int
rp_sha256_init(struct rp_sha256 *h)
{
	EVP_MD_CTX *c;

	h->evp = NULL;
	if ((c = EVP_MD_CTX_new()) == NULL)
		return RP_ERR_CRYPTO;
	if (EVP_DigestInit_ex(c, EVP_sha256(), NULL) != 1) {
		EVP_MD_CTX_free(c);
		return RP_ERR_CRYPTO;
	}
	h->evp = c;
	return 0;
}

int
rp_sha256_update(struct rp_sha256 *h, const void *data, size_t len)
{
	if (h->evp == NULL)
		return RP_ERR_INTERNAL;
	if (len == 0)
		return 0;
	return EVP_DigestUpdate(h->evp, data, len) == 1 ? 0 : RP_ERR_CRYPTO;
}

void
rp_sha256_release(struct rp_sha256 *h)
{
	if (h == NULL)
		return;
	EVP_MD_CTX_free(h->evp);
	h->evp = NULL;
}

int
rp_sha256_final(struct rp_sha256 *h, unsigned char out[RP_SHA256_LEN])
{
	unsigned int n = 0;
	int r = RP_ERR_INTERNAL;

	if (h->evp == NULL)
		return r;
	r = EVP_DigestFinal_ex(h->evp, out, &n) == 1 && n == RP_SHA256_LEN ? 0 : RP_ERR_CRYPTO;
	rp_sha256_release(h);
	return r;
}

static void
to_hex(const unsigned char md[RP_SHA256_LEN], char out[RP_SHA256_HEX_LEN])
{
	static const char hx[] = "0123456789abcdef";
	int i;

	for (i = 0; i < RP_SHA256_LEN; i++) {
		out[2 * i] = hx[md[i] >> 4];
		out[2 * i + 1] = hx[md[i] & 15];
	}
	out[2 * RP_SHA256_LEN] = '\0';
}

int
rp_sha256_final_hex(struct rp_sha256 *h, char out[RP_SHA256_HEX_LEN])
{
	unsigned char md[RP_SHA256_LEN];
	int r;

	if ((r = rp_sha256_final(h, md)) == 0)
		to_hex(md, out);
	return r;
}

int
rp_sha256_mem(const void *data, size_t len, unsigned char out[RP_SHA256_LEN])
{
	unsigned int n = 0;

	if (EVP_Digest(data, len, out, &n, EVP_sha256(), NULL) != 1 || n != RP_SHA256_LEN)
		return RP_ERR_CRYPTO;
	return 0;
}

int
rp_sha256_hex(const void *data, size_t len, char out[RP_SHA256_HEX_LEN])
{
	unsigned char md[RP_SHA256_LEN];
	int r;

	if ((r = rp_sha256_mem(data, len, md)) == 0)
		to_hex(md, out);
	return r;
}

int
rp_sha256_fd(int fd, struct rp_sha256_read *rd, unsigned char out[RP_SHA256_LEN])
{
	struct rp_sha256_read dflt = { 0 };
	struct rp_sha256 h = RP_SHA256_INIT;
	void *own = NULL, *buf;
	size_t bufsz;
	uint64_t off = 0;
	int r, e;

	if (rd == NULL)
		rd = &dflt;
	rd->nread = 0;
	buf = rd->buf;
	bufsz = rd->bufsz;
	if (buf == NULL || bufsz == 0) {
		if ((own = malloc(DEFAULT_BUF)) == NULL)
			return RP_ERR_NOMEM;
		buf = own;
		bufsz = DEFAULT_BUF;
	}
	if ((r = rp_sha256_init(&h)) != 0)
		goto out;
	for (;;) {
		ssize_t n = pread(fd, buf, bufsz, (off_t)off);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			r = RP_ERR_SYSTEM;
			goto out;
		}
		if (n == 0)
			break;
		if ((r = rp_sha256_update(&h, buf, (size_t)n)) != 0)
			goto out;
		if (rd->each != NULL)
			rd->each(rd->arg, off, buf, (size_t)n);
		off += (uint64_t)n;
		if ((size_t)n < bufsz && rd->size != 0 && off == rd->size)
			break;
	}
	if ((r = rp_sha256_final(&h, out)) != 0)
		goto out;
	rd->nread = off;
out:
	/* errno of a failed read survives the clean-up */
	e = errno;
	rp_sha256_release(&h);
	free(own);
	errno = e;
	return r;
}

int
rp_sha256_fd_hex(int fd, char out[RP_SHA256_HEX_LEN], uint64_t *nread)
{
	struct rp_sha256_read rd = { 0 };
	unsigned char md[RP_SHA256_LEN];
	int r;

	if ((r = rp_sha256_fd(fd, &rd, md)) != 0)
		return r;
	to_hex(md, out);
	if (nread != NULL)
		*nread = rd.nread;
	return 0;
}

int
rp_sha256_file_hex(int dirfd, const char *path, int extra_flags,
    char out[RP_SHA256_HEX_LEN], uint64_t *nread)
{
	int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | extra_flags;
	int fd, r, e;

	if ((fd = openat(dirfd, path, flags | O_NOATIME)) < 0 && errno == EPERM)
		fd = openat(dirfd, path, flags);        /* not ours: its atime may move */
	if (fd < 0)
		return RP_ERR_SYSTEM;
	r = rp_sha256_fd_hex(fd, out, nread);
	e = errno;
	close(fd);
	errno = e;
	return r;
}
