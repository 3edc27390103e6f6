#!/usr/bin/python3
"""Builds a corpus of REAL files for `riposte scan` (issue 20) from Debian packages, and
attacks it as ransomware does, with a manifest of the ground truth.

    make-real.py DIR --packages FILE --notes MODULE [--seed N] [--files N]
                 [--cache DIR] [--manifest FILE]

--packages lists Debian packages with their versions (packages-tune.txt or
packages-eval.txt); each is downloaded once with `apt-get download NAME=VERSION` into the
cache (default ${XDG_CACHE_HOME:-~/.cache}/riposte-corpus) and extracted there with
`dpkg-deb -x`. From the regular files of those packages, about --files are drawn, at most
an equal share per type (the file's last extension), tiny files (<= 128 bytes) included.
Then, from the seed:
  - a third is encrypted whole with AES-256-CTR (half of them renamed with a family's
    extension appended, e.g. x.gif.akira; some with a per-file key blob appended);
  - a third intermittently, in the five styles of issue 2: Black Basta (<= 704 B whole,
    64 B every 192 B up to 4 KiB, 64 every 128 above), LockFile (every other 16 bytes
    after the first 4 KiB), LockBit 2.0 (the first 4 KiB), PLAY (2, 3 or 5 chunks),
    BlackCat/Agenda (a configurable chunk every N chunks); a file too small for its
    style is encrypted whole (style "...-whole", truth "encrypted");
  - the rest stays intact, plus cut-off copies of gzip, PNG and PDF files (an interrupted
    copy: the first 30-90 % of the bytes), which are intact too;
  - the ransom notes of --notes (a module of this directory: notes_tune or notes_eval),
    each dropped once in a folder that holds attacked files.
Manifest: one JSON object per file {"path", "truth": intact|encrypted|partial|note,
"style", "family", "type", "size", "package"}. Every atime is set older than its mtime
(a read that changed it would show).
"""

import argparse
import importlib
import json
import os
import random
import subprocess
import sys

from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

HERE = os.path.dirname(os.path.abspath(__file__))
KiB = 1024
MiB = 1024 * KiB
MAX_SIZE = 8 * MiB
T_BASE = 1735689600          # 2025-01-01: intact files' mtimes in 2025-2026
T_SPAN = 680 * 86400
T_ATTACK = 1795227600        # 2026-11-21T02:20:00Z

FAMILY_EXT = {"akira": ".akira", "blackbasta": ".basta", "lockbit": ".lockbit", "play": ".play",
              "royal": ".royal", "rhysida": ".rhysida", "medusa": ".MEDUSA", "hive": ".hive",
              "8base": ".8base", "phobos": ".phobos"}
# the types drawn in equal shares: what a practice's share holds, and what issue 20 names
WANT = set("""ttf otf woff woff2 ott ots otp odt ods odp docx xlsx xls dbf shp shx prj gpkg sqlite db
wav ogg oga flac ps eps svg csv json tex sty gif png jpg pdf gz txt html xml mo afm pfb tif bmp rds
zip jar md py noext""".split())
INTERMITTENT = ["blackbasta", "lockfile", "lockbit2", "play2", "play3", "play5", "agenda"]
STYLE_FAMILY = {"blackbasta": "blackbasta", "lockfile": "lockfile", "lockbit2": "lockbit", "play2": "play",
                "play3": "play", "play5": "play", "agenda": "agenda"}


def cache_dir(a):
    return a.cache or os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "riposte-corpus")


