/* Fuzzes the MIME walk: one message through GMime (lib/mail/mime.c) and everything the
 * worker does with it (attachments, zip members, URLs, the bank-detail check). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/time.h"
#include "mail/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct mail_shared sh;
static struct mail_worker w;
static int ready;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const dom[] = { "praxis.example" };
	struct rp_mail_loc loc = { "fuzz", 4, RP_MAIL_STORE_EML, 0, 0, "" };
	char *copy;
	size_t i;

	if (!ready) {
		sh.lim.message = 1u << 20;
		sh.lim.header = 64 << 10;
		sh.lim.depth = 32;
		sh.lim.archive_depth = 4;
		sh.lim.expand = 4u << 20;
		sh.lim.member = 1u << 20;
		sh.lim.members = 1000;
		sh.lim.text = 64 << 10;
		sh.o.domains = dom;
		sh.o.ndomains = 1;
		sh.o.since = sh.o.until = RP_TIME_UNSET;
		if (mail_bec_words_load(&sh.bec, NULL) != 0 || mail_worker_init(&w, &sh) != 0)
			abort();
		ready = 1;
	}
	/* GMime reads the bytes in place: a copy of our own, as the scan hands it */
	if ((copy = malloc(size + 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	mail_worker_begin(&w, &loc, size);
	mail_mime_parse(&w, copy, size);
	mail_worker_finish(&w);
	if (w.fail == NULL) {
		for (i = 0; i < w.msg.natt; i++)
			if (w.msg.att[i].name == NULL || w.msg.att[i].sha256 == NULL || w.msg.att[i].type == NULL)
				abort();
		for (i = 0; i < w.msg.nurls; i++)
			if (w.msg.urls[i].url == NULL || w.msg.urls[i].host == NULL)
				abort();
	}
	free(copy);
	return 0;
}
