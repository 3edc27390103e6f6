# riposte mail scan on the generated incident corpus (tests/data-gen/make-mail-corpus.py):
# exactly the malicious messages, the bank-detail fraud and the two intruder rules are
# reported, no clean message is, in every format; nothing in the stores changes (atime,
# mtime, ctime of every file and directory); --since/--until, --mailbox, --case; options
# after the operands.
. "$TOP/tests/lib.sh"
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c 'import PIL' 2>/dev/null || skip "python3-pil is missing"
command -v zip >/dev/null || skip "zip is missing"
/usr/bin/python3 "$TOP/tests/data-gen/make-mail-corpus.py" c || { fail "corpus"; done_testing; }
cd c || exit 2
export RIPOSTE_CONF="$T/c/riposte.conf" TZ=UTC
find stores rules > paths
xargs -d '\n' touch -a -d '2026-11-01 10:00:00' < paths
snap() { xargs -d '\n' stat -c '%n %X.%x %Y %Z.%z' < paths; }
snap > before
sleep 1.1

"$RIPOSTE" mail scan stores rules --ioc iocs.txt --clamav-db clamav --format jsonl > out.jsonl 2> err
expect_eq "something found: exit 1" 1 $?
[ -s err ] && { fail "no warnings expected"; cat err; }
# what the manifest expects
grep -P '^message\t[^\t]+\tmalicious' MANIFEST | cut -f2 | sort > want-mal
grep -P '^message\t[^\t]+\tbec' MANIFEST | cut -f2 | sort > want-bec
grep -P '^message\t[^\t]+\tclean' MANIFEST | cut -f2 | sort > want-clean
grep '"kind":"message"' out.jsonl | sed 's/.*"id":"\([^"]*\)".*/\1/' | sort > got-msg
grep '"kind":"bec"' out.jsonl | sed 's/.*"id":"\([^"]*\)".*/\1/' | sort > got-bec
expect_eq "exactly the malicious messages are listed" "$(cat want-mal)" "$(cat got-msg)"
expect_eq "exactly the bank-detail fraud" "$(cat want-bec)" "$(cat got-bec)"
for id in $(cat want-clean); do
	if grep -q "\"id\":\"$id\"" out.jsonl; then fail "clean message $id listed"; fi
done
ok "no clean message listed"
expect_eq "every listed message is malicious" "$(grep -c '"kind":"message"' out.jsonl)" \
    "$(grep '"kind":"message"' out.jsonl | grep -c '"verdict":"malicious"')"
expect_grep "ClamAV found EICAR in the macro document" 'clamav:Eicar-Test-Body' out.jsonl
expect_grep "the VBA project is named" 'docm!word/vbaProject.bin' out.jsonl
expect_grep "the macro rule matched" 'yara:mail_macro_dropper' out.jsonl
expect_grep "the known-bad domain matched" 'ioc:domain:befund-portal.example' out.jsonl
expect_grep "the foreign IBAN" '"iban":"LT121000011101001000"' out.jsonl
expect_grep "its two recipients" '"to":\["buchhaltung@spital-nord.example","kasse@apotheke-mitte.example"\]' out.jsonl
expect_nogrep "the supplier's own change (received) is not bec" 'medbedarf' out.jsonl
grep -P '^rule\t' MANIFEST | cut -f4 | sort > want-rules
grep '"kind":"rule"' out.jsonl | sed 's/.*"target":"\([^"]*\)".*/\1/' | sort > got-rules
expect_eq "exactly the two intruder rules" "$(cat want-rules)" "$(cat got-rules)"
expect_grep "summary" '{"kind":"summary","messages":17,"malicious":3,"suspicious":0,"bec":1,"rules":2,"unparsable":0,"clamav":"custom, 2 signatures"' out.jsonl

# the same in text and csv, and every message with --all
"$RIPOSTE" mail scan stores rules --ioc iocs.txt --clamav-db clamav --format text > out.txt
expect_eq "text: exit 1" 1 $?
expect_grep "text: local time with offset" 'malicious  2026-11-19 15:45:31 +0100' out.txt
expect_grep "text: summary" 'Summary: 17 messages in 16 files: 3 malicious, 0 suspicious, 14 clean; 1 bank-detail fraud, 2 mailbox rules, 0 unparsable' out.txt
"$RIPOSTE" mail scan stores rules --ioc iocs.txt --clamav-db clamav --format csv > out.csv
expect_eq "csv: header and six rows" 7 "$(wc -l < out.csv)"
"$RIPOSTE" mail scan stores --no-clamav --all --format jsonl > all.jsonl
expect_eq "--all lists the 17 messages" 17 "$(grep -c '"kind":"message"' all.jsonl)"
expect_grep "without ClamAV the macro document is still malicious (YARA)" \
    '"subject":"Rechnung 2026-114".*"verdict":"malicious"' all.jsonl
