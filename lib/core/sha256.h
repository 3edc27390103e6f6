/*
 * SHA-256, the one adapter over OpenSSL's EVP digest interface: sha256.c is the only
 * file that includes OpenSSL for hashing, and no OpenSSL type leaks out of it.
 * Evidence manifests, the case journal's chain, file baselines and executable
 * allow-lists all hash through here.
 *
 * Every function is thread-safe; a struct rp_sha256 belongs to one thread at a time.
 * Digests are 32 bytes; the hex form is 64 lowercase digits and a NUL.
 */
#ifndef RP_SHA256_H
#define RP_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define RP_SHA256_LEN 32            /* bytes of a digest */
#define RP_SHA256_HEX_LEN 65        /* its lowercase hex and the NUL */

/* A streaming hash: rp_sha256_init, rp_sha256_update as often as needed, then
 * rp_sha256_final or rp_sha256_final_hex, which also release the context. On an
 * error path rp_sha256_release abandons it; it accepts a context that is zeroed
 * (RP_SHA256_INIT), already finished or already released. */
struct rp_sha256 {
	void *evp;                  /* the EVP_MD_CTX; NULL when not hashing */
};
#define RP_SHA256_INIT { NULL }

/* Returns 0 or RP_ERR_CRYPTO (then h needs no release). */
int rp_sha256_init(struct rp_sha256 *h);
/* Returns 0 or RP_ERR_CRYPTO (h still needs final or release). */
int rp_sha256_update(struct rp_sha256 *h, const void *data, size_t len);
/* Both return 0 or RP_ERR_CRYPTO and release h either way. */
int rp_sha256_final(struct rp_sha256 *h, unsigned char out[RP_SHA256_LEN]);
int rp_sha256_final_hex(struct rp_sha256 *h, char out[RP_SHA256_HEX_LEN]);
void rp_sha256_release(struct rp_sha256 *h);

/* One shot over len bytes of memory. Return 0 or RP_ERR_CRYPTO. */
int rp_sha256_mem(const void *data, size_t len, unsigned char out[RP_SHA256_LEN]);
int rp_sha256_hex(const void *data, size_t len, char out[RP_SHA256_HEX_LEN]);

/*
 * How rp_sha256_fd reads. Zeroed fields take the defaults.
 * buf, bufsz: the read buffer, so that a hot loop reuses one (NULL: 64 KiB are
 * allocated for the call).
 * size: the size the caller expects (from fstat), or 0 for unknown. A read that comes
 * back short exactly at size is taken as the end, which saves the read that would
 * return 0. A file that grows past size is hashed to its end all the same.
 * each (optional): called with every chunk as it is hashed, at offset off of the file
 * (a sampled entropy, for one).
 * nread: set to the bytes hashed. A file that shrinks while it is read ends where its
 * new end is: compare nread with a second fstat to tell it changed.
 */
struct rp_sha256_read {
	void *buf;
	size_t bufsz;
	uint64_t size;
	void (*each)(void *arg, uint64_t off, const void *data, size_t len);
	void *arg;                  /* for each */
	uint64_t nread;             /* out */
};

/* Hashes all of fd, from offset 0 to its end, with pread(2): the file offset does not
 * move, EINTR is retried, short reads are continued; fd must be seekable (a regular
 * file). It never maps or executes anything. rd may be NULL (the defaults).
 * Returns 0, RP_ERR_SYSTEM (a read failed: errno set), RP_ERR_NOMEM or RP_ERR_CRYPTO. */
int rp_sha256_fd(int fd, struct rp_sha256_read *rd, unsigned char out[RP_SHA256_LEN]);
/* The same with the defaults, in hex; *nread (optional) gets the bytes hashed. */
int rp_sha256_fd_hex(int fd, char out[RP_SHA256_HEX_LEN], uint64_t *nread);

/* Opens path (relative to dirfd, or AT_FDCWD) read-only, non-blocking, with O_NOATIME
 * so that hashing a file changes none of its times (without it when the kernel refuses
 * it, EPERM: a file of another user without CAP_FOWNER), adds extra_flags (O_NOFOLLOW:
 * refuse a final symlink; leave it out for /proc/PID/exe) and hashes it to hex.
 * Returns what rp_sha256_fd_hex returns; a failed open is RP_ERR_SYSTEM with errno set
 * (ENOENT: no such file). */
int rp_sha256_file_hex(int dirfd, const char *path, int extra_flags,
    char out[RP_SHA256_HEX_LEN], uint64_t *nread);

#endif
