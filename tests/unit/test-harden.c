/*
 * harden: the system root (resolution inside the root, no atime change), the parsers
 * of smb.conf, sshd_config, sudoers and journald.conf on hand-made cases and on the
 * real programs' answers (testparm, sshd -T, dpkg --compare-versions: run when
 * installed, skipped otherwise), list decompression, the firewall analysis on real
 * `nft -j` listings (tests/harden/nft/), and the whole engine over memory roots.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <lz4frame.h>
#include <lzma.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "core/buf.h"
#include "core/err.h"
#include "core/file.h"
#include "harden/checks.h"
#include "harden/harden.h"
#include "harden/hroot.h"

#define MEM(p, s) { p, s, sizeof(s) - 1, 0 }

/* ---- helpers ---- */

struct got {
	char ids[64][32];
	char ev[64][512];
	int sev[64];
	size_t n;
	char skipped[16][32];
	size_t nskip;
	size_t notes;
};

static int
got_finding(const struct rp_hfinding *f, void *ctx)
{
	struct got *g = ctx;

	if (g->n < 64) {
		snprintf(g->ids[g->n], sizeof(g->ids[0]), "%s", f->id);
		snprintf(g->ev[g->n], sizeof(g->ev[0]), "%s", f->evidence);
		g->sev[g->n] = (int)f->severity;
		g->n++;
	}
	return 0;
}

static int
got_skip(const char *id, const char *reason, void *ctx)
{
	struct got *g = ctx;

	if (g->nskip < 16)
		snprintf(g->skipped[g->nskip++], sizeof(g->skipped[0]), "%s", id);
	return 0;
}

static int
got_note(const char *file, unsigned line, const char *text, void *ctx)
{
	((struct got *)ctx)->notes++;
	return 0;
}

static size_t
count(const struct got *g, const char *id)
{
	size_t i, k = 0;

	for (i = 0; i < g->n; i++)
		k += strcmp(g->ids[i], id) == 0;
	return k;
}

static const char *
evidence(const struct got *g, const char *id)
{
	size_t i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->ids[i], id) == 0)
			return g->ev[i];
	return "";
}

static void
run_mem(const struct rp_hfile *files, size_t n, const char *backup, struct got *g)
{
	static const struct rp_harden_cb cb = { got_finding, got_skip, got_note };
	struct rp_harden_opts o = { NULL, 0, backup, NULL };
	struct rp_hroot r;

	memset(g, 0, sizeof(*g));
	rp_hroot_mem(&r, files, n);
	assert_int_equal(rp_harden_run_root(&r, &o, &cb, g), 0);
}

static char *
slurp(const char *path)
{
	struct rp_buf b = RP_BUF_INIT;

	if (rp_file_read_all(AT_FDCWD, path, &b, 1 << 20) != 0) {
		rp_buf_release(&b);
		return NULL;
	}
	return rp_buf_detach(&b, NULL);
}

static void
write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* The first line of a command's output, or "" (and 0) when it failed. */
static int
run_cmd(const char *cmd, char *out, size_t cap)
{
	FILE *p = popen(cmd, "r");
	int st;

	out[0] = '\0';
	if (p == NULL)
		return 0;
	if (fgets(out, (int)cap, p) == NULL)
		out[0] = '\0';
	out[strcspn(out, "\n")] = '\0';
	st = pclose(p);
	return st == 0;
}

static int
have(const char *prog)
{
	char cmd[256], o[8];

	snprintf(cmd, sizeof(cmd), "command -v %s >/dev/null 2>&1 && echo y", prog);
	return run_cmd(cmd, o, sizeof(o)) && o[0] == 'y';
}

/* ---- the root ---- */

