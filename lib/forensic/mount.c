/* /proc/self/mountinfo: the mount of a path and its atime mode. */
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/file.h"
#include "forensic/mount.h"

const char *
rp_atime_mode_name(enum rp_atime_mode m)
{
	switch (m) {
	case RP_ATIME_STRICT: return "strictatime";
	case RP_ATIME_RELATIME: return "relatime";
	default: return "noatime";
	}
}

void
rp_mount_unescape(char *dst, size_t cap, const char *s, size_t n)
{
	size_t i, o = 0;

	for (i = 0; i < n && o + 1 < cap; i++) {
		if (s[i] == '\\' && i + 3 < n &&
		    s[i + 1] >= '0' && s[i + 1] <= '3' && s[i + 2] >= '0' && s[i + 2] <= '7' &&
		    s[i + 3] >= '0' && s[i + 3] <= '7') {
			dst[o++] = (char)((s[i + 1] - '0') * 64 + (s[i + 2] - '0') * 8 + (s[i + 3] - '0'));
			i += 3;
		} else {
			dst[o++] = s[i];
		}
	}
	dst[o] = '\0';
}

static int
has_opt(const char *opts, const char *name)
{
	size_t n = strlen(name);
	const char *p = opts;

	while ((p = strstr(p, name)) != NULL) {
		if ((p == opts || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
			return 1;
		p += n;
	}
	return 0;
}

static int
prefix_len(const char *point, const char *path)
{
	size_t n = strlen(point);

	if (strcmp(point, "/") == 0)
		return 1;
	if (strncmp(point, path, n) == 0 && (path[n] == '/' || path[n] == '\0'))
		return (int)n;
	return 0;
}

int
rp_mount_parse(const char *text, size_t len, unsigned major, unsigned minor,
    const char *abs_path, struct rp_mount *out)
{
	const char *p = text, *end = text + len;
	int best = -1;

	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		const char *f[12], *q, *dash = NULL;
		size_t fl[12], nf = 0;
		unsigned ma, mi;
		char devs[32], *e;
		struct rp_mount m;
		int pl;

		if (eol == NULL)
			eol = end;
		/* fields: id parent major:minor root point options [optional...] - type source super */
		for (q = p; q < eol && nf < 12;) {
			const char *s = q;

			while (q < eol && *q != ' ')
				q++;
			if (q - s == 1 && *s == '-' && dash == NULL && nf >= 6) {
				dash = s;
				f[nf] = s;
				fl[nf++] = 1;
				/* keep only the three fields after the separator */
			} else if (dash == NULL && nf >= 6) {
				/* optional fields: skipped */
			} else {
				f[nf] = s;
				fl[nf++] = (size_t)(q - s);
			}
			while (q < eol && *q == ' ')
				q++;
		}
		if (q == p && eol == end)
			break;
		if (nf < 9 || dash == NULL || fl[2] >= sizeof(devs))
			return RP_ERR_FORMAT;
		memcpy(devs, f[2], fl[2]);
		devs[fl[2]] = '\0';
		ma = (unsigned)strtoul(devs, &e, 10);
		if (*e != ':')
			return RP_ERR_FORMAT;
		mi = (unsigned)strtoul(e + 1, &e, 10);
		if (*e != '\0')
			return RP_ERR_FORMAT;
		p = eol + 1;
		if (ma != major || mi != minor)
			continue;
		memset(&m, 0, sizeof(m));
		rp_mount_unescape(m.point, sizeof(m.point), f[4], fl[4]);
		pl = abs_path ? prefix_len(m.point, abs_path) : 0;
		if (pl < best)
			continue;
		rp_mount_unescape(m.options, sizeof(m.options), f[5], fl[5]);
		rp_mount_unescape(m.fstype, sizeof(m.fstype), f[nf - 3], fl[nf - 3]);
		rp_mount_unescape(m.source, sizeof(m.source), f[nf - 2], fl[nf - 2]);
		rp_mount_unescape(m.super, sizeof(m.super), f[nf - 1], fl[nf - 1]);
		m.atime = has_opt(m.options, "noatime") ? RP_ATIME_NOATIME :
		    has_opt(m.options, "relatime") ? RP_ATIME_RELATIME : RP_ATIME_STRICT;
		m.lazytime = has_opt(m.super, "lazytime") || has_opt(m.options, "lazytime");
		m.nodiratime = has_opt(m.options, "nodiratime");
		m.readonly = has_opt(m.options, "ro");
		*out = m;
		best = pl;
	}
	return best < 0 ? RP_ERR_NOTFOUND : 0;
}

int
rp_mount_of(const char *path, struct rp_mount *out)
{
	struct rp_buf text = RP_BUF_INIT;
	struct stat st;
	char *abs = NULL;
	int r;

	if (stat(path, &st) != 0 || (abs = realpath(path, NULL)) == NULL)
		return RP_ERR_SYSTEM;
	if ((r = rp_file_read_all(AT_FDCWD, "/proc/self/mountinfo", &text,
	    (size_t)16 << 20)) == 0)
		r = rp_mount_parse(text.buf, text.len, major(st.st_dev), minor(st.st_dev), abs, out);
	rp_buf_release(&text);
	free(abs);
	return r;
}
