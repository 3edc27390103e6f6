#!/usr/bin/python3
"""Builds the benchmark tree: N files of mixed sizes copied from a pool of real documents
made by tests/corpus/make-corpus.py (a third encrypted, a third intermittently, notes),
in a practice-like hierarchy (20 departments x 10 years x 50 folders), plus large files:
half real (encrypted-looking and text), half sparse.

    mktree.py POOL DIR FILES LARGE LARGE_MB

Sizes: templates are drawn with weight 1/sqrt(size), which gives a mean of a few tens of
KiB and a long tail up to a few MiB, as office file shares have."""
import os
import random
import sys


def draw(pool, n, meta=None):
    """The templates (extension, bytes, the pool manifest's entry when META maps paths
    to entries) and the N picks: mkunique.py draws the same ones through this."""
    rng = random.Random(1)
    tmpl = []
    for dp, _, fns in os.walk(pool):
        for f in sorted(fns):
            p = os.path.join(dp, f)
            with open(p, "rb") as fh:
                data = fh.read()
            if data:
                tmpl.append((os.path.splitext(f)[1] or ".bin", data, (meta or {}).get(p, {})))
    tmpl.sort(key=lambda t: (len(t[1]), t[0]))
    weights = [1 / len(t[1]) ** 0.5 for t in tmpl]
    return tmpl, rng.choices(range(len(tmpl)), weights=weights, k=n)


def doc_path(out, i, ext, made):
    """The i-th document's path: 20 departments x 10 years x 50 folders, as a share's
    tree; its folder is made the first time (made: the set of folders made so far)."""
    d = os.path.join(out, "dept%02d" % (i % 20), "%d" % (2017 + (i // 20) % 10), "folder%02d" % ((i // 200) % 50))
    if d not in made:
        os.makedirs(d, exist_ok=True)
        made.add(d)
    return os.path.join(d, "doc%06d%s" % (i, ext))


def large_files(out, tmpl, large, large_mb):
    """The LARGE files of LARGE_MB MiB under OUT/large: half real bytes (the templates one
    after the other), half sparse disk images. Returns their size on disk."""
    total = 0
    ld = os.path.join(out, "large")
    os.makedirs(ld, exist_ok=True)
    chunk = bytearray()
    for _, d, _ in tmpl:
        chunk += d
        if len(chunk) > 8 << 20:
            break
    for j in range(large):
        p = os.path.join(ld, "large%02d.%s" % (j, "bin" if j % 2 == 0 else "vhdx"))
        size = large_mb << 20
        if j % 2 == 0:  # real bytes: documents one after the other
            with open(p, "wb") as f:
                left = size
                while left > 0:
                    w = chunk[:left]
                    f.write(w)
                    left -= len(w)
        else:  # a sparse disk image: a header, then holes
            with open(p, "wb") as f:
                f.write(bytes(chunk[:65536]))
                f.truncate(size * 4)
        total += os.path.getsize(p)
    return total


def main():
    pool, out, n, large, large_mb = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
    tmpl, picks = draw(pool, n)
    total = 0
    made = set()
    for i, k in enumerate(picks):
        ext, data, _ = tmpl[k]
        with open(doc_path(out, i, ext, made), "wb") as f:
            f.write(data)
        total += len(data)
    total += large_files(out, tmpl, large, large_mb)
    print(n + large, total)


if __name__ == "__main__":
    main()
