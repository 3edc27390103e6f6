#!/usr/bin/env python3
"""The paired rounds' raw runs (bench/watch/run.sh with RAW=FILE) read again: per
workload and build, the floor's and watch's overheads, the difference watch - floor in
points of the round's bare run (the goal's statistic, issue 27) and what pairing does
to it: the intervals' widths side by side, the difference against the median bare run
(the bare run's own noise out of it) and how much of the rounds' noise the floor and
watch share (the correlation of their runs across rounds: near 0, pairing cannot narrow
the difference; near 1, it does). 95 % intervals of the median from order statistics,
as run.sh computes them. With the floor with watch's calls (mode calls, floor --calls)
in the rounds: calls - floor (what the kernel charges for watch's system calls) and
watch - calls (what watch computes and waits on). Then where the noise is (issue 27,
branch watch4): per workload, each run against its mode's median, the spread within
rounds and of the round means (a round-level part, which pairing cancels, and a
per-run part, which it cannot), the correlation of runs next to each other in the
order they ran (a slow phase of the host spans more than one run only if it is well
above 0), and of each responder's run time with its own CPU (near 1: a slow run is
slow for the responder's own work too, the machine's speed moving, not a wait).
Usage: python3 bench/watch/paired-raw.py RAW"""
import math
import statistics as st
import sys


def main():
    t = {}
    seq = {}
    for line in open(sys.argv[1]):
        f = line.split()
        if len(f) == 5:
            t.setdefault(f[0], {}).setdefault(f[1], {})[f[2]] = float(f[3])
            seq.setdefault(f[0], []).append((f[1], f[2], float(f[3]), int(f[4])))
    for wl, rr in t.items():
        for w in ("calls", "watch", "watch-b"):
            rounds = [r for r in rr.values() if {"bare", "opens", w} <= set(r) and r["bare"] > 0]
            n = len(rounds)
            if n < 3:
                continue
            k = 0
            while k < n and sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n <= 0.025:
                k += 1

            def ci(v):
                v = sorted(v)
                if k < 1:
                    return f"{st.median(v):+.1f} (too few rounds for an interval)"
                return f"{st.median(v):+.1f} [{v[k - 1]:+.1f}, {v[n - k]:+.1f}], width {v[n - k] - v[k - 1]:.1f}"
            mb = st.median(r["bare"] for r in rounds)
            print(f"{wl}, {w}: {n} rounds (interval: the {k}th smallest and largest)")
            print(f"  floor / bare - 1, %:              {ci([(r['opens'] / r['bare'] - 1) * 100 for r in rounds])}")
            print(f"  {w} / bare - 1, %:{' ' * (16 - len(w))}{ci([(r[w] / r['bare'] - 1) * 100 for r in rounds])}")
            d = [(r[w] - r["opens"]) / r["bare"] * 100 for r in rounds]
            print(f"  ({w} - floor) / bare, points:{' ' * (6 - len(w) + 1)}{ci(d)}"
                  f"  goal met: {'yes' if k >= 1 and sorted(d)[n - k] <= 2.0 else 'no'}")
            print(f"  ({w} - floor) / median bare:{' ' * (7 - len(w) + 1)}{ci([(r[w] - r['opens']) / mb * 100 for r in rounds])}")
            sd = {m: st.stdev(r[m] for r in rounds) / mb * 100 for m in ("bare", "opens", w)}
            corr = st.correlation([r[w] for r in rounds], [r["opens"] for r in rounds])
            print(f"  spread of the runs (sd, % of the median bare): bare {sd['bare']:.1f}, floor {sd['opens']:.1f}, {w} {sd[w]:.1f};"
                  f" correlation of {w} and floor across rounds {corr:+.2f}")
            if w != "calls" and all("calls" in r for r in rounds):
                print(f"  ({w} - calls) / bare, points:{' ' * (6 - len(w) + 1)}{ci([(r[w] - r['calls']) / r['bare'] * 100 for r in rounds])}")
        noise(wl, seq[wl])


def noise(wl, runs):
    """where the runs' noise is: round-level or per run, short or slow"""
    med = {m: st.median(x[2] for x in runs if x[1] == m) for m in {x[1] for x in runs}}
    res = [x[2] / med[x[1]] for x in runs]
    rounds = {}
    for x, v in zip(runs, res):
        rounds.setdefault(x[0], []).append(v)
    full = [v for v in rounds.values() if len(v) > 1]
    if len(res) < 8 or len(full) < 3:
        return
    m = st.mean(len(v) for v in full)
    within = st.pvariance([v - st.mean(vs) for vs in full for v in vs]) * m / (m - 1)
    between = max(st.variance([st.mean(vs) for vs in full]) - within / m, 0.0)
    lag = [st.correlation(res[:-k], res[k:]) for k in (1, 2, 3)]
    print(f"{wl}, the noise: runs against their mode's median, sd {st.stdev(res) * 100:.1f} %;"
          f" per run {math.sqrt(within) * 100:.1f} %, of the round (shared by its runs) {math.sqrt(between) * 100:.1f} %;"
          f" correlation of runs 1, 2, 3 apart in the order they ran {lag[0]:+.2f} {lag[1]:+.2f} {lag[2]:+.2f}")
    own = []
    for mode in sorted(med):
        xs = [(x[2], x[3]) for x in runs if x[1] == mode and x[3] > 0]
        if len(xs) >= 3:
            own.append(f"{mode} {st.correlation([a for a, _ in xs], [b for _, b in xs]):+.2f}")
    if own:
        print(f"  correlation of a responder's run time with its own CPU: {', '.join(own)}")


main()
