/*
 * SHA-256 for the forensic commands, the one adapter over OpenSSL's EVP interface
 * (no OpenSSL type leaks out). Thread-safe.
 */
#ifndef RP_FX_HASH_H
#define RP_FX_HASH_H

#include <stddef.h>
#include <stdint.h>

#include "detect/stats.h"

#define RP_SHA256_LEN 32

/* Hashes all of fd with pread from offset 0, through the caller's buffer (bufsz bytes);
 * the first 16 KiB of every 256 KiB also go into stats (optional) for a sampled
 * entropy. size is the size the caller expects (from fstat): a short read that ends
 * exactly there is taken as the end, which saves the read that returns 0 (UINT64_MAX:
 * read until 0). *nread (optional) gets the bytes hashed. Returns 0, RP_ERR_SYSTEM
 * (errno set) or RP_ERR_CRYPTO. */
int rp_sha256_fd(int fd, void *buf, size_t bufsz, uint64_t size,
    unsigned char out[RP_SHA256_LEN], struct rp_stats *stats, uint64_t *nread);

int rp_sha256_mem(const void *data, size_t len, unsigned char out[RP_SHA256_LEN]);

#endif
