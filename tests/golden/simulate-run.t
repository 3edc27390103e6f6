# a drill in text and jsonl, its restore in both, and the usage errors; the pid and
# the clock vary, so they are masked
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
export TZ=UTC RIPOSTE_NO_PROGRESS=1
mask() {
	sed -e 's/pid [0-9]*/pid PID/' -e 's/"pid":[0-9]*/"pid":PID/' \
	    -e 's/in [0-9.]* s$/in S s/' -e "s|$T|TMP|g" \
	    -e 's/"[0-9-]*T[0-9:]*\.[0-9][0-9][0-9]Z"/"TIME.MS"/g' \
	    -e 's/"first_write_to_end_ms":[0-9]*/"first_write_to_end_ms":MS/'
}
sim() {  # runs riposte simulate ARGS, masks its output, prints its exit status
	"$RIPOSTE" simulate "$@" >out 2>&1
	st=$?
	mask <out
	echo "exit $st"
}
sim --scenario rename --dir drill --files 10 --seed 7
grep -c '^[1-9][0-9]*$' drill/.riposte-sim/pid
find drill -name '*.lockbit' | wc -l
"$RIPOSTE" simulate --restore drill
echo "exit $?"
(cd drill && sha256sum -c .riposte-sim/manifest.sha256 | sort)
sim --scenario head4k --dir drill --files 10 --seed 7 --format jsonl
"$RIPOSTE" simulate --restore drill --format jsonl
echo "exit $?"
sim --scenario backup --dir drill --files 3 --format jsonl
"$RIPOSTE" simulate --restore drill --format jsonl
# prepared first (as under a watcher), then only the attack; text and jsonl
sim --prepare --dir prep --files 4 --seed 3
sed -n 2p prep/.riposte-sim/state
sim --scenario inplace --dir prep --files 5
sim --scenario inplace --dir prep --seed 4
sim --scenario inplace --dir prep --files 4
sed -n 2p prep/.riposte-sim/state
"$RIPOSTE" simulate --restore prep
echo "exit $?"
sim --prepare --dir prep2 --files 2 --format jsonl
sim --scenario note-only --dir prep2 --format jsonl
"$RIPOSTE" simulate --restore prep2 --format jsonl
# a prepared directory restored before any attack: nothing to give back
sim --prepare --dir prep3 --files 2
"$RIPOSTE" simulate --restore prep3
# a drill directory that already ran a scenario is not "prepared": it starts afresh
sim --scenario head4k --dir prep --files 3
# --no-note: the files only
sim --scenario inplace --dir nonote --files 2 --no-note
find nonote -name README_RESTORE_FILES.txt | wc -l
"$RIPOSTE" simulate --restore nonote
sim --scenario note-only --dir nonote --no-note
sim --prepare --dir x --no-note
sim --prepare --scenario inplace --dir x
sim --prepare --dir x --rate 5
sim --prepare
# usage errors
"$RIPOSTE" simulate --scenario nope --dir x
echo "exit $?"
"$RIPOSTE" simulate --scenario inplace
echo "exit $?"
"$RIPOSTE" simulate --scenario inplace --dir x --rate fast
echo "exit $?"
"$RIPOSTE" simulate --scenario inplace --dir x --files 0
echo "exit $?"
"$RIPOSTE" simulate --scenario inplace --dir x --format csv
echo "exit $?"
"$RIPOSTE" simulate --list --restore drill
echo "exit $?"
sim --restore "$T"
"$RIPOSTE" simulate --restore nowhere
echo "exit $?"
ls
