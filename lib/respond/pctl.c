/* /proc readers and the guarded signal of watch. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "core/err.h"
#include "respond/pctl.h"

static int
read_small(const char *path, char *buf, size_t cap, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT || errno == ESRCH ? RP_ERR_VANISHED : RP_ERR_SYSTEM;
	size_t n = 0;
	while (n + 1 < cap) {
		ssize_t k = read(fd, buf + n, cap - 1 - n);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			int e = errno;
			close(fd);
			errno = e;
			return e == ESRCH ? RP_ERR_VANISHED : RP_ERR_SYSTEM;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return 0;
}

/* ppid and sid from /proc/PID/stat, after the last ')' of the comm field. */
static int
parse_stat(pid_t pid, pid_t *ppid, pid_t *sid, char *comm, size_t commcap)
{
	char path[64], buf[1024];
	size_t len;
	int r;
	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	if ((r = read_small(path, buf, sizeof(buf), &len)) != 0)
		return r;
	char *open_p = strchr(buf, '(');
	char *close_p = strrchr(buf, ')');
	if (open_p == NULL || close_p == NULL || close_p < open_p)
		return RP_ERR_FORMAT;
	if (comm != NULL) {
		size_t n = (size_t)(close_p - open_p - 1);
		if (n >= commcap)
			n = commcap - 1;
		memcpy(comm, open_p + 1, n);
		comm[n] = '\0';
	}
	/* ") S ppid pgrp session" */
	char *p = close_p + 1;
	char *end;
	while (*p == ' ')
		p++;
	if (*p == '\0')
		return RP_ERR_FORMAT;
	p++;                      /* state */
	long v = strtol(p, &end, 10);
	if (end == p)
		return RP_ERR_FORMAT;
	*ppid = (pid_t)v;
	p = end;
	(void)strtol(p, &end, 10);   /* pgrp */
	if (end == p)
		return RP_ERR_FORMAT;
	p = end;
	v = strtol(p, &end, 10);
	if (end == p)
		return RP_ERR_FORMAT;
	*sid = (pid_t)v;
	return 0;
}

int
rp_proc_info(pid_t pid, struct rp_proc_info *info)
{
	char path[64], buf[4096];
	size_t len;
	int r;

	memset(info, 0, sizeof(*info));
	info->pid = pid;
	if ((r = parse_stat(pid, &info->ppid, &info->sid, info->comm, sizeof(info->comm))) != 0)
		return r;
	snprintf(path, sizeof(path), "/proc/%d/exe", (int)pid);
	ssize_t n = readlink(path, info->exe, sizeof(info->exe) - 1);
	info->exe[n > 0 ? n : 0] = '\0';
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)pid);
	if (read_small(path, buf, sizeof(buf), &len) == 0) {
		while (len > 0 && buf[len - 1] == '\0')
			len--;
		if (len >= sizeof(info->cmdline))
			len = sizeof(info->cmdline) - 1;
		for (size_t i = 0; i < len; i++)
			info->cmdline[i] = buf[i] == '\0' ? ' ' : buf[i];
		info->cmdline[len] = '\0';
	}
	info->tgid = pid;
	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	if (read_small(path, buf, sizeof(buf), &len) == 0) {
		const char *t = strstr(buf, "\nTgid:");
		long v = t ? strtol(t + 6, NULL, 10) : 0;
		if (v > 0)
			info->tgid = (pid_t)v;
	}
	struct stat st;
	snprintf(path, sizeof(path), "/proc/%d", (int)pid);
	if (stat(path, &st) != 0)
		return RP_ERR_VANISHED;
	info->uid = st.st_uid;
	return 0;
}

static int
fd_writable(pid_t pid, long fdno)
{
	char path[64], buf[512];
	size_t len;
	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%ld", (int)pid, fdno);
	if (read_small(path, buf, sizeof(buf), &len) != 0)
		return -1;
	const char *f = strstr(buf, "flags:");
	if (f == NULL)
		return -1;
	long flags = strtol(f + 6, NULL, 8);
	return (flags & O_ACCMODE) != O_RDONLY;
}

/* An open's access, from its flags. */
static enum rp_proc_access
open_access(unsigned long flags)
{
	if (flags & O_TRUNC)
		return RP_PROC_TRUNC;
	switch (flags & O_ACCMODE) {
	case O_RDONLY: return RP_PROC_READ;
	case O_RDWR: return RP_PROC_OPEN_RW;
	default: return RP_PROC_WRITE;
	}
}

/* Whether descriptor fdno of pid is the file (dev, ino): 1, 0, or -1 when it cannot
 * tell. A stat of the /proc link follows it without opening the file: no event. */
static int
fd_is(pid_t pid, long fdno, uint64_t dev, uint64_t ino)
{
	char path[64];
	struct stat st;
	if (dev == 0 && ino == 0)
		return -1;
	snprintf(path, sizeof(path), "/proc/%d/fd/%ld", (int)pid, fdno);
	if (stat(path, &st) != 0)
		return -1;
	return (uint64_t)st.st_dev == dev && (uint64_t)st.st_ino == ino;
}

/* A read through fdno: RP_PROC_READ, or RP_PROC_READ_RW when the descriptor is open for
 * writing too. */
static enum rp_proc_access
read_through(pid_t pid, long fdno)
{
	/* a read through a descriptor open for writing may be the read of a
	 * read-then-overwrite: count it as a write so the copy comes first */
	return fd_writable(pid, fdno) == 0 ? RP_PROC_READ : RP_PROC_READ_RW;
}

/* A call with a descriptor in and a descriptor out (copy_file_range, splice, sendfile):
 * a read when the file is the one read from, a write when it is the one written to. */
