#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "core/data.h"
#include "core/err.h"
#include "core/file.h"

struct rp_data_entry {
	const char *name;
	const char *data;
	size_t len;
};
extern const struct rp_data_entry rp_data_table[];

int
rp_data_load(const char *dir, const char *name, struct rp_buf *out)
{
	const struct rp_data_entry *e;

	if (dir != NULL) {
		struct rp_buf path = RP_BUF_INIT;
		int r;

		if ((r = rp_buf_addf(&path, "%s/%s", dir, name)) == 0)
			r = rp_file_read_all(AT_FDCWD, path.buf, out, 64 << 20);
		rp_buf_release(&path);
		if (r != RP_ERR_SYSTEM || errno != ENOENT)
			return r;
	}
	for (e = rp_data_table; e->name; e++)
		if (strcmp(e->name, name) == 0)
			return rp_buf_add(out, e->data, e->len);
	return RP_ERR_NOTFOUND;
}

int
rp_data_each(const char *prefix, int (*fn)(const char *, const void *, size_t, void *),
    void *ctx)
{
	const struct rp_data_entry *e;
	size_t n = strlen(prefix);
	int r;

	for (e = rp_data_table; e->name; e++)
		if (strncmp(e->name, prefix, n) == 0 && (r = fn(e->name, e->data, e->len, ctx)) != 0)
			return r;
	return 0;
}
