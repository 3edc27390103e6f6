/* Fuzzes the PST reader (lib/mail/pst.c): the bytes as a .pst file through libpst and
 * our own reading of each message's recipient table, every message handed on checked.
 * In this process (mail_pst_walk): mail_pst_read's first pass in a child would hide
 * a crash, libpst's or ours. libpst's own crashes on damaged files are known (its
 * pst_parse_item reads through null and wild pointers): a run stops at the first.
 * The seeds are PSTs written by tests/data-gen/make-pst.py (recipient tables in the
 * heap, an XBLOCK body, attachments in subnodes), in each layout: Unicode, ANSI (one
 * with 8-bit strings in windows-1252 and 1251), and an Outlook 2013 OST whose
 * compressed blocks, in an XBLOCK too, go through pst.c's fix of libpst's leaks: the
 * replay under LeakSanitizer fails without it. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "core/file.h"
#include "core/time.h"
#include "mail/internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct mail_shared sh;
static struct mail_worker w;
static int ready;

static int
on_msg(struct mail_worker *mw, void *ctx)
{
	size_t i;

	if (mw->fail == NULL)
		for (i = 0; i < mw->msg.natt; i++)
			if (mw->msg.att[i].name == NULL || mw->msg.att[i].sha256 == NULL)
				abort();
	(*(size_t *)ctx)++;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const dom[] = { "praxis.example" };
	const char *why = NULL;
	size_t n = 0;
	int fd;

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
	if ((fd = memfd_create("fuzz-pst", MFD_CLOEXEC)) < 0)
		return 0;
	if (rp_write_all(fd, data, size) == 0)
		mail_pst_walk(fd, "fuzz.pst", 8, &w, on_msg, &n, &why);
	close(fd);
	return 0;
}
