#!/bin/sh
# collect beside a file nobody may open: a process runs an executable (a copy in $T),
# and a helper holds a fanotify permission mark on it and on a log, and never answers,
# as a hung on-access scanner would. Before, collect waited in open(/proc/PID/exe) for
# good (CI: 600 s beside the watch tests, whose paused watcher held their trees). Now it
# must finish within its bound, list both files as not read and why, leave their times
# alone, and have collected everything else, verifiably.
. "$TOP/tests/lib.sh"

[ "$(id -u)" = 0 ] || skip "fanotify permission marks need root (CAP_SYS_ADMIN)"
for tool in sha256sum timeout; do
	command -v $tool >/dev/null || { fail "$tool missing"; done_testing; }
done
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
pids=""
# the helper first: its exit allows the opens that still wait on its marks
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT

sleepbin=$(command -v sleep)
cp "$sleepbin" "$T/held"
cp "$sleepbin" "$T/free"
"$T/held" 600 </dev/null >/dev/null 2>&1 &
held=$!
"$T/free" 600 </dev/null >/dev/null 2>&1 &
free=$!
pids="$pids $held $free"
printf 'Nov 22 03:12:01 host sshd[1]: Accepted password for admin from 203.0.113.9\n' >"$T/held.log"
cp "$T/held.log" "$T/free.log"
touch -a -d '2020-01-02 03:04:05' "$T/held.log"
touch -m -d '2020-01-01 01:02:03' "$T/held.log"
before_exe=$(stat -c '%X %Y %Z' "$T/held")
before_log=$(stat -c '%X %Y %Z' "$T/held.log")
free_sha=$(sha256sum "$T/free" | cut -d' ' -f1)

"$PY" "$TOP/tests/e2e/fanotify-hold.py" "$T/ready" "$T/held" "$T/held.log" 2>"$T/hold.err" &
pids="$! $pids"
i=0
while [ ! -s "$T/ready" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
if [ ! -s "$T/ready" ]; then
	grep -q "fanotify_init" "$T/hold.err" && skip "no fanotify here: $(cat "$T/hold.err")"
	fail "the holding helper did not start"; cat "$T/hold.err"; done_testing
fi
# the hold works: an open of the file waits
if timeout 2 cat "$T/held.log" >/dev/null 2>&1; then fail "the mark does not hold opens"; done_testing; fi
ok "an open of the held file waits"

# the bound: the default wait is 5 s per file; three reads time out (the executable from
# /proc, the log, the executable again in the walk of /tmp; the other files
# of $T are not tried): 15 s of waits; the walk of /tmp and /var/tmp takes the rest
# (about 20-50 s on a loaded machine with 200,000 files there). The old collect waits
# until timeout kills it.
start=$(date +%s)
timeout -s KILL 300 "$RIPOSTE" collect --out "$T/ev" --copy "$T/held.log" --copy "$T/free.log" \
    --db "$T/none.db" --format jsonl >"$T/out" 2>"$T/err"
st=$?
took=$(( $(date +%s) - start ))
expect_eq "collect finishes, exit 0 (took ${took} s)" 0 "$st"
[ "$st" -eq 137 ] && { echo "  collect was killed after 300 s: it waited on the held file"; done_testing; }
ps -eo args | grep -F "collect --out $T/ev" | grep -v grep >"$T/left"
expect_eq "no reading process left behind" "" "$(cat "$T/left")"

# the held executable: listed, no hash, the reason
note='not read: waited more than 5 s (a permission listener or a hung mount may hold it)'
expect_grep "processes.txt says the executable was not read, and why" \
    "^$held .*/held - .*\[exe $note\]" "$T/ev/processes.txt"
"$PY" - "$T/ev/processes.json" "$held" "$free" "$free_sha" "$note" >"$T/py" 2>&1 <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
by = {i["pid"]: i for i in d["items"]}
h, f = by[int(sys.argv[2])], by[int(sys.argv[3])]
assert h["exe"].endswith("/held") and h["exe_sha256"] is None, h
assert h["exe_note"] == sys.argv[5], h
assert h["cmdline"].endswith("held 600"), h
assert f["exe_sha256"] == sys.argv[4] and "exe_note" not in f, f
assert len(d["items"]) > 5, len(d["items"])
print("ok")
EOF
expect_grep "processes.json: null hash with the note; the free copy hashed" "^ok" "$T/py"

# the held log: not copied, why; the free one copied
expect_grep "files.txt: the held log not copied, why" \
    "^NOT-COPIED $T/held.log (asked for): $note" "$T/ev/files.txt"
expect_grep "files.txt: the free log copied" "^copied $T/free.log " "$T/ev/files.txt"
[ -e "$T/ev/files$T/held.log" ] && fail "a copy of the held log exists" || ok "no copy of the held log"

# the executables walk of /tmp: the held file listed, not read (or not tried after)
expect_grep "executables.txt lists the held file as not read" \
    "^$T/held .* sha256 -  \[not read: " "$T/ev/executables.txt"

# everything else collected, verifiably
for a in processes network logins modules mounts scheduled executables files alerts; do
	[ -s "$T/ev/$a.txt" ] && [ -s "$T/ev/$a.json" ] || fail "$a.txt/.json missing"
	"$PY" -m json.tool "$T/ev/$a.json" >/dev/null 2>&1 || fail "$a.json is not JSON"
done
ok "nine artefacts as .txt and valid .json"
(cd "$T/ev" && sha256sum -c --quiet MANIFEST.sha256) >"$T/check" 2>&1 &&
    ok "sha256sum -c verifies the manifest" || { fail "manifest"; cat "$T/check"; }
expect_grep "summary counts the files not read" '"kind":"summary".*"not_read":\([2-9]\|[1-9][0-9]\)' "$T/out"
expect_grep "collection.json too" '"not_read":\([2-9]\|[1-9][0-9]\)[0-9]*,"read_timeouts":[1-9]' "$T/ev/collection.json"

# nothing read, nothing moved
expect_eq "the held executable's times unchanged" "$before_exe" "$(stat -c '%X %Y %Z' "$T/held")"
expect_eq "the held log's times unchanged" "$before_log" "$(stat -c '%X %Y %Z' "$T/held.log")"

# text output says it to the person at the keyboard
timeout -s KILL 90 "$RIPOSTE" collect --out "$T/ev2" --only processes --read-timeout 1 \
    --db "$T/none.db" >"$T/out2" 2>"$T/err2"
expect_eq "--read-timeout 1: exit 0" 0 "$?"
expect_grep "text output warns" "^WARNING: [1-9][0-9]* files not read within 1 s each" "$T/out2"
expect_grep "the note says 1 s" "\[exe not read: waited more than 1 s " "$T/ev2/processes.txt"
expect_exit "--read-timeout 0 refused" 2 "$RIPOSTE" collect --out "$T/ev3" --read-timeout 0
done_testing
