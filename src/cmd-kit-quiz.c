/* riposte kit quiz, kit results: a staff member's quiz scored and kept, and the results
 * over time. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "cmd-kit.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/file.h"
#include "core/time.h"
#include "prepare/kit.h"
#include "store/store.h"

#define MAX_NAME 200

static int
name_ok(const char *p)
{
	size_t i, n = strlen(p);

	if (n == 0 || n > MAX_NAME || !rp_utf8_valid(p, n))
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)p[i] < 0x20 || p[i] == 0x7f)
			return 0;
	return 1;
}

static void
say(const char *s)
{
	struct rp_buf b = RP_BUF_INIT;

	if (rp_esc_text(&b, s, strlen(s)) == 0)
		fputs(b.buf, stdout);
	rp_buf_release(&b);
}

/* A line from the terminal (or standard input), without its newline; -1 at the end. */
static int
read_line(char *line, size_t size)
{
	fflush(stdout);
	if (fgets(line, (int)size, stdin) == NULL)
		return -1;
	line[strcspn(line, "\r\n")] = '\0';
	return 0;
}

/* The quiz asked in the terminal: one letter per question. */
static int
ask(const struct rp_quiz *q, int *answers)
{
	char line[256];
	int i, k, tries;

	for (i = 0; i < q->n; i++) {
		const struct rp_quiz_q *x = &q->q[i];

		printf("\n%d. ", i + 1);
		say(x->text);
		fputc('\n', stdout);
		for (k = 0; k < x->noptions; k++) {
			printf("  %c) ", 'a' + k);
			say(x->option[k]);
			fputc('\n', stdout);
		}
		for (tries = 0; ; tries++) {
			char ch;

			fputs("> ", stdout);
			if (read_line(line, sizeof(line)) != 0)
				return -1;
			ch = (char)(line[0] | 0x20);
			if (line[0] && line[1] == '\0' && ch >= 'a' && ch < 'a' + x->noptions) {
				answers[i] = ch - 'a';
				break;
			}
			if (tries == 4)
				return -1;
			printf("(a letter from a to %c)\n", 'a' + x->noptions - 1);
		}
	}
	return 0;
}

int
kit_sub_quiz(struct kit_cli *c)
{
	struct rp_quiz *q = NULL;
	struct rp_store *st = NULL;
	struct rp_buf text = RP_BUF_INIT;
	int answers[RP_QUIZ_MAX_Q], i, r, rc = RP_EXIT_ERROR, score;
	char who[MAX_NAME + 2], msg[256];
	const char *name = c->name;
	size_t line = 0;
	int64_t id = 0;

	if (c->nargs != 0) {
		rp_err(c->cli, "quiz: unexpected argument '%s' (the answers: --answers FILE)",
		    c->args[0]);
		return RP_EXIT_ERROR;
	}
	if (name && !name_ok(name)) {
		rp_err(c->cli, "--name: one line of text, at most %d bytes", MAX_NAME);
		return RP_EXIT_ERROR;
	}
	if (c->answers && name == NULL) {
		rp_err(c->cli, "whose answers are they? --name NAME");
		return RP_EXIT_ERROR;
	}
	if ((r = rp_quiz_load(c->cli->data_dir, c->lang, &q)) != 0) {
		rp_err(c->cli, "cannot read the quiz (kit/%s/quiz.ini): %s", c->lang, rp_strerror(r));
		goto out;
	}
	/* the database first: a quiz is not taken for nothing */
	if ((r = rp_store_open(&st, c->cli->db_path, RP_STORE_CREATE)) != 0 ||
	    (r = rp_kit_migrate(st)) != 0) {
		rp_err(c->cli, "cannot open database '%s': %s", c->cli->db_path, rp_strerror(r));
		goto out;
	}
	if (c->answers) {
		if ((r = rp_file_read_all(AT_FDCWD, c->answers, &text, 16 * 1024 + 1)) != 0) {
			rp_err(c->cli, "cannot read '%s': %s", c->answers, r == RP_ERR_TOOBIG ?
			    "more than 16 KiB" : rp_strerror(r));
			goto out;
		}
		if (rp_quiz_answers_parse(q, text.buf, text.len, answers, &line, msg) != 0) {
			rp_err(c->cli, "'%s' line %zu: %s", c->answers, line, msg);
			goto out;
		}
	} else {
		say(q->title);
		fputc('\n', stdout);
		if (name == NULL) {
			fputs("Name: ", stdout);
			if (read_line(who, sizeof(who)) != 0 || !name_ok(who)) {
				rp_err(c->cli, "a name is needed (one line, at most %d bytes)", MAX_NAME);
				goto out;
			}
			name = who;
		}
		if (ask(q, answers) != 0) {
			rp_err(c->cli, "the quiz was not finished: nothing kept");
			goto out;
		}
		fputc('\n', stdout);
	}
	score = rp_quiz_score(q, answers);
	if ((r = rp_kit_quiz_save(st, q, answers, name, c->lang, c->cli->now, c->actor, &id)) != 0) {
		rp_err(c->cli, "cannot keep the result in '%s': %s", c->cli->db_path, rp_strerror(r));
		goto out;
	}
	say(name);
	printf(": %d of %d correct\n", score, q->n);
	for (i = 0; i < q->n; i++) {
		const struct rp_quiz_q *x = &q->q[i];

		if (answers[i] == x->answer)
			continue;
		printf("%d. %s; right: %c) ", i + 1, answers[i] < 0 ? "no answer" :
		    "wrong", 'a' + x->answer);
		say(x->option[x->answer]);
		fputs(" (", stdout);
		say(x->why);
		fputs(")\n", stdout);
	}
	fflush(stdout);
	fprintf(stderr, "%s: %s: result %lld kept (riposte kit results)\n", c->cli->argv0,
	    c->cli->cmd, (long long)id);
	rc = ferror(stdout) ? RP_EXIT_ERROR : RP_EXIT_CLEAN;
out:
	rp_quiz_free(q);
	rp_store_close(st);
	rp_buf_release(&text);
	return rc;
}

