#!/bin/sh
# riposte exfil: the right verdict and counts for no read, a few files read, and a bulk
# read of the whole data set; egress records; the baseline's earlier bulk read (backup);
# noatime on a loop-mounted ext4 image (when this runs as root and mount is allowed).
. "$TOP/tests/lib.sh"
DB="$T/r.db"
W="--since 2026-11-20T18:00:00Z --until 2026-11-21T07:00:00Z"
mkdir -p data/Patients/2025 data/Patients/2026 data/Admin
i=0
while [ "$i" -lt 30 ]; do
	d=data/Patients/2025; [ "$i" -ge 15 ] && d=data/Patients/2026
	head -c $((1000 + i)) /dev/zero > "$d/record-$i.pdf"
	i=$((i + 1))
done
head -c 500 /dev/zero > data/Admin/plan.txt
old_times() {  # modified long ago, last read weeks before the window
	find data -exec touch -m -d '2026-09-01 00:00:00 UTC' {} +
	find data -exec touch -a -d '2026-10-15 00:00:00 UTC' {} +
}
summary() { tail -n 1 "$T/.out" | grep -o "\"$1\":[^,]*"; }

old_times
expect_exit "no read: exit 0" 0 "$RIPOSTE" exfil --db "$DB" --data data $W --format jsonl
expect_eq "no read: verdict" '"verdict":"no-evidence-of-access"' "$(summary verdict)"
expect_eq "no read: files" '"files":31' "$(summary files)"
expect_eq "no read: files_read" '"files_read":0' "$(summary files_read)"
expect_grep "mount line" '"kind":"mount"' "$T/.out"
expect_grep "summary has atime_mode" '"atime_mode":"\(relatime\|strictatime\|noatime\)"' "$T/.out"

# a few files read
touch -a -d '2026-11-21 02:14:00 UTC' data/Patients/2025/record-3.pdf
touch -a -d '2026-11-21 02:20:00 UTC' data/Patients/2026/record-20.pdf data/Admin/plan.txt
expect_exit "few read: exit 1" 1 "$RIPOSTE" exfil --db "$DB" --data data $W --format jsonl --list-files
expect_eq "few read: verdict" '"verdict":"partial-access"' "$(summary verdict)"
expect_eq "few read: files_read" '"files_read":3' "$(summary files_read)"
expect_eq "few read: bytes_read" '"bytes_read":2523' "$(summary bytes_read)"
expect_eq "few read: dirs touched" '"dirs_touched":3' "$(summary dirs_touched)"
expect_eq "few read: listed files" 3 "$(grep -c '"kind":"read"' "$T/.out")"
expect_grep "few read: directory line" '"kind":"dir","path":"data/Patients/2025","files":15,"files_read":1' "$T/.out"

# bulk read of the whole data set in minutes, in directory order (a copy)
old_times
n=0
for f in $(find data -type f | sort); do
	touch -a -d "2026-11-21 03:$(printf '%02d' $((n / 6))):$(printf '%02d' $((n % 6 * 10))) UTC" "$f"
	n=$((n + 1))
done
expect_exit "bulk: exit 1" 1 "$RIPOSTE" exfil --db "$DB" --data data $W --format jsonl
expect_eq "bulk: verdict" '"verdict":"bulk-access"' "$(summary verdict)"
expect_eq "bulk: all read" '"files_read":31' "$(summary files_read)"
expect_eq "bulk: pattern copy" '"pattern":"copy"' "$(summary pattern)"
expect_grep "bulk: reason says copy" 'treat it as a possible copy of the data' "$T/.out"

# egress records: CSV flows, conntrack, nftables
cat > flows.csv <<'CSV'
time,source,destination,bytes
2026-11-21T03:01:00Z,192.168.1.10,203.0.113.50,40000
2026-11-21T03:02:00Z,192.168.1.10,192.168.1.20,900000
2026-11-22T10:00:00Z,192.168.1.10,203.0.113.50,700000
CSV
expect_exit "egress csv" 1 "$RIPOSTE" exfil --db "$DB" --data data $W --egress flows.csv --format jsonl
expect_eq "egress csv: outside bytes in the window" '"egress_bytes":40000' "$(summary egress_bytes)"
expect_grep "egress csv: enough to carry" 'enough to carry' "$T/.out"
cat > ct.txt <<'CT'
tcp      6 431999 ESTABLISHED src=192.168.1.10 dst=198.51.100.7 sport=50000 dport=443 packets=900 bytes=5000000 src=198.51.100.7 dst=192.168.1.10 sport=443 dport=50000 packets=400 bytes=20000 [ASSURED] mark=0 use=1
tcp      6 300 ESTABLISHED src=203.0.113.9 dst=192.168.1.10 sport=51000 dport=445 packets=10 bytes=1000 src=192.168.1.10 dst=203.0.113.9 sport=445 dport=51000 packets=20 bytes=3000 [ASSURED] mark=0 use=1
udp      17 20 src=192.168.1.10 dst=192.168.1.1 sport=5353 dport=53 packets=1 bytes=60 src=192.168.1.1 dst=192.168.1.10 sport=53 dport=5353 packets=1 bytes=120 mark=0 use=1
CT
expect_exit "egress conntrack" 1 "$RIPOSTE" exfil --db "$DB" --data data $W --egress ct.txt --format jsonl
expect_eq "conntrack: outbound bytes of both directions" '"egress_bytes":5003000' "$(summary egress_bytes)"
expect_grep "conntrack: top destination" '"top_destination":"198.51.100.7","top_bytes":5000000' "$T/.out"
cat > nft.json <<'NFT'
{"nftables":[{"metainfo":{"version":"1.0.6","json_schema_version":1}},
{"table":{"family":"inet","name":"filter","handle":1}},
{"chain":{"family":"inet","table":"filter","name":"output","handle":2,"type":"filter","hook":"output","prio":0,"policy":"accept"}},
{"chain":{"family":"inet","table":"filter","name":"input","handle":3,"type":"filter","hook":"input","prio":0,"policy":"accept"}},
{"rule":{"family":"inet","table":"filter","chain":"output","handle":4,"expr":[{"counter":{"packets":12,"bytes":64000}}]}},
{"rule":{"family":"inet","table":"filter","chain":"input","handle":5,"expr":[{"counter":{"packets":99,"bytes":999999}}]}}]}
NFT
expect_exit "egress nft" 1 "$RIPOSTE" exfil --db "$DB" --data data $W --egress nft.json --format jsonl
expect_eq "nft: output chain counters only" '"egress_bytes":64000' "$(summary egress_bytes)"
printf 'nonsense\n' > bad.txt
expect_exit "egress: unknown format is an error" 2 "$RIPOSTE" exfil --data data $W --egress bad.txt

