#!/usr/bin/env python3
"""The context rule's precision when ordinary files ARE written during the attack
(lib/detect/notectx.h). The corpora's recipe gives intact files mtimes spread over
2025-2026, so their notes' window cannot catch them; here each corpus tree is copied and
every intact file's mtime moved into the attack window (the corpora's T_ATTACK + 0..3600 s)
before the scan: an intact file called a note is a false positive of the rule.
    python3 bench/notectx/window.py RIPOSTE CORPUS...     (e.g. tune eval fresh fresh2 fresh3 fresh4)
Trees and manifests from ${CORPUS_CACHE:-~/.cache/riposte-corpus}/trees (bench/realcorpus/run.sh
builds them). Copies go to ${TMPDIR:-/tmp} and are removed."""
import json, os, random, shutil, subprocess, sys, tempfile
riposte, corpora = sys.argv[1], sys.argv[2:]
cache = os.path.join(os.environ.get("CORPUS_CACHE", os.path.expanduser("~/.cache/riposte-corpus")), "trees")
T_ATTACK = 1795227600
for c in corpora:
    work = tempfile.mkdtemp(prefix="notectx-window.")
    dst = os.path.join(work, c)
    shutil.copytree(os.path.join(cache, c), dst, symlinks=True)
    rng = random.Random(1)
    intact = set()
    for line in open(os.path.join(cache, c + ".manifest.jsonl"), encoding="utf-8"):
        e = json.loads(line)
        if e["truth"] == "intact":
            t = T_ATTACK + rng.randrange(3600)
            os.utime(os.path.join(dst, e["path"]), (t, t))
            intact.add(e["path"])
    out = subprocess.run([riposte, "scan", "--format", "jsonl", "--all", c], cwd=work,
                         capture_output=True, text=True).stdout
    fp = ctx = 0
    for line in out.splitlines():
        o = json.loads(line)
        if o.get("kind") != "file":
            continue
        rel = o["path"].split("/", 1)[1]
        bycontext = any("written with the encryption" in r for r in o.get("reasons", []))
        ctx += bycontext
        if rel in intact and o["verdict"] == "note":
            fp += 1
            print("  intact called note:", rel, o["reasons"][0][:160])
    print("%s: %d intact files moved into the window; intact called note: %d; notes by context: %d"
          % (c, len(intact), fp, ctx))
    shutil.rmtree(work, ignore_errors=True)
