/* Fuzzes the emergency plan with the input as the site profile (riposte.conf): every
 * renderer escapes what the profile says (no raw markup reaches the HTML, no control
 * character the text), in every language, whatever the profile holds. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "core/buf.h"
#include "prepare/doc.h"
#include "prepare/plan.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { "de", "fr" };
	struct rp_ini *site = NULL;
	struct rp_buf doc = RP_BUF_INIT, out = RP_BUF_INIT;
	struct rp_plan_info info;
	const char *lang;
	size_t i, k;
	int line;

	if (rp_ini_parse((const char *)data, size, &site, &line) != 0)
		return 0;
	if (rp_plan_lang(site, NULL, &lang) != 0 && lang == NULL)
		abort();
	for (k = 0; k < 2; k++) {
		rp_buf_reset(&doc);
		if (rp_plan_make(site, NULL, langs[k], 1795000000, &doc, &info) != 0)
			continue;
		rp_buf_reset(&out);
		if (rp_doc_render(doc.buf, doc.len, RP_DOC_HTML, langs[k], &out) == 0 &&
		    (strstr(out.buf, "<script") || strstr(out.buf, "<img") || strstr(out.buf, "<a ")))
			abort();
		rp_buf_reset(&out);
		if (rp_doc_render(doc.buf, doc.len, RP_DOC_TEXT, langs[k], &out) == 0)
			for (i = 0; i < out.len; i++)
				if ((unsigned char)out.buf[i] < 0x20 && out.buf[i] != '\n')
					abort();
		rp_buf_reset(&out);
		rp_doc_render(doc.buf, doc.len, RP_DOC_MD, langs[k], &out);
	}
	rp_buf_release(&doc);
	rp_buf_release(&out);
	rp_ini_free(site);
	return 0;
}
