# What ClamAV sees in riposte mail scan, and that the verdicts kept by SHA-256 give the
# same answers: the EICAR attachment in two messages is found in both (the second from
# the kept verdict), a PDF sent twice stays clean, the EICAR attachment of a forwarded
# message (message/rfc822) is found once, on the inner part (the attached message is
# not scanned whole); the EICAR file inside a zip is found with TMPDIR unusable
# (libclamav's temporary files go to /dev/shm when it is a tmpfs); -j 1 and -j 2 give
# the same output; with no place for libclamav's temporary files the scan is refused
# (libclamav would say "clean" for a zip it cannot unpack); an attachment libclamav fails
# on (its temporary directory full: it cannot write the zip's member out) makes its
# message suspicious with the reason, in both messages that carry it (errors are not
# kept), while the EICAR zip of the same run is still found; a zip past libclamav's
# limit of 10,000 files is suspicious with the limit (libclamav alone says "clean");
# options after the operands.
. "$TOP/tests/lib.sh"
command -v zip >/dev/null || skip "zip is missing"
# the EICAR test string from two halves (this file is no test file itself)
e1='X5O!P%@AP[4\PZX54(P^)7CC)7}$'
e2='EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*'
printf '%s%s' "$e1" "$e2" > eicar
mkdir -p db mail/cur mail/new mail/tmp z
echo "Eicar-Test-Body:0:*:$(od -An -tx1 -v eicar | tr -d ' \n')" > db/test.ndb
printf '%%PDF-1.4\n%% Befund 2026\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' > befund.pdf
cp eicar z/readme.txt
(cd z && zip -q ../docs.zip readme.txt)
msg() {  # N FROM TO FILE NAME
	printf 'From: %s\nTo: %s\nSubject: Unterlagen %s\nDate: Thu, 19 Nov 2026 14:4%s:00 +0000\nMessage-ID: <m%s@praxis.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain\n\nAnbei.\n--b\nContent-Type: application/octet-stream; name="%s"\nContent-Disposition: attachment; filename="%s"\nContent-Transfer-Encoding: base64\n\n%s\n--b--\n' \
	    "$2" "$3" "$1" "$1" "$1" "$5" "$5" "$(base64 < "$4")"
}
msg 1 a@praxis.example x@client-a.example eicar tool.com > mail/cur/1.eml
msg 2 a@praxis.example y@client-b.example eicar tool.com > mail/cur/2.eml
msg 3 a@praxis.example z@client-c.example befund.pdf befund.pdf > mail/cur/3.eml
msg 4 a@praxis.example w@client-d.example befund.pdf befund.pdf > mail/cur/4.eml
{ printf 'From: a@praxis.example\nTo: v@client-e.example\nSubject: Fwd\nDate: Thu, 19 Nov 2026 14:45:00 +0000\nMessage-ID: <m5@praxis.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="o"\n\n--o\nContent-Type: text/plain\n\nsiehe unten\n--o\nContent-Type: message/rfc822\nContent-Disposition: attachment; filename="fwd.eml"\n\n'
  msg 9 b@client-x.example a@praxis.example eicar inner.txt
  printf '\n--o--\n'; } > mail/cur/5.eml
msg 6 a@praxis.example u@client-f.example docs.zip docs.zip > mail/cur/6.eml

"$RIPOSTE" mail scan mail --clamav-db db --all -j 1 --format jsonl > j1.jsonl 2> err
expect_eq "found: exit 1" 1 $?
[ -s err ] && { fail "nothing on stderr"; head -n 5 err; }
verdict() { grep "\"id\":\"$1\"" j1.jsonl | sed 's/.*"verdict":"\([a-z]*\)".*/\1/'; }
expect_eq "the EICAR attachment: malicious" malicious "$(verdict m1@praxis.example)"
expect_eq "the same attachment again (kept verdict): malicious" malicious "$(verdict m2@praxis.example)"
expect_grep "with the signature's name" '"id":"m2@praxis.example".*"matches":\["clamav:Eicar-Test-Body' j1.jsonl
expect_eq "the PDF: clean" clean "$(verdict m3@praxis.example)"
expect_eq "the same PDF again: clean" clean "$(verdict m4@praxis.example)"
expect_eq "the forwarded message's attachment: malicious" malicious "$(verdict m5@praxis.example)"
expect_grep "found on the inner part" '"name":"fwd.eml!inner.txt","sha256":"[0-9a-f]*","size":68,"type":"[^"]*","matches":\["clamav:Eicar' j1.jsonl
expect_grep "not on the attached message as a whole" '"name":"fwd.eml","sha256":"[0-9a-f]*","size":[0-9]*,"type":"message/rfc822","matches":\[\]' j1.jsonl
expect_eq "one ClamAV match for the forwarded message" 1 \
    "$(grep '"id":"m5@praxis.example"' j1.jsonl | grep -o '"reasons":.*' | grep -o 'ClamAV found' | wc -l)"
expect_eq "the zip: malicious" malicious "$(verdict m6@praxis.example)"
expect_grep "summary" '"kind":"summary","messages":6,"malicious":4,"suspicious":0' j1.jsonl
"$RIPOSTE" mail scan mail --clamav-db db --all -j 2 --format jsonl > j2.jsonl 2> /dev/null
expect_eq "-j 2: the same output" "$(cat j1.jsonl)" "$(cat j2.jsonl)"

