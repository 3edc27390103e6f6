# riposte restore-check (text): a restore with the flaw of the way in, then fixed, then
# with a file missing, one encrypted and a ransom note
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
export TZ=UTC RIPOSTE_NO_PROGRESS=1 RIPOSTE_NOW=2026-11-21T10:00:00Z RIPOSTE_ACTOR=it-provider
export RIPOSTE_DB=r.db RIPOSTE_CONF=sys.conf
. "$TOP/tests/harden/roots.sh"
harden_root good sys || exit 2
mkdir -p sys/srv/praxis
printf 'Befund unauffaellig\n' > sys/srv/praxis/befund.txt
printf 'Termin am Montag\n' > sys/srv/praxis/termine.txt
"$RIPOSTE" baseline sys/srv/praxis > /dev/null 2>&1
"$RIPOSTE" case open --title "Ransomware" --discovered 2026-11-20T06:30:00Z > /dev/null 2>&1
"$RIPOSTE" case entry --vector exposed-service --finding smb-guest-writable "guest share" 2>/dev/null
rm -rf sys/etc sys/var/lib && harden_root weak sys || exit 2     # restored with the flaw
"$RIPOSTE" restore-check /srv/praxis --root sys --format text
echo "exit $?"
rm -rf sys/etc sys/var/lib && harden_root good sys || exit 2     # fixed
"$RIPOSTE" restore-check /srv/praxis --root sys --format text
echo "exit $?"
rm sys/srv/praxis/termine.txt
printf 'All your files have been encrypted.\nTo get the decryption key write to restore@onionmail.org\n' > sys/srv/praxis/README-DECRYPT.txt
head -c 8192 /dev/zero | openssl enc -aes-128-ctr -nosalt -K 000102030405060708090a0b0c0d0e0f \
    -iv 00000000000000000000000000000000 > sys/srv/praxis/befund.txt
"$RIPOSTE" restore-check /srv/praxis --root sys --format text
echo "exit $?"
"$RIPOSTE" case show | grep -c 'restore-check'
