# riposte exfil --format text: a partial read (the mount line depends on the machine)
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/forensic-tree.sh"
touch -a -d '2026-11-21 02:30:00 UTC' tree/Patients/befund.txt
"$RIPOSTE" exfil --db none.db --data tree --since 2026-11-20T18:00Z --until 2026-11-21T07:00Z --format text --list-files |
	grep -v '^Filesystem: \|The filesystem holding'
echo "exit $?"
