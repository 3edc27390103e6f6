#!/bin/sh
# Detection benchmark: every `riposte simulate` scenario RUNS times (default 5) on
# FILES generated documents (default 40), in two passes: `riposte scan --format jsonl`
# over the drill directory after the fact, and the attack under `riposte watch` in real
# time (root; TMPDIR on ext4/XFS/btrfs: /var/tmp, not a tmpfs /tmp). Prints a markdown
# table per pass and appends one JSONL record per run to bench/results/detection.jsonl.
#
#   TMPDIR=/var/tmp setsid sh bench/detection/run.sh [RUNS] [FILES]
#   (setsid: watch scores whole sessions; the benchmark's own session stays apart)
#   (RIPOSTE=path overrides the binary; MODES="scan watch watch-nonote watch-backup"
#    chooses the passes - watch-nonote: the attacks again under watch with
#    `simulate --no-note`; watch-backup: real backup tools over canaries, below;
#    BACKUPS="tar rsync cp-a borg-style av-scan" only those;
#    SCENARIOS="inplace gzip" only those; SLOW_RATE_WATCH=30/min the pace of 'slow'
#    under watch; SIM_TIMEOUT=300 seconds before a drill counts as hung)
#
# Scan pass columns: files touched by the attacker (median, max; nothing stops it, so
# every file); files left unrecoverable without the drill's keys (content differs from
# the manifest); time from the first write to the end of the attack; files the scan
# flagged (encrypted, partial or note; the drill's own state dir excluded), split into
# files the scenario changed or created and documents it left untouched (a flag on
# those is a false positive of the scan on a valid document); runs in which a changed
# or new file was flagged (for benign scenarios: a false positive, except
# user-encrypt's one really encrypted file).
#
# Watch pass columns: the drill's outcome (stopped, killed, finished; hung when it did
# not end within SIM_TIMEOUT); files the attacker finished (simulate's count); files
# touched according to watch's alert (files_touched); files unrecoverable = manifest
# mismatches after `riposte watch --restore` (zero loss means 0); time from the
# attacker's first write (simulate's first_write) to watch's action_time, in ms; runs
# in which watch alerted (on a benign scenario: a false alert). Every attack scenario
# writes its ransom notes before the first file; the watch-nonote pass runs the
# attacks without them, so that watch has to see the encryption itself.
#
# Watch-backup pass: the tools that read every file, canaries included, under watch
# (benign: none may be stopped or alerted on). Per tool and run, the drill's documents
# are prepared, `riposte canary deploy` places canaries in every directory of them,
# watch starts, and the tool runs in a session of its own: tar czf, rsync -a and cp -a
# copying the tree out of it, a borg-style chunking backup (compressed, encrypted chunks
# into a repository outside the tree: tests/e2e/benign/chunker.py), an antivirus-like
# reader (read() and a read-only mapping of every file: tests/e2e/benign/avscan.py).
# Columns: the tool's outcome (finished, or stopped: a false stop), runs alerted,
# canary reads noted, canaries in the tree, the tool's run time, files unrecoverable.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
RIPOSTE=${RIPOSTE:-$top/build/riposte}
runs=${1:-5}
files=${2:-40}
jsonl=${JSONL:-$top/bench/results/detection.jsonl}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/riposte-bench.XXXXXX")
wpid=
trap '[ -n "$wpid" ] && kill -TERM "$wpid" 2>/dev/null; rm -rf "$tmp"' EXIT
export RIPOSTE_NO_PROGRESS=1

