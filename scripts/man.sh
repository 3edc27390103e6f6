#!/bin/sh
# The manual pages, made from the very text each command prints for --help, so that
# the two never disagree: nothing here is written twice.
#
#   sh scripts/man.sh all RIPOSTE OUTDIR VERSION DATE [DATADIR]
#       riposte(1) from `RIPOSTE help`, riposte-CMD(1) from `RIPOSTE CMD --help` for
#       every command `RIPOSTE help` lists (the commands[] table of src/main.c, so a new
#       command gets its page without an edit here), riposte.conf(5) from
#       packaging/man/riposte.conf.txt (a written part per [section]) and the example
#       that `RIPOSTE site example` prints (data/examples/riposte.conf, with its comments)
#   sh scripts/man.sh page NAME SECTION VERSION DATE < MANUAL > NAME.SECTION
#       one page from one manual in the plain layout of --help
#   sh scripts/man.sh commands RIPOSTE
#       the command names, one per line, in the table's order
#
# The plain layout (src/cmd-*.c usage[]): headings at column 0 (NAME, SYNOPSIS,
# DESCRIPTION, OPTIONS, ...; a heading in [brackets] is a subsection), the body
# indented by 4. Body lines at that indent are prose, filled by man to the terminal's
# width; "TAG  description" (two spaces or more between), or a TAG whose description
# follows on deeper lines (an option, or any line of OPTIONS), is a tagged paragraph
# whose description is prose at its own column; anything else deeper (JSON, lists,
# the example) and EXAMPLES are kept as they are, line by line.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
top=$(dirname "$here")

