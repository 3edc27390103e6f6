# A fake header: random content behind a valid gzip header, original deleted.
# Used by tests/e2e/watch-*.sh and bench/watch/run.sh (argument: the directory).
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        data = open(p, "rb").read()
        with open(p + ".gz", "wb") as f:
            f.write(b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + os.urandom(len(data) // 2))
        os.unlink(p)
