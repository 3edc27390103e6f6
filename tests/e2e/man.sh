#!/bin/sh
# The manual pages (issue 26): scripts/man.sh makes one per row of the commands[] table
# from the command's own --help, riposte(1) from `riposte help` and riposte.conf(5);
# each renders with man(1) without a warning, says exactly what --help says, is found
# by man -w and indexed by its NAME line.
. "$(dirname "$0")/../lib.sh"
command -v man >/dev/null && command -v lexgrog >/dev/null || skip "no man-db (scripts/packages.d/deb.txt)"

sh "$TOP/scripts/man.sh" all "$RIPOSTE" "$T/man" 9.8.7 2026-12-01 /usr/share/riposte 2> gen.err
expect_eq "man.sh all: no complaint" "" "$(cat gen.err)"
mkdir -p "$T/mp/man1" "$T/mp/man5"
cp "$T/man/"*.1 "$T/mp/man1/" && cp "$T/man/"*.5 "$T/mp/man5/"

# every row of the table has its page, and there is no page of a command that is gone
"$RIPOSTE" help | awk '/^Commands:$/ { on = 1; next } on && /^$/ { exit } on { print $1 }' > cmds
n=$(wc -l < cmds)
[ "$n" -ge 16 ] && ok "riposte help lists $n commands" || fail "riposte help lists $n commands"
expect_eq "man.sh commands: the same list" "$(cat cmds)" "$(sh "$TOP/scripts/man.sh" commands "$RIPOSTE")"
( cd "$T/man" && ls riposte-*.1 ) | sed 's/^riposte-//; s/\.1$//' | sort > pages
expect_eq "one page per command, and only those" "$(sort cmds)" "$(cat pages)"

# render as lintian does: warnings of man and groff are defects
render() {  # PAGE OUT
	LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$1" 2> "$2.err" |
	    LC_ALL=C.UTF-8 grotty -c 2>/dev/null | col -b > "$2"
}
for p in "$T/man/"*.[15]; do
	b=$(basename "$p")
	render "$p" "$b.txt"
	if [ -s "$b.txt" ] && [ ! -s "$b.txt.err" ]; then ok "$b renders without a warning"; else
		fail "$b: man says:"; head -n 5 "$b.txt.err"; fi
done

# the page says what --help says: the same characters in the same order (only the
# layout differs: man fills paragraphs to the width, so spaces and line ends are
# not compared; NAME reads "riposte-scan" where --help reads "riposte scan")
while read -r c; do
	"$RIPOSTE" "$c" --help | tr -d ' \t\n' > "h-$c"
	sed '1d;$d' "riposte-$c.1.txt" | tr -d ' \t\n' | sed "s/^NAMEriposte-$c/NAMEriposte$c/" > "m-$c"
	if cmp -s "h-$c" "m-$c"; then ok "riposte-$c(1) = riposte $c --help"; else
		fail "riposte-$c(1) differs from riposte $c --help: $(cmp "h-$c" "m-$c" 2>&1)"
		off=$(cmp "h-$c" "m-$c" 2>/dev/null | sed -n 's/.*byte \([0-9]*\),.*/\1/p')
		echo "  help: $(tail -c "+$((${off:-1} > 40 ? ${off:-1} - 40 : 1))" "h-$c" | head -c 100)"
		echo "  man:  $(tail -c "+$((${off:-1} > 40 ? ${off:-1} - 40 : 1))" "m-$c" | head -c 100)"
	fi
done < cmds

# riposte(1): the command list with every summary, the conventions, the pages to see
"$RIPOSTE" help | tr -d ' \t\n' > h-main
tr -d ' \t\n' < riposte.1.txt > m-main
while read -r c; do
	s=$("$RIPOSTE" help | awk -v c="$c" '/^Commands:$/ { on = 1; next } on && $1 == c { $1 = ""; print; exit }' | tr -d ' ')
	grep -qF -- "$c$s" m-main || fail "riposte(1) lacks '$c: $s'"
	grep -qF -- "riposte-$c(1)" m-main || fail "riposte(1) does not point to riposte-$c(1)"
done < cmds
ok "riposte(1) lists every command with its summary and its page"
for w in "Everycommandtakes--help" "RIPOSTE_DB" "RIPOSTE_CONF" "/etc/riposte/riposte.conf" "riposte.conf(5)"; do
	expect_grep "riposte(1) says $w" "$w" m-main
done

# riposte.conf(5): every line of the example from its first section on, comments
# included (the comment at its head says where the file is read from, which the
# page's DESCRIPTION says), and a written part for every kind of section in it
tr -d ' \t\n' < riposte.conf.5.txt > m-conf
"$RIPOSTE" site example | sed -n '/^\[/,$p' | grep -v '^$' > example
miss=0
while IFS= read -r l; do
	x=$(printf '%s' "$l" | tr -d ' \t')
	grep -qF -- "$x" m-conf || { [ "$miss" -lt 5 ] && echo "  not in riposte.conf(5): $l"; miss=$((miss + 1)); }
done < example
expect_eq "riposte.conf(5) holds every line of 'site example' (lines missing)" 0 "$miss"
sed -n 's/^\[\([a-z-]*\).*/\1/p' example | sort -u > kinds
while read -r k; do
	grep -q "^   \[$k[] ]" riposte.conf.5.txt || fail "riposte.conf(5) has no subsection [$k]"
done < kinds
ok "riposte.conf(5): a subsection per kind of section ($(tr '\n' ' ' < kinds))"

# found where man looks, and indexed by NAME (what whatis and apropos show)
expect_eq "man -w riposte-scan" "$T/mp/man1/riposte-scan.1" "$(MANPATH="$T/mp" man -w riposte-scan 2>&1)"
expect_eq "man -w 5 riposte.conf" "$T/mp/man5/riposte.conf.5" "$(MANPATH="$T/mp" man -w 5 riposte.conf 2>&1)"
while read -r c; do
	w=$(lexgrog "$T/man/riposte-$c.1" 2>&1)
	case "$w" in
	*": \"riposte-$c - "?*) ;;
	*) fail "lexgrog riposte-$c.1: $w" ;;
	esac
done < cmds
ok "lexgrog reads every page's NAME as 'riposte-CMD - what it does'"
expect_grep "the version and date are in the header" '^\.TH RIPOSTE\\-SCAN 1 "2026-12-01" "riposte 9.8.7"' "$T/man/riposte-scan.1"

# the converter by itself: roff's special characters in any text come out as text
printf 'NAME\n    riposte x - a b\n\nDESCRIPTION\n    .starts with a dot\n    '"'"'quote\n    back\\slash -o --opt\n\nEXAMPLES\n    .dot \\n\n' |
    sh "$TOP/scripts/man.sh" page riposte-x 1 1 2026-01-01 > x.1
render x.1 x.txt
expect_grep "lines starting with . and ' are text, backslashes and dashes kept" \
    "^ *\.starts with a dot 'quote back\\\\slash -o --opt" x.txt
expect_grep "in an example too" '^ *\.dot \\n' x.txt
done_testing
