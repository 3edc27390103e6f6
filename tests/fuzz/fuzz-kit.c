/* Fuzzes the awareness kit's text formats: the input as a sheet (data/kit/LANG/NAME.txt)
 * filled from a site profile, and as a quiz (quiz.ini) with a staff member's answers.
 * Properties: a refused sheet names its line; an accepted one gives a document whose
 * HTML carries no markup of the input and whose text no control character; a quiz that
 * parses scores within 0..n, and its answer sheet's document is made. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/buf.h"
#include "core/err.h"
#include "prepare/doc.h"
#include "prepare/kit.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char site_conf[] = "[site]\nname = Praxis <b>Fuzz</b>\n[insurance]\npolicy = P-1\n"
    "[contact it-provider]\nname = IT & Co\nphone = +41 1\n";
static const char words_conf[] = "[fill]\nblank = ____\n[contacts]\nwho = Who\nname = Name\n"
    "phone = Phone\n[quiz]\nname-line = Name: __\nanswers = answers\nanswers-intro = Why.\n";

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rp_ini *site, *words;
	struct rp_buf doc = RP_BUF_INIT, out = RP_BUF_INIT;
	struct rp_kit_fill f;
	struct rp_quiz *q = NULL;
	char title[256], msg[256];
	size_t line = 0, i;
	int a[RP_QUIZ_MAX_Q], l, score;

	if (site == NULL && (rp_ini_parse(site_conf, sizeof(site_conf) - 1, &site, &l) != 0 ||
	    rp_ini_parse(words_conf, sizeof(words_conf) - 1, &words, &l) != 0))
		abort();
	f.site = site;
	f.words = words;
	f.site_name = "Praxis <b>Fuzz</b>";
	if (rp_kit_sheet_parse((const char *)data, size, &f, &doc, title, &line) == 0) {
		if (rp_doc_render(doc.buf, doc.len, RP_DOC_HTML, "en", &out) == 0 &&
		    (strstr(out.buf, "<script") || strstr(out.buf, "<b>Fuzz") || strstr(out.buf, "<a ")))
			abort();
		rp_buf_reset(&out);
		if (rp_doc_render(doc.buf, doc.len, RP_DOC_TEXT, "en", &out) == 0)
			for (i = 0; i < out.len; i++)
				if ((unsigned char)out.buf[i] < 0x20 && out.buf[i] != '\n')
					abort();
	}
	rp_buf_reset(&doc);
	if (rp_quiz_parse((const char *)data, size, &q, msg) == 0) {
		if (rp_quiz_answers_parse(q, "1: a\n2: b\n", 10, a, &line, msg) == 0) {
			score = rp_quiz_score(q, a);
			if (score < 0 || score > q->n)
				abort();
		}
		if (rp_quiz_doc(q, &f, 1, &doc, title) != 0 || rp_quiz_doc(q, &f, 0, &doc, title) != 0)
			abort();
		rp_quiz_free(q);
	}
	rp_buf_release(&doc);
	rp_buf_release(&out);
	return 0;
}
