#!/bin/sh
# The generated documents are real files of their formats, and the same seed gives
# the same bytes.
. "$TOP/tests/lib.sh"

expect_exit "generates" 0 "$RIPOSTE" simulate --scenario note-only --dir a --files 24 --seed 9
cd a || exit 2
for f in $(find . -name '*.docx' -o -name '*.xlsx' -o -name '*.odt'); do
	unzip -tq "$f" >/dev/null && ok "zip $f" || fail "unzip -t $f"
done
for f in $(find . -name '*.pdf'); do
	pdfinfo "$f" >/dev/null 2>&1 && ok "pdf $f" || fail "pdfinfo $f"
	pdftotext "$f" - 2>/dev/null | grep -q '[a-z]' && ok "pdf text $f" || fail "no text in $f"
done
for f in $(find . -name '*.docx' -o -name '*.xlsx' -o -name '*.odt' -o -name '*.pdf' -o -name '*.jpg' -o -name '*.png' -o -name '*.sqlite' | sort); do
	t=$(file -b "$f")
	case "$f:$t" in
	*.docx:*Word*|*.xlsx:*Excel*|*.odt:*OpenDocument*|*.pdf:PDF*|*.jpg:JPEG*|*.png:PNG*|*.sqlite:SQLite*) ok "type $f" ;;
	*) fail "$f is '$t'" ;;
	esac
done
expect_eq "sqlite integrity" ok "$(sqlite3 Patients/praxis.sqlite 'pragma integrity_check')"
min=$(find . -path ./.riposte-sim -prune -o -type f ! -name README_RESTORE_FILES.txt -printf '%s\n' | sort -n | head -n 1)
max=$(find . -path ./.riposte-sim -prune -o -type f -printf '%s\n' | sort -n | tail -n 1)
[ "$min" -lt 1024 ] && [ "$max" -gt 1048576 ] && ok "sizes from $min to $max" || fail "sizes $min..$max"
cd "$T"
expect_exit "same seed" 0 "$RIPOSTE" simulate --scenario note-only --dir b --files 24 --seed 9
expect_eq "same bytes" "$(cat a/.riposte-sim/manifest.sha256)" "$(cat b/.riposte-sim/manifest.sha256)"
expect_exit "other seed" 0 "$RIPOSTE" simulate --scenario note-only --dir c --files 24 --seed 10
[ "$(cat a/.riposte-sim/manifest.sha256)" != "$(cat c/.riposte-sim/manifest.sha256)" ] && ok "other bytes" || fail "seed ignored"
done_testing
