/* The simulator's engine: encryption styles, refusals, rate and state parsing, the
 * restore of files the attacker was killed in the middle of, and a drill's run (the
 * attacker started, waited for, its pid published; a prepared directory adopted). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/file.h"
#include "sim/internal.h"
#include "sim/sim.h"

static uint64_t
covered(int style, uint64_t size, size_t *n)
{
	struct rp_sim_range *r = NULL;
	uint64_t sum = 0, last = 0;
	size_t i;

	assert_int_equal(rp_sim_ranges(style, size, &r, n), 0);
	for (i = 0; i < *n; i++) {
		assert_true(r[i].off >= last);          /* ascending, disjoint: restore relies on it */
		assert_true(r[i].off + r[i].len <= size);
		last = r[i].off + r[i].len;
		sum += r[i].len;
	}
	free(r);
	return sum;
}

static void
styles_follow_the_reference(void **state)
{
	size_t n;

	/* Black Basta: <= 704 B whole; to 4 KiB 64 of 256; larger 64 of 192 */
	assert_int_equal(covered(ST_BASTA, 704, &n), 704);
	assert_int_equal(n, 1);
	assert_int_equal(covered(ST_BASTA, 4096, &n), 16 * 64);
	assert_int_equal(covered(ST_BASTA, 192 * 100, &n), 100 * 64);
	/* LockFile: every other 16 bytes after the first 4 KiB of larger files */
	assert_int_equal(covered(ST_LOCKFILE, 4096 + 8192, &n), 4096);
	assert_int_equal(covered(ST_LOCKFILE, 3200, &n), 1600);
	/* LockBit 2.0: the first 4 KiB */
	assert_int_equal(covered(ST_HEAD4K, 100000, &n), 4096);
	assert_int_equal(covered(ST_HEAD4K, 1000, &n), 1000);
	/* PLAY: 2, 3 or 5 chunks */
	covered(ST_PLAY, 60000, &n);
	assert_int_equal(n, 2);
	covered(ST_PLAY, 600000, &n);
	assert_int_equal(n, 3);
	covered(ST_PLAY, 3000000, &n);
	assert_int_equal(n, 5);
	/* stripes: 25 % */
	assert_int_equal(covered(ST_STRIPES, 16384 * 10, &n), 4096 * 10);
	assert_int_equal(covered(ST_FULL, 12345, &n), 12345);
	assert_int_equal(covered(ST_FULL, 0, &n), 0);
	assert_int_equal(n, 0);
}

static void
refuses_system_and_home(void **state)
{
	static const char *const bad[] = { "/", "/etc", "/etc/x", "/usr/local/drill", "/var/lib/x",
		"/var", "/lib64/x", "/libx32", "/proc/1", "/root/x", "/run/user/0/x", "/boot", "/srv/a",
		"/sys/x", "/dev/shm/x", "/sbin", "/bin/x", "/tmp", "/var/tmp", "/home/ann", "/home" };
	static const char *const good[] = { "/tmp/x", "/tmp/a/b", "/var/tmp/x", "/home/ann/drill",
		"/data/drill", "/libraryish/../x" };
	const char *why;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		why = NULL;
		assert_int_equal(rp_sim_path_forbidden(bad[i], "/home/ann", &why), 1);
		assert_non_null(why);
	}
	for (i = 0; i < sizeof(good) / sizeof(good[0]) - 1; i++)
		assert_int_equal(rp_sim_path_forbidden(good[i], "/home/ann", &why), 0);
	/* "/lib" as a prefix of a name is refused: better safe */
	assert_int_equal(rp_sim_path_forbidden("/libraryish", NULL, &why), 1);
}

