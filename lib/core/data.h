/*
 * The data files of riposte (YARA rules, name lists, obligations, templates) are
 * compiled into the binary from data/. A directory given at run time (the CLI takes it
 * from RIPOSTE_DATA) is searched first, so that rules can be developed without a
 * rebuild. Thread-safe.
 */
#ifndef RP_DATA_H
#define RP_DATA_H

#include <stddef.h>

#include "core/buf.h"

/* Appends the contents of data file NAME ("rules/notes.yar") to out. dir may be NULL.
 * Returns 0, RP_ERR_NOTFOUND, or an I/O error. */
int rp_data_load(const char *dir, const char *name, struct rp_buf *out);

/* Calls fn for every embedded file whose name starts with prefix, in name order. */
int rp_data_each(const char *prefix, int (*fn)(const char *name, const void *data,
    size_t len, void *ctx), void *ctx);

#endif
