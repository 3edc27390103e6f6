/*
 * no-time-sync (live). Without asking systemd (PID 1 may be something else: a
 * container's init, sysvinit), two things are checked that hold whatever started the
 * client: a process of a known NTP client runs (/proc/PID/comm: systemd-timesyncd,
 * chronyd, ntpd of ntpsec, classic ntp or OpenNTPD, ptp4l/phc2sys, timemaster), and
 * the kernel's clock status (adjtimex(2) with no mode: read only) says whether a
 * client has disciplined the clock (STA_UNSYNC clear; the kernel sets it again when
 * no client has for a while). A finding needs both to say no; one alone is a note.
 */
#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/timex.h>

#include "core/err.h"
#include "harden/checks.h"
#include "respond/proc.h"

static const char *const clients[] = {
	"systemd-timesyn",        /* comm is cut to 15 bytes: systemd-timesyncd */
	"chronyd", "ntpd", "openntpd", "ptp4l", "phc2sys", "timemaster",
};

/* The first NTP client process found: its name into out, 1; or 0. */
static int
client_running(const char *proc, char *out, size_t cap)
{
	struct rp_buf b = RP_BUF_INIT;
	struct dirent *de;
	DIR *d;
	int found = 0;

	if ((d = opendir(proc)) == NULL)
		return 0;
	while (!found && (de = readdir(d)) != NULL) {
		size_t i, k;
		long pid;

		if (!isdigit((unsigned char)de->d_name[0]))
			continue;
		pid = strtol(de->d_name, NULL, 10);
		if (rp_proc_read(proc, (int)pid, "comm", &b) != 0)
			continue;
		k = b.len;
		while (k > 0 && b.buf[k - 1] == '\n')
			k--;
		for (i = 0; i < sizeof(clients) / sizeof(clients[0]); i++) {
			if (strlen(clients[i]) == k && memcmp(b.buf, clients[i], k) == 0) {
				snprintf(out, cap, "%s (pid %ld)", strcmp(clients[i], "systemd-timesyn") ?
				    clients[i] : "systemd-timesyncd", pid);
				found = 1;
				break;
			}
		}
	}
	closedir(d);
	rp_buf_release(&b);
	return found;
}

int
rp_h_timesync(struct rp_hrun *run)
{
	struct timex tx;
	char who[64];
	int st, running, synced;

	if (!run->live)
		return rp_h_skip(run, "no-time-sync", "needs the live system (running processes, "
		    "the kernel clock)");
	memset(&tx, 0, sizeof(tx));   /* modes 0: read only */
	st = adjtimex(&tx);
	synced = st >= 0 && st != TIME_ERROR && !(tx.status & STA_UNSYNC);
	running = client_running(run->proc, who, sizeof(who));
	if (running && !synced)
		return rp_h_note(run, NULL, 0, "time: an NTP client runs but the kernel clock is not "
		    "synchronised yet");
	if (!running && synced)
		return rp_h_note(run, NULL, 0, "time: no NTP client process seen, but the kernel "
		    "clock was synchronised recently");
	if (running)
		return 0;
	return rp_h_find(run, "no-time-sync", -1, NULL, NULL, 0, "no NTP client runs (no "
	    "systemd-timesyncd, chronyd or ntpd process in /proc) and the kernel clock is not "
	    "synchronised (adjtimex: STA_UNSYNC, max error %ld us)", (long)tx.maxerror);
}
