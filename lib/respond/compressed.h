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
#include <stdint.h>

/* Checks the head of a file (len bytes from offset 0): 1 a valid compressed stream
 * as far as it goes, 0 not (no known signature, or the stream is invalid). */
int rp_compressed_valid(const unsigned char *head, size_t len);

/* Whether the head carries the signature of one of the formats above (gzip, xz, zstd,
 * zip, 7z), valid or not. */
int rp_compressed_signature(const unsigned char *head, size_t len);

/* The same on a descriptor (pread of the first 64 KiB). */
int rp_compressed_valid_fd(int fd);

/*
 * A file still being written (an archive growing while its writer deletes the files
 * it put in): 1 when its content is random and of no archive format, -1 when it is a
 * known format whose own structure holds as far as it is written (a tar whose every
 * header has its checksum and whose members are not mostly random content of no
 * format, a gzip, xz or zstd stream or a zip member that decodes, a 7z start header
 * with its CRC; any other format with a signature of its own), or content of no
 * format that is not random at most of its head and four blocks further in; 0 when
 * shorter than 4 KiB (too early). size is the file's size now. Reads at most 64 KiB + 16 KiB with pread.
 * Thread-safe.
 */
int rp_archive_growing_random(int fd, uint64_t size);

#endif
