#!/bin/sh
# collect for real on this machine: artefacts, manifest that sha256sum -c verifies (and
# that catches a change), a process running a deleted executable flagged with the
# hash of what it runs, its listening socket attributed to it, a copied file's times
# unchanged, the archive, and the chain of custody in the case journal. It runs beside
# the other tests again: a file another test holds under a fanotify permission mark
# (which once made collect wait 600 s in CI) is given up on after --read-timeout and
# listed as not read (collect-held.sh), the run goes on.
. "$TOP/tests/lib.sh"

for tool in socat sha256sum sqlite3 python3 tar; do
	command -v $tool >/dev/null || { fail "$tool missing"; done_testing; }
done
pids=""
trap 'for p in $pids; do kill "$p" 2>/dev/null; done; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT

# a "dropped" binary that listens, then deletes itself from disk
port=$(( 20000 + $$ % 20000 ))
cp "$(command -v socat)" "$T/evil"
"$T/evil" "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr" /dev/null </dev/null >/dev/null 2>&1 &
evil=$!
pids="$pids $evil"
sleep 0.3
evil_sha=$(sha256sum "$T/evil" | cut -d' ' -f1)
rm "$T/evil"

# a log to copy, with old times: reading it must change none of them
printf 'Nov 22 03:12:01 host sshd[1]: Accepted password for admin from 203.0.113.9\n' >"$T/auth.log"
touch -a -d '2020-01-02 03:04:05' "$T/auth.log"
touch -m -d '2020-01-01 01:02:03' "$T/auth.log"
before=$(stat -c '%X %Y %Z' "$T/auth.log")

# an open incident case to journal into
"$RIPOSTE" case open --db "$T/r.db" --title test --discovered 2026-11-22T06:00:00Z >/dev/null ||
    fail "case open"

expect_exit "collect" 0 "$RIPOSTE" collect --out "$T/ev" --tar --copy "$T/auth.log" \
    --db "$T/r.db" --format jsonl
cp "$T/.out" "$T/collect.jsonl"
expect_grep "jsonl summary" '"kind":"summary"' "$T/collect.jsonl"
expect_eq "every line has a kind" "$(wc -l <"$T/collect.jsonl")" "$(grep -c '"kind":' "$T/collect.jsonl")"

n=$(ls "$T/ev"/*.txt | wc -l)
[ "$n" -ge 5 ] && ok "at least five artefacts ($n)" || fail "only $n artefacts"
for a in processes network logins modules mounts scheduled executables files alerts; do
	[ -s "$T/ev/$a.txt" ] && [ -s "$T/ev/$a.json" ] || fail "$a.txt/.json missing"
	python3 -m json.tool "$T/ev/$a.json" >/dev/null 2>&1 || fail "$a.json is not JSON"
done
ok "nine artefacts as .txt and valid .json"
python3 -m json.tool "$T/ev/collection.json" >/dev/null 2>&1 && ok "collection.json is JSON" || fail "collection.json"
expect_grep "collection records the command" '"command":\["riposte","collect","--out"' "$T/ev/collection.json"
expect_grep "collection records the host" "\"name\":\"$(uname -n)\"" "$T/ev/collection.json"

(cd "$T/ev" && sha256sum -c --quiet MANIFEST.sha256) >"$T/check" 2>&1 && ok "sha256sum -c verifies the manifest" || { fail "manifest"; cat "$T/check"; }
expect_eq "manifest lists every file" "$(cd "$T/ev" && find . -type f ! -name MANIFEST.sha256 | wc -l)" "$(wc -l <"$T/ev/MANIFEST.sha256")"
expect_nogrep "manifest paths are relative" "  /" "$T/ev/MANIFEST.sha256"

# the deleted executable: flagged, hashed through /proc/PID/exe
expect_grep "deleted executable flagged in text" "^$evil .*evil \[DELETED\] $evil_sha " "$T/ev/processes.txt"
python3 - "$T/ev/processes.json" "$evil" "$evil_sha" >"$T/py" 2>&1 <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
p = [i for i in d["items"] if i["pid"] == int(sys.argv[2])][0]
assert p["exe_deleted"] is True, p
assert p["exe_sha256"] == sys.argv[3], p
assert p["exe"].endswith("/evil"), p
assert p["cmdline"].startswith(p["exe"]), p
print("ok")
EOF
expect_grep "deleted executable flagged in json, with its hash" "^ok" "$T/py"
expect_grep "summary counts it" '"deleted_executables":[1-9]' "$T/collect.jsonl"

# its listening socket, with its owner
expect_grep "listener attributed to the process" "^tcp LISTEN 127.0.0.1:$port 0.0.0.0:0 uid=0 $evil/evil" "$T/ev/network.txt"

# the copied log: content identical, times kept on the copy, original's times unchanged
expect_eq "atime, mtime, ctime of the copied file unchanged" "$before" "$(stat -c '%X %Y %Z' "$T/auth.log")"
cmp -s "$T/auth.log" "$T/ev/files$T/auth.log" && ok "copy is identical" || fail "copy differs"
expect_eq "copy keeps the mtime" "$(stat -c %Y "$T/auth.log")" "$(stat -c %Y "$T/ev/files$T/auth.log")"
expect_grep "files.txt lists it" "^copied $T/auth.log " "$T/ev/files.txt"

# the manifest catches a change
cp -r "$T/ev" "$T/ev2"
echo tampered >>"$T/ev2/processes.txt"
if (cd "$T/ev2" && sha256sum -c --quiet MANIFEST.sha256) >/dev/null 2>&1; then fail "tampering not detected"; else ok "tampering detected"; fi

# the archive and its hash
(cd "$T" && sha256sum -c --quiet ev.tar.sha256) && ok "ev.tar.sha256 verifies" || fail "tar hash"
mkdir "$T/x" && tar -xf "$T/ev.tar" -C "$T/x" && ok "tar extracts" || fail "tar extract"
diff -r "$T/ev" "$T/x/ev" >/dev/null && ok "archive holds the same tree" || fail "archive differs"

# chain of custody: the journal holds the manifest's hash
mh=$(sha256sum "$T/ev/MANIFEST.sha256" | cut -d' ' -f1)
sqlite3 "$T/r.db" "SELECT kind, data FROM journal ORDER BY seq" >"$T/journal"
expect_grep "journaled with the manifest hash" "^collect|.*\"manifest_sha256\":\"$mh\"" "$T/journal"
expect_exit "the journal chain verifies" 0 "$RIPOSTE" case verify --db "$T/r.db"
expect_grep "summary has the same hash" "\"manifest_sha256\":\"$mh\"" "$T/collect.jsonl"

# errors
expect_exit "refuses a non-empty directory" 2 "$RIPOSTE" collect --out "$T/ev"
expect_grep "says why" "exists and is not empty" "$T/.err"
expect_exit "--out is required" 2 "$RIPOSTE" collect
expect_exit "unknown artefact" 2 "$RIPOSTE" collect --out "$T/e3" --only nothing
expect_exit "relative --copy refused" 2 "$RIPOSTE" collect --out "$T/e4" --copy rel.log
done_testing
