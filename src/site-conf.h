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

#endif
