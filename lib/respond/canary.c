/* Canary files. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/file.h"
#include "respond/canary.h"

const char *const rp_canary_names[] = {
	"!Accounts-2026.csv",
	"~Payroll-archive.csv",
	NULL,
};

#define HEADER "Invoice;Date;Customer;Amount;Paid\n"

int
rp_canary_is(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	for (size_t i = 0; rp_canary_names[i] != NULL; i++)
		if (strcmp(base, rp_canary_names[i]) == 0)
			return 1;
	return 0;
}

int
rp_canary_deploy(const char *dir, int64_t now, size_t *n)
{
	struct rp_buf b, path;
	int r = 0;
	rp_buf_init(&b, 1 << 20);
	rp_buf_init(&path, 8192);
	*n = 0;
	for (size_t i = 0; rp_canary_names[i] != NULL; i++) {
		rp_buf_reset(&b);
		rp_buf_reset(&path);
		uint64_t x = (uint64_t)now * 2654435761u + i * 40503u + 1;
		if ((r = rp_buf_addstr(&b, HEADER)) != 0)
			goto out;
		for (int k = 0; k < 200; k++) {
			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			if ((r = rp_buf_addf(&b, "%d-%04d;2026-%02d-%02d;Customer %03u;%u.%02u;%s\n",
			    2026, k + 1, (int)(x % 12) + 1, (int)(x / 12 % 28) + 1,
			    (unsigned)(x >> 20) % 500, (unsigned)(x >> 30) % 9000 + 100,
			    (unsigned)(x >> 40) % 100, (x >> 50) & 1 ? "yes" : "no")) != 0)
				goto out;
		}
		if ((r = rp_buf_addf(&path, "%s/%s", dir, rp_canary_names[i])) != 0)
			goto out;
		if ((r = rp_file_write_atomic(path.buf, b.buf, b.len, 0644)) != 0)
			goto out;
		(*n)++;
	}
out:
	rp_buf_release(&b);
	rp_buf_release(&path);
	return r;
}

int
rp_canary_intact_fd(int fd)
{
	char head[sizeof(HEADER)];
	ssize_t n = rp_pread_full(fd, head, sizeof(HEADER) - 1, 0);
	if (n < 0)
		return RP_ERR_SYSTEM;
	return (size_t)n == sizeof(HEADER) - 1 && memcmp(head, HEADER, sizeof(HEADER) - 1) == 0;
}

int
rp_canary_intact(const char *path)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOATIME);
	if (fd < 0 && errno == EPERM)
		fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT ? RP_ERR_NOTFOUND : RP_ERR_SYSTEM;
	int r = rp_canary_intact_fd(fd);
	close(fd);
	return r;
}
