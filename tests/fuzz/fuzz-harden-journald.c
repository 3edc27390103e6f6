/* Fuzzes journald.conf and its drop-ins as harden reads them: the input is
 * /etc/systemd/journald.conf, then (after a line "%%%%") drop-ins in /etc, /run and
 * /usr/lib, and the journal check over them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harden/checks.h"
#include "harden-split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = {
		"/etc/systemd/journald.conf", "/etc/systemd/journald.conf.d/10-a.conf",
		"/run/systemd/journald.conf.d/10-a.conf", "/usr/lib/systemd/journald.conf.d/20-b.conf",
		"/lib/systemd/systemd-journald",
	};
	static const struct rp_harden_cb cb = { harden_fuzz_finding, harden_fuzz_skip,
		harden_fuzz_note };
	struct rp_hfile files[5];
	struct rp_hroot r;
	struct rp_harden_opts o = { NULL, 0, NULL, NULL };
	struct rp_journald j;
	size_t n, len = 0;

	n = harden_split((const char *)data, size, paths, 4, files);
	files[n].path = paths[4];
	files[n].data = "";
	files[n].len = 0;
	files[n].mtime = 0;
	rp_hroot_mem(&r, files, n + 1);
	if (rp_journald_load(&r, NULL, NULL, &j) != 0)
		abort();
	if (strcmp(j.storage, "auto") && strcmp(j.storage, "volatile") &&
	    strcmp(j.storage, "persistent") && strcmp(j.storage, "none"))
		abort();
	if (rp_harden_run_root(&r, &o, &cb, &len) != 0)
		abort();
	return 0;
}
