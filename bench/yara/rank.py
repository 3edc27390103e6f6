#!/usr/bin/python3
"""What each string of a rule set costs: the set's instruction count (valgrind
--tool=callgrind, the scans alone: --toggle-collect=scan_corpus) with the string, and
with the string replaced by a literal that never occurs; the difference is the
string's share. Deterministic, whatever the machine's load. Not part of make check.

  /usr/bin/python3 bench/yara/rank.py HARNESS LIST A.yar[,A2.yar...] [STRING...]

HARNESS: build/yaraharn (see bench/yara/harness.c). STRING: only these identifiers
(rule:$id or $id); all by default. Prints the base Ir, then one line a string, by Ir.
"""
import os
import re
import subprocess
import sys
import tempfile

STR = re.compile(r'^(\s*)(\$\w+)(\s*=\s*)(.*?)\s*$')
ABSENT = '"qz\\x01never\\x02zq"'


def ir(harness, lst, files):
    with tempfile.NamedTemporaryFile(suffix='.cg', delete=False) as t:
        out = t.name
    try:
        r = subprocess.run(['valgrind', '--tool=callgrind', '--toggle-collect=scan_corpus',
                            '--callgrind-out-file=' + out, harness, lst, ','.join(files)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        m = re.search(r'Collected : (\d+)', r.stderr)
        if r.returncode != 0 or not m:
            sys.exit('rank: harness failed: ' + r.stderr[-2000:])
        return int(m.group(1))
    finally:
        os.unlink(out)


def strings(files):
    """(file index, line index, rule, id) of every string definition"""
    out = []
    for fi, f in enumerate(files):
        rule = None
        for li, line in enumerate(open(f, encoding='utf-8').read().split('\n')):
            m = re.match(r'^\s*(private\s+|global\s+)*rule\s+(\w+)', line)
            if m:
                rule = m.group(2)
            m = STR.match(line)
            if m and rule:
                out.append((fi, li, rule, m.group(2)))
    return out


def main():
    harness, lst, spec = sys.argv[1], sys.argv[2], sys.argv[3].split(',')
    only = set(sys.argv[4:])
    texts = [open(f, encoding='utf-8').read().split('\n') for f in spec]
    base = ir(harness, lst, spec)
    print(f'base {base}', flush=True)
    tmp = tempfile.mkdtemp()
    rows = []
    for fi, li, rule, sid in strings(spec):
        if only and sid not in only and f'{rule}:{sid}' not in only:
            continue
        files = []
        for j, t in enumerate(texts):
            lines = list(t)
            if j == fi:
                m = STR.match(lines[li])
                lines[li] = m.group(1) + m.group(2) + m.group(3) + ABSENT
            p = os.path.join(tmp, f'{j}.yar')
            open(p, 'w', encoding='utf-8').write('\n'.join(lines))
            files.append(p)
        d = base - ir(harness, lst, files)
        rows.append((d, rule, sid))
        print(f'{d:>12} {100.0 * d / base:6.2f}% {rule}:{sid}', flush=True)
    print('ranked:')
    for d, rule, sid in sorted(rows, reverse=True):
        print(f'{d:>12} {100.0 * d / base:6.2f}% {rule}:{sid}')


main()
