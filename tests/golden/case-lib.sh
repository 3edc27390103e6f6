# Sourced by the case golden tests: a private directory, fixed clock and zone, the
# example site profile (a Swiss medical practice), and the reference case.
set -u
d=$(mktemp -d "${TMPDIR:-/tmp}/riposte-golden.XXXXXX") || exit 2
trap 'rm -rf "$d"' EXIT
cd "$d" || exit 2
export TZ=Europe/Zurich RIPOSTE_NOW=2026-11-20T08:00:00+01:00 RIPOSTE_ACTOR=it-provider
export RIPOSTE_DB=riposte.db RIPOSTE_CONF="$TOP/data/examples/riposte.conf"
unset RIPOSTE_DATA
r() { echo "\$ riposte $*"; "$RIPOSTE" "$@"; echo "[exit $?]"; }

# The Swiss reference case: ransomware at a medical practice, patient data not
# encrypted, no mass read; CHF 18,000 IT + 5,000 internal + 2,000 legal.
swiss_case() {
	"$RIPOSTE" case open --title "Ransomware on the practice server" \
	    --discovered 2026-11-20T06:30:00+01:00 --how "ransom note on the server at opening" >/dev/null 2>&1
	"$RIPOSTE" case facts --personal-data yes --health-data yes --high-risk no \
	    --extortion yes --exfiltration no >/dev/null
	"$RIPOSTE" case cost add --category it --amount 18000 --note "IT provider: restore" 2>/dev/null
	"$RIPOSTE" case cost add --category internal --amount "5'000" --note "60 internal hours" 2>/dev/null
	"$RIPOSTE" case cost add --category legal --amount 2000.00 --note "data-protection lawyer" 2>/dev/null
}

# A French company: a virus went out to clients, personal data at risk.
french_site() {
	cat > fr.conf <<'CONF'
[site]
name = Cabinet comptable Exemple SARL
address = 1 rue de la Paix, 75002 Paris
country = FR
sector = other
nis2 = none
staff = 12
[insurance]
insurer = Assureur Exemple
policy = FR-CYB-778
hotline = +33 1 00 00 00 00
currency = EUR
deductible = 2500
waiting-period = 24h
[contact dpo]
name = Marie Exemple
phone = +33 1 00 00 00 01
email = dpo@cabinet.example
verified = 2026-01-15
CONF
	export RIPOSTE_CONF=fr.conf
}

# "A client says we sent them a virus": the reception mailbox of the Swiss practice
# sent a macro document to the laboratory, a link to a known-bad domain to an English
# firm, a "new bank details" fraud to the French cabinet; mail with attachments that
# matched nothing to a trust company; patients and a pharmacy are precautionary. Two
# more clients in the site profile: the English firm (joined by its domain) and a
# garage that received nothing. The contacts are recorded through the lib/case API by
# tests/unit/test-contacts (what `riposte mail trace --case` does), from
# tests/golden/case-contacts.jsonl, a mail trace's JSONL.
virus_case() {
	cp "$TOP/data/examples/riposte.conf" clients.conf
	cat >> clients.conf <<'CONF'

[client]
name = Smith & Partners Ltd
contact = office@smith-partners.example
language = en

[client]
name = Garage du Lac SA
contact = bureau@garage-du-lac.example
language = fr
CONF
	export RIPOSTE_CONF=clients.conf
	"$RIPOSTE" case open --title "Virus sent to clients from the reception mailbox" \
	    --discovered 2026-11-19T17:30:00+01:00 --how "a client called: our invoice carried a virus" >/dev/null 2>&1
	"$(dirname "$RIPOSTE")/tests/test-contacts" record riposte.db "$TOP/tests/golden/case-contacts.jsonl"
}
