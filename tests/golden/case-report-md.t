# The final report in Markdown, for the closed reference case.
. "$TOP/tests/golden/case-lib.sh"
swiss_case
printf '{"kind":"file","path":"/srv/data/a.docx"}\n{"kind":"summary","command":"scan","files":1200,"encrypted":312,"notes":4}\n' > scan.jsonl
"$RIPOSTE" case attach scan.jsonl
"$RIPOSTE" case log --at 2026-11-20T03:14:00+01:00 "first file encrypted (from the scan)"
"$RIPOSTE" case log --at 2026-11-19T23:05:00+01:00 "RDP login from 203.0.113.7 (firewall log)"
"$RIPOSTE" case notify --to insurer --lang de --sent >/dev/null 2>&1
r case close
"$RIPOSTE" case root-cause "RDP exposed to the internet with a weak password"
"$RIPOSTE" case lesson "The offline backup made the restore possible"
"$RIPOSTE" case action --owner "IT provider" --due 2026-12-31 "Close RDP; remote access only by VPN with MFA"
r case close
"$RIPOSTE" case entry --vector exposed-service "RDP of the server forwarded from the internet, password guessed" 2>/dev/null
RIPOSTE_NOW=2026-11-22T17:00:00+01:00 r case close
r case report --format md --case 1 -o -
r case report --format md -o -
# --lang overrides the site's language (de): English, with Swiss numbers and dates
r case report --case 1 --format md -o - --lang en
r case report --case 1 --format md -o - --lang it
