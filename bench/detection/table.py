#!/usr/bin/env python3
"""The markdown tables of bench/detection/run.sh: table.py RECORDS RUNS FILES."""
import json
import statistics as st
import sys
from collections import Counter

recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
runs, files = sys.argv[2], sys.argv[3]


def med(v):
    return st.median(v) if v else 0


def mm(v):
    """median / max of the known values, '-' when there are none"""
    v = [x for x in v if x is not None]
    return f"{med(v):g} / {max(v)}" if v else "-"


def scenarios(mode):
    seen = []
    for r in recs:
        if r["mode"] == mode and r["scenario"] not in seen:
            seen.append(r["scenario"])
    return seen


def scan_table():
    print(f"\n### after the fact: riposte scan ({runs} runs per scenario, {files} files)\n")
    print("| scenario | kind | files touched (median / max) | unrecoverable (median / max) "
          "| first write → stop, ms (median) | scan flagged: changed or new files (median) "
          "| runs flagged | scan flagged: untouched documents (median) |")
    print("|---|---|---|---|---|---|---|---|")
    for s in scenarios("scan"):
        rs = [r for r in recs if r["mode"] == "scan" and r["scenario"] == s]
        t = [r["files_attacked"] or 0 for r in rs]
        u = [r["files_unrecoverable"] for r in rs]
        ms = [r["first_write_to_stop_ms"] or 0 for r in rs]
        fl = [r["scan_flagged"] for r in rs]
        fi = [r["scan_flagged_intact"] for r in rs]
        benign = rs[0]["benign"]
        hit = sum(1 for f in fl if f > 0)
        mark = (f"{hit}/{len(rs)} (false positive)" if hit else f"0/{len(rs)}") if benign else f"{hit}/{len(rs)}"
        print(f"| {s} | {'benign' if benign else 'attack'} | {med(t):g} / {max(t)} | {med(u):g} / {max(u)} "
              f"| {med(ms):g} | {med(fl):g} | {mark} | {med(fi):g} |")


def watch_table(mode):
    title = ("real time: riposte watch" if mode == "watch" else
             "real time: riposte watch, the attacks without ransom notes (simulate --no-note)")
    print(f"\n### {title} ({runs} runs per scenario, {files} files)\n")
    print("| scenario | kind | rate | outcome | files attacked (simulate; median / max) "
          "| files touched (watch alert; median / max) | unrecoverable after `watch --restore` "
          "(median / max) | first write → stop, ms (median / max) | runs alerted |")
    print("|---|---|---|---|---|---|---|---|---|")
    for s in scenarios(mode):
        rs = [r for r in recs if r["mode"] == mode and r["scenario"] == s]
        benign = rs[0]["benign"]
        oc = Counter(r["outcome"] for r in rs)
        outcome = ", ".join(f"{n} {o}" for o, n in sorted(oc.items(), key=lambda x: -x[1]))
        hit = sum(1 for r in rs if r["alerted"])
        late = sum(1 for r in rs if r["alerted"] and r["outcome"] == "finished")
        if benign:
            mark = f"{hit}/{len(rs)} (false alert)" if hit else f"0/{len(rs)}"
        else:
            mark = f"{hit}/{len(rs)}"
            if hit < len(rs):
                mark += f" ({len(rs) - hit} missed)"
            if late:
                mark += f" ({late} after the attack had ended)"
        rate = rs[0].get("rate") or "fastest"
        print(f"| {s} | {'benign' if benign else 'attack'} | {rate} | {outcome} "
              f"| {mm([r['files_attacked'] for r in rs])} | {mm([r['files_touched'] for r in rs])} "
              f"| {mm([r['files_unrecoverable'] for r in rs])} "
              f"| {mm([r['first_write_to_stop_ms'] for r in rs])} | {mark} |")


def backup_table():
    print(f"\n### backups over canaries under riposte watch ({runs} runs per tool, {files} files, "
          "canaries in every directory)\n")
    print("| tool | outcome | runs alerted | canary reads noted (median) | canaries in the tree "
          "| tool run time, ms (median / max) | unrecoverable (max) |")
    print("|---|---|---|---|---|---|---|")
    for s in scenarios("watch-backup"):
        rs = [r for r in recs if r["mode"] == "watch-backup" and r["scenario"] == s]
        oc = Counter(r["outcome"] for r in rs)
        outcome = ", ".join(f"{n} {o}" for o, n in sorted(oc.items(), key=lambda x: -x[1]))
        hit = sum(1 for r in rs if r["alerted"])
        mark = f"{hit}/{len(rs)} (false alert)" if hit else f"0/{len(rs)}"
        print(f"| {s} | {outcome} | {mark} | {med([r['canary_reads'] for r in rs]):g} "
              f"| {rs[0]['canaries']} | {mm([r['tool_ms'] for r in rs])} "
              f"| {max(r['files_unrecoverable'] for r in rs)} |")


modes = {r["mode"] for r in recs}
if "scan" in modes:
    scan_table()
for m in ("watch", "watch-nonote"):
    if m in modes:
        watch_table(m)
if "watch-backup" in modes:
    backup_table()
