#!/bin/sh
# Benchmark of riposte watch: per attack style the files touched before the stop,
# the files unrecoverable after --restore and the time from the first signal to the
# stop; alerts on benign workloads; overhead on a write-heavy workload with and
# without the watcher (the physical floor is the run without it).
# Usage: setsid sh bench/watch/run.sh [FILES] [RUNS]   (root; the data goes to a temp dir
# in /var/tmp; setsid: watch scores whole sessions, keep the benchmark's apart)
# The simulator's scenarios are measured under watch by bench/detection/run.sh.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
R=${RIPOSTE:-$TOP/build/riposte}
N=${1:-50}
RUNS=${2:-7}
B=$(mktemp -d /var/tmp/riposte-bench-watch.XXXXXX) || exit 2
trap 'rm -rf "$B"' EXIT
cd "$B" || exit 2

docs() {
	python3 - "$1" "$2" <<'PY'
import os, random, sys
d, n = sys.argv[1], int(sys.argv[2])
random.seed(7)
words = ("patient report invoice meeting schedule practice doctor appointment insurance "
         "claim medical record summary referral laboratory result billing").split()
os.makedirs(os.path.join(d, "sub"), exist_ok=True)
for i in range(n):
    sub = "sub" if i % 3 == 2 else ""
    with open(os.path.join(d, sub, "doc%03d.txt" % i), "w") as f:
        for _ in range(240):
            f.write(" ".join(random.choice(words) for _ in range(12)) + "\n")
PY
}
sums() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum); }
start() {  # NAME DIR [opts]
	name=$1
	shift
	"$R" watch --format jsonl --db "$B/none.db" --shadow "${SHBASE:-$B}/sh-$name" "$@" >"$B/$name.jsonl" 2>"$B/$name.err" &
	W=$!
	while ! grep -q ready "$B/$name.jsonl" 2>/dev/null; do
		kill -0 "$W" 2>/dev/null || { cat "$B/$name.err" >&2; exit 2; }
		sleep 0.05
	done
}
stop() { kill -TERM "$W"; wait "$W" 2>/dev/null; }

# the attackers of the end-to-end tests (not our simulator)
A=$TOP/tests/e2e/attackers

echo "## Attacks ($N documents of about 20 KiB each, $RUNS runs per style)"
echo
echo "| style | files touched before stop: median (max) | unrecoverable after --restore: max | first write to stop, ms: median (max) | first signal to stop, ms: median |"
echo "|---|---|---|---|---|"
for a in inplace copydelete rename intermittent fakegzip tmprename forker mmap; do
	: >"$B/$a.runs"
	k=1
	while [ $k -le "$RUNS" ]; do
		rm -rf "$B/d" "$B/sh-$a"
		docs "$B/d" "$N"
		sums "$B/d" >"$B/before"
		start "$a" "$B/d"
		case $a in forker) cmd="sh $A/forker.sh" ;; mmap) cmd="python3 $A/mapwrite.py" ;; *) cmd="python3 $A/$a.py" ;; esac
		setsid $cmd "$B/d" >/dev/null 2>&1 &
		p=$!
		i=0
		while [ $i -lt 300 ] && kill -0 $p 2>/dev/null && ! grep -q alert "$B/$a.jsonl"; do sleep 0.05; i=$((i+1)); done
		sleep 0.5
		sums "$B/d" >"$B/after"
		kill -s KILL -- -$p 2>/dev/null; kill -s KILL $p 2>/dev/null; wait $p 2>/dev/null
		stop
		touched=$(awk 'NR==FNR{a[$2]=$1;next}{b[$2]=$1}END{n=0;for(p in a)if(b[p]!=a[p])n++;print n}' "$B/before" "$B/after")
		"$R" watch --restore --shadow "$B/sh-$a" "$B/d" >/dev/null 2>&1
		sums "$B/d" >"$B/restored"
		lost=$(awk 'NR==FNR{a[$2]=$1;next}{b[$2]=$1}END{n=0;for(p in a)if(b[p]!=a[p])n++;print n}' "$B/before" "$B/restored")
		lat=$(sed -n 's/.*"latency_ms":\([0-9-]*\).*/\1/p' "$B/$a.jsonl" | head -n 1)
		fw=$(sed -n 's/.*"first_write_to_action_ms":\([0-9-]*\).*/\1/p' "$B/$a.jsonl" | head -n 1)
		echo "$touched $lost ${fw:-none} ${lat:-none}" >>"$B/$a.runs"
		k=$((k + 1))
	done
	python3 - "$a" "$B/$a.runs" <<'PY'
