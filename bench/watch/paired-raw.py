#!/usr/bin/env python3
"""The paired rounds' raw runs (bench/watch/run.sh with RAW=FILE) read again: per
workload and build, the floor's and watch's overheads, the difference watch - floor in
points of the round's bare run (the goal's statistic, issue 27) and what pairing does
to it: the intervals' widths side by side, the difference against the median bare run
(the bare run's own noise out of it) and how much of the rounds' noise the floor and
watch share (the correlation of their runs across rounds: near 0, pairing cannot narrow
the difference; near 1, it does). 95 % intervals of the median from order statistics,
as run.sh computes them. Usage: python3 bench/watch/paired-raw.py RAW"""
import math
import statistics as st
import sys


def main():
    t = {}
    for line in open(sys.argv[1]):
        f = line.split()
        if len(f) == 5:
            t.setdefault(f[0], {}).setdefault(f[1], {})[f[2]] = float(f[3])
    for wl, rr in t.items():
        for w in ("watch", "watch-b"):
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


main()