def fetch(a, pkgs):
    """Downloads and extracts each package once; returns {name: extracted dir}."""
    debs = os.path.join(cache_dir(a), "debs")
    xdir = os.path.join(cache_dir(a), "x")
    os.makedirs(debs, exist_ok=True)
    os.makedirs(xdir, exist_ok=True)
    out = {}
    for name, ver in pkgs:
        fver = ver.replace(":", "%3a")
        deb = [f for f in os.listdir(debs) if f.startswith(name + "_" + fver + "_") and f.endswith(".deb")]
        if not deb:
            subprocess.run(["apt-get", "download", "-q", "%s=%s" % (name, ver)], cwd=debs, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deb = [f for f in os.listdir(debs) if f.startswith(name + "_" + fver + "_") and f.endswith(".deb")]
        d = os.path.join(xdir, name + "_" + fver)
        if not os.path.isdir(d):
            os.makedirs(d + ".tmp", exist_ok=True)
            subprocess.run(["dpkg-deb", "-x", os.path.join(debs, deb[0]), d + ".tmp"], check=True)
            os.rename(d + ".tmp", d)
        out[name] = d
    return out


def ftype(name):
    base = os.path.basename(name).lower()
    if "." not in base.strip("."):
        return "noext"
    return base.rsplit(".", 1)[1]


def keystream_xor(data, key, nonce, ranges):
    """AES-256-CTR over RANGES of DATA, the keystream position being the file offset."""
    size = len(data)
    ks = Cipher(algorithms.AES(key), modes.CTR(nonce)).encryptor().update(bytes(size))
    m = bytearray(size)
    for off, ln in ranges:
        m[off:off + ln] = ks[off:off + ln]
    return (int.from_bytes(data, "little") ^ int.from_bytes(bytes(m[:size]), "little")).to_bytes(size, "little")


def style_ranges(style, size, rng):
    if style == "full":
        return [(0, size)]
    if style == "blackbasta":
        if size <= 704:
            return [(0, size)]
        step = 192 if size <= 4096 else 128
        return [(o, 64) for o in range(0, size, 64 + step)]
    if style == "lockfile":
        return [(o, 16) for o in range(4096, size, 32)]
    if style == "lockbit2":
        return [(0, min(4096, size))]
    if style.startswith("play"):
        n = int(style[4:])
        chunk = min(MiB, max(16, size // (2 * n)))
        return [(i * size // n, chunk) for i in range(n)]
    if style == "agenda":  # BlackCat/Agenda "skip-step": CHUNK bytes every STEP chunks
        chunk = rng.choice([256, 512, 1024, 4096]) if size >= 16 * KiB else rng.choice([64, 128, 256])
        step = rng.choice([2, 3, 4, 8])
        return [(o, chunk) for o in range(0, size, chunk * step)]
    raise ValueError(style)


def fits(style, size):
    return {"blackbasta": size > 704, "lockfile": size >= 12 * KiB, "lockbit2": size >= 12 * KiB,
            "agenda": size >= 2 * KiB}.get(style, size >= 4 * KiB)


def encode_note(enc, text):
    if enc == "utf-16":
        return b"\xff\xfe" + text.replace("\n", "\r\n").encode("utf-16-le")
    if enc == "html":
        esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        body = "".join("<p>%s</p>\n" % esc(l) for l in text.split("\n") if l.strip())
        return ('<html><head><meta charset="utf-8"><title>%s</title><style>body{background:#000;color:#e33;'
                'font-family:monospace}</style></head>\n<body>\n%s</body></html>\n' % (esc(text.split("\n")[0][:60]), body)).encode()
    if enc == "crlf":
        return text.replace("\n", "\r\n").encode("utf-8")
    return text.encode("utf-8")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--packages", required=True)
    ap.add_argument("--notes", required=True, help="notes_tune, notes_eval, notes_fresh or notes_fresh2")
    ap.add_argument("--seed", type=int, default=20)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--cache")
    ap.add_argument("--manifest")
    a = ap.parse_args()
    root = os.path.abspath(a.dir)
    if os.path.exists(root) and os.listdir(root):
        print("make-real: '%s' is not empty" % root, file=sys.stderr)
        return 2
    rng = random.Random(a.seed)
    pkgs = []
    with open(a.packages) as f:
        for line in f:
            if line.strip() and not line.startswith("#"):
                name, ver = line.split()[:2]
                pkgs.append((name, ver))
    dirs = fetch(a, pkgs)
    # every regular file of every package, by type
    by_type = {}
    for name, d in sorted(dirs.items()):
        for dp, dn, fn in os.walk(d):
            dn.sort()
            for f in sorted(fn):
                p = os.path.join(dp, f)
                if os.path.islink(p) or not os.path.isfile(p):
                    continue
                sz = os.path.getsize(p)
                if sz == 0 or sz > MAX_SIZE:
                    continue
                by_type.setdefault(ftype(f), []).append((name, os.path.relpath(p, d), p, sz))
    # an equal share per type of WANT (types with at least 3 files), a few files of
    # every other type, then the tiny files
    types = sorted(t for t, v in by_type.items() if len(v) >= 3 and t in WANT)
    share = max(3, a.files * 9 // 10 // max(1, len(types)))
    picked = []
    for t in types:
        v = by_type[t][:]
        rng.shuffle(v)
        picked += [(t,) + x for x in v[:share]]
    others = [(t,) + x for t, v in sorted(by_type.items()) if t not in WANT for x in v]
    rng.shuffle(others)
    picked += others[:a.files // 20]
    seen = {x[3] for x in picked}
    tiny = [(t,) + x for t in types for x in by_type[t] if x[3] <= 128 and x[2] not in seen]
    rng.shuffle(tiny)
    picked += tiny[:max(10, a.files // 40)]
    rng.shuffle(picked)
    picked = picked[:a.files + a.files // 10]
    entries = []
    used = set()
    for t, pkg, rel, path, sz in picked:
        with open(path, "rb") as f:
            data = f.read()
        relp = os.path.join(pkg, rel.lstrip("./"))
        used.add(relp)
        entries.append({"path": relp, "truth": "intact", "style": "intact", "family": None, "type": t,
                        "data": data, "mtime": T_BASE + rng.randrange(T_SPAN), "package": pkg})
    docs = entries[:]
    rng.shuffle(docs)
    third = len(docs) // 3
    full, inter = docs[:third], docs[third:2 * third]
    key = rng.getrandbits(256).to_bytes(32, "little")
    t = T_ATTACK
    fams = sorted(FAMILY_EXT)
    for e in full:
        fam = rng.choice(fams)
        data = keystream_xor(e["data"], key, rng.getrandbits(128).to_bytes(16, "little"), [(0, len(e["data"]))])
        if fam in ("akira", "blackbasta", "royal", "hive") and rng.random() < 0.5:
            data += rng.getrandbits(8 * 512).to_bytes(512, "little")
        e.update(data=data, truth="encrypted", style="full", family=fam, mtime=t)
        t += rng.randint(1, 4)
        if rng.random() < 0.5:
            newp = e["path"] + FAMILY_EXT[fam]
            if newp not in used:
                used.add(newp)
                e["path"] = newp
                e["style"] = "full-renamed"
    for e in inter:
        size = len(e["data"])
        styles = [s for s in INTERMITTENT if fits(s, size)]
        style = rng.choice(styles) if styles else rng.choice(["blackbasta", "lockbit2"])
        ranges = style_ranges(style, size, rng)
        data = keystream_xor(e["data"], key, rng.getrandbits(128).to_bytes(16, "little"), ranges)
        covered = sum(min(l, size - o) for o, l in ranges if o < size)
        truth = "encrypted" if covered >= size else "partial"
        e.update(data=data, truth=truth, style=style if truth == "partial" else style + "-whole",
                 family=STYLE_FAMILY[style], mtime=t)
        t += rng.randint(1, 4)
        if rng.random() < 0.3:
            newp = e["path"] + {"blackbasta": ".basta", "play": ".play", "lockbit": ".lockbit",
                                "agenda": ".qlin", "lockfile": ".lockfile"}[e["family"]]
            if newp not in used:
                used.add(newp)
                e["path"] = newp
    # cut-off copies (interrupted copy or download): intact, but truncated
    cut = [x for x in picked if x[0] in ("gz", "png", "pdf") and x[4] >= 600]
    rng.shuffle(cut)
    for tt, pkg, rel, path, sz in cut[:max(6, a.files // 60)]:
        with open(path, "rb") as f:
            data = f.read()
        data = data[:int(len(data) * rng.uniform(0.3, 0.9))]
        relp = os.path.join(pkg, rel.lstrip("./")) + ".part" if rng.random() < 0.3 else \
            os.path.join(pkg, os.path.dirname(rel.lstrip("./")), "copy-of-" + os.path.basename(rel))
        if relp in used:
            continue
        used.add(relp)
        entries.append({"path": relp, "truth": "intact", "style": "cut", "family": None, "type": tt,
                        "data": data, "mtime": T_BASE + rng.randrange(T_SPAN), "package": pkg})
    # the notes, each once, in folders that hold attacked files
    nm = importlib.import_module(a.notes)
    hit_dirs = sorted({os.path.dirname(e["path"]) for e in full + inter})
    for fam, lang, name, enc, text in nm.notes(rng):
        for _ in range(50):
            rel = os.path.join(rng.choice(hit_dirs), name)
            if rel not in used:
                break
        else:
            continue
        used.add(rel)
        entries.append({"path": rel, "truth": "note", "style": "note-" + enc, "family": fam,
                        "type": "note-" + lang, "data": encode_note(enc, text), "mtime": t, "package": None})
        t += 1
    manifest = a.manifest or root + ".manifest.jsonl"
    os.makedirs(root, exist_ok=True)
    with open(manifest, "w", encoding="utf-8") as mf:
        for e in sorted(entries, key=lambda e: e["path"]):
            p = os.path.join(root, e["path"])
            os.makedirs(os.path.dirname(p), exist_ok=True)
            with open(p, "wb") as f:
                f.write(e["data"])
            atime = e["mtime"] - 86400 * (1 + rng.randrange(30))
            os.utime(p, ns=(atime * 10**9, e["mtime"] * 10**9))
            rec = {k: e[k] for k in ("path", "truth", "style", "family", "type", "package")}
            rec["size"] = len(e["data"])
            mf.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for dp, dn, _ in os.walk(root, topdown=False):
        os.utime(dp, ns=((T_BASE - 86400) * 10**9, (T_BASE + T_SPAN) * 10**9))
    print("make-real: %d files (%d types) in %s, manifest %s" % (len(entries), len(types), root, manifest), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, HERE)
    sys.exit(main())
