/*
 * Writing the pages: every value goes through rp_esc_html (lib/core/escape.h) on its
 * way in (h_esc and what is built on it); h_raw is for the markup written here, never
 * for anything read from the store, the site profile, the data files or the request.
 * The layout: a header with the site's name and who is logged in, the navigation
 * (entries appear as their data does), the flash of a form's result, the footer.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "case/config.h"
#include "core/escape.h"
#include "core/time.h"
#include "serve/serve-int.h"

const char mark_user[] = "\001U\001";

int
tmpl_fill(const char *t, size_t len, const struct rp_session *sess, struct rp_buf *out)
{
	const char *p = t, *end = t + len, *m;
	int r = 0;

	while (r == 0 && (m = memchr(p, '\001', (size_t)(end - p))) != NULL && end - m >= 3) {
		r = rp_buf_add(out, p, (size_t)(m - p));
		if (r == 0 && m[1] == 'C')      /* hex, escaped all the same, as h_csrf does */
			r = rp_esc_html(out, sess->csrf, strlen(sess->csrf));
		else if (r == 0 && m[1] == 'U')
			r = rp_esc_html(out, sess->user, strlen(sess->user));
		p = m + 3;
	}
	return r ? r : rp_buf_add(out, p, (size_t)(end - p));
}

const char *
tx(const struct texts *t, const char *section, const char *key)
{
	const char *v = rp_ini_get(t->ui, section, key);

	if (v == NULL)
		v = rp_ini_get(t->ui_en, section, key);
	return v ? v : key;
}

const char *
tx_plan(const struct texts *t, const char *section, const char *key)
{
	const char *v = t->plan ? rp_ini_get(t->plan, section, key) : NULL;

	return v ? v : t->plan_en ? rp_ini_get(t->plan_en, section, key) : NULL;
}

void
h_raw(struct page *p, const char *s)
{
	rp_buf_addstr(p->b, s);
}

void
h_escn(struct page *p, const char *s, size_t len)
{
	rp_esc_html(p->b, s, len);
}

void
h_esc(struct page *p, const char *s)
{
	if (s)
		rp_esc_html(p->b, s, strlen(s));
}

void
h_tx(struct page *p, const char *section, const char *key)
{
	h_esc(p, tx(&p->s->tx, section, key));
}

void
h_fill(struct page *p, const char *section, const char *key, ...)
{
	const char *t = tx(&p->s->tx, section, key), *open, *close, *name, *val;
	va_list ap;
	size_t n;
	int found;

	while ((open = strchr(t, '{')) != NULL && (close = strchr(open, '}')) != NULL) {
		h_escn(p, t, (size_t)(open - t));
		n = (size_t)(close - open - 1);
		found = 0;
		va_start(ap, key);
		while ((name = va_arg(ap, const char *)) != NULL) {
			val = va_arg(ap, const char *);
			if (!found && strlen(name) == n && strncmp(name, open + 1, n) == 0) {
				if (val == mark_user)
					h_raw(p, mark_user);    /* the template's marker */
				else
					h_esc(p, val ? val : "");
				found = 1;
			}
		}
		va_end(ap);
		if (!found)
			h_escn(p, open, n + 2);
		t = close + 1;
	}
	h_esc(p, t);
}

void
h_time(struct page *p, int64_t t)
{
	struct rp_buf b = RP_BUF_INIT;

	if (t == RP_TIME_UNSET)
		return;
	rp_locale_datetime(&b, &p->sn->loc, t);
	h_esc(p, b.buf);
	rp_buf_release(&b);
}

const char *
p_time(struct page *p, int64_t t, struct rp_buf *tmp)
{
	rp_buf_reset(tmp);
	if (t != RP_TIME_UNSET)
		rp_locale_datetime(tmp, &p->sn->loc, t);
	return tmp->buf;
}

void
h_money(struct page *p, const char *currency, int64_t minor)
{
	struct rp_buf b = RP_BUF_INIT;

	rp_locale_money(&b, &p->sn->loc, currency && *currency ? currency : "CHF", minor);
	h_esc(p, b.buf);
	rp_buf_release(&b);
}

void
span_text(const struct texts *t, int64_t s, struct rp_buf *out)
{
	int64_t d = s / 86400;

	rp_buf_reset(out);
	s -= d * 86400;
	if (d)
		rp_buf_addf(out, "%lld\u00a0%s ", (long long)d, tx(t, "ui", "day"));
	rp_buf_addf(out, "%02lld:%02lld:%02lld", (long long)(s / 3600), (long long)(s / 60 % 60),
	    (long long)(s % 60));
}

void
h_csrf(struct page *p)
{
	if (p->sess == NULL)
		return;
	h_raw(p, "<input type=\"hidden\" name=\"csrf\" value=\"");
	if (p->tmpl)
		h_raw(p, MARK_CSRF);
	else
		h_esc(p, p->sess->csrf);
	h_raw(p, "\">");
	/* the case the page showed: a write never lands in another one opened since */
	if (p->sn && p->sn->have_case)
		rp_buf_addf(p->b, "<input type=\"hidden\" name=\"case\" value=\"%lld\">",
		    (long long)p->sn->c.info.id);
}

/* One paragraph of the page's texts: the "nothing yet" lines of every page. */
void
h_p_tx(struct page *p, const char *key)
{
	h_raw(p, "<p>");
	h_tx(p, "ui", key);
	h_raw(p, "</p>\n");
}

/* A data-* attribute of <body> with a text of the page's language. */
static void
body_text(struct page *p, const char *attr, const char *section, const char *key)
{
	rp_buf_addf(p->b, " %s=\"", attr);
	h_tx(p, section, key);
	h_raw(p, "\"");
}

