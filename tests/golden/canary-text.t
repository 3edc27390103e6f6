# canary deploy and check (text): placed, then one changed and one missing
D=$(mktemp -d) || exit 2
mkdir "$D/share" "$D/share/sub"
cd "$D" || exit 2
RIPOSTE_NOW=2026-11-22T06:59:00Z "$RIPOSTE" canary deploy --format text share share/sub
echo "exit $?"
"$RIPOSTE" canary check --format text share share/sub
echo "exit $?"
head -c 4096 /dev/urandom >'share/!Accounts-2026.csv'
rm 'share/sub/~Payroll-archive.csv'
"$RIPOSTE" canary check --format text share share/sub
echo "exit $?"
cd / && rm -rf "$D"
