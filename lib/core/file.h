/*
 * Small file helpers shared by every subsystem. Thread-safe.
 */
#ifndef RP_FILE_H
#define RP_FILE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "core/buf.h"

/* Appends the whole file to out, failing with RP_ERR_TOOBIG past max bytes.
 * Never blocks on a FIFO (O_NONBLOCK; anything but a regular file is RP_ERR_INVALID). */
int rp_file_read_all(int dirfd, const char *path, struct rp_buf *out, size_t max);

/* The same from a descriptor the caller opened (and still owns: not closed): fstat,
 * anything but a regular file is RP_ERR_INVALID, past max bytes RP_ERR_TOOBIG (the
 * size fstat gives is not trusted: /proc and /sys lie). On error out is back to its length on entry and errno is read()'s/fstat's. */
int rp_file_read_fd(int fd, struct rp_buf *out, size_t max);

/* Writes all of buf, retrying short writes and EINTR. ENOSPC becomes RP_ERR_NOSPACE. */
int rp_write_all(int fd, const void *buf, size_t len);
/* Reaps the child PID, waiting at most MS milliseconds (polled: a child that does not
 * end is left running, for the caller to kill). 1 when reaped (*status set when not
 * NULL), 0 when still running after MS, -1 when PID is not a child of ours. */
int rp_waitpid_ms(pid_t pid, int *status, int ms);

/* Writes data to path through a temporary file in the same directory, fsync and
 * rename, so that a crash or a full disk leaves either the old or the new file. */
int rp_file_write_atomic(const char *path, const void *data, size_t len, mode_t mode);

/* Opens a file that may be evidence, read-only, without following a symlink, without
 * blocking on a FIFO, and with O_NOATIME so that reading it changes no access time.
 * O_NOATIME is refused (EPERM) to a caller that neither owns the file nor has
 * CAP_FOWNER: then *noatime is set to 0 and, only if allow_atime, the file is opened
 * without it; otherwise RP_ERR_PERM. With O_NOATIME in force *noatime is 1.
 * extra_flags may add O_DIRECTORY. Returns an fd >= 0 or a negative RP_ERR_*. */
int rp_open_evidence(int dirfd, const char *name, int extra_flags, int allow_atime,
    int *noatime);

/* The same through openat2 with its RESOLVE_* flags (resolve 0: openat, as above).
 * Without openat2 (before Linux 5.6) it fails with RP_ERR_SYSTEM and errno ENOSYS. */
int rp_open_evidence_resolve(int dirfd, const char *name, int extra_flags, uint64_t resolve,
    int allow_atime, int *noatime);

/* pread until len bytes or EOF; returns bytes read (short only at EOF) or -1 (errno). */
ssize_t rp_pread_full(int fd, void *buf, size_t len, off_t off);

#endif
