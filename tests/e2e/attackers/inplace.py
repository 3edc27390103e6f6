# In place: read each file, overwrite it with random bytes of the same length.
# Used by tests/e2e/watch-*.sh and bench/watch/run.sh (argument: the directory).
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "r+b") as f:
            data = f.read()
            f.seek(0)
            f.write(os.urandom(len(data)))
