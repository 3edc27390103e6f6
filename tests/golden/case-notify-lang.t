# Drafts default to the site's language: the Swiss example profile writes German, a
# French site French, --lang overrides; dates as each language writes them.
. "$TOP/tests/golden/case-lib.sh"
swiss_case
r case notify --to it-provider
r case notify --to it-provider --lang en
french_site
printf 'language = fr\n' > lang.conf
sed '/^\[site\]/r lang.conf' fr.conf > fr-lang.conf && export RIPOSTE_CONF=fr-lang.conf
"$RIPOSTE" case open --title "Virus envoyé aux clients" --discovered 2026-11-19T10:00:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case facts --personal-data yes --exfiltration unknown >/dev/null
r case notify --to insurer
r case notify --to insurer --lang de --sent
