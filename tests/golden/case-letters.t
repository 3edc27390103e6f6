# The letters to the correspondents of a mail trace: one per organisation (one per
# person at a public mail provider), in its language (de, fr, en), infected, exposed
# and precautionary, each with the bank-details warning; --sent records each one.
. "$TOP/tests/golden/case-lib.sh"
virus_case
r case notify --to clients -o letters
for f in letters/*.txt; do
	echo "==> $f <=="
	cat "$f"
done
r case notify --to clients -o letters --sent --sent-at 2026-11-20T10:00:00+01:00 --format jsonl
r case show
r case notify --to clients
r case notify --to clients -o letters --lang de
printf 'x\n' > plain.txt
r case notify --to clients -o plain.txt