static void
parses_rates(void **state)
{
	double r;

	assert_int_equal(rp_sim_rate_parse("5", &r), 0);
	assert_true(r == 5);
	assert_int_equal(rp_sim_rate_parse("2/min", &r), 0);
	assert_true(r > 0.0333 && r < 0.0334);
	assert_int_equal(rp_sim_rate_parse("36/h", &r), 0);
	assert_true(r > 0.00999 && r < 0.01001);
	assert_int_equal(rp_sim_rate_parse("0", &r), RP_ERR_INVALID);
	assert_int_equal(rp_sim_rate_parse("-1", &r), RP_ERR_INVALID);
	assert_int_equal(rp_sim_rate_parse("5/day", &r), RP_ERR_INVALID);
	assert_int_equal(rp_sim_rate_parse("", &r), RP_ERR_INVALID);
	assert_int_equal(rp_sim_rate_parse("nan", &r), RP_ERR_INVALID);
}

static void
parses_state(void **state)
{
	static const char ok[] = "riposte-sim 1\nscenario inplace\nseed 7\nkey "
		"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
		"xorkey 00112233445566778899aabbccddeeff\nfuture thing\n"
		"file 5000 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 Docs/a b.txt\n"
		"file 10 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 x\n";
	static const char *const bad[] = {
		"riposte-sim 2\nscenario x\n", "riposte-sim 1\n", "riposte-sim 1\nscenario x",
		"riposte-sim 1\nscenario x\nkey 00\n", "riposte-sim 1\nscenario x\nseed -\n",
		"riposte-sim 1\nscenario x\nfile 1 zz /abs\n",
		"riposte-sim 1\nscenario x\nfile 1 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 /abs\n",
		"riposte-sim 1\nscenario x\nfile 99999999999 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 a\n",
	};
	struct rp_sim_state *st = NULL;
	size_t i;

	assert_int_equal(rp_sim_state_parse(ok, sizeof(ok) - 1, &st), 0);
	assert_string_equal(st->scenario, "inplace");
	assert_int_equal(st->seed, 7);
	assert_int_equal(st->key[31], 0x1f);
	assert_int_equal(st->xorkey[15], 0xff);
	assert_int_equal(st->nfiles, 2);
	assert_string_equal(st->files[0].path, "Docs/a b.txt");
	assert_int_equal(st->files[1].blkoff, 2);   /* 5000 bytes = 2 blocks */
	rp_sim_state_free(st);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		st = NULL;
		assert_int_not_equal(rp_sim_state_parse(bad[i], strlen(bad[i]), &st), 0);
		assert_null(st);
	}
}

/* Encrypts the first `upto` encrypted bytes of file idx as the attacker would have
 * before it was killed (a prefix in write order). */
static void
half_encrypt(int root, struct rp_sim_state *st, struct rp_sim_cipher *c, size_t idx,
    int style, uint64_t upto)
{
	struct rp_sim_range *rg = NULL;
	size_t n, i;
	uint8_t *buf;
	int fd = rp_sim_open(root, st->files[idx].path, O_RDWR, 0);

	assert_true(fd >= 0);
	assert_int_equal(rp_sim_ranges(style, st->files[idx].size, &rg, &n), 0);
	for (i = 0; i < n && upto > 0; i++) {
		uint64_t len = rg[i].len < upto ? rg[i].len : upto;

		buf = malloc(len);
		assert_int_equal(pread(fd, buf, len, (off_t)rg[i].off), (ssize_t)len);
		assert_int_equal(rp_sim_ks_apply(c, st, style, idx, rg[i].off, buf, len), 0);
		assert_int_equal(pwrite(fd, buf, len, (off_t)rg[i].off), (ssize_t)len);
		free(buf);
		upto -= len;
	}
	free(rg);
	close(fd);
}

