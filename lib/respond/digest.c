#include <errno.h>
#include <unistd.h>

#include <openssl/evp.h>

#include "core/err.h"
#include "respond/digest.h"

static void
to_hex(const unsigned char *md, unsigned n, char *out)
{
	static const char hx[] = "0123456789abcdef";
	unsigned i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hx[md[i] >> 4];
		out[2 * i + 1] = hx[md[i] & 15];
	}
	out[2 * n] = '\0';
}

int
rp_sha256_fd_hex(int fd, char out[65], uint64_t *size)
{
	EVP_MD_CTX *c = NULL;
	unsigned char md[EVP_MAX_MD_SIZE];
	static const size_t chunk = 1 << 16;
	unsigned char *buf = NULL;
	unsigned n = 0;
	uint64_t total = 0;
	ssize_t got;
	int r = RP_ERR_CRYPTO;

	if ((c = EVP_MD_CTX_new()) == NULL || !EVP_DigestInit_ex(c, EVP_sha256(), NULL))
		goto out;
	if ((buf = OPENSSL_malloc(chunk)) == NULL) {
		r = RP_ERR_NOMEM;
		goto out;
	}
	for (;;) {
		got = read(fd, buf, chunk);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			r = RP_ERR_SYSTEM;
			goto out;
		}
		if (got == 0)
			break;
		if (!EVP_DigestUpdate(c, buf, (size_t)got))
			goto out;
		total += (uint64_t)got;
	}
	if (!EVP_DigestFinal_ex(c, md, &n) || n != 32)
		goto out;
	to_hex(md, n, out);
	if (size)
		*size = total;
	r = 0;
out:
	if (r == RP_ERR_SYSTEM) {
		int e = errno;

		OPENSSL_free(buf);
		EVP_MD_CTX_free(c);
		errno = e;
		return r;
	}
	OPENSSL_free(buf);
	EVP_MD_CTX_free(c);
	return r;
}
