#!/usr/bin/python3
"""Writes damaged copies of the sample files in the styles of real ransomware families:
lockbit (first 4 KiB random), blackbasta (64 random / 128 kept from offset 0), lockfile
(every other 16 bytes after the first 4 KiB), fakehdr (first 16 bytes kept, the rest
random; 512 for tar). Usage: damage.py SAMPLEDIR OUTDIR (reads SAMPLEDIR/MANIFEST)."""
import os, sys

src, out = sys.argv[1], sys.argv[2]
for style in ("lockbit", "blackbasta", "lockfile", "fakehdr"):
    os.makedirs(os.path.join(out, style), exist_ok=True)
for line in open(os.path.join(src, "MANIFEST")):
    name, fmt = line.split()
    data = open(os.path.join(src, name), "rb").read()
    n = len(data)
    for style in ("lockbit", "blackbasta", "lockfile", "fakehdr"):
        b = bytearray(data)
        if style == "lockbit":
            b[:4096] = os.urandom(min(n, 4096))
        elif style == "blackbasta":
            for i in range(0, n, 192):
                k = min(64, n - i)
                b[i:i + k] = os.urandom(k)
        elif style == "lockfile":
            for i in range(4096, n, 32):
                k = min(16, n - i)
                b[i:i + k] = os.urandom(k)
        else:
            keep = 512 if fmt == "tar" else 16
            b[keep:] = os.urandom(max(0, n - keep))
        if bytes(b) == data:
            continue
        with open(os.path.join(out, style, name), "wb") as f:
            f.write(b)
