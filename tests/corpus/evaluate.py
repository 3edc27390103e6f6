#!/usr/bin/python3
"""Scores a `riposte scan --format jsonl --all` run against a corpus manifest.

    evaluate.py snap ROOT MANIFEST > SNAP
        lstat (never open, never list) every file of the manifest, every directory above
        them and ROOT: atime, mtime, ctime in ns, one JSON object.
    evaluate.py score --root ROOT --manifest M --scan S [--before SNAP --after SNAP]
                      [--per-style] [--per-type] [--misses N] [--no-goals]
        prints the detection table; exit 1 when a goal of issue 2 is missed (with --goals,
        the default), 2 on bad input.

Goals ("Done when"): >= 99 % of the fully encrypted files found (verdict encrypted or
partial), >= 90 % of the intermittently encrypted (partial or encrypted), >= 95 % of
the ransom notes (note), <= 0.5 % of the intact files flagged (anything but ok), and no
timestamp changed. With the snapshots it also compares the attack window of the summary
with the first and last mtime of the files really encrypted (information, not a goal)."""

import argparse
import collections
import json
import os
import sys
import time

GOALS = [("encrypted", "fully encrypted found", 0.99, ("encrypted", "partial")),
         ("partial", "intermittent found", 0.90, ("partial", "encrypted")),
         ("note", "ransom notes found", 0.95, ("note",))]
FP_GOAL = 0.005


def load_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def snap(root, manifest):
    root = os.path.abspath(root)
    paths = {root}
    for m in load_jsonl(manifest):
        p = os.path.join(root, m["path"])
        paths.add(p)
        d = os.path.dirname(p)
        while len(d) > len(root):
            paths.add(d)
            d = os.path.dirname(d)
    out = {}
    for p in sorted(paths):
        st = os.lstat(p)
        out[os.path.relpath(p, root)] = [st.st_atime_ns, st.st_mtime_ns, st.st_ctime_ns]
    json.dump(out, sys.stdout)
    return 0


def iso(t):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def pct(n, d):
    return "%.1f %%" % (100.0 * n / d) if d else "-"


