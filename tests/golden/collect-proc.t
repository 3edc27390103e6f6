# collect from a fake /proc (--proc): processes with a hostile name, a deleted
# executable, sockets with their owners, modules, mounts; text and jsonl outputs and
# the artefact files themselves.
export RIPOSTE_NOW=2026-11-22T06:59:00Z TZ=UTC
d=$(mktemp -d)
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 1
p=$d/proc
mkdir -p "$p/net" "$p/1/fd" "$p/4242/fd" "$p/4300/fd" bin
printf 'cpu 1 2 3\nbtime 1795300000\n' >"$p/stat"
printf '#!/bin/sh\necho legit\n' >bin/init
# pid 1: init; 4242: a ransomware named "kworker) x" that deleted itself; 4300: a shell
printf '1 (init) S 0 1 1 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 100 0 0\n' >"$p/1/stat"
printf 'Name:\tinit\nUid:\t0\t0\t0\t0\n' >"$p/1/status"
printf '/sbin/init\0splash\0' >"$p/1/cmdline"
ln -s "$d/bin/init" "$p/1/exe"
ln -s 'socket:[5001]' "$p/1/fd/3"
printf '4242 (kworker) x) R 1 4242 4242 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 360000 0 0\n' >"$p/4242/stat"
printf 'Name:\tkworker\nUid:\t0\t0\t0\t0\n' >"$p/4242/status"
printf '/tmp/.x/kworker\0--encrypt\0/srv\0' >"$p/4242/cmdline"
ln -s '/tmp/.x/kworker (deleted)' "$p/4242/exe"
ln -s 'socket:[5002]' "$p/4242/fd/4"
ln -s 'socket:[5003]' "$p/4242/fd/5"
printf '4300 (sh) S 1 4300 4300 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 720000 0 0\n' >"$p/4300/stat"
printf 'Uid:\t65534\t65534\t65534\t65534\n' >"$p/4300/status"
: >"$p/4300/cmdline"
cat >"$p/net/tcp" <<'X'
  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000:0016 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5001 1 0000000000000000 100 0 0 10 0
   1: 0201A8C0:C350 097100CB:01BB 01 00000000:00000000 00:00000000 00000000     0        0 5002 1 0000000000000000 20 4 30 10 -1
   2: garbage line
X
cat >"$p/net/tcp6" <<'X'
  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
   0: 00000000000000000000000001000000:0277 00000000000000000000000000000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 5004 1 0000000000000000 100 0 0 10 0
X
printf '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n  100: 00000000:0044 00000000:0000 07 00000000:00000000 00:00000000 00000000     0        0 5003 2 0000000000000000 0\n' >"$p/net/udp"
printf '   sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode ref pointer drops\n' >"$p/net/udp6"
printf 'Num       RefCount Protocol Flags    Type St Inode Path\n0000000000000000: 00000002 00000000 00010000 0001 01  5005 /run/evil sock\n0000000000000000: 00000003 00000000 00000000 0001 03  5006\n' >"$p/net/unix"
printf 'nf_tables 331776 1 - Live 0x0000000000000000\nevilkit 16384 0 - Live 0x0000000000000000 (OE)\n' >"$p/modules"
printf '/dev/vda1 / ext4 rw,relatime 0 0\n/dev/sdb1 /mnt/back\\040up vfat ro 0 0\n' >"$p/mounts"

$RIPOSTE collect --proc "$p" --only processes,network,modules,mounts --out ev | sed 's/[0-9a-f]\{64\}/HASH/'
echo "exit $?"
for f in processes network modules mounts; do
	echo "== $f.txt"
	sed "s|$d|DIR|g" "ev/$f.txt"
	echo "== $f.json"
	sed "s|$d|DIR|g" "ev/$f.json"
done
echo "== MANIFEST.sha256 (names)"
cut -c67- ev/MANIFEST.sha256
(cd ev && sha256sum -c --quiet MANIFEST.sha256 && echo "manifest verifies")
$RIPOSTE collect --proc "$p" --only modules --out ev2 --format jsonl | sed 's/[0-9a-f]\{64\}/HASH/g; s|'"$d"'|DIR|g'
echo "exit $?"
