# scan --case records the summary in the open case's journal; without a case it says so
. "$TOP/tests/lib.sh"
export RIPOSTE_DB="$T/r.db"
mkdir tree && head -c 9000 /dev/urandom > tree/a.docx
"$RIPOSTE" scan --format jsonl --case tree > out.jsonl 2> err.txt
expect_eq "no open case: exit 2" 2 $?
expect_grep "and it says so" "no open incident case" err.txt
"$RIPOSTE" case open --title "Ransomware on the file server" --discovered 2026-11-21T07:00:00+01:00 > /dev/null
expect_exit "case opened" 0 true
"$RIPOSTE" scan --format jsonl --case tree > out.jsonl
expect_eq "scan with the case finds the file" 1 $?
"$RIPOSTE" case show > show.txt 2>&1
expect_grep "the journal has the scan" "scan of tree: 1 files, 1 encrypted" show.txt
"$RIPOSTE" case verify > /dev/null
expect_eq "the chain is intact" 0 $?
done_testing
