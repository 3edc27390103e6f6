/* Finding and loading the site profile (riposte.conf) for `site` and `case`. */
#ifndef RP_SITE_CONF_H
#define RP_SITE_CONF_H

#include "cli.h"

struct rp_ini;

/* Lookup order: opt (--config FILE), else $RIPOSTE_CONF, else ./riposte.conf, else
 * /etc/riposte/riposte.conf. *ini is NULL (and 0 returned) when none exists and none
 * was asked for by name; a named file that is missing or malformed prints the error
 * and returns -1. *used (optional) is the path read. */
int rp_site_conf_load(const struct rp_cli *cli, const char *opt, struct rp_ini **ini,
    const char **used);

/* The site's time zone (`timezone =` in [site]) for every text output, when it names
 * a known zone: the CLI sets TZ from it (the site's zone wins over the caller's TZ; a
 * Swiss practice reads "07:30 +0100" wherever the IT provider's shell is). Called by
 * rp_site_conf_load; returns -1 (and warns unless quiet) for an unknown zone. */
int rp_site_conf_tz(const struct rp_cli *cli, const struct rp_ini *ini, int quiet);

/* At start-up, before any command: the default profile's time zone, silently (the
 * command that needs the profile reports its errors). */
void rp_site_conf_tz_default(const struct rp_cli *cli);

#endif
