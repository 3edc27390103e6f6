#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "detect/engine.h"
#include "forensic/baseline.h"
#include "forensic/diff.h"
#include "forensic/egress.h"
#include "forensic/exfil.h"
#include "forensic/fentry.h"
#include "forensic/logs.h"
#include "forensic/mount.h"
#include "forensic/timeline.h"
#include "store/store.h"

static struct rp_fentry *
add(struct rp_fset *s, const char *path, char type, uint64_t size, int64_t atime, int64_t mtime)
{
	struct rp_fentry *f;

	assert_int_equal(rp_fset_add(s, path, strlen(path), &f), 0);
	f->type = type;
	f->mode = (type == RP_FT_DIR ? S_IFDIR | 0755 : S_IFREG | 0644);
	f->size = size;
	f->atime = atime;
	f->mtime = f->ctime = mtime;
	f->ino = (uint64_t)s->n;
	if (type == RP_FT_FILE) {
		memset(f->sha256, (int)s->n, sizeof(f->sha256));
		f->has_hash = 1;
	}
	return f;
}

static void
fset_index_survives_growth_and_sort(void **state)
{
	struct rp_fset s;
	char p[32];
	int i;

	rp_fset_init(&s);
	for (i = 999; i >= 0; i--) {
		snprintf(p, sizeof(p), "d/f%04d", i);
		add(&s, p, RP_FT_FILE, (uint64_t)i, 0, 0);
	}
	assert_int_equal(rp_fset_sort(&s), 0);
	assert_string_equal(s.v[0]->path, "d/f0000");
	assert_string_equal(s.v[999]->path, "d/f0999");
	assert_non_null(rp_fset_get(&s, "d/f0500", 7));
	assert_int_equal(rp_fset_get(&s, "d/f0500", 7)->size, 500);
	assert_null(rp_fset_get(&s, "d/f1000", 7));
	assert_null(rp_fset_get(&s, "d/f050", 6));
	rp_fset_release(&s);
}

static void
diff_counts_each_kind(void **state)
{
	struct rp_fset old, cur;
	struct rp_change *ch = NULL;
	struct rp_diff_summary sum;
	struct rp_fentry *f;
	size_t n = 0;

	rp_fset_init(&old);
	rp_fset_init(&cur);
	memset(&sum, 0, sizeof(sum));
	add(&old, "same", RP_FT_FILE, 1, 0, 0);
	memset(add(&cur, "same", RP_FT_FILE, 1, 0, 0)->sha256, 1, 32);
	memset(old.v[0]->sha256, 1, 32);
	add(&old, "gone", RP_FT_FILE, 1, 0, 0);
	add(&old, "edited", RP_FT_FILE, 1, 0, 0);
	f = add(&cur, "edited", RP_FT_FILE, 2, 0, 0);
	f->verdict = RP_V_ENCRYPTED;
	add(&cur, "new", RP_FT_FILE, 1, 0, 0)->verdict = RP_V_NOTE;
	add(&old, "perm", RP_FT_FILE, 1, 0, 0);
	f = add(&cur, "perm", RP_FT_FILE, 1, 0, 0);
	memcpy(f->sha256, old.v[3]->sha256, 32);
	f->mode = S_IFREG | 0600;
	add(&old, "kind", RP_FT_FILE, 1, 0, 0);
	add(&cur, "kind", RP_FT_DIR, 1, 0, 0);
	assert_int_equal(rp_diff_compute(&old, &cur, &ch, &n, &sum), 0);
	assert_int_equal(n, 5);
	assert_int_equal(sum.added, 1);
	assert_int_equal(sum.removed, 1);
	assert_int_equal(sum.modified, 3);
	assert_int_equal(sum.encrypted, 1);
	assert_int_equal(sum.notes, 1);
	assert_int_equal(sum.mode_changed, 1);
	assert_int_equal(sum.type_changed, 1);
	assert_int_equal(sum.content_changed, 1);
	/* in path order */
	assert_string_equal(ch[0].cur->path, "edited");
	assert_int_equal(ch[0].encrypted, 1);
	assert_string_equal(ch[1].old->path, "gone");
	assert_int_equal(ch[1].kind, RP_CHANGE_REMOVED);
	free(ch);
	rp_fset_release(&old);
	rp_fset_release(&cur);
}