expect_grep "without --ioc the link is suspicious (its text shows our domain)" \
    '"subject":"Ihr Befund ist bereit".*"verdict":"suspicious"' all.jsonl
expect_grep "clamav none" '"clamav":"none"' all.jsonl

# rules of one's own: any rule makes a message malicious, one with verdict "suspicious"
# suspicious; a rule that does not compile is an error that names its file and line
mkdir myrules
printf 'rule pdf_seen { strings: $a = "%%PDF-" condition: $a at 0 }\n' > myrules/pdf.yar
printf 'rule jpeg_seen { meta: verdict = "suspicious" condition: uint16(0) == 0xd8ff }\n' > myrules/jpeg.yara
"$RIPOSTE" mail scan stores --no-clamav --rules myrules --format jsonl > rules.jsonl
expect_grep "--rules: the four PDF messages and the two macro ones are malicious, the three JPEG ones and the link suspicious" '"malicious":6,"suspicious":4' rules.jsonl
expect_grep "--rules: the rule is named" 'yara:pdf_seen' rules.jsonl
printf 'rule broken { condition: nosuchthing }\n' > myrules/bad.yar
expect_exit "--rules: a rule that does not compile is exit 2" 2 "$RIPOSTE" mail scan stores --no-clamav --rules myrules
expect_grep "--rules: its file and line are said" 'bad.yar(1)' "$T/.err"

# workers: the same output, in the same order, whatever -j is (one root: the rules come
# between messages in the walk's order; the logs, the vCard and the rest are not mail)
"$RIPOSTE" mail scan . --no-clamav --all -j 3 --format jsonl > all3.jsonl
"$RIPOSTE" mail scan . --no-clamav --all -j 1 --format jsonl > all1.jsonl
expect_grep "the whole corpus as one tree: 17 messages, 2 rules, nothing else taken for mail" \
    '"messages":17,.*"rules":2,"unparsable":0' all1.jsonl
if cmp -s all1.jsonl all3.jsonl; then ok "-j 3 gives what -j 1 gives"; else
	fail "-j 3 differs from -j 1"; diff all1.jsonl all3.jsonl | head -n 5; fi

# the window and the mailbox
"$RIPOSTE" mail scan stores --since 2026-11-19T14:00:00Z --until 2026-11-19 --no-clamav --all > win.jsonl
expect_eq "--since/--until: the 19th from 14:00" 6 "$(grep -c '"kind":"message"' win.jsonl)"
"$RIPOSTE" mail scan stores --mailbox auftrag@labor.example --no-clamav --all > mb.jsonl
expect_eq "--mailbox: the messages to and from it" 2 "$(grep -c '"kind":"message"' mb.jsonl)"
expect_grep "--mailbox: no bec from a mailbox that did not send it" '"bec":0' mb.jsonl
"$RIPOSTE" mail --format jsonl scan stores/export --no-clamav > pre.jsonl
expect_eq "options before the verb" 1 $?

# --case: the case's IOCs are matched, the findings recorded
"$RIPOSTE" case open --db case.db --title "A client says we sent a virus" --discovered 2026-11-20T08:00Z > /dev/null
"$RIPOSTE" case ioc add --type domain befund-portal.example --db case.db > /dev/null
"$RIPOSTE" mail scan stores/archive.mbox --no-clamav --case --db case.db > case.jsonl
expect_eq "--case: found" 1 $?
expect_grep "--case: the case's IOC matched" 'ioc:domain:befund-portal.example' case.jsonl
"$RIPOSTE" case show --db case.db > show.txt 2>&1
expect_grep "--case: recorded in the journal" 'mail-scan .*mail scan: 4 messages, 1 malicious' show.txt

snap > after
if cmp -s before after; then ok "no atime, mtime or ctime changed in the stores"; else
	fail "timestamps changed"; diff before after | head -n 10; fi
done_testing
