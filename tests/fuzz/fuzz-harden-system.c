/* Fuzzes the other files harden reads: /etc/passwd, /etc/shadow, /etc/fstab,
 * /var/lib/dpkg/status, an apt Release file and its security Packages list (the
 * first input byte picks how the list is compressed, so that the decompressors see
 * hostile frames), parts separated by lines "%%%%"; then the whole engine. dpkg's
 * version comparison is checked for antisymmetry on the status's versions. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "harden/checks.h"
#include "harden-split.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const lists[] = {
		"/var/lib/apt/lists/x_dists_s-security_main_binary-amd64_Packages",
		"/var/lib/apt/lists/x_dists_s-security_main_binary-amd64_Packages.gz",
		"/var/lib/apt/lists/x_dists_s-security_main_binary-amd64_Packages.xz",
		"/var/lib/apt/lists/x_dists_s-security_main_binary-amd64_Packages.zst",
		"/var/lib/apt/lists/x_dists_s-security_main_binary-amd64_Packages.lz4",
	};
	const char *paths[] = {
		"/etc/passwd", "/etc/shadow", "/etc/fstab", "/var/lib/dpkg/status",
		"/var/lib/apt/lists/x_dists_s-security_InRelease", NULL,
	};
	static const struct rp_harden_cb cb = { harden_fuzz_finding, harden_fuzz_skip,
		harden_fuzz_note };
	struct rp_hfile files[8];
	struct rp_hroot r;
	struct rp_harden_opts o = { NULL, 0, "/mnt/backup", NULL };
	size_t n, len = 0;
	char a[64], b[64];

	if (size < 1)
		return 0;
	paths[5] = lists[data[0] % 5];
	n = harden_split((const char *)data + 1, size - 1, paths, 6, files);
	files[n].path = "/mnt/backup/x";
	files[n].data = "x";
	files[n].len = 1;
	files[n].mtime = 0;
	rp_hroot_mem(&r, files, n + 1);
	if (rp_harden_run_root(&r, &o, &cb, &len) != 0)
		abort();
	/* vercmp(a, b) == -vercmp(b, a) in sign, on two slices of the input */
	if (size > 8) {
		size_t k = (size - 1) / 2 < 63 ? (size - 1) / 2 : 63;
		int x, y;

		memcpy(a, data + 1, k);
		a[k] = '\0';
		memcpy(b, data + 1 + k, k);
		b[k] = '\0';
		x = rp_dpkg_vercmp(a, b);
		y = rp_dpkg_vercmp(b, a);
		if ((x > 0) != (y < 0) || (x == 0) != (y == 0))
			abort();
	}
	return 0;
}
