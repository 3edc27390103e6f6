# Writes through a shared mapping: no write() for fanotify to see, only the close.
# Used by tests/e2e/watch-*.sh and bench/watch/run.sh (argument: the directory).
import mmap, os, sys
for root, dirs, files in sorted(os.walk(sys.argv[1])):
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "r+b") as f:
            size = os.fstat(f.fileno()).st_size
            m = mmap.mmap(f.fileno(), size)
            m[:] = os.urandom(size)
            m.flush()
            m.close()
