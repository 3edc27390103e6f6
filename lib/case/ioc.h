/*
 * Indicators of compromise of a case: what `case ioc add` accepts (the value checked
 * against its type, bounded, no control characters), how it is kept (hashes and
 * domains in lower case, so that one indicator is recorded one way), and the STIX 2.1
 * bundle it is shared as. No global state, thread-safe.
 */
#ifndef RP_CASE_IOC_H
#define RP_CASE_IOC_H

#include <stdint.h>

#include "core/buf.h"

struct rp_case;
struct rp_store;

struct rp_ioc {
	int64_t time;
	char *type;              /* sha256 domain ipv4 url email filename */
	char *value;
};

/* The types, NULL-terminated: sha256 domain ipv4 url email filename. */
extern const char *const rp_ioc_types[];

/* 0 when value is a valid indicator of type; RP_ERR_INVALID when type is not one of
 * rp_ioc_types; RP_ERR_FORMAT when the value is not valid for it. */
int rp_ioc_check(const char *type, const char *value);
/* Appends the value as it is recorded (sha256 and domain in lower case) to out. */
int rp_ioc_normalise(const char *type, const char *value, struct rp_buf *out);
/* Checks, normalises and journals an indicator (kind "ioc"); errors of rp_ioc_check. */
int rp_case_ioc_add(struct rp_store *st, int64_t case_id, int64_t now, const char *actor,
    const char *type, const char *value);

/* The STIX 2.1 bundle of the case's IOCs (one indicator each, UUIDv5 ids so that the
 * same case exports the same bundle), appended to out. */
int rp_case_stix(const struct rp_case *c, struct rp_buf *out);

#endif
