/* The physical floor of `riposte scan`: walk the tree and read exactly the bytes the
 * scan samples, and nothing else: whole files up to 1 MiB; above, the head and the tail
 * 64 KiB and 16 regions of 16 KiB spread between them. No parsing, no statistics.
 *   floor [-j N] [-a AHEAD] [-i] DIR    prints "files bytes_in_files bytes_read"
 * Opens with O_NOATIME like the scan (falls back without it where refused).
 * The scan's freedoms, to keep the floor fair (off by default, as the floor was):
 *   -a AHEAD  before reading file i, ask the kernel to start reading the ranges of file
 *             i + AHEAD (posix_fadvise WILLNEED), as the scan does for the files queued
 *             in its ring (AHEAD = its ring: 32 x jobs + 32)
 *   -i        read each directory's files in inode order instead of nftw's (readdir)
 *             order; the scan reads in name order and could do this too */
#define _GNU_SOURCE
#include <fcntl.h>
#include <ftw.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define KiB 1024ULL
#define MiB (1024ULL * KiB)

struct ent {
	char *path;
	ino_t ino;
	size_t dirlen;     /* length of the directory part of path */
	size_t seq;        /* walk order */
};
static struct ent *paths;
static size_t npaths, cap;
static size_t ahead;
static size_t next_i;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static unsigned long long total_size, total_read;

static int add(const char *p, const struct stat *st, int type, struct FTW *f)
{
	if (type != FTW_F)
		return 0;
	if (npaths == cap) {
		cap = cap ? cap * 2 : 4096;
		paths = realloc(paths, cap * sizeof *paths);
		if (!paths)
			abort();
	}
	paths[npaths].path = strdup(p);
	paths[npaths].ino = st->st_ino;
	paths[npaths].dirlen = (size_t)f->base;
	paths[npaths].seq = npaths;
	npaths++;
	return 0;
}

/* directory (by path), then inode */
static int cmp_ino(const void *a, const void *b)
{
	const struct ent *x = a, *y = b;
	size_t n = x->dirlen < y->dirlen ? x->dirlen : y->dirlen;
	int c;

	if ((c = memcmp(x->path, y->path, n)) != 0)
		return c;
	if (x->dirlen != y->dirlen)
		return x->dirlen < y->dirlen ? -1 : 1;
	if (x->ino != y->ino)
		return x->ino < y->ino ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* the ranges a read of a file of size s takes (below), as WILLNEED */
static void prefetch(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOATIME);
	struct stat st;

	if (fd < 0)
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		unsigned long long s = (unsigned long long)st.st_size;
		if (s <= MiB) {
			posix_fadvise(fd, 0, (off_t)s, POSIX_FADV_WILLNEED);
		} else {
			unsigned long long span = s - 128 * KiB - 16 * KiB;
			posix_fadvise(fd, 0, 64 * KiB, POSIX_FADV_WILLNEED);
			posix_fadvise(fd, (off_t)(s - 64 * KiB), 64 * KiB, POSIX_FADV_WILLNEED);
			for (int k = 0; k < 16; k++)
				posix_fadvise(fd, (off_t)(64 * KiB + span * (unsigned long long)k / 15),
				    16 * KiB, POSIX_FADV_WILLNEED);
		}
	}
	close(fd);
}

static unsigned long long rd(int fd, char *buf, unsigned long long off, unsigned long long len)
{
	unsigned long long got = 0;
	while (got < len) {
		ssize_t n = pread(fd, buf, len - got, (off_t)(off + got));
		if (n <= 0)
			break;
		got += (unsigned long long)n;
	}
	return got;
}

static void *worker(void *arg)
{
	char *buf = malloc(MiB);
	unsigned long long sz = 0, red = 0;
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&mu);
		size_t i = next_i++;
		pthread_mutex_unlock(&mu);
		if (i >= npaths)
			break;
		if (ahead) {
			/* the first file also starts the reads of the AHEAD files before it */
			for (size_t k = i == 0 ? 1 : i + ahead; k <= i + ahead && k < npaths; k++)
				prefetch(paths[k].path);
		}
		int fd = open(paths[i].path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOATIME);
		if (fd < 0)
			fd = open(paths[i].path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0)
			continue;
		struct stat st;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
			unsigned long long s = (unsigned long long)st.st_size;
			sz += s;
			if (s <= MiB) {
				red += rd(fd, buf, 0, s);
			} else {
				red += rd(fd, buf, 0, 64 * KiB);
				red += rd(fd, buf, s - 64 * KiB, 64 * KiB);
				unsigned long long span = s - 128 * KiB - 16 * KiB;
				for (int k = 0; k < 16; k++)
					red += rd(fd, buf, 64 * KiB + span * (unsigned long long)k / 15, 16 * KiB);
			}
		}
		close(fd);
	}
	pthread_mutex_lock(&mu);
	total_size += sz;
	total_read += red;
	pthread_mutex_unlock(&mu);
	free(buf);
	return NULL;
}

int main(int argc, char **argv)
{
	int j = (int)sysconf(_SC_NPROCESSORS_ONLN), c, by_ino = 0;
	while ((c = getopt(argc, argv, "j:a:i")) != -1)
		if (c == 'j')
			j = (int)strtol(optarg, NULL, 10);
		else if (c == 'a')
			ahead = (size_t)strtoul(optarg, NULL, 10);
		else if (c == 'i')
			by_ino = 1;
		else
			j = 0;
	if (optind != argc - 1 || j < 1) {
		fprintf(stderr, "usage: floor [-j N] [-a AHEAD] [-i] DIR\n");
		return 2;
	}
	if (nftw(argv[optind], add, 64, FTW_PHYS | FTW_MOUNT) != 0) {
		perror("nftw");
		return 2;
	}
	if (by_ino && npaths > 1)
		qsort(paths, npaths, sizeof *paths, cmp_ino);
	pthread_t *t = calloc((size_t)j, sizeof *t);
	for (int i = 0; i < j; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < j; i++)
		pthread_join(t[i], NULL);
	printf("%zu %llu %llu\n", npaths, total_size, total_read);
	return 0;
}
