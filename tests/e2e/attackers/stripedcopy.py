# Copy then delete, the copies encrypted in stripes past their first 4 KiB (64 bytes
# in every 192) and named .locked: each copy's head is the original's text, so that the
# watcher's cheap look at a new file of a group that has done nothing yet may pass it;
# the delete of the original that follows must bring the copy its full verdict.
# Used by tests/e2e/watch-attacks.sh (argument: the directory).
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        data = bytearray(open(p, "rb").read())
        for off in range(4096, len(data), 192):
            data[off:off + 64] = os.urandom(len(data[off:off + 64]))
        with open(p + ".locked", "wb") as f:
            f.write(data)
        os.unlink(p)
