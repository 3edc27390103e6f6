#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/fanotify.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <errno.h>
#include <unistd.h>

#include "core/buf.h"
#include "case/case.h"
#include "core/err.h"
#include "core/file.h"
#include "core/sha256.h"
#include "respond/collect.h"
#include "respond/collect-reader.h"
#include "respond/isolate.h"
#include "respond/proc.h"

/* Removes a test's temporary tree (made by mkdtemp: no quote in its name). */
static void
rm_tree(const char *dir)
{
	struct rp_buf cmd = RP_BUF_INIT;

	rp_buf_addf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd.buf), 0);
	rp_buf_release(&cmd);
}

static void
net_parse_and_format(void **state)
{
	struct rp_net n;
	struct rp_buf b = RP_BUF_INIT;
	unsigned char a[16];

	assert_int_equal(rp_net_parse("10.0.0.5/24", &n), 0);
	assert_int_equal(n.family, AF_INET);
	assert_int_equal(n.prefix, 24);
	assert_int_equal(rp_net_fmt(&b, &n), 0);
	assert_string_equal(b.buf, "10.0.0.0/24");          /* host bits cleared */
	rp_buf_reset(&b);
	assert_int_equal(rp_net_parse("192.168.1.20", &n), 0);
	rp_net_fmt(&b, &n);
	assert_string_equal(b.buf, "192.168.1.20");
	rp_buf_reset(&b);
	assert_int_equal(rp_net_parse("fd00::1:2/64", &n), 0);
	rp_net_fmt(&b, &n);
	assert_string_equal(b.buf, "fd00::/64");
	assert_int_equal(rp_net_parse("10.0.0.256", &n), RP_ERR_FORMAT);
	assert_int_equal(rp_net_parse("10.0.0.1/33", &n), RP_ERR_FORMAT);
	assert_int_equal(rp_net_parse("10.0.0.1/", &n), RP_ERR_FORMAT);
	assert_int_equal(rp_net_parse("10.0.0.1/-1", &n), RP_ERR_FORMAT);
	assert_int_equal(rp_net_parse("fd00::/129", &n), RP_ERR_FORMAT);
	assert_int_equal(rp_net_parse("", &n), RP_ERR_FORMAT);
	assert_int_equal(rp_net_parse("host.example", &n), RP_ERR_FORMAT);

	assert_int_equal(rp_net_parse("10.1.0.0/16", &n), 0);
	inet_pton(AF_INET, "10.1.200.3", a);
	assert_true(rp_net_contains(&n, AF_INET, a));
	inet_pton(AF_INET, "10.2.0.1", a);
	assert_false(rp_net_contains(&n, AF_INET, a));
	assert_false(rp_net_contains(&n, AF_INET6, a));
	assert_int_equal(rp_net_parse("0.0.0.0/0", &n), 0);
	assert_true(rp_net_contains(&n, AF_INET, a));
	assert_int_equal(rp_net_parse("10.9.0.0/13", &n), 0);    /* a prefix inside a byte */
	inet_pton(AF_INET, "10.15.255.255", a);
	assert_true(rp_net_contains(&n, AF_INET, a));
	inet_pton(AF_INET, "10.16.0.0", a);
	assert_false(rp_net_contains(&n, AF_INET, a));
	rp_buf_release(&b);
}

static void
lockout_sees_the_ssh_session(void **state)
{
	static struct rp_isolate iso;
	struct rp_buf who = RP_BUF_INIT, rs = RP_BUF_INIT;
	const char *env[2] = { "192.168.1.20 50022 192.168.1.5 22", NULL };
	char hash[65], hash2[65];

	memset(&iso, 0, sizeof(iso));
	/* no proc to look at sshd's sockets in: the environment alone says where from */
	assert_int_equal(rp_isolate_lockout(&iso, "/nonexistent", 1, env, &who), 1);
	assert_string_equal(who.buf, "192.168.1.20");
	rp_net_parse("192.168.1.0/24", &iso.allow[iso.nallow++]);
	rp_buf_reset(&who);
	assert_int_equal(rp_isolate_lockout(&iso, "/nonexistent", 1, env, &who), 0);
	assert_int_equal(who.len, 0);
	/* SSH_CLIENT when SSH_CONNECTION is not set; IPv6 */
	env[0] = NULL;
	env[1] = "fd00::7 50022 22";
	assert_int_equal(rp_isolate_lockout(&iso, "/nonexistent", 1, env, &who), 1);
	assert_string_equal(who.buf, "fd00::7");
	/* not under SSH: nothing to cut */
	env[1] = "";
	rp_buf_reset(&who);
	assert_int_equal(rp_isolate_lockout(&iso, "/nonexistent", 1, env, &who), 0);
	assert_int_equal(rp_isolate_lockout(&iso, "/nonexistent", 1, NULL, &who), 0);
	/* the hash is the ruleset's, and follows it */
	iso.since = 1700000000;
	rp_isolate_normalise(&iso);
	assert_int_equal(rp_isolate_ruleset_sha256(&iso, &rs, hash), 0);
	assert_int_equal(strlen(hash), 64);
	assert_true(rs.len > 0);
	iso.expires = 1700000600;
	assert_int_equal(rp_isolate_ruleset_sha256(&iso, &rs, hash2), 0);
	assert_string_not_equal(hash, hash2);
	/* --confirm on a confirmed isolation: nothing to load */
	iso.expires = 0;
	assert_int_equal(rp_isolate_confirm(&iso, hash2, NULL), 1);
	rp_buf_release(&who);
	rp_buf_release(&rs);
}

