# Intermittent, Black Basta style: 64 bytes encrypted in every 192.
# Used by tests/e2e/watch-*.sh and bench/watch/run.sh (argument: the directory).
import os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "r+b") as f:
            size = os.fstat(f.fileno()).st_size
            for off in range(0, size, 192):      # 64 bytes encrypted, 128 skipped
                f.seek(off)
                chunk = f.read(64)
                f.seek(off)
                f.write(os.urandom(len(chunk)))