# libclamav stops at its limits and, unless asked to alert, says "clean": a zip whose
# 10,051st member is the EICAR file passed. The scan that stopped at a limit is said
# (suspicious, with the limit), and a virus found before the limit still wins
python3 - <<'PY'
import zipfile
eicar = open("eicar", "rb").read()
for name, first in (("late.zip", False), ("early.zip", True)):
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        if first:
            z.writestr("a.txt", eicar)
        for i in range(10050):
            z.writestr("f%05d.txt" % i, "x")
        if not first:
            z.writestr("z.txt", eicar)
PY
mkdir -p lim/cur lim/new lim/tmp
msg 10 a@praxis.example r@client-i.example late.zip late.zip > lim/cur/10.eml
msg 11 a@praxis.example q@client-j.example early.zip early.zip > lim/cur/11.eml
"$RIPOSTE" mail scan lim --clamav-db db --all --format jsonl > lim.jsonl 2> /dev/null
expect_eq "ClamAV's limit reached: exit 1" 1 $?
expect_grep "the virus past the limit: suspicious, with ClamAV's limit" \
    '"id":"m10@praxis.example".*"verdict":"suspicious".*"reasons":\[[^]]*"'"'"'late.zip'"'"' could not be scanned by ClamAV: stopped at its limit: Heuristics.Limits.Exceeded.MaxFiles"' lim.jsonl
expect_grep "the virus before the limit: malicious" \
    '"id":"m11@praxis.example".*"matches":\["clamav:Eicar-Test-Body.UNOFFICIAL"\],"verdict":"malicious"' lim.jsonl

if [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
	# libclamav unpacks the zip to a temporary file; with TMPDIR where nothing can
	# be made, it would fail and say nothing found (as clamscan does)
	TMPDIR=/nonexistent/riposte-test "$RIPOSTE" mail scan mail/cur/6.eml --clamav-db db \
	    --format jsonl > shm.jsonl 2> /dev/null
	expect_grep "EICAR in the zip found with TMPDIR unusable" '"matches":\["clamav:Eicar-Test-Body' shm.jsonl
else
	ok "# /dev/shm is no tmpfs here: the TMPDIR check skipped"
fi

# libclamav that cannot make its temporary directory says "clean" for a zip holding a
# virus: with no place at all for it (a read-only /dev/shm in a mount namespace of this
# test, TMPDIR unusable), the scan is refused with the reason, not run half-blind
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	unshare -m sh -c 'mount -t tmpfs -o ro tmpfs /dev/shm && TMPDIR=/nonexistent/riposte-test \
	    exec "$0" mail scan mail/cur/3.eml mail/cur/6.eml --clamav-db db --all --format jsonl' \
	    "$RIPOSTE" > noscan.jsonl 2> noscan.err
	expect_eq "no temporary directory for ClamAV: exit 2" 2 $?
	expect_grep "the reason, with the way out" "no place for its temporary files: '/nonexistent/riposte-test': No such file or directory (set TMPDIR" noscan.err
	expect_eq "nothing called clean" 0 "$(grep -c '"verdict":"clean"' noscan.jsonl)"
	unshare -m sh -c 'mount -t tmpfs -o ro tmpfs /dev/shm && TMPDIR=/nonexistent/riposte-test \
	    exec "$0" mail scan mail/cur/6.eml --no-clamav --format jsonl' "$RIPOSTE" > noclam.jsonl 2> /dev/null
	expect_eq "--no-clamav still scans (YARA, IOCs, macros)" 0 $?

	# a real libclamav error, not a verdict: a zip whose member (512 KiB of random
	# bytes, stored) does not fit in a 256 KiB tmpfs on /dev/shm; libclamav's write
	# fails with ENOSPC and cl_scanmap_callback returns CL_EWRITE
	head -c 524288 /dev/urandom > z/scan.tif
	(cd z && zip -q -0 ../scans.zip scan.tif)
	mkdir -p full/cur full/new full/tmp
	msg 7 a@praxis.example t@client-g.example scans.zip scans.zip > full/cur/7.eml
	msg 8 a@praxis.example s@client-h.example scans.zip scans.zip > full/cur/8.eml
	cp mail/cur/6.eml full/cur/6.eml
	"$RIPOSTE" mail scan full --clamav-db db --all --format jsonl > roomy.jsonl 2> /dev/null
	expect_eq "with room for its temporary files: the zip scanned, clean" 2 \
	    "$(grep -c '"id":"m[78]@praxis.example".*"verdict":"clean","cc":\[\],"bcc":\[\],"reasons":\[\]' roomy.jsonl)"
	unshare -m sh -c 'mount -t tmpfs -o size=256k tmpfs /dev/shm && \
	    exec "$0" mail scan full --clamav-db db -j 2 --all --format jsonl' "$RIPOSTE" > full.jsonl 2> full.err
	expect_eq "an unscanned attachment: exit 1" 1 $?
	[ -s full.err ] && { fail "nothing on stderr"; head -n 5 full.err; }
	expect_eq "both messages with the zip: suspicious, ClamAV's error the one reason" 2 \
	    "$(grep -c '"id":"m[78]@praxis.example".*"verdict":"suspicious","cc":\[\],"bcc":\[\],"reasons":\["'"'"'scans.zip'"'"' could not be scanned by ClamAV: Can'"'"'t write to file"\]' full.jsonl)"
	expect_grep "the EICAR zip of the same run still found" '"id":"m6@praxis.example".*"verdict":"malicious"' full.jsonl
	expect_grep "summary" '"kind":"summary","messages":3,"malicious":1,"suspicious":2' full.jsonl
else
	ok "# no mount namespace here: the no-temporary-directory check skipped"
fi
done_testing