static void
ruleset_is_deterministic_and_reads_back(void **state)
{
	static struct rp_isolate iso, back;
	struct rp_buf a = RP_BUF_INIT, b = RP_BUF_INIT;

	memset(&iso, 0, sizeof(iso));
	rp_net_parse("192.168.1.20", &iso.allow[iso.nallow++]);
	rp_net_parse("fd00::5", &iso.allow[iso.nallow++]);
	rp_net_parse("10.0.0.0/24", &iso.allow[iso.nallow++]);
	rp_net_parse("192.168.1.20", &iso.allow[iso.nallow++]);   /* duplicate */
	iso.ports[iso.nports++] = 443;
	iso.ports[iso.nports++] = 22;
	iso.ports[iso.nports++] = 443;
	iso.since = 1795849140;
	iso.expires = 1795856340;
	rp_isolate_normalise(&iso);
	assert_int_equal(iso.nallow, 3);
	assert_int_equal(iso.nports, 2);
	assert_int_equal(iso.ports[0], 22);
	assert_int_equal(strlen(iso.id), 16);
	assert_int_equal(rp_isolate_ruleset(&iso, &a), 0);
	assert_int_equal(rp_isolate_ruleset(&iso, &b), 0);
	assert_string_equal(a.buf, b.buf);
	/* drops by default in all three hooks, keeps loopback and the allowed sets */
	assert_non_null(strstr(a.buf, "type filter hook input priority filter - 10; policy drop;"));
	assert_non_null(strstr(a.buf, "type filter hook output priority filter - 10; policy drop;"));
	assert_non_null(strstr(a.buf, "type filter hook forward priority filter - 10; policy drop;"));
	assert_non_null(strstr(a.buf, "iif \"lo\" accept"));
	assert_non_null(strstr(a.buf, "elements = { 10.0.0.0/24, 192.168.1.20 }"));
	assert_non_null(strstr(a.buf, "elements = { fd00::5 }"));
	assert_non_null(strstr(a.buf, "elements = { 22, 443 }"));
	assert_non_null(strstr(a.buf, "since=2026-11-28T06:59:00Z expires=2026-11-28T08:59:00Z"));
	/* only riposte's own table is named */
	assert_null(strstr(a.buf, "flush ruleset"));

	assert_int_equal(rp_isolate_parse_listing(a.buf, a.len, &back), 0);
	assert_string_equal(back.id, iso.id);
	assert_int_equal(back.since, iso.since);
	assert_int_equal(back.expires, iso.expires);
	assert_int_equal(back.nallow, 3);
	assert_int_equal(back.nports, 2);
	rp_buf_reset(&b);
	rp_isolate_ruleset(&back, &b);
	assert_string_equal(a.buf, b.buf);            /* so status shows the journaled hash */

	/* a table of that name made by someone else is not ours */
	assert_int_equal(rp_isolate_parse_listing("table inet riposte {\n}\n", 22, &back),
	    RP_ERR_FORMAT);
	rp_buf_release(&a);
	rp_buf_release(&b);
}

