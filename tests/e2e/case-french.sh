#!/bin/sh
# A French firm passed a virus to clients, personal data at risk: GDPR Art. 33 and the
# police complaint (L12-10-1) due 72 h after awareness, Art. 34; the client letters.
. "$TOP/tests/lib.sh"
export TZ=Europe/Paris RIPOSTE_NOW=2026-11-19T12:00:00+01:00 RIPOSTE_DB="$T/riposte.db"
cat > fr.conf <<'CONF'
[site]
name = Cabinet Exemple SARL
address = 1 rue de la Paix, 75002 Paris
country = FR
sector = other
nis2 = none
staff = 12
[insurance]
insurer = Assureur Exemple
policy = FR-778
hotline = +33 1 00 00 00 00
currency = EUR
deductible = 2500
waiting-period = 24h
CONF
export RIPOSTE_CONF="$T/fr.conf"
"$RIPOSTE" case open --title "Virus sent to clients" --discovered 2026-11-19T10:00:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case facts --personal-data yes --high-risk yes >/dev/null
"$RIPOSTE" case deadlines --format jsonl > dl.jsonl
expect_grep "GDPR Art. 33 due 72 h after awareness" '"id":"gdpr-art33".*"due":"2026-11-22T09:00:00Z"' dl.jsonl
expect_grep "police complaint due 72 h after awareness" '"id":"fr-l12-10-1".*"due":"2026-11-22T09:00:00Z"' dl.jsonl
expect_grep "GDPR Art. 34" '"id":"gdpr-art34"' dl.jsonl
expect_nogrep "no Swiss duty in France" 'ch-fadp' dl.jsonl
expect_nogrep "no ARS for a non-health firm" 'fr-ars' dl.jsonl
# a hospital in France also reports to the ARS; an NIS2 entity gets the three NIS2 steps
sed -i 's/^sector = other/sector = hospital/; s/^nis2 = none/nis2 = essential/' fr.conf
"$RIPOSTE" case deadlines --format jsonl > dl2.jsonl
expect_grep "ARS for a hospital" '"id":"fr-ars"' dl2.jsonl
expect_grep "NIS2 early warning 24 h" '"id":"nis2-early-warning".*"due":"2026-11-20T09:00:00Z"' dl2.jsonl
expect_grep "NIS2 final: one month after the 72 h notification" '"id":"nis2-final".*"due":"2026-12-22T09:00:00Z"' dl2.jsonl

"$RIPOSTE" case ioc add --type domain update-portal.example
"$RIPOSTE" case notify --to client --lang fr > client.txt
expect_grep "infected-client letter lists the IOC" 'domain: update-portal.example' client.txt
"$RIPOSTE" case notify --to clients --lang fr > clients.txt
expect_grep "precautionary letter warns about bank details" 'ne changeons jamais nos coordonnées bancaires par courriel' clients.txt
"$RIPOSTE" case notify --to clients --lang de > clients-de.txt
expect_grep "German bank warning" 'Bankverbindung nie per E-Mail' clients-de.txt
"$RIPOSTE" case notify --to authority --lang fr > cnil.txt
for k in 'a) Nature de la violation' 'b) Délégué à la protection' 'c) Conséquences probables' 'd) Mesures prises'; do
	expect_grep "Art. 33(3) content: $k" "$k" cnil.txt
done
# every template in every language fills without a leftover placeholder
for lang in fr de en; do
	for to in insurer authority police it-provider client clients; do
		"$RIPOSTE" case notify --to $to --lang $lang > draft.txt 2>/dev/null ||
			fail "notify --to $to --lang $lang failed"
		if grep -q '{{' draft.txt || [ ! -s draft.txt ]; then
			fail "template $lang/$to left a placeholder or is empty"
		fi
	done
done
ok "all 18 drafts filled (authority uses the GDPR version for a French site)"
CH="$T/ch.conf"
sed 's/^country = FR/country = CH/' fr.conf > "$CH"
for lang in fr de en; do
	RIPOSTE_CONF="$CH" "$RIPOSTE" case notify --to authority --lang $lang > draft.txt 2>/dev/null
	grep -q '{{' draft.txt && fail "authority-ch $lang left a placeholder"
done
RIPOSTE_CONF="$CH" "$RIPOSTE" case notify --to authority --lang de > edoeb.txt 2>/dev/null
expect_grep "Swiss sites get the DSV Art. 15 letter" 'Art. 15 der Datenschutzverordnung' edoeb.txt
expect_exit "police complaint sent" 0 "$RIPOSTE" case notify --to police --lang fr --sent
"$RIPOSTE" case deadlines --format jsonl > dl3.jsonl
expect_grep "complaint closes fr-l12-10-1" '"id":"fr-l12-10-1".*"status":"done"' dl3.jsonl
RIPOSTE_NOW=2026-11-23T12:00:00+01:00 "$RIPOSTE" case deadlines --format jsonl > dl4.jsonl
st=$?
expect_eq "overdue deadlines exit 1" 1 "$st"
expect_grep "GDPR Art. 33 overdue after 72 h" '"id":"gdpr-art33".*"status":"overdue"' dl4.jsonl
"$RIPOSTE" case iocs --format stix > b.json
python3 - b.json <<'PY' && ok "STIX bundle is valid JSON with an indicator" || fail "STIX bundle"
import json, sys
b = json.load(open(sys.argv[1]))
assert b["type"] == "bundle" and b["id"].startswith("bundle--")
i = b["objects"][0]
assert i["type"] == "indicator" and i["spec_version"] == "2.1" and i["pattern_type"] == "stix"
assert i["pattern"] == "[domain-name:value = 'update-portal.example']"
PY
done_testing