static void
nav_item(struct page *p, const char *href, const char *key)
{
	h_raw(p, "<a href=\"");
	h_raw(p, href);
	h_raw(p, strcmp(p->here ? p->here : "", href) == 0 ? "\" class=\"here\">" : "\">");
	h_tx(p, "ui", key);
	h_raw(p, "</a>");
}

static const char *
site_name(const struct page *p)
{
	const char *n = p->sn && p->sn->site ? rp_ini_get(p->sn->site, "site", "name") : NULL;

	return n && *n ? n : NULL;
}

void
page_begin(struct page *p, const char *title)
{
	const char *site = site_name(p);

	rp_buf_addf(p->b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"referrer\" content=\"same-origin\">\n<title>", p->s->tx.lang);
	h_esc(p, title);
	if (site) {
		h_raw(p, " · ");
		h_esc(p, site);
	}
	h_raw(p, " · riposte</title>\n<link rel=\"stylesheet\" href=\"/static/app.css\">\n"
	    "<script src=\"/static/app.js\" defer></script>\n</head>\n");
	rp_buf_addf(p->b, "<body data-now=\"%lld\"", (long long)p->now);
	body_text(p, "data-l-in", "ui", "in");
	body_text(p, "data-l-over", "ui", "over");
	body_text(p, "data-l-day", "ui", "day");
	body_text(p, "data-l-live", "ui", "live");
	body_text(p, "data-l-offline", "ui", "offline");
	h_raw(p, ">\n<header><span class=\"site\">riposte");
	if (site) {
		h_raw(p, " · ");
		h_esc(p, site);
	}
	h_raw(p, "</span>");
	if (p->sess) {
		h_raw(p, "<span class=\"who\">");
		h_fill(p, "ui", "logged-in", "who", p->tmpl ? mark_user : p->sess->user, NULL);
		h_raw(p, " <form method=\"post\" action=\"/logout\">");
		h_csrf(p);
		h_raw(p, "<button type=\"submit\">");
		h_tx(p, "ui", "logout");
		h_raw(p, "</button></form></span>");
	}
	h_raw(p, "</header>\n");
	if (p->sess && p->sn) {
		h_raw(p, "<nav>");
		nav_item(p, "/", "nav-overview");
		if (p->sn->have_case)
			nav_item(p, "/journal", "nav-journal");
		if (p->sn->site)
			nav_item(p, "/plan", "nav-plan");
		if (p->sn->reg.n)
			nav_item(p, "/risks", "nav-risks");
		if (p->sn->site || p->sn->site_line)
			nav_item(p, "/site", "nav-site");
		if (p->sn->drill_runs)
			nav_item(p, "/drills", "nav-drills");
		if (p->s->fleet_dsn)
			nav_item(p, "/fleet", "nav-fleet");
		h_raw(p, "</nav>\n");
	}
	h_raw(p, "<main>\n");
	if (p->msg) {
		int bad = strncmp(p->msg, "bad-", 4) == 0 || strcmp(p->msg, "failed") == 0 ||
		    strcmp(p->msg, "no-case") == 0;

		h_raw(p, bad ? "<p class=\"flash bad\" role=\"alert\">" : "<p class=\"flash\" role=\"status\">");
		h_tx(p, "msg", p->msg);
		h_raw(p, "</p>\n");
	}
	if (p->sn && p->sn->error && p->sess) {
		h_raw(p, "<p class=\"warn\">");
		h_esc(p, p->sn->error);
		h_raw(p, "</p>\n");
	}
}

void
page_end(struct page *p)
{
	struct rp_buf t = RP_BUF_INIT;

	h_raw(p, "</main>\n<footer>");
	if (p->sn) {
		h_fill(p, "ui", "updated", "when", p_time(p, p->now, &t), NULL);
		h_raw(p, " · ");
	}
	rp_buf_release(&t);
	h_raw(p, "riposte</footer>\n</body>\n</html>\n");
}

void
page_login(struct page *p, const char *pre, const char *why)
{
	page_begin(p, tx(&p->s->tx, "ui", "login-title"));
	h_raw(p, "<section class=\"login\">\n<h1>");
	h_tx(p, "ui", "login-title");
	h_raw(p, "</h1>\n");
	if (why) {
		h_raw(p, "<p class=\"flash bad\" role=\"alert\">");
		h_tx(p, "ui", why);
		h_raw(p, "</p>\n");
	}
	h_raw(p, "<p>");
	h_tx(p, "ui", "login-text");
	h_raw(p, "</p>\n<form method=\"post\" action=\"/login\" class=\"add\">"
	    "<input type=\"hidden\" name=\"csrf\" value=\"");
	h_esc(p, pre);
	h_raw(p, "\"><label>");
	h_tx(p, "ui", "token");
	h_raw(p, "<input type=\"password\" name=\"token\" autocomplete=\"current-password\" "
	    "required maxlength=\"256\"></label><button type=\"submit\">");
	h_tx(p, "ui", "login");
	h_raw(p, "</button></form>\n</section>\n");
	page_end(p);
}

void
page_error(struct page *p, const char *section, const char *key)
{
	page_begin(p, tx(&p->s->tx, "ui", "error-title"));
	h_raw(p, "<section><h1>");
	h_tx(p, "ui", "error-title");
	h_raw(p, "</h1><p>");
	h_tx(p, section, key);
	h_raw(p, "</p><p><a href=\"/\">");
	h_tx(p, "ui", "back");
	h_raw(p, "</a></p></section>\n");
	page_end(p);
}
