/* Sizes for people. Thread-safe. */
#ifndef RP_UNITS_H
#define RP_UNITS_H

#include <stddef.h>
#include <stdint.h>

/* "812 bytes", "3.4 KiB", "12.0 GiB" into out (cap bytes); returns out. */
const char *rp_size_human(char *out, size_t cap, uint64_t n);

#endif
