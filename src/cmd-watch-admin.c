/*
 * riposte watch --check, --restore and --unblock: what can protect a path here, the
 * files put back from the shadow, a blocked Samba client let back in.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include <syslog.h>

#include <linux/magic.h>

#include "cmd-watch.h"
#include "core/err.h"
#include "core/escape.h"
#include "core/time.h"
#include "respond/fanotify.h"
#include "respond/samba.h"
#include "respond/shadow.h"

/* The name of the filesystem PATH is on, for --check: what decides whether watch can
 * protect it (tmpfs has no pre-content events; XFS and btrfs clone). */
static const char *
fs_name(const char *path, char *buf, size_t cap)
{
	static const struct {
		unsigned long magic;
		const char *name;
	} names[] = {
		{ EXT4_SUPER_MAGIC, "ext4" }, { XFS_SUPER_MAGIC, "xfs" },
		{ BTRFS_SUPER_MAGIC, "btrfs" }, { TMPFS_MAGIC, "tmpfs" },
		{ RAMFS_MAGIC, "ramfs" }, { NFS_SUPER_MAGIC, "nfs" },
		{ SMB2_SUPER_MAGIC, "smb" }, { CIFS_SUPER_MAGIC, "cifs" },
		{ OVERLAYFS_SUPER_MAGIC, "overlay" }, { F2FS_SUPER_MAGIC, "f2fs" },
		{ 0x2fc12fc1UL, "zfs" }, { 0x65735546UL, "fuse" },
	};
	struct statfs sf;
	if (statfs(path, &sf) != 0)
		return "unknown";
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if ((unsigned long)sf.f_type == names[i].magic)
			return names[i].name;
	snprintf(buf, cap, "0x%lx", (unsigned long)sf.f_type);
	return buf;
}

int
rp_watch_cli_check(struct rp_cli *cli, int fmt, char **paths, int n)
{
	struct utsname u;
	int worst = 0;
	uname(&u);
	for (int i = 0; i < n; i++) {
		struct rp_fan_caps caps;
		struct rp_buf b;
		struct stat st;
		rp_buf_init(&b, 1 << 16);
		/* a path that is not there (a typo) is said as such, not as a kernel that
		 * lacks every feature */
		const char *why = stat(paths[i], &st) != 0 ? strerror(errno) :
		    !S_ISDIR(st.st_mode) ? strerror(ENOTDIR) : NULL;
		if (why != NULL) {
			worst = 2;
			if (fmt == RP_FMT_JSONL) {
				rp_buf_addstr(&b, "{\"kind\":\"check\",");
				rp_cli_path_json(&b, "path", paths[i], strlen(paths[i]));
				rp_buf_addstr(&b, "\"error\":");
				rp_json_str(&b, why);
				rp_buf_addstr(&b, ",\"ok\":false}\n");
			} else {
				rp_esc_text(&b, paths[i], strlen(paths[i]));
				rp_buf_addf(&b, ": %s\n  => cannot protect this path\n", why);
			}
			(void)rp_cli_put(cli, &b);     /* worst is 2 already */
			rp_buf_release(&b);
			continue;
		}
		int r = rp_fan_probe(paths[i], &caps);
		int ficlone = rp_shadow_can_clone(paths[i]) == 1;
		char fsbuf[32];
		const char *fs = fs_name(paths[i], fsbuf, sizeof(fsbuf));
		int cap = r != RP_ERR_PERM;
		/* both for full protection: an open with O_TRUNC has only the open's event */
		int level = caps.pre_content && caps.open_perm ? 0 : caps.open_perm ? 1 : 2;
		if (!cap)
			level = 2;
		if (level > worst)
			worst = level;
		if (fmt == RP_FMT_JSONL) {
			rp_buf_addstr(&b, "{\"kind\":\"check\",");
			rp_cli_path_json(&b, "path", paths[i], strlen(paths[i]));
			rp_buf_addstr(&b, "\"kernel\":");
			rp_json_str(&b, u.release);
			rp_buf_addf(&b, ",\"cap_sys_admin\":%s,\"pre_content\":%s,\"open_perm\":%s,\"names\":%s,"
			    "\"ficlone\":%s,\"fs\":\"%s\",\"ok\":%s}\n", cap ? "true" : "false",
			    caps.pre_content ? "true" : "false", caps.open_perm ? "true" : "false",
			    caps.names ? "true" : "false", ficlone ? "true" : "false", fs,
			    level == 0 ? "true" : "false");
		} else {
			rp_esc_text(&b, paths[i], strlen(paths[i]));
			rp_buf_addf(&b, ":\n  kernel %s, filesystem %s\n  CAP_SYS_ADMIN: %s\n"
			    "  pre-content events (copy before the write lands): %s\n"
			    "  open permission events (copy before an O_TRUNC open; alone, at every open): %s\n"
			    "  create/delete/rename events by name: %s\n"
			    "  FICLONE reflinks (instant copies): %s\n  => %s\n", u.release, fs,
			    cap ? "yes" : "no", caps.pre_content ? "yes" : "no",
			    caps.open_perm ? "yes" : "no", caps.names ? "yes" : "no",
			    ficlone ? "yes" : "no (copies instead)",
			    level == 0 ? "full protection" : level == 1 ? "reduced protection (copies at open)" :
			    "cannot protect this path");
		}
		if (rp_cli_put(cli, &b) != 0)
			worst = 2;
		rp_buf_release(&b);
	}
	return worst == 0 ? RP_EXIT_CLEAN : worst == 1 ? RP_EXIT_FOUND : RP_EXIT_ERROR;
}

