/* The modules' paths (see modules.h). */
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "case/pdf.h"
#include "cli.h"
#include "modules.h"

#ifndef RIPOSTE_MODULEDIR
#define RIPOSTE_MODULEDIR "/usr/local/lib/riposte"
#endif

int
rp_cli_module_path(const char *name, char *out, size_t n)
{
	char exe[PATH_MAX];
	ssize_t len;
	char *slash;

	/* the executable's own directory: /proc/self/exe, not argv[0] (a PATH lookup) */
	len = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (len > 0) {
		exe[len] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			if ((size_t)snprintf(out, n, "%s/%s", exe, name) < n && access(out, F_OK) == 0)
				return 0;
		}
	}
	return (size_t)snprintf(out, n, "%s/%s", RIPOSTE_MODULEDIR, name) < n ? 0 : -1;
}

int
rp_cli_pdf_open(const struct rp_cli *cli, struct rp_pdf **out)
{
	char path[PATH_MAX], err[512];

	*out = NULL;
	if (rp_cli_module_path("riposte-pdf.so", path, sizeof(path)) != 0) {
		rp_err(cli, "cannot load the PDF renderer: its path is too long");
		return -1;
	}
	if (rp_pdf_open(out, path, err, sizeof(err)) != 0) {
		rp_err(cli, "cannot load the PDF renderer '%s': %s", path, err);
		return -1;
	}
	return 0;
}
