#!/bin/sh
# What the drills page costs the server: its snapshot is rebuilt at every write to the
# store (during an incident, each journal entry), and with it the drill runs are read.
# RUNS paper drills are stored (every built-in scenario in turn), then serve runs
# TICKS seconds twice: idle (the floor: the hub's poll, a rebuild every 30 s), and with
# one write to the store per second from another process (a rebuild per second). The
# measure is the server's CPU time (utime + stime of /proc/PID/stat), which the others'
# load on the machine does not inflate the way it does wall-clock times; also the
# CPU time of one GET /drills, from RUNS runs, averaged over 200 requests.
#   sh bench/serve/drills.sh [RUNS] [TICKS]          (defaults 50 20)
#   RIPOSTE=/path/to/other/riposte sh bench/serve/drills.sh   (another build, to compare)
set -eu
runs=${1:-50}
ticks=${2:-20}
top=$(cd "$(dirname "$0")/../.." && pwd)
R=${RIPOSTE:-$top/build/riposte}
command -v sqlite3 >/dev/null || { echo "sqlite3 missing"; exit 1; }
command -v curl >/dev/null || { echo "curl missing"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/riposte-bench-drills.XXXXXX")
spid=""
trap '[ -n "$spid" ] && kill "$spid" 2>/dev/null; rm -rf "$T"' EXIT INT TERM
cd "$T"
export TZ=Europe/Zurich RIPOSTE_DB="$T/riposte.db" RIPOSTE_ACTOR=anna
unset RIPOSTE_CONF
hz=$(getconf CLK_TCK)

# every built-in scenario's best answers, as a paper exercise
for d in ransomware-night virus-to-client ceo-fraud bank-details; do
	"$R" drill show "$d" --format jsonl --lang en >"$d.jsonl"
	python3 - "$d.jsonl" "$d.txt" <<'PY'
import json, sys
out = []
for o in map(json.loads, open(sys.argv[1])):
    if o["kind"] != "inject":
        continue
    ch = o["choices"]
    out.append("%s: %s" % (o["id"], max(ch, key=lambda c: c["points"])["id"] if o["pick"] == "one"
               else ",".join(c["id"] for c in ch if c["points"] > 0)))
open(sys.argv[2], "w").write("\n".join(out) + "\n")
PY
done
i=0
while [ $i -lt "$runs" ]; do
	for d in ransomware-night virus-to-client ceo-fraud bank-details; do
		[ $i -lt "$runs" ] || break
		"$R" drill run "$d" --answers "$d.txt" --lang en --participants "run $i" >/dev/null 2>&1
		i=$((i + 1))
	done
done
sqlite3 riposte.db "CREATE TABLE IF NOT EXISTS bench_tick(x)"

"$R" serve --listen 127.0.0.1:0 --format jsonl >serve.jsonl 2>serve.err &
spid=$!
i=0
until grep -q '"kind":"ready"' serve.jsonl 2>/dev/null; do
	i=$((i + 1)); [ $i -lt 300 ] || { cat serve.err; exit 1; }; sleep 0.1
done
url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' serve.jsonl)
login=$(sed -n 's/.*"login":"\([^"]*\)".*/\1/p' serve.jsonl)
curl -s -o /dev/null -c jar "$login"
cpu() { awk -v hz="$hz" '{ printf "%d", ($14 + $15) * 1000 / hz }' "/proc/$spid/stat"; }

sleep 2
c0=$(cpu)
sleep "$ticks"
c1=$(cpu)
i=0
while [ $i -lt "$ticks" ]; do
	sqlite3 riposte.db "INSERT INTO bench_tick VALUES($i)"
	sleep 1
	i=$((i + 1))
done
sleep 1
c2=$(cpu)
i=0
while [ $i -lt 200 ]; do curl -s -o /dev/null -b jar "$url/drills"; i=$((i + 1)); done
c3=$(cpu)
curl -s -b jar "$url/drills" | grep -c '<tr id="run-' >rows.txt

echo "riposte: $R ($(cd "$top" && git rev-parse --short HEAD 2>/dev/null || echo '?'))"
echo "drill runs stored: $runs (rows on the page: $(cat rows.txt)); $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "serve CPU, idle ${ticks} s:                    $((c1 - c0)) ms"
echo "serve CPU, ${ticks} s with a write per second:  $((c2 - c1)) ms (a rebuild each: $(((c2 - c1 - (c1 - c0)) / ticks)) ms per rebuild above idle)"
echo "serve CPU, 200 GET /drills:              $((c3 - c2)) ms ($(((c3 - c2) * 1000 / 200)) us per page)"
