/* The table of formats, in sniff order. Each format lives in lib/detect/fmt-<name>.c. */
#include <string.h>

#include "detect/format.h"

const struct rp_format rp_formats[] = {
	{ NULL, NULL, 0, NULL, NULL },
};
const size_t rp_nformats = 0;

const struct rp_format *
rp_format_sniff(const unsigned char *head, size_t len)
{
	size_t i;

	for (i = 0; i < rp_nformats; i++)
		if (rp_formats[i].sniff(head, len))
			return &rp_formats[i];
	return NULL;
}

const struct rp_format *
rp_format_by_ext(const char *ext)
{
	size_t i, n = strlen(ext);
	const char *p;

	if (n == 0)
		return NULL;
	for (i = 0; i < rp_nformats; i++) {
		for (p = rp_formats[i].exts; (p = strstr(p, ext)) != NULL; p += n) {
			if ((p == rp_formats[i].exts || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
				return &rp_formats[i];
		}
	}
	return NULL;
}