# One manual on stdin to roff on stdout. -v name=riposte-scan section=1 version= date=
conv_awk='
function indent(s) { match(s, /^ */); return RLENGTH }
function trim(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }
# roff text: a backslash is \e, every - is a minus (options stay searchable and copy
# right), and a line that would start with a control character is protected
function esc(s) { gsub(/\\/, "\\e", s); gsub(/-/, "\\-", s); return s }
function emit(s) { if (s ~ /^[.\047]/) s = "\\&" s; print s }
# in the synopsis, [an optional part] of up to 40 characters stays on one line: its
# spaces do not break (a longer one, nesting others, may)
function keep_brackets(s,    out, i, c, d, j, e) {
	out = ""; d = 0
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (c == "[" && d == 0) {
			e = 1
			for (j = i + 1; j <= length(s) && e > 0; j++) {
				if (substr(s, j, 1) == "[") e++
				else if (substr(s, j, 1) == "]") e--
			}
			if (j - i <= 40) d = 1
		} else if (c == "[" && d > 0) d++
		else if (c == "]" && d > 0) d--
		out = out ((c == " " && d > 0) ? "\\ " : c)
	}
	return out
}
# filled text: JSON and lists written without spaces may break after a comma (\:
# is a break point that prints nothing)
function breakable(s) { gsub(/,/, ",\\:", s); return s }
# JSON and the like, never filled: an object, an array, or a "key": line
function is_code(s) { return s ~ /^\{/ || s ~ /^\[["{[]/ || s ~ /^"[^"]*":/ }
# "TAG  description": the column where the description starts, else 0; the tag in GT
# and the description in GD
function gap_col(k,    t) {
	t = T[k]
	if (is_code(t) || !match(t, /[^ ]  +[^ ]/)) return 0
	if (RSTART > 40 || substr(t, 1, RSTART) ~ /[.,;:]$/) return 0
	GT = substr(t, 1, RSTART)
	GD = substr(t, RSTART + RLENGTH - 1)
	return I[k] + RSTART + RLENGTH - 2
}
# a tag alone on its line, its description on the deeper lines below
function alone_tag(k) {
	if (k + 1 > n || T[k + 1] == "" || I[k + 1] < I[k] + 2 || is_code(T[k])) return 0
	return T[k] ~ /^-/ || tagged_section
}
function set_pd() { if (!pd0) { print ".PD 0"; pd0 = 1 } }
function reset_pd() { if (pd0) { print ".PD"; pd0 = 0 } }
function para() { reset_pd(); if (started) print ".PP" }
# lines k.. deeper than col+... kept as they are, relative to col; returns the next line
function pre(k, col, until,    first) {
	print ".nf"
	while (k <= until && T[k] != "" && (I[k] > col || (is_code(T[k]) && I[k] == col))) {
		emit(sprintf("%" (I[k] - col) "s%s", "", esc(T[k])))
		k++
	}
	print ".fi"
	return k
}
# a tagged paragraph at line k; returns the next line
function item(k, until,    col, lvl, desc, j, first) {
	col = gap_col(k)
	lvl = I[k]
	# "    -n, --dry-run" and "        --force" are one list: long options are aligned
	# under the short ones by four spaces
	if (lvl == base + 4 && T[k] ~ /^--/) lvl = base
	if (lvl > base) print ".RS " (lvl - base) "n"
	set_pd()
	if (col) {
		print ".TP " (col - I[k]) "n"
		emit(esc(GT))
		emit(breakable(esc(GD)))
		j = k + 1
	} else {
		col = I[k + 1]
		print ".TP " (col - I[k]) "n"
		emit(esc(T[k]))
		j = k + 1
	}
	while (j <= until && T[j] != "" && I[j] >= col) {
		if (I[j] > col || is_code(T[j])) j = pre(j, col, until)
		else { emit(breakable(esc(T[j]))); j++ }
	}
	if (lvl > base) print ".RE"
	started = 1
	return j
}
function body(from, until,    k, h) {
	k = from
	while (k <= until) {
		if (T[k] == "") { para(); while (k <= until && T[k] == "") k++; continue }
		if (gap_col(k) || alone_tag(k)) { k = item(k, until); continue }
		reset_pd()
		if (I[k] <= base && !is_code(T[k])) {
			while (k <= until && T[k] != "" && I[k] <= base && !is_code(T[k]) &&
			    !gap_col(k) && !alone_tag(k)) {
				emit(breakable(esc(T[k]))); k++
			}
		} else {
			k = pre(k, base, until)
		}
		started = 1
	}
	reset_pd()
}
function name_section(from, until,    s, k, p) {
	s = ""
	for (k = from; k <= until; k++) if (T[k] != "") s = s (s == "" ? "" : " ") T[k]
	p = index(s, " - ")
	if (p == 0) { emit(esc(s)); return }
	# "riposte scan - find ..." names the page riposte-scan
	left = substr(s, 1, p - 1); gsub(/ /, "-", left)
	emit(esc(left) " \\- " esc(substr(s, p + 3)))
}
function synopsis(from, until,    k, s, w, cmd, open) {
	open = 0
	for (k = from; k <= until; k++) {
		if (T[k] == "") continue
		s = T[k]
		gsub(/  +/, " ", s)
		if (I[k] > base && open) { emit(keep_brackets(esc(s))); continue }
		if (s ~ /^riposte( |$)/) {
			# the command (riposte or riposte CMD) hangs, its arguments wrap under it;
			# .SY after .SY is the next form, without a blank line
			split(s, w, " ")
			cmd = w[1]
			if (w[2] != "" && w[2] !~ /^[-\[(A-Z]/) cmd = cmd " " w[2]
			print ".SY \"" esc(cmd) "\""
			emit(keep_brackets(esc(trim(substr(s, length(cmd) + 1)))))
			open = 1
		} else {
			if (open) { print ".YS"; open = 0 }
			print ".PP"
			emit(esc(s))
		}
	}
	if (open) print ".YS"
}
function examples(from, until,    k) {
	print ".nf"
	for (k = from; k <= until; k++) {
		if (T[k] == "") { print ".sp"; continue }
		emit(sprintf("%" (I[k] > base ? I[k] - base : 0) "s%s", "", esc(T[k])))
	}
	print ".fi"
}
{ sub(/\r$/, ""); sub(/[ \t]+$/, ""); n++; I[n] = indent($0); T[n] = trim($0); H[n] = ($0 ~ /^[^ ]/) }
END {
	base = 4
	up = toupper(name)
	print "\047\\\" t -*- coding: UTF-8 -*-"
	print ".\\\" Made by scripts/man.sh from the manual the program prints (" source ");"
	print ".\\\" edit that text, not this page."
	# no hyphenation (words stay whole, as in --help, and searchable): HY is what the
	# man macros set at each paragraph
	print ".nr HY 0"
	print ".TH " esc(up) " " section " \"" date "\" \"riposte " esc(version) "\" \"riposte manual\""
	print ".nh"
	print ".ad l"
	k = 1
	while (k <= n && !H[k]) k++
	while (k <= n) {
		h = T[k]
		for (e = k + 1; e <= n && !H[e]; e++) ;
		# trailing blank lines belong to no section
		last = e - 1
		while (last > k && T[last] == "") last--
		first = k + 1
		while (first <= last && T[first] == "") first++
		reset_pd()
		started = 0
		if (h ~ /^\[/) { print ".SS \"" esc(h) "\""; tagged_section = 1 }
		else {
			print ".SH \"" esc(h) "\""
			tagged_section = h ~ /OPTIONS|COMMANDS/
		}
		if (h == "NAME") name_section(first, last)
		else if (h == "SYNOPSIS") synopsis(first, last)
		else if (h ~ /^EXAMPLES?$/) examples(first, last)
		else body(first, last)
		k = e
	}
	reset_pd()
}'

# riposte help's layout (usage:, a paragraph, Commands:, the rows, a closing
# paragraph) into the manual layout, with the files a system install uses
main_manual() {  # RIPOSTE DATADIR
	"$1" help | awk -v datadir="$2" '
	/^usage: / { syn = substr($0, 8); next }
	/^Commands:$/ { state = "cmds"; next }
	state == "cmds" && /^$/ { state = "end"; next }
	state == "cmds" { c = $1; s = $0; sub(/^ *[^ ]+ +/, "", s); nc++; cn[nc] = c; cs[nc] = s
		if (length(c) > w) w = length(c); next }
	state == "end" { tail = tail "    " $0 "\n"; next }
	{ para = para ($0 == "" ? "\n" : "    " $0 "\n") }
	END {
		# NAME: the first sentence of the description, up to its colon
		one = para; sub(/^[ \n]+/, "", one); p = index(one, ":")
		if (p == 0) p = index(one, ".")
		name = substr(one, 1, p - 1); gsub(/\n */, " ", name)
		name = tolower(substr(name, 1, 1)) substr(name, 2)
		printf "NAME\n    riposte - %s\n\nSYNOPSIS\n    %s\n\nDESCRIPTION\n%s\n%s\nCOMMANDS\n", name, syn, para, tail
		for (i = 1; i <= nc; i++) printf "    %-" w "s  %s\n", cn[i], cs[i]
		printf "\nFILES\n"
		printf "    /etc/riposte/riposte.conf\n        the site profile, when there is none in the working directory and\n"
		printf "        RIPOSTE_CONF does not name one (riposte.conf(5))\n"
		printf "    /var/lib/riposte/riposte.db\n        the database of the services (RIPOSTE_DB in their units)\n"
		printf "    /var/lib/riposte/shadow/\n        the copies riposte-watch@.service keeps before writes\n"
		printf "    %s/\n        the example profile, the letter templates and the plan texts, to copy\n", datadir
		printf "        and edit in a directory named by RIPOSTE_DATA\n"
		printf "\nSEE ALSO\n    "
		for (i = 1; i <= nc; i++) printf "riposte-%s(1), ", cn[i]
		printf "riposte.conf(5)\n"
	}'
}

# riposte.conf(5): the written text, and after each [section]'s written part the
# lines of that section in the example, comments included
conf_manual() {  # RIPOSTE
	"$1" site example > "$tmp/example.conf"
	awk '
	FNR == NR {
		# the example: its lines grouped by section kind ("contact it-provider" is
		# "contact"), the comment lines just before a header going with that section
		if ($0 ~ /^\[/) {
			kind = $0; sub(/^\[/, "", kind); sub(/[] ].*/, "", kind)
			if (!(kind in ex)) { order[++nk] = kind; ex[kind] = pending }
			else ex[kind] = ex[kind] "        \n" pending
			ex[kind] = ex[kind] "        " $0 "\n"; pending = ""; cur = kind; next
		}
		# a comment belongs to the line after it; a blank line ends it (so the
		# comment at the head of the file goes with no section)
		if ($0 == "") { pending = ""; next }
		if ($0 ~ /^#/) { pending = pending "        " $0 "\n"; next }
		if (cur != "") { ex[cur] = ex[cur] pending "        " $0 "\n"; pending = "" }
		next
	}
	/^\[/ {
		flush()
		kind = $0; sub(/^\[/, "", kind); sub(/[] ].*/, "", kind); in_kind = kind
		written[kind] = 1; print; next
	}
	/^[^ ]/ { flush(); print; next }
	{ print }
	function flush() {
		if (in_kind == "") return
		if (!(in_kind in ex)) { print "man.sh: [" in_kind "] is not in the example" > "/dev/stderr"; bad = 1 }
		else printf "\n    In the example (riposte site example):\n\n%s\n", ex[in_kind]
		in_kind = ""
	}
	END {
		flush()
		for (i = 1; i <= nk; i++) if (!(order[i] in written)) {
			printf "man.sh: the example has [%s] but packaging/man/riposte.conf.txt says nothing about it\n", order[i] > "/dev/stderr"
			bad = 1
		}
		exit bad
	}' "$tmp/example.conf" "$top/packaging/man/riposte.conf.txt"
}

page() {  # NAME SECTION VERSION DATE SOURCE
	awk -v name="$1" -v section="$2" -v version="$3" -v date="$4" -v source="$5" "$conv_awk"
}

commands() {  # RIPOSTE: the rows of `riposte help`
	"$1" help | awk '/^Commands:$/ { on = 1; next } on && /^$/ { exit } on { print $1 }'
}

case "${1:-}" in
page)
	[ $# -eq 5 ] || { echo "usage: man.sh page NAME SECTION VERSION DATE" >&2; exit 2; }
	page "$2" "$3" "$4" "$5" "the manual on its input"
	;;
commands)
	commands "$2"
	;;
all)
	[ $# -ge 5 ] || { echo "usage: man.sh all RIPOSTE OUTDIR VERSION DATE [DATADIR]" >&2; exit 2; }
	bin=$2 out=$3 version=$4 date=$5 datadir=${6:-/usr/share/riposte}
	mkdir -p "$out"
	tmp=$(mktemp -d "${TMPDIR:-/tmp}/riposte-man.XXXXXX")
	trap 'rm -rf "$tmp"' EXIT
	main_manual "$bin" "$datadir" > "$tmp/riposte.txt"
	page riposte 1 "$version" "$date" "riposte help" < "$tmp/riposte.txt" > "$out/riposte.1"
	for c in $(commands "$bin"); do
		# a command's manual is its --help, exit 0; anything else is a defect to fix there
		if ! "$bin" "$c" --help > "$tmp/$c.txt" 2> "$tmp/err" || ! grep -q '^SYNOPSIS$' "$tmp/$c.txt"; then
			echo "man.sh: 'riposte $c --help' does not print a manual:" >&2
			cat "$tmp/err" >&2
			exit 1
		fi
		page "riposte-$c" 1 "$version" "$date" "riposte $c --help" < "$tmp/$c.txt" > "$out/riposte-$c.1"
	done
	conf_manual "$bin" > "$tmp/riposte.conf.txt"
	page riposte.conf 5 "$version" "$date" "packaging/man/riposte.conf.txt and riposte site example" \
	    < "$tmp/riposte.conf.txt" > "$out/riposte.conf.5"
	;;
*)
	sed -n '2,/^set -eu/p' "$0" | sed '$d' >&2
	exit 2
	;;
esac
