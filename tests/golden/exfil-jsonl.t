# riposte exfil --format jsonl: a bulk read compared with the baseline, egress CSV
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/forensic-tree.sh"
find tree -type f -exec touch -a -d '2026-11-21 03:00:00 UTC' {} +
printf 'time,source,destination,bytes\n2026-11-21T03:05:00Z,192.168.1.10,203.0.113.50,60000\n' > flows.csv
"$RIPOSTE" exfil --db r.db --data tree --since 2026-11-20T18:00Z --until 2026-11-21T07:00Z --egress flows.csv --format jsonl |
	grep -v '"kind":"mount"' | sed -e 's/"The filesystem holding[^"]*",//' -e 's/"atime_mode":"[a-z]*"/"atime_mode":M/'
echo "exit $?"
