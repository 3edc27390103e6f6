# A borg-style backup: reads every file of the tree (argument 1) whole, cuts it into
# content-defined chunks (a rolling sum over a 64-byte window), stores each new chunk
# compressed and encrypted (zlib, then AES-256-CTR: random-looking, like borg's
# repository segments) in its own file under the repository (argument 2, OUTSIDE the
# watched tree), and writes an index of files to chunk ids. A benign workload of
# tests/e2e/watch-canary.sh and bench/detection/run.sh: it reads every file, canaries
# included, and writes random-looking files elsewhere.
import hashlib, os, sys, zlib
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

src, repo = sys.argv[1], sys.argv[2]
key = hashlib.sha256(b"chunker test key").digest()
os.makedirs(os.path.join(repo, "data"), exist_ok=True)
MASK = (1 << 13) - 1            # chunks of about 8 KiB
WIN = 64


def chunks(data):
    """content-defined: a cut where the rolling hash of the last WIN bytes has its low
    13 bits set (Rabin-Karp, mod 2^32), chunks of 2 to 64 KiB"""
    out_w = pow(31, WIN, 1 << 32)
    start, h = 0, 0
    for i, b in enumerate(data):
        h = (h * 31 + b) & 0xFFFFFFFF
        if i - start >= WIN:
            h = (h - data[i - WIN] * out_w) & 0xFFFFFFFF
        n = i + 1 - start
        if (n >= 2048 and h & MASK == MASK) or n >= 65536:
            yield data[start:i + 1]
            start, h = i + 1, 0
    if start < len(data):
        yield data[start:]


index = []
for root, dirs, files in os.walk(src):
    dirs.sort()
    for n in sorted(files):
        p = os.path.join(root, n)
        with open(p, "rb") as f:
            data = f.read()
        ids = []
        for c in chunks(data):
            cid = hashlib.sha256(c).hexdigest()
            ids.append(cid)
            out = os.path.join(repo, "data", cid[:2], cid)
            if os.path.exists(out):
                continue
            os.makedirs(os.path.dirname(out), exist_ok=True)
            nonce = os.urandom(16)
            enc = Cipher(algorithms.AES(key), modes.CTR(nonce)).encryptor()
            with open(out, "wb") as f:
                f.write(nonce + enc.update(zlib.compress(c, 6)) + enc.finalize())
        index.append("%s %s" % (os.path.relpath(p, src), ",".join(ids)))
with open(os.path.join(repo, "index"), "w") as f:
    f.write("\n".join(index) + "\n")
