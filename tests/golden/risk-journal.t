# Every change of the register in its own journal, and in the open case's journal.
. "$TOP/tests/golden/case-lib.sh"
"$RIPOSTE" risk asset add mail --value 3 2>/dev/null
"$RIPOSTE" risk assess mail phishing --likelihood 3 --impact 3 --measure "Two-factor login" --owner "IT provider" 2>/dev/null
swiss_case
r risk assess mail phishing --impact 4
r risk asset add mail --value 4
r risk raise --vector credentials --reason "case 1: a password phished" --source "case 1"
r risk journal
r risk journal --format jsonl
"$RIPOSTE" case show | grep -i risk
