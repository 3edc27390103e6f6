/* Notifications: recipient, language, template, what a sent one closes and records. */
#include <stdio.h>
#include <string.h>

#include "case/case-int.h"
#include "case/case.h"
#include "case/config.h"
#include "core/data.h"
#include "core/err.h"
#include "core/sha256.h"

const char *const rp_notify_recipients[] = {
	"insurer", "authority", "police", "it-provider", "client", "clients", NULL,
};

int
rp_notify_recipient(const char *to)
{
	int i;

	for (i = 0; to && rp_notify_recipients[i]; i++)
		if (strcmp(rp_notify_recipients[i], to) == 0)
			return i;
	return -1;
}

/* The languages that have templates. */
static int
lang_known(const char *lang)
{
	return strcmp(lang, "fr") == 0 || strcmp(lang, "de") == 0 || strcmp(lang, "en") == 0;
}

int
rp_notify_lang(const struct rp_ini *site, const char *client, const char *lang,
    const char **out)
{
	size_t from = 0, idx;
	const char *n, *v = NULL;

	if (lang) {
		*out = lang;
		return lang_known(lang) ? 0 : RP_ERR_INVALID;
	}
	/* a letter to a client goes in the client's language, else in the site's (the
	 * first of them that has templates: as the letters per organisation) */
	while (client && v == NULL && rp_ini_find(site, "client", &from, &idx) == 0)
		if ((n = rp_ini_section_get(site, idx, "name")) != NULL && strcmp(n, client) == 0)
			v = rp_ini_section_get(site, idx, "language");
	if (v == NULL || !lang_known(v))
		v = rp_ini_get(site, "site", "language");
	*out = v && lang_known(v) ? v : "en";
	return 0;
}

int
rp_notify_template(const struct rp_ini *site, const char *to, const char *lang,
    struct rp_buf *name)
{
	const char *country = rp_ini_get(site, "site", "country");

	if (rp_notify_recipient(to) < 0 || !lang_known(lang))
		return RP_ERR_INVALID;
	/* the authority's letter follows the law it is written under: Swiss revFADP with
	 * the contents of DSV Art. 15, else GDPR Art. 33(3) */
	if (strcmp(to, "authority") == 0)
		to = country && strcmp(country, "CH") == 0 ? "authority-ch" : "authority-gdpr";
	return rp_buf_addf(name, "templates/%s/%s.txt", lang, to);
}

int
rp_notify_draft(const char *data_dir, const char *tmpl_name, const struct rp_case *c,
    const struct rp_ini *site, const char *client, const char *lang, int64_t now,
    struct rp_buf *out)
{
	struct rp_buf tmpl = RP_BUF_INIT;
	struct rp_ini *words = NULL;
	int r;

	if ((r = rp_data_load(data_dir, tmpl_name, &tmpl)) == 0 &&
	    ((r = rp_words_load(data_dir, lang, &words)) == 0 || r == RP_ERR_NOTFOUND))
		r = rp_template_fill_with(tmpl.buf, c, site, client, lang, words, now, NULL, NULL,
		    out);
	rp_ini_free(words);
	rp_buf_release(&tmpl);
	return r;
}

int
rp_notify_closes(const struct rp_deadlines *d, const char *to, const char *deadline,
    const char **closes)
{
	size_t i;

	*closes = NULL;
	for (i = 0; i < d->n; i++) {
		/* deadlines are sorted by due time: the first open one is the most urgent */
		if (deadline ? strcmp(d->v[i].id, deadline) == 0 :
		    d->v[i].status != RP_DL_DONE && strcmp(d->v[i].to, to) == 0) {
			*closes = d->v[i].id;
			return 0;
		}
	}
	return deadline ? RP_ERR_NOTFOUND : 0;
}

int
rp_case_notify_record(struct rp_store *st, int64_t case_id, int64_t now,
    const char *actor, const struct rp_notify_sent *s, char sha[65], struct rp_buf *text)
{
	struct rp_buf t = RP_BUF_INIT, num = RP_BUF_INIT;
	int r;

	if (rp_notify_recipient(s->to) < 0 || s->lang == NULL)
		return RP_ERR_INVALID;
	if ((r = rp_sha256_hex(s->what, s->len, sha)) != 0)
		return r;
	if ((r = rp_buf_addf(&t, "notification to %s sent (%s)", s->to, s->lang)) != 0 ||
	    (s->org && (r = rp_buf_addf(&t, ": %s", s->org)) != 0) ||
	    (s->deadline && (r = rp_buf_addf(&t, ", closes deadline %s", s->deadline)) != 0) ||
	    (r = rp_buf_addf(&num, "\x01%lld", (long long)s->sent)) != 0)
		goto out;
	if ((r = rp_case_record(st, case_id, now, "notify", actor, t.buf, "to", s->to, "lang",
	    s->lang, "deadline", s->deadline, "client", s->client, "org", s->org, "sha256", sha,
	    "sent", num.buf, NULL)) != 0)
		goto out;
	if (text)
		r = rp_buf_addstr(text, t.buf);
out:
	rp_buf_release(&t);
	rp_buf_release(&num);
	return r;
}
