/*
 * What the verbs of `riposte mail` (scan, trace) share: the matching options, the
 * site profile's mail settings, the IOCs (the case's and --ioc files), and the verb
 * table the dispatcher (cmd-mail.c) finds the verb in. A verb's option table starts
 * with MAIL_OPTS_LONGOPTS; its getopt loop first offers every option to
 * mail_opts_handle; its manual includes MAIL_OPTS_HELP.
 */
#ifndef RP_MAIL_OPTS_H
#define RP_MAIL_OPTS_H

#include <getopt.h>
#include <stdint.h>

#include "cli.h"
#include "mail/mail.h"

struct rp_ini;

/* option codes 256..299 are the shared ones; verbs use 300 and above */
enum {
	MO_FORMAT = 256, MO_IOC, MO_RULES, MO_CLAMAV_DB, MO_NO_CLAMAV, MO_SINCE, MO_UNTIL,
	MO_MAILBOX, MO_DB, MO_CASE, MO_CONFIG, MO_ATIME, MO_JOBS, MO_CROSS
};

#define MAIL_OPTS_LONGOPTS \
	{ "format", required_argument, NULL, MO_FORMAT }, \
	{ "ioc", required_argument, NULL, MO_IOC }, \
	{ "rules", required_argument, NULL, MO_RULES }, \
	{ "clamav-db", required_argument, NULL, MO_CLAMAV_DB }, \
	{ "no-clamav", no_argument, NULL, MO_NO_CLAMAV }, \
	{ "since", required_argument, NULL, MO_SINCE }, \
	{ "until", required_argument, NULL, MO_UNTIL }, \
	{ "mailbox", required_argument, NULL, MO_MAILBOX }, \
	{ "db", required_argument, NULL, MO_DB }, \
	{ "case", optional_argument, NULL, MO_CASE }, \
	{ "config", required_argument, NULL, MO_CONFIG }, \
	{ "allow-atime", no_argument, NULL, MO_ATIME }, \
	{ "jobs", required_argument, NULL, MO_JOBS }, \
	{ "cross-mounts", no_argument, NULL, MO_CROSS }, \
	{ "help", no_argument, NULL, 'h' }

/* The shared options in a manual's OPTIONS section. */
#define MAIL_OPTS_HELP \
"    --ioc FILE        indicators to match, besides the case's: one \"type:value\" a line\n" \
"                      (sha256, domain, url, email, filename, ipv4; '#' comments), or a\n" \
"                      STIX 2.1 bundle (indicator patterns [file:hashes.'SHA-256' = '...'],\n" \
"                      [domain-name:value = '...'], [url:value = ...], [email-addr:value],\n" \
"                      [file:name], [ipv4-addr:value], and observables of those types);\n" \
"                      repeatable\n" \
"    --rules DIR       YARA rules (*.yar, *.yara) besides the built-in mail rules; a rule\n" \
"                      with meta verdict = \"suspicious\" makes a message suspicious, any\n" \
"                      other makes it malicious\n" \
"    --clamav-db DIR   ClamAV signature database (default /var/lib/clamav); when it holds\n" \
"                      none, the summary says \"clamav\":\"none\" and the scan goes on;\n" \
"                      ClamAV unpacks into /dev/shm (a tmpfs), else $TMPDIR (else /tmp):\n" \
"                      with neither writable the scan is refused (exit 2), since ClamAV\n" \
"                      would call a zip it cannot unpack clean\n" \
"    --no-clamav       do not load ClamAV\n" \
"    --since T, --until T\n" \
"                      only messages dated within [T, T'] (ISO 8601; a bare date as --until\n" \
"                      is the end of that day); the date is the Date: header, else the mbox\n" \
"                      \"From \" line's, else the file's mtime\n" \
"    --mailbox ADDR    an affected mailbox (repeatable): only messages from or to it are\n" \
"                      reported, and bank-detail fraud is looked for in what it sent.\n" \
"                      Default: every sender of the site's domains (domains = in [site])\n" \
"    --case[=ID]       match the IOCs of the open incident case (or ID) and record the\n" \
"                      findings in its journal\n" \
"    --db FILE         the database of the case (default $RIPOSTE_DB, else ./riposte.db;\n" \
"                      when it exists and has an open case, its IOCs are matched even\n" \
"                      without --case)\n" \
"    --config FILE     the site profile (default $RIPOSTE_CONF, ./riposte.conf,\n" \
"                      /etc/riposte/riposte.conf): [site] domains = and iban =\n" \
"    -j, --jobs N      messages analysed at once (threads; default: the cores, at most 8;\n" \
"                      the output is the same whatever N is)\n" \
"    --allow-atime     read files even where O_NOATIME is refused (their atime may change)\n" \
"    --cross-mounts    enter other filesystems mounted below a STORE\n"

struct mail_opts {
	const char *format_arg;
	const char **ioc_files; size_t nioc_files, capioc_files;
	const char *rules_dir;
	const char *clamav_db;
	int no_clamav;
	int64_t since, until;
	const char **mailboxes; size_t nmailboxes, capmailboxes;
	const char *db;
	int64_t case_id;             /* -1: no --case; 0: the open case; else its id */
	const char *config;
	int allow_atime, cross_mounts;
	int jobs;
	/* set by mail_opts_setup */
	struct rp_ini *site;
	struct rp_mail_iocs *iocs;
	char **domains; size_t ndomains, capdomains;
	char **ibans; size_t nibans, capibans;
	size_t iocs_case, iocs_files;    /* how many came from where */
	int64_t case_used;               /* the case whose IOCs were read (0: none) */
};

void mail_opts_init(struct mail_opts *o);
void mail_opts_release(struct mail_opts *o);
/* Offers option c (with optarg) to the shared ones: 1 taken, 0 not one of them,
 * -1 bad value (said). */
int mail_opts_handle(const struct rp_cli *cli, struct mail_opts *o, int c, const char *arg);
/* Loads the site profile, the case's IOCs and the --ioc files, and fills eo (which
 * points into o: o must outlive the scan). -1 on error (said). */
int mail_opts_setup(const struct rp_cli *cli, struct mail_opts *o, struct rp_mail_opts *eo);
/* Appends kind/text/data (a JSON object) to the case of --case. 0, or -1 (said). */
int mail_opts_record(const struct rp_cli *cli, const struct mail_opts *o, const char *kind,
    const char *text, const char *data);

/* The verbs of `riposte mail` (cmd-mail.c's table) */
struct mail_verb {
	const char *name;
	const char *cmd;                 /* "mail scan": the name in messages */
	int (*fn)(struct rp_cli *cli, int argc, char **argv);
	const struct option *longopts;   /* to step over option values when finding the verb */
	const char *shortopts;
	const char *summary;
};

int cmd_mail_scan(struct rp_cli *cli, int argc, char **argv);
extern const struct option mail_scan_longopts[];

#endif