static void
restores_a_file_cut_in_the_middle(void **state)
{
	static const char *const names[] = { "inplace", "blackbasta", "xor", "lockfile", "stripes" };
	char dir[] = "/tmp/rp-test-sim.XXXXXX";
	struct rp_buf path = RP_BUF_INIT, blocks = RP_BUF_INIT;
	struct rp_sim_opts o = { .seed = 3, .files = 6 };
	struct rp_sim_restore_stats rs;
	struct rp_sim_state *st;
	struct rp_sim_cipher *c;
	uint64_t bytes;
	size_t k, i;
	int root;

	assert_non_null(mkdtemp(dir));
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
		const struct rp_sim_scenario *sc = rp_sim_scenario_find(names[k]);

		rp_buf_reset(&path);
		rp_buf_addf(&path, "%s/d%zu", dir, k);
		assert_int_equal(rp_sim_dir_setup(path.buf, 0, &root), 0);
		assert_int_equal(rp_sim_prepare(root, sc, &o, &bytes), 0);
		rp_buf_reset(&blocks);
		assert_int_equal(rp_sim_state_load(root, &st, &blocks), 0);
		assert_int_equal(rp_sim_cipher_new(st->key, &c), 0);
		/* odd cut points: inside a range, inside a 4 KiB block, at a boundary */
		for (i = 0; i < st->nfiles; i++)
			half_encrypt(root, st, c, i, sc->style, i == 0 ? 0 : (i * 7919 + 13) % (st->files[i].size + 1));
		assert_int_equal(rp_sim_restore(root, &rs), 0);
		assert_int_equal(rs.files, 6);
		assert_int_equal(rs.bad, 0);
		assert_true(rs.repaired >= 4);
		rp_sim_cipher_free(c);
		rp_sim_state_free(st);
		rp_sim_rm_tree(root);
		close(root);
		rmdir(path.buf);
	}
	rp_buf_release(&path);
	rp_buf_release(&blocks);
	rmdir(dir);
}

static void
never_follows_a_planted_symlink(void **state)
{
	char dir[] = "/tmp/rp-test-sim.XXXXXX";
	struct rp_buf d = RP_BUF_INIT, canary = RP_BUF_INIT, got = RP_BUF_INIT, blocks = RP_BUF_INIT;
	struct rp_sim_opts o = { .seed = 5, .files = 4 };
	struct rp_sim_state *st;
	uint64_t bytes;
	int root, fd, pfd;
	const char *base;

	assert_non_null(mkdtemp(dir));
	rp_buf_addf(&d, "%s/drill", dir);
	rp_buf_addf(&canary, "%s/canary.txt", dir);
	fd = open(canary.buf, O_WRONLY | O_CREAT | O_EXCL, 0600);
	assert_int_equal(write(fd, "canary\n", 7), 7);
	close(fd);
	assert_int_equal(rp_sim_dir_setup(d.buf, 0, &root), 0);
	assert_int_equal(rp_sim_prepare(root, rp_sim_scenario_find("inplace"), &o, &bytes), 0);
	assert_int_equal(rp_sim_state_load(root, &st, &blocks), 0);
	/* the second file replaced by a symlink to the canary, a directory by a link to dir */
	assert_int_equal(rp_sim_parent(root, st->files[1].path, 0, &pfd, &base), 0);
	assert_int_equal(unlinkat(pfd, base, 0), 0);
	assert_int_equal(symlinkat(canary.buf, pfd, base), 0);
	close(pfd);
	assert_int_equal(rp_sim_attack(root, rp_sim_scenario_find("inplace"), &o), 0);
	assert_int_equal(rp_sim_attack(root, rp_sim_scenario_find("backup"), &o), 0);
	assert_int_equal(rp_sim_open(root, st->files[1].path, O_RDONLY, 0), RP_ERR_REFUSED);
	assert_int_equal(rp_file_read_all(AT_FDCWD, canary.buf, &got, 100), 0);
	assert_string_equal(got.buf, "canary\n");
	rp_sim_state_free(st);
	rp_sim_rm_tree(root);
	close(root);
	rmdir(d.buf);
	unlink(canary.buf);
	rmdir(dir);
	rp_buf_release(&d);
	rp_buf_release(&canary);
	rp_buf_release(&got);
	rp_buf_release(&blocks);
}

/* --prepare, then the claim of a scenario: prepared until claimed or attacked; the
 * attack then records its first write before it writes */
