/* Shared inside lib/sim only: the adapters (OpenSSL, zlib, libjpeg, SQLite), the
 * dirfd-relative file helpers, the PRNG and the restore state. */
#ifndef RP_SIM_INTERNAL_H
#define RP_SIM_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/buf.h"
#include "sim/sim.h"

#define RP_SIM_BLOCK 4096u          /* restore granularity: one hash per block */
#define RP_SIM_NOTE "README_RESTORE_FILES.txt"
#define RP_SIM_MAX_FILE ((size_t)64 << 20)

/* Scenario kinds (how files are attacked) and styles (which bytes). */
enum { SK_INPLACE, SK_MMAP, SK_FORKER, SK_RENAME, SK_MOVER, SK_STREAM, SK_NOTE, SK_FAKEHDR,
	SK_GZIP, SK_ZIP, SK_USERENC, SK_SQLITE, SK_MEDIA, SK_COMPILE, SK_BACKUP };
enum { ST_FULL, ST_BASTA, ST_LOCKFILE, ST_HEAD4K, ST_PLAY, ST_STRIPES, ST_XOR, ST_NONE };

/* xoshiro256** seeded by splitmix64: deterministic from --seed. */
struct rp_sim_rng { uint64_t s[4]; };
void rp_sim_rng_seed(struct rp_sim_rng *r, uint64_t seed);
uint64_t rp_sim_rng_next(struct rp_sim_rng *r);
uint64_t rp_sim_rng_below(struct rp_sim_rng *r, uint64_t n);   /* [0, n) */
void rp_sim_rng_bytes(struct rp_sim_rng *r, void *buf, size_t len);

/* crypto.c: the OpenSSL adapter. */
struct rp_sim_cipher;
int rp_sim_cipher_new(const uint8_t key[32], struct rp_sim_cipher **out);
void rp_sim_cipher_free(struct rp_sim_cipher *c);
/* XORs buf with the AES-256-CTR keystream of (key, nonce) at byte offset off. */
int rp_sim_ctr_xor(struct rp_sim_cipher *c, uint64_t nonce, uint64_t off, uint8_t *buf, size_t len);
/* `openssl enc -aes-256-cbc -pbkdf2 -salt` output: "Salted__", salt, ciphertext. */
int rp_sim_openssl_enc(const char *pass, const uint8_t salt[8], const void *in, size_t len,
    struct rp_buf *out);

/* zlib.c: the zlib adapter. fmt: 0 raw deflate, 1 zlib, 2 gzip. */
int rp_sim_deflate(const void *in, size_t len, int fmt, int level, struct rp_buf *out);
int rp_sim_gunzip(const void *in, size_t len, struct rp_buf *out, size_t max);
uint32_t rp_sim_crc32(uint32_t crc, const void *data, size_t len);

/* jpeg.c: the libjpeg adapter; rgb is w*h*3 bytes. */
int rp_sim_jpeg(const uint8_t *rgb, unsigned w, unsigned h, int quality, struct rp_buf *out);

/* sqlite.c: the SQLite adapter (plain SQLite files, not the riposte store). */
int rp_sim_sqlite_image(uint64_t seed, unsigned rows, struct rp_buf *out);
int rp_sim_sqlite_workload(int dirfd, const char *name, uint64_t seed, unsigned transactions);

/* docs.c: one realistic document of about target bytes, type from the name's extension. */
int rp_sim_doc(const char *name, size_t target, struct rp_sim_rng *r, struct rp_buf *out);
/* A ZIP archive writer (OOXML, ODF, the zip scenario). */
struct rp_sim_zip { struct rp_buf out; struct rp_buf cd; unsigned n; };
void rp_sim_zip_init(struct rp_sim_zip *z);
int rp_sim_zip_add(struct rp_sim_zip *z, const char *name, const void *data, size_t len, int deflate);
int rp_sim_zip_finish(struct rp_sim_zip *z);     /* appends the central directory to z->out */
void rp_sim_zip_release(struct rp_sim_zip *z);
void rp_sim_words(struct rp_sim_rng *r, struct rp_buf *b, size_t len);

/* fsat.c: every path is relative to DIR and walked component by component with
 * O_NOFOLLOW, so that no symlink inside DIR is ever followed. */
int rp_sim_parent(int root, const char *rel, int create_dirs, int *pfd, const char **base);
int rp_sim_open(int root, const char *rel, int flags, mode_t mode);
int rp_sim_unlink(int root, const char *rel, int dir);
int rp_sim_rename(int root, const char *from, const char *to);
int rp_sim_exists(int root, const char *rel);       /* 1 regular file, 0 not, <0 error */
int rp_sim_read(int root, const char *rel, struct rp_buf *out);
int rp_sim_write_new(int root, const char *rel, const void *data, size_t len);
int rp_sim_rm_tree(int dirfd);                        /* empties dirfd's directory */

/* state.c */
struct rp_sim_file {
	char *path;               /* relative to DIR */
	uint64_t size;
	uint64_t blkoff;          /* index of its first block hash in blocks */
	uint8_t sha[32];
};
struct rp_sim_state {
	char scenario[32];
	uint64_t seed;
	uint8_t key[32];          /* AES-256-CTR key of the attack */
	uint8_t xorkey[16];       /* the "xor" scenario's repeating key */
	struct rp_sim_file *files;
	size_t nfiles;
	size_t capfiles;          /* files allocated (rp_sim_state_parse; 0 elsewhere) */
};
int rp_sim_state_load(int root, struct rp_sim_state **out, struct rp_buf *blocks);
int rp_sim_state_save(int root, const struct rp_sim_state *st);
/* Appends a line to a journal file in the state dir (created list, stream log). */
int rp_sim_journal(int root, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* attack.c: the byte ranges a style encrypts in a file of size bytes. */
struct rp_sim_range { uint64_t off, len; };
int rp_sim_ranges(int style, uint64_t size, struct rp_sim_range **out, size_t *n);
/* The keystream of file idx: AES-CTR, or the repeating XOR key. */
int rp_sim_ks_apply(struct rp_sim_cipher *c, const struct rp_sim_state *st, int style,
    uint64_t idx, uint64_t off, uint8_t *buf, size_t len);
const char *rp_sim_suffix(int kind);                  /* ".lockbit", ".crypt", ".gz" or "" */
#define RP_SIM_ARCHIVE "ALL_YOUR_FILES.pack.locked"

#endif
