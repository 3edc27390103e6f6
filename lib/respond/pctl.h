/*
 * What watch needs to know about a process, and the signals it may send.
 *
 * Everything comes from /proc; a process can vanish between two reads, so every
 * function returns RP_ERR_VANISHED when it did. Thread-safe (no shared state).
 */
#ifndef RP_PCTL_H
#define RP_PCTL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct rp_proc_info {
	pid_t pid;
	pid_t tgid;               /* the process of a thread id (pid itself for a process) */
	pid_t ppid;
	pid_t sid;                /* session id: forked children of one attack share it */
	uid_t uid;                /* real uid */
	char comm[32];            /* the kernel's short name */
	char exe[512];            /* /proc/PID/exe, "" when unreadable (kernel thread, gone) */
	char cmdline[1024];       /* arguments joined by spaces, truncated */
};

/* Fills info for pid. Returns 0, RP_ERR_VANISHED, or RP_ERR_SYSTEM. */
int rp_proc_info(pid_t pid, struct rp_proc_info *info);

enum rp_proc_access {
	RP_PROC_UNKNOWN,
	RP_PROC_READ,        /* a read through a read-only descriptor */
	RP_PROC_READ_RW,     /* a read through a descriptor open for writing too (read, then overwrite?) */
	RP_PROC_MAP,         /* a writable mapping: its pages are written with no further event */
	RP_PROC_WRITE,       /* write, pwrite, writev...: what changes is the event's range */
	RP_PROC_RESIZE,      /* truncate, ftruncate, fallocate */
	RP_PROC_TRUNC,       /* an open with O_TRUNC, or creat(): the content goes at the open */
	RP_PROC_OPEN_RW,     /* an open for reading and writing (O_RDWR), without O_TRUNC */
};

/* For a process blocked in a system call on a file (a fanotify permission event),
 * whether that call reads or changes the file: from /proc/PID/syscall and the mode
 * of the descriptor it names. (dev, ino) is the file of the event (0, 0: unknown):
 * it tells, for a call with two descriptors (copy_file_range, splice, sendfile),
 * the file read from from the file written to. RP_PROC_UNKNOWN when it cannot tell
 * (page faults of an mmap, an unknown call): callers treat that as a write, and in
 * an open as a truncation. */
enum rp_proc_access rp_proc_access(pid_t pid, uint64_t dev, uint64_t ino);

/* Whether pid maps the file (dev, ino) shared and writable (/proc/PID/maps): what a
 * page fault with no system call (RP_PROC_UNKNOWN) may write through. 1, 0,
 * RP_ERR_VANISHED or RP_ERR_SYSTEM. */
int rp_proc_maps_writable(pid_t pid, uint64_t dev, uint64_t ino);
/* One line of /proc/PID/maps (len bytes, not NUL-terminated): 1 when it maps (dev,
 * ino) shared and writable ("rw-s"), else 0. */
int rp_proc_maps_line_writes(const char *line, size_t len, uint64_t dev, uint64_t ino);

/* Whether anc is pid or one of its ancestors. */
int rp_proc_is_ancestor(pid_t anc, pid_t pid);

/* Sends sig (SIGSTOP, SIGKILL, SIGCONT) to pid, refusing (RP_ERR_REFUSED) pid <= 1,
 * this process and its ancestors. Returns 0, RP_ERR_REFUSED, RP_ERR_VANISHED or
 * RP_ERR_SYSTEM. */
int rp_proc_signal(pid_t pid, int sig);

#endif
