# watch --restore (text) from a shadow made by hand: a copy restored, a copy taken of
# already-encrypted content skipped for the older good one, one file under another PATH
D=$(mktemp -d) || exit 2
mkdir -p "$D/share/a" "$D/other" "$D/shadow"
hex() { printf '%s' "$1" | od -An -tx1 | tr -d ' \n'; }
printf 'good a\n' >"$D/shadow/1-0"
printf 'BAD\n' >"$D/shadow/1-1"
printf 'good o\n' >"$D/shadow/1-2"
printf 'ENCRYPTED\n' >"$D/share/a/x.txt"
{
printf 'v1\t1795330740\tcopy\t1\t2\t7\tok\t100\t1-0\t%s\t0\n' "$(hex "$D/share/a/x.txt")"
printf 'v1\t1795330741\tcopy\t1\t2\t4\tencrypted\t100\t1-1\t%s\t0\n' "$(hex "$D/share/a/x.txt")"
printf 'v1\t1795330742\tcopy\t1\t3\t7\tok\t100\t1-2\t%s\t0\n' "$(hex "$D/other/o.txt")"
printf 'not an index line\n'
} >"$D/shadow/index"
{ "$RIPOSTE" watch --restore --format text --shadow "$D/shadow" "$D/share"; echo "exit $?"; } | sed "s|$D|D|g"
cat "$D/share/a/x.txt"
test -e "$D/other/o.txt" && echo "other restored (wrong)"
{ "$RIPOSTE" watch --restore --format text --shadow "$D/nothing" 2>&1; echo "exit $?"; } | sed "s|$D|D|g"
cd / && rm -rf "$D"
