# The practices of the fleet tests (sourced; needs $RIPOSTE and $TOP): the Swiss and the
# French reference cases (tests/e2e/case-swiss.sh, case-french.sh), each in a store and
# with a site profile of its own. The times are arguments: the golden tests fix them,
# the end-to-end test takes them from the clock.

# swiss_practice DB NOW DISCOVERED: ransomware at a Swiss medical practice, patient
# data, high risk, extortion; CHF 18,000 IT + 5,000 internal + 2,000 legal; nobody
# notified yet (the insurer's 4 h and the FDPIC's clock run). Profile: the example.
swiss_practice() {
	(
	export RIPOSTE_DB=$1 RIPOSTE_NOW=$2 RIPOSTE_CONF=$TOP/data/examples/riposte.conf \
	    RIPOSTE_ACTOR=it-provider
	"$RIPOSTE" case open --title "Ransomware on the practice server" --discovered "$3" \
	    --how "ransom note on the server at opening" >/dev/null 2>&1 || exit 1
	"$RIPOSTE" case facts --personal-data yes --health-data yes --high-risk yes \
	    --extortion yes --exfiltration no >/dev/null 2>&1 || exit 1
	"$RIPOSTE" case cost add --category it --amount 18000 --note "IT provider: restore" 2>/dev/null
	"$RIPOSTE" case cost add --category internal --amount 5000 --note "60 internal hours" 2>/dev/null
	"$RIPOSTE" case cost add --category legal --amount 2000 --note "data-protection lawyer" 2>/dev/null
	) || { echo "swiss_practice: the case could not be made"; return 1; }
}

# french_conf FILE: a French accounting firm's profile (no contacts listed: findings)
french_conf() {
	cat >"$1" <<'CONF'
[site]
name = Cabinet comptable Exemple SARL
address = 1 rue de la Paix, 75002 Paris
country = FR
sector = other
nis2 = none
staff = 12
timezone = Europe/Paris
language = fr
[insurance]
insurer = Assureur Exemple
policy = FR-CYB-778
hotline = +33 1 00 00 00 00
currency = EUR
deductible = 2500
waiting-period = 24h
[client]
name = Client Exemple SA
contact = compta@client.example
language = fr
CONF
}

# french_practice DB CONF NOW DISCOVERED: a virus sent to clients, personal data at
# high risk: GDPR Art. 33 and 34 run; the police complaint (L12-10-1) is filed.
french_practice() {
	french_conf "$2"
	(
	export RIPOSTE_DB=$1 RIPOSTE_CONF=$2 RIPOSTE_NOW=$3 RIPOSTE_ACTOR=it-provider
	"$RIPOSTE" case open --title "Virus sent to clients" --discovered "$4" >/dev/null 2>&1 || exit 1
	"$RIPOSTE" case facts --personal-data yes --high-risk yes >/dev/null 2>&1 || exit 1
	"$RIPOSTE" case ioc add --type domain update-portal.example >/dev/null 2>&1
	"$RIPOSTE" case notify --to police --lang fr --sent >/dev/null 2>&1 || exit 1
	) || { echo "french_practice: the case could not be made"; return 1; }
}

# alert_row DB ISO TYPE CASE JSON: an alert log row as watch writes it (for tests that
# cannot run watch at a fixed time: the golden tests)
alert_row() {
	t=$(date -u -d "$2" +%s)
	sqlite3 "$1" "INSERT INTO alert_log(time, type, case_id, text, data) VALUES($t, '$3', $4, \
'$(if [ "$3" = alert ]; then echo 'ransomware behaviour detected and acted on'; else
echo 'a canary file was read (noted; a read alone is not acted on)'; fi)', '$5')"
}