static void
root_stays_inside(void **state)
{
	char dir[] = "/tmp/rp-hroot-XXXXXX", p[512];
	struct rp_hroot r;
	struct rp_buf b = RP_BUF_INIT;
	struct stat st;
	struct timespec ts[2] = { { 1000000000, 0 }, { UTIME_OMIT, UTIME_OMIT } };
	struct rp_strv v = RP_STRV_INIT;
	int is_dir;

	assert_non_null(mkdtemp(dir));
	snprintf(p, sizeof(p), "%s/etc", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/x", dir);
	mkdir(p, 0755);
	snprintf(p, sizeof(p), "%s/x/passwd", dir);
	write_file(p, "inside\n");
	/* absolute and climbing links must resolve inside the root, never to the host */
	snprintf(p, sizeof(p), "%s/etc/passwd", dir);
	assert_int_equal(symlink("/x/passwd", p), 0);
	snprintf(p, sizeof(p), "%s/etc/hostname", dir);
	assert_int_equal(symlink("../../../../../../x/passwd", p), 0);
	snprintf(p, sizeof(p), "%s/etc/fifo", dir);
	assert_int_equal(mkfifo(p, 0600), 0);
	assert_int_equal(rp_hroot_open(&r, dir), 0);
	assert_int_equal(rp_hroot_read(&r, "/etc/passwd", &b, 1024), 0);
	assert_string_equal(b.buf, "inside\n");
	rp_buf_reset(&b);
	assert_int_equal(rp_hroot_read(&r, "/etc/hostname", &b, 1024), 0);
	assert_string_equal(b.buf, "inside\n");
	rp_buf_reset(&b);
	assert_int_equal(rp_hroot_read(&r, "/etc/fifo", &b, 1024), RP_ERR_INVALID);  /* no block */
	assert_int_equal(rp_hroot_read(&r, "/etc/none", &b, 1024), RP_ERR_NOTFOUND);
	assert_int_equal(rp_hroot_read(&r, "/etc/passwd", &b, 3), RP_ERR_TOOBIG);
	assert_int_equal(b.len, 0);
	assert_int_equal(rp_hroot_stat(&r, "/etc", &is_dir, NULL), 0);
	assert_true(is_dir);
	/* reading changes no access time */
	snprintf(p, sizeof(p), "%s/x/passwd", dir);
	assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
	assert_int_equal(rp_hroot_read(&r, "/x/passwd", &b, 1024), 0);
	assert_int_equal(stat(p, &st), 0);
	assert_int_equal(st.st_atim.tv_sec, 1000000000);
	assert_int_equal(rp_hroot_glob(&r, "/etc/pass*", &v), 0);
	assert_int_equal(v.n, 1);
	assert_string_equal(v.v[0], "/etc/passwd");
	rp_strv_release(&v);
	rp_hroot_close(&r);
	rp_buf_release(&b);
	snprintf(p, sizeof(p), "rm -rf '%s'", dir);
	assert_int_equal(system(p), 0);
}

static void
mem_root_glob(void **state)
{
	static const struct rp_hfile files[] = {
		MEM("/etc/ssh/sshd_config.d/20-b.conf", "b"),
		MEM("/etc/ssh/sshd_config.d/10-a.conf", "a"),
		MEM("/etc/ssh/sshd_config.d/.hidden.conf", "h"),
		MEM("/etc/ssh/sshd_config.d/notes.txt", "n"),
		MEM("/etc/ssh/x/y/z.conf", "z"),
	};
	struct rp_hroot r;
	struct rp_strv v = RP_STRV_INIT;

	rp_hroot_mem(&r, files, 5);
	assert_int_equal(rp_hroot_glob(&r, "/etc/ssh/sshd_config.d/*.conf", &v), 0);
	assert_int_equal(v.n, 2);                 /* sorted; the dot file only explicitly */
	assert_string_equal(v.v[0], "/etc/ssh/sshd_config.d/10-a.conf");
	assert_string_equal(v.v[1], "/etc/ssh/sshd_config.d/20-b.conf");
	rp_strv_release(&v);
	assert_int_equal(rp_hroot_glob(&r, "/etc/*/x/*/z.conf", &v), 0);
	assert_int_equal(v.n, 1);
	rp_strv_release(&v);
	assert_int_equal(rp_hroot_glob(&r, "/etc/none/*", &v), 0);
	assert_int_equal(v.n, 0);
	assert_int_equal(rp_hroot_list(&r, "/etc/ssh", &v), 0);
	assert_int_equal(v.n, 2);
	assert_string_equal(v.v[0], "sshd_config.d");
	rp_strv_release(&v);
}

/* ---- Samba ---- */

static const char *
smbget(const struct rp_smbconf *c, const char *share, const char *param)
{
	size_t i;
	const struct rp_smbval *v;

	for (i = 0; i < rp_smbconf_nsections(c); i++) {
		if (rp_h_wieq(rp_smbconf_name(c, i), share)) {
			v = rp_smbconf_get(c, i, param);
			return v ? v->value : NULL;
		}
	}
	return "(no such section)";
}

static void
samba_rules(void **state)
{
	static const struct rp_hfile files[] = {
		MEM("/etc/samba/smb.conf",
		    "# comment \\\n"
		    "[global]\n"
		    "  ServerMin Protocol = NT1\n"
		    "  public = yes\n"
		    "  ; server max protocol = NT1\n"
		    "  vfs object = full_audit\n"
		    "  Full_Audit : Success = renameat\n"
		    "  include = /etc/samba/shares.conf\n"
		    "  read only = no\n"                   /* in [incl] now: the include's last */
		    "[data]\n"
		    "  path = /srv/data\n"
		    "  writeable = yes\n"
		    "  comment = a    b\\\n"
		    "     c\n"
		    "  server min protocol = SMB3\n"       /* global-only in a share: ignored */
		    "  guest ok = maybe\n"                  /* not a boolean: stored as is */
		    "[copy]\n"
		    "  copy = data\n"
		    "  path = /srv/copy\n"
		    "[DATA]\n"                              /* the same share again */
		    "  browsable = no\n"
		    "[globals]\n"
		    "  map to guest = Bad User\n"),
		MEM("/etc/samba/shares.conf", "[incl]\n  path = /srv/incl\n"),
	};
	struct rp_hroot r;
	struct rp_smbconf *c = NULL;
	struct got g;

	memset(&g, 0, sizeof(g));
	rp_hroot_mem(&r, files, 2);
	assert_int_equal(rp_smbconf_load(&r, "/etc/samba/smb.conf", got_note, &g, &c), 0);
	assert_string_equal(smbget(c, "global", "server min protocol"), "NT1");
	assert_string_equal(smbget(c, "global", "min protocol"), "NT1");
	assert_null(smbget(c, "global", "server max protocol"));
	assert_string_equal(smbget(c, "data", "guest ok"), "maybe");
	assert_string_equal(smbget(c, "incl", "public"), "yes");      /* from [global] */
	assert_string_equal(smbget(c, "copy", "public"), "maybe");    /* copied from [data] */
	assert_string_equal(smbget(c, "data", "read only"), "no");    /* writeable = yes */
	assert_string_equal(smbget(c, "data", "writable"), "no");     /* asked by a synonym */
	assert_string_equal(smbget(c, "data", "comment"), "a b c");
	assert_string_equal(smbget(c, "data", "browseable"), "no");
	assert_string_equal(smbget(c, "data", "vfs objects"), "full_audit");
	assert_string_equal(smbget(c, "data", "full_audit:success"), "renameat");
	assert_string_equal(smbget(c, "incl", "read only"), "no");
	assert_string_equal(smbget(c, "copy", "path"), "/srv/copy");
	assert_string_equal(smbget(c, "copy", "comment"), "a b c");
	assert_string_equal(smbget(c, "global", "map to guest"), "Bad User");
	assert_true(g.notes >= 1);                                     /* the global in a share */
	rp_smbconf_free(c);
	assert_int_equal(rp_smbconf_load(&r, "/etc/samba/none.conf", NULL, NULL, &c),
	    RP_ERR_NOTFOUND);
}

static void
samba_include_loop_bounded(void **state)
{
	static const struct rp_hfile files[] = {
		MEM("/etc/samba/smb.conf", "[global]\ninclude = /etc/samba/smb.conf\nserver min protocol = NT1\n"),
	};
	struct rp_hroot r;
	struct rp_smbconf *c = NULL;
	struct got g;

	memset(&g, 0, sizeof(g));
	rp_hroot_mem(&r, files, 1);
	assert_int_equal(rp_smbconf_load(&r, "/etc/samba/smb.conf", got_note, &g, &c), 0);
	assert_string_equal(smbget(c, "global", "server min protocol"), "NT1");
	assert_true(g.notes >= 1);
	rp_smbconf_free(c);
}

/* The same files through testparm (Samba's own parser). */
static void
samba_vs_testparm(void **state)
{
	static const char *const params[] = {
		"guest ok", "read only", "vfs objects", "path", "comment", "browseable",
		"full_audit:success", "printable", "available",
	};
	static const char *const gparams[] = {
		"server min protocol", "server max protocol", "ntlm auth", "map to guest",
	};
	char dir[] = "/tmp/rp-testparm-XXXXXX", p[512], inc[600], cmd[1024], out[512];
	struct rp_hroot r;
	struct rp_smbconf *c = NULL;
	size_t i, j, compared = 0;

	if (!have("testparm"))
		skip();
	assert_non_null(mkdtemp(dir));
	snprintf(p, sizeof(p), "%s/smb.conf", dir);
	snprintf(inc, sizeof(inc), "%s/shares.conf", dir);
	write_file(inc,
	    "[Incl]\n   path = /srv/incl\n   guest only = yes\n   writable = yes\n"
	    "[print]\n   path = /var/spool\n   printable = yes\n   guest ok = yes\n");
	{
		char text[4096];

		snprintf(text, sizeof(text),
		    "# the edge cases, checked against testparm\n"
		    "[global]\n"
		    "   MinProtocol = NT1\n"
		    "   max protocol = SMB3\n"
		    "   ntlm auth = Yes\n"
		    "   map to guest = bad  user\n"
		    "   public = yes\n"
		    "   vfs object = full_audit, shadow_copy2\n"
		    "   full_audit : success = renameat unlinkat\n"
		    "   include = %s\n"
		    "   comment = in incl, after the include\n"
		    "[data]\n"
		    "   path = /srv/data\n"
		    "   writeable = YES\n"
		    "   comment = a \\\n"
		    "      continued \\\n"
		    "   line\n"
		    "   ;guest ok = no\n"
		    "   # read only = yes \\\n"
		    "   browsable = no\n"
		    "   server min protocol = SMB3\n"
		    "[Copied]\n"
		    "   copy = data\n"
		    "   path = /srv/copied\n"
		    "   available = no\n"
		    "[DATA]\n"
		    "   guest ok = no\n"
		    "[ro]\n"
		    "   path = /srv/ro\n"
		    "   write ok = no\n"
		    "   vfs objects =\n", inc);
		write_file(p, text);
	}
	assert_int_equal(rp_hroot_open(&r, "/"), 0);
	assert_int_equal(rp_smbconf_load(&r, p, NULL, NULL, &c), 0);
	for (i = 0; i < rp_smbconf_nsections(c); i++) {
		const char *sec = rp_smbconf_name(c, i);
		int global = i == 0;
		size_t np = global ? sizeof(gparams) / sizeof(gparams[0]) : sizeof(params) / sizeof(params[0]);

		for (j = 0; j < np; j++) {
			const char *name = global ? gparams[j] : params[j];
			const struct rp_smbval *v = rp_smbconf_get(c, i, name);
			char ours[512];

			snprintf(cmd, sizeof(cmd), "testparm -s --section-name '%s' --parameter-name '%s' "
			    "'%s' 2>/dev/null", sec, name, p);
			if (!run_cmd(cmd, out, sizeof(out)))
				fail_msg("testparm failed on [%s] %s", sec, name);
			if (v == NULL)
				continue;           /* the default: testparm prints it, we do not store it */
			compared++;
			snprintf(ours, sizeof(ours), "%s", v->value);
			for (char *q = ours; rp_h_wieq(name, "vfs objects") && *q; q++)
				if (*q == ',')
					*q = ' ';
			/* testparm prints an enum's canonical name: ntlm auth's booleans */
			if (rp_h_wieq(name, "ntlm auth") && rp_smb_bool(ours) >= 0)
				snprintf(ours, sizeof(ours), "%s", rp_smb_bool(ours) ? "ntlmv1-permitted" :
				    "ntlmv2-only");
			if (rp_smb_bool(ours) >= 0 && rp_smb_bool(out) >= 0) {
				if (rp_smb_bool(ours) != rp_smb_bool(out))
					fail_msg("[%s] %s: riposte '%s', testparm '%s'", sec, name, ours, out);
			} else if (!rp_h_wieq(ours, out)) {
				fail_msg("[%s] %s: riposte '%s', testparm '%s'", sec, name, ours, out);
			}
		}
	}
	assert_true(compared >= 20);
	rp_smbconf_free(c);
	rp_hroot_close(&r);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* ---- OpenSSH ---- */

static void
sshd_rules(void **state)
{
	static const struct rp_hfile files[] = {
		MEM("/etc/ssh/sshd_config",
		    "Include /etc/ssh/sshd_config.d/*.conf\n"
		    "permitrootlogin=no\n"                     /* the include came first */
		    "PasswordAuthentication \"no\" # a comment\n"
		    "ChallengeResponseAuthentication yes\n"
		    "Match Address 10.0.0.0/8\n"
		    "  PermitRootLogin yes\n"
		    "  Include conf.d/admin.conf\n"            /* relative: /etc/ssh/conf.d */
		    "Match all\n"
		    "  X11Forwarding no\n"),
		MEM("/etc/ssh/sshd_config.d/50-a.conf", "PermitRootLogin prohibit-password\n"
		    "Match User backup\n  PasswordAuthentication yes\n"),
		MEM("/etc/ssh/sshd_config.d/10-first.conf", "  UsePAM yes\n"),
		MEM("/etc/ssh/conf.d/admin.conf", "PasswordAuthentication yes\n"),
	};
	struct rp_hroot r;
	struct rp_sshdconf *c = NULL;
	const struct rp_sshd_opt *o;

	rp_hroot_mem(&r, files, 4);
	assert_int_equal(rp_sshdconf_load(&r, "/etc/ssh/sshd_config", NULL, NULL, &c), 0);
	o = rp_sshdconf_global(c, "PermitRootLogin");
	assert_non_null(o);
	assert_string_equal(o->value, "prohibit-password");     /* first match wins */
	assert_string_equal(o->file, "/etc/ssh/sshd_config.d/50-a.conf");
	/* the Match in 50-a.conf ended with its file: these lines are global */
	o = rp_sshdconf_global(c, "passwordauthentication");
	assert_non_null(o);
	assert_string_equal(o->value, "no");
	assert_int_equal(o->line, 3);
	assert_string_equal(rp_sshdconf_global(c, "KbdInteractiveAuthentication")->value, "yes");
	assert_string_equal(rp_sshdconf_global(c, "usepam")->value, "yes");
	assert_int_equal(rp_sshdconf_nmatch(c), 3);
	assert_string_equal(rp_sshdconf_match(c, 0)->criteria, "User backup");
	assert_string_equal(rp_sshdconf_in_match(c, 0, "passwordauthentication")->value, "yes");
	assert_string_equal(rp_sshdconf_match(c, 1)->criteria, "Address 10.0.0.0/8");
	assert_string_equal(rp_sshdconf_in_match(c, 1, "permitrootlogin")->value, "yes");
	/* an Include inside a Match is inside it */
	o = rp_sshdconf_in_match(c, 1, "passwordauthentication");
	assert_non_null(o);
	assert_string_equal(o->file, "/etc/ssh/conf.d/admin.conf");
	assert_null(rp_sshdconf_in_match(c, 2, "permitrootlogin"));
	rp_sshdconf_free(c);
}

static void
sshd_findings(void **state)
{
	static const struct rp_hfile files[] = {
		MEM("/usr/sbin/sshd", ""),
		MEM("/etc/ssh/sshd_config",
		    "PasswordAuthentication no\nKbdInteractiveAuthentication no\nUsePAM yes\n"
		    "PermitRootLogin no\n"
		    "Match Address 192.168.1.0/24\n  PermitRootLogin yes\n  PasswordAuthentication yes\n"
		    "Match all\n  PermitRootLogin yes\n"),
	};
	static const struct rp_hfile keys_only[] = {
		MEM("/usr/sbin/sshd", ""),
		MEM("/etc/ssh/sshd_config", "AuthenticationMethods publickey,password publickey\n"),
	};
	static const struct rp_hfile pam[] = {
		MEM("/usr/sbin/sshd", ""),
		MEM("/etc/ssh/sshd_config", "PasswordAuthentication no\nUsePAM yes\n"),
	};
	struct got g;

	run_mem(files, 2, NULL, &g);
	assert_int_equal(count(&g, "ssh-root-login"), 2);
	assert_non_null(strstr(g.ev[0], "Match Address 192.168.1.0/24"));
	assert_int_equal(g.sev[0], RP_HSEV_MEDIUM);
	assert_int_equal(g.sev[1], RP_HSEV_HIGH);                  /* Match all */
	assert_int_equal(count(&g, "ssh-password-auth"), 1);
	assert_non_null(strstr(evidence(&g, "ssh-password-auth"), "Match Address"));
	run_mem(keys_only, 2, NULL, &g);
	assert_int_equal(count(&g, "ssh-password-auth"), 0);       /* every list needs a key */
	run_mem(pam, 2, NULL, &g);
	assert_int_equal(count(&g, "ssh-password-auth"), 1);       /* kbd-interactive + PAM */
	assert_non_null(strstr(evidence(&g, "ssh-password-auth"), "UsePAM"));
}

/* The same configuration through sshd -T (OpenSSH's own parser), in a private mount
 * namespace where /run/sshd exists (the machine's /run is not touched). */
static void
sshd_vs_sshd_T(void **state)
{
	static const char *const kws[] = {
		"permitrootlogin", "passwordauthentication", "kbdinteractiveauthentication", "usepam",
	};
	/* the connections and the Match blocks they match, in file order: 0 is
	 * "Match User backup" in d/50-a.conf, 1 "Match Address 10.0.0.0/8" and 2
	 * "Match User backup" in sshd_config */
	static const struct { const char *conn; int blocks[2]; } conns[] = {
		{ "addr=10.1.2.3,user=anna,host=pc,laddr=10.0.0.1,lport=22", { 1, -1 } },
		{ "addr=192.168.5.5,user=backup,host=pc,laddr=10.0.0.1,lport=22", { 0, 2 } },
		{ "addr=10.9.9.9,user=backup,host=pc,laddr=10.0.0.1,lport=22", { 0, 1 } },
	};
	char dir[] = "/tmp/rp-sshdT-XXXXXX", p[512], cmd[2048], out[256], text[2048];
	struct rp_hroot r;
	struct rp_sshdconf *c = NULL;
	size_t i, k;

	if (access("/usr/sbin/sshd", X_OK) != 0 || !have("unshare") || !have("ssh-keygen"))
		skip();
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "mkdir '%s/d' && ssh-keygen -q -t ed25519 -N '' -f '%s/hk' "
	    "</dev/null >/dev/null 2>&1", dir, dir);
	assert_int_equal(system(cmd), 0);
	snprintf(p, sizeof(p), "%s/d/50-a.conf", dir);
	write_file(p, "KbdInteractiveAuthentication=yes\nMatch User backup\n  PasswordAuthentication no\n");
	snprintf(p, sizeof(p), "%s/d/10-b.conf", dir);
	write_file(p, "PermitRootLogin \"without-password\"   # quoted, commented\n");
	snprintf(p, sizeof(p), "%s/sshd_config", dir);
	snprintf(text, sizeof(text),
	    "Include %s/d/*.conf %s/d/none*.conf\n"
	    "PERMITROOTLOGIN yes\n"
	    "   UsePAM yes\n"
	    "ChallengeResponseAuthentication no\n"
	    "HostKey %s/hk\n"
	    "Match Address 10.0.0.0/8\n"
	    "    PasswordAuthentication no\n"
	    "    PermitRootLogin yes\n"
	    "    PermitRootLogin no\n"
	    "Match User backup\n"
	    "    PermitRootLogin forced-commands-only\n", dir, dir, dir);
	write_file(p, text);
	assert_int_equal(rp_hroot_open(&r, "/"), 0);
	assert_int_equal(rp_sshdconf_load(&r, p, NULL, NULL, &c), 0);
	for (k = 0; k < sizeof(kws) / sizeof(kws[0]); k++) {
		const struct rp_sshd_opt *o = rp_sshdconf_global(c, kws[k]);
		char want[128];

		snprintf(cmd, sizeof(cmd), "unshare -m sh -c 'mount -t tmpfs t /run && mkdir /run/sshd "
		    "&& /usr/sbin/sshd -T -f %s' 2>&1 | grep '^%s '", p, kws[k]);
		if (!run_cmd(cmd, out, sizeof(out))) {
			rp_sshdconf_free(c);
			rp_hroot_close(&r);
			skip();                 /* no mount namespace here */
		}
		snprintf(want, sizeof(want), "%s %s", kws[k], o ? o->value : "?");
		if (o && strcmp(o->value, "prohibit-password") == 0)
			snprintf(want, sizeof(want), "%s without-password", kws[k]);
		if (o && strcasecmp(out, want) != 0)
			fail_msg("global %s: riposte '%s', sshd -T '%s'", kws[k], want, out);
	}
	/* connections that match a block get its first value */
	for (i = 0; i < sizeof(conns) / sizeof(conns[0]); i++) {
		for (k = 0; k < 2; k++) {
			const struct rp_sshd_opt *o = NULL;
			char want[128];
			size_t b;

			for (b = 0; b < 2 && o == NULL; b++)
				if (conns[i].blocks[b] >= 0)
					o = rp_sshdconf_in_match(c, (size_t)conns[i].blocks[b], kws[k]);
			if (o == NULL)
				o = rp_sshdconf_global(c, kws[k]);
			if (o == NULL)
				continue;
			snprintf(cmd, sizeof(cmd), "unshare -m sh -c 'mount -t tmpfs t /run && mkdir "
			    "/run/sshd && /usr/sbin/sshd -T -f %s -C %s' 2>&1 | grep '^%s '", p,
			    conns[i].conn, kws[k]);
			assert_true(run_cmd(cmd, out, sizeof(out)));
			snprintf(want, sizeof(want), "%s %s", kws[k], strcmp(o->value,
			    "prohibit-password") ? o->value : "without-password");
			if (strcasecmp(out, want) != 0)
				fail_msg("%s, %s: riposte '%s', sshd -T '%s'", conns[i].conn, kws[k], want,
				    out);
		}
	}
	rp_sshdconf_free(c);
	rp_hroot_close(&r);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* ---- sudo ---- */

static void
sudoers_rules(void **state)
{
	static const struct rp_hfile files[] = {
		MEM("/usr/bin/sudo", ""),
		MEM("/etc/sudoers",
		    "Defaults env_reset\n"
		    "#1000 ALL = (ALL) NOPASSWD: /bin/ls\n"          /* a uid, not a comment */
		    "# praxis ALL = NOPASSWD: ALL\n"                 /* a comment */
		    "Cmnd_Alias SHELLS = /bin/sh, /bin/bash : ADMIN = SHELLS, ALL\n"
		    "%admin ALL = (ALL:ALL) NOPASSWD: ADMIN\n"
		    "anna host1 = PASSWD: /bin/a, NOPASSWD: /bin/b : host2 = /bin/c\n"
		    "bob ALL = NOPASSWD: /bin/x : host2 = ALL\n"     /* tags reset at ':' */
		    "carl ALL = NOEXEC: NOPASSWD: SETENV: /usr/bin/vi, PASSWD: ALL\n"
		    "dora ALL = (root) ALL \\\n  , NOPASSWD: /usr/sbin/reboot\n"
		    "Defaults:svc !authenticate\n"
		    "Defaults !!authenticate\n"
		    "@includedir /etc/sudoers.d\n"
		    "#include sudoers.local\n"),
		MEM("/etc/sudoers.d/10-ok", "erin ALL = NOPASSWD: ALL\n"),
		MEM("/etc/sudoers.d/skip.conf", "frank ALL = NOPASSWD: ALL\n"),
		MEM("/etc/sudoers.d/skip~", "gina ALL = NOPASSWD: ALL\n"),
		MEM("/etc/sudoers.local", "hans ALL = NOPASSWD: /bin/true\n"),
	};
	struct rp_hroot r;
	struct rp_sudoers *s = NULL;
	const struct rp_sudo_rule *u;
	size_t i;
	const char *who[16];
	int all[16];

	rp_hroot_mem(&r, files, 6);
	assert_int_equal(rp_sudoers_load(&r, "/etc/sudoers", NULL, NULL, &s), 0);
	for (i = 0; i < rp_sudoers_nrules(s) && i < 16; i++) {
		u = rp_sudoers_rule(s, i);
		who[i] = u->who;
		all[i] = u->all_commands;
	}
	assert_int_equal(rp_sudoers_nrules(s), 9);
	assert_string_equal(who[0], "#1000");
	assert_false(all[0]);
	assert_string_equal(who[1], "%admin");
	assert_true(all[1]);                 /* through ADMIN -> ALL */
	assert_string_equal(who[2], "anna");
	assert_false(all[2]);
	assert_string_equal(who[3], "bob");
	assert_false(all[3]);                /* host2's ALL asks for the password */
	assert_string_equal(who[4], "carl");
	assert_false(all[4]);
	assert_string_equal(who[5], "dora");
	assert_string_equal(who[6], "svc");  /* Defaults:svc !authenticate */
	assert_true(rp_sudoers_rule(s, 6)->defaults);
	assert_string_equal(who[7], "erin");  /* the includedir, before #include */
	assert_true(all[7]);
	assert_string_equal(who[8], "hans");
	assert_string_equal(rp_sudoers_rule(s, 8)->file, "/etc/sudoers.local");
	rp_sudoers_free(s);
}

/* ---- journald ---- */

static void
journald_rules(void **state)
{
	static const struct rp_hfile files[] = {
		MEM("/etc/systemd/journald.conf", "[Journal]\n#Storage=auto\nStorage=persistent\n"),
		MEM("/usr/lib/systemd/journald.conf.d/10-vendor.conf", "[Journal]\nStorage=volatile\n"),
		MEM("/etc/systemd/journald.conf.d/20-local.conf",
		    "[Other]\nStorage=none\n[Journal]\nstorage=none\nStorage=Volatile\nStorage=\\\n"
		    "  auto\n"),
		MEM("/run/systemd/journald.conf.d/30-run.conf", "[Journal]\nStorage = volatile \n"),
		MEM("/usr/lib/systemd/journald.conf.d/30-run.conf", "[Journal]\nStorage=persistent\n"),
	};
	struct rp_hroot r;
	struct rp_journald j;

	rp_hroot_mem(&r, files, 5);
	assert_int_equal(rp_journald_load(&r, NULL, NULL, &j), 0);
	/* in name order: 10 volatile; 20: [Other] and a lowercase key do not count, nor
	 * "Volatile" (values are case-sensitive), a continuation gives auto; 30 from /run
	 * hides the one in /usr/lib: volatile */
	assert_string_equal(j.storage, "volatile");
	assert_string_equal(j.file, "/run/systemd/journald.conf.d/30-run.conf");
	assert_int_equal(j.line, 2);
	memset(&j, 0, sizeof(j));
	snprintf(j.storage, sizeof(j.storage), "auto");
	{
		static const char t[] = "[Journal]\nStorage=persistent\nStorage=\nStorage=bogus\n";

		rp_journald_parse(t, sizeof(t) - 1, "f", &j);
	}
	assert_string_equal(j.storage, "persistent");           /* invalid values are ignored */
}

/* ---- dpkg versions ---- */

static const char *const versions[][2] = {
	{ "1.0", "1.0" }, { "1.0", "1.0-1" }, { "1.0-1", "1.0-2" }, { "1:1.0", "2.0" },
	{ "1.0~rc1", "1.0" }, { "1.0~~", "1.0~" }, { "1.0a", "1.0" }, { "1.0+b1", "1.0" },
	{ "3.0.11-1~deb12u2", "3.0.17-1~deb12u3" }, { "2:4.17.12+dfsg-0+deb12u4", "2:4.17.12+dfsg-0+deb12u2" },
	{ "1.9.13p3-1+deb12u1", "1.9.13p3-1+deb12u2" }, { "20230311+deb12u1", "20250419~deb12u2" },
	{ "1.2.3", "1.2.10" }, { "0.9", "00.9" }, { "1.0-1.1", "1.0-1" }, { "a", "b" },
	{ "1.0.0", "1.0" }, { "1:0", "0:9" }, { "7.4p1-10+deb9u7", "7.4p1-10+deb9u10" },
};

static void
dpkg_versions(void **state)
{
	size_t i;

	assert_int_equal(rp_dpkg_vercmp("1.0", "1.0"), 0);
	assert_true(rp_dpkg_vercmp("1.0~rc1", "1.0") < 0);
	assert_true(rp_dpkg_vercmp("1:1.0", "2.0") > 0);
	assert_true(rp_dpkg_vercmp("3.0.11-1~deb12u2", "3.0.17-1~deb12u3") < 0);
	if (!have("dpkg"))
		return;
	/* dpkg itself is the reference */
	for (i = 0; i < sizeof(versions) / sizeof(versions[0]); i++) {
		char cmd[256], o[8];
		int lt, eq, ours = rp_dpkg_vercmp(versions[i][0], versions[i][1]);

		snprintf(cmd, sizeof(cmd), "dpkg --compare-versions '%s' lt '%s' && echo y",
		    versions[i][0], versions[i][1]);
		lt = run_cmd(cmd, o, sizeof(o)) && o[0] == 'y';
		snprintf(cmd, sizeof(cmd), "dpkg --compare-versions '%s' eq '%s' && echo y",
		    versions[i][0], versions[i][1]);
		eq = run_cmd(cmd, o, sizeof(o)) && o[0] == 'y';
		if ((lt && ours >= 0) || (eq && ours != 0) || (!lt && !eq && ours <= 0))
			fail_msg("%s vs %s: riposte %d, dpkg %s", versions[i][0], versions[i][1], ours,
			    lt ? "lt" : eq ? "eq" : "gt");
	}
}

/* ---- list decompression ---- */

static void
unpack_formats(void **state)
{
	static char text[200000];
	unsigned char *z = NULL;
	size_t zn, i, cap = sizeof(text) + 65536;
	struct rp_buf out = RP_BUF_INIT;
	z_stream zs;
	LZ4F_preferences_t pref;

	for (i = 0; i < sizeof(text); i++)
		text[i] = "Package: x\nVersion: 1\n\n"[i % 23];
	assert_non_null(z = malloc(cap));
	/* gzip */
	memset(&zs, 0, sizeof(zs));
	assert_int_equal(deflateInit2(&zs, 6, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (Bytef *)text;
	zs.avail_in = sizeof(text);
	zs.next_out = z;
	zs.avail_out = (uInt)cap;
	assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
	zn = zs.total_out;
	deflateEnd(&zs);
	assert_int_equal(rp_h_unpack("x_Packages.gz", z, zn, &out, 1 << 20), 0);
	assert_int_equal(out.len, sizeof(text));
	assert_memory_equal(out.buf, text, sizeof(text));
	rp_buf_reset(&out);
	assert_int_equal(rp_h_unpack("x_Packages.gz", z, zn - 10, &out, 1 << 20), RP_ERR_FORMAT);
	assert_int_equal(rp_h_unpack("x_Packages.gz", z, zn, &out, 1000), RP_ERR_TOOBIG);
	assert_int_equal(out.len, 0);
	/* xz */
	zn = 0;
	assert_int_equal(lzma_easy_buffer_encode(6, LZMA_CHECK_CRC64, NULL, (const uint8_t *)text,
	    sizeof(text), z, &zn, cap), LZMA_OK);
	assert_int_equal(rp_h_unpack("x_Packages.xz", z, zn, &out, 1 << 20), 0);
	assert_memory_equal(out.buf, text, sizeof(text));
	rp_buf_reset(&out);
	assert_int_equal(rp_h_unpack("x_Packages.xz", z, zn / 2, &out, 1 << 20), RP_ERR_FORMAT);
	/* zstd */
	zn = ZSTD_compress(z, cap, text, sizeof(text), 3);
	assert_false(ZSTD_isError(zn));
	assert_int_equal(rp_h_unpack("x_Packages.zst", z, zn, &out, 1 << 20), 0);
	assert_memory_equal(out.buf, text, sizeof(text));
	rp_buf_reset(&out);
	assert_int_equal(rp_h_unpack("x_Packages.zst", z, zn - 3, &out, 1 << 20), RP_ERR_FORMAT);
	assert_int_equal(rp_h_unpack("x_Packages.zst", z, zn, &out, 5000), RP_ERR_TOOBIG);
	/* lz4 frame, as apt writes it */
	memset(&pref, 0, sizeof(pref));
	zn = LZ4F_compressFrame(z, cap, text, sizeof(text), &pref);
	assert_false(LZ4F_isError(zn));
	assert_int_equal(rp_h_unpack("x_Packages.lz4", z, zn, &out, 1 << 20), 0);
	assert_memory_equal(out.buf, text, sizeof(text));
	rp_buf_reset(&out);
	assert_int_equal(rp_h_unpack("x_Packages.lz4", z, zn - 4, &out, 1 << 20), RP_ERR_FORMAT);
	assert_int_equal(rp_h_unpack("x_Packages.lz4", z, zn, &out, 5000), RP_ERR_TOOBIG);
	assert_int_equal(rp_h_unpack("x_Packages.lz4", "garbage", 7, &out, 5000), RP_ERR_FORMAT);
	/* plain */
	assert_int_equal(rp_h_unpack("x_Packages", "abc", 3, &out, 5000), 0);
	assert_string_equal(out.buf, "abc");
	rp_buf_release(&out);
	free(z);
}

/* ---- nftables ---- */

static char *
nft_json(const char *name)
{
	char p[512];
	const char *top = getenv("TOP");

	snprintf(p, sizeof(p), "%s/tests/harden/nft/%s", top ? top : ".", name);
	return slurp(p);
}

static void
nft_limits(void **state)
{
	char *mixed = nft_json("mixed.json"), *acc = nft_json("accept.json");
	char *vm = nft_json("vmap.json"), *empty = nft_json("empty.json");
	unsigned ch = 99;

	assert_non_null(mixed);
	assert_non_null(acc);
	assert_non_null(vm);
	assert_non_null(empty);
	/* mixed.nft: inet filter input policy drop, allow-lists, a jump; ip legacy */
	assert_int_equal(rp_h_nft_limits(mixed, strlen(mixed), 4, 22), 1);   /* @admins only */
	assert_int_equal(rp_h_nft_limits(mixed, strlen(mixed), 4, 445), 1);
	assert_int_equal(rp_h_nft_limits(mixed, strlen(mixed), 4, 3389), 0);  /* accepted by all */
	assert_int_equal(rp_h_nft_limits(mixed, strlen(mixed), 4, 5432), 1);
	assert_int_equal(rp_h_nft_limits(mixed, strlen(mixed), 4, 1500), 0);  /* via jump svc */
	assert_int_equal(rp_h_nft_limits(mixed, strlen(mixed), 4, 1400), 1);  /* svc returns */
	assert_int_equal(rp_h_nft_limits(mixed, strlen(mixed), 4, 139), 1);   /* eth0 only */
	assert_int_equal(rp_h_nft_limits(mixed, strlen(mixed), 6, 3389), 0);
	assert_int_equal(rp_h_nft_input_filters(mixed, strlen(mixed), &ch), 1);
	assert_int_equal(ch, 2);
	/* accept.nft: policy accept, accepts only */
	assert_int_equal(rp_h_nft_limits(acc, strlen(acc), 4, 22), 0);
	assert_int_equal(rp_h_nft_limits(acc, strlen(acc), 4, 445), 0);
	assert_int_equal(rp_h_nft_input_filters(acc, strlen(acc), &ch), 0);
	assert_int_equal(ch, 1);
	/* vmap.nft: ip6 only, a verdict map, a named set, a conditional drop */
	assert_int_equal(rp_h_nft_limits(vm, strlen(vm), 4, 445), 0);        /* v6 table */
	assert_int_equal(rp_h_nft_limits(vm, strlen(vm), 6, 445), 1);
	assert_int_equal(rp_h_nft_limits(vm, strlen(vm), 6, 22), 0);
	assert_int_equal(rp_h_nft_limits(vm, strlen(vm), 6, 3306), 1);
	assert_int_equal(rp_h_nft_limits(vm, strlen(vm), 6, 3389), 1);       /* some refused */
	assert_int_equal(rp_h_nft_limits(vm, strlen(vm), 6, 8080), 0);
	assert_int_equal(rp_h_nft_input_filters(vm, strlen(vm), NULL), 1);
	/* nothing loaded */
	assert_int_equal(rp_h_nft_limits(empty, strlen(empty), 4, 445), 0);
	assert_int_equal(rp_h_nft_input_filters(empty, strlen(empty), &ch), 0);
	assert_int_equal(ch, 0);
	assert_int_equal(rp_h_nft_limits("{", 1, 4, 22), RP_ERR_FORMAT);
	free(mixed);
	free(acc);
	free(vm);
	free(empty);
}

/* ---- the whole engine ---- */

static void
engine_weak_and_good(void **state)
{
	static const struct rp_hfile weak[] = {
		MEM("/usr/sbin/smbd", ""), MEM("/usr/bin/sudo", ""),
		MEM("/lib/systemd/systemd-journald", ""),
		MEM("/etc/samba/smb.conf", "[global]\nserver max protocol = NT1\n"
		    "[x]\npath = /x\nguest ok = yes\nread only = no\n"
		    "vfs objects = full_audit shadow_copy2\nfull_audit:success = !all\n"),
		MEM("/etc/passwd", "root:x:0:0::/root:/bin/bash\nnobody:x:65534:65534::/:/usr/sbin/nologin\n"
		    "old:x:00:0::/:/bin/sh\n+::::::\nnopw::1002:1002::/:/bin/sh\n"),
		MEM("/etc/shadow", "root:$6$MARK$secret:1::::::\nnobody::1::::::\n"),
		MEM("/etc/sudoers", "Defaults !authenticate\n"),
		MEM("/etc/systemd/journald.conf", "[Journal]\nStorage=none\n"),
		MEM("/etc/fstab", "nas:/b /mnt /nfs rw,x-systemd.automount,noauto 0 0\n"),
		MEM("/mnt/backup/monday.tar", "x"),
		MEM("/var/lib/dpkg/status", "Package: a\nStatus: install ok installed\nVersion: 1\n"
		    "Architecture: all\n"),
		MEM("/var/lib/apt/lists/x_dists_stable_Release", "Suite: stable\n"),
	};
	static const struct rp_hfile good[] = {
		MEM("/etc/passwd", "root:x:0:0::/root:/bin/bash\n"),
		MEM("/etc/shadow", "root:!:1::::::\n"),
	};
	struct got g;
	size_t i;

	run_mem(weak, sizeof(weak) / sizeof(weak[0]), "/mnt/backup/", &g);
	assert_int_equal(count(&g, "smb1-enabled"), 1);
	assert_int_equal(count(&g, "smb-guest-writable"), 1);
	assert_int_equal(count(&g, "smb-no-audit"), 1);             /* !all: nothing recorded */
	assert_int_equal(count(&g, "smb-no-snapshots"), 0);
	assert_int_equal(count(&g, "uid0-extra"), 1);               /* "00" is uid 0 too */
	assert_non_null(strstr(evidence(&g, "uid0-extra"), "'old'"));
	assert_int_equal(count(&g, "empty-password"), 2);           /* passwd's empty, shadow's */
	assert_int_equal(count(&g, "sudo-nopasswd"), 1);
	assert_int_equal(count(&g, "journal-volatile"), 1);
	assert_int_equal(count(&g, "backup-reachable"), 1);         /* automount */
	assert_non_null(strstr(evidence(&g, "backup-reachable"), "automount"));
	assert_int_equal(count(&g, "pending-security-updates"), 1); /* no security suite */
	assert_non_null(strstr(evidence(&g, "pending-security-updates"), "no security suite"));
	for (i = 0; i < g.n; i++)
		assert_null(strstr(g.ev[i], "MARK"));                   /* never a hash */
	assert_int_equal(g.nskip, 3);                               /* the live ones */
	run_mem(good, 2, NULL, &g);
	assert_int_equal(g.n, 0);
	/* no backup path: not checked, said so */
	for (i = 0; i < g.nskip; i++)
		if (strcmp(g.skipped[i], "backup-reachable") == 0)
			break;
	assert_true(i < g.nskip);
}

static void
catalog_complete(void **state)
{
	static const char *const ids[] = {
		"smb1-enabled", "smb-guest-writable", "smb-no-audit", "smb-no-snapshots",
		"ssh-root-login", "ssh-password-auth", "uid0-extra", "empty-password",
		"sudo-nopasswd", "journal-volatile", "backup-reachable", "exposed-service",
		"no-firewall", "pending-security-updates", "no-time-sync",
	};
	size_t i, n;
	const struct rp_hcheck *c = rp_harden_catalog(&n);

	assert_int_equal(n, sizeof(ids) / sizeof(ids[0]));
	for (i = 0; i < n; i++) {
		assert_non_null(rp_harden_check(ids[i]));
		assert_non_null(strstr(c[i].reference, "CIS Controls v8 "));
		assert_true(strlen(c[i].measure) > 20);
	}
	assert_null(rp_harden_check("nope"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(root_stays_inside),
		cmocka_unit_test(mem_root_glob),
		cmocka_unit_test(samba_rules),
		cmocka_unit_test(samba_include_loop_bounded),
		cmocka_unit_test(samba_vs_testparm),
		cmocka_unit_test(sshd_rules),
		cmocka_unit_test(sshd_findings),
		cmocka_unit_test(sshd_vs_sshd_T),
		cmocka_unit_test(sudoers_rules),
		cmocka_unit_test(journald_rules),
		cmocka_unit_test(dpkg_versions),
		cmocka_unit_test(unpack_formats),
		cmocka_unit_test(nft_limits),
		cmocka_unit_test(engine_weak_and_good),
		cmocka_unit_test(catalog_complete),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
