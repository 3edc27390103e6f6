/* Fuzzes smb.conf as harden reads it: the input is smb.conf, then (after a line
 * "%%%%") the files it may include, and the Samba checks over it. */
#include <stdint.h>
#include <stdlib.h>

#include "harden/checks.h"
#include "harden-split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const paths[] = {
		"/etc/samba/smb.conf", "/etc/samba/shares.conf", "/etc/samba/inc.conf",
		"/usr/sbin/smbd",
	};
	static const struct rp_harden_cb cb = { harden_fuzz_finding, harden_fuzz_skip,
		harden_fuzz_note };
	struct rp_hfile files[4];
	struct rp_hroot r;
	struct rp_harden_opts o = { NULL, 0, NULL, NULL };
	struct rp_smbconf *c = NULL;
	size_t n, i, len = 0;

	n = harden_split((const char *)data, size, paths, 3, files);
	files[n].path = paths[3];
	files[n].data = "";
	files[n].len = 0;
	files[n].mtime = 0;
	rp_hroot_mem(&r, files, n + 1);
	if (rp_smbconf_load(&r, "/etc/samba/smb.conf", NULL, NULL, &c) == 0) {
		for (i = 0; i < rp_smbconf_nsections(c); i++) {
			const struct rp_smbval *v = rp_smbconf_get(c, i, "read only");

			if (rp_smbconf_name(c, i) == NULL || (v && (!v->value || !v->text || !v->file)))
				abort();
			rp_smbconf_get(c, i, "vfs objects");
		}
		rp_smbconf_free(c);
	}
	if (rp_harden_run_root(&r, &o, &cb, &len) != 0)
		abort();
	return 0;
}
