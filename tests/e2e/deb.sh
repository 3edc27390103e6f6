#!/bin/sh
# The Debian package (issue 26), as an IT provider uses it: scripts/deb.sh builds it
# with dpkg-buildpackage from a copy of the tree (started from this tree's objects:
# DEB_SEED, so that it takes seconds), lintian accepts it (no error), and dpkg installs
# it into a throwaway root in the test's directory (dpkg --root with
# --force-script-chrootless: the maintainer scripts run with DPKG_ROOT set, and so do
# deb-systemd-helper and dpkg-statoverride), never into this machine's root. Installed:
# riposte version, site example, man -w riposte-scan, the conffile, /var/lib/riposte
# 0750, units present and none enabled. The admin edits the profile, opens a case and
# enables a watcher and the timer; a newer build installed over it keeps all of that;
# removing keeps the profile and the evidence (and says so), purging removes both (and
# warns).
. "$(dirname "$0")/../lib.sh"
case "$RIPOSTE" in
*/build-asan/*) skip "the package is built from build/, once: not again in the sanitizer pass" ;;
esac
for t in dpkg-buildpackage dh lintian fakeroot rsync man systemctl; do
	command -v "$t" >/dev/null || skip "no $t (scripts/packages.d/deb.txt)"
done
[ "$(id -u)" -eq 0 ] || skip "dpkg --root needs root (chown in the throwaway root)"
[ -f "$TOP/build/libriposte.a" ] || skip "no build/libriposte.a: make all first"

# Build-Depends names the package of every pkg-config module riposte links (or a
# package that depends on it, as libjpeg-dev on libjpeg62-turbo-dev)
bdeps=$(sed -n '/^Build-Depends:/,/^[A-Z][a-z-]*:/p' "$TOP/debian/control" | grep -v '^#' |
    sed '$d; s/^Build-Depends://' | tr ',' '\n' | sed 's/(.*//; s/ //g' | grep -v '^$')
# each listed package and what it depends on (dpkg is slow: one query for all)
# shellcheck disable=SC2086
dpkg-query -W -f '${Package} ${Depends}\n' $bdeps 2>/dev/null | sed 's/([^)]*)//g; s/[,|]/ /g' |
    tr -s ' ' '\n' > provided
