/*
 * SHA-256 for the chain of custody (ruleset hashes, evidence manifests), behind one
 * small interface so that OpenSSL's types stay in digest.c. Thread-safe.
 */
#ifndef RP_DIGEST_H
#define RP_DIGEST_H

#include <stddef.h>
#include <stdint.h>

/* Lowercase hex SHA-256 of len bytes into out (65 bytes with the NUL).
 * Returns 0 or RP_ERR_CRYPTO. */
int rp_sha256_hex(const void *data, size_t len, char out[65]);

/* Hashes fd from its current offset to EOF with read(2) only (it never maps or
 * executes anything); *size (optional) gets the byte count. Returns 0, RP_ERR_SYSTEM
 * (errno set) or RP_ERR_CRYPTO. */
int rp_sha256_fd(int fd, char out[65], uint64_t *size);

#endif
