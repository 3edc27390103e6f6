#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "case/config.h"
#include "core/err.h"
#include "core/time.h"
#include "site-conf.h"

int
rp_site_conf_load(const struct rp_cli *cli, const char *opt, struct rp_ini **ini,
    const char **used)
{
	const char *path = opt, *env = getenv("RIPOSTE_CONF");
	int named = 1, r, line = 0;

	*ini = NULL;
	if (path == NULL && env && *env)
		path = env;
	if (path == NULL) {
		named = 0;
		path = access("riposte.conf", F_OK) == 0 ? "riposte.conf" :
		    access("/etc/riposte/riposte.conf", F_OK) == 0 ? "/etc/riposte/riposte.conf" : NULL;
		if (path == NULL)
			return 0;
	}
	if (used)
		*used = path;
	if ((r = rp_ini_load(path, ini, &line)) == 0) {
		rp_site_conf_tz(cli, *ini, 0);
		return 0;
	}
	if (r == RP_ERR_FORMAT)
		rp_err(cli, "'%s' line %d: not a valid riposte.conf line", path, line);
	else
		rp_err(cli, "cannot read site profile '%s': %s", path, rp_strerror(r));
	(void)named;
	return -1;
}

int
rp_site_conf_tz(const struct rp_cli *cli, const struct rp_ini *ini, int quiet)
{
	const char *tz = rp_ini_get(ini, "site", "timezone");

	if (tz == NULL || *tz == '\0')
		return 0;
	if (!rp_time_zone_known(tz)) {
		if (!quiet)
			rp_warn(cli, "timezone '%s' in [site] is not a known time zone: times are "
			    "shown in TZ's", tz);
		return -1;
	}
	/* the main thread, before any worker starts: localtime_r reads it from then on */
	setenv("TZ", tz, 1);
	tzset();
	return 0;
}

void
rp_site_conf_tz_default(const struct rp_cli *cli)
{
	const char *path = getenv("RIPOSTE_CONF");
	struct rp_ini *ini = NULL;
	int line;

	if (path == NULL || *path == '\0')
		path = access("riposte.conf", F_OK) == 0 ? "riposte.conf" :
		    access("/etc/riposte/riposte.conf", F_OK) == 0 ? "/etc/riposte/riposte.conf" : NULL;
	if (path == NULL || rp_ini_load(path, &ini, &line) != 0)
		return;
	rp_site_conf_tz(cli, ini, 1);
	rp_ini_free(ini);
}