static void
prepared_then_claimed(void **state)
{
	char dir[] = "/tmp/rp-test-sim.XXXXXX";
	struct rp_buf d = RP_BUF_INIT, blocks = RP_BUF_INIT;
	struct rp_sim_opts o = { .seed = 9, .files = 3 };
	struct rp_sim_restore_stats rs;
	struct rp_sim_prepared pp;
	struct rp_sim_progress pr;
	struct rp_sim_state *st;
	uint64_t bytes;
	int root;

	assert_non_null(mkdtemp(dir));
	rp_buf_addf(&d, "%s/drill", dir);
	assert_int_equal(rp_sim_dir_setup(d.buf, 0, &root), 0);
	assert_int_equal(rp_sim_prepared_info(root, &pp), RP_ERR_NOTFOUND);   /* no state yet */
	assert_int_equal(rp_sim_prepare(root, NULL, &o, &bytes), 0);
	assert_int_equal(rp_sim_prepared_info(root, &pp), 0);
	assert_int_equal(pp.files, 3);
	assert_int_equal(pp.seed, 9);
	assert_int_equal(pp.bytes, bytes);
	/* restored before any attack: nothing to give back, all verified */
	assert_int_equal(rp_sim_restore(root, &rs), 0);
	assert_string_equal(rs.scenario, RP_SIM_PREPARED);
	assert_int_equal(rs.repaired, 0);
	assert_int_equal(rp_sim_claim(root, rp_sim_scenario_find("rename")), 0);
	assert_int_equal(rp_sim_prepared_info(root, &pp), RP_ERR_NOTFOUND);
	assert_int_equal(rp_sim_claim(root, rp_sim_scenario_find("inplace")), RP_ERR_NOTFOUND);
	assert_int_equal(rp_sim_state_load(root, &st, &blocks), 0);
	assert_string_equal(st->scenario, "rename");
	assert_int_equal(st->nfiles, 3);
	rp_sim_state_free(st);
	assert_int_equal(rp_sim_attack(root, rp_sim_scenario_find("rename"), &o), 0);
	assert_int_equal(rp_sim_progress_read(root, &pr), 0);
	assert_int_equal(pr.files, 3);
	assert_true(pr.first_ns > 0 && pr.first_ns <= pr.last_ns);
	assert_int_equal(rp_sim_restore(root, &rs), 0);
	assert_string_equal(rs.scenario, "rename");
	assert_int_equal(rs.repaired, 3);
	assert_int_equal(rs.bad, 0);
	rp_sim_rm_tree(root);
	close(root);
	rmdir(d.buf);
	rmdir(dir);
	rp_buf_release(&d);
	rp_buf_release(&blocks);
}

static void
zip_has_a_valid_central_directory(void **state)
{
	struct rp_sim_zip z;
	const uint8_t *p;
	size_t n;

	rp_sim_zip_init(&z);
	assert_int_equal(rp_sim_zip_add(&z, "a.txt", "hello hello hello", 17, 1), 0);
	assert_int_equal(rp_sim_zip_add(&z, "mimetype", "x", 1, 0), 0);
	assert_int_equal(rp_sim_zip_finish(&z), 0);
	p = (const uint8_t *)z.out.buf;
	n = z.out.len;
	assert_memory_equal(p, "PK\3\4", 4);
	assert_memory_equal(p + n - 22, "PK\5\6", 4);
	assert_int_equal(p[n - 22 + 10], 2);                   /* entries */
	/* the central directory offset points at a central header */
	{
		uint32_t off = (uint32_t)p[n - 6] | (uint32_t)p[n - 5] << 8 |
		    (uint32_t)p[n - 4] << 16 | (uint32_t)p[n - 3] << 24;
		uint32_t crc = rp_sim_crc32(0, "hello hello hello", 17);

		assert_memory_equal(p + off, "PK\1\2", 4);
		assert_int_equal((uint32_t)p[off + 16] | (uint32_t)p[off + 17] << 8 |
		    (uint32_t)p[off + 18] << 16 | (uint32_t)p[off + 19] << 24, crc);
	}
	rp_sim_zip_release(&z);
}

