# The one option convention (GNU, src/cli.c): every command and sub-command takes its
# options before, between or after its operands; "--" ends the options; an unknown
# option or a missing value is exit 2 with the command's synopsis on stderr and no
# work done.
. "$TOP/tests/lib.sh"
mkdir -p share/sub
printf 'Dear patient,\nyour appointment is on Monday.\n' > share/letter.txt
head -c 30000 /dev/urandom > share/sub/blob.bin
printf 'x' > ./-dash.txt

# scan: options after the operand, between operands
"$RIPOSTE" scan share -q --format text > s1.txt
expect_eq "scan PATH -q --format text: exit 1 (the random file)" 1 $?
expect_nogrep "scan PATH -q: no file lines" 'blob.bin' s1.txt
expect_grep "scan PATH -q --format text: the summary" 'Summary: ' s1.txt
"$RIPOSTE" scan share/letter.txt --format csv share/sub > s2.csv
expect_grep "scan: an option between two operands" 'blob.bin' s2.csv
# "--" ends the options: a file named like an option is an operand
"$RIPOSTE" scan --format jsonl -- -dash.txt > s3.jsonl
expect_grep "scan -- -dash.txt scans the file" '"files":1,' s3.jsonl
expect_exit "scan: unknown option after the operand is exit 2" 2 "$RIPOSTE" scan share --bogus
expect_grep "scan: the unknown option is named" "unknown option '--bogus'" "$T/.err"
expect_grep "scan: the synopsis follows" 'riposte scan \[--format' "$T/.err"
expect_eq "scan: nothing on stdout for a usage error" 0 "$(wc -c < "$T/.out")"
expect_exit "scan: a missing value is exit 2" 2 "$RIPOSTE" scan share --format
expect_grep "scan: the missing value is named" "option '--format' needs a value" "$T/.err"

# baseline and diff: --db after the operands (the issue's case: it used to record the
# tree into ./riposte.db and then fail)
"$RIPOSTE" baseline share --db b.db --format jsonl > b.jsonl
expect_eq "baseline PATH --db FILE: exit 0" 0 $?
expect_eq "baseline wrote to the --db given after the operand" yes "$([ -f b.db ] && echo yes)"
expect_eq "and not to ./riposte.db" no "$([ -e riposte.db ] && echo yes || echo no)"
printf 'changed\n' >> share/letter.txt
"$RIPOSTE" diff share --format jsonl --db b.db > d.jsonl
expect_eq "diff PATH --format --db: exit 1 (a change)" 1 $?
expect_grep "diff saw the modified file" 'letter.txt' d.jsonl
expect_exit "baseline: unknown option after the operand" 2 "$RIPOSTE" baseline share --nope --db b2.db
expect_eq "baseline: no database made on a usage error" no "$([ -e b2.db ] && echo yes || echo no)"

# timeline
"$RIPOSTE" timeline share --format body > tl.body
expect_eq "timeline PATH --format body: exit 0" 0 $?
expect_grep "timeline: body format (pipes)" '|.*letter.txt|' tl.body

# exfil: all options after nothing, in any order
"$RIPOSTE" exfil --until 2030-01-01T00:00:00Z --data share --since 2020-01-01T00:00:00Z \
    --format jsonl --db e.db > ex.jsonl
st=$?
[ "$st" -le 1 ] && ok "exfil with its options in any order: exit $st" || fail "exfil: exit $st"
expect_grep "exfil: a summary" '"kind":"summary"' ex.jsonl

# canary: the verb, then the directory, then the option
"$RIPOSTE" canary deploy share --format jsonl > c1.jsonl
expect_grep "canary deploy DIR --format jsonl" '"deployed":2' c1.jsonl
"$RIPOSTE" canary --format jsonl check share > c2.jsonl
expect_grep "canary --format jsonl check DIR" '"intact":2' c2.jsonl
expect_exit "canary: unknown option" 2 "$RIPOSTE" canary check share --bogus

# case: options before the sub-command, between its words, after them
"$RIPOSTE" case open --db k.db --title "Options anywhere" --discovered 2026-11-20T07:30:00+01:00 >/dev/null
expect_eq "case open with options after the verb" 0 $?
"$RIPOSTE" case --db k.db log "first call to the insurer" > /dev/null
expect_eq "case --db FILE log TEXT (option before the verb)" 0 $?
"$RIPOSTE" case ioc --db k.db add --type domain evil.example >/dev/null
expect_eq "case ioc --db add --type V (options between the words)" 0 $?
"$RIPOSTE" case show --format jsonl --db k.db > k.jsonl
expect_grep "case show --format jsonl --db" 'first call to the insurer' k.jsonl
expect_exit "case: unknown option" 2 "$RIPOSTE" case show --db k.db --bogus

