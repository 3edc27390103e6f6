/*
 * riposte mail trace: who must be told, from the stores, the logs and the address
 * books together (lib/mail/trace.c decides; cmd-mail-trace-out.c formats).
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "case/config.h"
#include "cli.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "mail-opts.h"
#include "mail-trace.h"
#include "mail/abook.h"
#include "mail/logfile.h"
#include "mail/maillog.h"

static const char usage[] =
"NAME\n"
"    riposte mail trace - who must be told: the infected, the exposed, and everyone\n"
"    else the mailbox was in touch with\n"
"\n"
"SYNOPSIS\n"
"    riposte mail trace [--format text|jsonl|csv] [--log FILE]... [--addressbook FILE]...\n"
"                       [--year YYYY] [--ioc FILE]... [--rules DIR] [--clamav-db DIR |\n"
"                       --no-clamav] [--since T] [--until T] [--mailbox ADDR]...\n"
"                       [--case[=ID]] [--db FILE] [--config FILE] [-j N] [--allow-atime]\n"
"                       [STORE...]\n"
"\n"
"DESCRIPTION\n"
"    After mail from here carried malware, or intruders used a mailbox to announce new\n"
"    bank details, every correspondent must be warned: those known to be infected, and\n"
"    those not known to be. trace reads the STOREs as `mail scan` does (same matching:\n"
"    the case's IOCs, --ioc, YARA rules, ClamAV), the mail logs and hosted-mail traces\n"
"    given with --log, and the address books given with --addressbook, for the affected\n"
"    mailboxes (--mailbox, else every address of the site's domains = in [site]) and the\n"
"    window (--since, --until). At least one STORE or --log is needed.\n"
"\n"
"    Each address is listed once, in its highest class:\n"
"      infected       received from an affected mailbox a message with a malicious match\n"
"                     (IOC, YARA rule, ClamAV signature) or a bank-detail fraud (bec);\n"
"      exposed        received one with attachments or links that matched nothing\n"
"                     (unknown malware is possible; links to the site's own domains do\n"
"                     not count), or one known only from a log, whose content was not seen;\n"
"      precautionary  every other correspondent in the window: recipients of other mail,\n"
"                     those a delivery failed to, those who wrote to an affected mailbox\n"
"                     (and the others in To and Cc of those messages), and everyone in the\n"
"                     address books (a virus on a phone reads the address book).\n"
"    Logs and stores are joined by Message-ID: a recipient known only from a log (a Bcc)\n"
"    gets the class of the message the store holds. A recipient whose delivery bounced\n"
"    or failed is precautionary; a deferred one counts as reached. Addresses are grouped\n"
"    by organisation (the domain) and joined to the [client] entries of riposte.conf by\n"
"    e-mail domain (the client's contact = address gives it; a domains = list adds more;\n"
"    a subdomain counts as its parent) for the client's name and language (else the\n"
"    site's). The affected mailboxes themselves are not listed.\n"
"\n"
"    Logs (--log, each told by its content, plain or gzip, e.g. mail.log.2.gz):\n"
"      Postfix, Exim and Sendmail as syslog writes them (traditional \"Nov 19 14:45:31\",\n"
"      RFC 3339 as rsyslog's file format and journalctl -o short-iso write, RFC 5424),\n"
"      and Exim's own mainlog. Postfix lines are tied by queue id (cleanup message-id=,\n"
"      qmgr from=/size=, smtp/lmtp/local... to=/status=sent|deferred|bounced, removed);\n"
"      Exim's by message id (<= with id= and S=, =>, ->, **, ==, Completed); Sendmail's\n"
"      by queue id (from= with msgid=, to= lists with stat= and dsn=). Syslog lines carry\n"
"      no year: the last line is taken in the year of the file's modification time (the\n"
"      year before when its month is later), each December-to-January step moves on by\n"
"      one; --year gives the year of the first line instead. Traditional times are the\n"
"      local time of the site (timezone = in [site], else TZ).\n"
"      Microsoft 365 / Exchange Online message trace CSV, read by these columns (any\n"
"      order, names without case, spaces or '_'): Received (\"11/19/2026 2:45:31 PM\", US\n"
"      order, UTC; ISO 8601 too), SenderAddress, RecipientAddress, Subject, Status\n"
"      (Delivered, FilteredAsSpam, Resolved: reached; Failed, Quarantined: bounced;\n"
"      Expanded: a group, not a person; Pending, GettingStatus), MessageId, MessageTraceId,\n"
"      Size, ToIP; the UTF-8 or UTF-16 byte-order mark and PowerShell's #TYPE line are\n"
"      skipped. The historical search's summary report: origin_timestamp_utc,\n"
"      sender_address, recipient_status (\"addr##Receive, Deliver;...\"), message_subject,\n"
"      total_bytes, message_id, network_message_id.\n"
"      Google Workspace email log search CSV, the columns read (names matched without\n"
"      case, spaces, '-' or '_'; needed: date, sender, recipient, Message ID): date (Date,\n"
"      Timestamp, Time, Date time, Event date, Message date, Start date, Sent), sender\n"
"      (Sender, From, Sender address), recipient (Recipient, Recipients, To, Recipient\n"
"      address), Subject, Message ID (or RFC 822 Message ID), status (Status, Event,\n"
"      Delivery status, Event status, Message status), size (Size, Message size); other\n"
"      columns are ignored. riposte's authors could not check an export's exact header\n"
"      row, so these usual spellings are all accepted; a row without a status counts as\n"
"      delivered. A CSV whose header is no trace riposte reads (a needed column missing,\n"
"      or names it does not know) is skipped with a warning that shows the header, and\n"
"      counted as log_unknown in the summary.\n"
"    Lines longer than 64 KiB, lines in no known shape and CSV rows without a date or a\n"
"    recipient are skipped and counted; a gzip file cut short gives the lines before the\n"
"    damage. Address books (--addressbook): vCard 2.1/3.0/4.0 (.vcf); CSV exports of\n"
"    Outlook (E-mail Address, E-mail 2 Address, E-mail 3 Address; German and French\n"
"    headers too), Google Contacts (E-mail 1 - Value ...), Thunderbird (Primary Email,\n"
"    Secondary Email). Nothing read is changed: files are opened with O_NOATIME.\n"
"\n"
"OPTIONS\n"
"    --format text|jsonl|csv\n"
"        text (the default on a terminal; otherwise jsonl), grouped by organisation,\n"
"        times in local time.\n"
"    --log FILE        a mail log or a hosted-mail trace (repeatable)\n"
"    --addressbook FILE  a vCard file or a CSV export of contacts (repeatable)\n"
"    --year YYYY       the year of the first line of yearless syslog files\n"
MAIL_OPTS_HELP
"\n"
"OUTPUT\n"
"    jsonl, one object per line, times in UTC: first every message someone in the lists\n"
"    received or sent,\n"
"      {\"kind\":\"message\",\"id\":MESSAGE-ID,\"date\":T|null,\"from\":ADDR,\"subject\":S,\n"
"       \"class\":CLASS,\"seen\":\"store\"|\"log\"|\"store+log\",\"recipients\":N,\"iban\":IBAN|null,\n"
"       \"indicators\":[\"domain:...\",\"sha256:...\",\"clamav:SIG\",\"yara:RULE\",\"iban:...\"],\n"
"       \"attachments\":[{\"name\":N,\"sha256\":H,\"size\":N,\"matched\":BOOL}]}\n"
"    then one line per address, grouped by organisation (the most affected first),\n"
"      {\"kind\":\"contact\",\"address\":ADDR,\"name\":S,\"class\":\"infected\"|\"exposed\"|\n"
"       \"precautionary\",\"client\":NAME|null,\"lang\":\"de\"|\"fr\"|...,\"messages\":[ID...],\n"
"       \"first\":T|null,\"last\":T|null,\"organisation\":DOMAIN,\"sources\":[\"store\",\"log\",\n"
"       \"addressbook\",\"inbound\"]}\n"
"    and last {\"kind\":\"summary\",\"infected\":N,\"exposed\":N,\"precautionary\":N,\n"
"     \"organisations\":N,\"messages\":N,\"log_only\":N,\"store_messages\":N,\"unparsable\":N,\n"
"     \"log_files\":N,\"log_records\":N,\"log_malformed\":N,\"log_damaged\":N,\n"
"     \"log_unknown\":N (--log files in no known format, each named on stderr),\n"
"     \"addressbook_entries\":N,\"clamav\":S|null,\"iocs\":N,\"since\":T|null,\"until\":T|null,\n"
"     \"mailboxes\":[...] or \"domains\":[...]}.\n"
"    csv, for a mail merge: one row per address, header\n"
"      address,name,class,organisation,client,lang,first,last,messages\n"
"    (times in UTC; messages: the Message-IDs separated by spaces; a field that starts\n"
"    with = + - @ gets a leading ').\n"
"\n"
"EXIT STATUS\n"
"    0 nobody to tell; 1 someone must be told; 2 error (bad option, no STORE and no\n"
"    --log, a file that cannot be read, no affected mailbox known).\n"
"\n"
"EXAMPLES\n"
"    riposte mail trace /var/mail/vmail/praxis-muster.example/empfang \\\n"
"        --log /var/log/mail.log --log /var/log/mail.log.1.gz --since 2026-11-16\n"
"    riposte mail trace --log messagetrace.csv --addressbook contacts.vcf \\\n"
"        --mailbox empfang@praxis-muster.example --format csv > to-warn.csv\n"
"    riposte mail trace Sent.mbox --log mail.log --ioc iocs.txt --case\n";

enum { OPT_LOG = 300, OPT_ABOOK, OPT_YEAR };

const struct option mail_trace_longopts[] = {
	MAIL_OPTS_LONGOPTS,
	{ "log", required_argument, NULL, OPT_LOG },
	{ "addressbook", required_argument, NULL, OPT_ABOOK },
	{ "year", required_argument, NULL, OPT_YEAR },
	{ NULL, 0, NULL, 0 },
};

struct run {
	const struct rp_cli *cli;
	struct rp_trace *t;
	struct trace_counts n;
	int failed;
};

static int
on_message(const struct rp_mail_msg *m, void *ctx)
{
	struct run *x = ctx;

	x->n.messages++;
	return rp_trace_message(x->t, m);
}

static int
on_unparsable(const struct rp_mail_unparsable *u, void *ctx)
{
	struct run *x = ctx;
	struct rp_buf t = RP_BUF_INIT;

	x->n.unparsable++;
	rp_esc_text(&t, u->loc.store, u->loc.storelen);
	rp_warn(x->cli, "'%s': a message could not be read (%s): its recipients are not known",
	    t.buf, u->reason);
	rp_buf_release(&t);
	return 0;
}

static int
on_warning(const char *path, size_t pathlen, const char *msg, void *ctx)
{
	struct run *x = ctx;
	struct rp_buf t = RP_BUF_INIT;

	if (path)
		rp_esc_text(&t, path, pathlen);
	rp_warn(x->cli, "'%s': %s", t.buf, msg);
	rp_buf_release(&t);
	return 0;
}

static int
on_delivery(const struct rp_maillog_rec *r, void *ctx)
{
	return rp_trace_delivery(ctx, r);
}

static int
on_contact(const struct rp_abook_entry *e, void *ctx)
{
	return rp_trace_abook(ctx, e);
}

static const char *
why(int r)
{
	return r == RP_ERR_SYSTEM ? strerror(errno) : rp_strerror(r);
}

/* One --log file; a file riposte cannot use is said and the others go on. */
static int
read_log(struct run *x, const char *path, int year, int allow_atime)
{
	struct rp_logfile_opts lo = { allow_atime, 0 };
	struct rp_maillog_opts mo = { year, x->cli->now };
	struct rp_maillog_stats st;
	struct rp_logfile *f = NULL;
	int r;

	if ((r = rp_logfile_open(AT_FDCWD, path, &lo, &f)) != 0) {
		rp_err(x->cli, "cannot open '%s': %s%s", path, why(r),
		    r == RP_ERR_PERM ? " (O_NOATIME refused: run as root, or --allow-atime)" : "");
		x->failed = 1;
		return 0;
	}
	x->n.log_files++;
	r = rp_maillog_read(f, &mo, on_delivery, x->t, &st);
	rp_logfile_free(f);
	if (r == RP_ERR_FORMAT && strcmp(st.format, "csv-unknown") == 0) {
		struct rp_buf hb = RP_BUF_INIT;

		x->n.log_unknown++;
		rp_esc_text(&hb, st.csv_header, strlen(st.csv_header));
		rp_warn(x->cli, "'%s' is a CSV file whose header riposte does not read as a mail "
		    "trace (\"%s\"): a Google Workspace email log export needs a date, a sender, a "
		    "recipient and a Message ID column, a Microsoft 365 message trace SenderAddress, "
		    "RecipientAddress and MessageId (the names accepted: mail trace --help): skipped",
		    path, hb.buf ? hb.buf : "");
		rp_buf_release(&hb);
		return 0;
	}
	if (r == RP_ERR_FORMAT) {
		x->n.log_unknown++;
		rp_warn(x->cli, "'%s' is no mail log or trace riposte knows (Postfix, Exim, Sendmail, "
		    "Microsoft 365, Google Workspace): skipped", path);
		return 0;
	}
	if (r != 0)
		return r;
	x->n.log_records += st.records;
	x->n.log_lines += st.lines;
	x->n.log_malformed += st.malformed;
	x->n.log_too_long += st.too_long;
	if (st.damaged) {
		x->n.log_damaged++;
		rp_warn(x->cli, "'%s': %s after line %llu: the rest could not be read", path,
		    st.damaged == RP_ERR_TOOBIG ? "decompression bound reached" :
		    st.damaged == RP_ERR_FORMAT ? "gzip data damaged or cut short" : why(st.damaged),
		    (unsigned long long)st.lines);
	}
	if (st.malformed + st.too_long > 0)
		rp_warn(x->cli, "'%s': %llu line%s skipped (%llu in no known shape, %llu too long)",
		    path, (unsigned long long)(st.malformed + st.too_long),
		    st.malformed + st.too_long == 1 ? "" : "s",
		    (unsigned long long)st.malformed, (unsigned long long)st.too_long);
	return 0;
}

