/*
 * A SQLite rollback journal (DELETE, TRUNCATE or PERSIST mode: "<db>-journal"), told
 * by its own structure: a header with SQLite's magic, its sector and page sizes, then
 * records of a page number, the page as it was before the transaction and a checksum
 * of it (SQLite's own: the nonce of the header plus every 200th byte of the page),
 * in one segment or several (each after a header at a sector boundary). A database
 * writer makes, closes and deletes one at every transaction: watch answers its close
 * with this check instead of a full verdict (its pages are the database's own pages
 * from before, not a document, not a note). Ciphertext does not pass: every record's
 * checksum must hold, its page number be a page's, each page be a b-tree page by its
 * header and cell pointers or else (overflow, freelist pages) the pages together not
 * random, and every byte of the file belong to a header, a record or a header's
 * padding. What this does not stop: a forger who writes SQLite's journal format, its
 * checksums and b-tree headers around ciphertext, under a "-journal" name; that file
 * is a new one (no victim), and the originals it replaces still count when they go.
 * Reads the file with pread (bounded: RP_SQLJOURNAL_MAX). Thread-safe.
 */
#ifndef RP_SQLJOURNAL_H
#define RP_SQLJOURNAL_H

#include <stdint.h>

/* journals larger than this are not checked here (the caller's full verdict) */
#define RP_SQLJOURNAL_MAX ((uint64_t)16 << 20)

/* Whether the name is a rollback journal's ("...-journal"). */
int rp_sqljournal_name(const char *base);

/* fd: the file, size: its size now. 1 a valid rollback journal whose pages are not
 * random, 0 not (or not told: too large, a read failed). */
int rp_sqljournal_check(int fd, uint64_t size);

#endif
