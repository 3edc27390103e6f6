/*
 * Notes by their copies (issue 20): a ransomware drops the same note in every folder it
 * touched, so the same small text in several folders of one tree is a strong note
 * signal, when the text also carries some evidence of a note that was not enough alone
 * (the engine marks such a file with a non-zero rp_verdict.dup_hash, a hash of its
 * content: rules under data/rules-evidence/).
 *
 * A tree scan hands every marked verdict to rp_dupnote_hold, which keeps a copy of it
 * and counts the folders each content lies in, and calls rp_dupnote_release at the end
 * of the run: each kept verdict comes back, in the order held, as a note when its
 * content lay in at least min_dirs different folders, unchanged otherwise. Memory is
 * bounded: at most max_held verdicts (about 2.5 KiB each) are kept and at most
 * 4 * max_held contents counted; past that rp_dupnote_hold answers 0 and the caller
 * reports the verdict at once, as it is.
 *
 * One rp_dupnote belongs to one thread. Nothing here prints or reads the environment.
 */
#ifndef RP_DUPNOTE_H
#define RP_DUPNOTE_H

#include <stddef.h>

#include "detect/engine.h"

struct rp_dupnote;

/* FNV-1a, 64 bits, of N bytes: the key of a text's content or a folder's name, here and in
 * notectx.c (a table key, not a defence against chosen collisions) */
uint64_t rp_dupnote_hash(const void *p, size_t n);

/* max_held: verdicts kept at most; min_dirs: folders that make a note (>= 2). */
int rp_dupnote_new(struct rp_dupnote **out, size_t max_held, unsigned min_dirs);
void rp_dupnote_free(struct rp_dupnote *d);

/* Counts v's content (v->dup_hash, when non-zero) in path's folder and keeps a copy of
 * path, topdir and v; a verdict with only v->ctx_ev (evidence for the context rule,
 * notectx.h) is kept, not counted. Returns 1 when kept, 0 when not (both are 0, or the
 * bounds are reached: the caller reports it now), RP_ERR_NOMEM. */
int rp_dupnote_hold(struct rp_dupnote *d, const char *path, size_t pathlen,
    const char *topdir, const struct rp_verdict *v);

/* Calls fn for every kept verdict, in the order held: as RP_V_NOTE with the reason
 * when its content lay in at least min_dirs folders, else as it was; v->dup_hash is 0
 * in both. Stops at fn's first negative return, and returns it; then forgets them all
 * (the counts too). The pointers are valid during the call only. */
int rp_dupnote_release(struct rp_dupnote *d,
    int (*fn)(const char *path, size_t pathlen, const char *topdir, struct rp_verdict *v,
    void *ctx), void *ctx);

/* The folders v's content was counted in so far (0 when never held). */
unsigned rp_dupnote_dirs(const struct rp_dupnote *d, const struct rp_verdict *v);

#endif