static void
baseline_round_trip_writes_only_changes(void **state)
{
	char dir[] = "/tmp/rp-test-forensic.XXXXXX";
	struct rp_buf p = RP_BUF_INIT;
	struct rp_store *st;
	struct rp_fset a, b;
	struct rp_baseline_root br;
	uint64_t w = 0, d = 0;
	int64_t id;

	assert_non_null(mkdtemp(dir));
	rp_buf_addf(&p, "%s/b.db", dir);
	rp_fset_init(&a);
	rp_fset_init(&b);
	add(&a, "x", RP_FT_FILE, 10, 100, 50)->has_btime = 1;
	add(&a, "y\nz", RP_FT_FILE, 20, 100, 50)->entropy = 7.5;
	assert_int_equal(rp_store_open(&st, p.buf, RP_STORE_CREATE), 0);
	assert_int_equal(rp_baseline_find(st, "/srv", &br), RP_ERR_NOTFOUND);
	assert_int_equal(rp_baseline_save(st, "/srv", 1000, &a, NULL, &id, &w, &d), 0);
	assert_int_equal(w, 2);
	assert_int_equal(rp_baseline_find(st, "/srv", &br), 0);
	assert_int_equal(br.files, 2);
	assert_int_equal(br.bytes, 30);
	assert_int_equal(rp_baseline_load(st, br.id, &b), 0);
	assert_int_equal(b.n, 2);
	assert_int_equal(rp_fset_get(&b, "y\nz", 3)->entropy, 7.5);
	assert_int_equal(rp_fset_get(&b, "x", 1)->has_btime, 1);
	assert_memory_equal(rp_fset_get(&b, "x", 1)->sha256, a.v[0]->sha256, 32);
	/* unchanged: nothing written; one removed: one deleted */
	rp_fset_release(&a);
	rp_fset_init(&a);
	add(&a, "x", RP_FT_FILE, 10, 100, 50)->has_btime = 1;
	assert_int_equal(rp_baseline_save(st, "/srv", 2000, &a, &b, &id, &w, &d), 0);
	assert_int_equal(w, 0);
	assert_int_equal(d, 1);
	rp_store_close(st);
	rp_fset_release(&a);
	rp_fset_release(&b);
	unlink(p.buf);
	rp_buf_reset(&p);
	rp_buf_addf(&p, "rm -rf %s", dir);
	assert_int_equal(system(p.buf), 0);
	rp_buf_release(&p);
}

static void
tsk_mode_and_body_line(void **state)
{
	char m[13];
	struct rp_buf b = RP_BUF_INIT;
	struct rp_fentry f;

	rp_tsk_mode(S_IFREG | 04755, m);
	assert_string_equal(m, "r/rrwsr-xr-x");
	rp_tsk_mode(S_IFDIR | 01777, m);
	assert_string_equal(m, "d/drwxrwxrwt");
	rp_tsk_mode(S_IFLNK | 0777, m);
	assert_string_equal(m, "l/lrwxrwxrwx");
	memset(&f, 0, sizeof(f));
	f.path = (char *)"a|b\nc";
	f.pathlen = 5;
	f.mode = S_IFREG | 0640;
	f.ino = 42;
	f.uid = 1000;
	f.gid = 100;
	f.size = 7;
	f.atime = 1;
	f.mtime = 2;
	f.ctime = 3;
	assert_int_equal(rp_body_line(&b, "root", &f), 0);
	assert_string_equal(b.buf, "0|root/a\\x7cb\\nc|42|r/rrw-r-----|1000|100|7|1|2|3|0\n");
	rp_buf_release(&b);
}

static void
timeline_groups_equal_times(void **state)
{
	struct rp_fset s;
	struct rp_timeline t;
	struct rp_fentry *f;
	char fl[5];

	rp_fset_init(&s);
	rp_timeline_init(&t);
	f = add(&s, "a", RP_FT_FILE, 1, 200, 100);   /* m=c=100, a=200 */
	f->has_btime = 1;
	f->btime = 100;
	assert_int_equal(rp_timeline_add_files(&t, &s, 0, RP_TIME_UNSET, RP_TIME_UNSET), 0);
	rp_timeline_sort(&t);
	assert_int_equal(t.n, 2);
	rp_tl_flags(t.v[0].macb, fl);
	assert_string_equal(fl, "m.cb");
	assert_int_equal(t.v[0].time, 100);
	rp_tl_flags(t.v[1].macb, fl);
	assert_string_equal(fl, ".a..");
	rp_timeline_release(&t);
	rp_timeline_init(&t);
	assert_int_equal(rp_timeline_add_files(&t, &s, 0, 150, 300), 0);
	assert_int_equal(t.n, 1);
	rp_timeline_release(&t);
	rp_fset_release(&s);
}

