/*
 * Whether a file that looks random is a valid compressed stream: gzip, xz, zstd, zip
 * (deflate or stored), 7z (start-header CRC). Entropy cannot tell ciphertext from
 * gzip output; decompressing the head can: random bytes behind a fake header fail
 * within a few hundred bytes. Used by watch on files that the scan engine calls
 * random, so that gzip -r, tar czf, zip and xz are not mistaken for encryption.
 * The signatures and the structure checks are lib/detect's (rp_format_stream_head:
 * the head of a file that may still be written, valid as far as it goes); xz and
 * zstd data are decoded here. Reads at most 64 KiB with pread. Thread-safe.
 */
#ifndef RP_COMPRESSED_H
#define RP_COMPRESSED_H

#include <stddef.h>

/* Checks the head of a file (len bytes from offset 0): 1 a valid compressed stream
 * as far as it goes, 0 not (no known signature, or the stream is invalid). */
int rp_compressed_valid(const unsigned char *head, size_t len);

/* The same on a descriptor (pread of the first 64 KiB). */
int rp_compressed_valid_fd(int fd);

#endif