# ---- the real-time pass: riposte watch ---------------------------------------------
# Per scenario and run: `simulate --prepare` generates the documents, `riposte watch`
# starts on the prepared directory (its own shadow, no database), and once it says
# {"kind":"ready"} the attack runs (simulate's attacker runs in a session of its own,
# as a dropped binary would). Then: files unrecoverable = manifest mismatches after
# `riposte watch --restore` (before the drill's own restore), the stopped attacker is
# killed, watch gets SIGTERM, and `simulate --restore` cleans up. Needs root and a
# TMPDIR on a filesystem with fanotify permission events (ext4, XFS, btrfs; not tmpfs).
watch_available() {
	"$RIPOSTE" watch --help >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] &&
	    "$RIPOSTE" watch --check "$tmp" >/dev/null 2>&1
}
SLOW_RATE_WATCH=${SLOW_RATE_WATCH:-30/min}   # 'slow' is 1/min by default: 40 minutes a run
SIM_TIMEOUT=${SIM_TIMEOUT:-300}
run_with_watch() {  # SCENARIO DIR RATE...
	s=$1 d=$2
	shift 2
	rm -rf "$tmp/shadow" "$tmp/watch.jsonl" "$tmp/wrestore.jsonl"
	: >"$tmp/sim.jsonl"
	: >"$tmp/watch.jsonl"
	: >"$tmp/wrestore.jsonl"
	"$RIPOSTE" simulate --prepare --dir "$d" --files "$files" --seed "$seed" --format jsonl \
	    >"$tmp/prep.jsonl" 2>"$tmp/sim.err" || { echo "prepare failed: $s run $i" >&2; return 1; }
	"$RIPOSTE" watch --format jsonl --shadow "$tmp/shadow" --db "$tmp/none.db" "$d" \
	    >"$tmp/watch.jsonl" 2>"$tmp/watch.err" &
	wpid=$!
	n=0
	while ! grep -q '"kind":"ready"' "$tmp/watch.jsonl" 2>/dev/null; do
		if ! kill -0 "$wpid" 2>/dev/null || [ "$n" -ge 600 ]; then
			echo "watch did not get ready: $s run $i: $(cat "$tmp/watch.err")" >&2
			kill -TERM "$wpid" 2>/dev/null || true
			wait "$wpid" 2>/dev/null || true
			return 1
		fi
		sleep 0.05
		n=$((n + 1))
	done
	timeout -k 5 "$SIM_TIMEOUT" "$RIPOSTE" simulate --scenario "$s" --dir "$d" "$@" --format jsonl \
	    >"$tmp/sim.jsonl" 2>>"$tmp/sim.err" || true
	sleep 0.2                     # the alert line is written right after the stop
	# the documents' folders only: the drill's own state (.riposte-sim) stays as the
	# attack left it, for the drill's restore
	tops=$(sed "s/^[0-9a-f]*  //; s|/.*||; s|^|$d/|" "$d/.riposte-sim/manifest.sha256" | sort -u)
	"$RIPOSTE" watch --restore --shadow "$tmp/shadow" --format jsonl $tops \
	    >"$tmp/wrestore.jsonl" 2>>"$tmp/watch.err" || true
	(cd "$d" && sha256sum -c .riposte-sim/manifest.sha256 2>/dev/null || true) >"$tmp/check"
	apid=$(cat "$d/.riposte-sim/pid" 2>/dev/null || echo 0)
	if [ "$apid" -gt 1 ] && kill -0 "$apid" 2>/dev/null; then
		kill -KILL "-$apid" 2>/dev/null || kill -KILL "$apid" 2>/dev/null || true
		n=0
		while kill -0 "$apid" 2>/dev/null && [ "$n" -lt 100 ]; do sleep 0.02; n=$((n + 1)); done
	fi
	kill -TERM "$wpid" 2>/dev/null || true
	wait "$wpid" 2>/dev/null || true
	wpid=
	return 0
}
# ---------------------------------------------------------------------------------

# ---- the backups over canaries: real tools under watch ----------------------------
backup_run() {  # TOOL RUN
	t=$1 i=$2 d=$tmp/drill o=$tmp/backup-out
	rm -rf "$d" "$o" "$tmp/shadow"
	mkdir -p "$o"
	: >"$tmp/watch.jsonl"
	"$RIPOSTE" simulate --prepare --dir "$d" --files "$files" --seed "$i" --format jsonl \
	    >"$tmp/prep.jsonl" 2>"$tmp/sim.err" || { echo "prepare failed: $t run $i" >&2; return 1; }
	# canaries in every directory of the documents (the drill's state aside)
	find "$d" -type d ! -path '*/.riposte-sim*' -exec "$RIPOSTE" canary deploy {} + >/dev/null
	ncan=$(find "$d" -type f \( -name '!Accounts-2026.csv' -o -name '~Payroll-archive.csv' \) | wc -l)
	"$RIPOSTE" watch --format jsonl --shadow "$tmp/shadow" --db "$tmp/none.db" "$d" \
	    >"$tmp/watch.jsonl" 2>"$tmp/watch.err" &
	wpid=$!
	n=0
	while ! grep -q '"kind":"ready"' "$tmp/watch.jsonl" 2>/dev/null; do
		if ! kill -0 "$wpid" 2>/dev/null || [ "$n" -ge 600 ]; then
			echo "watch did not get ready: $t run $i: $(cat "$tmp/watch.err")" >&2
			kill -TERM "$wpid" 2>/dev/null || true
			wait "$wpid" 2>/dev/null || true
			wpid=
			return 1
		fi
		sleep 0.05
		n=$((n + 1))
	done
	case $t in
	tar) set -- tar czf "$o/share.tgz" -C "$d" . ;;
	rsync) set -- rsync -a "$d/" "$o/rsync/" ;;
	cp-a) set -- cp -a "$d" "$o/cp" ;;
	borg-style) set -- python3 "$top/tests/e2e/benign/chunker.py" "$d" "$o/repo" ;;
	av-scan) set -- python3 "$top/tests/e2e/benign/avscan.py" "$d" ;;
	*) echo "unknown backup tool: $t" >&2; return 1 ;;
	esac
	t0=$(date +%s%N)
	setsid "$@" >"$tmp/tool.out" 2>&1 &
	tpid=$!
	outcome=finished
	# until it ends, or is stopped (a false stop), at most SIM_TIMEOUT
	n=0
	while kill -0 "$tpid" 2>/dev/null; do
		st=$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "/proc/$tpid/status" 2>/dev/null)
		[ "$st" = T ] && { outcome=stopped; break; }
		[ "$st" = Z ] && break
		[ "$n" -ge $((SIM_TIMEOUT * 50)) ] && { outcome=hung; break; }
		sleep 0.02
		n=$((n + 1))
	done
	t1=$(date +%s%N)
	[ "$outcome" = finished ] || kill -KILL "$tpid" 2>/dev/null || true
	wait "$tpid" 2>/dev/null && rc=0 || rc=$?
	[ "$outcome" = finished ] && [ "$rc" -ne 0 ] && outcome="exit $rc"
	sleep 0.2
	kill -TERM "$wpid" 2>/dev/null || true
	wait "$wpid" 2>/dev/null || true
	wpid=
	(cd "$d" && sha256sum -c .riposte-sim/manifest.sha256 2>/dev/null || true) >"$tmp/check"
	damaged=$(grep -vc ': OK$' "$tmp/check" || true)
	python3 - "$t" "$i" "$outcome" "$(( (t1 - t0) / 1000000 ))" "$damaged" "$ncan" \
	    "$tmp/watch.jsonl" <<'PY'
