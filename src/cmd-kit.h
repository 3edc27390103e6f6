/* riposte kit, shared by its files: the command and the kit's PDFs (cmd-kit.c), the
 * quiz and its results (cmd-kit-quiz.c). */
#ifndef RP_CMD_KIT_H
#define RP_CMD_KIT_H

#include "cli.h"

struct rp_ini;

struct kit_cli {
	struct rp_cli *cli;
	char **args;
	int nargs;
	const char *lang_opt, *out, *config, *format, *answers, *name;
	const char *config_used;      /* the profile's path (the logo is relative to it) */
	struct rp_ini *site;          /* riposte.conf, or NULL */
	const char *lang;             /* --lang, else the site's, else en */
	const char *actor;
};

int kit_sub_quiz(struct kit_cli *c);
int kit_sub_results(struct kit_cli *c);

/* The kit's words (data/kit/LANG/words.ini); the error said. */
int kit_words(const struct kit_cli *c, struct rp_ini **words);
/* [branding] name, else [site] name, else NULL. */
const char *kit_site_name(const struct kit_cli *c);

#endif
