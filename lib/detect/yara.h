/*
 * The libyara adapter: the only file that includes <yara.h>. Rules are compiled once
 * per engine from the .yar files of data/rules/; each scanner has its own YR_SCANNER.
 */
#ifndef RP_YARA_H
#define RP_YARA_H

#include <stddef.h>

#include "core/buf.h"

struct rp_yara_rules;
struct rp_yara_scanner;

/* Compiles every the .yar files of data/rules/ (from dir if given, else built in). On a compile
 * error, err gets "file(line): message". */
int rp_yara_compile(struct rp_yara_rules **out, const char *data_dir, struct rp_buf *err);
/* The same for the .yar files under another directory of data/ (prefix "rules-short/"). */
int rp_yara_compile_set(struct rp_yara_rules **out, const char *data_dir, const char *prefix,
    struct rp_buf *err);
void rp_yara_rules_free(struct rp_yara_rules *r);
/* The length from which no rule of the set can match, proven from the rules' text
 * (each condition opens with `filesize < N and`, no `or` outside parentheses), else
 * SIZE_MAX: the scanners answer "no match" for such a buffer without scanning it. */
size_t rp_yara_rules_too_long(const struct rp_yara_rules *r);

/* Both compile only the files directly under prefix ("rules/mail/" is not "rules/"'s).
 * This one adds, when extra_dir is given, every .yar and .yara file of that directory on
 * disk (each in a namespace of its file name; `mail --rules DIR`). RP_ERR_NOTFOUND when
 * extra_dir cannot be read. */
int rp_yara_compile_dir(struct rp_yara_rules **out, const char *data_dir, const char *prefix,
    const char *extra_dir, struct rp_buf *err);

/* A scanner scans memory the caller read (never a mapping of a file that could be
 * truncated under it: it does not catch SIGBUS). One per thread. */
int rp_yara_scanner_new(struct rp_yara_scanner **out, struct rp_yara_rules *r);
void rp_yara_scanner_free(struct rp_yara_scanner *s);

/* Scans buf; on a match copies the first matching rule's name into rule (size n) and
 * returns 1; 0 for no match; negative RP_ERR_YARA on error. A rule whose name ends in
 * "_hint" is named only when no other rule matches. The answers for buffers (up to
 * 16 KiB) seen twice are remembered by the scanner (core/memo.h): the same answer,
 * without a scan. */
int rp_yara_match(struct rp_yara_scanner *s, const void *buf, size_t len, char *rule, size_t n);

/* Calls fn for every rule that matches buf, with its identifier, its namespace and its
 * string meta "verdict" (NULL when it has none); fn returns non-zero to stop. Returns
 * the number of matches, or RP_ERR_YARA. */
int rp_yara_match_each(struct rp_yara_scanner *s, const void *buf, size_t len,
    int (*fn)(const char *rule, const char *ns, const char *verdict, void *ctx), void *ctx);

#endif
