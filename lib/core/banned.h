/*
 * Calls that are too easy to get wrong are made compile errors (after git's banned.h).
 * Included into every translation unit by the Makefile (-include).
 * Use snprintf / rp_buf_addf, memcpy with explicit lengths, strtol/rp_parse_* instead.
 */
#ifndef RP_BANNED_H
#define RP_BANNED_H

/* the system headers that declare (or inline) these come first, untouched */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RP_BANNED(func) sorry_##func##_is_a_banned_function

#undef strcpy
#define strcpy(x, y) RP_BANNED(strcpy)
#undef strcat
#define strcat(x, y) RP_BANNED(strcat)
#undef strncpy
#define strncpy(x, y, n) RP_BANNED(strncpy)
#undef sprintf
#define sprintf(...) RP_BANNED(sprintf)
#undef vsprintf
#define vsprintf(...) RP_BANNED(vsprintf)
#undef strtok
#define strtok(x, y) RP_BANNED(strtok)
#undef atoi
#define atoi(x) RP_BANNED(atoi)
#undef atol
#define atol(x) RP_BANNED(atol)
#undef gets
#define gets(x) RP_BANNED(gets)

#endif
