# Stream: every file read and appended, encrypted, to one archive that stays open (no
# format of its own), each original deleted once it is in; the archive is closed only
# at the end. Used by tests/e2e/watch-attacks.sh (argument: the directory).
import os, sys
top = sys.argv[1]
out = os.path.join(top, "archive.crypt")
with open(out, "wb") as a:
    for root, dirs, files in sorted(os.walk(top)):
        for n in sorted(files):
            p = os.path.join(root, n)
            if p == out:
                continue
            data = open(p, "rb").read()
            a.write(os.urandom(len(data)))
            a.flush()
            os.fsync(a.fileno())
            os.unlink(p)
