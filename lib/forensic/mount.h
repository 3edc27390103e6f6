/*
 * Mount options of the filesystem holding a path, from /proc/self/mountinfo, and what
 * its access-time mode lets atime prove. Thread-safe.
 */
#ifndef RP_FX_MOUNT_H
#define RP_FX_MOUNT_H

#include <stddef.h>

enum rp_atime_mode {
	RP_ATIME_STRICT,     /* every read updates atime */
	RP_ATIME_RELATIME,   /* a read updates atime only if atime <= mtime/ctime or older than 24 h */
	RP_ATIME_NOATIME,    /* reads never update atime */
};

struct rp_mount {
	char point[1024];     /* mount point, unescaped */
	char fstype[64];
	char source[256];
	char options[512];    /* per-mount options (rw,relatime,...) */
	char super[512];      /* superblock options */
	enum rp_atime_mode atime;
	int lazytime;         /* atime updates kept in memory up to 24 h */
	int nodiratime;
	int readonly;
};

const char *rp_atime_mode_name(enum rp_atime_mode m);   /* "strictatime", "relatime", "noatime" */

/* Finds, in the text of a mountinfo file, the mount of device major:minor whose mount
 * point is the longest prefix of abs_path (the last such line when several). Returns 0,
 * RP_ERR_NOTFOUND, or RP_ERR_FORMAT for a line that is not a mountinfo line. */
int rp_mount_parse(const char *text, size_t len, unsigned major, unsigned minor,
    const char *abs_path, struct rp_mount *out);

/* The same for path on this system (stat + /proc/self/mountinfo). */
int rp_mount_of(const char *path, struct rp_mount *out);

/* Copies n bytes of a mountinfo or fstab field into dst (cap bytes, always terminated,
 * cut to fit), turning the \040-style octal escapes both files write back into bytes. */
void rp_mount_unescape(char *dst, size_t cap, const char *s, size_t n);

#endif
