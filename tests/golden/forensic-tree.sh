# Sourced by the forensic golden tests: builds tree/ with fixed content and times, takes
# a baseline into r.db, then changes it (edit, delete, new file, encryption, chmod).
# Inode numbers, owners and change/birth times differ between machines: norm() masks
# them in the outputs.
set -eu
export TZ=UTC RIPOSTE_NO_PROGRESS=1 RIPOSTE_NOW=2026-11-20T12:00:00Z
keystream() {  # BYTES SEED
	head -c "$1" /dev/zero | openssl enc -aes-128-ctr -nosalt \
		-K "$(printf '%032x' "$2")" -iv 00000000000000000000000000000000
}
mkdir -p tree/Patients tree/Admin
yes 'Termin bestätigt; Blutdruck normal; Medikation unverändert.' | head -c 30000 > tree/Patients/verlauf.txt
yes 'Befund: unauffällig. Kontrolle in sechs Monaten.' | head -c 20000 > tree/Patients/befund.txt
yes 'id;name;date;amount' | head -c 5000 > tree/Admin/factures.csv
printf 'plan\n' > "tree/Admin/=cmd|x.txt"
printf 'plain\n' > "$(printf 'tree/Admin/caf\351.txt')"
find tree -exec touch -m -d '2026-11-01 08:00:00 UTC' {} +
find tree -exec touch -a -d '2026-11-02 09:00:00 UTC' {} +
"$RIPOSTE" baseline --db r.db tree > /dev/null
set +e
change_tree() {
	echo 'Nachtrag' >> tree/Patients/befund.txt
	rm tree/Admin/factures.csv
	keystream 30000 7 > tree/Patients/verlauf.txt
	printf 'All your files have been encrypted.\nTo get the decryption key write to restore@onionmail.org\n' > tree/Admin/README-DECRYPT.txt
	chmod 600 "tree/Admin/=cmd|x.txt"
	find tree -exec touch -m -d '2026-11-21 03:14:00 UTC' {} +
	find tree -exec touch -a -d '2026-11-21 03:14:00 UTC' {} +
}
norm() {
	sed -e 's/"\(old_\)\{0,1\}\(uid\|gid\|inode\)":[0-9][0-9]*/"\1\2":N/g' \
	    -e 's/,[0-9][0-9]*:[0-9][0-9]*,/,U:G,/g'
}
