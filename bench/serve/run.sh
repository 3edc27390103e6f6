#!/bin/sh
# riposte serve under load: CONNS concurrent clients on the loopback for SECS seconds
# (wrk, keep-alive, with the session's cookie), against the Swiss reference case with
# ENTRIES journal entries. Three paths side by side in one run: /healthz (the floor:
# libmicrohttpd and our router, no page), /static/app.css (fixed bytes), / (the
# overview page, the goal: p99 <= 50 ms with 10,000 entries), and /journal (200
# entries rendered) and /api/status.
#   sh bench/serve/run.sh [SECS] [CONNS] [ENTRIES]      (defaults 30 200 10000)
# The machine is shared: the figures say what the server does beside the others' jobs.
set -eu
secs=${1:-30}
conns=${2:-200}
entries=${3:-10000}
top=$(cd "$(dirname "$0")/../.." && pwd)
R=${RIPOSTE:-$top/build/riposte}
command -v wrk >/dev/null || { echo "wrk missing (scripts/packages.d/serve.txt)"; exit 1; }
T=$(mktemp -d "${TMPDIR:-/tmp}/riposte-bench-serve.XXXXXX")
spid=""
trap '[ -n "$spid" ] && kill "$spid" 2>/dev/null; rm -rf "$T"' EXIT INT TERM
cd "$T"
export TZ=Europe/Zurich RIPOSTE_DB="$T/riposte.db" RIPOSTE_CONF="$T/riposte.conf" RIPOSTE_ACTOR=anna
cp "$top/data/examples/riposte.conf" riposte.conf
"$R" case open --title "Ransomware on the practice server" \
    --discovered "$(date -d '1 hour ago' +%Y-%m-%dT%H:%M:%S%z)" --how "ransom note" >/dev/null 2>&1
"$R" case facts --personal-data yes --health-data yes --high-risk yes --extortion yes >/dev/null
"$R" case cost add --category it --amount 18000 2>/dev/null
"$R" case cost add --category internal --amount 5000 2>/dev/null
"$R" case cost add --category legal --amount 2000 2>/dev/null
python3 "$top/bench/serve/mkjournal.py" riposte.db 1 "$entries" >/dev/null
"$R" case verify >/dev/null || { echo "the generated journal does not verify"; exit 1; }
n=$("$R" case show --format jsonl | grep -c '"kind":"entry"')

"$R" serve --listen 127.0.0.1:0 --format jsonl >serve.jsonl 2>serve.err &
spid=$!
i=0
until grep -q '"kind":"ready"' serve.jsonl 2>/dev/null; do
	i=$((i + 1)); [ $i -lt 300 ] || { cat serve.err; exit 1; }; sleep 0.1
done
url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' serve.jsonl)
login=$(sed -n 's/.*"login":"\([^"]*\)".*/\1/p' serve.jsonl)
curl -s -o /dev/null -c jar "$login"
cookie=$(awk '$6 == "riposte" { print $7 }' jar)
[ -n "$cookie" ] || { echo "no session cookie"; exit 1; }
size=$(curl -s -b "riposte=$cookie" "$url/" | wc -c)

echo "riposte serve, $(git -C "$top" rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%Y-%m-%dT%H:%MZ)"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at the start; case of $n journal entries; overview page $size bytes"
echo "wrk -t2 -c$conns -d${secs}s --latency, keep-alive, cookie of a session; serve with its defaults (4 threads)"
echo
echo "| path | requests/s | p50 | p90 | p99 | errors |"
echo "|---|---:|---:|---:|---:|---:|"
for path in /healthz /static/app.css / /journal /api/status; do
	# the previous run's 200 connections must be gone first: the server lets one
	# address hold 256 at once, and a busy machine closes them a little late (the
	# first run without this pause counted tens of thousands of read errors)
	sleep 3
	wrk -t2 -c"$conns" -d"${secs}s" --timeout 10s --latency -H "Cookie: riposte=$cookie" \
	    "$url$path" >wrk.txt 2>&1 || true
	rps=$(awk '/^Requests\/sec:/ { print $2 }' wrk.txt)
	p50=$(awk '$1 == "50%" { print $2 }' wrk.txt)
	p90=$(awk '$1 == "90%" { print $2 }' wrk.txt)
	p99=$(awk '$1 == "99%" { print $2 }' wrk.txt)
	err=$(awk '/Non-2xx|Socket errors/ { $1 = $1; printf "%s ", $0 }' wrk.txt)
	echo "| \`$path\` | $rps | $p50 | $p90 | $p99 | ${err:-0} |"
done
echo
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
kill -TERM "$spid"
wait "$spid" || true
spid=""
tail -n 1 serve.jsonl
