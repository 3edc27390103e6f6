/*
 * SHA-256 of a file for the chain of custody (evidence manifests, executables), so
 * that OpenSSL's types stay in digest.c. Thread-safe.
 */
#ifndef RP_DIGEST_H
#define RP_DIGEST_H

#include <stddef.h>
#include <stdint.h>

/* The SHA-256 of bytes in memory is rp_sha256_hex() of case/case.h. */

/* Hashes fd from its current offset to EOF with read(2) only (it never maps or
 * executes anything); *size (optional) gets the byte count. Returns 0, RP_ERR_SYSTEM
 * (errno set) or RP_ERR_CRYPTO. */
int rp_sha256_fd_hex(int fd, char out[65], uint64_t *size);

#endif
