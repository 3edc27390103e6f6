#!/usr/bin/python3
"""Builds the benchmark tree whose content does not repeat (BENCH_TREE=unique): the same
files as mktree.py (same templates from the same pool, drawn with the same weights, so the
same types, sizes, and the same shares of intact, encrypted, intermittently encrypted
files and notes, in the same hierarchy, plus the same large files), but every copy made
different from the others while keeping its type, as on a real share where no two
documents are the same bytes:

  - intact text (txt csv md html xml json eml rtf and sources): a line of its own inserted
    near the start (in the first 2 KiB, so that the head differs) and, for plain text, csv,
    markdown and sources over 2 KiB, cut at a line boundary at 60-100 % of its length;
  - notes and their look-alikes: a per-victim id line, as real notes carry (in the note's
    own encoding: UTF-8 with its line ends, UTF-16, an HTML paragraph; a PDF note as PDF);
  - ZIP and OOXML/ODF: the DOS time of every entry (local and central headers, which no
    CRC covers); PNG: a tEXt chunk after IHDR; JPEG: a COM segment after APP0; GIF: a
    comment extension; PDF: the binary comment bytes of line 2 and the CreationDate; gzip:
    the header's mtime; xz, bz2: decompressed, a line inserted, recompressed; tar: the first
    header's mtime (checksum redone); SQLite: the change counter; BMP, WAV, TIFF: the low bit
    of some pixels or samples; WebP: an extra RIFF chunk of varying length; MP3: the ID3
    padding; MP4: the x264 settings text; ELF: another real library from /usr/lib (the
    machine's Debian packages, sorted by name, drawn by seed);
  - encrypted whole (truth "encrypted"): fresh random bytes of the same length, which is
    what a fresh key gives;
  - intermittently encrypted: the same ranges (make-corpus.py's style_ranges for the file's
    style and size) XORed with fresh random bytes: the same style with another key.
Not varied (so still repeated): 7z, zstd, OpenPGP, age, Ogg and FLAC files (checksummed
formats, a few templates), and the plaintext parts of intermittent files (e.g. the
first 4 KiB that "lockfile" leaves). The repetition left is measured and printed.

    mkunique.py POOL POOL_MANIFEST DIR FILES LARGE LARGE_MB [SEED [samenotes]]

With "samenotes", ransom notes stay copies of the pool's (one text per family and
language), as an attack leaves them (the same note in every folder), and only the other
files are made distinct: the tree a real share has after an attack, where only the
notes repeat.

Deterministic by SEED (default 1) for a given pool (make-corpus.py --seed 5, as run.sh
makes it) and, for ELF files only, the libraries installed. Prints "FILES BYTES" on
stdout (as mktree.py) and the repetition on stderr:
"unique: N files, D distinct SHA-256 (P %), H distinct first 8 KiB (Q %)"."""
import bz2
import gzip
import hashlib
import importlib.util
import json
import lzma
import os
import random
import struct
import sys
import zlib

WORDS = ("rapport patient facture rendez-vous dossier Rechnung Termin invoice meeting plan "
         "contrôle suivi budget Praxis stock commande order review audit note Befund").split()
TEXT = {"txt", "csv", "md", "html", "xml", "json", "eml", "rtf", "c", "py", "sh", "js"}
CUT = {"txt", "csv", "md", "c", "py", "sh", "js"}
ZIPS = {"docx", "xlsx", "pptx", "odt", "ods", "zip"}


def load_module(p, name):
    sys.path.insert(0, os.path.dirname(p))
    spec = importlib.util.spec_from_file_location(name, p)
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m


def load_make_corpus(top):
    return load_module(os.path.join(top, "tests", "corpus", "make-corpus.py"), "make_corpus")


def line_of(rng, i):
    return "%s %s %06d %s" % (rng.choice(WORDS), rng.choice(WORDS), i, rng.choice(WORDS))


def insert_line(data, rng, text, within=2048):
    """TEXT as a line of its own after a line end in the first WITHIN bytes (or first)."""
    crlf = b"\r\n" in data[:4096]
    nl = b"\r\n" if crlf else b"\n"
    ends = [k + 1 for k in range(min(len(data), within)) if data[k] == 0x0a]
    at = rng.choice(ends) if ends else 0
    return data[:at] + text.encode("utf-8") + nl + data[at:]


def cut_lines(data, rng):
    if len(data) <= 2048:
        return data
    at = data.find(b"\n", int(len(data) * rng.uniform(0.6, 1.0)))
    return data if at < 0 else data[:at + 1]