static void
log_lines(void **state)
{
	struct rp_log_ctx ctx = { 2026 };
	struct rp_log_event e;
	const char *l;

	setenv("TZ", "UTC", 1);
	l = "Nov 21 03:12:40 srv sshd[815]: Accepted password for praxis from 203.0.113.9 port 5 ssh2";
	assert_int_equal(rp_log_parse_line(&ctx, l, strlen(l), &e), 1);
	assert_int_equal(e.time, 1795230760);
	assert_string_equal(e.action, "login");
	assert_string_equal(e.user, "praxis");
	assert_string_equal(e.client, "203.0.113.9");
	assert_string_equal(e.host, "srv");
	l = "2026-11-21T03:10:02+01:00 srv sshd[811]: Failed password for invalid user admin from 10.1.2.3 port 1 ssh2";
	assert_int_equal(rp_log_parse_line(&ctx, l, strlen(l), &e), 1);
	assert_int_equal(e.time, 1795230602 - 3600);
	assert_string_equal(e.action, "login-failed");
	assert_string_equal(e.user, "admin");
	l = "Nov  2 09:00:00 srv smbd_audit: anna|192.168.1.20|praxis-pc|Patients|renameat|ok|a.docx|a.docx.lockbit";
	assert_int_equal(rp_log_parse_line(&ctx, l, strlen(l), &e), 1);
	assert_string_equal(e.source, "samba");
	assert_string_equal(e.user, "anna");
	assert_string_equal(e.client, "192.168.1.20");
	assert_string_equal(e.action, "renameat");
	assert_string_equal(e.status, "ok");
	assert_string_equal(e.object, "a.docx|a.docx.lockbit");
	l = "Nov 21 03:13:01 srv sudo:   praxis : TTY=pts/0 ; PWD=/root ; USER=root ; COMMAND=/bin/tar c /srv";
	assert_int_equal(rp_log_parse_line(&ctx, l, strlen(l), &e), 1);
	assert_string_equal(e.action, "sudo");
	assert_string_equal(e.user, "praxis");
	assert_string_equal(e.object, "/bin/tar c /srv");
	l = "Nov 21 03:13:01 srv kernel: something else";
	assert_int_equal(rp_log_parse_line(&ctx, l, strlen(l), &e), 0);
	l = "Foo 21 03:13:01 srv kernel: x";
	assert_int_equal(rp_log_parse_line(&ctx, l, strlen(l), &e), RP_ERR_FORMAT);
	l = "{\"kind\":\"summary\",\"time\":\"2026-11-21T03:00:00Z\"}";
	assert_int_equal(rp_log_parse_line(&ctx, l, strlen(l), &e), 0);
	l = "{\"kind\":\"alert\",\"time\":\"2026-11-21T03:00:00Z\",\"path\":\"/srv/x\"}";
	assert_int_equal(rp_log_parse_line(&ctx, l, strlen(l), &e), 1);
	assert_string_equal(e.source, "riposte");
	assert_string_equal(e.object, "/srv/x");
	assert_int_equal(rp_log_parse_line(&ctx, "{not json", 9, &e), RP_ERR_FORMAT);
}

static void
mountinfo(void **state)
{
	const char *mi =
	    "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
	    "30 22 8:1 /srv /srv/data rw,noatime shared:2 master:1 - ext4 /dev/sda1 rw,lazytime\n"
	    "31 22 0:40 / /srv/data/my\\040dir rw - tmpfs tmpfs rw\n";
	struct rp_mount m;

	assert_int_equal(rp_mount_parse(mi, strlen(mi), 8, 1, "/srv/data/p", &m), 0);
	assert_string_equal(m.point, "/srv/data");
	assert_int_equal(m.atime, RP_ATIME_NOATIME);
	assert_int_equal(m.lazytime, 1);
	assert_string_equal(m.fstype, "ext4");
	assert_int_equal(rp_mount_parse(mi, strlen(mi), 8, 1, "/home/x", &m), 0);
	assert_string_equal(m.point, "/");
	assert_int_equal(m.atime, RP_ATIME_RELATIME);
	assert_int_equal(rp_mount_parse(mi, strlen(mi), 0, 40, "/srv/data/my dir", &m), 0);
	assert_string_equal(m.point, "/srv/data/my dir");
	assert_int_equal(m.atime, RP_ATIME_STRICT);
	assert_int_equal(rp_mount_parse(mi, strlen(mi), 9, 9, "/", &m), RP_ERR_NOTFOUND);
	assert_int_equal(rp_mount_parse("garbage\n", 8, 8, 1, "/", &m), RP_ERR_FORMAT);
}

