# Appends N notes to a case's journal directly in SQLite, with the hash chain computed
# as lib/case/journal.c does (entry_hash, "riposte-journal-v1"), in one transaction:
# 10,000 entries in a second instead of 10,000 runs of `riposte case log`.
# `riposte case verify` afterwards checks that the chain is the one riposte would have
# made (bench/serve/run.sh does). Usage: mkjournal.py DB CASE_ID N
import hashlib, json, sqlite3, sys, time

db, case_id, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
con = sqlite3.connect(db)
cur = con.cursor()
cur.execute("BEGIN IMMEDIATE")
seq, prev = cur.execute("SELECT head_seq, head_hash FROM cases WHERE id=?", (case_id,)).fetchone()
t0 = int(time.time()) - n
actors = ["anna", "it", "dr. muster", "riposte scan"]


def js(s):
    # rp_json_str for ASCII without quotes or backslashes: the text in quotes
    return json.dumps(s, ensure_ascii=False)


for i in range(n):
    seq += 1
    t = t0 + i
    kind, actor = "note", actors[i % len(actors)]
    text = "note %d: checked workstation %d, no ransom note, backups of %d mounted read-only" % (i, i % 40, i % 7)
    canon = "riposte-journal-v1\n%s\n%d\n%d\n%d\n%s\n%s\n%s\n%s" % (
        prev, case_id, seq, t, js(kind), js(actor), js(text), js(""))
    h = hashlib.sha256(canon.encode()).hexdigest()
    cur.execute("INSERT INTO journal(case_id, seq, time, kind, actor, text, data, prev_hash, hash) "
                "VALUES(?,?,?,?,?,?,NULL,?,?)", (case_id, seq, t, kind, actor, text, prev, h))
    prev = h
cur.execute("UPDATE cases SET head_seq=?, head_hash=? WHERE id=?", (seq, prev, case_id))
con.commit()
print(seq)
