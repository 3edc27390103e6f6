/*
 * Moved: SHA-256 is core/sha256.h (rp_sha256_hex, rp_sha256_fd_hex, rp_sha256_file_hex).
 * This forwarding header stays only while lib/respond/isolate.c includes it; delete it
 * when that include becomes "core/sha256.h".
 */
#ifndef RP_DIGEST_H
#define RP_DIGEST_H

#include "core/sha256.h"

#endif
