# The French site's report as HTML: lang="fr", the title and every label in French,
# amounts as France writes them; a summer time carries its offset.
. "$TOP/tests/golden/case-lib.sh"
french_site
printf 'language = fr\n' > lang.conf
sed '/^\[site\]/r lang.conf' fr.conf > fr-lang.conf && export RIPOSTE_CONF=fr-lang.conf
"$RIPOSTE" case open --title 'Rançongiciel <b>"serveur"</b> & co' \
    --discovered 2026-11-19T10:00:00+01:00 >/dev/null 2>&1
"$RIPOSTE" case log --at 2026-07-14T22:10:00+02:00 "première connexion RDP suspecte (été)"
"$RIPOSTE" case cost add --category forensics --amount 12345.67 2>/dev/null
r case report --format html -o -
