/*
 * A log or export file read as evidence: opened read-only without following a link,
 * with O_NOATIME (rp_open_evidence), never written, its times left as they were.
 * Gzip files (rotated "mail.log.1.gz") are inflated on the fly (lib/mail/gz.c); a file
 * that starts with a UTF-16 byte-order mark (PowerShell's Out-File, "Unicode" CSV
 * exports) is turned into UTF-8. Readers then take the bytes (rp_logfile_read, which
 * has the shape of rp_csvr_read_fn) or lines (rp_logfile_line), not both.
 *
 * Lines are bounded (max_line): a longer one is skipped without being kept in memory.
 * A gzip file cut short or corrupt gives every whole line before the damage, then ends
 * (rp_logfile_error says so). A decompression bomb is bounded: at most 1000 times the
 * compressed size plus 64 MiB come out of one file.
 * One struct rp_logfile per thread.
 */
#ifndef RP_MAIL_LOGFILE_H
#define RP_MAIL_LOGFILE_H

#include <stddef.h>
#include <stdint.h>

struct rp_logfile;

struct rp_logfile_opts {
	int allow_atime;        /* read even where O_NOATIME is refused (atime may change) */
	size_t max_line;        /* 0: 64 KiB */
};

/* Opens path (relative to dirfd) as evidence. A directory, FIFO or device is
 * RP_ERR_INVALID; O_NOATIME refused without allow_atime is RP_ERR_PERM. */
int rp_logfile_open(int dirfd, const char *path, const struct rp_logfile_opts *o,
    struct rp_logfile **out);
/* The same over len bytes of memory (borrowed), for tests and fuzz targets. */
int rp_logfile_open_mem(const void *data, size_t len, const struct rp_logfile_opts *o,
    struct rp_logfile **out);
void rp_logfile_free(struct rp_logfile *f);           /* closes; accepts NULL */

/* The first bytes of the content (decompressed, UTF-8), at most 4 KiB, for telling
 * the formats apart; valid until the next call. Does not consume them. */
int rp_logfile_head(struct rp_logfile *f, const char **p, size_t *len);

/* Bytes of the content: 0 with *got (0 at the end, early or not: rp_logfile_error). */
int rp_logfile_read(void *f, char *buf, size_t len, size_t *got);

/* The next line without its newline (a CR before it dropped too; a UTF-8 byte-order
 * mark before the first too): 1 with *line (NUL-terminated, may hold NULs; valid until
 * the next call) and *len; 0 at the end, early or not (rp_logfile_error); RP_ERR_TOOBIG
 * for a line skipped as too long (call again to go on). */
int rp_logfile_line(struct rp_logfile *f, const char **line, size_t *len);
/* Why the content ended early: 0 (it did not), RP_ERR_FORMAT (a gzip stream corrupt or
 * cut short; the line it cut is dropped), RP_ERR_TOOBIG (the decompression bound),
 * RP_ERR_SYSTEM (a read error; errno is set again). */
int rp_logfile_error(const struct rp_logfile *f);
/* The 1-based number of the line last returned. */
size_t rp_logfile_lineno(const struct rp_logfile *f);

/* Back to the first byte (a second pass over the same content). */
int rp_logfile_rewind(struct rp_logfile *f);

/* The file's modification time (0 for memory), whether it was gzip, whether it was
 * read with O_NOATIME in force. */
int64_t rp_logfile_mtime(const struct rp_logfile *f);
int rp_logfile_gzip(const struct rp_logfile *f);
int rp_logfile_noatime(const struct rp_logfile *f);

#endif
