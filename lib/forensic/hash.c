/* The OpenSSL adapter of the forensic commands: SHA-256 through EVP. */
#include <errno.h>
#include <openssl/evp.h>
#include <unistd.h>

#include "core/err.h"
#include "forensic/hash.h"

#define SAMPLE_EVERY ((uint64_t)256 << 10)
#define SAMPLE_LEN   ((uint64_t)16 << 10)

int
rp_sha256_fd(int fd, void *buf, size_t bufsz, uint64_t size,
    unsigned char out[RP_SHA256_LEN], struct rp_stats *stats, uint64_t *nread)
{
	EVP_MD_CTX *ctx = NULL;
	uint64_t off = 0;
	unsigned int outlen = 0;
	int r = RP_ERR_CRYPTO;

	if ((ctx = EVP_MD_CTX_new()) == NULL || EVP_DigestInit_ex(ctx, EVP_sha256(), NULL) != 1)
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
		if (EVP_DigestUpdate(ctx, buf, (size_t)n) != 1)
			goto out;
		if (stats != NULL) {
			/* the first SAMPLE_LEN bytes of every SAMPLE_EVERY stretch */
			uint64_t k, end = off + (uint64_t)n;

			for (k = off / SAMPLE_EVERY; k * SAMPLE_EVERY < end; k++) {
				uint64_t lo = k * SAMPLE_EVERY, hi = lo + SAMPLE_LEN;

				if (lo < off)
					lo = off;
				if (hi > end)
					hi = end;
				if (hi > lo)
					rp_stats_add(stats, (const char *)buf + (lo - off), (size_t)(hi - lo));
			}
		}
		off += (uint64_t)n;
		if ((size_t)n < bufsz && off == size)
			break;
	}
	if (EVP_DigestFinal_ex(ctx, out, &outlen) != 1 || outlen != RP_SHA256_LEN)
		goto out;
	if (nread != NULL)
		*nread = off;
	r = 0;
out:
	EVP_MD_CTX_free(ctx);
	return r;
}

int
rp_sha256_mem(const void *data, size_t len, unsigned char out[RP_SHA256_LEN])
{
	unsigned int outlen = 0;

	if (EVP_Digest(data, len, out, &outlen, EVP_sha256(), NULL) != 1 || outlen != RP_SHA256_LEN)
		return RP_ERR_CRYPTO;
	return 0;
}
