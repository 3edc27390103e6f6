#!/bin/sh
# The systemd units of the package (issue 26), every one in packaging/ (those other
# commands add too): systemd-analyze verify accepts them (their binary, their
# Documentation= pages, a template with an instance), none is enabled by an [Install]
# other than multi-user.target or timers.target, and systemd-analyze security rates
# each service at most 5.0 (a service that needs more says why in a "# exposure: at
# most N" line of its own), and at the exposure docs/tour/deploy.md records for it
# where the guide has its row (Debian 12's systemd 252: --offline=yes reads the unit
# file, no running manager needed).
. "$(dirname "$0")/../lib.sh"
command -v systemd-analyze >/dev/null || skip "no systemd-analyze (scripts/packages.d/deb.txt)"

units=$(cd "$TOP/packaging" && ls ./*.service ./*.timer 2>/dev/null | sed 's|^\./||')
[ -n "$units" ] || { fail "no unit in packaging/"; done_testing; }
for need in 'riposte-watch@.service' riposte-site-check.service riposte-site-check.timer; do
	case " $(echo $units) " in *" $need "*) ok "packaging/$need" ;; *) fail "packaging/$need is missing" ;; esac
done

# the units as installed, but running the binary under test; the manual pages made
# from it, for Documentation=
sh "$TOP/scripts/man.sh" all "$RIPOSTE" "$T/man" 0 2026-01-01 >/dev/null 2>&1
mkdir -p "$T/mp/man1" "$T/mp/man5" u
cp "$T/man/"*.1 "$T/mp/man1/" && cp "$T/man/"*.5 "$T/mp/man5/"
for f in $units; do
	sed "s|/usr/bin/riposte|$RIPOSTE|g" "$TOP/packaging/$f" > "u/$f"
done
# a template is verified as one of its instances: the share /srv/share
inst=$(systemd-escape --path /srv/share)
expect_eq "systemd-escape --path /srv/share" srv-share "$inst"
names=""
for f in $units; do
	case "$f" in
	*@.service) i="${f%@.service}@$inst.service"; cp "u/$f" "u/$i"; names="$names $i" ;;
	*) names="$names $f" ;;
	esac
done

cd u || exit 2
# an unknown key is only a warning to systemd (exit 0): anything it says is a defect
# shellcheck disable=SC2086
if MANPATH="$T/mp" systemd-analyze verify $names > ../verify.out 2>&1 && [ ! -s ../verify.out ]; then
	ok "systemd-analyze verify:$names"
else
	fail "systemd-analyze verify:"; cat ../verify.out
fi

for f in $names; do
	grep -q '^\[Install\]' "$f" || continue
	w=$(sed -n 's/^WantedBy=//p' "$f")
	case "$f:$w" in
	*.service:multi-user.target | *.timer:timers.target) ok "$f: WantedBy=$w" ;;
	*) fail "$f: WantedBy=$w" ;;
	esac
done

# the exposure of each service, against what the deploy guide says
for f in $names; do
	case "$f" in *.service) ;; *) continue ;; esac
	systemd-analyze security --offline=yes "$f" > "../sec-$f" 2>&1
	score=$(sed -n 's/.*Overall exposure level for .*: \([0-9.]*\) .*/\1/p' "../sec-$f")
	[ -n "$score" ] || { fail "$f: no exposure level"; cat "../sec-$f"; continue; }
	echo "$f: exposure $score"
	src=$(echo "$f" | sed "s/@$inst\./@./")
	max=$(sed -n 's/^# exposure: at most \([0-9.]*\).*/\1/p' "$TOP/packaging/$src")
	max=${max:-5.0}
	if awk -v s="$score" -v m="$max" 'BEGIN { exit !(s <= m) }'; then ok "$src: exposure $score <= $max"; else
		fail "$src: exposure $score > $max:"; grep '✗' "../sec-$f" | head -n 20; fi
	# the units of the package's own commands have their row in the guide; a unit
	# another command adds is held to its bound until someone writes its row
	if grep -q "^| \`$src\` |" "$TOP/docs/tour/deploy.md"; then
		expect_grep "docs/tour/deploy.md records $src at $score" "^| \`$src\` | $score " "$TOP/docs/tour/deploy.md"
	else
		echo "note: docs/tour/deploy.md has no row for $src (exposure $score)"
	fi
done
done_testing