pcs=""
for m in $(cat "$TOP"/scripts/pkgconfig.d/*.txt | sed 's/#.*//'); do
	pcs="$pcs $(pkg-config --variable=pcfiledir "$m")/$m.pc"
done
# shellcheck disable=SC2086
dpkg -S $pcs > owners 2>&1
for pc in $pcs; do
	owner=$(grep -F ": $pc" owners | sed 's/[:,].*//')
	if [ -n "$owner" ] && grep -qx "$owner" provided; then :; else
		fail "Build-Depends lacks the package of $pc (${owner:-none}): $(grep -F "$pc" owners)"; fi
done
ok "Build-Depends covers every pkg-config module of scripts/pkgconfig.d"

# What must not change on this machine: its own riposte state, systemd's links, dpkg's
# database of the real root
host_state() {
	ls -ld /var/lib/riposte /etc/riposte 2>&1
	ls -la /var/lib/systemd/deb-systemd-helper-enabled 2>&1 | grep -i riposte
	ls /etc/systemd/system/*.wants 2>/dev/null | grep -i riposte
	dpkg-query -W riposte 2>&1
}
host_state > host.before

v1=$(sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' "$TOP/debian/changelog")
v2="$v1+upgrade1"
dpkg --compare-versions "$v2" gt "$v1" && ok "$v2 is newer than $v1" || fail "$v2 is not newer than $v1"
arch=$(dpkg --print-architecture)

# the first build, and lintian
touch before.stamp
t0=$(date +%s)
if DEB_SEED="$TOP/build" DEB_BUILD_OPTIONS=noddebs LINTIAN=0 sh "$TOP/scripts/deb.sh" "$T/b" > b1.log 2>&1; then
	ok "scripts/deb.sh: riposte_${v1}_$arch.deb ($(($(date +%s) - t0)) s)"
else
	fail "scripts/deb.sh failed:"; tail -n 30 b1.log; done_testing
fi
deb1=$T/b/riposte_${v1}_$arch.deb
[ -f "$deb1" ] || { fail "no $deb1"; ls "$T/b"; done_testing; }
mv "$deb1" "$T/"
deb1=$T/riposte_${v1}_$arch.deb
# lintian as scripts/deb.sh runs it, while the second package builds
lintian --fail-on error --info --display-level '>=info' "$deb1" > lintian.log 2>&1 &
lintian_pid=$!
expect_eq "the package's build writes nothing in the tree but build/" "" \
    "$(find "$TOP" \( -path "$TOP/build" -o -path "$TOP/build-asan" -o -path "$TOP/.git" \) -prune \
    -o -newer before.stamp -print 2>&1)"

dpkg-deb -f "$deb1" Depends > depends
expect_grep "Depends: the libraries, computed by dh_shlibdeps" 'libyara' depends
expect_grep "Depends: libc6" 'libc6' depends
expect_grep "Depends: pango, for the PDF module (dh_shlibdeps reads it too)" 'libpango' depends
dpkg-deb -c "$deb1" > contents
for f in ./usr/bin/riposte ./etc/riposte/riposte.conf ./usr/share/man/man1/riposte.1.gz \
    ./usr/share/man/man1/riposte-scan.1.gz ./usr/share/man/man5/riposte.conf.5.gz \
    ./lib/systemd/system/riposte-watch@.service ./lib/systemd/system/riposte-site-check.timer \
    ./usr/share/riposte/examples/riposte.conf ./usr/share/doc/riposte/copyright \
    ./usr/lib/riposte/riposte-pdf.so; do
	expect_grep "the package holds $f" " $f\$" contents
done
expect_nogrep "the package does not own /var/lib/riposte (purge removes it, not removal)" ' ./var/lib/riposte' contents
dpkg-deb -e "$deb1" ctrl
expect_eq "conffiles" "/etc/riposte/riposte.conf" "$(cat ctrl/conffiles)"

# the second build, a newer version (only what the version changes is rebuilt)
t0=$(date +%s)
if DEB_SEED="$TOP/build" DEB_BUILD_OPTIONS=noddebs LINTIAN=0 sh "$TOP/scripts/deb.sh" "$T/b" "$v2" > b2.log 2>&1; then
	ok "scripts/deb.sh ... $v2 ($(($(date +%s) - t0)) s)"
else
	fail "scripts/deb.sh $v2 failed:"; tail -n 30 b2.log; done_testing
fi
deb2=$T/b/riposte_${v2}_$arch.deb
[ -f "$deb2" ] || { fail "no $deb2"; ls "$T/b"; done_testing; }
if wait "$lintian_pid"; then ok "lintian: no error"; else fail "lintian:"; fi
grep '^[EWIN]: ' lintian.log | sed 's/^/  lintian: /'

# the throwaway root: an empty dpkg database; the libraries are this machine's
# (--force-depends: the root has no libc6 package, the binary runs with the host's)
R=$T/root
mkdir -p "$R/var/lib/dpkg/info" "$R/var/lib/dpkg/updates" "$R/var/lib/dpkg/triggers"
: > "$R/var/lib/dpkg/status"
: > "$R/var/lib/dpkg/available"
dpkgr() {
	dpkg --root="$R" --log="$T/dpkg.log" --force-script-chrootless --force-depends \
	    --force-unsafe-io "$@" < /dev/null
}
status() { dpkg-query --admindir="$R/var/lib/dpkg" -W -f '${Version} ${db:Status-Status}' riposte 2>&1; }

if dpkgr -i "$deb1" > i1.log 2>&1; then ok "dpkg -i $v1"; else fail "dpkg -i $v1:"; cat i1.log; fi
expect_eq "installed" "$v1 installed" "$(status)"
expect_eq "riposte version" "riposte $v1" "$("$R/usr/bin/riposte" version 2>&1)"
"$R/usr/bin/riposte" site example > example.conf 2>&1
expect_grep "riposte site example" '^\[site\]' example.conf
# the PDF module: the package's binary looks for it in /usr/lib/riposte (this machine's,
# not the throwaway root's), and loads the package's one beside it
if [ ! -e /usr/lib/riposte/riposte-pdf.so ]; then
	"$R/usr/bin/riposte" plan --format pdf -o plan.pdf --config example.conf 2>plan.err
	expect_grep "the package's binary looks for its module in /usr/lib/riposte" \
	    "cannot load the PDF renderer '/usr/lib/riposte/riposte-pdf.so'" plan.err
fi
mkdir pk && cp "$R/usr/bin/riposte" "$R/usr/lib/riposte/riposte-pdf.so" pk/
expect_exit "the package's PDF module loads (plan --format pdf)" 0 pk/riposte plan --format pdf \
    -o plan.pdf --config example.conf
expect_eq "/etc/riposte/riposte.conf is the example" "" "$(diff example.conf "$R/etc/riposte/riposte.conf")"
expect_eq "man -w riposte-scan" "$R/usr/share/man/man1/riposte-scan.1.gz" \
    "$(MANPATH="$R/usr/share/man" man -w riposte-scan 2>&1)"
expect_eq "man -w riposte.conf" "$R/usr/share/man/man5/riposte.conf.5.gz" \
    "$(MANPATH="$R/usr/share/man" man -w 5 riposte.conf 2>&1)"
n=0
for c in $("$R/usr/bin/riposte" help | awk '/^Commands:$/ { on = 1; next } on && /^$/ { exit } on { print $1 }'); do
	[ -f "$R/usr/share/man/man1/riposte-$c.1.gz" ] || fail "no riposte-$c(1) installed"
	n=$((n + 1))
done
ok "a page installed for each of the $n commands"
expect_eq "/var/lib/riposte made by the postinst: 0750 root:root" "750 root:root" \
    "$(stat -c '%a %U:%G' "$R/var/lib/riposte" 2>&1)"
ls "$R/lib/systemd/system" > units
expect_grep "riposte-watch@.service installed" '^riposte-watch@\.service$' units
expect_grep "riposte-site-check.timer installed" '^riposte-site-check\.timer$' units
expect_eq "nothing enabled by the package" "" "$(ls -d "$R"/etc/systemd/system/*.wants/riposte* 2>/dev/null)"

# the admin's day: the practice's profile, a case, a watcher on the share, the timer
sed 's/^name = .*/name = Praxis am See (edited)/' "$R/etc/riposte/riposte.conf" > conf.new &&
    cat conf.new > "$R/etc/riposte/riposte.conf"
cp "$R/etc/riposte/riposte.conf" conf.edited
export RIPOSTE_DB="$R/var/lib/riposte/riposte.db" RIPOSTE_NOW=2026-12-01T09:00:00Z
expect_exit "case open in /var/lib/riposte" 0 "$R/usr/bin/riposte" case open \
    --title "Encrypted share" --discovered 2026-12-01T08:30:00Z --config "$R/etc/riposte/riposte.conf"
expect_exit "case log" 0 "$R/usr/bin/riposte" case log "restore started" --config "$R/etc/riposte/riposte.conf"
"$R/usr/bin/riposte" case show --format jsonl > case1 2>&1
expect_grep "the case is in the database" 'Encrypted share' case1
chmod 0700 "$R/var/lib/riposte"
inst=$(systemd-escape --path /srv/share)
if systemctl --root="$R" enable "riposte-watch@$inst.service" riposte-site-check.timer > en.log 2>&1; then
	ok "systemctl --root enable riposte-watch@$inst.service riposte-site-check.timer"
else
	fail "systemctl enable:"; cat en.log
fi

# the upgrade: the profile (not asked: unchanged by the package), the case, the modes
# the admin chose and the enabled units are kept
if dpkgr -i "$deb2" > i2.log 2>&1; then ok "dpkg -i $v2 over $v1"; else fail "dpkg -i $v2:"; cat i2.log; fi
expect_eq "upgraded" "$v2 installed" "$(status)"
expect_eq "riposte version after the upgrade" "riposte $v2" "$("$R/usr/bin/riposte" version 2>&1)"
expect_eq "the edited profile is kept" "" "$(diff conf.edited "$R/etc/riposte/riposte.conf")"
expect_eq "no .dpkg-new or .dpkg-dist beside it" "" "$(ls "$R/etc/riposte" | grep -v '^riposte.conf$')"
"$R/usr/bin/riposte" case show --format jsonl > case2 2>&1
expect_eq "the case is kept and read by the new version" "$(cat case1)" "$(cat case2)"
expect_eq "the admin's mode of /var/lib/riposte is kept" 700 "$(stat -c %a "$R/var/lib/riposte")"
for u in "riposte-watch@$inst.service" riposte-site-check.timer; do
	expect_eq "$u still enabled" enabled "$(systemctl --root="$R" is-enabled "$u" 2>&1)"
done

# removal keeps the profile and the evidence, and says so
if dpkgr -r riposte > r.log 2>&1; then ok "dpkg -r"; else fail "dpkg -r:"; cat r.log; fi
expect_eq "removed, its configuration kept" "$v2 config-files" "$(status)"
[ ! -e "$R/usr/bin/riposte" ] && ok "the binary is gone" || fail "the binary is still there"
[ ! -e "$R/lib/systemd/system/riposte-watch@.service" ] && ok "the units are gone" || fail "the units are still there"
expect_eq "the profile is kept" "" "$(diff conf.edited "$R/etc/riposte/riposte.conf" 2>&1)"
[ -f "$R/var/lib/riposte/riposte.db" ] && ok "/var/lib/riposte/riposte.db is kept" || fail "the database is gone"
expect_grep "removal says the evidence is kept" 'is kept' r.log

# purge removes both, and warns about the evidence
if dpkgr -P riposte > p.log 2>&1; then ok "dpkg -P"; else fail "dpkg -P:"; cat p.log; fi
expect_eq "purged" "" "$(dpkg-query --admindir="$R/var/lib/dpkg" -W -f '${db:Status-Status}' riposte 2>/dev/null | grep -v not-installed)"
[ ! -e "$R/var/lib/riposte" ] && ok "/var/lib/riposte is removed" || fail "/var/lib/riposte is still there"
[ ! -e "$R/etc/riposte" ] && ok "/etc/riposte is removed" || fail "/etc/riposte is still there: $(ls -A "$R/etc/riposte")"
expect_grep "purge warns about the evidence it deletes" 'evidence' p.log
expect_eq "no link to a riposte unit is left" "" "$(find "$R/etc/systemd" -name 'riposte*' 2>/dev/null)"

host_state > host.after
expect_eq "nothing changed on this machine" "" "$(diff host.before host.after)"
done_testing
