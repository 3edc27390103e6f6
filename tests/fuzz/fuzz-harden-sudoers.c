/* Fuzzes sudoers as harden reads it: the input is /etc/sudoers, then (after a line
 * "%%%%") files for its includes and includedir, and the sudo check over it. */
#include <stdint.h>
#include <stdlib.h>

#include "harden/checks.h"
#include "harden-split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = {
		"/etc/sudoers", "/etc/sudoers.d/10-local", "/etc/sudoers.d/x.conf",
		"/etc/sudoers.local", "/usr/bin/sudo",
	};
	static const struct rp_harden_cb cb = { harden_fuzz_finding, harden_fuzz_skip,
		harden_fuzz_note };
	struct rp_hfile files[5];
	struct rp_hroot r;
	struct rp_harden_opts o = { NULL, 0, NULL, NULL };
	struct rp_sudoers *s = NULL;
	size_t n, i, len = 0;

	n = harden_split((const char *)data, size, paths, 4, files);
	files[n].path = paths[4];
	files[n].data = "";
	files[n].len = 0;
	files[n].mtime = 0;
	rp_hroot_mem(&r, files, n + 1);
	if (rp_sudoers_load(&r, "/etc/sudoers", NULL, NULL, &s) == 0) {
		for (i = 0; i < rp_sudoers_nrules(s); i++) {
			const struct rp_sudo_rule *u = rp_sudoers_rule(s, i);

			if (u->text == NULL || u->who == NULL || u->file == NULL || strlen(u->text) > 250)
				abort();
		}
		rp_sudoers_free(s);
	}
	if (rp_harden_run_root(&r, &o, &cb, &len) != 0)
		abort();
	return 0;
}
