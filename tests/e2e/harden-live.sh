#!/bin/sh
# harden's live checks in a network namespace made here: listeners the test opens
# itself (SMB, RDP and SSH ports on every address, PostgreSQL on loopback only), first
# with no firewall, then with an nftables ruleset loaded in the namespace. The
# machine's own interfaces, sockets and firewall are never touched: /proc/net and the
# ruleset harden reads are those of the namespace it runs in. no-time-sync: in a PID
# namespace, without and with a process named chronyd.
. "$TOP/tests/lib.sh"
NS=rp-harden-$$
cleanup_ns() {
	for p in $(ip netns pids "$NS" 2>/dev/null); do kill "$p" 2>/dev/null; done
	ip netns del "$NS" 2>/dev/null
}
trap 'cleanup_ns; rm -rf "$T"' EXIT
trap 'exit 2' INT TERM HUP
ip netns add "$NS" 2>/dev/null || skip "ip netns add is not permitted here"
for tool in socat nft; do command -v $tool >/dev/null || skip "$tool missing"; done
inns() { ip netns exec "$NS" "$@"; }
ip -n "$NS" link set lo up
# an address that is not loopback: a veth pair with both ends in the namespace
ip -n "$NS" link add v0 type veth peer name v1 && ip -n "$NS" addr add 10.88.0.1/24 dev v0 &&
    ip -n "$NS" link set v0 up && ip -n "$NS" link set v1 up || fail "veth in the namespace"
printf '[site]\nname = test\n' > site.conf

inns socat TCP4-LISTEN:445,fork,reuseaddr SYSTEM:true </dev/null >/dev/null 2>&1 &
inns socat TCP6-LISTEN:3389,fork,reuseaddr,ipv6only=0 SYSTEM:true </dev/null >/dev/null 2>&1 &
inns socat TCP4-LISTEN:22,fork,reuseaddr,bind=10.88.0.1 SYSTEM:true </dev/null >/dev/null 2>&1 &
inns socat TCP4-LISTEN:5432,fork,reuseaddr,bind=127.0.0.1 SYSTEM:true </dev/null >/dev/null 2>&1 &
inns socat TCP4-LISTEN:8080,fork,reuseaddr SYSTEM:true </dev/null >/dev/null 2>&1 &
n=0
while [ $n -lt 50 ] && [ "$(inns sh -c 'grep -c " 0A " /proc/net/tcp /proc/net/tcp6' |
    awk -F: '{s+=$2} END {print s}')" -lt 5 ]; do sleep 0.1; n=$((n + 1)); done

# ---- no firewall ----
inns "$RIPOSTE" harden --config site.conf --format jsonl > open.jsonl
expect_grep "live run" '"live":true' open.jsonl
expect_grep "SMB on 0.0.0.0 exposed" '"evidence":"0.0.0.0:445 (SMB, socat, pid [0-9]*) listens' open.jsonl
expect_grep "RDP on [::] exposed" '"evidence":"\[::\]:3389 (RDP, socat' open.jsonl
expect_grep "SSH on an address exposed (medium)" '"severity":"medium","file":null,"line":null,"evidence":"10.88.0.1:22 (SSH' open.jsonl
expect_nogrep "PostgreSQL on loopback is not" ':5432' open.jsonl
expect_nogrep "a port of no service is not" ':8080' open.jsonl
expect_grep "no firewall" '"id":"no-firewall"' open.jsonl
expect_grep "no input chain" 'no nftables chain filters incoming packets' open.jsonl
expect_nogrep "live checks made" '"kind":"not_checked","id":"exposed-service"' open.jsonl

# ---- a ruleset: SMB to the LAN only, SSH from the admin network, RDP open ----
inns nft -f - <<'EOF' || fail "nft ruleset"
table inet filter {
	chain input {
		type filter hook input priority 0; policy drop;
		ct state established,related accept
		iif "lo" accept
		tcp dport 445 ip saddr 10.88.0.0/24 accept
		tcp dport 22 ip saddr 10.88.0.128/25 accept
		tcp dport 3389 accept
	}
}
EOF
inns "$RIPOSTE" harden --config site.conf --format jsonl > fw.jsonl
expect_nogrep "SMB limited to the LAN" ':445 (SMB' fw.jsonl
expect_nogrep "SSH limited" ':22 (SSH' fw.jsonl
expect_grep "RDP still open to anyone" ':3389 (RDP' fw.jsonl
expect_nogrep "a firewall now" '"id":"no-firewall"' fw.jsonl
# an input chain that drops nothing is no firewall
inns nft flush ruleset
inns nft -f - <<'EOF' || fail "nft accept-all ruleset"
table ip t {
	chain input {
		type filter hook input priority 0; policy accept;
		tcp dport 445 counter accept
	}
}
EOF
inns "$RIPOSTE" harden --config site.conf --format text > accept.txt
expect_grep "accepting chain: no firewall" '1 nftables input chain, none of them drops or rejects anything' accept.txt
expect_grep "RDP over IPv6 not covered by an ip table" ':3389 (RDP' accept.txt
inns nft flush ruleset

# ---- no-time-sync: the NTP client processes of a PID namespace of the test's own ----
# (the kernel clock's state is the machine's: whichever it is, a client process
# running turns the finding into at most a note, and the note says which state)
unshare -pf --mount-proc true 2>/dev/null || skip "no PID namespace"
cp "$(command -v sleep)" chronyd
unshare -pf --mount-proc "$RIPOSTE" harden --config site.conf --format jsonl > notime.jsonl
unshare -pf --mount-proc sh -c './chronyd 30 & sleep 0.3; "$0" harden --config site.conf \
    --format jsonl; kill $!' "$RIPOSTE" > chrony.jsonl
expect_nogrep "a chronyd process: no finding" '"id":"no-time-sync"' chrony.jsonl
if grep -q '"id":"no-time-sync"' notime.jsonl; then
	expect_grep "no client, clock unsynchronised: the finding names both" \
	    'no NTP client runs (no systemd-timesyncd, chronyd or ntpd process in /proc) and the kernel clock is not synchronised' notime.jsonl
	expect_grep "the client runs, clock not yet synchronised: a note" \
	    '"kind":"note".*an NTP client runs but the kernel clock is not synchronised yet' chrony.jsonl
else
	expect_grep "no client but a synchronised clock: a note, no finding" \
	    '"kind":"note".*no NTP client process seen, but the kernel clock was synchronised' notime.jsonl
	expect_nogrep "client and synchronised clock: nothing about time" 'time:' chrony.jsonl
fi
done_testing
