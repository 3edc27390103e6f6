#!/bin/sh
# Every scenario: the attack leaves random-looking files (or, for the benign ones, does
# what the real tool does), --restore gives back every byte and name and removes what
# the scenario created, and nothing outside DIR changes (canaries around it).
. "$TOP/tests/lib.sh"

mkdir -p outside
echo "canary before" > aaa-canary.txt
echo "canary after" > zzz-canary.txt
echo "canary outside" > outside/canary.txt
touch -d '2020-01-01 00:00:00' aaa-canary.txt zzz-canary.txt outside/canary.txt outside
# names, sizes, mtimes and atimes (reading them at the end would change the atime)
canaries() { stat -c '%n %s %Y %X' aaa-canary.txt zzz-canary.txt outside/canary.txt outside; }
canaries > canaries.before

# how well the drill's SQLite database compresses (percent of its size); intact: ~25 %
ratio() {
	f=$1/Patients/praxis.sqlite
	[ -f "$f" ] || f=$(find "$1" -name 'praxis.sqlite*' | head -n 1)
	echo $(( $(gzip -c "$f" | wc -c) * 100 / $(wc -c < "$f") ))
}
listing() { (cd "$1" && find . -path ./.riposte-sim -prune -o -type f -print | sort); }

for s in $("$RIPOSTE" simulate --list --format csv | tail -n +2 | cut -d, -f1); do
	rm -rf drill
	expect_exit "$s: runs" 0 "$RIPOSTE" simulate --scenario "$s" --dir drill --files 10 --seed 11 --rate 500
	expect_grep "$s: says it finished" "^finished: " "$T/.out"
	(cd drill && sha256sum -c --quiet .riposte-sim/manifest.sha256 >/dev/null 2>&1)
	intact=$?
	case $s in
	note-only|zip|user-encrypt|sqlite|media|compile|backup)
		expect_eq "$s: documents untouched" 0 "$intact" ;;
	*)
		expect_eq "$s: documents changed" 1 "$intact" ;;
	esac
	case $s in
	inplace|rename|slow|forker|mmap)
		# the database compresses to about a quarter; encrypted, it does not
		r=$(ratio drill)
		[ "$r" -ge 95 ] && ok "$s: random-looking ($r %)" || fail "$s: still compressible ($r %)" ;;
	esac
	case $s in
	rename) expect_eq "$s: renamed" 10 "$(find drill -name '*.lockbit' | wc -l)" ;;
	mover) expect_eq "$s: copies" 10 "$(find drill -name '*.crypt' | wc -l)" ;;
	stream) expect_eq "$s: one archive and the notes left" "./ALL_YOUR_FILES.pack.locked 6" \
	    "$(listing drill | grep -v README_RESTORE_FILES.txt) $(listing drill | grep -c README_RESTORE_FILES.txt)" ;;
	xor) r=$(ratio drill)
		[ "$r" -lt 60 ] && ok "$s: weak, still compressible ($r %)" || fail "$s: xor looks random ($r %)" ;;
	gzip) expect_eq "$s: every file gzipped" 10 "$(find drill -name '*.gz' | wc -l)" ;;
	zip) unzip -tq drill/Archiv-2026.zip >/dev/null && ok "$s: valid archive" || fail "$s: unzip -t failed" ;;
	backup) expect_eq "$s: backup copies" 10 "$(find drill/backup -type f | wc -l)" ;;
	user-encrypt)
		f=$(find drill -name '*.enc')
		openssl enc -d -aes-256-cbc -pbkdf2 -pass pass:'correct horse battery staple' -in "$f" -out dec 2>/dev/null &&
		    cmp -s dec "${f%.enc}" && ok "$s: openssl decrypts it" || fail "$s: openssl enc -d failed" ;;
	sqlite) expect_eq "$s: workload database" ok "$(sqlite3 drill/workload.sqlite 'pragma integrity_check')" ;;
	esac
	case $s in
	note-only|blackbasta|inplace) expect_eq "$s: notes" 6 "$(find drill -name README_RESTORE_FILES.txt | wc -l)" ;;
	esac
	expect_exit "$s: restores" 0 "$RIPOSTE" simulate --restore drill
	(cd drill && sha256sum -c --quiet .riposte-sim/manifest.sha256) >/dev/null 2>&1 &&
	    ok "$s: sha256sum -c passes" || fail "$s: sha256sum -c fails after restore"
	expect_eq "$s: nothing left over" "$(cut -c67- drill/.riposte-sim/manifest.sha256 | sed 's|^|./|' | sort)" "$(listing drill)"
	expect_eq "$s: no directory left over" "$(cd drill && find . -path ./.riposte-sim -prune -o -type d -print | sort | tr '\n' ' ')" \
	    ". ./Documents ./Finance ./Patients ./Photos ./Scans "
done

canaries > canaries.after
expect_eq "canaries untouched" "$(cat canaries.before)" "$(cat canaries.after)"
expect_eq "canary contents" "canary before canary after canary outside" "$(cat aaa-canary.txt zzz-canary.txt outside/canary.txt | tr '\n' ' ' | sed 's/ $//')"
done_testing
