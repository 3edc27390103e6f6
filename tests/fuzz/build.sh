#!/bin/sh
# Builds each tests/fuzz/fuzz-*.c into BUILD/fuzz/ with clang's libFuzzer, ASan and
# UBSan (undefined behaviour stops the run: a replayed corpus then fails), over the
# engine's sources compiled with the same instrumentation.
set -eu
build=$1
shift
command -v clang >/dev/null || { echo "clang is missing: run scripts/deps.sh"; exit 1; }
out=$build/fuzz
mkdir -p "$out/obj"
pkgs=$(cat scripts/pkgconfig.d/*.txt | sed 's/#.*//')
flags="-std=c17 -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -D_GNU_SOURCE -Ilib -Isrc -include lib/core/banned.h $(pkg-config --cflags $pkgs)"
libs="$(pkg-config --libs $pkgs) -lm -pthread"
# libpst 0.6.76: the Makefile's copy of libpst.a whose leak lib/mail/pst.c fixes, as
# the binary links it (see PST_VERSION in the Makefile)
if [ "$(pkg-config --modversion libpst)" = 0.6.76 ]; then
	[ -f "$build/pst/libpst.a" ] || { echo "build first (make): $build/pst/libpst.a"; exit 1; }
	libs=$(echo " $libs " | sed "s| -lpst | $build/pst/libpst.a -lz |")
fi
objs=""
for c in lib/*/*.c; do
	o=$out/obj/$(echo "$c" | tr / _ | sed 's/\.c$/.o/')
	if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ -n "$(find lib -name '*.h' -newer "$o" | head -n 1)" ]; then
		clang $flags -c -o "$o" "$c"
	fi
	objs="$objs $o"
done
[ -f "$build/gen/data.o" ] || { echo "build first (make)"; exit 1; }
for f in "$@"; do
	[ -f "$f" ] || continue
	n=$(basename "$f" .c)
	clang $flags -fsanitize=fuzzer -o "$out/$n" "$f" $objs "$build/gen/data.o" $libs
done
