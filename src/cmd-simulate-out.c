/* riposte simulate's outputs: text and JSONL (CSV for --list), built into a buffer. */
#include <inttypes.h>
#include <string.h>

#include "cli.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "simulate.h"

int
sim_list_output(struct rp_buf *b, int fmt)
{
	const struct rp_sim_scenario *sc;
	size_t n, i, benign = 0;
	int r = 0;

	sc = rp_sim_scenarios(&n);
	if (fmt == RP_FMT_TEXT)
		r = rp_buf_addf(b, "%-13s %-7s %s\n", "NAME", "KIND", "DESCRIPTION");
	else if (fmt == RP_FMT_CSV)
		r = rp_buf_addstr(b, "name,benign,description\n");
	for (i = 0; r == 0 && i < n; i++) {
		benign += sc[i].benign != 0;
		if (fmt == RP_FMT_TEXT)
			r = rp_buf_addf(b, "%-13s %-7s %s\n", sc[i].name,
			    sc[i].benign ? "benign" : "attack", sc[i].description);
		else if (fmt == RP_FMT_CSV) {
			if ((r = rp_buf_addf(b, "%s,%s,", sc[i].name, sc[i].benign ? "true" : "false")) == 0 &&
			    (r = rp_esc_csv(b, sc[i].description, strlen(sc[i].description))) == 0)
				r = rp_buf_addch(b, '\n');
		} else {
			if ((r = rp_buf_addstr(b, "{\"kind\":\"scenario\",\"name\":")) == 0 &&
			    (r = rp_json_str(b, sc[i].name)) == 0 &&
			    (r = rp_buf_addf(b, ",\"benign\":%s,\"description\":", sc[i].benign ? "true" : "false")) == 0 &&
			    (r = rp_json_str(b, sc[i].description)) == 0)
				r = rp_buf_addstr(b, "}\n");
		}
	}
	if (r == 0 && fmt == RP_FMT_JSONL)
		r = rp_buf_addf(b, "{\"kind\":\"summary\",\"scenarios\":%zu,\"attacks\":%zu,\"benign\":%zu}\n",
		    n, n - benign, benign);
	return r;
}

void
sim_prepare_output(struct rp_buf *b, const struct rp_buf *resolved, const struct rp_sim_opts *o,
    uint64_t bytes, int fmt)
{
	if (fmt == RP_FMT_TEXT) {
		rp_buf_addf(b, "generated %u files (%.1f MiB) in '", o->files, (double)bytes / 1048576.0);
		rp_esc_text(b, resolved->buf, resolved->len);
		rp_buf_addstr(b, "'; manifest " RP_SIM_STATE_DIR "/manifest.sha256\n"
		    "attack with: riposte simulate --scenario NAME --dir '");
		rp_esc_text(b, resolved->buf, resolved->len);
		rp_buf_addstr(b, "'\n");
	} else {
		rp_buf_addstr(b, "{\"kind\":\"summary\",\"prepared\":true,");
		rp_cli_path_json(b, "dir", resolved->buf, resolved->len);
		rp_buf_addf(b, "\"files\":%u,\"bytes\":%" PRIu64 ",\"seed\":%" PRIu64 "}\n",
		    o->files, bytes, o->seed);
	}
}

void
sim_attacker_output(struct rp_buf *b, const struct rp_sim_scenario *sc,
    const struct rp_buf *resolved, const struct rp_sim_opts *o, uint64_t bytes, long pid, int fmt)
{
	if (fmt == RP_FMT_TEXT) {
		rp_buf_addf(b, "scenario '%s' (%s): attacker pid %ld\n", sc->name,
		    sc->benign ? "benign" : "attack", pid);
	} else {
		rp_buf_addstr(b, "{\"kind\":\"attacker\",\"scenario\":");
		rp_json_str(b, sc->name);
		rp_buf_addf(b, ",\"benign\":%s,", sc->benign ? "true" : "false");
		rp_cli_path_json(b, "dir", resolved->buf, resolved->len);
		rp_buf_addf(b, "\"files\":%u,\"bytes\":%" PRIu64 ",\"pid\":%ld}\n", o->files,
		    bytes, pid);
	}
}

