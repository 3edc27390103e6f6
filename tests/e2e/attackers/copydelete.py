# Copy then delete: an encrypted copy next to each file (.crypt), then the original goes.
# Used by tests/e2e/watch-*.sh and bench/watch/run.sh (argument: the directory).
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        data = open(p, "rb").read()
        with open(p + ".crypt", "wb") as f:
            f.write(os.urandom(len(data)))
        os.unlink(p)