static enum rp_proc_access
in_out(pid_t pid, long in, long out, uint64_t dev, uint64_t ino)
{
	int o = fd_is(pid, out, dev, ino);
	if (o != 0)
		return o > 0 ? RP_PROC_WRITE : RP_PROC_UNKNOWN;
	return fd_is(pid, in, dev, ino) > 0 ? read_through(pid, in) : RP_PROC_UNKNOWN;
}

enum rp_proc_access
rp_proc_access(pid_t pid, uint64_t dev, uint64_t ino)
{
	char path[64], buf[512];
	size_t len;
	snprintf(path, sizeof(path), "/proc/%d/syscall", (int)pid);
	/*
	 * The kernel says "running" for a task that is not asleep at that instant. One
	 * blocked in a permission event is woken by every answer the group gives (all its
	 * waiters share one wait queue) and sleeps again once it sees its own is not
	 * there: on a busy machine it may wait for a core meanwhile. Read again, giving the
	 * core away, for up to about 10 ms: an access taken for unknown is taken for a
	 * write (a canary's reader stopped as its writer: seen on two loaded cores).
	 */
	for (int tries = 0;; tries++) {
		if (read_small(path, buf, sizeof(buf), &len) != 0)
			return RP_PROC_UNKNOWN;
		if (strncmp(buf, "running", 7) != 0)
			break;
		if (tries == 200)
			return RP_PROC_UNKNOWN;
		usleep(50);
	}
	char *end;
	long nr = strtol(buf, &end, 10);
	if (end == buf)
		return RP_PROC_UNKNOWN;
	unsigned long arg[4] = { 0, 0, 0, 0 };
	char *p = end;
	for (int i = 0; i < 4; i++) {
		arg[i] = strtoul(p, &end, 16);
		if (end == p)
			return RP_PROC_UNKNOWN;
		p = end;
	}
	switch (nr) {
	case SYS_read: case SYS_pread64: case SYS_readv: case SYS_preadv:
#ifdef SYS_preadv2
	case SYS_preadv2:
#endif
		return read_through(pid, (long)arg[0]);
	/* cp (coreutils 9) copies with copy_file_range: one event on the file read from,
	 * one on the file written to */
#ifdef SYS_copy_file_range
	case SYS_copy_file_range:
#endif
	case SYS_splice:
		return in_out(pid, (long)arg[0], (long)arg[2], dev, ino);
	case SYS_sendfile: {
		/* sendfile(out, in, ...): the file is the one read, unless it is out */
		enum rp_proc_access a = in_out(pid, (long)arg[1], (long)arg[0], dev, ino);
		return a == RP_PROC_UNKNOWN ? RP_PROC_READ : a;
	}
	case SYS_execve:
		return RP_PROC_READ;
	case SYS_mmap:
		/* a shared writable mapping reads the pages it will overwrite */
		return (arg[2] & PROT_WRITE) ? RP_PROC_MAP : RP_PROC_READ;
	/* O_TRUNC truncates whatever the access mode (O_RDONLY too, on Linux) */
	case SYS_openat:
		return open_access(arg[2]);
#ifdef SYS_open
	case SYS_open:
		return open_access(arg[1]);
#endif
#ifdef SYS_creat
	case SYS_creat:
		return RP_PROC_TRUNC;
#endif
	case SYS_write: case SYS_pwrite64: case SYS_writev: case SYS_pwritev:
#ifdef SYS_pwritev2
	case SYS_pwritev2:
#endif
		return RP_PROC_WRITE;
	case SYS_ftruncate: case SYS_truncate: case SYS_fallocate:
		return RP_PROC_RESIZE;
	default:
		return RP_PROC_UNKNOWN;
	}
}

int
rp_proc_maps_line_writes(const char *line, size_t len, uint64_t dev, uint64_t ino)
{
	/* "start-end perms offset major:minor inode   path" */
	char l[256], perms[8];
	unsigned long long off, nino;
	unsigned maj, min;
	if (len >= sizeof(l))
		len = sizeof(l) - 1;    /* the fields before the path fit */
	memcpy(l, line, len);
	l[len] = '\0';
	const char *sp = strchr(l, ' ');
	if (sp == NULL || sscanf(sp, " %7s %llx %x:%x %llu", perms, &off, &maj, &min, &nino) != 5)
		return 0;
	return strlen(perms) == 4 && perms[1] == 'w' && perms[3] == 's' && nino == ino &&
	    maj == major((dev_t)dev) && min == minor((dev_t)dev);
}

int
rp_proc_maps_writable(pid_t pid, uint64_t dev, uint64_t ino)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return errno == ENOENT || errno == ESRCH ? RP_ERR_VANISHED : RP_ERR_SYSTEM;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int found = 0;
	while (!found && (n = getline(&line, &cap, f)) > 0)
		found = rp_proc_maps_line_writes(line, (size_t)n, dev, ino);
	free(line);
	fclose(f);
	return found;
}

int
rp_proc_is_ancestor(pid_t anc, pid_t pid)
{
	for (int depth = 0; pid > 0 && depth < 256; depth++) {
		if (pid == anc)
			return 1;
		pid_t ppid, sid;
		if (parse_stat(pid, &ppid, &sid, NULL, 0) != 0 || ppid == pid)
			return 0;
		pid = ppid;
	}
	return 0;
}

int
rp_proc_signal(pid_t pid, int sig)
{
	if (pid <= 1 || rp_proc_is_ancestor(pid, getpid()))
		return RP_ERR_REFUSED;
	if (kill(pid, sig) != 0)
		return errno == ESRCH ? RP_ERR_VANISHED : RP_ERR_SYSTEM;
	return 0;
}
