# The report of a French site in French (its 'language = fr'): dates as French writes
# them, amounts as France writes them (25 000,00 €), the CNIL named for GDPR Art. 33.
. "$TOP/tests/golden/case-lib.sh"
french_site
printf 'language = fr\ntimezone = Europe/Paris\n' > lang.conf
sed '/^\[site\]/r lang.conf' fr.conf > fr-lang.conf && export RIPOSTE_CONF=fr-lang.conf
"$RIPOSTE" case open --title "Virus envoyé aux clients" --discovered 2026-11-19T10:00:00+01:00 \
    --how "un client a appelé" >/dev/null 2>&1
"$RIPOSTE" case facts --personal-data yes --high-risk no >/dev/null
"$RIPOSTE" case cost add --category it --amount 18000 --note "nettoyage" 2>/dev/null
"$RIPOSTE" case cost add --category internal --amount 7000.50 2>/dev/null
"$RIPOSTE" case cost add --category interruption --hours 30 --rate 150 2>/dev/null
"$RIPOSTE" case cost add --category liability --client "Garage du Lac SA" --amount 4500 2>/dev/null
"$RIPOSTE" case log --at 2026-11-18T17:45:00+01:00 "facture piégée envoyée (journal Postfix)"
"$RIPOSTE" case notify --to insurer --sent >/dev/null 2>&1
"$RIPOSTE" case lesson "Les macros sont désormais bloquées"
"$RIPOSTE" case action --owner "Prestataire" --due 2027-01-31 "Filtrer les pièces jointes à macros"
r case report --format md -o -
