/*
 * Answers remembered by content: for a pure function of a byte buffer that costs
 * much more than reading the buffer (libmagic's type, a YARA match), the answer for
 * bytes already seen. Files repeat in a scanned tree (a ransomware drops the same note
 * in every folder; copies of one document share their head), most do not (each
 * encrypted file is unique): a buffer is remembered only the second time it is seen,
 * so that unique ones cost a hash and never a copy. A hit is confirmed by comparing
 * the whole buffer, never trusted to the hash. Bounded: at most `kept` buffers of at
 * most `max_bytes` each, the least recently used replaced.
 * Not thread-safe: one memo belongs to one thread (one per scanner).
 */
#ifndef RP_MEMO_H
#define RP_MEMO_H

#include <stddef.h>
#include <stdint.h>

#define RP_MEMO_ANSWER 96   /* longest answer remembered, with its NUL */

struct rp_memo;

/* Returns 0 or RP_ERR_NOMEM. */
int rp_memo_new(struct rp_memo **out, size_t kept, size_t max_bytes);
void rp_memo_free(struct rp_memo *m);

/* The answer remembered for exactly these bytes (valid until the next put), or NULL. */
const char *rp_memo_get(struct rp_memo *m, const void *buf, size_t len);
/* Tells the memo the answer computed for buf (after a get that returned NULL): kept
 * when buf was seen before, else only its hash is noted. Answers of RP_MEMO_ANSWER
 * bytes or more and buffers over max_bytes are not kept; an allocation that fails
 * only means nothing is kept. */
void rp_memo_put(struct rp_memo *m, const void *buf, size_t len, const char *answer);
/* Gets asked, and gets answered from memory. */
void rp_memo_counts(const struct rp_memo *m, uint64_t *gets, uint64_t *hits);

#endif
