# case show in text and JSONL, after the reference case and a few journal entries.
. "$TOP/tests/golden/case-lib.sh"
swiss_case
"$RIPOSTE" case log "IT restricted: server isolated, practice on paper"
"$RIPOSTE" case ioc add --type filename 'README_RESTORE.txt'
r case show
r case show --format jsonl
r case list
r case show --case 7
r case verify
r case verify --format jsonl
