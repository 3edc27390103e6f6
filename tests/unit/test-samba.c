/* Samba: the smbstatus parser on output captured from Debian 12's Samba 4.17.12 (a real
 * smbd serving three sessions: v4 from a client, v4 from the server's own address,
 * v6), the smb.conf found on an smbd's command line, and the --block-client script. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "respond/samba.h"

/* `smbstatus -p -s smb.conf`, run where the user resolves (the server's side) */
static const char status_p[] =
    "\n"
    "Samba version 4.17.12-Debian\n"
    "PID     Username     Group        Machine                                   Protocol Version  Encryption           Signing              \n"
    "----------------------------------------------------------------------------------------------------------------------------------------\n"
    "25843   anna         anna         10.203.7.2 (ipv4:10.203.7.2:36030)        SMB3_11           -                    partial(AES-128-GMAC)\n"
    "25842   anna         anna         10.203.7.1 (ipv4:10.203.7.1:36428)        SMB3_11           -                    partial(AES-128-GMAC)\n"
    "25844   anna         anna         fd03:203::2 (ipv6:fd03:203::2:34184)      SMB3_11           -                    partial(AES-128-GMAC)\n";

/* the same sessions seen from a mount namespace where the uid has no name */
static const char status_uid[] =
    "\n"
    "Samba version 4.17.12-Debian\n"
    "PID     Username     Group        Machine                                   Protocol Version  Encryption           Signing              \n"
    "----------------------------------------------------------------------------------------------------------------------------------------\n"
    "25843   20123        20123        10.203.7.2 (ipv4:10.203.7.2:36030)        SMB3_11           -                    partial(AES-128-GMAC)\n"
    "25842   20123        20123        10.203.7.1 (ipv4:10.203.7.1:36428)        SMB3_11           -                    partial(AES-128-GMAC)\n"
    "25844   20123        20123        fd03:203::2 (ipv6:fd03:203::2:34184)      SMB3_11           -                    partial(AES-128-GMAC)\n";

/* no session at all */
static const char status_none[] =
    "\n"
    "Samba version 4.17.12-Debian\n"
    "PID     Username     Group        Machine                                   Protocol Version  Encryption           Signing              \n"
    "----------------------------------------------------------------------------------------------------------------------------------------\n";

static void
parse_real(void **state)
{
	struct rp_samba_client c;

	assert_int_equal(rp_samba_parse(status_p, sizeof(status_p) - 1, 25843, &c), 0);
	assert_string_equal(c.addr, "10.203.7.2");
	assert_string_equal(c.user, "anna");
	assert_string_equal(c.machine, "10.203.7.2");
	assert_int_equal(rp_samba_parse(status_p, sizeof(status_p) - 1, 25842, &c), 0);
	assert_string_equal(c.addr, "10.203.7.1");
	/* IPv6: Samba writes ipv6:ADDR:PORT without brackets */
	assert_int_equal(rp_samba_parse(status_p, sizeof(status_p) - 1, 25844, &c), 0);
	assert_string_equal(c.addr, "fd03:203::2");
	assert_string_equal(c.machine, "fd03:203::2");
	assert_int_equal(rp_samba_parse(status_uid, sizeof(status_uid) - 1, 25844, &c), 0);
	assert_string_equal(c.user, "20123");
	assert_string_equal(c.addr, "fd03:203::2");
	/* a pid that is not a session (the parent smbd), a prefix of one, none at all */
	assert_int_equal(rp_samba_parse(status_p, sizeof(status_p) - 1, 25840, &c), RP_ERR_NOTFOUND);
	assert_string_equal(c.addr, "");
	assert_int_equal(rp_samba_parse(status_p, sizeof(status_p) - 1, 2584, &c), RP_ERR_NOTFOUND);
	assert_int_equal(rp_samba_parse(status_none, sizeof(status_none) - 1, 25843, &c), RP_ERR_NOTFOUND);
	/* smbstatus missing or failing: nothing or an error message */
	assert_int_equal(rp_samba_parse("", 0, 25843, &c), RP_ERR_FORMAT);
	assert_int_equal(rp_samba_parse("smbstatus: command not found\n", 29, 25843, &c), RP_ERR_FORMAT);
}