import json, sys
t, run, outcome, ms, damaged, ncan, wf = sys.argv[1:]
w = [json.loads(l) for l in open(wf) if l.strip()]
alerts = [x for x in w if x.get("kind") == "alert"]
print(json.dumps({"kind": "run", "scenario": t, "benign": True, "mode": "watch-backup",
    "run": int(run), "outcome": outcome, "tool_ms": int(ms), "alerted": bool(alerts),
    "alerts": len(alerts), "alert_signals": alerts[0].get("signals") if alerts else None,
    "canary_reads": sum(1 for x in w if x.get("kind") == "canary-read"),
    "canaries": int(ncan), "files_unrecoverable": int(damaged)}))
PY
}
# ---------------------------------------------------------------------------------

modes=${MODES:-scan watch watch-nonote watch-backup}
case " $modes " in *" watch"*)
	if ! watch_available; then
		echo "riposte watch unavailable here (needs root, fanotify permission events on TMPDIR's filesystem): scan pass only" >&2
		modes=$(echo "$modes" | tr ' ' '\n' | grep -v '^watch' | tr '\n' ' ')
	fi
esac
benign=" $("$RIPOSTE" simulate --list --format csv | grep '^[^,]*,true,' | cut -d, -f1 | tr '\n' ' ') "
started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
: >"$tmp/records"
for mode in $modes; do
if [ "$mode" = watch-backup ]; then
	for t in ${BACKUPS:-tar rsync cp-a borg-style av-scan}; do
		i=1
		while [ "$i" -le "$runs" ]; do
			backup_run "$t" "$i" >>"$tmp/records" || true
			rm -rf "$tmp/drill" "$tmp/backup-out"
			i=$((i + 1))
		done
	done
	continue
fi
for s in ${SCENARIOS:-$("$RIPOSTE" simulate --list --format csv | tail -n +2 | cut -d, -f1)}; do
	i=1
	while [ "$i" -le "$runs" ]; do
		seed=$i
		d=$tmp/drill
		rm -rf "$d"
		rate=""
		[ "$s" = slow ] && [ "$mode" = scan ] && rate="--rate 200"   # after the fact, pace does not matter
		if [ "$mode" != scan ]; then
			[ "$s" = slow ] && rate="--rate $SLOW_RATE_WATCH"
			nonote=""
			if [ "$mode" = watch-nonote ]; then
				# the attacks without ransom notes: benign ones write none anyway
				case "$benign" in *" $s "*) break ;; esac
				[ "$s" = note-only ] && break
				nonote=--no-note
			fi
			if run_with_watch "$s" "$d" $rate $nonote; then
				damaged=$(grep -vc ': OK$' "$tmp/check" || true)
				python3 "$top/bench/detection/record.py" "$s" "$i" "$damaged" "$tmp/sim.jsonl" \
				    "$tmp/watch.jsonl" "$tmp/wrestore.jsonl" "$d" "$rate" "$mode" >>"$tmp/records"
			fi
			"$RIPOSTE" simulate --restore "$d" >/dev/null 2>&1 || echo "restore failed: $s run $i (watch)" >&2
			i=$((i + 1))
			continue
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

python3 "$top/bench/detection/table.py" "$tmp/records" "$runs" "$files"