# the baseline shows the same bulk read the night before: a backup
old_times
n=0
for f in $(find data -type f | sort); do
	touch -a -d "2026-11-20 03:$(printf '%02d' $((n / 6))):00 UTC" "$f"; n=$((n + 1))
done
"$RIPOSTE" baseline --db "$DB" data > /dev/null
n=0
for f in $(find data -type f | sort); do
	touch -a -d "2026-11-21 03:$(printf '%02d' $((n / 6))):00 UTC" "$f"; n=$((n + 1))
done
expect_exit "backup: exit 1" 1 "$RIPOSTE" exfil --db "$DB" --data data $W --format jsonl
expect_eq "backup: pattern" '"pattern":"backup"' "$(summary pattern)"
expect_grep "backup: baseline line" '"kind":"baseline",.*"files":31,"read_since":31,"earlier_bulk_read":"2026-11-20T03:00:00Z"' "$T/.out"

# a baseline of a directory above PATH serves PATH too
"$RIPOSTE" exfil --db "$DB" --data data/Patients/2026 $W --format jsonl > sub.jsonl
expect_grep "baseline of the parent used" '"kind":"baseline",.*"files":15,"read_since":15,' sub.jsonl

# reads hidden by later reads: undeterminable, not "no evidence"
old_times
find data -type f -exec touch -a -d '2026-11-22 01:00:00 UTC' {} +
expect_exit "masked: exit 1" 1 "$RIPOSTE" exfil --db "$DB" --data data $W --format jsonl
expect_eq "masked: undeterminable" '"verdict":"undeterminable"' "$(summary verdict)"

# text report
old_times
touch -a -d '2026-11-21 02:14:00 UTC' data/Patients/2025/record-3.pdf
TZ=UTC "$RIPOSTE" exfil --db "$DB" --data data $W --format text > report.txt
expect_grep "text: verdict" '^Verdict: partial-access' report.txt
expect_grep "text: directory" '1 / 15     data/Patients/2025' report.txt

# --case needs an open incident case in the database
expect_exit "--case without an open case" 2 "$RIPOSTE" exfil --db "$DB" --data data $W --format jsonl --case
expect_grep "--case message" "no open incident case in" "$T/.err"
# with an open case (inserted directly: the case command is not in this build yet)
sqlite3 "$DB" "INSERT INTO cases(title, opened, discovered) VALUES('Praxis', 1795200000, 1795200000)"
expect_exit "--case records the verdict" 1 "$RIPOSTE" exfil --db "$DB" --data data $W --format jsonl --case
expect_eq "journal entry" 'exfil|{"verdict":"partial-access","files":31,"files_read":1,"bytes":30935,"bytes_read":1003}' \
	"$(sqlite3 "$DB" "SELECT kind, data FROM journal WHERE case_id = 1 ORDER BY seq DESC LIMIT 1")"
"$RIPOSTE" baseline --db "$DB" data > /dev/null
expect_exit "diff --case records too" 0 "$RIPOSTE" diff --db "$DB" --format jsonl --case data
expect_eq "diff journal entry" 'diff' "$(sqlite3 "$DB" "SELECT kind FROM journal WHERE case_id = 1 ORDER BY seq DESC LIMIT 1")"

# usage errors
expect_exit "missing --since" 2 "$RIPOSTE" exfil --data data --until 2026-11-21
expect_exit "until before since" 2 "$RIPOSTE" exfil --data data --since 2026-11-21 --until 2026-11-20
expect_exit "missing data" 2 "$RIPOSTE" exfil --data nothere $W

# noatime: a loop-mounted ext4 image (root only; skipped where mount is not permitted)
if [ "$(id -u)" = 0 ] && command -v mkfs.ext4 >/dev/null; then
	truncate -s 16M img && mkfs.ext4 -q -F img && mkdir mnt
	if mount -o loop,noatime img mnt 2>/dev/null; then
		mkdir mnt/data && echo x > mnt/data/a && touch -a -d '2026-11-21 02:00:00 UTC' mnt/data/a
		"$RIPOSTE" exfil --data mnt/data $W --format jsonl > na.jsonl
		st=$?
		umount mnt
		expect_eq "noatime: exit 1" 1 "$st"
		expect_grep "noatime: mode" '"atime_mode":"noatime"' na.jsonl
		expect_grep "noatime: undeterminable" '"verdict":"undeterminable"' na.jsonl
	else
		echo "# noatime case skipped: mount not permitted here"
	fi
fi
done_testing
