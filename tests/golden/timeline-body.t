# riposte timeline --format body: TSK body lines (inode, owner, ctime, crtime masked)
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
. "$TOP/tests/golden/forensic-tree.sh"
"$RIPOSTE" timeline --format body tree | awk -F'|' 'BEGIN { OFS = "|" } { $3 = "INODE"; $5 = "U"; $6 = "G"; $10 = "CTIME"; $11 = ($11 == 0 ? 0 : "CRTIME"); print }'
echo "exit $?"
