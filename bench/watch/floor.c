/*
 * floor [--spin US] [--opens] DIR: the physical floor of a pre-content responder, for
 * bench/watch/run.sh. One fanotify group (FAN_CLASS_PRE_CONTENT) marks DIR and every
 * directory below it (inode marks, FAN_OPEN_PERM | FAN_PRE_ACCESS | FAN_CLOSE_WRITE |
 * FAN_EVENT_ON_CHILD, the events a zero-loss watcher needs: an open with O_TRUNC
 * empties a file with no pre-content event, only the open's; symlinks are not followed, directories made later are not
 * marked), prints "ready", then answers every permission event FAN_ALLOW at once and
 * closes every event's descriptor: the round trip a watcher cannot avoid, with no
 * work in it. --spin US: after each batch, busy-poll (poll with timeout 0) up to US
 * microseconds before blocking (riposte watch --spin US does the same while events
 * come close together). --opens: FAN_OPEN_PERM only, no pre-content events: one
 * answer per open, the least a watcher that copies before an O_TRUNC can ask (riposte
 * watch asks no more than that of a writer whose file it has kept whole). --holds:
 * pre-content events, and before it answers the open of an empty file (a new one:
 * nothing to keep) an ignore mark for that file's pre-access events, evictable and
 * left on (riposte watch does the same and takes it off at the next open of the
 * file, which none of the benchmark's workloads makes): the least a zero-loss
 * watcher with pre-content events asks of a writer of new files, one answer per
 * open, and the kernel's cost of the marks (every write to an existing file is still
 * asked: no floor for a database rewritten in place). --once: as --holds, and a file's
 * first pre-content event (a read or a write) also leaves an ignore mark on it: each
 * file asked once, whatever it is (the least a zero-loss watcher asks of a database it
 * has kept: riposte watch asks more until the original is kept, then no more). Every
 * read and write of a file opened in a directory marked for pre-content events still
 * goes through the kernel's hook, marked or not: --once counts that in, --opens does
 * not. --calls: as --holds, and each event makes the system calls riposte watch
 * makes for it on a zero-loss path, judging nothing (issue 27: the gap between the
 * floor and watch split into what the kernel charges for those calls and what watch
 * computes and waits on): an open, an fstat; an empty file's open, the lazy hold's
 * file handle (name_to_handle_at) and its ignore mark, the open's descriptor kept (the
 * grow slot) until the file's close; another file's open, its path (readlinkat of
 * /proc/self/fd/N); a pre-content event, an fstat and the --once ignore mark; a close
 * after writing, an fstat, the kept open descriptor closed, and for a file still
 * linked its path, a pread of its first 32 KiB (the cheap look) and the close's
 * descriptor kept in a ring of 256 (the looked-at files), the one it replaces
 * closed; one read of the queue per wake-up, as watch. Counted with `perf stat -e 'syscalls:sys_enter_*'` against watch's per
 * document (bench/RESULTS.md, branch watch4). On SIGTERM or SIGINT it prints "pre N
 * close_write N overflow N dirs N" and exits 0.
 * Build: cc -O2 -o floor bench/watch/floor.c   (Linux 6.14+ for FAN_PRE_ACCESS; root)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef FAN_PRE_ACCESS
#define FAN_PRE_ACCESS 0x00100000
#endif

static int group = -1;          /* nftw's callback has no context argument */
static uint64_t pre_mask = FAN_PRE_ACCESS;
static unsigned long ndirs;

/* --calls: the open descriptors of the new files being written (watch's grow slots),
 * and the closed files' descriptors kept (watch's looked-at ring) */
#define NSLOT 64
#define NRING 256
static struct slot { dev_t dev; ino_t ino; int fd; } slots[NSLOT];
static int ring[NRING];
static size_t ring_next;
static int procfd = -1;

static void
path_of(int fd)
{
	char link[32], path[4096];
	snprintf(link, sizeof link, "%d", fd);
	if (readlinkat(procfd, link, path, sizeof path) < 0)
		perror("floor: readlinkat");
}

