# Sourced by the timeline-<format>.t golden tests with FMT set: a fixed tree and logs;
# change and birth times (set by the machine, not the test) are outside the window;
# inodes and owners masked.
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/forensic-tree.sh"
cat > auth.log <<'LOG'
Nov  1 07:59:30 srv sshd[811]: Accepted publickey for praxis from 192.168.1.5 port 50122 ssh2
Nov  2 09:00:00 srv smbd_audit: anna|192.168.1.20|pread|ok|Patients/verlauf.txt
LOG
"$RIPOSTE" timeline --format "$FMT" --year 2026 --since 2026-10-01 --until 2026-11-10 --log auth.log tree |
	sed -E -e 's@([-a-z]/[-a-zA-Z]{10})( +|,)[0-9]+( +|,)[0-9]+( +|,)[0-9]+@\1\2U\3G\4INODE@' | norm
echo "exit $?"