static void
proc_stat_with_hostile_comm(void **state)
{
	static const char s[] =
	    "4242 (a) b) c (d) R 17 4242 4242 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 360000 0 0\n";
	struct rp_proc_stat ps;

	assert_int_equal(rp_proc_parse_stat(s, sizeof(s) - 1, &ps), 0);
	assert_int_equal(ps.pid, 4242);
	assert_string_equal(ps.comm, "a) b) c (d");
	assert_int_equal(ps.state, 'R');
	assert_int_equal(ps.ppid, 17);
	assert_int_equal(ps.starttime, 360000);
	assert_int_equal(rp_proc_parse_stat("12 (x) R", 8, &ps), RP_ERR_FORMAT);
	assert_int_equal(rp_proc_parse_stat("x (y) R 1", 9, &ps), RP_ERR_FORMAT);
}

struct seen {
	struct rp_sock s[8];
	char path[64];
	size_t n;
};

static int
keep(const struct rp_sock *s, void *ctx)
{
	struct seen *v = ctx;

	if (v->n < 8) {
		v->s[v->n] = *s;
		if (s->path && s->pathlen < sizeof(v->path)) {
			memcpy(v->path, s->path, s->pathlen);
			v->path[s->pathlen] = '\0';
		}
		v->n++;
	}
	return 0;
}

static void
procnet_addresses(void **state)
{
	static const char tcp[] =
	    "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	    "   1: 0201A8C0:C350 097100CB:01BB 01 00000000:00000000 00:00000000 00000000  1000        0 5002 1 0 20 4 30 10 -1\n"
	    "   2: nonsense\n";
	static const char tcp6[] =
	    "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
	    "   0: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5004 1 0 100 0 0 10 0\n";
	static const char unx[] =
	    "Num       RefCount Protocol Flags    Type St Inode Path\n"
	    "0000000000000000: 00000002 00000000 00010000 0001 01  5005 /run/a b\n";
	struct seen v = { .n = 0 };
	char txt[64];
	size_t bad = 0;

	assert_int_equal(rp_procnet_parse(tcp, sizeof(tcp) - 1, RP_SOCK_TCP, keep, &v, &bad), 0);
	assert_int_equal(v.n, 1);
	assert_int_equal(bad, 1);
	inet_ntop(AF_INET, v.s[0].laddr, txt, sizeof(txt));
	assert_string_equal(txt, "192.168.1.2");
	inet_ntop(AF_INET, v.s[0].raddr, txt, sizeof(txt));
	assert_string_equal(txt, "203.0.113.9");
	assert_int_equal(v.s[0].lport, 50000);
	assert_int_equal(v.s[0].rport, 443);
	assert_int_equal(v.s[0].uid, 1000);
	assert_int_equal(v.s[0].inode, 5002);
	assert_string_equal(rp_sock_state_name(&v.s[0]), "ESTABLISHED");

	v.n = 0;
	assert_int_equal(rp_procnet_parse(tcp6, sizeof(tcp6) - 1, RP_SOCK_TCP6, keep, &v, NULL), 0);
	assert_int_equal(v.n, 1);
	inet_ntop(AF_INET6, v.s[0].laddr, txt, sizeof(txt));
	assert_string_equal(txt, "::1");
	assert_int_equal(v.s[0].lport, 631);
	assert_true(rp_sock_listening(&v.s[0]));

	v.n = 0;
	assert_int_equal(rp_procnet_parse(unx, sizeof(unx) - 1, RP_SOCK_UNIX, keep, &v, NULL), 0);
	assert_int_equal(v.n, 1);
	assert_string_equal(v.path, "/run/a b");
	assert_true(rp_sock_listening(&v.s[0]));
}

static void
own_process_sockets(void **state)
{
	uint64_t *inodes = NULL;
	size_t n = 0;
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct stat st;
	size_t i;
	int found = 0;

	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(rp_proc_sock_inodes("/proc", getpid(), &inodes, &n), 0);
	for (i = 0; i < n; i++)
		found |= inodes[i] == (uint64_t)st.st_ino;
	assert_true(found);
	free(inodes);
	close(fd);
}

static int
count_fields(char **f, size_t n, void *ctx)
{
	struct rp_buf *b = ctx;
	size_t i;

	for (i = 0; i < n; i++)
		rp_buf_addf(b, "[%s]", f[i]);
	rp_buf_addch(b, '\n');
	return 0;
}

static void
fields_decode_octal(void **state)
{
	static const char m[] = "/dev/sdb1 /mnt/back\\040up vfat ro 0 0\n\n  x\\\\y\n";
	struct rp_buf b = RP_BUF_INIT;

	assert_int_equal(rp_collect_parse_fields(m, sizeof(m) - 1, 1, count_fields, &b), 0);
	assert_string_equal(b.buf, "[/dev/sdb1][/mnt/back up][vfat][ro][0][0]\n[x\\\\y]\n");
	rp_buf_release(&b);
}