static int
read_book(struct run *x, const char *path, int allow_atime)
{
	struct rp_logfile_opts lo = { allow_atime, 0 };
	struct rp_abook_stats st;
	struct rp_logfile *f = NULL;
	int r;

	if ((r = rp_logfile_open(AT_FDCWD, path, &lo, &f)) != 0) {
		rp_err(x->cli, "cannot open '%s': %s", path, why(r));
		x->failed = 1;
		return 0;
	}
	x->n.book_files++;
	r = rp_abook_read(f, on_contact, x->t, &st);
	rp_logfile_free(f);
	if (r == RP_ERR_FORMAT) {
		x->n.book_unknown++;
		rp_warn(x->cli, "'%s' is no address book riposte knows (vCard, CSV): skipped", path);
		return 0;
	}
	if (r != 0)
		return r;
	x->n.book_entries += st.entries;
	x->n.book_malformed += st.malformed + st.too_long;
	if (st.damaged || st.malformed + st.too_long > 0)
		rp_warn(x->cli, "'%s': %llu lines or rows skipped%s", path,
		    (unsigned long long)(st.malformed + st.too_long),
		    st.damaged ? ", and the file is damaged: the rest could not be read" : "");
	return 0;
}

int trace_record(const struct rp_cli *cli, const struct mail_opts *mo,
    const struct trace_counts *n, const struct rp_trace_result *res);

