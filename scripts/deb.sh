#!/bin/sh
# The Debian package, built with Debian's own tools from a copy of the tree, so that
# nothing of the tree is written but OUTDIR (make deb: build/deb).
#
#   sh scripts/deb.sh OUTDIR [VERSION]
#
# OUTDIR/src/riposte is the copy (tracked and new files; what .gitignore excludes is
# left out), refreshed with rsync, which keeps the times of unchanged files: the copy's
# own build/ is kept between runs, so that a second build only recompiles what changed.
# VERSION (for tests: a newer build to upgrade to) becomes a new first entry of the
# copy's debian/changelog. dpkg-buildpackage builds the binary packages without
# cleaning (-nc, for the same reason); they are moved to OUTDIR, and lintian checks
# them unless LINTIAN=0: any error fails, warnings and notes are shown.
#
# DEB_SEED=BUILDDIR (tests/e2e/deb.sh) starts an empty copy's build/ from the objects
# of an up-to-date tree's build/, so that only what says the version is compiled again
# and the binary linked again (with dpkg-buildflags' LDFLAGS): the test packages in
# seconds, not in the minutes of a full compile. Such a package tests the packaging,
# not the compiler's hardening flags: `make deb` never seeds, the package it makes is
# compiled whole with dpkg-buildflags' CFLAGS.
set -eu
[ $# -ge 1 ] || { echo "usage: scripts/deb.sh OUTDIR [VERSION]" >&2; exit 2; }
top=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$1"
out=$(cd "$1" && pwd)
ver=${2:-}
src=$out/src/riposte

mkdir -p "$src"
rsync -a --delete --filter=':- .gitignore' --exclude=/.git "$top/" "$src/"
if [ -n "${DEB_SEED:-}" ] && [ ! -d "$src/build" ]; then
	# the objects (not the binary, the manual pages, the tests' binaries); without
	# the version's header, the objects that say the version are rebuilt
	mkdir -p "$src/build"
	rsync -a --include='/lib/***' --include='/src/***' --include='/gen/***' \
	    --include=/libriposte.a --exclude='*' "$DEB_SEED/" "$src/build/"
	rm -f "$src/build/gen/version.h"
fi

if [ -n "$ver" ]; then
	who=$(sed -n 's/^ -- \(.*>\)  .*/\1/p' "$src/debian/changelog" | head -n 1)
	{
		printf 'riposte (%s) bookworm; urgency=medium\n\n' "$ver"
		printf '  * Built at version %s by scripts/deb.sh.\n\n' "$ver"
		printf ' -- %s  %s\n\n' "$who" "$(date -R)"
		cat "$src/debian/changelog"
	} > "$src/debian/changelog.new"
	mv "$src/debian/changelog.new" "$src/debian/changelog"
fi

rm -f "$out"/*.deb "$out/src"/*.deb "$out/src"/*.buildinfo "$out/src"/*.changes
echo "deb: dpkg-buildpackage in $1/src/riposte (log: $1/build.log)"
(cd "$src" && DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-} nocheck" dpkg-buildpackage -b -nc -uc -us -j"$(nproc)") > "$out/build.log" 2>&1 || {
	tail -n 40 "$out/build.log" >&2
	echo "deb: dpkg-buildpackage failed; the whole log is $out/build.log" >&2
	exit 1
}
mv "$out/src"/*.deb "$out/"
rm -f "$out/src"/*.buildinfo "$out/src"/*.changes
for d in "$out"/*.deb; do
	echo "deb: $1/${d##*/} ($(stat -c %s "$d") bytes)"
done

if [ "${LINTIAN:-1}" != 0 ]; then
	echo "deb: lintian"
	# errors fail the build; warnings and notes are shown (overrides, each with its
	# reason, are in debian/riposte.lintian-overrides)
	st=0
	lintian --fail-on error --info --display-level '>=info' "$out"/riposte_*.deb \
	    > "$out/lintian.log" 2>&1 || st=$?
	grep -v '^running with root privileges' "$out/lintian.log" || true
	[ "$st" -eq 0 ] || { echo "deb: lintian failed (exit $st)" >&2; exit 1; }
	echo "deb: lintian: $(grep -c '^E: ' "$out/lintian.log") errors, $(grep -c '^W: ' "$out/lintian.log") warnings, $(grep -c '^[IP]: ' "$out/lintian.log") notes"
fi