def vary_text(data, typ, rng, i):
    if data.startswith(b"\xff\xfe"):  # UTF-16 LE with BOM
        t = data[2:].decode("utf-16-le", "replace")
        k = t.find("\n")
        k = k + 1 if k >= 0 else 0
        return b"\xff\xfe" + (t[:k] + "ID: %s\r\n" % line_of(rng, i) + t[k:]).encode("utf-16-le")
    low = data[:4096].lower()
    if typ in ("html", "xml") or b"<html" in low:
        k = low.find(b"<body>")
        if k >= 0:
            k += 6
            return data[:k] + ("\n<p>%s</p>" % line_of(rng, i)).encode() + data[k:]
        return insert_line(data, rng, "<!-- %s -->" % line_of(rng, i))
    if typ == "eml":
        return b"X-Ref: %d-%08x\r\n" % (i, rng.getrandbits(32)) + data
    if typ == "json":
        return insert_line(data, rng, '"ref": "%s",' % line_of(rng, i))
    if typ == "rtf":
        return insert_line(data, rng, "{\\*\\ref %s}" % line_of(rng, i))
    d = insert_line(data, rng, line_of(rng, i))
    return cut_lines(d, rng) if typ in CUT else d


def vary_note(data, rng, i):
    if data.startswith(b"%PDF"):
        return vary_pdf(data, rng)
    vid = "%016X" % rng.getrandbits(64)
    if data.startswith(b"\xff\xfe") or b"<html" in data[:200].lower():
        return vary_text(data, "note", rng, i)
    return insert_line(data, rng, "Your personal ID: %s" % vid, within=len(data))


def dos_time(rng):
    y, mo, d = rng.randint(2017, 2026), rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s = rng.randint(7, 19), rng.randint(0, 59), rng.randint(0, 29)
    return (h << 11) | (mi << 5) | s, ((y - 1980) << 9) | (mo << 5) | d


def vary_zip(data, rng):
    b = bytearray(data)
    e = b.rfind(b"PK\x05\x06")
    if e < 0:
        return data
    n, size, off = struct.unpack_from("<HII", b, e + 10)
    p = off
    for _ in range(n):
        if b[p:p + 4] != b"PK\x01\x02":
            break
        t, d = dos_time(rng)
        lho = struct.unpack_from("<I", b, p + 42)[0]
        struct.pack_into("<HH", b, p + 12, t, d)
        if b[lho:lho + 4] == b"PK\x03\x04":
            struct.pack_into("<HH", b, lho + 10, t, d)
        fl, el, cl = struct.unpack_from("<HHH", b, p + 28)
        p += 46 + fl + el + cl
    return bytes(b)


def chunk(typ, body):
    return struct.pack(">I", len(body)) + typ + body + struct.pack(">I", zlib.crc32(typ + body) & 0xffffffff)


def vary_pdf(data, rng):
    b = bytearray(data)
    if b[9:10] == b"%":
        for k in range(10, 14):
            b[k] = rng.randint(0x80, 0xff)
    k = b.find(b"/CreationDate (D:")
    if k >= 0:
        k += 17
        b[k:k + 14] = b"%04d%02d%02d%02d%02d%02d" % (rng.randint(2017, 2026), rng.randint(1, 12), rng.randint(1, 28),
                                                   rng.randint(7, 19), rng.randint(0, 59), rng.randint(0, 59))
    return bytes(b)


def low_bits(data, start, rng, n=64, within=4096):
    b = bytearray(data)
    end = min(len(b), start + within)
    for _ in range(n):
        if start < end:
            b[rng.randrange(start, end)] ^= 1
    return bytes(b)


