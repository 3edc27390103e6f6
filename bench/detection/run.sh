#!/bin/sh
# Detection benchmark: every `riposte simulate` scenario RUNS times (default 5) on
# FILES generated documents (default 40), then `riposte scan --format jsonl` over the
# drill directory after the fact. Prints a markdown table per scenario and appends one
# JSONL record per run to bench/results/detection.jsonl.
#
#   sh bench/detection/run.sh [RUNS] [FILES]      (RIPOSTE=path overrides the binary)
#
# Columns: files touched by the attacker before it stopped (median, max); files left
# unrecoverable without the drill's keys (content differs from the manifest); time
# from the first write to the stop (no watcher yet: the end of the attack); files the
# the scan flagged (encrypted, partial or note; the drill's own state dir excluded),
# split into files the scenario changed or created and documents it left untouched
# (a flag on those is a false positive of the scan on a valid document); runs in
# which a changed or new file was flagged (for benign scenarios: a false positive,
# except user-encrypt's one really encrypted file).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
RIPOSTE=${RIPOSTE:-$top/build/riposte}
runs=${1:-5}
files=${2:-40}
jsonl=$top/bench/results/detection.jsonl
tmp=$(mktemp -d "${TMPDIR:-/tmp}/riposte-bench.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export RIPOSTE_NO_PROGRESS=1

# ---- HOOK: riposte watch (real time) -------------------------------------------
# `riposte watch` is written in parallel. When `riposte watch --help` works this hook
# runs each attack under it: watch is started on the drill directory, the attack runs,
# simulate reports "stopped"/"killed after N files", and the same columns are filled
# from that run. Adjust the watch options here when the command lands.
watch_available() { "$RIPOSTE" watch --help >/dev/null 2>&1; }
run_with_watch() {  # SCENARIO DIR OUT
	"$RIPOSTE" watch --format jsonl "$2" >"$3.watch" 2>&1 &
	wpid=$!
	sleep 1
	"$RIPOSTE" simulate --scenario "$1" --dir "$2" --files "$files" --seed "$seed" \
	    --format jsonl >"$3" 2>/dev/null || true
	kill "$wpid" 2>/dev/null || true
	wait "$wpid" 2>/dev/null || true
}
# ---------------------------------------------------------------------------------

modes="scan"
if watch_available; then modes="scan watch"; fi
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
: >"$tmp/records"
for mode in $modes; do
for s in $("$RIPOSTE" simulate --list --format csv | tail -n +2 | cut -d, -f1); do
	i=1
	while [ "$i" -le "$runs" ]; do
		seed=$i
		d=$tmp/drill
		rm -rf "$d"
		rate=""
		[ "$s" = slow ] && [ "$mode" = scan ] && rate="--rate 200"   # after the fact, pace does not matter
		if [ "$mode" = watch ]; then
			mkdir -p "$d"
			rmdir "$d"
			run_with_watch "$s" "$d" "$tmp/sim.jsonl"
		else
			"$RIPOSTE" simulate --scenario "$s" --dir "$d" --files "$files" --seed "$seed" \
			    $rate --format jsonl >"$tmp/sim.jsonl" 2>"$tmp/sim.err" || true
		fi
		(cd "$d" && sha256sum -c .riposte-sim/manifest.sha256 2>/dev/null || true) >"$tmp/check"
		damaged=$(grep -vc ': OK$' "$tmp/check" || true)
		sed -n 's/: OK$//p' "$tmp/check" >"$tmp/intact"
		"$RIPOSTE" scan --format jsonl "$d" >"$tmp/scan.jsonl" 2>/dev/null || true
		python3 - "$s" "$mode" "$i" "$damaged" "$tmp/sim.jsonl" "$tmp/scan.jsonl" "$tmp/intact" "$d" >>"$tmp/records" <<'PY'
import json, sys
s, mode, run, damaged, simf, scanf, intactf, d = sys.argv[1:]
intact = {d + "/" + l.rstrip("\n") for l in open(intactf)}
sim = [json.loads(l) for l in open(simf) if l.strip()]
summ = [x for x in sim if x.get("kind") == "summary"]
summ = summ[-1] if summ else {}
flagged = flagged_intact = 0
for l in open(scanf):
    x = json.loads(l)
    if x.get("kind") == "file" and "/.riposte-sim/" not in x.get("path", "") \
            and x.get("verdict") in ("encrypted", "partial", "note"):
        if x["path"] in intact:
            flagged_intact += 1
        else:
            flagged += 1
print(json.dumps({"kind": "run", "scenario": s, "benign": summ.get("benign"), "mode": mode,
    "run": int(run), "files": summ.get("files"), "files_attacked": summ.get("files_attacked"),
    "outcome": summ.get("outcome"), "started": summ.get("started"),
    "first_write": summ.get("first_write"), "stopped_at": summ.get("ended"),
    "first_write_to_stop_ms": summ.get("first_write_to_end_ms"),
    "files_unrecoverable": int(damaged), "scan_flagged": flagged,
    "scan_flagged_intact": flagged_intact}))
PY
		"$RIPOSTE" simulate --restore "$d" >/dev/null 2>&1 || echo "restore failed: $s run $i" >&2
		i=$((i + 1))
	done
done
done
cat "$tmp/records" >>"$jsonl"

python3 - "$tmp/records" "$runs" "$files" "$started" <<'PY'
import json, sys, statistics as st
recs = [json.loads(l) for l in open(sys.argv[1])]
runs, files, started = sys.argv[2], sys.argv[3], sys.argv[4]
def med(v): return st.median(v) if v else 0
for mode in sorted({r["mode"] for r in recs}, key=lambda m: m != "scan"):
    print(f"\n### {'after the fact: riposte scan' if mode == 'scan' else 'real time: riposte watch'}"
          f" ({runs} runs per scenario, {files} files)\n")
    print("| scenario | kind | files touched (median / max) | unrecoverable (median / max) "
          "| first write → stop, ms (median) | scan flagged: changed or new files (median) "
          "| runs flagged | scan flagged: untouched documents (median) |")
    print("|---|---|---|---|---|---|---|---|")
    seen = []
    for r in recs:
        if r["mode"] == mode and r["scenario"] not in seen:
            seen.append(r["scenario"])
    for s in seen:
        rs = [r for r in recs if r["mode"] == mode and r["scenario"] == s]
        t = [r["files_attacked"] or 0 for r in rs]
        u = [r["files_unrecoverable"] for r in rs]
        ms = [r["first_write_to_stop_ms"] or 0 for r in rs]
        fl = [r["scan_flagged"] for r in rs]
        fi = [r["scan_flagged_intact"] for r in rs]
        benign = rs[0]["benign"]
        hit = sum(1 for f in fl if f > 0)
        mark = (f"{hit}/{len(rs)} (false positive)" if hit else f"0/{len(rs)}") if benign else f"{hit}/{len(rs)}"
        print(f"| {s} | {'benign' if benign else 'attack'} | {med(t):g} / {max(t)} | {med(u):g} / {max(u)} "
              f"| {med(ms):g} | {med(fl):g} | {mark} | {med(fi):g} |")
PY
