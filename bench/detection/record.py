#!/usr/bin/env python3
"""One JSONL record of a run under `riposte watch` (bench/detection/run.sh, watch pass).

record.py SCENARIO RUN DAMAGED SIM.jsonl WATCH.jsonl WRESTORE.jsonl DIR RATE MODE

SIM.jsonl is `riposte simulate --format jsonl` of the attack, WATCH.jsonl the watcher's
output, WRESTORE.jsonl `riposte watch --restore --format jsonl` of DIR, DAMAGED the
number of manifest entries that did not verify after that restore.
"""
import json
import sys
from datetime import datetime


def lines(path):
    out = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for l in f:
                l = l.strip()
                if l:
                    try:
                        out.append(json.loads(l))
                    except ValueError:
                        pass
    except OSError:
        pass
    return out


def ms(t):
    """UTC ISO 8601 with or without milliseconds -> epoch ms."""
    if not t:
        return None
    t = t.rstrip("Z")
    fmt = "%Y-%m-%dT%H:%M:%S.%f" if "." in t else "%Y-%m-%dT%H:%M:%S"
    d = datetime.strptime(t, fmt)
    return int((d - datetime(1970, 1, 1)).total_seconds() * 1000 + 0.5)


s, run, damaged, simf, watchf, restf, d, rate, mode = sys.argv[1:]
sim = lines(simf)
summ = ([x for x in sim if x.get("kind") == "summary"] or [{}])[-1]
att = ([x for x in sim if x.get("kind") == "attacker"] or [{}])[-1]
w = lines(watchf)
alerts = [x for x in w if x.get("kind") == "alert"]
apid = att.get("pid")
# the alert on the attacker's session (the first one); any alert counts for "alerted"
mine = [a for a in alerts if apid in a.get("pids", [a.get("pid")])] or alerts
a = mine[0] if mine else {}
rest = lines(restf)
rsum = ([x for x in rest if x.get("kind") == "summary"] or [{}])[-1]
first = summ.get("first_write")
stop = a.get("action_time") if a else None
stop_ms = a.get("action_unix_ms") if a else None     # ms precision (action_time: s)
if stop_ms is None and stop:
    stop_ms = ms(stop)
if stop_ms is not None:
    stop = datetime.utcfromtimestamp(stop_ms / 1000).strftime("%Y-%m-%dT%H:%M:%S.") + \
        f"{stop_ms % 1000:03d}Z"
delta = stop_ms - ms(first) if stop_ms is not None and first else None
pre = d.rstrip("/") + "/"
docs = [p for p in a.get("files", []) if p.startswith(pre) and "/.riposte-sim/" not in p[len(pre) - 1:]]
outcome = summ.get("outcome") or "hung"   # no summary: simulate timed out
print(json.dumps({
    "kind": "run", "scenario": s, "benign": att.get("benign", summ.get("benign")), "mode": mode,
    "run": int(run), "rate": rate.replace("--rate ", "") or None,
    "files": summ.get("files", att.get("files")), "files_attacked": summ.get("files_attacked"),
    "outcome": outcome, "started": summ.get("started"), "first_write": first,
    "stopped_at": stop, "first_write_to_stop_ms": delta,
    "alerted": bool(alerts), "alerts": len(alerts),
    "files_touched": a.get("files_touched") if a else None,
    "files_touched_outside_state": len(docs) if a else None, "alert_signals": a.get("signals") if a else None,
    "alert_result": a.get("result") if a else None, "latency_ms": a.get("latency_ms") if a else None,
    "watch_first_write_to_action_ms": a.get("first_write_to_action_ms") if a else None,
    "alert_exe": a.get("exe") if a else None,
    "watch_restored": rsum.get("restored"), "watch_restore_failed": rsum.get("failed"),
    "files_unrecoverable": int(damaged)}))