struct restore_ctx {
	struct rp_cli *cli;
	int fmt;
	uint64_t done, intact, failed;
};

static void
restore_cb(const struct rp_shadow_entry *e, enum rp_restore_result res, int err, void *ctx)
{
	struct restore_ctx *c = ctx;
	static const char *const names[] = { "restored", "intact", "failed" };
	struct rp_buf b;
	rp_buf_init(&b, 1 << 16);
	if (res == RP_RESTORE_DONE)
		c->done++;
	else if (res == RP_RESTORE_INTACT)
		c->intact++;
	else
		c->failed++;
	if (c->fmt == RP_FMT_JSONL) {
		rp_buf_addstr(&b, "{\"kind\":\"restore\",");
		rp_cli_path_json(&b, "path", e->path, e->pathlen);
		rp_buf_addf(&b, "\"result\":\"%s\",\"how\":\"%s\",\"copied\":\"", names[res],
		    rp_shadow_how_name(e->how));
		rp_time_fmt_utc(&b, e->time);
		rp_buf_addstr(&b, "\"");
		if (res == RP_RESTORE_FAILED) {
			rp_buf_addstr(&b, ",\"error\":");
			rp_json_str(&b, rp_strerror(err));
		}
		rp_buf_addstr(&b, "}\n");
	} else {
		rp_buf_addf(&b, "%-9s ", names[res]);
		rp_esc_text(&b, e->path, e->pathlen);
		if (res == RP_RESTORE_FAILED)
			rp_buf_addf(&b, " (%s)", rp_strerror(err));
		rp_buf_addch(&b, '\n');
	}
	rp_cli_put(c->cli, &b);
	rp_buf_release(&b);
}

int
rp_watch_cli_restore(struct rp_cli *cli, int fmt, const char *dir, char **paths, int n)
{
	struct restore_ctx c = { cli, fmt, 0, 0, 0 };
	char *real[RP_WATCH_MAX_ROOTS] = { NULL };
	int k = 0;
	for (int i = 0; i < n && k < RP_WATCH_MAX_ROOTS; i++) {
		real[k] = realpath(paths[i], NULL);
		if (real[k] == NULL) {
			/* a deleted subtree still restores: take the path as given */
			real[k] = strdup(paths[i]);
		}
		if (real[k] != NULL)
			k++;
	}
	int r = rp_shadow_restore(dir, (const char *const *)real, (size_t)k, restore_cb, &c);
	for (int i = 0; i < k; i++)
		free(real[i]);
	if (r != 0) {
		rp_err(cli, "cannot read the shadow '%s': %s", dir, rp_strerror(r));
		return RP_EXIT_ERROR;
	}
	struct rp_buf b;
	rp_buf_init(&b, 4096);
	if (fmt == RP_FMT_JSONL)
		rp_buf_addf(&b, "{\"kind\":\"summary\",\"restored\":%" PRIu64 ",\"intact\":%" PRIu64
		    ",\"failed\":%" PRIu64 "}\n", c.done, c.intact, c.failed);
	else
		rp_buf_addf(&b, "%" PRIu64 " restored, %" PRIu64 " intact, %" PRIu64 " failed\n",
		    c.done, c.intact, c.failed);
	rp_cli_put(cli, &b);
	rp_buf_release(&b);
	return c.failed ? RP_EXIT_FOUND : RP_EXIT_CLEAN;
}

/* --unblock: lifts a --block-client drop (or all of them). 0, 1 not blocked, 2. */
int
rp_watch_cli_unblock(struct rp_cli *cli, int fmt, const char *addr, int npaths)
{
	if (npaths > 0) {
		rp_err(cli, "--unblock takes no PATH");
		return RP_EXIT_ERROR;
	}
	int r = rp_samba_unblock(addr), all = strcmp(addr, "all") == 0;
	switch (r) {
	case 0:
	case RP_ERR_NOTFOUND:
		break;
	case RP_ERR_INVALID:
		rp_err(cli, "bad --unblock '%s' (expected an IPv4 or IPv6 address, or all)", addr);
		return RP_EXIT_ERROR;
	case RP_ERR_PERM:
		rp_err(cli, "cannot change nftables: CAP_NET_ADMIN is needed (run as root)");
		return RP_EXIT_ERROR;
	default:
		rp_err(cli, "cannot unblock %s: %s", addr, rp_strerror(r));
		return RP_EXIT_ERROR;
	}
	/* addr is an address inet_pton took, or "all": nothing to escape in it */
	struct rp_buf out = RP_BUF_INIT;
	if (fmt == RP_FMT_JSONL)
		rp_buf_addf(&out, "{\"kind\":\"unblock\",\"address\":\"%s\",\"result\":\"%s\"}\n", addr,
		    r == 0 ? "unblocked" : "not-blocked");
	else if (r != 0)
		rp_buf_addf(&out, "%s was not blocked: nothing changed\n", all ? "no client" : addr);
	else if (all)
		rp_buf_addf(&out, "unblocked every client: table inet %s deleted\n", RP_SAMBA_TABLE);
	else
		rp_buf_addf(&out, "unblocked %s (table inet %s)\n", addr, RP_SAMBA_TABLE);
	if (r == 0)
		syslog(LOG_NOTICE, "watch: unblocked %s", addr);
	int ok = rp_cli_put(cli, &out) == 0 && fflush(stdout) == 0;
	rp_buf_release(&out);
	return !ok ? RP_EXIT_ERROR : r == 0 ? RP_EXIT_CLEAN : RP_EXIT_FOUND;
}
