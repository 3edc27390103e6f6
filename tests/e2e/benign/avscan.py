# An antivirus-like scanner: reads every file of the tree (argument 1) whole, once
# through read() and once through a read-only memory mapping (as scanners that map
# what they scan do), and looks for a signature in both. Writes nothing. A benign
# workload of tests/e2e/watch-canary.sh and bench/detection/run.sh.
import mmap, os, sys

SIG = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR"
found = scanned = 0
for root, dirs, files in os.walk(sys.argv[1]):
    dirs.sort()
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "rb") as f:
            data = f.read()
            hit = SIG in data
            if len(data) > 0:
                with mmap.mmap(f.fileno(), 0, prot=mmap.PROT_READ) as m:
                    hit = hit or m.find(SIG) >= 0
        scanned += 1
        found += hit
print("scanned %d file(s), %d infected" % (scanned, found))
