#!/bin/sh
# riposte timeline: TSK's own mactime reads our body file back with every time right;
# our mactime CSV equals TSK's; log lines are merged in time order.
. "$TOP/tests/lib.sh"
command -v mactime >/dev/null || skip "mactime (sleuthkit) is not installed"
mkdir -p tree/Patients tree/Admin
echo one > tree/Patients/a.txt
echo two > tree/Patients/b.docx
echo three > "tree/Admin/pipe|name.txt"
echo four > "tree/Admin/new
line.txt"
touch -m -d '2026-11-20 10:00:00 UTC' tree/Patients/a.txt
touch -a -d '2026-11-21 03:14:15 UTC' tree/Patients/a.txt
touch -m -d '2026-11-19 08:30:00 UTC' tree/Patients/b.docx
touch -a -d '2026-11-19 08:30:00 UTC' tree/Patients/b.docx
touch -d '2026-11-18 12:00:00 UTC' "tree/Admin/pipe|name.txt" "tree/Admin/new
line.txt"
touch -d '2026-11-17 00:00:00 UTC' tree/Patients tree/Admin

expect_exit "body format" 0 "$RIPOSTE" timeline --format body tree
cp "$T/.out" tree.body
expect_eq "one body line per entry" 6 "$(wc -l < tree.body | tr -d ' ')"
expect_eq "every line has 11 fields" 6 "$(awk -F'|' 'NF == 11' tree.body | wc -l | tr -d ' ')"
expect_grep "pipe in a name is escaped" '^0|tree/Admin/pipe\\x7cname.txt|' tree.body
expect_grep "newline in a name is escaped" '^0|tree/Admin/new\\nline.txt|' tree.body

TZ=UTC mactime -b tree.body -d -y -z UTC > mactime.csv 2> mactime.err
expect_eq "mactime read it without complaint" "" "$(cat mactime.err)"
line() { grep ",$2,.*\"tree/Patients/$1\"" mactime.csv | cut -d, -f1; }
expect_eq "a.txt m" "2026-11-20T10:00:00Z" "$(grep '"tree/Patients/a.txt"' mactime.csv | grep ',m\.\.\.,\|,m\.c\.,\|,m\.\.b,\|,m\.cb,' | cut -d, -f1)"
expect_eq "a.txt a" "2026-11-21T03:14:15Z" "$(grep '"tree/Patients/a.txt"' mactime.csv | grep ',\.a' | cut -d, -f1)"
expect_eq "b.docx m and a together" "2026-11-19T08:30:00Z" "$(grep '"tree/Patients/b.docx"' mactime.csv | grep ',ma' | cut -d, -f1)"
expect_eq "a.txt c = stat's ctime" "$(date -u -d "@$(stat -c %Z tree/Patients/a.txt)" +%Y-%m-%dT%H:%M:%SZ)" \
	"$(grep '"tree/Patients/a.txt"' mactime.csv | grep ',..c' | cut -d, -f1)"
btime=$(stat -c %W tree/Patients/a.txt)
if [ "$btime" != 0 ] && [ "$btime" != "-" ]; then
	expect_eq "a.txt b = stat's birth" "$(date -u -d "@$btime" +%Y-%m-%dT%H:%M:%SZ)" \
		"$(grep '"tree/Patients/a.txt"' mactime.csv | grep ',...b,\|,..cb,\|,m.cb,\|,.acb,\|,macb,\|,m..b,\|,.a.b,' | cut -d, -f1)"
fi
expect_eq "dir m time" "2026-11-17T00:00:00Z" "$(grep '"tree/Admin"$' mactime.csv | grep ',ma' | cut -d, -f1)"

# our mactime CSV has the same rows as TSK's (order within one second may differ)
"$RIPOSTE" timeline --format mactime tree > ours.csv
grep -v '^0000-00-00' mactime.csv | sort > theirs.sorted
sort ours.csv > ours.sorted
expect_eq "--format mactime = mactime -d -y" "" "$(diff theirs.sorted ours.sorted)"

# window
"$RIPOSTE" timeline --format jsonl --since 2026-11-19T00:00:00Z --until 2026-11-20T23:59:59Z tree > win.jsonl
expect_eq "window: two events" 2 "$(grep -c '"kind":"event"' win.jsonl)"
expect_grep "window: summary" '"kind":"summary","events":2,"file_events":2,"log_events":0' win.jsonl

# logs merged in time order
cat > auth.log <<'LOG'
Nov 21 03:10:02 srv sshd[811]: Failed password for invalid user admin from 203.0.113.9 port 50122 ssh2
Nov 21 03:12:40 srv sshd[815]: Accepted password for praxis from 203.0.113.9 port 50200 ssh2
Nov 21 03:13:01 srv sudo:   praxis : TTY=pts/0 ; PWD=/home/praxis ; USER=root ; COMMAND=/usr/bin/tar czf /tmp/p.tgz /srv/tree
Nov 21 03:13:05 srv CRON[900]: pam_unix(cron:session): session closed for user root
garbage line
LOG
printf '%s\n' 'Nov 21 03:14:15 srv smbd_audit: anna|192.168.1.20|praxis-pc|Patients|pread|ok|Patients/a.txt' > samba.log
printf '%s\n' '{"__REALTIME_TIMESTAMP":"1795230960000000","_HOSTNAME":"srv","SYSLOG_IDENTIFIER":"sshd","MESSAGE":"Disconnected from user praxis 203.0.113.9 port 50200"}' > journal.json
printf '%s\n' '{"kind":"alert","time":"2026-11-21T03:20:00Z","path":"/srv/tree/Patients/b.docx","message":"encrypting process stopped"}' > alerts.jsonl
TZ=UTC "$RIPOSTE" timeline --format csv --year 2026 --log auth.log --log samba.log --log journal.json --log alerts.jsonl tree > merged.csv 2> merged.err
expect_grep "unparsed line counted" "1 log lines in no known format" merged.err
expect_eq "merged rows in order" "2026-11-21T03:10:02Z,auth,login-failed
2026-11-21T03:12:40Z,auth,login
2026-11-21T03:13:01Z,auth,sudo
2026-11-21T03:13:05Z,auth,session-close
2026-11-21T03:14:15Z,file,
2026-11-21T03:14:15Z,samba,pread
2026-11-21T03:16:00Z,journal,logout
2026-11-21T03:20:00Z,riposte,alert" "$(sed 1d merged.csv | awk -F, '$1 >= "2026-11-21" && $1 < "2026-11-22"' | awk -F, '{print $1 "," $9 "," $10}')"
expect_grep "samba user and client" ',samba,pread,anna,192.168.1.20,' merged.csv
expect_grep "sudo command" 'COMMAND\|/usr/bin/tar czf' merged.csv
TZ=UTC "$RIPOSTE" timeline --format jsonl --year 2026 --log journal.json tree > j.jsonl
expect_eq "journal json logout" 1 "$(grep -c '"source":"journal","host":"srv","program":"sshd","action":"logout","status":"","user":"praxis","client":"203.0.113.9"' j.jsonl)"

expect_exit "body refuses logs" 2 "$RIPOSTE" timeline --format body --log auth.log tree
expect_exit "bad --since" 2 "$RIPOSTE" timeline --since yesterday tree
expect_exit "missing log" 2 "$RIPOSTE" timeline --log nothere.log tree
expect_exit "missing tree" 2 "$RIPOSTE" timeline nothere
done_testing