static void
parse_variants(void **state)
{
	/* rows derived from the real ones: an AD member's group with a space, a cluster's
	 * VNN:PID, brackets, an IPv4-mapped address, a NetBIOS machine name, a last row
	 * without its newline, a bogus address */
	static const char rows[] =
	    "PID     Username     Group        Machine                                   Protocol Version  Encryption           Signing              \n"
	    "4242    PRAXIS\\anna  domain users praxis-pc3 (ipv4:192.168.1.23:50112)    SMB3_11           -                    partial(AES-128-GMAC)\n"
	    "1:4343  bob          staff        10.0.0.9 (ipv4:10.0.0.9:445)              SMB3_11           -                    -\n"
	    "4444    eve          eve          ::1 (ipv6:[::1]:50000)                    SMB3_11           -                    -\n"
	    "4545    mal          mal          x (ipv6:::ffff:10.1.2.3:50000)            SMB3_11           -                    -\n"
	    "4646    zed          zed          10.0.0.1 (ipv4:999.1.1.1:1)               SMB3_11           -                    -\n"
	    "4747    old          old          10.0.0.47";
	struct rp_samba_client c;

	assert_int_equal(rp_samba_parse(rows, sizeof(rows) - 1, 4242, &c), 0);
	assert_string_equal(c.user, "PRAXIS\\anna");
	assert_string_equal(c.machine, "praxis-pc3");
	assert_string_equal(c.addr, "192.168.1.23");
	assert_int_equal(rp_samba_parse(rows, sizeof(rows) - 1, 4343, &c), 0);
	assert_string_equal(c.addr, "10.0.0.9");
	assert_int_equal(rp_samba_parse(rows, sizeof(rows) - 1, 4444, &c), 0);
	assert_string_equal(c.addr, "::1");
	assert_int_equal(rp_samba_parse(rows, sizeof(rows) - 1, 4545, &c), 0);
	assert_string_equal(c.addr, "10.1.2.3");
	assert_int_equal(rp_samba_parse(rows, sizeof(rows) - 1, 4646, &c), 0);
	assert_string_equal(c.user, "zed");
	assert_string_equal(c.addr, "");       /* never an invalid address to block */
	assert_int_equal(rp_samba_parse(rows, sizeof(rows) - 1, 4747, &c), 0);
	assert_string_equal(c.addr, "10.0.0.47");
	assert_int_equal(rp_samba_parse(rows, sizeof(rows) - 1, 1, &c), RP_ERR_NOTFOUND);
}

static void
conf_from_cmdline(void **state)
{
	/* the real command line of the test's smbd, bytes of /proc/PID/cmdline */
	static const char real[] = "smbd\0-F\0--no-process-group\0-s\0/var/tmp/riposte-e2e.X96lPX/smb.conf\0"
	    "--debug-stdout\0-d1";
	char conf[256];
#define CONF(s, cwd) rp_samba_conf(s, sizeof(s), cwd, conf, sizeof(conf))

	assert_int_equal(CONF(real, "/"), 0);
	assert_string_equal(conf, "/var/tmp/riposte-e2e.X96lPX/smb.conf");
	assert_int_equal(CONF("smbd\0--configfile=/etc/s.conf", NULL), 0);
	assert_string_equal(conf, "/etc/s.conf");
	assert_int_equal(CONF("smbd\0--configfile\0/x.conf", NULL), 0);
	assert_string_equal(conf, "/x.conf");
	assert_int_equal(CONF("smbd\0-s/y.conf", NULL), 0);
	assert_string_equal(conf, "/y.conf");
	/* relative to the smbd's working directory */
	assert_int_equal(CONF("smbd\0-s\0etc/smb.conf", "/srv/samba"), 0);
	assert_string_equal(conf, "/srv/samba/etc/smb.conf");
	assert_int_equal(CONF("smbd\0-s\0smb.conf", "/"), 0);
	assert_string_equal(conf, "/smb.conf");
	/* the distribution's service: none given; -s last without its value; a read that
	 * cut the value's terminating NUL */
	assert_int_equal(CONF("/usr/sbin/smbd\0--foreground\0--no-process-group", "/"),
	    RP_ERR_NOTFOUND);
	assert_int_equal(CONF("smbd\0-s", "/"), RP_ERR_NOTFOUND);
	assert_int_equal(rp_samba_conf("smbd\0-s\0/trunc", 14, "/", conf, sizeof(conf)), RP_ERR_NOTFOUND);
	assert_int_equal(rp_samba_conf("", 0, "/", conf, sizeof(conf)), RP_ERR_NOTFOUND);
	assert_int_equal(rp_samba_conf(real, sizeof(real), "/", conf, 10), RP_ERR_TOOBIG);
#undef CONF
}

