/*
 * The libpst adapter: the only file that includes <libpst/libpst.h>. It reads every
 * e-mail item of an Outlook .pst/.ost, folder by folder, and feeds the worker's sink:
 * the transport headers when the item kept them (mail that came in by SMTP), else the
 * item's own fields (sender, display recipients, subject, Message-ID, sent date), the
 * plain and HTML bodies, and the attachments (by value, decoded by libpst).
 *
 * Evidence: libpst opens files by name with fopen(3), which would read without
 * O_NOATIME. So pst_open is given a copy of the file's first 64 KiB (the header is
 * all it reads) in a memfd, through /proc/self/fd; then its FILE is swapped for one
 * over our own O_NOATIME descriptor, through which every later read goes.
 * libpst keeps a debug log only when asked (pst_debug_init): it prints nothing.
 * Bounds: 64 folder levels, 1,000,000 items per file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <libpst/libpst.h>

#include "core/err.h"
#include "core/file.h"
#include "core/time.h"
#include "mail/internal.h"

#define HEAD (64 * 1024)
#define MAX_DEPTH 64
#define MAX_ITEMS 1000000

struct pstrun {
	pst_file pf;
	struct mail_worker *w;
	int (*fn)(struct mail_worker *w, void *ctx);
	void *ctx;
	struct rp_mail_loc loc;
	char folder[1024];
	uint64_t items;
	int rc;
};

static const char *
str(pst_item *it, pst_string *s)
{
	if (s->str == NULL)
		return NULL;
	pst_convert_utf8(it, s);
	return s->str;
}

static int64_t
filetime(const FILETIME *ft)
{
	uint64_t v;

	if (ft == NULL)
		return RP_TIME_UNSET;
	v = ((uint64_t)ft->dwHighDateTime << 32) | ft->dwLowDateTime;
	if (v < 116444736000000000ULL)
		return RP_TIME_UNSET;
	return (int64_t)(v / 10000000ULL) - 11644473600LL;
}

/* "Name <a@b>; c@d; Someone" -> the addresses, names kept when there is none */
static void
addr_list(struct mail_worker *w, enum mail_field f, const char *s)
{
	char item[1024];
	const char *p = s;

	while (p && *p) {
		const char *e = strchr(p, ';'), *lt, *gt;
		size_t n = e ? (size_t)(e - p) : strlen(p);

		snprintf(item, sizeof(item), "%.*s", (int)(n > 1000 ? 1000 : n), p);
		lt = strchr(item, '<');
		gt = lt ? strchr(lt, '>') : NULL;
		if (lt && gt) {
			char addr[512];

			snprintf(addr, sizeof(addr), "%.*s", (int)(gt - lt - 1), lt + 1);
			item[lt - item] = '\0';
			mail_w_addr(w, f, addr, item);
		} else {
			char *b = item;

			while (*b == ' ')
				b++;
			if (*b)
				mail_w_addr(w, f, strchr(b, '@') && !strchr(b, ' ') ? b : "",
				    strchr(b, '@') && !strchr(b, ' ') ? "" : b);
		}
		p = e ? e + 1 : NULL;
	}
}

static void
one_message(struct pstrun *r, pst_item *it)
{
	struct mail_worker *w = r->w;
	pst_item_email *e = it->email;
	pst_item_attach *a;
	const char *s;

	r->loc.index = ++r->items;
	r->loc.folder = r->folder;
	mail_worker_begin(w, &r->loc, 0);
	if ((s = str(it, &e->header)) != NULL && *s) {
		/* the original header: parsed as a message without a body */
		size_t n = strlen(s);
		char *h = malloc(n + 3);

		if (h) {
			memcpy(h, s, n);
			memcpy(h + n, "\n\n", 3);
			mail_mime_parse(w, h, n + 2);
			free(h);
		}
	} else {
		const char *addr = str(it, &e->sender_address);
		const char *name = str(it, &e->outlook_sender_name);

		if (addr && strchr(addr, '@'))
			mail_w_addr(w, MAIL_FROM, addr, name ? name : "");
		else if ((addr = str(it, &e->sender2_address)) != NULL && strchr(addr, '@'))
			mail_w_addr(w, MAIL_FROM, addr, name ? name : "");
		addr_list(w, MAIL_TO, str(it, &e->sentto_address));
		addr_list(w, MAIL_CC, str(it, &e->cc_address));
		addr_list(w, MAIL_BCC, str(it, &e->bcc_address));
		if ((s = str(it, &it->subject)) != NULL)
			mail_w_subject(w, s);
		if ((s = str(it, &e->messageid)) != NULL) {
			char id[1024];

			snprintf(id, sizeof(id), "%s", *s == '<' ? s + 1 : s);
			if (*id && id[strlen(id) - 1] == '>')
				id[strlen(id) - 1] = '\0';
			mail_w_message_id(w, id);
		}
		if (filetime(e->sent_date) != RP_TIME_UNSET)
			mail_w_date(w, filetime(e->sent_date));
		else if (filetime(e->arrival_date) != RP_TIME_UNSET)
			mail_w_date(w, filetime(e->arrival_date));
	}
	if (w->fail == NULL) {
		if ((s = str(it, &it->body)) != NULL)
			mail_w_text(w, 0, s, strlen(s));
		if ((s = str(it, &e->htmlbody)) != NULL)
			mail_w_text(w, 1, s, strlen(s));
		for (a = it->attach; a; a = a->next) {
			const char *nm = str(it, &a->filename2);
			const char *mt = str(it, &a->mimetype);

			if (nm == NULL || *nm == '\0')
				nm = str(it, &a->filename1);
			if (a->method == PST_ATTACH_EMBEDDED) {
				mail_w_attachment(w, nm ? nm : "message", "message/rfc822", NULL, 0,
				    RP_MAIL_ATT_MESSAGE | RP_MAIL_ATT_TRUNCATED);
			} else if (a->data.data) {
				mail_w_attachment(w, nm ? nm : "", mt ? mt : "", a->data.data,
				    a->data.size, 0);
			} else {
				pst_binary b = pst_attach_to_mem(&r->pf, a);

				if (b.data) {
					mail_w_attachment(w, nm ? nm : "", mt ? mt : "", b.data, b.size, 0);
					free(b.data);
				}
			}
		}
	}
	mail_worker_finish(w);
	r->rc = r->fn(w, r->ctx);
}

