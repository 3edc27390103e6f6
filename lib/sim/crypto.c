/* The OpenSSL adapter of the simulator: AES-256-CTR at any offset, SHA-256, and the
 * file format of `openssl enc -aes-256-cbc -pbkdf2`. */
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "sim/internal.h"

struct rp_sim_cipher {
	EVP_CIPHER_CTX *ctx;
	uint8_t key[32];
};

int
rp_sim_cipher_new(const uint8_t key[32], struct rp_sim_cipher **out)
{
	struct rp_sim_cipher *c = calloc(1, sizeof(*c));

	if (c == NULL)
		return RP_ERR_NOMEM;
	if ((c->ctx = EVP_CIPHER_CTX_new()) == NULL) {
		free(c);
		return RP_ERR_CRYPTO;
	}
	memcpy(c->key, key, 32);
	*out = c;
	return 0;
}

void
rp_sim_cipher_free(struct rp_sim_cipher *c)
{
	if (c == NULL)
		return;
	EVP_CIPHER_CTX_free(c->ctx);
	OPENSSL_cleanse(c->key, sizeof(c->key));
	free(c);
}

int
rp_sim_ctr_xor(struct rp_sim_cipher *c, uint64_t nonce, uint64_t off, uint8_t *buf, size_t len)
{
	uint8_t iv[16], skip[16] = { 0 };
	uint64_t blk = off / 16;
	int i, n;

	for (i = 0; i < 8; i++) {
		iv[i] = (uint8_t)(nonce >> (56 - 8 * i));
		iv[8 + i] = (uint8_t)(blk >> (56 - 8 * i));
	}
	if (EVP_EncryptInit_ex(c->ctx, EVP_aes_256_ctr(), NULL, c->key, iv) != 1)
		return RP_ERR_CRYPTO;
	if (off % 16 && EVP_EncryptUpdate(c->ctx, skip, &n, skip, (int)(off % 16)) != 1)
		return RP_ERR_CRYPTO;
	while (len > 0) {
		int chunk = len > (1u << 30) ? 1 << 30 : (int)len;

		if (EVP_EncryptUpdate(c->ctx, buf, &n, buf, chunk) != 1)
			return RP_ERR_CRYPTO;
		buf += chunk;
		len -= (size_t)chunk;
	}
	return 0;
}

int
rp_sim_openssl_enc(const char *pass, const uint8_t salt[8], const void *in, size_t len,
    struct rp_buf *out)
{
	uint8_t kiv[48];
	EVP_CIPHER_CTX *ctx = NULL;
	int r = RP_ERR_CRYPTO, n = 0, fin = 0;
	size_t at;

	if (len > (size_t)1 << 30)
		return RP_ERR_TOOBIG;
	if (PKCS5_PBKDF2_HMAC(pass, (int)strlen(pass), salt, 8, 10000, EVP_sha256(),
	    (int)sizeof(kiv), kiv) != 1)
		goto out;
	if ((r = rp_buf_add(out, "Salted__", 8)) != 0 || (r = rp_buf_add(out, salt, 8)) != 0 ||
	    (r = rp_buf_grow(out, len + 32)) != 0)
		goto out;
	r = RP_ERR_CRYPTO;
	at = out->len;
	if ((ctx = EVP_CIPHER_CTX_new()) == NULL ||
	    EVP_EncryptInit_ex(ctx, EVP_aes_256_cbc(), NULL, kiv, kiv + 32) != 1 ||
	    EVP_EncryptUpdate(ctx, (uint8_t *)out->buf + at, &n, in, (int)len) != 1 ||
	    EVP_EncryptFinal_ex(ctx, (uint8_t *)out->buf + at + n, &fin) != 1)
		goto out;
	out->len = at + (size_t)n + (size_t)fin;
	out->buf[out->len] = '\0';
	r = 0;
out:
	EVP_CIPHER_CTX_free(ctx);
	OPENSSL_cleanse(kiv, sizeof(kiv));
	return r;
}
