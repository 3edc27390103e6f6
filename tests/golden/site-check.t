# site check on the example (one stale contact), on a sparse profile, and in JSONL.
set -u
d=$(mktemp -d "${TMPDIR:-/tmp}/riposte-golden.XXXXXX") || exit 2
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 2
export TZ=Europe/Zurich RIPOSTE_NOW=2026-11-22T09:00:00+01:00
unset RIPOSTE_CONF
r() { echo "\$ riposte $*"; "$RIPOSTE" "$@"; echo "[exit $?]"; }
cp "$TOP/data/examples/riposte.conf" riposte.conf
r site check
r site check --format jsonl
cat > sparse.conf <<'CONF'
[site]
name = Garage Exemple
country = XX
sector = garage
nis2 = none
[insurance]
insurer = Example
deductible = lots
liability_limit = a million
[contact it-provider]
name = Bob
verified = 2027-01-01
[contact police]
name = Police
phone = 117
verified = yesterday
[client]
name = A client
CONF
r site check --config sparse.conf
RIPOSTE_CONF=sparse.conf r site check --format jsonl
printf '[site]\nname = x\nname = y\n' > dup.conf
r site check --config dup.conf
r site check --config missing.conf
r site frobnicate
r site check --format csv --config sparse.conf