static void
manifest_and_tar(void **state)
{
	char dir[] = "/tmp/rp-test-respond.XXXXXX";
	struct rp_buf p = RP_BUF_INIT, m = RP_BUF_INIT, t = RP_BUF_INIT;
	char hash[65], check[65];
	size_t n = 0;
	struct stat st;

	assert_non_null(mkdtemp(dir));
	rp_buf_addf(&p, "%s/ev", dir);
	assert_int_equal(mkdir(p.buf, 0700), 0);
	rp_buf_addstr(&p, "/b.txt");
	assert_int_equal(rp_file_write_atomic(p.buf, "bee\n", 4, 0600), 0);
	rp_buf_reset(&p);
	rp_buf_addf(&p, "%s/ev/sub", dir);
	assert_int_equal(mkdir(p.buf, 0700), 0);
	rp_buf_addstr(&p, "/a.txt");
	assert_int_equal(rp_file_write_atomic(p.buf, "", 0, 0600), 0);
	rp_buf_reset(&p);
	rp_buf_addf(&p, "%s/ev", dir);
	assert_int_equal(rp_collect_manifest(p.buf, hash, &n), 0);
	assert_int_equal(n, 2);
	rp_buf_addstr(&p, "/MANIFEST.sha256");
	assert_int_equal(rp_file_read_all(AT_FDCWD, p.buf, &m, 4096), 0);
	/* sha256sum's format, sorted, relative; sha256("bee\n") and sha256("") */
	assert_string_equal(m.buf,
	    "c150e5a8a604acebd8d15bd7bf8ea96b2874bdcc91dee6319977d353251283b0  b.txt\n"
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  sub/a.txt\n");
	assert_int_equal(rp_sha256_hex(m.buf, m.len, check), 0);
	assert_string_equal(hash, check);

	rp_buf_addf(&t, "%s/ev.tar", dir);
	rp_buf_reset(&p);
	rp_buf_addf(&p, "%s/ev", dir);
	assert_int_equal(rp_collect_tar(p.buf, t.buf), 0);
	assert_int_equal(stat(t.buf, &st), 0);
	assert_int_equal(st.st_size % 512, 0);
	assert_true(st.st_size >= 5 * 512 + 1024);
	assert_int_equal(rp_collect_tar(p.buf, t.buf), RP_ERR_EXISTS);   /* never overwrites */

	rm_tree(dir);
	rp_buf_release(&p);
	rp_buf_release(&m);
	rp_buf_release(&t);
}

/* The reader answers as an open in collect would: content, magic, hash, a FIFO refused
 * without blocking, a missing file's errno. */
static void
reader_reads(void **state)
{
	char dir[] = "/tmp/rp-reader-XXXXXX", hex[65];
	static const char elf[] = "\177ELF and more";   /* 13 bytes, no NUL written */
	const size_t elfn = sizeof(elf) - 1;
	struct rp_buf p = RP_BUF_INIT, data = RP_BUF_INIT;
	struct rp_reader *r = NULL;
	struct rp_read_req q = { NULL, RP_READ_MAGIC | RP_READ_HASH | RP_READ_DATA, 1 << 20 };
	struct rp_read_res res = { .data = &data };

	assert_non_null(mkdtemp(dir));
	rp_buf_addf(&p, "%s/elf", dir);
	assert_int_equal(rp_file_write_atomic(p.buf, elf, elfn, 0700), 0);
	assert_int_equal(rp_reader_new(&r, 5000, 2), 0);
	q.path = p.buf;
	assert_int_equal(rp_reader_do(r, &q, &res), 0);
	assert_int_equal(res.how, RP_READ_DONE);
	assert_int_equal(res.status, 0);
	assert_int_equal(res.nmagic, 4);
	assert_memory_equal(res.magic, "\177ELF", 4);
	assert_int_equal(data.len, elfn);
	assert_memory_equal(data.buf, elf, elfn);
	assert_int_equal(rp_sha256_hex(elf, elfn, hex), 0);
	assert_true(res.hashed);
	assert_string_equal(res.hex, hex);
	assert_int_equal(res.st.st_size, (off_t)elfn);
	assert_null(rp_reader_why(r, &res, hex, sizeof(hex)));

	q.max = 10;                              /* larger than max: neither hashed nor read */
	assert_int_equal(rp_reader_do(r, &q, &res), 0);
	assert_int_equal(res.status, RP_ERR_TOOBIG);
	assert_false(res.hashed);
	assert_int_equal(data.len, 0);

	rp_buf_reset(&p);
	rp_buf_addf(&p, "%s/fifo", dir);
	assert_int_equal(mkfifo(p.buf, 0600), 0);
	q.path = p.buf;
	q.max = 1 << 20;
	assert_int_equal(rp_reader_do(r, &q, &res), 0);   /* would block without O_NONBLOCK */
	assert_int_equal(res.how, RP_READ_DONE);
	assert_int_equal(res.status, RP_ERR_INVALID);

	rp_buf_reset(&p);
	rp_buf_addf(&p, "%s/none", dir);
	q.path = p.buf;
	assert_int_equal(rp_reader_do(r, &q, &res), 0);
	assert_int_equal(res.status, RP_ERR_SYSTEM);
	assert_int_equal(res.err, ENOENT);
	assert_int_equal(rp_reader_timeouts(r), 0);
	rp_reader_free(r);

	rm_tree(dir);
	rp_buf_release(&p);
	rp_buf_release(&data);
}

/* A file under a permission mark nobody answers (this test holds the mark and never
 * reads its fanotify descriptor): the reader gives up after its deadline, kills its
 * child, and after max_timeouts tries no more. Needs CAP_SYS_ADMIN: skipped without. */
static void
reader_gives_up_on_a_held_file(void **state)
{
	char dir[] = "/tmp/rp-reader-XXXXXX", why[160];
	struct rp_buf p = RP_BUF_INIT, q2 = RP_BUF_INIT;
	struct rp_reader *r = NULL;
	struct rp_read_req q = { NULL, RP_READ_HASH, 1 << 20 };
	struct rp_read_res res = { .data = NULL };
	struct timespec t0, t1;
	int fan;
	long ms;

	if ((fan = fanotify_init(FAN_CLOEXEC | FAN_CLASS_CONTENT, O_RDONLY)) < 0) {
		skip();
		return;
	}
	assert_non_null(mkdtemp(dir));
	rp_buf_addf(&p, "%s/held", dir);
	assert_int_equal(rp_file_write_atomic(p.buf, "x", 1, 0600), 0);
	rp_buf_addf(&q2, "%s/free", dir);
	assert_int_equal(rp_file_write_atomic(q2.buf, "y", 1, 0600), 0);
	assert_int_equal(fanotify_mark(fan, FAN_MARK_ADD, FAN_OPEN_PERM, AT_FDCWD, p.buf), 0);

	assert_int_equal(rp_reader_new(&r, 300, 1), 0);
	q.path = p.buf;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	assert_int_equal(rp_reader_do(r, &q, &res), 0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ms = (t1.tv_sec - t0.tv_sec) * 1000 + (t1.tv_nsec - t0.tv_nsec) / 1000000;
	assert_int_equal(res.how, RP_READ_TIMEOUT);
	assert_true(ms >= 300 && ms < 3000);
	assert_int_equal(rp_reader_timeouts(r), 1);
	assert_string_equal(rp_reader_why(r, &res, why, sizeof(why)), "not read: waited more "
	    "than 300 ms (a permission listener or a hung mount may hold it)");

	q.path = q2.buf;                         /* max_timeouts reached: not tried */
	assert_int_equal(rp_reader_do(r, &q, &res), 0);
	assert_int_equal(res.how, RP_READ_SKIPPED);
	assert_non_null(strstr(rp_reader_why(r, &res, why, sizeof(why)), "no more files"));
	rp_reader_free(r);

	/* a new reader reads the free file; the held one's wait is over when fan closes */
	assert_int_equal(rp_reader_new(&r, 5000, 1), 0);
	assert_int_equal(rp_reader_do(r, &q, &res), 0);
	assert_int_equal(res.how, RP_READ_DONE);
	assert_true(res.hashed);
	rp_reader_free(r);
	close(fan);

	rm_tree(dir);
	rp_buf_release(&p);
	rp_buf_release(&q2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(net_parse_and_format),
		cmocka_unit_test(ruleset_is_deterministic_and_reads_back),
		cmocka_unit_test(lockout_sees_the_ssh_session),
		cmocka_unit_test(proc_stat_with_hostile_comm),
		cmocka_unit_test(procnet_addresses),
		cmocka_unit_test(own_process_sockets),
		cmocka_unit_test(fields_decode_octal),
		cmocka_unit_test(manifest_and_tar),
		cmocka_unit_test(reader_reads),
		cmocka_unit_test(reader_gives_up_on_a_held_file),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
