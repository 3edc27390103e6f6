# Read, then rewrite through a truncating open: read each file whole, open it again
# with "wb" (O_TRUNC: the content is gone at the open, before any write), write
# random bytes of the same length. How most programs save, and many ransomware.
# Used by tests/e2e/watch-*.sh and bench/watch/run.sh (argument: the directory).
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "rb") as f:
            data = f.read()
        with open(p, "wb") as f:
            f.write(os.urandom(len(data)))
