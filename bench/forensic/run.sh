#!/bin/sh
# Baseline and timeline benchmarks, side by side with their peers and the floor:
#   baseline first run:    riposte baseline     vs aide --init (same attributes + sha256)
#   incremental, 1 % changed: riposte baseline (re-run) and riposte diff vs aide --check
#   floor:                 cat of every byte; sha256sum of every file (same threads)
#   timeline:              riposte timeline --format body vs find -printf of the same fields
# Usage: sh bench/forensic/run.sh [FILES] (default 20000). Prints a markdown table.
# Everything lives in a temp dir removed at the end. Page cache warm for every run.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
R=${RIPOSTE:-$top/build/riposte}
N=${1:-20000}
J=$(nproc)
command -v aide >/dev/null || { echo "aide is missing (apt-get install aide)"; exit 1; }
W=$(mktemp -d "${TMPDIR:-/tmp}/rp-bench-forensic.XXXXXX")
trap 'rm -rf "$W"' EXIT
cd "$W"

# a tree like a practice's share: 100 directories, sizes 1-40 KiB, fixed seed
python3 - "$N" <<'PY'
import os, random, sys
n = int(sys.argv[1]); random.seed(42)
for i in range(n):
    d = "tree/d%03d" % (i % 100)
    os.makedirs(d, exist_ok=True)
    with open("%s/f%06d.dat" % (d, i), "wb") as f:
        f.write(random.randbytes(random.randint(1024, 40 * 1024)))
PY
bytes=$(du -sb tree | cut -f1)

cat > aide.conf <<CONF
database_in=file:$W/aide.db
database_out=file:$W/aide.db.new
database_new=file:$W/aide.db.new
gzip_dbout=no
report_url=file:$W/aide.report
num_workers=$J
Rp = p+i+n+u+g+s+m+c+sha256
$W/tree Rp
CONF

now() { date +%s.%N; }
t() {  # label command...: prints seconds
	s=$(now)
	"$@" > /dev/null 2>&1 || true
	e=$(now)
	echo "$e - $s" | bc
}
warm() { find tree -type f -print0 | xargs -0 cat > /dev/null; }

warm
floor_cat=$(t sh -c 'find tree -type f -print0 | xargs -0 cat > /dev/null')
floor_sha=$(t sh -c "find tree -type f -print0 | xargs -0 -P $J -n 500 sha256sum > /dev/null")
aide_init=$(t aide --init -c aide.conf)
mv aide.db.new aide.db
rp_init=$(t "$R" baseline --db rp.db -j "$J" tree)

# 1 % of the files changed
python3 - "$N" <<'PY'
import sys, random
n = int(sys.argv[1]); random.seed(7)
for i in random.sample(range(n), n // 100):
    with open("tree/d%03d/f%06d.dat" % (i % 100, i), "ab") as f:
        f.write(b"changed")
PY
warm
aide_check=$(t aide --check -c aide.conf)
rp_diff=$(t "$R" diff --db rp.db -j "$J" --format jsonl tree)
changes=$("$R" diff --db rp.db --format jsonl tree | tail -n 1 || true)
aide --check -c aide.conf > /dev/null 2>&1 || true
aide_changes=$(grep -m1 -i 'changed entries' aide.report || true)
rp_rerun=$(t "$R" baseline --db rp.db -j "$J" tree)

find_floor=$(t sh -c "find tree -printf '0|%p|%i|%M|%U|%G|%s|%A@|%T@|%C@|%B@\n' > /dev/null")
rp_tl=$(t "$R" timeline --format body tree)

ratio() { echo "scale=1; $1 / $2" | bc; }
echo "Tree: $N files, $bytes bytes, $J threads, warm page cache"
echo
echo "| task | riposte | peer / floor | peer ÷ riposte |"
echo "|---|---|---|---|"
echo "| first baseline (hash everything) | ${rp_init} s | aide --init ${aide_init} s | $(ratio "$aide_init" "$rp_init")× |"
echo "| incremental, 1 % changed: riposte diff | ${rp_diff} s | aide --check ${aide_check} s | $(ratio "$aide_check" "$rp_diff")× |"
echo "| incremental, 1 % changed: riposte baseline re-run | ${rp_rerun} s | aide --check ${aide_check} s | $(ratio "$aide_check" "$rp_rerun")× |"
echo "| floor: read every byte (cat) | | ${floor_cat} s | |"
echo "| floor: sha256sum every file (-P $J) | | ${floor_sha} s | $(ratio "$floor_sha" "$rp_init")× |"
echo "| timeline --format body | ${rp_tl} s | find -printf ${find_floor} s | $(ratio "$find_floor" "$rp_tl")× |"
echo
echo "riposte diff after the change: $changes"
echo "aide --check after the change: $aide_changes"