/* returns 1 when the event's descriptor is kept */
static int
calls_open(int fd, const struct stat *st)
{
	if (!S_ISREG(st->st_mode))
		return 0;
	if (st->st_size != 0) {
		path_of(fd);
		return 0;
	}
	struct { struct file_handle fh; unsigned char h[128]; } fh;
	int mnt;
	fh.fh.handle_bytes = sizeof fh.h;
	if (name_to_handle_at(fd, "", &fh.fh, &mnt, AT_EMPTY_PATH) != 0)
		perror("floor: name_to_handle_at");
	if (fanotify_mark(group, FAN_MARK_ADD | FAN_MARK_IGNORE_SURV | FAN_MARK_EVICTABLE,
	    FAN_PRE_ACCESS, fd, NULL) != 0)
		perror("floor: ignore mark");
	size_t k = 0;
	for (size_t i = 0; i < NSLOT; i++)
		if (slots[i].fd < 0) {
			k = i;
			break;
		}
	if (slots[k].fd >= 0)
		close(slots[k].fd);
	slots[k] = (struct slot){ st->st_dev, st->st_ino, fd };
	return 1;
}

static int
calls_close(int fd)
{
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		return 0;
	for (size_t i = 0; i < NSLOT; i++)
		if (slots[i].fd >= 0 && slots[i].dev == st.st_dev && slots[i].ino == st.st_ino) {
			close(slots[i].fd);
			slots[i].fd = -1;
		}
	if (st.st_nlink == 0)
		return 0;
	path_of(fd);
	static char look[32768];
	if (pread(fd, look, st.st_size < (off_t)sizeof look ? (size_t)st.st_size : sizeof look, 0) < 0)
		perror("floor: pread");
	if (ring[ring_next] >= 0)
		close(ring[ring_next]);
	ring[ring_next] = fd;
	ring_next = (ring_next + 1) % NRING;
	return 1;
}

static int
mark(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)ftw;
	if (type != FTW_D)
		return 0;       /* files are covered by their directory's mark */
	if (fanotify_mark(group, FAN_MARK_ADD | FAN_MARK_ONLYDIR,
	    FAN_OPEN_PERM | pre_mask | FAN_CLOSE_WRITE | FAN_EVENT_ON_CHILD, AT_FDCWD, path) != 0) {
		fprintf(stderr, "floor: cannot mark '%s': %s\n", path, strerror(errno));
		return -1;
	}
	ndirs++;
	return 0;
}

