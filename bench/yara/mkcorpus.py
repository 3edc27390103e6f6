#!/usr/bin/python3
"""The harness's corpus lists (bench/yara/harness.c), written once so that BEFORE and
AFTER scan the same texts: a fixed sample (seeded) of

  notes.txt  the u100 files the scan calls `note` (text/plain and text/html, read raw),
  text.txt   the u100 texts it calls ok, the realcorpus trees' texts and /usr/share's,
  short.txt  the texts of both lists of at most 1 KiB (what the short set is asked),

  /usr/bin/python3 bench/yara/mkcorpus.py U100_JSONL OUTDIR

U100_JSONL: `riposte scan --format jsonl --all -j 2 /var/tmp/scancold/u100/tree`.
A text is a file of at most 256 KiB with no NUL byte in its first 4 KiB. Not part of
make check.
"""
import json
import os
import random
import sys

MAX = 256 * 1024


def is_text(path):
    try:
        st = os.stat(path)
        if not (0 < st.st_size <= MAX):
            return False
        with open(path, 'rb') as f:
            return b'\0' not in f.read(4096)
    except OSError:
        return False


def walk(top, limit, rng):
    found = []
    for d, dirs, files in os.walk(top):
        dirs.sort()
        for f in sorted(files):
            p = os.path.join(d, f)
            if not os.path.islink(p) and is_text(p):
                found.append(p)
    rng.shuffle(found)
    return sorted(found[:limit])


def main():
    jsonl, out = sys.argv[1], sys.argv[2]
    rng = random.Random(20)
    notes, ok = [], []
    with open(jsonl) as f:
        for line in f:
            d = json.loads(line)
            if d.get('kind') != 'file':
                continue
            typ = d.get('type', '')
            if d.get('verdict') == 'note' and typ in ('text/plain', 'text/html'):
                notes.append(d['path'])
            elif d.get('verdict') == 'ok' and typ.startswith('text/'):
                ok.append(d['path'])
    notes.sort()
    ok.sort()
    rng.shuffle(notes)
    rng.shuffle(ok)
    notes = sorted(notes[:2500])
    text = sorted(ok[:1000])
    text += walk(os.path.expanduser('~/.cache/riposte-corpus/trees'), 2000, rng)
    text += walk('/usr/share/doc', 500, rng)
    text += walk('/usr/share/common-licenses', 50, rng)
    os.makedirs(out, exist_ok=True)
    for name, lst in (('notes', notes), ('text', text)):
        with open(os.path.join(out, name + '.txt'), 'w') as f:
            f.write(''.join(p + '\n' for p in lst))
    with open(os.path.join(out, 'short.txt'), 'w') as f:
        f.write(''.join(p + '\n' for p in notes + text if os.path.getsize(p) <= 1024))


main()
