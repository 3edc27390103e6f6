#include <stdio.h>

#include "core/units.h"

const char *
rp_size_human(char *out, size_t cap, uint64_t n)
{
	static const char *const unit[] = { "bytes", "KiB", "MiB", "GiB", "TiB" };
	double v = (double)n;
	int u = 0;

	while (v >= 1024 && u < 4) {
		v /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(out, cap, "%llu bytes", (unsigned long long)n);
	else
		snprintf(out, cap, "%.1f %s", v, unit[u]);
	return out;
}
