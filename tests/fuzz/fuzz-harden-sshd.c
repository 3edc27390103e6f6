/* Fuzzes sshd_config as harden reads it: the input is sshd_config, then (after a line
 * "%%%%") files its Include patterns may match, and the SSH checks over it. */
#include <stdint.h>
#include <stdlib.h>

#include "harden/checks.h"
#include "harden-split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = {
		"/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/10-a.conf",
		"/etc/ssh/sshd_config.d/20-b.conf", "/etc/ssh/conf.d/x", "/usr/sbin/sshd",
	};
	static const struct rp_harden_cb cb = { harden_fuzz_finding, harden_fuzz_skip,
		harden_fuzz_note };
	struct rp_hfile files[5];
	struct rp_hroot r;
	struct rp_harden_opts o = { NULL, 0, NULL, NULL };
	struct rp_sshdconf *c = NULL;
	size_t n, i, len = 0;

	n = harden_split((const char *)data, size, paths, 4, files);
	files[n].path = paths[4];
	files[n].data = "";
	files[n].len = 0;
	files[n].mtime = 0;
	rp_hroot_mem(&r, files, n + 1);
	if (rp_sshdconf_load(&r, "/etc/ssh/sshd_config", NULL, NULL, &c) == 0) {
		const struct rp_sshd_opt *g = rp_sshdconf_global(c, "PermitRootLogin");

		if (g && (g->match != -1 || !g->value || !g->args))
			abort();
		for (i = 0; i < rp_sshdconf_nmatch(c); i++) {
			const struct rp_sshd_opt *m = rp_sshdconf_in_match(c, i, "passwordauthentication");

			if (rp_sshdconf_match(c, i)->criteria == NULL || (m && m->match != (int)i))
				abort();
		}
		rp_sshdconf_free(c);
	}
	if (rp_harden_run_root(&r, &o, &cb, &len) != 0)
		abort();
	return 0;
}