/* The run's callbacks, in the order they came. */
struct seen {
	char order[8];
	size_t n;
	long pid;
	int pidfile_ok;
	int root;
};

static void
seen_started(void *ctx, long pid)
{
	struct seen *s = ctx;

	s->order[s->n++] = 's';
	s->pid = pid;
}

static void
seen_attacker(void *ctx, long pid)
{
	struct seen *s = ctx;
	struct rp_buf b = RP_BUF_INIT;

	s->order[s->n++] = 'a';
	/* the pid file is written before the attacker is released */
	if (rp_file_read_all(s->root, RP_SIM_STATE_DIR "/pid", &b, 64) == 0)
		s->pidfile_ok = strtol(b.buf, NULL, 10) == pid;
	rp_buf_release(&b);
}

static void
seen_ended(void *ctx)
{
	struct seen *s = ctx;

	s->order[s->n++] = 'e';
}

static void
run_waits_and_says_how_it_ended(void **state)
{
	static const struct rp_sim_run_cb cb = { .on_started = seen_started,
	    .on_attacker = seen_attacker, .on_ended = seen_ended };
	char dir[] = "/tmp/rp-test-sim.XXXXXX";
	struct rp_buf d = RP_BUF_INIT;
	struct rp_sim_opts o = { .seed = 3, .files = 4 };
	struct rp_sim_prepared pp;
	struct rp_sim_result res;
	struct seen s = { .n = 0 };
	uint64_t bytes;
	int root;

	assert_non_null(mkdtemp(dir));
	rp_buf_addf(&d, "%s/drill", dir);
	/* a fresh directory is set up; a prepared one is taken as it is */
	assert_int_equal(rp_sim_drill_open(d.buf, 0, 1, &root, &pp), 0);
	assert_int_equal(rp_sim_prepare(root, NULL, &o, &bytes), 0);
	close(root);
	assert_int_equal(rp_sim_drill_open(d.buf, 1, 1, &root, &pp), 1);
	assert_int_equal(pp.files, 4);
	/* the prepared --files and --seed, or none */
	o.files = 5;
	assert_int_equal(rp_sim_adopt_prepared(&pp, &o, 1, 0), RP_ERR_INVALID);
	o.files = 40;
	o.seed = 1;
	assert_int_equal(rp_sim_adopt_prepared(&pp, &o, 0, 0), 0);
	assert_int_equal(o.files, 4);
	assert_int_equal(o.seed, 3);
	assert_int_equal(rp_sim_claim(root, rp_sim_scenario_find("inplace")), 0);

	s.root = root;
	assert_int_equal(rp_sim_run(root, rp_sim_scenario_find("inplace"), &o, &cb, &s, &res), 0);
	assert_int_equal(s.n, 3);
	assert_memory_equal(s.order, "sae", 3);
	assert_true(s.pidfile_ok);
	assert_int_equal(res.pid, s.pid);
	assert_int_equal(res.outcome, RP_SIM_FINISHED);
	assert_string_equal(rp_sim_outcome_name(res.outcome), "finished");
	assert_int_equal(res.signo, 0);
	assert_int_equal(res.progress.files, 4);
	assert_true(res.started_ns > 0 && res.started_ns <= res.progress.first_ns &&
	    res.progress.first_ns <= res.ended_ns);
	/* the attacker is gone (reaped): --restore may go on */
	assert_int_equal(rp_sim_attacker_alive(root, "/proc"), 0);
	/* a drill directory that was attacked is not prepared any more: set up afresh */
	close(root);
	assert_int_equal(rp_sim_drill_open(d.buf, 1, 1, &root, &pp), 0);
	rp_sim_rm_tree(root);
	close(root);
	rmdir(d.buf);
	rmdir(dir);
	rp_buf_release(&d);
}

