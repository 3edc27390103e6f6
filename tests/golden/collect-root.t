# collect from a mounted image (--root): crontabs and timers (scheduled), copies with
# their times (files), utmp/wtmp logins, a dropped ELF without an x bit in /tmp
# (executables); text and jsonl.
export RIPOSTE_NOW=2026-11-22T06:59:00Z TZ=UTC
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
r=$d/root
mkdir -p "$r/etc/cron.d" "$r/var/spool/cron/crontabs" "$r/etc/systemd/system" \
    "$r/var/log" "$r/var/run" "$r/tmp/.x" "$r/usr/bin" proc
printf 'cpu 1\nbtime 1795300000\n' >proc/stat
printf 'SHELL=/bin/sh\n# m h dom mon dow user command\n17 * * * * root cd / && run-parts --report /etc/cron.hourly\n' >"$r/etc/crontab"
printf '*/5 * * * * root /tmp/.x/payload >/dev/null 2>&1\n' >"$r/etc/cron.d/0update"
printf '@reboot /tmp/.x/payload\n' >"$r/var/spool/cron/crontabs/www-data"
printf '[Unit]\nDescription=x\n[Timer]\nOnBootSec=1min\nOnUnitActiveSec=10min\nUnit=sync.service\n' >"$r/etc/systemd/system/sync.timer"
printf 'Nov 22 03:12:01 srv sshd[812]: Accepted password for admin from 203.0.113.9 port 50022 ssh2\n' >"$r/var/log/auth.log"
printf '\177ELF\002\001\001\000payload' >"$r/tmp/.x/payload"
chmod 0644 "$r/tmp/.x/payload"
printf '#!/bin/sh\necho old\n' >"$r/usr/bin/old-tool"
chmod 0755 "$r/usr/bin/old-tool"
python3 - "$r" <<'PY'
import struct, sys
def rec(t, pid, line, user, host, sec):
    return struct.pack('<hhi32s4s32s256shhiii4i20s', t, 0, pid, line.encode(), b'', user.encode(),
                       host.encode(), 0, 0, 0, sec, 0, 0, 0, 0, 0, b'')
root = sys.argv[1]
open(root + '/var/run/utmp', 'wb').write(rec(7, 812, 'pts/0', 'admin', '203.0.113.9', 1795317121))
open(root + '/var/log/wtmp', 'wb').write(
    rec(2, 0, '~', 'reboot', '6.1.0', 1795300000) +
    rec(7, 700, 'pts/0', 'it-provider', '192.168.1.10', 1795310000) +
    rec(8, 700, 'pts/0', '', '', 1795313600) +
    rec(7, 812, 'pts/0', 'admin', '203.0.113.9', 1795317121))
PY
for f in "$r/etc/crontab" "$r/etc/cron.d/0update" "$r/var/spool/cron/crontabs/www-data" \
    "$r/etc/systemd/system/sync.timer" "$r/var/log/auth.log"; do
	touch -m -d '2026-11-20 10:00:00Z' "$f"
	touch -a -d '2026-11-21 10:00:00Z' "$f"
done
touch -d '2026-11-22 03:10:00Z' "$r/tmp/.x/payload"
touch -d '2025-01-01 00:00:00Z' "$r/usr/bin/old-tool"
before=$(stat -c '%X %Y' "$r/var/log/auth.log")

PATH=/usr/bin:/bin $RIPOSTE collect --root "$r" --proc "$d/proc" --only logins,scheduled,files,executables --out ev |
    sed 's/[0-9a-f]\{64\}/HASH/'
echo "exit $?"
for f in logins scheduled files executables; do
	echo "== $f.txt"
	# ctimes are when this test made the files: not reproducible
	sed "s|$d|DIR|g; s/ctime [0-9][0-9TZ:-]*/ctime CTIME/" "ev/$f.txt"
	echo "== $f.json"
	sed "s|$d|DIR|g; s/\"ctime\":\"[0-9TZ:-]*\"/\"ctime\":\"CTIME\"/" "ev/$f.json"
done
echo "== copies"
(cd ev && find files -type f | sort)
[ "$before" = "$(stat -c '%X %Y' "$r/var/log/auth.log")" ] && echo "auth.log times unchanged"
(cd ev && sha256sum -c --quiet MANIFEST.sha256 && echo "manifest verifies")
$RIPOSTE collect --root "$r" --proc "$d/proc" --only scheduled --out ev2 --format jsonl | sed 's/[0-9a-f]\{64\}/HASH/g'
echo "exit $?"
