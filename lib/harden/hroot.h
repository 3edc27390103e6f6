/*
 * The system that harden reads: a directory (the live system's "/", or a mounted copy
 * or restored system) or, for tests and fuzzers, files held in memory. Every path is
 * the checked system's own absolute path ("/etc/ssh/sshd_config"); in a directory root
 * it is resolved with openat2(RESOLVE_IN_ROOT), so that an absolute symlink or ".." in
 * a copied system stays inside the copy instead of reaching the host's own /etc.
 *
 * Reading changes nothing: files and directories are opened read-only with O_NOATIME
 * (without it only where the kernel refuses it to a caller that does not own the
 * file), O_NONBLOCK (a FIFO planted as a config file cannot block) and only regular
 * files are read. Thread-safe for reads once set up; the struct is owned by the caller.
 */
#ifndef RP_HROOT_H
#define RP_HROOT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_hfile {            /* one file of a memory root */
	const char *path;        /* absolute: "/etc/samba/smb.conf" */
	const char *data;
	size_t len;
	int64_t mtime;           /* seconds since the epoch */
};

struct rp_hroot {
	int fd;                  /* the root directory, or -1 for a memory root */
	const struct rp_hfile *files;   /* memory root: borrowed, any order */
	size_t nfiles;
};

/* A growable list of C strings (owned). */
struct rp_strv {
	char **v;
	size_t n;
	size_t cap;               /* allocated (lib/core/array.h) */
};
#define RP_STRV_INIT { NULL, 0, 0 }
int rp_strv_push(struct rp_strv *s, const char *str, size_t len);
void rp_strv_sort(struct rp_strv *s);            /* bytewise, as glob(3) in the C locale */
void rp_strv_release(struct rp_strv *s);         /* accepts a zeroed struct */

/* Opens dir as the root. RP_ERR_SYSTEM (errno) when it cannot be opened. */
int rp_hroot_open(struct rp_hroot *r, const char *dir);
/* A memory root over files (borrowed: they must outlive r). */
void rp_hroot_mem(struct rp_hroot *r, const struct rp_hfile *files, size_t n);
void rp_hroot_close(struct rp_hroot *r);

/* Appends the file at path to out (at most max bytes, else RP_ERR_TOOBIG; out is left
 * as it was on any error). RP_ERR_NOTFOUND when it does not exist, RP_ERR_INVALID
 * when it is not a regular file, RP_ERR_SYSTEM otherwise (errno). */
int rp_hroot_read(const struct rp_hroot *r, const char *path, struct rp_buf *out, size_t max);

/* What is at path: 0 with *is_dir and *mtime (both optional) set, or RP_ERR_NOTFOUND. */
int rp_hroot_stat(const struct rp_hroot *r, const char *path, int *is_dir, int64_t *mtime);

/* The names in directory dir (not "." and ".."), sorted bytewise; at most 4096 (the
 * rest is left out and RP_ERR_TOOBIG returned with the list filled). RP_ERR_NOTFOUND
 * when dir does not exist. */
int rp_hroot_list(const struct rp_hroot *r, const char *dir, struct rp_strv *names);

/* The paths matching pattern as glob(3) finds them (*, ?, [...] in any component; a
 * leading '.' matched only explicitly), sorted. No match is not an error. At most
 * 4096 paths. */
int rp_hroot_glob(const struct rp_hroot *r, const char *pattern, struct rp_strv *paths);

#endif
