# Bad input: hostile names, FIFOs and sockets (no hang), symlinks (never followed, loops
# included), a 10,000-deep tree, a sparse multi-GB file, unreadable files, a missing
# root; JSON output stays valid and exact.
. "$TOP/tests/lib.sh"
PY=/usr/bin/python3
mkdir -p tree/sub
printf 'x\n' > "tree/sub/$(printf 'new\nline')"
printf 'x\n' > "tree/sub/$(printf 'caf\351')"
printf 'x\n' > "tree/sub/$(printf 'tab\tand\033[2Jclear')"
mkfifo tree/sub/fifo
$PY -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' tree/sub/sock
ln -s loop1 tree/sub/loop2
ln -s loop2 tree/sub/loop1
head -c 50000 /dev/urandom > outside.bin
ln -s "$T/outside.bin" tree/sub/escape
ln -s "$T" tree/sub/dirlink
truncate -s 5G tree/sparse.img
printf 'secret\n' > tree/sub/locked.txt
chmod 000 tree/sub/locked.txt
# 10,000 levels, built relative to directory descriptors: the whole path is far beyond PATH_MAX
$PY - <<'PYEOF' || fail "could not build the deep tree"
import os
fd = os.open("tree", os.O_RDONLY)
for i in range(10000):
    os.mkdir("d", dir_fd=fd)
    nfd = os.open("d", os.O_RDONLY, dir_fd=fd)
    os.close(fd)
    fd = nfd
w = os.open("deep.bin", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
os.write(w, os.urandom(20000))
os.close(w)
PYEOF

timeout 120 "$RIPOSTE" scan --format jsonl tree > out.jsonl 2> err.txt
st=$?
expect_eq "scan of the hostile tree ends and finds the deep random file" 1 "$st"
$PY - out.jsonl <<'PYEOF' && ok "every JSONL line parses, has a kind, paths are exact" || fail "bad JSONL"
import json, sys
kinds = set(); names = {}
for line in open(sys.argv[1], 'rb'):
    o = json.loads(line)
    kinds.add(o['kind'])
    if o['kind'] == 'file':
        p = bytes.fromhex(o['path_hex']) if 'path_hex' in o else o['path'].encode()
        names[p.rsplit(b'/', 1)[-1]] = o
assert kinds == {'file', 'summary'}, kinds
assert b'caf\xe9' not in names  # ok files are not listed by default
deep = [o for n, o in names.items() if n == b'deep.bin']
assert deep and deep[0]['verdict'] == 'encrypted', deep
assert len(deep[0]['path']) > 20000
for n in (b'fifo', b'sock', b'loop1', b'loop2', b'escape', b'dirlink'):
    assert names[n]['verdict'] == 'skipped', (n, names[n])
assert names[b'sock']['reasons'] == ['socket']
# the sparse file is zeros: read as sampled, not 5 GB
assert b'sparse.img' not in names
PYEOF
expect_nogrep "the symlink's target was not read" 'outside.bin' out.jsonl

"$RIPOSTE" scan --format jsonl --all tree/sparse.img > sparse.jsonl
$PY -c '
import json,sys
o=[json.loads(l) for l in open(sys.argv[1])][0]
assert o["verdict"]=="ok" and o["size"]==5*2**30 and o["bytes_read"] < 600000, o
' sparse.jsonl && ok "sparse 5 GiB file: ok, under 600 KB read" || fail "sparse file"

# all names escaped on one line in text and csv
"$RIPOSTE" scan --format text --all tree/sub > out.txt
expect_grep "newline escaped in text" 'new\\nline' out.txt
expect_grep "invalid UTF-8 escaped in text" 'caf\\xe9' out.txt
expect_grep "terminal escape neutralised" 'tab\\tand\\x1b\[2Jclear' out.txt
"$RIPOSTE" scan --format csv --all tree/sub > out.csv
n=$(wc -l < out.csv)
expect_eq "one csv line per entry plus the header" 11 "$n"

# exit statuses
mkdir clean && printf 'hello\n' > clean/a.txt
"$RIPOSTE" scan --format jsonl clean > /dev/null
expect_eq "clean tree exits 0" 0 $?
"$RIPOSTE" scan --format jsonl missing-dir > /dev/null 2> err2.txt
expect_eq "missing root exits 2" 2 $?
expect_grep "and says why" "cannot scan 'missing-dir'" err2.txt
"$RIPOSTE" scan --format jsonl --since yesterday clean > /dev/null 2>&1
expect_eq "bad --since exits 2" 2 $?
# a full disk on stdout is an error, not a silent truncation
if [ -w /dev/full ]; then
	"$RIPOSTE" scan --format jsonl tree/sub > /dev/full 2>/dev/null
	expect_eq "writing to a full disk exits 2" 2 $?
fi
# --since/--until filter on mtime
touch -d '2026-01-01' clean/a.txt
head -c 9000 /dev/urandom > clean/new.bin
touch -d '2026-11-21 03:00' clean/new.bin
"$RIPOSTE" scan --format jsonl --since 2026-11-21 --until 2026-11-21 clean > win.jsonl
expect_grep "the file in the window is scanned" '"files":1,' win.jsonl
done_testing
