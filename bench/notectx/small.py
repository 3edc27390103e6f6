#!/usr/bin/env python3
"""Every small file (<= 4 KiB) of /usr/share/doc, /usr/share/common-licenses,
/usr/share/perl5 and /usr/share/X11 copied into folders that each also hold three
encrypted files, all written within the same 10 minutes: what the context rule
(lib/detect/notectx.h) would call notes if a machine's ordinary small texts had all been
written during an attack, beside encrypted files. Every note here is a false positive.
    python3 bench/notectx/small.py RIPOSTE        (the copy goes to ${TMPDIR:-/tmp}, removed)"""
import os, random, shutil, subprocess, json, sys, tempfile
work = tempfile.mkdtemp(prefix="notectx-small.")
dst = os.path.join(work, "udoc")
shutil.rmtree(dst, ignore_errors=True)
rng = random.Random(3)
n = 0
for top in ("/usr/share/doc", "/usr/share/common-licenses", "/usr/share/perl5", "/usr/share/X11"):
    for d, subs, files in os.walk(top):
        small = [f for f in files if os.path.isfile(os.path.join(d, f)) and not os.path.islink(os.path.join(d, f))
                 and os.path.getsize(os.path.join(d, f)) <= 4096]
        if not small: continue
        od = os.path.join(dst, d.strip("/").replace("/", "_"))
        os.makedirs(od, exist_ok=True)
        for f in small:
            shutil.copyfile(os.path.join(d, f), os.path.join(od, f)); n += 1
        for i in range(3):
            open(os.path.join(od, "enc%d.docx" % i), "wb").write(rng.randbytes(5000))
t = 1795227600
for d, subs, files in os.walk(dst):
    for f in files:
        os.utime(os.path.join(d, f), (t, t + rng.randrange(600)))
out = subprocess.run([sys.argv[1], "scan", "--format", "jsonl", dst], capture_output=True, text=True).stdout
ctx = [json.loads(l) for l in out.splitlines() if "written with the encryption" in l]
notes = [json.loads(l) for l in out.splitlines() if '"verdict":"note"' in l]
print("small files copied: %d; notes: %d, of them by context: %d" % (n, len(notes), len(ctx)))
for o in ctx: print("  ", o["path"], o["reasons"][0][-80:])
for o in notes:
    if o not in ctx: print("  (words) ", o["path"], o["reasons"][0][:100])
shutil.rmtree(work, ignore_errors=True)