static void
egress_formats(void **state)
{
	struct rp_egress e;
	const char *csv = "time,source,destination,bytes\n"
	    "2026-11-21T03:00:00Z,10.0.0.1,8.8.8.8,100\n"
	    "2026-11-21T03:00:00Z,10.0.0.1,10.0.0.2,1000\n"
	    "2026-11-21T03:00:00Z,10.0.0.1,fd00::1,1000\n"
	    "1795230000,10.0.0.1,2001:db8::1,7\n"
	    "2026-11-25T03:00:00Z,10.0.0.1,8.8.8.8,100000\n";

	assert_int_equal(rp_addr_outside("8.8.8.8"), 1);
	assert_int_equal(rp_addr_outside("172.20.1.1"), 0);
	assert_int_equal(rp_addr_outside("172.32.1.1"), 1);
	assert_int_equal(rp_addr_outside("100.64.0.1"), 0);
	assert_int_equal(rp_addr_outside("::ffff:192.168.1.1"), 0);
	assert_int_equal(rp_addr_outside("fe80::1"), 0);
	assert_int_equal(rp_addr_outside("nope"), -1);
	assert_int_equal(rp_egress_parse(csv, strlen(csv), 1795200000, 1795240000, &e), 0);
	assert_string_equal(e.format, "csv");
	assert_int_equal(e.bytes_out, 107);
	assert_int_equal(e.records, 5);
	assert_int_equal(e.records_out, 2);
	assert_string_equal(e.top_dest, "8.8.8.8");
	assert_int_equal(rp_egress_parse("   ", 3, 0, 0, &e), RP_ERR_FORMAT);
	assert_int_equal(rp_egress_parse("{\"x\":1}", 7, 0, 0, &e), RP_ERR_FORMAT);
}

static void
exfil_verdicts(void **state)
{
	struct rp_fset s;
	struct rp_mount m;
	struct rp_exfil x;
	int i;
	char p[16];

	rp_fset_init(&s);
	memset(&m, 0, sizeof(m));
	m.atime = RP_ATIME_RELATIME;
	for (i = 0; i < 10; i++) {
		snprintf(p, sizeof(p), "d/f%d", i);
		add(&s, p, RP_FT_FILE, 100, 500, 100);
	}
	memset(&x, 0, sizeof(x));
	x.since = 1000000;
	x.until = 1002000;
	x.mount = &m;
	assert_int_equal(rp_exfil_analyse(&x, &s), 0);
	assert_int_equal(x.verdict, RP_EXFIL_NONE);
	assert_int_equal(x.files, 10);
	rp_exfil_release(&x);
	s.v[3]->atime = 1001500;
	assert_int_equal(rp_exfil_analyse(&x, &s), 0);
	assert_int_equal(x.verdict, RP_EXFIL_PARTIAL);
	assert_int_equal(x.files_read, 1);
	assert_int_equal(x.bytes_read, 100);
	assert_int_equal(x.ndirs, 1);
	rp_exfil_release(&x);
	for (i = 0; i < 10; i++)
		s.v[i]->atime = 1001500 + i;
	assert_int_equal(rp_exfil_analyse(&x, &s), 0);
	assert_int_equal(x.verdict, RP_EXFIL_BULK);
	assert_int_equal(x.pattern, RP_PAT_COPY);
	assert_int_equal(x.peak_files, 10);
	rp_exfil_release(&x);
	m.atime = RP_ATIME_NOATIME;
	assert_int_equal(rp_exfil_analyse(&x, &s), 0);
	assert_int_equal(x.verdict, RP_EXFIL_UNDETERMINABLE);
	rp_exfil_release(&x);
	/* relatime: read less than 24 h before the window, after the last change */
	m.atime = RP_ATIME_RELATIME;
	for (i = 0; i < 10; i++)
		s.v[i]->atime = 999900;
	assert_int_equal(rp_exfil_analyse(&x, &s), 0);
	assert_int_equal(x.relatime_blind, 10);
	assert_int_equal(x.verdict, RP_EXFIL_UNDETERMINABLE);
	rp_exfil_release(&x);
	rp_fset_release(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fset_index_survives_growth_and_sort),
		cmocka_unit_test(diff_counts_each_kind),
		cmocka_unit_test(baseline_round_trip_writes_only_changes),
		cmocka_unit_test(tsk_mode_and_body_line),
		cmocka_unit_test(timeline_groups_equal_times),
		cmocka_unit_test(log_lines),
		cmocka_unit_test(mountinfo),
		cmocka_unit_test(egress_formats),
		cmocka_unit_test(exfil_verdicts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
