# What users see when they get it wrong.
. "$TOP/tests/golden/case-lib.sh"
r case show
r case
r case frobnicate
r case open --title "No time"
r case open --title "Future" --discovered 2027-01-01
r case open --title "Bad" --discovered yesterday
swiss_case
r case facts --high-risk maybe
r case facts --exfiltration unknown
r case log
r case attach nothing.jsonl
printf '{"kind":"file"}\n' > partial.jsonl
r case attach partial.jsonl
printf 'not json\n' > bad.jsonl
r case attach bad.jsonl
r case report --format docx -o x
r case report --format pdf -o -
r case action --owner me "no due date"
r case verify --case 9
r case close --force
r case close --force
