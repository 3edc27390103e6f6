#!/bin/sh
# Mail scan benchmark: riposte mail scan (-j 1 and -j 2) on a generated Maildir of
# BENCH_MESSAGES messages (default 100,000; every fifth with a real PDF, JPEG or DOCX
# attachment from a pool of 40, as real mailboxes repeat the same files), side by side
# with the floor (reading the same files: find | xargs cat > /dev/null) and with
# clamscan -r over the same tree with the same two signatures (EICAR's .hdb and .ndb;
# riposte's ClamAV engine loads the same directory). Then a second tree of the same
# size where every attachment is distinct (mkmaildir.py ... unique), with its own floor:
# there no ClamAV verdict is answered from riposte's kept verdicts. Warm cache: each run
# follows a read of the whole tree. Wall seconds and CPU seconds (user + system, of the
# process and its children) for each run: on a shared machine read the CPU columns.
# Not run by make check.
#   BENCH_MESSAGES=100000   BENCH_DIR=DIR (kept; default a temp dir, removed)
#   BENCH_PEERS="clamscan"  ("" for none)   BENCH_UNIQUE=1 (0: no second tree)
# Prints a markdown table on stdout; progress on stderr.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
riposte="${RIPOSTE:-$top/build/riposte}"
n=${BENCH_MESSAGES:-100000}
peers=${BENCH_PEERS-clamscan}
unique=${BENCH_UNIQUE:-1}
[ -x "$riposte" ] || make -C "$top" --no-print-directory all >&2
W=${BENCH_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/riposte-mailbench.XXXXXX")}
[ -n "${BENCH_DIR:-}" ] || trap 'rm -rf "$W"' EXIT
mkdir -p "$W/db"
if [ ! -d "$W/Maildir" ]; then
	echo "bench: writing a Maildir of $n messages" >&2
	/usr/bin/python3 "$top/bench/mail/mkmaildir.py" "$W/Maildir" "$n" > "$W/size"
fi
if [ "$unique" = 1 ] && [ ! -d "$W/Unique" ]; then
	echo "bench: writing a Maildir of $n messages, every attachment distinct" >&2
	/usr/bin/python3 "$top/bench/mail/mkmaildir.py" "$W/Unique" "$n" unique > "$W/usize"
fi
set -- $(cat "$W/size")
msgs=$1 bytes=$2
# the EICAR test string from two halves (this file is no test file itself)
e1='X5O!P%@AP[4\PZX54(P^)7CC)7}$'
e2='EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
printf '%s%s' "$e1" "$e2" > "$W/eicar"
echo "$(md5sum < "$W/eicar" | cut -d' ' -f1):68:Eicar-Test-Signature" > "$W/db/test.hdb"
echo "Eicar-Test-Body:0:*:$(od -An -tx1 -v "$W/eicar" | tr -d ' \n')" > "$W/db/test.ndb"
rm -f "$W/eicar"

now() { date +%s.%N; }
tree=$W/Maildir
warm() { find "$tree" -type f -print0 | xargs -0 cat > /dev/null; }
floor="" cfloor=""
run() {  # NAME command...
	name=$1
	shift
	warm
	t0=$(now)
	/usr/bin/time -o "$W/cpu" -f '%U %S' "$@" > "$W/out" 2> "$W/err" || true
	t1=$(now)
	s=$(echo "$t1 - $t0" | bc -l)
	c=$(awk '{ print $1 + $2 }' "$W/cpu")
	[ -z "$floor" ] && floor=$s && cfloor=$c
	printf '| %s | %.2f | %.2f | %.0f | %.1f | %.2fx | %.2fx |\n' "$name" "$s" "$c" \
	    "$(echo "$msgs / $s" | bc -l)" "$(echo "$bytes / $s / 1048576" | bc -l)" \
	    "$(echo "$s / $floor" | bc -l)" "$(echo "$c / $cfloor" | bc -l)"
}
echo "| run | seconds | CPU seconds | messages/s | MB/s | x floor | x floor (CPU) |"
echo "|---|---|---|---|---|---|---|"
run "floor: find \| xargs cat > /dev/null" sh -c "find '$W/Maildir' -type f -print0 | xargs -0 cat > /dev/null"
run "riposte mail scan -j 1 (ClamAV, YARA, IOCs)" "$riposte" mail scan "$W/Maildir" --clamav-db "$W/db" -j 1 --format jsonl
grep -o '"messages":[0-9]*' "$W/out" >&2 || true
run "riposte mail scan -j 2" "$riposte" mail scan "$W/Maildir" --clamav-db "$W/db" -j 2 --format jsonl
run "riposte mail scan -j 2 --no-clamav" "$riposte" mail scan "$W/Maildir" --no-clamav -j 2 --format jsonl
case " $peers " in *" clamscan "*)
	command -v clamscan >/dev/null && run "clamscan -r (same 2 signatures)" clamscan -r --no-summary --infected -d "$W/db" "$W/Maildir"
	grep -c FOUND "$W/out" >&2 || true ;;
esac
if [ "$unique" = 1 ]; then
	tree=$W/Unique floor="" cfloor=""
	set -- $(cat "$W/usize")
	msgs=$1 bytes=$2
	run "floor, distinct attachments" sh -c "find '$W/Unique' -type f -print0 | xargs -0 cat > /dev/null"
	run "riposte mail scan -j 1, distinct attachments" "$riposte" mail scan "$W/Unique" --clamav-db "$W/db" -j 1 --format jsonl
	run "riposte mail scan -j 2, distinct attachments" "$riposte" mail scan "$W/Unique" --clamav-db "$W/db" -j 2 --format jsonl
	run "riposte mail scan -j 2 --no-clamav, distinct attachments" "$riposte" mail scan "$W/Unique" --no-clamav -j 2 --format jsonl
fi
echo "($msgs messages, $(echo "$bytes / 1048576" | bc) MiB, warm cache, $(nproc) cores shared with other jobs)"