static int64_t
now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "spin", required_argument, NULL, 's' },
		{ "opens", no_argument, NULL, 'o' },
		{ "holds", no_argument, NULL, 'h' },
		{ "once", no_argument, NULL, '1' },
		{ "calls", no_argument, NULL, 'c' },
		{ NULL, 0, NULL, 0 },
	};
	long spin = 0;
	int c, holds = 0, once = 0, calls = 0;
	while ((c = getopt_long(argc, argv, "+", longopts, NULL)) != -1) {
		if (c == 'o') {
			pre_mask = 0;
			continue;
		}
		if (c == 'h' || c == '1' || c == 'c') {
			holds = 1;
			once |= c == '1' || c == 'c';
			calls |= c == 'c';
			continue;
		}
		if (c != 's')
			goto usage;
		char *end;
		errno = 0;
		spin = strtol(optarg, &end, 10);
		if (errno != 0 || *end != '\0' || end == optarg || spin < 0 || spin > 1000000)
			goto usage;
	}
	if (optind != argc - 1 || (holds && pre_mask == 0))
		goto usage;

	sigset_t ss;
	sigemptyset(&ss);
	sigaddset(&ss, SIGTERM);
	sigaddset(&ss, SIGINT);
	if (sigprocmask(SIG_BLOCK, &ss, NULL) != 0) {
		perror("floor: sigprocmask");
		return 2;
	}
	int sfd = signalfd(-1, &ss, SFD_CLOEXEC | SFD_NONBLOCK);
	if (sfd < 0) {
		perror("floor: signalfd");
		return 2;
	}
	group = fanotify_init(FAN_CLASS_PRE_CONTENT | FAN_CLOEXEC | FAN_NONBLOCK,
	    O_RDONLY | O_LARGEFILE | O_CLOEXEC);
	if (group < 0) {
		perror("floor: fanotify_init");
		return 2;
	}
	if (nftw(argv[optind], mark, 64, FTW_PHYS) != 0) {
		if (ndirs == 0)
			fprintf(stderr, "floor: cannot walk '%s'\n", argv[optind]);
		return 2;
	}
	for (size_t i = 0; i < NSLOT; i++)
		slots[i].fd = -1;
	for (size_t i = 0; i < NRING; i++)
		ring[i] = -1;
	if (calls && (procfd = open("/proc/self/fd", O_PATH | O_DIRECTORY | O_CLOEXEC)) < 0) {
		perror("floor: /proc/self/fd");
		return 2;
	}
	printf("ready\n");
	if (fflush(stdout) != 0)
		return 2;

	static char buf[65536] __attribute__((aligned(8)));
	unsigned long npre = 0, nclose = 0, noverflow = 0;
	struct pollfd p[2] = { { group, POLLIN, 0 }, { sfd, POLLIN, 0 } };
	for (;;) {
		int pr = 0;
		if (spin > 0) {
			int64_t t0 = now_us();
			while ((pr = poll(p, 2, 0)) == 0 && now_us() - t0 < spin)
				;
		}
		if (pr == 0)
			pr = poll(p, 2, -1);
		if (pr < 0) {
			if (errno == EINTR)
				continue;
			perror("floor: poll");
			return 2;
		}
		if (p[1].revents & POLLIN)
			break;
		for (;;) {      /* drain the queue */
			ssize_t n = read(group, buf, sizeof buf);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;  /* EAGAIN: empty */
			struct fanotify_event_metadata *e = (struct fanotify_event_metadata *)buf;
			for (; FAN_EVENT_OK(e, n); e = FAN_EVENT_NEXT(e, n)) {
				if (e->mask & FAN_Q_OVERFLOW)
					noverflow++;
				int kept = 0;
				if (e->mask & (FAN_PRE_ACCESS | FAN_OPEN_PERM)) {
					struct stat st;
					if (calls && fstat(e->fd, &st) == 0 && (e->mask & FAN_OPEN_PERM))
						kept = calls_open(e->fd, &st);
					else if (holds && !calls && (e->mask & FAN_OPEN_PERM) && fstat(e->fd, &st) == 0 &&
					    S_ISREG(st.st_mode) && st.st_size == 0 &&
					    fanotify_mark(group, FAN_MARK_ADD | FAN_MARK_IGNORE_SURV |
					    FAN_MARK_EVICTABLE, FAN_PRE_ACCESS, e->fd, NULL) != 0)
						perror("floor: ignore mark");
					if (once && (e->mask & FAN_PRE_ACCESS) &&
					    fanotify_mark(group, FAN_MARK_ADD | FAN_MARK_IGNORE_SURV |
					    FAN_MARK_EVICTABLE, FAN_PRE_ACCESS, e->fd, NULL) != 0)
						perror("floor: ignore mark");
					struct fanotify_response r = { .fd = e->fd, .response = FAN_ALLOW };
					if (write(group, &r, sizeof r) != (ssize_t)sizeof r)
						perror("floor: answer");
					npre++;
				}
				if (e->mask & FAN_CLOSE_WRITE) {
					nclose++;
					if (calls)
						kept = calls_close(e->fd);
				}
				if (e->fd >= 0 && !kept)
					close(e->fd);
			}
			if (calls)
				break;  /* one read per wake-up, as watch (rp_fan_read) */
		}
	}
	/* as watch at its end: the descriptors it kept, closed */
	for (size_t i = 0; calls && i < NSLOT; i++)
		if (slots[i].fd >= 0)
			close(slots[i].fd);
	for (size_t i = 0; calls && i < NRING; i++)
		if (ring[i] >= 0)
			close(ring[i]);
	printf("pre %lu close_write %lu overflow %lu dirs %lu\n", npre, nclose, noverflow, ndirs);
	return fflush(stdout) != 0 ? 2 : 0;

usage:
	fprintf(stderr, "usage: floor [--spin US] [--opens | --holds | --once | --calls] DIR\n");
	return 2;
}