# site: the verb after an option
"$RIPOSTE" site example > site.conf
"$RIPOSTE" site --format jsonl check --config site.conf > site.jsonl
st=$?
[ "$st" -le 1 ] && ok "site --format jsonl check --config: exit $st" || fail "site: exit $st"
expect_grep "site check in JSONL" '"kind":"summary"' site.jsonl

# simulate and isolate take no operands: an operand is refused with exit 2
"$RIPOSTE" simulate --format jsonl --list > sim.jsonl
expect_grep "simulate --format jsonl --list" '"kind":"scenario"' sim.jsonl
expect_exit "simulate: an unexpected operand is exit 2" 2 "$RIPOSTE" simulate --list extra
"$RIPOSTE" isolate --dry-run --allow 192.0.2.10 --db i.db > iso.txt 2>&1
st=$?
[ "$st" -ne 2 ] && ok "isolate --dry-run --allow --db: exit $st" || { fail "isolate: exit 2"; cat iso.txt; }
expect_exit "isolate: unknown option" 2 "$RIPOSTE" isolate --dry-run --bogus

# collect: --out after the other options; an unknown one is refused before any work
expect_exit "collect: unknown option" 2 "$RIPOSTE" collect --format jsonl --out col --bogus
expect_eq "collect: no output directory made on a usage error" no "$([ -e col ] && echo yes || echo no)"

# watch: --check after the operand
"$RIPOSTE" watch share --check > w.txt 2>&1
st=$?
[ "$st" -ne 2 ] && ok "watch PATH --check: exit $st" || { fail "watch PATH --check: exit 2"; cat w.txt; }
expect_exit "watch: unknown option after the operand" 2 "$RIPOSTE" watch share --action stop --bogus

# every command of the table, the ones added later included: an unknown option after an
# operand is exit 2 with the command's synopsis, and its manual has one
cmds=$("$RIPOSTE" help | sed -n '/^Commands:/,/^$/p' | awk 'NF > 1 && $1 != "Commands:" { print $1 }')
expect_eq "help lists every command" 23 "$(echo "$cmds" | wc -l)"
for c in $cmds; do
	op=x
	[ "$c" = mail ] && op=scan        # mail's verb comes first
	"$RIPOSTE" "$c" "$op" --bogus-option > /dev/null 2> u.err
	st=$?
	if [ "$st" -eq 2 ] && grep -q "^riposte: $c[ a-z]*: unknown option '--bogus-option'" u.err &&
	    grep -q "riposte $c" u.err; then
		ok "$c: an unknown option after an operand is exit 2 with the synopsis"
	else
		fail "$c: exit $st for an unknown option after an operand: $(head -n 2 u.err)"
	fi
done

# help: every command's manual, through "help CMD" and "CMD --help" alike
for c in $cmds; do
	"$RIPOSTE" help "$c" > h1.txt && "$RIPOSTE" "$c" --help > h2.txt
	if cmp -s h1.txt h2.txt && grep -q '^SYNOPSIS' h1.txt; then ok "help $c = $c --help"; else
		fail "help $c differs from $c --help or has no SYNOPSIS"; fi
done

# text outputs in the site's time zone (timezone = in [site]), whatever TZ says;
# machine formats stay UTC
mkdir -p tz && cd tz || exit 2
head -c 30000 /dev/urandom > enc.bin
touch -d 2026-11-20T06:30:00Z enc.bin
printf '[site]\nname = X\ntimezone = Europe/Zurich\n' > riposte.conf
TZ=UTC "$RIPOSTE" scan --format text enc.bin > tz.txt
expect_grep "scan text: the site's zone (07:30 +0100), not TZ's" '2026-11-20 07:30:00 +0100' tz.txt
TZ=UTC "$RIPOSTE" scan --format jsonl enc.bin > tz.jsonl
expect_grep "scan jsonl: UTC" '"mtime":"2026-11-20T06:30:00Z"' tz.jsonl
printf '[site]\nname = X\ntimezone = Mars/Olympus\n' > riposte.conf
TZ=UTC "$RIPOSTE" scan --format text enc.bin > tz2.txt
expect_grep "an unknown zone: TZ's time" '2026-11-20 06:30:00 +0000' tz2.txt
cd .. || exit 2
done_testing
