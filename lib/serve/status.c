/*
 * /api/status: the state of the practice for scripts and monitoring, as one JSON
 * object: the open case (or null) with its phase and checklist, its deadlines, the
 * alerts of the last 24 hours, the site check, the drills (the last run's score, or
 * null). Times in UTC ISO 8601, as every machine format of riposte; strings escaped
 * byte-exactly (bad UTF-8 becomes U+FFFD).
 */
#include <stdio.h>
#include <string.h>

#include "case/config.h"
#include "core/escape.h"
#include "core/time.h"
#include "serve/serve-int.h"

int
status_json(struct rp_serve *s, const struct snap *sn, int64_t now, struct rp_buf *b)
{
	size_t i, n, done = 0;

	rp_buf_addstr(b, "{\"kind\":\"status\",");
	rp_json_ktime(b, "time", now);
	rp_buf_addstr(b, ",\"case\":");
	if (!sn->have_case) {
		rp_buf_addstr(b, "null");
	} else {
		const struct rp_case *c = &sn->c;

		for (i = 0; i < sn->pr.nitems; i++)
			done += sn->pr.items[i].seq != 0;
		rp_buf_addf(b, "{\"id\":%lld,", (long long)c->info.id);
		rp_json_kstr(b, "title", c->info.title);
		rp_buf_addch(b, ',');
		rp_json_ktime(b, "discovered", c->info.discovered);
		rp_buf_addch(b, ',');
		rp_json_ktime(b, "opened", c->info.opened);
		rp_buf_addf(b, ",\"phase\":\"%s\",\"entries\":%zu,\"integrity\":\"%s\","
		    "\"checklist\":{\"done\":%zu,\"items\":%zu}", rp_phase_name(sn->pr.phase),
		    c->nentries, c->integrity < 0 ? "altered" : "intact", done, sn->pr.nitems);
		if (sn->claim_err == 0)
			rp_buf_addf(b, ",\"claim\":{\"currency\":\"%s\",\"total\":%lld,\"claimable\":%lld}",
			    sn->claim.currency, (long long)sn->claim.total, (long long)sn->claim.claimable);
		rp_buf_addch(b, '}');
	}
	rp_buf_addstr(b, ",\"deadlines\":[");
	for (i = 0; sn->have_case && i < sn->dl.n; i++) {
		const struct rp_deadline *d = &sn->dl.v[i];

		rp_buf_addstr(b, i ? ",{" : "{");
		rp_json_kstr(b, "id", d->id);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "authority", d->authority);
		rp_buf_addch(b, ',');
		rp_json_ktime(b, "due", d->due);
		rp_buf_addf(b, ",\"status\":\"%s\",", rp_deadline_status_name(d->status));
		rp_json_ktime(b, "done", d->done);
		rp_buf_addf(b, ",\"seconds_left\":%lld}", (long long)(d->due - now));
	}
	rp_buf_addf(b, "],\"alerts_24h\":%zu,\"alerts\":[", sn->alerts24);
	for (i = n = 0; i < sn->nalerts; i++) {
		const struct sn_alert *a = &sn->alerts[i];

		if (a->time < now - 86400)
			continue;
		rp_buf_addstr(b, n++ ? ",{" : "{");
		rp_json_ktime(b, "time", a->time);
		rp_buf_addf(b, ",\"case\":%lld,\"type\":\"%s\",\"pid\":%lld,", (long long)a->case_id,
		    a->canary ? "canary-read" : "alert", (long long)a->pid);
		rp_json_kstr(b, "exe", a->exe);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "result", a->result);
		rp_buf_addf(b, ",\"score\":%lld,\"files_touched\":%lld}", (long long)a->score,
		    (long long)a->files_touched);
	}
	rp_buf_addf(b, "],\"site_check\":{\"profile\":%s,\"issues\":%zu,\"findings\":[",
	    sn->site ? "true" : "false", sn->nissues);
	for (i = 0; i < sn->nissues; i++) {
		rp_buf_addstr(b, i ? ",{" : "{");
		rp_json_kstr(b, "status", sn->issues[i].status);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "where", sn->issues[i].where);
		rp_buf_addch(b, ',');
		rp_json_kstr(b, "message", sn->issues[i].message);
		rp_buf_addch(b, '}');
	}
	rp_buf_addstr(b, "]},\"drills\":");
	if (sn->ndrills == 0) {
		rp_buf_addstr(b, "null");
	} else {
		const struct sn_drill *d = &sn->drills[0];

		rp_buf_addf(b, "{\"runs\":%zu,\"open_actions\":%zu,\"last\":{\"run\":%lld,",
		    sn->drill_runs, sn->drill_actions, (long long)d->id);
		rp_json_kstr(b, "drill", d->drill);
		rp_buf_addch(b, ',');
		rp_json_ktime(b, "finished", d->finished);
		rp_buf_addf(b, ",\"points\":%d,\"max\":%d,\"rating\":\"%c\"}}", d->total.points,
		    d->total.max, d->total.rating ? d->total.rating : '-');
	}
	rp_buf_addf(b, ",\"risks\":%zu,\"store\":%s}\n", sn->reg.n, sn->error ? "\"error\"" : "\"ok\"");
	return 0;
}
