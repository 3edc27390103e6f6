# What drill refuses: no subcommand, unknown ones, unknown drills and runs, bad answers
# files (named by their line, nothing stored), a bad scenario file, languages, formats.
. "$TOP/tests/golden/drill-lib.sh"
r drill
r drill frobnicate
r drill score
r drill show no-such-drill
r drill show ransomware-night --lang it
r drill list --format xml
printf 'note: a\nscope: a,z\n' > bad.txt
r drill run ransomware-night --answers bad.txt
printf 'note: a,b\n' > two.txt
r drill run ransomware-night --answers two.txt
r drill run ransomware-night --answers missing.txt
printf '[drill]\ntitle.en = T\nsummary.en = S\n[inject a]\nat = 0\nquestion.en = q\n' > broken.ini
r drill run ./broken.ini --answers two.txt
printf '[drill]\nthis is not ini\n' > worse.ini
r drill show worse.ini
r drill runs --format jsonl
r drill run ransomware-night --participants "$(printf 'a\tb')" --answers two.txt
printf 'note: a\n' > one.txt
"$RIPOSTE" drill run ransomware-night --answers one.txt >/dev/null 2>&1
r drill score 7
r drill report
r drill report --format pdf
r drill done 99
r drill show ransomware-night --bogus
