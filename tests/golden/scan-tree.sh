# Sourced by the scan golden tests: builds tree/ in the current directory with fixed
# content (an AES-CTR keystream stands for encrypted data: deterministic) and times.
set -eu
keystream() {  # BYTES SEED
	head -c "$1" /dev/zero | openssl enc -aes-128-ctr -nosalt \
		-K "$(printf '%032x' "$2")" -iv 00000000000000000000000000000000
}

mkdir -p tree/Patients tree/Admin tree/Scans
yes 'Termin bestätigt; dossier transmis à la caisse-maladie; no further action needed.' | head -c 60000 > tree/Admin/journal.txt
yes 'id;name;date;amount' | head -c 30000 > tree/Admin/factures.csv
keystream 70000 1 > tree/Patients/dossier-0142.docx.lockbit
keystream 3000 2 > tree/Patients/small.pdf.lockbit
# Black Basta: 64 bytes encrypted every 192
yes 'Kontrolle 2026; Blutdruck normal; Medikation unverändert; nächster Termin.' | head -c 50000 > tree/Patients/verlauf.txt
keystream 50000 3 > ks
i=0
while [ "$i" -lt 50000 ]; do
	dd if=ks of=tree/Patients/verlauf.txt bs=1 skip="$i" seek="$i" count=64 conv=notrunc status=none
	i=$((i + 192))
	[ "$i" -ge 6000 ] && break
done
rm ks
# LockBit 2.0: the first 4 KiB
yes 'Scan 2026-11-12 page 1 of 3 ..................................' | head -c 40000 > tree/Scans/scan-17.txt
keystream 4096 4 | dd of=tree/Scans/scan-17.txt conv=notrunc status=none
printf 'All your files have been encrypted by us.\nTo get the decryption key write to restore@onionmail.org\nDo not rename the files.\n' > tree/Patients/Restore-My-Files.txt
cp tree/Patients/Restore-My-Files.txt tree/Admin/Restore-My-Files.txt
# hostile names
printf 'plain\n' > "tree/Admin/new
line.txt"
printf 'plain\n' > "$(printf 'tree/Admin/caf\351.txt')"
printf 'plain\n' > "$(printf 'tree/Admin/\033[31mred.txt')"
keystream 20000 5 > "tree/Admin/=HYPERLINK(x).xls"
mkfifo tree/Admin/pipe
ln -s /etc/passwd tree/Admin/link
find tree -exec touch -h -d '2026-11-21 03:14:15 UTC' {} +
touch -d '2026-11-21 02:47:00 UTC' tree/Patients/dossier-0142.docx.lockbit
touch -d '2026-11-21 04:58:30 UTC' tree/Scans/scan-17.txt
