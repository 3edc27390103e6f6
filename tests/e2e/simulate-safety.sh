#!/bin/sh
# The refusals: exit 2 and nothing written for '/', home and its parents, system
# directories, /tmp itself, a symlink, a non-empty directory without the marker,
# a missing parent; an attacker stopped mid-way, killed mid-file, and restored.
. "$TOP/tests/lib.sh"

refuse() {  # WHAT DIR
	expect_exit "refuses $1" 2 "$RIPOSTE" simulate --scenario inplace --dir "$2" --files 2
	expect_grep "says why: $1" "refusing\|cannot use" "$T/.err"
}
mkdir -p home/ann
HOME=$T/home/ann
export HOME
refuse "/" /
refuse "home" "$T/home/ann"
refuse "home's parent" "$T/home"
refuse "/etc" /etc/riposte-drill
refuse "/usr" /usr/local/riposte-drill
refuse "/var/lib" /var/lib/riposte-drill
refuse "/tmp itself" /tmp
refuse "/var/tmp itself" /var/tmp/
refuse "missing parent" "$T/no/such/dir"
refuse "dot" "$T/."
for d in /etc/riposte-drill /usr/local/riposte-drill /var/lib/riposte-drill "$T/no"; do
	[ -e "$d" ] && fail "created $d"
done
mkdir docs && echo "precious" > docs/thesis.txt
refuse "a non-empty directory without the marker" docs
expect_eq "its file untouched" precious "$(cat docs/thesis.txt)"
expect_eq "nothing added to it" "thesis.txt" "$(ls -A docs)"
mkdir real && ln -s real link
refuse "a symlink" link
expect_eq "the link's target untouched" "" "$(ls -A real)"
# a symlinked parent is resolved: the drill lands in the real place
mkdir realparent && ln -s realparent linkparent
expect_exit "symlinked parent resolved" 0 "$RIPOSTE" simulate --scenario note-only --dir linkparent/drill --files 2
expect_grep "reports the real path" "$T/realparent/drill" "$T/.out"
# an empty directory is fine; our own directory is reused
mkdir empty
expect_exit "an empty directory" 0 "$RIPOSTE" simulate --scenario note-only --dir empty --files 2
expect_exit "a drill directory again" 0 "$RIPOSTE" simulate --scenario inplace --dir empty --files 2
expect_exit "--restore refuses a directory without the marker" 2 "$RIPOSTE" simulate --restore docs
# --prepare: the same refusals, nothing written
expect_exit "--prepare refuses /" 2 "$RIPOSTE" simulate --prepare --dir /
expect_exit "--prepare refuses home" 2 "$RIPOSTE" simulate --prepare --dir "$T/home/ann"
expect_exit "--prepare refuses a non-empty directory without the marker" 2 \
    "$RIPOSTE" simulate --prepare --dir docs
expect_eq "its file untouched by --prepare" precious "$(cat docs/thesis.txt)"
expect_eq "nothing added by --prepare" "thesis.txt" "$(ls -A docs)"
expect_exit "--prepare refuses a symlink" 2 "$RIPOSTE" simulate --prepare --dir link
expect_eq "the link's target still empty" "" "$(ls -A real)"

# the attacker leads a session of its own (simulate does not); SIGTERM to simulate
# reaches the attacker, and simulate reports it
"$RIPOSTE" simulate --scenario slow --dir sess --files 20 --rate 2 >sess.out 2>&1 &
spid=$!
i=0
while [ ! -s sess/.riposte-sim/pid ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
pid=$(cat sess/.riposte-sim/pid)
sleep 0.3
expect_eq "the attacker leads its own session" "$pid" "$(ps -o sid= -p "$pid" | tr -d ' ')"
[ "$(ps -o sid= -p "$spid" | tr -d ' ')" != "$pid" ] && ok "simulate is not in it" ||
    fail "simulate is in the attacker's session"
kill -TERM "$spid"
wait "$spid"
expect_eq "simulate exits 1 when its attacker was killed" 1 $?
expect_grep "reports SIGTERM" "^killed (SIGTERM) after [0-9]* files" sess.out
kill -0 "$pid" 2>/dev/null && fail "the attacker survived" || ok "the attacker is gone"
expect_exit "restore after SIGTERM" 0 "$RIPOSTE" simulate --restore sess

# stopped mid-way (SIGSTOP), restore refused while it lives, killed, restored
"$RIPOSTE" simulate --scenario slow --dir slow --files 20 >slow.out 2>&1 &
i=0
while [ ! -s slow/.riposte-sim/pid ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
pid=$(cat slow/.riposte-sim/pid)
sleep 1
kill -STOP "$pid"
wait $!
expect_eq "simulate exits 1 when stopped" 1 $?
expect_grep "reports the stop" "^stopped (SIGSTOP) after 1 files" slow.out
expect_exit "restore refused while the attacker lives" 2 "$RIPOSTE" simulate --restore slow
expect_grep "says why" "still alive" "$T/.err"
kill -KILL "$pid"
sleep 0.2
expect_exit "restore after the kill" 0 "$RIPOSTE" simulate --restore slow
(cd slow && sha256sum -c --quiet .riposte-sim/manifest.sha256) && ok "slow: byte-exact" || fail "slow: not restored"

# killed at random moments, mid-file: every byte comes back
for s in inplace rename mover stream lockfile forker fake-header blackbasta; do
	"$RIPOSTE" simulate --scenario "$s" --dir "k-$s" --files 12 --rate 40 >k.out 2>&1 &
	sleep 0.15
	i=0
	while [ ! -s "k-$s/.riposte-sim/pid" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
	kill -KILL "$(cat "k-$s/.riposte-sim/pid")" 2>/dev/null
	wait $!
	st=$?
	grep -q "^killed (SIGKILL) after [0-9]* files" k.out && [ "$st" -eq 1 ] || grep -q "^finished" k.out ||
	    fail "$s: no kill report (exit $st): $(cat k.out)"
	expect_exit "$s: restore after kill" 0 "$RIPOSTE" simulate --restore "k-$s"
	(cd "k-$s" && sha256sum -c --quiet .riposte-sim/manifest.sha256) >/dev/null 2>&1 &&
	    ok "$s: byte-exact after kill" || fail "$s: not byte-exact after kill"
done
done_testing