def score(a):
    root = os.path.abspath(a.root)
    a.scan_cwd = os.path.abspath(a.scan_cwd)
    man = load_jsonl(a.manifest)
    lines = load_jsonl(a.scan)
    if not lines or lines[-1].get("kind") != "summary":
        print("evaluate: the scan output has no summary line", file=sys.stderr)
        return 2
    verdict = {}
    for o in lines:
        if o.get("kind") != "file":
            continue
        p = o["path"]
        if "path_hex" in o:
            p = bytes.fromhex(o["path_hex"]).decode("utf-8", "surrogateescape")
        verdict[os.path.relpath(os.path.normpath(os.path.join(a.scan_cwd, p)), root)] = o
    if man and not any(m["path"] in verdict for m in man):
        print("evaluate: no path of the manifest is in the scan: was it run from another directory? (--scan-cwd)", file=sys.stderr)
        return 2
    goals_ok = True
    rows = []
    by_truth = collections.defaultdict(lambda: [0, 0])
    by_style = collections.defaultdict(lambda: collections.Counter())
    by_type = collections.defaultdict(lambda: collections.Counter())
    misses = []
    for m in man:
        o = verdict.get(m["path"])
        v = o["verdict"] if o else "absent"
        t = m["truth"]
        if t == "intact":
            hit = v not in ("encrypted", "partial", "note")   # "hit" = judged right
        else:
            want = {g[0]: g[3] for g in GOALS}[t]
            hit = v in want
        by_truth[t][0] += hit
        by_truth[t][1] += 1
        key = (t, m["style"])
        by_style[key][v] += 1
        by_type[m["type"]][t + ("_hit" if hit else "_miss")] += 1
        if not hit:
            misses.append((m, o))
    print("| what | files | found | rate | goal | |")
    print("|---|---:|---:|---:|---:|---|")
    for t, label, goal, _ in GOALS:
        n_ok, n = by_truth[t]
        good = n == 0 or n_ok / n >= goal
        goals_ok &= good
        print("| %s | %d | %d | %s | >= %.0f %% | %s |" % (label, n, n_ok, pct(n_ok, n), goal * 100, "ok" if good else "MISSED"))
    n_ok, n = by_truth["intact"]
    fp = n - n_ok
    good = n == 0 or fp / n <= FP_GOAL
    goals_ok &= good
    print("| intact files flagged (false positives) | %d | %d | %s | <= %.1f %% | %s |" % (n, fp, pct(fp, n), FP_GOAL * 100, "ok" if good else "MISSED"))
    if a.before and a.after:
        with open(a.before) as f:
            b = json.load(f)
        with open(a.after) as f:
            af = json.load(f)
        changed = [p for p in b if b[p] != af.get(p)]
        good = not changed
        goals_ok &= good
        print("| timestamps changed (atime, mtime, ctime, ns) | %d | %d | %s | 0 | %s |" % (len(b), len(changed), pct(len(changed), len(b)), "ok" if good else "MISSED"))
        for p in changed[:10]:
            print("  changed: %s %s -> %s" % (p, b[p], af.get(p)))
        # the attack window the summary gives: first and last mtime of what was encrypted
        hit = [b[m["path"]][1] // 10**9 for m in man if m["truth"] in ("encrypted", "partial") and m["path"] in b]
        if hit:
            summ = lines[-1]
            want = (iso(min(hit)), iso(max(hit)))
            got = (summ.get("first_encrypted_mtime"), summ.get("last_encrypted_mtime"))
            # not a goal of issue 2 (one false positive moves it), but what the user reads first
            print("| attack window (first .. last encrypted mtime; truth, scan) | %s .. %s | %s .. %s | | (info) | %s |"
                  % (want + got + ("same" if want == got else "differs",)))
    if a.per_style:
        print()
        print("| truth | style | files | encrypted | partial | note | ok | skipped | absent | right |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        for (t, s), c in sorted(by_style.items()):
            n = sum(c.values())
            if t == "intact":
                right = n - c["encrypted"] - c["partial"] - c["note"]
            else:
                right = sum(c[v] for v in {g[0]: g[3] for g in GOALS}[t])
            print("| %s | %s | %d | %d | %d | %d | %d | %d | %d | %s |" % (t, s, n, c["encrypted"], c["partial"], c["note"], c["ok"],
                                                                      c["skipped"], c["absent"], pct(right, n)))
    if a.per_type:
        print()
        print("| type | encrypted found | intermittent found | intact flagged |")
        print("|---|---:|---:|---:|")
        for ty, c in sorted(by_type.items()):
            if ty.startswith("note-"):
                continue
            cell = lambda t: "%d / %d" % (c[t + "_hit"], c[t + "_hit"] + c[t + "_miss"]) if c[t + "_hit"] + c[t + "_miss"] else "-"
            flagged = "%d / %d" % (c["intact_miss"], c["intact_hit"] + c["intact_miss"]) if c["intact_hit"] + c["intact_miss"] else "-"
            print("| %s | %s | %s | %s |" % (ty, cell("encrypted"), cell("partial"), flagged))
        notes = [(ty, c) for ty, c in sorted(by_type.items()) if ty.startswith("note-")]
        if notes:
            print()
            print("| notes by language | found |")
            print("|---|---:|")
            for ty, c in notes:
                print("| %s | %d / %d |" % (ty[5:], c["note_hit"], c["note_hit"] + c["note_miss"]))
    if a.misses and misses:
        print()
        print("misjudged (first %d of %d):" % (min(a.misses, len(misses)), len(misses)))
        for m, o in misses[:a.misses]:
            print("  %s [%s %s %s, %d B] -> %s %s" % (m["path"], m["truth"], m["style"], m["type"], m["size"],
                                                   o["verdict"] if o else "absent", "; ".join(o.get("reasons", [])) if o else ""))
    if a.no_goals:
        return 0
    return 0 if goals_ok else 1


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("snap")
    s.add_argument("root")
    s.add_argument("manifest")
    c = sub.add_parser("score")
    c.add_argument("--root", required=True)
    c.add_argument("--manifest", required=True)
    c.add_argument("--scan", required=True)
    c.add_argument("--scan-cwd", default=".", help="the directory the scan ran in (its paths are relative to it)")
    c.add_argument("--before")
    c.add_argument("--after")
    c.add_argument("--per-style", action="store_true")
    c.add_argument("--per-type", action="store_true", help="per type: found / total, intact flagged / total")
    c.add_argument("--misses", type=int, default=0)
    c.add_argument("--no-goals", action="store_true")
    a = ap.parse_args()
    if a.cmd == "snap":
        return snap(a.root, a.manifest)
    return score(a)


if __name__ == "__main__":
    sys.exit(main())
