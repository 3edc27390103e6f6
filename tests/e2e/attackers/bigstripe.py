# Intermittent encryption of large files, as LockBit and BlackCat do for speed: in
# each file, 64 KiB of every 512 KiB is read and overwritten in place with random
# bytes, then the file is renamed to NAME.locked. Files of a few MiB: watch keeps the
# ranges written, not whole copies.
# Used by tests/e2e/watch-attacks.sh (argument: the directory).
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        size = os.path.getsize(p)
        with open(p, "r+b") as f:
            for off in range(0, size, 512 << 10):
                f.seek(off)
                chunk = f.read(64 << 10)
                f.seek(off)
                f.write(os.urandom(len(chunk)))
        os.rename(p, p + ".locked")