int
cmd_mail_trace(struct rp_cli *cli, int argc, char **argv)
{
	struct mail_opts mo;
	struct rp_mail_opts eo;
	struct rp_mail_cb cb = { on_message, NULL, NULL, on_unparsable, on_warning, NULL };
	struct rp_mail_scan *scan = NULL;
	struct rp_trace_opts to;
	struct rp_trace_result res;
	struct run x;
	struct rp_buf out = RP_BUF_INIT, msg = RP_BUF_INIT;
	const char **logs = NULL, **books = NULL;
	char **boxes = NULL;
	size_t nlogs = 0, nbooks = 0, i;
	unsigned long long ull;
	int c, h, r, year = 0, format, rc = RP_EXIT_ERROR;

	memset(&x, 0, sizeof(x));
	x.cli = cli;
	mail_opts_init(&mo);
	if ((logs = calloc((size_t)argc + 1, sizeof(*logs))) == NULL ||
	    (books = calloc((size_t)argc + 1, sizeof(*books))) == NULL)
		goto out;
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "j:h", mail_trace_longopts, usage)) != -1) {
		if (c == 'j')
			c = MO_JOBS;
		if ((h = mail_opts_handle(cli, &mo, c, optarg)) < 0)
			goto out;
		if (h)
			continue;
		switch (c) {
		case OPT_LOG: logs[nlogs++] = optarg; break;
		case OPT_ABOOK: books[nbooks++] = optarg; break;
		case OPT_YEAR:
			if (rp_cli_uint(cli, "--year", optarg, 1970, 9999, &ull) != 0)
				goto out;
			year = (int)ull;
			break;
		case 'h': rc = rp_cli_usage(cli, usage, 1); goto out;
		default: goto out;
		}
	}
	if (optind >= argc && nlogs == 0) {
		rp_err(cli, "no STORE and no --log given");
		rp_cli_usage(cli, usage, 0);
		goto out;
	}
	format = cli->stdout_tty ? RP_FMT_TEXT : RP_FMT_JSONL;
	if (mo.format_arg && (format = rp_cli_format(cli, mo.format_arg, "text,jsonl,csv")) < 0)
		goto out;
	if (mail_opts_setup(cli, &mo, &eo) != 0)
		goto out;
	if (mo.nmailboxes == 0 && mo.ndomains == 0) {
		rp_err(cli, "no affected mailbox: give --mailbox ADDR, or the site's mail domains "
		    "(domains = in [site] of riposte.conf)");
		goto out;
	}
	/* the affected mailboxes, compared in lowercase as the logs' addresses are */
	if (mo.nmailboxes && (boxes = calloc(mo.nmailboxes, sizeof(*boxes))) == NULL)
		goto out;
	for (i = 0; i < mo.nmailboxes; i++) {
		char a[RP_MAIL_ADDR_MAX];

		if (rp_mail_addr_norm(mo.mailboxes[i], strlen(mo.mailboxes[i]), a) != 0) {
			rp_err(cli, "--mailbox: '%s' is not an e-mail address", mo.mailboxes[i]);
			goto out;
		}
		if ((boxes[i] = strdup(a)) == NULL)
			goto out;
	}
	memset(&to, 0, sizeof(to));
	to.since = mo.since;
	to.until = mo.until;
	to.mailboxes = (const char *const *)boxes;
	to.nmailboxes = mo.nmailboxes;
	to.domains = (const char *const *)mo.domains;
	to.ndomains = mo.ndomains;
	to.site_lang = mo.site ? rp_ini_get(mo.site, "site", "language") : NULL;
	if (rp_trace_new(&to, &x.t) != 0 || rp_trace_clients(x.t, mo.site) != 0)
		goto out;
	x.n.since = mo.since;
	x.n.until = mo.until;
	x.n.mailboxes = mo.nmailboxes ? (const char *const *)boxes : NULL;
	x.n.nmailboxes = mo.nmailboxes;
	x.n.domains = (const char *const *)mo.domains;
	x.n.ndomains = mo.ndomains;
	x.n.iocs = rp_mail_iocs_count(mo.iocs);
	if (optind < argc) {
		if ((r = rp_mail_scan_new(&scan, &eo, &cb, &x, &msg)) != 0) {
			rp_err(cli, "%s", msg.len ? msg.buf : rp_strerror(r));
			goto out;
		}
		r = rp_mail_scan_run(scan, (const char *const *)argv + optind, (size_t)(argc - optind));
		x.n.clamav = rp_mail_scan_clamav(scan);
		if (r != 0) {
			if (r != RP_ERR_NOMEM)
				rp_err(cli, "cannot read a STORE: %s", why(r));
			x.failed = 1;
		}
	}
	for (i = 0; i < nlogs; i++)
		if ((r = read_log(&x, logs[i], year, mo.allow_atime)) != 0)
			goto out;
	for (i = 0; i < nbooks; i++)
		if ((r = read_book(&x, books[i], mo.allow_atime)) != 0)
			goto out;
	if (rp_trace_finish(x.t, &res) != 0)
		goto out;
	trace_output(&x.n, &res, format, &out);
	if (rp_cli_put(cli, &out) != 0)
		goto out;
	if (mo.case_id >= 0 && trace_record(cli, &mo, &x.n, &res) != 0)
		goto out;
	if (!x.failed)
		rc = res.ncontacts > 0 ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	rp_mail_scan_free(scan);
	rp_trace_free(x.t);
	for (i = 0; boxes && i < mo.nmailboxes; i++)
		free(boxes[i]);
	free(boxes);
	mail_opts_release(&mo);
	free(logs);
	free(books);
	rp_buf_release(&out);
	rp_buf_release(&msg);
	return rc;
}