static void
attacker_alive_while_it_runs_or_stops(void **state)
{
	char dir[] = "/tmp/rp-test-sim.XXXXXX";
	struct rp_buf d = RP_BUF_INIT, txt = RP_BUF_INIT;
	pid_t pid;
	int root, fd, st;

	assert_non_null(mkdtemp(dir));
	rp_buf_addf(&d, "%s/drill", dir);
	assert_int_equal(rp_sim_dir_setup(d.buf, 0, &root), 0);
	assert_int_equal(rp_sim_attacker_alive(root, "/proc"), 0);   /* no pid file */
	if ((pid = fork()) == 0) {
		pause();
		_exit(0);
	}
	assert_true(pid > 0);
	rp_buf_addf(&txt, "%ld\n", (long)pid);
	fd = openat(root, RP_SIM_STATE_DIR "/pid", O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(rp_write_all(fd, txt.buf, txt.len), 0);
	close(fd);
	assert_int_equal(rp_sim_attacker_alive(root, "/proc"), (long)pid);
	kill(pid, SIGSTOP);
	waitpid(pid, &st, WUNTRACED);
	assert_int_equal(rp_sim_attacker_alive(root, "/proc"), (long)pid);   /* stopped: alive */
	kill(pid, SIGKILL);
	/* a zombie is dead */
	while (waitid(P_PID, (id_t)pid, NULL, WEXITED | WNOWAIT) != 0)
		;
	assert_int_equal(rp_sim_attacker_alive(root, "/proc"), 0);
	waitpid(pid, &st, 0);
	assert_int_equal(rp_sim_attacker_alive(root, "/proc"), 0);
	rp_sim_rm_tree(root);
	close(root);
	rmdir(d.buf);
	rmdir(dir);
	rp_buf_release(&d);
	rp_buf_release(&txt);
}

static void
finds_cc_in_path(void **state)
{
	char dir[] = "/tmp/rp-test-sim.XXXXXX";
	struct rp_buf p = RP_BUF_INIT, cc = RP_BUF_INIT;
	char *found;
	int fd;

	assert_non_null(mkdtemp(dir));
	rp_buf_addf(&cc, "%s/bin/cc", dir);
	rp_buf_addf(&p, "%s/bin", dir);
	assert_int_equal(mkdir(p.buf, 0700), 0);
	fd = open(cc.buf, O_WRONLY | O_CREAT, 0700);
	assert_true(fd >= 0);
	close(fd);
	/* relative and empty entries are skipped; the first executable cc wins */
	rp_buf_reset(&p);
	rp_buf_addf(&p, "bin::%s/none:%s/bin:/usr/bin", dir, dir);
	found = rp_sim_find_cc(p.buf);
	assert_non_null(found);
	assert_string_equal(found, cc.buf);
	free(found);
	chmod(cc.buf, 0600);
	rp_buf_reset(&p);
	rp_buf_addf(&p, "%s/bin", dir);
	assert_null(rp_sim_find_cc(p.buf));
	assert_null(rp_sim_find_cc(NULL));
	assert_null(rp_sim_find_cc(""));
	unlink(cc.buf);
	rp_buf_reset(&p);
	rp_buf_addf(&p, "%s/bin", dir);
	rmdir(p.buf);
	rmdir(dir);
	rp_buf_release(&p);
	rp_buf_release(&cc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(styles_follow_the_reference),
		cmocka_unit_test(refuses_system_and_home),
		cmocka_unit_test(parses_rates),
		cmocka_unit_test(parses_state),
		cmocka_unit_test(restores_a_file_cut_in_the_middle),
		cmocka_unit_test(never_follows_a_planted_symlink),
		cmocka_unit_test(zip_has_a_valid_central_directory),
		cmocka_unit_test(prepared_then_claimed),
		cmocka_unit_test(run_waits_and_says_how_it_ended),
		cmocka_unit_test(attacker_alive_while_it_runs_or_stops),
		cmocka_unit_test(finds_cc_in_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
