/* TEMPORARY: replaced by the real engine in the next commit. */
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "detect/engine.h"

struct rp_engine { int x; };
struct rp_scanner { int x; };

int rp_engine_new(struct rp_engine **out, const struct rp_engine_opts *o, struct rp_buf *errmsg)
{ *out = calloc(1, sizeof(**out)); return *out ? 0 : RP_ERR_NOMEM; }
void rp_engine_free(struct rp_engine *e) { free(e); }
int rp_scanner_new(struct rp_scanner **out, struct rp_engine *e)
{ *out = calloc(1, sizeof(**out)); return *out ? 0 : RP_ERR_NOMEM; }
void rp_scanner_free(struct rp_scanner *s) { free(s); }
const char *rp_verdict_name(enum rp_verdict_kind k)
{ static const char *n[] = { "ok", "encrypted", "partial", "note", "skipped" }; return (unsigned)k < 5 ? n[k] : "?"; }
int rp_scan_file(struct rp_scanner *s, int dirfd, const char *name, const struct stat *st, struct rp_verdict *v)
{ memset(v, 0, sizeof(*v)); return 0; }
int rp_scan_fd(struct rp_scanner *s, int fd, const char *name, struct rp_verdict *v)
{ memset(v, 0, sizeof(*v)); return 0; }
uint64_t rp_scanner_allocs(const struct rp_scanner *s) { return 0; }