static void
block_script(void **state)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_samba_block_script("10.203.1.2", &b), 0);
	assert_non_null(strstr(b.buf, "table inet riposte_watch {\n"));
	assert_non_null(strstr(b.buf, "type filter hook input priority filter - 10; policy accept;"));
	assert_non_null(strstr(b.buf, "flush chain inet riposte_watch input\n"));
	assert_non_null(strstr(b.buf, "add rule inet riposte_watch input ip saddr @clients4 drop"));
	assert_non_null(strstr(b.buf, "add element inet riposte_watch clients4 { 10.203.1.2 }\n"));
	assert_null(strstr(b.buf, "clients6 { "));
	b.len = 0;
	assert_int_equal(rp_samba_block_script("fd03:203::2", &b), 0);
	assert_non_null(strstr(b.buf, "add element inet riposte_watch clients6 { fd03:203::2 }\n"));
	assert_int_equal(rp_samba_block_script("10.203.1.2; flush ruleset", &b), RP_ERR_INVALID);
	assert_int_equal(rp_samba_block_script("", &b), RP_ERR_INVALID);
	assert_int_equal(rp_samba_block("praxis-pc3"), RP_ERR_INVALID);
	rp_buf_release(&b);
}

/* --unblock: one element out of its set, or the table; nothing else ever */
static void
unblock_script(void **state)
{
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_samba_unblock_script("10.203.1.2", &b), 0);
	assert_string_equal(b.buf, "delete element inet riposte_watch clients4 { 10.203.1.2 }\n");
	b.len = 0;
	assert_int_equal(rp_samba_unblock_script("fd03:203::2", &b), 0);
	assert_string_equal(b.buf, "delete element inet riposte_watch clients6 { fd03:203::2 }\n");
	b.len = 0;
	assert_int_equal(rp_samba_unblock_script("all", &b), 0);
	assert_string_equal(b.buf, "delete table inet riposte_watch\n");
	b.len = 0;
	assert_int_equal(rp_samba_unblock_script("10.203.1.2 } ; flush ruleset", &b), RP_ERR_INVALID);
	assert_int_equal(rp_samba_unblock_script("ALL", &b), RP_ERR_INVALID);
	assert_int_equal(rp_samba_unblock_script("", &b), RP_ERR_INVALID);
	assert_int_equal(b.len, 0);
	assert_int_equal(rp_samba_unblock("praxis-pc3"), RP_ERR_INVALID);
	rp_buf_release(&b);
}

static void
lookup_bounded(void **state)
{
	struct rp_samba_client c;
	struct timespec t0, t1;
	int r;

	/* this process is no smbd session: the listing (or its absence, when smbstatus
	 * is missing or refuses) does not name it, and the answer comes in time */
	clock_gettime(CLOCK_MONOTONIC, &t0);
	r = rp_samba_lookup(getpid(), &c);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	assert_true(r == RP_ERR_NOTFOUND || r == RP_ERR_FORMAT);
	assert_string_equal(c.addr, "");
	assert_true((t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000 < 2500);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parse_real),
		cmocka_unit_test(parse_variants),
		cmocka_unit_test(conf_from_cmdline),
		cmocka_unit_test(block_script),
		cmocka_unit_test(unblock_script),
		cmocka_unit_test(lookup_bounded),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
