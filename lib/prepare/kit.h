/*
 * The awareness kit (`riposte kit`): one-page sheets for the staff (phishing and
 * forwarded mail, passwords and two-factor login, updates, backups, a ransom note on
 * the screen, bank details changed by mail, CEO fraud), a memo card of the first
 * actions and whom to call, an A3 poster, a quiz and its answer sheet, in the
 * practice's colours and with its own contacts. PDF through rp_pdf_render
 * (lib/case/pdf.h); the texts are data (data/kit/LANG/, our own; data/kit/README).
 *
 * This file: the kit's index (data/kit/kit.ini: which documents, their paper, the
 * threats a sheet is about), the order (the sheets about the register's top risks and
 * the site's past incidents first), the sheet format's parser (a small, bounded
 * Markdown-like text, fuzzed: tests/fuzz/fuzz-kit.c) and the quiz (its file, a staff
 * member's answers, the score, the results kept in the store, module "kit").
 * No global state; a parsed quiz is read-only.
 */
#ifndef RP_KIT_H
#define RP_KIT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

struct rp_ini;
struct rp_register;
struct rp_store;

enum { RP_KIT_SHEET, RP_KIT_MEMO, RP_KIT_POSTER, RP_KIT_QUIZ, RP_KIT_ANSWERS };

#define RP_KIT_MAX_DOCS  40
#define RP_KIT_MAX_ID    32

/* One document of the kit. */
struct rp_kit_doc {
	char name[RP_KIT_MAX_ID + 1];   /* "phishing": data/kit/LANG/phishing.txt */
	int kind;                       /* RP_KIT_* */
	char threats[160];              /* the register's threats it is about, space-separated */
	double page_w, page_h;          /* points (A4, A5, A3) */
	const char *paper;              /* "A4", "A5", "A3" */
	double scale;                   /* the type's size for rp_pdf_layout */
	/* why it comes where it does (rp_kit_order) */
	int incident;                   /* 1: a past incident was about one of its threats */
	size_t rank;                    /* the best rank of its threats in the register; 0 none */
	char why[200];                  /* in English: "past incident (case 3: phishing)" */
};

/* The kit's documents from data/kit/kit.ini in file order (data_dir searched first).
 * *docs is the caller's (free()). RP_ERR_FORMAT when the index is not valid. */
int rp_kit_index(const char *data_dir, struct rp_kit_doc **docs, size_t *n);

/*
 * Puts the sheets in the order a practice should read them: those about a threat of a
 * past incident first, then by the best rank of their threats in the register (reg,
 * ranked, may be NULL), then as the index has them; the other documents (memo,
 * poster, quiz) after the sheets, in index order. incidents: the threats incidents
 * raised (rp_kit_incidents), NULL-terminated words, or NULL; incident_src the source
 * of each ("case 3"), in the same order.
 */
void rp_kit_order(struct rp_kit_doc *docs, size_t n, const struct rp_register *reg,
    const char *const *incidents, const char *const *incident_src, size_t nincidents);

/* The threats that past incidents raised in the register (its journal: a raise whose
 * source is "case N"), each once, most recent first. *threats and *sources are the
 * caller's (rp_kit_strings_free). */
int rp_kit_incidents(struct rp_store *st, char ***threats, char ***sources, size_t *n);
void rp_kit_strings_free(char **v, size_t n);

/* "#0B6E4F" -> 0x0B6E4F; RP_ERR_FORMAT when it is not #RRGGBB. */
int rp_kit_color(const char *s, unsigned *rgb);

/* ---- the sheet format ---- */

/*
 * A sheet is UTF-8 text, one block per line:
 *   # Title               the title (once, first)
 *   ## Heading
 *   - item                a list item; "- **Label** rest" a bold label and its text
 *   ! text                a highlighted box
 *   {{contacts}}          alone on a line: the table of the site's contacts
 *   other lines           a paragraph (lines that follow each other are joined)
 *   (a blank line ends a paragraph; a line starting with '%' is a comment)
 * Placeholders in the text: {{site}}, {{it-provider}}, {{it-provider.phone}},
 * {{it-provider.email}}, {{insurer}}, {{insurer.phone}}, {{policy}}, {{dpo}},
 * {{dpo.phone}}, {{police.phone}}, {{bank}}, {{bank.phone}}: from riposte.conf, a line
 * to fill in by hand when it has none. Bounded: 64 KiB, 2000 bytes a line, 400 blocks.
 */
#define RP_KIT_SHEET_MAX (64 * 1024)

/* What fills a sheet: the site and the kit's words (data/kit/LANG/words.ini). */
struct rp_kit_fill {
	const struct rp_ini *site;      /* riposte.conf, or NULL */
	const struct rp_ini *words;     /* the language's words */
	const char *site_name;          /* [branding] name, else [site] name, else NULL */
};

/* Appends the sheet's document (lib/prepare/doc.h) to doc; *title (optional, 256
 * bytes) gets its title. RP_ERR_FORMAT with *line (optional) at the bad line. */
int rp_kit_sheet_parse(const char *text, size_t len, const struct rp_kit_fill *fill,
    struct rp_buf *doc, char *title, size_t *line);

/* ---- the quiz ---- */

#define RP_QUIZ_MAX_Q       30
#define RP_QUIZ_MAX_OPTIONS 6

struct rp_quiz_q {
	const char *text;
	const char *option[RP_QUIZ_MAX_OPTIONS];   /* a, b, c, ... */
	int noptions;
	int answer;                                 /* 0 = a */
	const char *why;
};
struct rp_quiz {
	const char *title, *intro;
	struct rp_quiz_q q[RP_QUIZ_MAX_Q];
	int n;
	struct rp_ini *ini;                         /* owns the strings */
};

/* Parses data/kit/LANG/quiz.ini ([quiz] title, intro; [q1] .. [qN]: text, a, b, ...,
 * answer, why). RP_ERR_FORMAT with a message in msg (optional, 256 bytes). */
int rp_quiz_parse(const char *text, size_t len, struct rp_quiz **out, char *msg);
void rp_quiz_free(struct rp_quiz *q);       /* accepts NULL */
/* Loads and parses the quiz of lang. */
int rp_quiz_load(const char *data_dir, const char *lang, struct rp_quiz **out);

/* A staff member's answers, one line per question: "1: b" (or "q1: b"); blank lines
 * and '#' comments skipped; at most 16 KiB. answers[i] is the option (0 = a) or -1
 * when not answered. RP_ERR_FORMAT with *line and msg (256 bytes). */
int rp_quiz_answers_parse(const struct rp_quiz *q, const char *text, size_t len,
    int *answers, size_t *line, char *msg);
/* Correct answers of answers[q->n]. */
int rp_quiz_score(const struct rp_quiz *q, const int *answers);

/* The quiz and its answer sheet as documents (doc.h). */
int rp_quiz_doc(const struct rp_quiz *q, const struct rp_kit_fill *fill, int answers,
    struct rp_buf *doc, char *title);

/* ---- quiz results in the store (module "kit": kit_quiz, append-only) ---- */

struct rp_quiz_result {
	int64_t id, time;
	const char *person, *lang, *actor;
	int score, max;
	const char *answers;            /* "1:b 2:a ..." */
};
int rp_kit_migrate(struct rp_store *st);
int rp_kit_quiz_save(struct rp_store *st, const struct rp_quiz *q, const int *answers,
    const char *person, const char *lang, int64_t now, const char *actor, int64_t *id);
/* Every result, oldest first; strings valid during fn. */
int rp_kit_quiz_each(struct rp_store *st,
    int (*fn)(const struct rp_quiz_result *r, void *ctx), void *ctx);

#endif
