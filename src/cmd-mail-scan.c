/*
 * riposte mail scan: every message of the stores, with what it carried and what
 * matched; bank-detail fraud sent from our mailboxes; mailbox rules that forward or
 * hide mail. The engine (lib/mail) decides; this file only formats.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "mail-opts.h"
#include "mail-scan-out.h"

static const char usage[] =
"NAME\n"
"    riposte mail scan - what the mail stores hold: dangerous attachments and links,\n"
"    bank-detail fraud sent from our mailboxes, rules that forward or hide mail\n"
"\n"
"SYNOPSIS\n"
"    riposte mail scan [--format text|jsonl|csv] [--all] [--ioc FILE]... [--rules DIR]\n"
"                      [--clamav-db DIR | --no-clamav] [--since T] [--until T]\n"
"                      [--mailbox ADDR]... [--case[=ID]] [--db FILE] [--config FILE]\n"
"                      [-j N] [--allow-atime] [-q] STORE...\n"
"\n"
"DESCRIPTION\n"
"    Reads every STORE read-only (files opened with O_NOATIME: no access, modification or\n"
"    change time moves; symbolic links below a STORE are not followed; FIFOs and devices\n"
"    are never opened). A STORE is a file or a tree; each file is recognised by its\n"
"    content, not its name: a Maildir message (in cur/, new/ or tmp/), a message of its\n"
"    own (.eml), an mbox (mboxo or mboxrd \"From \" lines; >From unescaped), an Outlook\n"
"    .pst/.ost, a Sieve script, a procmail file, a .forward (by name), an export of\n"
"    Exchange inbox rules (Get-InboxRule | Export-Csv, or | ConvertTo-Json). An Outlook\n"
"    item's sender and recipients come from its transport headers when it kept them\n"
"    (mail received by SMTP; a Bcc only they name included), else from its sender\n"
"    properties and its recipient table (mail sent from Outlook).\n"
"\n"
"    Every message is parsed (GMime: RFC 2047 words in any charset, 8-bit headers, broken\n"
"    base64 and quoted-printable decoded as far as they go) within bounds: a top-level\n"
"    header over 1 MiB, MIME nesting over 32, a message over 160 MiB make it unparsable,\n"
"    with the reason, and the scan goes on. Its attachments are hashed (SHA-256), typed\n"
"    from their content (libmagic) and opened when they are zips (OOXML and ODF are):\n"
"    members are examined the same way, 4 archives deep, 64 MiB a member, 256 MiB\n"
"    expanded per message; a zip bomb (ratio over 1000, or past a bound) is reported,\n"
"    not expanded. Attached messages are entered. The URLs of the bodies are collected\n"
"    with the text of their links.\n"
"\n"
"    Verdicts: malicious when an IOC (the case's and --ioc's: attachment hashes and file\n"
"    names, link URLs and domains, addresses, Received: IPs), a YARA rule (built-in:\n"
"    macro droppers, HTML smuggling; and --rules) or a ClamAV signature matched;\n"
"    suspicious for an executable or a VBA macro attachment (or member), a double\n"
"    extension (\"Rechnung.pdf.exe\"), a link whose text shows another domain than its\n"
"    target, an archive not expanded, a rule marked suspicious (built-in: executables\n"
"    and double extensions inside zips), an attachment ClamAV could not scan (an error,\n"
"    such as no room for its temporary files, or one of its limits reached: 10,000\n"
"    files in an archive, its time limit); clean otherwise.\n"
"\n"
"    Bank-detail fraud (bec): a message SENT from an affected mailbox (--mailbox, else\n"
"    every sender of the site's domains) whose subject or body announces a change of bank\n"
"    details (English, French, German, Italian wording) with an IBAN whose check digits\n"
"    and length are valid (ISO 13616) and that is not one of the site's own (iban = in\n"
"    [site]). Mail received from a supplier announcing new details is not flagged.\n"
"\n"
"    Mailbox rules (rule): a redirect or forward to an address outside the site's\n"
"    domains, a discard or delete, a move into a folder where mail goes unseen (Trash,\n"
"    Archive, RSS Feeds, Conversation History...), a pipe to a program that sends mail.\n"
"\n"
"OPTIONS\n"
"    --format text|jsonl|csv\n"
"        text (the default on a terminal; otherwise jsonl), times in local time.\n"
"    -a, --all         list every message, clean ones too\n"
"    -q, --quiet       text: the summary only\n"
MAIL_OPTS_HELP
"\n"
"OUTPUT\n"
"    jsonl, one object per line, times in UTC:\n"
"      {\"kind\":\"message\",\"store\":FILE,\"id\":MESSAGE-ID|null,\"date\":T|null,\"from\":ADDR,\n"
"       \"to\":[ADDR...],\"subject\":S,\"attachments\":[{\"name\":N,\"sha256\":H,\"size\":N,\n"
"       \"type\":MIME,\"matches\":[M...]}],\"urls\":[URL...],\"matches\":[M...],\n"
"       \"verdict\":\"malicious\"|\"suspicious\"|\"clean\",\"cc\":[...],\"bcc\":[...],\n"
"       \"reasons\":[S...],\"store_kind\":\"maildir\"|\"eml\"|\"mbox\"|\"pst\",\"folder\":S,\n"
"       \"offset\":N}\n"
"        for each message that is not clean (--all: every one). A match M is\n"
"        \"ioc:TYPE:VALUE\", \"yara:RULE\" or \"clamav:SIGNATURE\". A nested attachment is\n"
"        named \"outer.zip!inner.exe\"; archive members are listed when they stand out.\n"
"      {\"kind\":\"bec\",\"store\":FILE,\"id\":...,\"date\":T,\"from\":ADDR,\"to\":[every\n"
"       recipient: To, Cc, Bcc],\"subject\":S,\"iban\":IBAN,\"country\":CC,\"phrase\":S,\n"
"       \"lang\":\"en\"|\"fr\"|\"de\"|\"it\"}\n"
"      {\"kind\":\"rule\",\"store\":FILE,\"format\":\"sieve\"|\"forward\"|\"procmail\"|\n"
"       \"exchange-csv\"|\"exchange-json\",\"mailbox\":S,\"name\":S,\"line\":N,\"action\":\n"
"       \"redirect\"|\"forward\"|\"forward-as-attachment\"|\"discard\"|\"delete\"|\"move\"|\n"
"       \"pipe\",\"target\":S,\"reason\":S}\n"
"      {\"kind\":\"unparsable\",\"store\":FILE,\"offset\":N,\"size\":N,\"reason\":S}\n"
"      and last {\"kind\":\"summary\",\"messages\":N,\"malicious\":N,\"suspicious\":N,\"bec\":N,\n"
"       \"rules\":N,\"unparsable\":N,\"clamav\":\"VERSION, N signatures\"|\"none\",\"clean\":N,\n"
"       \"stores\":N,\"filtered\":N,\"iocs\":N} (stores: the files recognised as mail or\n"
"       rules; filtered: messages outside --since/--until or --mailbox).\n"
"    A file name that is not valid UTF-8 is written with U+FFFD and its bytes in\n"
"    \"store_hex\". csv: one row per finding, header\n"
"      kind,store,date,id,from,to,subject,verdict,attachments,matches,urls,detail\n"
"    (bec: verdict \"bec\", detail the IBAN and the wording; rule: from the mailbox, to\n"
"    the target, subject the rule's name, verdict the action, detail the format, line\n"
"    and reason; lists joined by \"; \"; a leading = + - @ gets a ').\n"
"\n"
"EXIT STATUS\n"
"    0 nothing malicious, suspicious, bec or rule found; 1 found; 2 error (bad option,\n"
"    a STORE that cannot be read, rules that do not compile, output not written).\n"
"\n"
"EXAMPLES\n"
"    riposte mail scan /var/mail/vmail/praxis-muster.example/empfang\n"
"    riposte mail scan --format jsonl --since 2026-11-16 --ioc iocs.txt backup.pst\n"
"    riposte mail scan exports/ --mailbox empfang@praxis-muster.example --case\n";

enum { OPT_ALL = 300, OPT_QUIET };

const struct option mail_scan_longopts[] = {
	MAIL_OPTS_LONGOPTS,
	{ "all", no_argument, NULL, 'a' },
	{ "quiet", no_argument, NULL, 'q' },
	{ NULL, 0, NULL, 0 },
};

int
cmd_mail_scan(struct rp_cli *cli, int argc, char **argv)
{
	struct mail_opts mo;
	struct rp_mail_opts eo;
	struct rp_mail_cb cb = { mail_scan_on_message, mail_scan_on_bec, mail_scan_on_rule,
		mail_scan_on_unparsable, mail_scan_on_warning, NULL };
	struct rp_mail_scan *scan = NULL;
	struct out o;
	struct rp_buf msg = RP_BUF_INIT;
	int c, h, r, rc = RP_EXIT_ERROR;

	memset(&o, 0, sizeof(o));
	o.cli = cli;
	rp_buf_init(&o.b, 0);
	rp_buf_init(&o.matched, 0);
	rp_buf_init(&o.malicious, 0);
	mail_opts_init(&mo);
	rp_cli_opt_begin();
	while ((c = rp_cli_getopt(cli, argc, argv, "j:aqh", mail_scan_longopts, usage)) != -1) {
		if (c == 'j')
			c = MO_JOBS;
		if ((h = mail_opts_handle(cli, &mo, c, optarg)) < 0)
			goto out;
		if (h)
			continue;
		switch (c) {
		case 'a': o.all = 1; break;
		case 'q': o.quiet = 1; break;
		case 'h': rc = rp_cli_usage(cli, usage, 1); goto out;
		default: goto out;
		}
	}
	if (optind >= argc) {
		rp_err(cli, "no STORE given");
		rp_cli_usage(cli, usage, 0);
		goto out;
	}
	o.format = cli->stdout_tty ? RP_FMT_TEXT : RP_FMT_JSONL;
	if (mo.format_arg && (o.format = rp_cli_format(cli, mo.format_arg, "text,jsonl,csv")) < 0)
		goto out;
	if (mail_opts_setup(cli, &mo, &eo) != 0)
		goto out;
	if ((r = rp_mail_scan_new(&scan, &eo, &cb, &o, &msg)) != 0) {
		rp_err(cli, "%s", msg.len ? msg.buf : rp_strerror(r));
		goto out;
	}
	if (o.format == RP_FMT_CSV)
		rp_buf_addstr(&o.b, "kind,store,date,id,from,to,subject,verdict,attachments,matches,"
		    "urls,detail\n");
	r = rp_mail_scan_run(scan, (const char *const *)argv + optind, (size_t)(argc - optind));
	mail_scan_summary(&o, rp_mail_scan_stats(scan), rp_mail_scan_clamav(scan),
	    rp_mail_iocs_count(mo.iocs), o.format, &o.b);
	mail_scan_flush(&o);
	if (mo.case_id >= 0) {
		struct rp_buf text = RP_BUF_INIT, data = RP_BUF_INIT;
		const struct rp_mail_stats *st = rp_mail_scan_stats(scan);
		const char *p;
		int first = 1;

		rp_buf_addf(&text, "mail scan: %llu messages, %llu malicious, %llu suspicious, "
		    "%llu bank-detail fraud, %llu mailbox rules, %llu unparsable",
		    (unsigned long long)st->messages, (unsigned long long)st->verdicts[RP_MAIL_MALICIOUS],
		    (unsigned long long)st->verdicts[RP_MAIL_SUSPICIOUS], (unsigned long long)st->bec,
		    (unsigned long long)st->rules, (unsigned long long)st->unparsable);
		mail_scan_summary(&o, st, rp_mail_scan_clamav(scan), rp_mail_iocs_count(mo.iocs),
		    RP_FMT_OTHER, &data);
		rp_buf_setlen(&data, data.len - 1);
		rp_buf_addstr(&data, ",\"matched_iocs\":[");
		for (p = o.matched.buf; *p; ) {
			const char *nl = strchr(p, '\n');
			int lossy = 0;

			rp_buf_addstr(&data, first ? "\"" : ",\"");
			rp_esc_json(&data, p, (size_t)(nl - p), &lossy);
			rp_buf_addch(&data, '"');
			first = 0;
			p = nl + 1;
		}
		rp_buf_addstr(&data, "],\"malicious\":[");
		first = 1;
		for (p = o.malicious.buf; *p; ) {
			const char *nl = strchr(p, '\n');
			int lossy = 0;

			rp_buf_addstr(&data, first ? "\"" : ",\"");
			rp_esc_json(&data, p, (size_t)(nl - p), &lossy);
			rp_buf_addch(&data, '"');
			first = 0;
			p = nl + 1;
		}
		rp_buf_addstr(&data, "]}");
		if (mail_opts_record(cli, &mo, "mail-scan", text.buf, data.buf) != 0)
			r = -1;
		rp_buf_release(&text);
		rp_buf_release(&data);
	}
	/* a STORE that could not be read (said by on_warning) or a failed output: 2 */
	if (o.failed || r != 0)
		rc = RP_EXIT_ERROR;
	else
		rc = o.found ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
out:
	rp_mail_scan_free(scan);
	mail_opts_release(&mo);
	rp_buf_release(&o.b);
	rp_buf_release(&o.matched);
	rp_buf_release(&o.malicious);
	rp_buf_release(&msg);
	return rc;
}