import statistics as st, sys
rows = [l.split() for l in open(sys.argv[2]) if l.strip()]
t = [int(r[0]) for r in rows]; lost = [int(r[1]) for r in rows]
fw = [int(r[2]) for r in rows if r[2] != "none"]; lat = [int(r[3]) for r in rows if r[3] != "none"]
miss = len(rows) - len(fw)
f = lambda v: f"{st.median(v):g} ({max(v)})" if v else "no alert"
print(f"| {sys.argv[1]} | {st.median(t):g} ({max(t)}) | {max(lost)} | {f(fw)}{f' ({miss} runs without alert)' if miss else ''} | {st.median(lat) if lat else '-'} |")
PY
done

echo
echo "## Benign workloads (alerts; goal 0)"
echo
echo "| workload | alerts |"
echo "|---|---|"
rm -rf "$B/s"
docs "$B/s/gz" "$N"; docs "$B/s/docs" "$N"; docs "$B/s/zipme" "$N"
python3 -c "
import random
random.seed(3)
with open('$B/s/big.log','w') as f:
    for i in range(200000): f.write('2026-11-22T06:%02d:%02d host sshd[%d]: session opened for user u%d\n' % (i//60%60, i%60, random.randint(100,9999), random.randint(1,50)))
"
benign() {  # NAME COMMAND...
	bn=$1; shift
	start b "$B/s"
	setsid "$@" >/dev/null 2>&1
	sleep 0.3
	stop
	echo "| $bn | $(grep -c '"kind":"alert"' "$B/b.jsonl") |"
}
benign "gzip -r" gzip -r "$B/s/gz"
benign "tar czf" tar czf "$B/s/docs.tar.gz" -C "$B/s" docs
benign "zip -r" sh -c "cd '$B/s' && zip -qr zipme.zip zipme"
benign "openssl enc (one file)" openssl enc -aes-256-cbc -pbkdf2 -pass pass:x -in "$B/s/docs/doc000.txt" -out "$B/s/docs/doc000.txt.enc"
benign "cp -r" cp -r "$B/s/docs" "$B/s/docs-copy"
benign "sqlite writer" python3 -c "
import sqlite3, os
db = sqlite3.connect('$B/s/records.db')
db.execute('create table t (id integer primary key, body text)')
for i in range(2000):
    db.execute('insert into t (body) values (?)', (os.urandom(64).hex(),))
    if i % 50 == 0: db.commit()
db.commit()"
benign "xz (12 MB log)" xz -1 -T1 "$B/s/big.log"

echo
echo "## Overhead on write-heavy workloads"
echo
echo "Runs alternate (bare, watched) $RUNS times per workload; medians and ranges of wall time."
echo "small: 1,000 new 64 KiB files, then each rewritten in place. large: 40 new 8 MiB files"
echo "written in 1 MiB chunks, then 1 MiB rewritten in the middle of each (the whole file is"
echo "copied before the first write). old: 200 files of 1 MiB written two days ago (made"
echo "before the watcher starts, not timed), then 64 KiB rewritten in each: the usual"
echo "victim. A file written in the last 30 s is copied even where reflinks exist (a clone"
echo "would first write its dirty pages out); an older one is cloned on XFS."
echo
cat >"$B/old.py" <<'PY'
import os, sys, time
d, mode = sys.argv[1], sys.argv[2]
if mode == "setup":
    os.makedirs(d, exist_ok=True)
    block = (b"patient record, referral, laboratory result; " * 23000)[:1 << 20]
    old = time.time() - 2 * 86400
    for i in range(200):
        p = os.path.join(d, "r%03d.dat" % i)
        with open(p, "wb") as f:
            f.write(block)
        os.utime(p, (old, old))
    os.sync()
    sys.exit(0)
t = time.monotonic()
for i in range(200):
    with open(os.path.join(d, "r%03d.dat" % i), "r+b") as f:
        f.seek(256 << 10)
        f.write(os.urandom(1) * 65536)
print("%.3f" % (time.monotonic() - t))
PY
cat >"$B/small.py" <<'PY'
import os, sys, time
d = sys.argv[1]
os.makedirs(d, exist_ok=True)
block = (b"practice ledger line " * 3200)[:65536]
t = time.monotonic()
for i in range(1000):
    with open(os.path.join(d, "f%04d.dat" % i), "wb") as f:
        f.write(block)
for i in range(1000):
    with open(os.path.join(d, "f%04d.dat" % i), "r+b") as f:
        f.write(block[::-1])
print("%.3f" % (time.monotonic() - t))
PY
cat >"$B/large.py" <<'PY'
import os, sys, time
d = sys.argv[1]
os.makedirs(d, exist_ok=True)
chunk = (b"practice ledger line, patient 000123, invoice 4711; " * 20200)[:1 << 20]
t = time.monotonic()
for i in range(40):
    with open(os.path.join(d, "v%02d.dat" % i), "wb") as f:
        for k in range(8):
            f.write(chunk)
for i in range(40):
    with open(os.path.join(d, "v%02d.dat" % i), "r+b") as f:
        f.seek(4 << 20)
        f.write(chunk[::-1])
print("%.3f" % (time.monotonic() - t))
PY
# overhead FS BASE: both workloads in BASE (the shadow there too)
overhead() {
	for wl in small large old; do
		: >"$B/bare.t"; : >"$B/watched.t"
		k=1
		while [ $k -le "$RUNS" ]; do
			rm -rf "$2/h"; mkdir -p "$2/h"
			[ "$wl" = old ] && python3 "$B/old.py" "$2/h/w" setup
			sync
			python3 "$B/$wl.py" "$2/h/w" run >>"$B/bare.t"
			rm -rf "$2/h" "$2/sh-heavy"; mkdir -p "$2/h"
			[ "$wl" = old ] && python3 "$B/old.py" "$2/h/w" setup
			sync
			SHBASE=$2 start heavy "$2/h"
			python3 "$B/$wl.py" "$2/h/w" run >>"$B/watched.t"
			stop
			k=$((k + 1))
		done
		python3 - "$1" "$wl" "$B/bare.t" "$B/watched.t" <<'PY'
import statistics as st, sys
fs, wl, a, b = sys.argv[1], sys.argv[2], [float(x) for x in open(sys.argv[3])], [float(x) for x in open(sys.argv[4])]
ma, mb = st.median(a), st.median(b)
print(f"| {fs} | {wl} | {ma:.3f} ({min(a):.3f}-{max(a):.3f}) | {mb:.3f} ({min(b):.3f}-{max(b):.3f}) | {(mb - ma) / ma * 100:+.0f} % |")
PY
	done
}
echo "| filesystem | workload | without watch: median (min-max) s | with watch: median (min-max) s | overhead of the medians |"
echo "|---|---|---|---|---|"
overhead "$(df --output=fstype "$B" | tail -n 1) (copies)" "$B"
# the same on XFS, whose reflinks make the copy before a write a clone
if command -v mkfs.xfs >/dev/null && truncate -s 2G "$B/xfs.img" && mkfs.xfs -q "$B/xfs.img" &&
    mkdir -p "$B/xfs" && mount -o loop "$B/xfs.img" "$B/xfs" 2>/dev/null; then
	trap 'umount "$B/xfs" 2>/dev/null; rm -rf "$B"' EXIT
	overhead "xfs, loop-mounted (clones)" "$B/xfs"
	umount "$B/xfs"
fi
