/*
 * Times each format's structure check on each sample file (the sample is loaded once;
 * the check runs ITER times on it) and prints a markdown table: what a check costs on
 * top of the sampled read the engine does anyway. Built and run by bench/formats/run.sh.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "detect/format.h"
#include "detect/sample.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	char line[256], name[128], fmt[32], path[1400];
	FILE *m;
	int iter = argc > 2 ? atoi(argv[2]) : 50;

	if (argc < 2)
		return 2;
	snprintf(path, sizeof(path), "%s/MANIFEST", argv[1]);
	if ((m = fopen(path, "r")) == NULL)
		return 2;
	printf("| file | format | size | sampled | check µs (CPU) | probe bytes | sample read µs (CPU, page cache) |\n");
	printf("|---|---|---:|---:|---:|---:|---:|\n");
	while (fgets(line, sizeof(line), m)) {
		struct rp_sample s;
		struct rp_fmt_result r;
		const struct rp_format *f = NULL;
		struct stat st;
		double t0, t1, t2;
		size_t i;
		int fd, k;

		if (sscanf(line, "%127s %31s", name, fmt) != 2)
			continue;
		for (i = 0; i < rp_nformats; i++)
			if (strcmp(rp_formats[i].name, fmt) == 0)
				f = &rp_formats[i];
		snprintf(path, sizeof(path), "%s/%s", argv[1], name);
		if (f == NULL || (fd = open(path, O_RDONLY)) < 0)
			continue;
		fstat(fd, &st);
		memset(&s, 0, sizeof(s));
		t0 = now();
		for (k = 0; k < iter; k++) {
			rp_sample_plan(&s, (uint64_t)st.st_size, 0);
			rp_sample_load(&s, fd);
		}
		t1 = now();
		for (k = 0; k < iter; k++) {
			s.probe_bytes = 0;
			f->check(&s, &r);
		}
		t2 = now();
		printf("| %s | %s | %lld | %llu | %.1f | %llu | %.1f |\n", name, fmt,
		    (long long)st.st_size, (unsigned long long)s.bytes_read,
		    (t2 - t1) / iter * 1e6, (unsigned long long)s.probe_bytes, (t1 - t0) / iter * 1e6);
		rp_sample_release(&s);
		close(fd);
	}
	fclose(m);
	return 0;
}
