/* Fuzzes the text scans of a body: IBANs, the bank-detail wording, URLs of plain text
 * and of HTML with their link text, the HTML-to-text conversion. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "mail/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct mail_bec_words *words;

static int
on_iban(void *ctx, const char *iban)
{
	char c[35];

	if (!rp_mail_iban_valid(iban, strlen(iban), c) || strcmp(c, iban) != 0)
		abort();
	return 0;
}

static void
on_url(void *ctx, const char *url, size_t ulen, const char *text, size_t tlen)
{
	char host[256], shown[256];

	if (ulen == 0)
		abort();
	mail_url_host(url, ulen, host, sizeof(host));
	if (text && host[0])
		mail_link_mismatch(text, tlen, host, shown, sizeof(shown));
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rp_buf n = RP_BUF_INIT, h = RP_BUF_INIT;
	const char *s = (const char *)data, *phrase, *lang;
	char c[35];

	if (words == NULL && mail_bec_words_load(&words, NULL) != 0)
		abort();
	rp_buf_init(&n, 1u << 20);
	rp_buf_init(&h, 1u << 20);
	mail_iban_each(s, size, on_iban, NULL);
	rp_mail_iban_valid(s, size, c);
	mail_bec_normalise(&n, s, size);
	mail_bec_wording(words, n.buf, n.len, &phrase, &lang);
	mail_urls(s, size, 0, on_url, NULL);
	mail_urls(s, size, 1, on_url, NULL);
	mail_html_text(&h, s, size, 1u << 20);
	rp_buf_release(&n);
	rp_buf_release(&h);
	return 0;
}