/* ,"key":"2026-11-22T21:40:01.123Z" (UTC, milliseconds), or null for 0 */
static int
add_time(struct rp_buf *b, const char *key, int64_t ns)
{
	if (ns == 0)
		return rp_buf_addf(b, ",\"%s\":null", key);
	if (rp_buf_addf(b, ",\"%s\":\"", key) != 0 || rp_time_fmt_utc(b, ns / 1000000000) != 0)
		return RP_ERR_NOMEM;
	if (b->len > 0 && b->buf[b->len - 1] == 'Z')
		rp_buf_setlen(b, b->len - 1);   /* the "Z" goes after the milliseconds */
	return rp_buf_addf(b, ".%03dZ\"", (int)(ns / 1000000 % 1000));
}

int
sim_run_output(struct rp_buf *b, const struct rp_sim_scenario *sc, const struct rp_buf *resolved,
    const struct rp_sim_opts *o, const struct rp_sim_result *res, int ret, int fmt)
{
	const struct rp_sim_progress *pr = &res->progress;
	const char *outcome = rp_sim_outcome_name(res->outcome);
	const char *sig = res->signo ? sigabbrev_np(res->signo) : NULL;

	if (fmt == RP_FMT_TEXT) {
		if (sig != NULL)
			rp_buf_addf(b, "%s (SIG%s) after %u files\n", outcome, sig, pr->files);
		else if (ret == RP_EXIT_CLEAN)
			rp_buf_addf(b, "finished: %u files %s in %.2f s\n", pr->files,
			    sc->benign ? "processed" : "attacked",
			    pr->first_ns ? (double)(res->ended_ns - pr->first_ns) / 1e9 : 0.0);
		if (res->outcome == RP_SIM_STOPPED)
			rp_buf_addf(b, "the attacker (pid %ld) is left stopped: kill it before --restore\n",
			    res->pid);
		if (ret != RP_EXIT_ERROR) {
			rp_buf_addstr(b, "restore with: riposte simulate --restore '");
			rp_esc_text(b, resolved->buf, resolved->len);
			rp_buf_addstr(b, "'\n");
		}
		return 0;
	}
	rp_buf_addstr(b, "{\"kind\":\"summary\",\"scenario\":");
	rp_json_str(b, sc->name);
	rp_buf_addf(b, ",\"benign\":%s,", sc->benign ? "true" : "false");
	rp_cli_path_json(b, "dir", resolved->buf, resolved->len);
	rp_buf_addf(b, "\"pid\":%ld,\"outcome\":\"%s\",\"signal\":", res->pid, outcome);
	if (sig != NULL)
		rp_buf_addf(b, "\"SIG%s\"", sig);
	else
		rp_buf_addstr(b, "null");
	rp_buf_addf(b, ",\"files\":%u,\"files_attacked\":%u", o->files, pr->files);
	add_time(b, "started", res->started_ns);
	add_time(b, "first_write", pr->first_ns);
	add_time(b, "ended", res->ended_ns);
	return rp_buf_addf(b, ",\"first_write_to_end_ms\":%" PRId64 "}\n",
	    pr->first_ns ? (res->ended_ns - pr->first_ns) / 1000000 : 0);
}

void
sim_restore_output(struct rp_buf *b, const char *dir, const struct rp_sim_restore_stats *st,
    int verified, int fmt)
{
	if (fmt == RP_FMT_TEXT) {
		rp_buf_addf(b, "restored '%s' after '%s': %u files, %u given back, %u created files removed\n",
		    dir, st->scenario, st->files, st->repaired, st->removed);
		if (verified)
			rp_buf_addstr(b, "every file matches " RP_SIM_STATE_DIR "/manifest.sha256\n");
	} else {
		rp_buf_addstr(b, "{\"kind\":\"summary\",\"scenario\":");
		rp_json_str(b, st->scenario);
		rp_buf_addch(b, ',');
		rp_cli_path_json(b, "dir", dir, strlen(dir));
		rp_buf_addf(b, "\"files\":%u,\"repaired\":%u,\"removed\":%u,\"bad\":%u,\"verified\":%s}\n",
		    st->files, st->repaired, st->removed, st->bad, verified ? "true" : "false");
	}
}
