# riposte restore-check --format jsonl: a restore with the flaw of the way in, and
# --finding / --no-case
T=$(mktemp -d) && cd "$T" || exit 2
trap 'rm -rf "$T"' EXIT
export TZ=UTC RIPOSTE_NO_PROGRESS=1 RIPOSTE_NOW=2026-11-21T10:00:00Z RIPOSTE_ACTOR=it-provider
export RIPOSTE_DB=r.db RIPOSTE_CONF=sys.conf
. "$TOP/tests/harden/roots.sh"
harden_root good sys || exit 2
mkdir -p sys/srv/praxis
printf 'Befund unauffaellig\n' > sys/srv/praxis/befund.txt
"$RIPOSTE" baseline sys/srv/praxis > /dev/null 2>&1
"$RIPOSTE" case open --title "Ransomware" --discovered 2026-11-20T06:30:00Z > /dev/null 2>&1
"$RIPOSTE" case entry --vector exposed-service --finding smb-guest-writable "guest share" 2>/dev/null
rm -rf sys/etc sys/var/lib && harden_root weak sys || exit 2
"$RIPOSTE" restore-check --root sys --format jsonl /srv/praxis
echo "exit $?"
"$RIPOSTE" restore-check --root sys --format jsonl --no-case --finding uid0-extra /srv/praxis > out.jsonl
echo "exit $?"
tail -n 2 out.jsonl
