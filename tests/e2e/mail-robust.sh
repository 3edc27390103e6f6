# riposte mail scan on hostile input: malformed MIME, broken base64 and quoted-printable,
# RFC 2047 words in odd charsets, 8-bit headers, a 10 MB header, multipart nested 1,000
# deep, a truncated mbox, a PST that is not one, a zip bomb, a FIFO, a symlink loop, a
# file name that is not UTF-8: no crash, no hang; what cannot be parsed is counted
# unparsable with its reason and the rest goes on.
. "$TOP/tests/lib.sh"
mkdir -p t/sub
cd t || exit 2
hdr() { printf 'From: a@sender.example\nTo: b@praxis-muster.example\nDate: Thu, 19 Nov 2026 10:00:00 +0000\nMessage-ID: <%s@x.example>\nSubject: %s\n' "$1" "$2"; }
{ hdr malformed "no end"; printf 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="zz"\n\n--zz\nContent-Type: text/plain\n\nbody without an end\n--zz\nContent-Type: application/octet-stream\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename="a.bin"\n\nTWFu!!!!broken***==TWFu\n'; } > m1.eml
{ hdr qp "qp"; printf 'MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nbad =ZZ soft=\n=C3=A9=\n'; } > m2.eml
{ printf 'From: =?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?= <a@sender.example>\nTo: =?KOI8-R?Q?=F0=D2=C9=D7=C5=D4?= <b@praxis-muster.example>\nSubject: =?x-unknown?Q?=FF=FE?= =?utf-8?B?w6k=?= \xe9t\xe9 8-bit\nMessage-ID: <rfc2047@x.example>\n\nbody\n'; } > m3.eml
{ hdr bighdr "big"; printf 'X-Big: '; head -c 10485760 /dev/zero | tr '\0' 'x'; printf '\n\nbody\n'; } > m4.eml
/usr/bin/python3 - <<'PY' || printf 'From: a@b.example\nSubject: x\n\n' > m5.eml
d = 1000
out = ["From: a@sender.example\nTo: b@praxis-muster.example\nSubject: deep\nMessage-ID: <deep@x.example>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b0\"\n\n"]
for i in range(1, d):
    out.append("--b%d\nContent-Type: multipart/mixed; boundary=\"b%d\"\n\n" % (i - 1, i))
out.append("--b%d\nContent-Type: text/plain\n\nhello\n" % (d - 1))
for i in range(d - 1, -1, -1):
    out.append("--b%d--\n" % i)
open("m5.eml", "w").write("".join(out))
PY
{ printf 'From a@sender.example Thu Nov 19 10:00:00 2026\n'; hdr mb1 "first"; printf '\nhello\n>From the lab\n\nFrom b@sender.example Thu Nov 19 11:00:00 2026\n'; hdr mb2 "second"; printf '\nthe message is cut he'; } > cut.mbox
{ printf '!BDN'; head -c 5000 /dev/urandom; } > fake.pst
# a Unicode PST header whose index leads nowhere: libpst reads it through our descriptor
{ printf '!BDN\0\0\0\0\0\0\027'; head -c 5000 /dev/zero; } > sub/empty.ost
head -c 209715200 /dev/zero | zip -q -9 bomb.zip - 2>/dev/null
{ hdr bomb "bomb"; printf 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="q"\n\n--q\nContent-Type: text/plain\n\nsee attachment\n--q\nContent-Type: application/zip; name="bomb.zip"\nContent-Disposition: attachment; filename="bomb.zip"\nContent-Transfer-Encoding: base64\n\n'; base64 bomb.zip; printf '\n--q--\n'; } > sub/m6.eml
rm -f bomb.zip
cp m2.eml "$(printf 'sub/bad\nname\377.eml')"
mkfifo sub/fifo
ln -s ../t sub/loop
ln -s loop2 sub/loop1; ln -s loop1 sub/loop2
cd "$T" || exit 2
find t -type f > paths
xargs -d '\n' touch -a -d '2026-11-01 10:00:00' < paths
snap() { xargs -d '\n' stat -c '%n %X.%x %Y %Z.%z' < paths; }
snap > before
sleep 1.1

timeout 120 "$RIPOSTE" mail scan t --no-clamav --format jsonl > out.jsonl 2> err
st=$?
expect_eq "found (the bomb is suspicious): exit 1, no crash, no hang" 1 "$st"
expect_grep "the 10 MB header is unparsable" '"kind":"unparsable","store":"t/m4.eml".*header larger' out.jsonl
expect_grep "the 1,000-deep multipart is unparsable" '"kind":"unparsable","store":"t/m5.eml".*nested deeper' out.jsonl
expect_grep "the fake PST is unparsable" '"kind":"unparsable","store":"t/fake.pst"' out.jsonl
expect_grep "the PST without folders is unparsable" '"kind":"unparsable","store":"t/sub/empty.ost".*no folders' out.jsonl
[ -s err ] && { fail "nothing on stderr (libpst, ClamAV, GMime say nothing)"; head -n 5 err; }
expect_grep "the zip bomb is reported, not expanded" '"subject":"bomb".*"verdict":"suspicious".*not expanded' out.jsonl

"$RIPOSTE" mail scan t --no-clamav --all --format jsonl > all.jsonl 2>/dev/null
expect_grep "malformed MIME is read as far as it goes" '"id":"malformed@x.example"' all.jsonl
expect_grep "broken base64 is decoded, the attachment hashed" '"name":"a.bin","sha256":"[0-9a-f]\{64\}"' all.jsonl
expect_grep "RFC 2047 in ISO-2022-JP and 8-bit headers" '"id":"rfc2047@x.example"' all.jsonl
expect_grep "the truncated mbox: its first message" '"id":"mb1@x.example"' all.jsonl
expect_grep "the truncated mbox: the cut one" '"id":"mb2@x.example"' all.jsonl
expect_grep "the file name that is not UTF-8 keeps its bytes" '"store_hex":"' all.jsonl
expect_grep "summary counts 4 unparsable" '"unparsable":4' all.jsonl
snap > after
if cmp -s before after; then ok "no atime, mtime or ctime changed (PSTs included)"; else
	fail "timestamps changed"; diff before after | head -n 10; fi
done_testing