static void
folder(struct pstrun *r, pst_desc_tree *d, int depth)
{
	for (; d && r->rc == 0 && r->items < MAX_ITEMS; d = d->next) {
		pst_item *it = pst_parse_item(&r->pf, d, NULL);

		if (it == NULL)
			continue;
		if (it->folder && d->child && depth < MAX_DEPTH) {
			size_t n = strlen(r->folder);
			const char *name = str(it, &it->file_as);

			snprintf(r->folder + n, sizeof(r->folder) - n, "%s%s", n ? "/" : "",
			    name ? name : "?");
			folder(r, d->child, depth + 1);
			r->folder[n] = '\0';
		} else if (it->email && (it->type == PST_TYPE_NOTE || it->type == PST_TYPE_REPORT ||
		    it->type == PST_TYPE_SCHEDULE || it->type == 0)) {
			one_message(r, it);
		}
		pst_freeItem(it);
	}
}

int
mail_pst_read(int fd, const char *path, size_t pathlen, struct mail_worker *w,
    int (*fn)(struct mail_worker *w, void *ctx), void *ctx, const char **why)
{
	struct pstrun *r;
	char *head = NULL, name[64];
	ssize_t n;
	int mfd = -1, fd2 = -1, opened = 0, rc = RP_ERR_FORMAT;
	pst_item *root = NULL;
	pst_desc_tree *top;
	FILE *f;

	*why = NULL;
	if ((r = calloc(1, sizeof(*r))) == NULL || (head = malloc(HEAD)) == NULL) {
		free(r);
		return RP_ERR_NOMEM;
	}
	r->w = w;
	r->fn = fn;
	r->ctx = ctx;
	r->loc.store = path;
	r->loc.storelen = pathlen;
	r->loc.kind = RP_MAIL_STORE_PST;
	if ((n = rp_pread_full(fd, head, HEAD, 0)) < 512) {
		*why = "not a PST file: shorter than its header";
		goto out;
	}
	if ((mfd = memfd_create("riposte-pst-head", MFD_CLOEXEC)) < 0 ||
	    rp_write_all(mfd, head, (size_t)n) != 0) {
		*why = "cannot hand the PST header to libpst (memfd)";
		rc = RP_ERR_UNSUPPORTED;
		goto out;
	}
	snprintf(name, sizeof(name), "/proc/self/fd/%d", mfd);
	if (pst_open(&r->pf, name, NULL) != 0) {
		*why = "not a PST file libpst can read (header)";
		goto out;
	}
	opened = 1;
	/* every read from here on: through our descriptor, which has O_NOATIME */
	if ((fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 0)) < 0 || (f = fdopen(fd2, "rb")) == NULL) {
		*why = "cannot read the PST";
		rc = RP_ERR_SYSTEM;
		goto out;
	}
	fd2 = -1;
	fclose(r->pf.fp);
	r->pf.fp = f;
	if (pst_load_index(&r->pf) != 0) {
		*why = "not a PST file libpst can read (index)";
		goto out;
	}
	pst_load_extended_attributes(&r->pf);
	if ((root = pst_parse_item(&r->pf, r->pf.d_head, NULL)) == NULL ||
	    (top = pst_getTopOfFolders(&r->pf, root)) == NULL) {
		*why = "not a PST file libpst can read (no folders)";
		goto out;
	}
	folder(r, top->child, 0);
	rc = r->rc;
out:
	if (root)
		pst_freeItem(root);
	if (opened)
		pst_close(&r->pf);
	if (fd2 >= 0)
		close(fd2);
	if (mfd >= 0)
		close(mfd);
	free(head);
	free(r);
	return rc;
}
