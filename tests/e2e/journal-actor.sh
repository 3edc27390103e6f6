# Who the journal names: $RIPOSTE_ACTOR first, then the person behind sudo (an IT
# provider runs riposte as root; "root" names nobody), then the login name. One rule for
# every command that writes the journal (case, risk, harden, drill, kit, mail, watch).
. "$TOP/tests/lib.sh"
command -v sqlite3 >/dev/null || fail "sqlite3 CLI missing (scripts/packages.d/test.txt)"
export TZ=Europe/Zurich RIPOSTE_NOW=2026-11-20T08:00:00+01:00
export RIPOSTE_DB=$T/riposte.db
unset RIPOSTE_DATA RIPOSTE_CONF RIPOSTE_ACTOR SUDO_USER
me=$(id -un)

expect_exit "open" 0 "$RIPOSTE" case open --title "Actors" --discovered 2026-11-20T06:30:00+01:00
expect_exit "as myself" 0 "$RIPOSTE" case log "entry by the login name"
expect_exit "behind sudo" 0 env SUDO_USER=anna.provider "$RIPOSTE" case log "entry under sudo"
expect_exit "named" 0 env SUDO_USER=anna.provider RIPOSTE_ACTOR=dr.muster "$RIPOSTE" case log "entry by a named actor"
expect_exit "empty names count as unset" 0 env SUDO_USER= RIPOSTE_ACTOR= "$RIPOSTE" case log "entry with empty names"
q() { sqlite3 riposte.db "SELECT actor FROM journal WHERE text = '$1'"; }
expect_eq "login name" "$me" "$(q 'entry by the login name')"
expect_eq "the person behind sudo" anna.provider "$(q 'entry under sudo')"
expect_eq "RIPOSTE_ACTOR wins" dr.muster "$(q 'entry by a named actor')"
expect_eq "empty values are skipped" "$me" "$(q 'entry with empty names')"
# a command outside `case` that journals, under the same rule
expect_exit "risk init under sudo" 0 env SUDO_USER=anna.provider "$RIPOSTE" risk init
expect_eq "risk's entries name the same person" anna.provider \
    "$(sqlite3 riposte.db "SELECT DISTINCT actor FROM risk_journal" 2>/dev/null || echo no-risk-journal)"
expect_exit "journal intact" 0 "$RIPOSTE" case verify