struct results {
	int fmt;
	struct rp_buf *b;
	size_t n;
};

static int
result_line(const struct rp_quiz_result *q, void *ctx)
{
	struct results *R = ctx;
	struct rp_buf *b = R->b;
	int r;

	R->n++;
	if (R->fmt == RP_FMT_JSONL) {
		if ((r = rp_buf_addf(b, "{\"kind\":\"quiz\",\"id\":%lld,\"time\":\"", (long long)q->id)) != 0 ||
		    (r = rp_time_fmt_utc(b, q->time)) != 0 || (r = rp_buf_addstr(b, "\",\"person\":")) != 0 ||
		    (r = rp_json_str(b, q->person)) != 0)
			return r;
		return rp_buf_addf(b, ",\"lang\":\"%s\",\"score\":%d,\"max\":%d,\"answers\":\"%s\"}\n",
		    q->lang, q->score, q->max, q->answers);
	}
	if (R->fmt == RP_FMT_CSV) {
		if ((r = rp_buf_addf(b, "%lld,", (long long)q->id)) != 0 ||
		    (r = rp_time_fmt_utc(b, q->time)) != 0 || (r = rp_buf_addch(b, ',')) != 0 ||
		    (r = rp_esc_csv(b, q->person, strlen(q->person))) != 0)
			return r;
		return rp_buf_addf(b, ",%s,%d,%d,%s\n", q->lang, q->score, q->max, q->answers);
	}
	if ((r = rp_buf_addf(b, "%3lld  ", (long long)q->id)) != 0 ||
	    (r = rp_time_fmt_local(b, q->time)) != 0 ||
	    (r = rp_buf_addf(b, "  %2d/%-2d  %s  ", q->score, q->max, q->lang)) != 0 ||
	    (r = rp_esc_text(b, q->person, strlen(q->person))) != 0)
		return r;
	return rp_buf_addch(b, '\n');
}

int
kit_sub_results(struct kit_cli *c)
{
	struct rp_buf b = RP_BUF_INIT;
	struct results R = { 0, &b, 0 };
	struct rp_store *st = NULL;
	int r, rc = RP_EXIT_ERROR;

	if (c->nargs != 0) {
		rp_err(c->cli, "results: unexpected argument '%s'", c->args[0]);
		return RP_EXIT_ERROR;
	}
	if ((R.fmt = rp_cli_format(c->cli, c->format ? c->format : "text", "text,jsonl,csv")) < 0)
		return RP_EXIT_ERROR;
	if ((r = rp_store_open(&st, c->cli->db_path, 0)) != 0) {
		rp_err(c->cli, r == RP_ERR_NOTFOUND ? "no database '%s': no quiz was taken yet" :
		    "cannot open database '%s'", c->cli->db_path);
		return RP_EXIT_ERROR;
	}
	r = R.fmt == RP_FMT_TEXT ? rp_buf_addstr(&b, " id  taken                      score  lang person\n") :
	    R.fmt == RP_FMT_CSV ? rp_buf_addstr(&b, "id,time,person,lang,score,max,answers\n") : 0;
	if (r == 0)
		r = rp_kit_quiz_each(st, result_line, &R);
	if (r == 0 && R.fmt == RP_FMT_JSONL)
		r = rp_buf_addf(&b, "{\"kind\":\"summary\",\"results\":%zu}\n", R.n);
	if (r != 0)
		rp_err(c->cli, "'%s': %s", c->cli->db_path, rp_strerror(r));
	else if (rp_cli_put(c->cli, &b) == 0)
		rc = RP_EXIT_CLEAN;
	rp_store_close(st);
	rp_buf_release(&b);
	return rc;
}
