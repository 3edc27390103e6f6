/*
 * Times. Machine formats (JSON, CSV) use UTC, "2026-11-22T06:59:00Z"; views for people
 * use local time with its offset, "2026-11-22 07:59:00 +0100". Parsing accepts the ISO
 * 8601 forms people type: a date, date and time with or without seconds and fraction,
 * 'T' or a space, and Z, +HH:MM, +HHMM or nothing (local time). Thread-safe.
 */
#ifndef RP_TIME_H
#define RP_TIME_H

#include <stdint.h>

#include "core/buf.h"

#define RP_TIME_UNSET INT64_MIN

int rp_time_fmt_utc(struct rp_buf *b, int64_t t);
int rp_time_fmt_local(struct rp_buf *b, int64_t t);
/* Parses s into seconds since the epoch (fraction dropped, *nsec gets it if non-NULL).
 * Returns 0 or RP_ERR_FORMAT. */
int rp_time_parse(const char *s, int64_t *t, long *nsec);
/* A duration: "90", "90s", "15m", "2h", "3d". RP_ERR_FORMAT when not one. */
int rp_duration_parse(const char *s, int64_t *seconds);
/* Whether name is an IANA time zone this machine knows ("Europe/Zurich"): a file of
 * the system's zoneinfo database. Names that could leave it ("..", a leading '/') are
 * refused. The site's `timezone =` is checked with it before the CLI sets TZ. */
int rp_time_zone_known(const char *name);
/* Milliseconds of the monotonic clock (intervals, deadlines; never a date). */
int64_t rp_time_mono_ms(void);
/* Microseconds of the monotonic clock. */
int64_t rp_time_mono_us(void);

#endif