def vary_binary(data, typ, rng, i, elfs):
    if typ in ZIPS or data[:4] == b"PK\x03\x04":
        return vary_zip(data, rng)
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return data[:33] + chunk(b"tEXt", b"Comment\0" + line_of(rng, i).encode()) + data[33:]
    if data[:2] == b"\xff\xd8":
        at = 2
        if data[2:4] == b"\xff\xe0":
            at = 4 + struct.unpack(">H", data[4:6])[0]
        c = line_of(rng, i).encode()
        return data[:at] + b"\xff\xfe" + struct.pack(">H", len(c) + 2) + c + data[at:]
    if data[:4] == b"GIF8":
        flags = data[10]
        at = 13 + (3 * 2 ** ((flags & 7) + 1) if flags & 0x80 else 0)
        c = line_of(rng, i).encode()[:255]
        return data[:at] + b"\x21\xfe" + bytes([len(c)]) + c + b"\x00" + data[at:]
    if data[:4] == b"%PDF":
        return vary_pdf(data, rng)
    if data[:2] == b"\x1f\x8b":
        return data[:4] + struct.pack("<I", rng.randint(1483228800, 1795000000)) + data[8:]
    if typ == "xz":
        return lzma.compress(insert_line(lzma.decompress(data), rng, line_of(rng, i)))
    if typ == "bz2":
        return bz2.compress(insert_line(bz2.decompress(data), rng, line_of(rng, i)))
    if typ == "tar" and data[257:262] == b"ustar":
        b = bytearray(data)
        b[136:148] = b"%011o\0" % rng.randint(1483228800, 1795000000)
        b[148:156] = b" " * 8
        b[148:156] = b"%06o\0 " % sum(b[:512])
        return bytes(b)
    if data[:16] == b"SQLite format 3\0":
        b = bytearray(data)
        c = rng.randint(2, 1 << 30)
        struct.pack_into(">I", b, 24, c)
        struct.pack_into(">I", b, 92, c)
        return bytes(b)
    if data[:2] == b"BM":
        return low_bits(data, struct.unpack_from("<I", data, 10)[0], rng)
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        k = data.find(b"data", 12)
        return low_bits(data, k + 8, rng) if k > 0 else data
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        n = 2 * rng.randint(4, 60)
        d = data + b"XREF" + struct.pack("<I", n) + bytes(rng.getrandbits(8) for _ in range(n))
        return d[:4] + struct.pack("<I", len(d) - 8) + d[8:]
    if data[:4] in (b"II*\0", b"MM\0*"):
        return low_bits(data, 8 + 2 + 12 * struct.unpack_from("<H" if data[0] == 0x49 else ">H", data, 8)[0] + 4, rng, 16)
    if data[:3] == b"ID3":
        size = 0
        for k in range(6, 10):
            size = size << 7 | data[k]
        if size:
            return data[:10] + bytes(rng.getrandbits(7) + 1 for _ in range(size)) + data[10 + size:]
        return data
    k = data.find(b"x264 - core ", 0, 1 << 16)
    if k >= 0:
        return data[:k + 12] + b"%03d" % rng.randint(100, 999) + data[k + 15:]
    if data[:4] == b"\x7fELF" and elfs:
        with open(rng.choice(elfs), "rb") as f:
            return f.read()
    return None


def elf_list():
    out = []
    d = "/usr/lib/x86_64-linux-gnu"
    if os.path.isdir(d):
        for f in sorted(os.listdir(d)):
            p = os.path.join(d, f)
            if ".so" in f and os.path.isfile(p) and not os.path.islink(p) and 4096 < os.path.getsize(p) < (2 << 20):
                with open(p, "rb") as fh:
                    if fh.read(4) == b"\x7fELF":
                        out.append(p)
    return out


def main():
    pool, man, out = sys.argv[1], sys.argv[2], sys.argv[3]
    n, large, large_mb = int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
    seed = int(sys.argv[7]) if len(sys.argv) > 7 else 1
    same_notes = len(sys.argv) > 8 and sys.argv[8] == "samenotes"
    top = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    mc = load_make_corpus(top)
    meta = {}
    with open(man, encoding="utf-8") as f:
        for ln in f:
            e = json.loads(ln)
            meta[os.path.join(pool, e["path"])] = e
    # the templates, weights and picks exactly as mktree.py draws them
    mt = load_module(os.path.join(top, "bench", "scan", "mktree.py"), "mktree")
    tmpl, picks = mt.draw(pool, n, meta)
    vr = random.Random(seed)
    elfs = elf_list()
    total = 0
    made = set()
    sums, heads = set(), set()
    same = {}
    for i, k in enumerate(picks):
        ext, data, e = tmpl[k]
        truth, style, typ = e.get("truth", "intact"), e.get("style", "intact"), e.get("type", ext[1:])
        if truth == "encrypted":
            new = vr.randbytes(len(data))
        elif truth == "partial":
            ranges = mc.style_ranges(style, len(data), vr)
            m = bytearray(len(data))
            for off, ln in ranges:
                ln = min(ln, len(data) - off)
                if ln > 0:
                    m[off:off + ln] = vr.randbytes(ln)
            new = (int.from_bytes(data, "little") ^ int.from_bytes(m, "little")).to_bytes(len(data), "little")
        elif truth == "note" and same_notes:
            new = data
        elif truth == "note" or style == "lookalike":
            new = vary_note(data, vr, i)
        elif typ in TEXT:
            new = vary_text(data, typ, vr, i)
        else:
            new = vary_binary(data, typ, vr, i, elfs)
            if new is None:
                same[typ] = same.get(typ, 0) + 1
                new = data
        with open(mt.doc_path(out, i, ext, made), "wb") as f:
            f.write(new)
        sums.add(hashlib.sha256(new).digest())
        heads.add(hashlib.sha256(new[:8192]).digest())
        total += len(new)
    # the large files as mktree.py makes them
    total += mt.large_files(out, tmpl, large, large_mb)
    print("unique: %d files, %d distinct SHA-256 (%.1f %%), %d distinct first 8 KiB (%.1f %%); not varied: %s"
          % (n, len(sums), 100 * len(sums) / n, len(heads), 100 * len(heads) / n,
             " ".join("%s %d" % kv for kv in sorted(same.items())) or "none"), file=sys.stderr)
    print(n + large, total)


if __name__ == "__main__":
    main()
