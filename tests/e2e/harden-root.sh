#!/bin/sh
# harden --root on copies of a Debian 12 system (tests/harden/roots.sh): every planted
# weakness found with its id, none on the good copy; nothing changed in the copy (times
# compared before and after); no password hash in any output; symlinks stay inside the
# copy; apt lists in every compression; the way in in the case (entry, harden --case,
# accept, close); restore-check ready / not-ready against a baseline.
. "$TOP/tests/lib.sh"
. "$TOP/tests/harden/roots.sh"
export TZ=UTC RIPOSTE_NOW=2026-11-21T10:00:00Z RIPOSTE_ACTOR=it-provider
unset RIPOSTE_CONF RIPOSTE_DB

harden_root weak weak || fail "weak root"
harden_root good good || fail "good root"

# ---- every id, from the files of the weak copy ----
expect_exit "weak copy: findings" 1 "$RIPOSTE" harden --root weak --config weak.conf --format jsonl
cp "$T/.out" weak.jsonl
for id in smb1-enabled smb-guest-writable smb-no-audit smb-no-snapshots ssh-root-login \
    ssh-password-auth uid0-extra empty-password sudo-nopasswd journal-volatile \
    backup-reachable pending-security-updates; do
	expect_grep "weak: $id" "\"id\":\"$id\"" weak.jsonl
done
for id in exposed-service no-firewall no-time-sync; do
	expect_grep "weak: $id not checked under --root" "\"kind\":\"not_checked\",\"id\":\"$id\"" weak.jsonl
done
expect_grep "the sudoers file with a dot is not read" '"high":9,"medium":7' weak.jsonl
expect_nogrep "old.bak skipped as sudo skips it" 'praxis ALL' weak.jsonl
expect_grep "Match-free drop-in wins (first value)" '50-remote.conf","line":2' weak.jsonl
expect_exit "good copy: nothing" 0 "$RIPOSTE" harden --root good --config good.conf --format jsonl
expect_nogrep "good: no finding" '"kind":"finding"' "$T/.out"
expect_grep "good: summary" '"high":0,"medium":0,"low":0' "$T/.out"

# ---- no hash, any format; nothing changed in the copy ----
find weak -exec stat -c '%n %X %Y %Z' {} + | sort > before
for f in text jsonl csv; do
	"$RIPOSTE" harden --root weak --config weak.conf --format $f > out.$f 2>&1
done
find weak -exec stat -c '%n %X %Y %Z' {} + | sort > after
if cmp -s before after; then ok "no access, change or modification time changed"; else
	fail "times changed"; diff before after | head; fi
expect_nogrep "no password hash in text" 'HASHMARKER' out.text
expect_nogrep "no password hash in jsonl" 'HASHMARKER' out.jsonl
expect_nogrep "no password hash in csv" 'HASHMARKER' out.csv

# ---- links stay in the copy ----
mkdir -p weak/x && echo 'inroot:x:0:0::/:/bin/sh' > weak/x/passwd
mv weak/etc/passwd weak/etc/passwd.real && ln -s /x/passwd weak/etc/passwd
"$RIPOSTE" harden --root weak --config weak.conf --format jsonl > link.jsonl
expect_grep "an absolute link is read inside the copy" "account 'inroot' has uid 0" link.jsonl
rm weak/etc/passwd && mv weak/etc/passwd.real weak/etc/passwd

# ---- apt lists as apt keeps them ----
for z in none gz xz zst lz4; do
	rm -rf apt-$z && mkdir apt-$z
	harden_root weak apt-$z/r $z
	"$RIPOSTE" harden --root apt-$z/r --config apt-$z/r.conf --format jsonl > apt-$z.jsonl
	expect_grep "apt lists ($z): 3 packages behind bookworm-security" \
	    '3 installed packages are older than bookworm-security' apt-$z.jsonl
done

# ---- errors ----
expect_exit "missing root" 2 "$RIPOSTE" harden --root nowhere
expect_grep "says which" "cannot open 'nowhere'" "$T/.err"
expect_exit "unknown format" 2 "$RIPOSTE" harden --root good --format xml
expect_exit "no operand" 2 "$RIPOSTE" harden good

# ---- the way in, in the case ----
export RIPOSTE_DB=case.db
"$RIPOSTE" case open --title "Ransomware" --discovered 2026-11-20T06:30:00Z >/dev/null 2>&1
expect_exit "entry with an unknown finding" 2 "$RIPOSTE" case entry --vector exposed-service \
    --finding smb99 "x"
expect_exit "entry with an unknown vector" 2 "$RIPOSTE" case entry --vector magic "x"
expect_exit "the way in" 0 "$RIPOSTE" case entry --vector exposed-service --finding smb-guest-writable \
    --finding smb1-enabled "the copier's share was open to guests over SMB1"
expect_exit "harden --case on the weak copy" 1 "$RIPOSTE" harden --root weak --config weak.conf \
    --case --owner "Muster IT" --due 2026-12-01 --format jsonl
expect_grep "actions made" '8 improvement actions for Muster IT' "$T/.err"
expect_exit "close refused: the way in is still open" 1 "$RIPOSTE" case close --root-cause "guest share"
expect_grep "which finding" "finding 'smb-guest-writable': still found by the last harden run" "$T/.err"
expect_exit "accept needs a reason" 2 "$RIPOSTE" case accept smb1-enabled
expect_exit "accept" 0 "$RIPOSTE" case accept smb1-enabled --reason "the old copier speaks SMB1 only; replaced in January"
expect_exit "still refused (guest share)" 1 "$RIPOSTE" case close --root-cause "guest share"
expect_exit "harden --case again: no second action" 1 "$RIPOSTE" harden --root weak --config weak.conf --case --format jsonl
expect_nogrep "no new action" 'improvement action' "$T/.err"
expect_exit "harden --case on the fixed copy" 0 "$RIPOSTE" harden --root good --config good.conf --case --format jsonl
RIPOSTE_CONF="$TOP/data/examples/riposte.conf" "$RIPOSTE" risk init >/dev/null 2>&1 || fail "risk init"
expect_exit "close" 0 "$RIPOSTE" case close --root-cause "guest share"
expect_grep "the way in raises the risk register" 'risk register: the threats of the way in (exposed-service) are more likely on [1-9]' "$T/.err"
"$RIPOSTE" risk list --format jsonl > risks.jsonl
expect_grep "the raise is kept with its reason" 'case 1 closed: entry vector exposed-service' risks.jsonl
expect_exit "report" 0 "$RIPOSTE" case report --case 1 --format md -o report.md
expect_grep "report: the section" '## How it came in and what was closed' report.md
expect_grep "report: the way in" "exposed-service: the copier's share was open to guests over SMB1" report.md
expect_grep "report: closed finding" '| smb-guest-writable | closed |' report.md
expect_grep "report: accepted finding" 'smb1-enabled | accepted: the old copier speaks SMB1 only' report.md
expect_grep "report: action done" 'Muster IT | 1 Dec 2026 | done (the finding is gone)' report.md
expect_grep "report: run before" 'Harden run before:.*9 high, 7 medium' report.md
expect_grep "report: run after" 'Harden run after:.*0 high, 0 medium, 0 low' report.md
expect_exit "the journal verifies" 0 "$RIPOSTE" case verify --case 1

# ---- restore-check: the data against the baseline, the way in gone ----
unshare -m true 2>/dev/null || { echo "no mount namespace: restore-check part skipped"; done_testing; }
mkdir -p good/srv/praxis weak/srv/praxis
printf 'Befund unauffaellig\n' > good/srv/praxis/befund.txt
printf 'Termin am Montag\n' > good/srv/praxis/termin.txt
cp -p good/srv/praxis/* weak/srv/praxis/
# the baseline of the known-good server's /srv/praxis, taken in a private mount
# namespace where the copy is mounted there (the machine's /srv is not touched)
unshare -m sh -c "mount -t tmpfs riposte-test /srv && mkdir /srv/praxis &&
    mount --bind '$T/good/srv/praxis' /srv/praxis &&
    '$RIPOSTE' baseline --db '$T/rc.db' /srv/praxis" >/dev/null 2>&1 || fail "baseline of /srv/praxis"
export RIPOSTE_DB=rc.db
"$RIPOSTE" case open --title "Ransomware 2" --discovered 2026-11-20T06:30:00Z >/dev/null 2>&1
"$RIPOSTE" case entry --vector exposed-service --finding smb-guest-writable "guest share" 2>/dev/null
# options after the operand
expect_exit "restored with the flaw: not-ready" 1 "$RIPOSTE" restore-check /srv/praxis --root weak \
    --config weak.conf --format jsonl
cp "$T/.out" rc-weak.jsonl
expect_grep "the flaw is named" '"kind":"way_in","id":"smb-guest-writable","state":"present"' rc-weak.jsonl
expect_grep "verdict" '"verdict":"not-ready","reasons":\["smb-guest-writable (tied to the way in) is still there (/etc/samba/shares.conf:6)"\]' rc-weak.jsonl
expect_exit "restored fixed: ready" 0 "$RIPOSTE" restore-check /srv/praxis --root good --config good.conf --format text
expect_grep "ready" '^verdict: ready' "$T/.out"
expect_grep "gone" 'smb-guest-writable *gone' "$T/.out"
# the data: a missing file, an encrypted one, a ransom note
rm good/srv/praxis/termin.txt
head -c 4096 /dev/urandom > good/srv/praxis/befund.txt
printf 'All your files have been encrypted.\nTo get the decryption key write to restore@onionmail.org\n' > good/srv/praxis/README-DECRYPT.txt
expect_exit "a bad restore: not-ready" 1 "$RIPOSTE" restore-check --format text --root good --config good.conf /srv/praxis
expect_grep "missing" '1 file of the baseline missing' "$T/.out"
expect_grep "encrypted" 'ENCRYPTED  /srv/praxis/befund.txt' "$T/.out"
expect_grep "note" 'NOTE       /srv/praxis/README-DECRYPT.txt' "$T/.out"
expect_exit "no baseline: error" 2 "$RIPOSTE" restore-check --root good --config good.conf /srv/other
expect_exit "recorded in the case" 0 "$RIPOSTE" case show --format jsonl
expect_grep "three verdicts" '"type":"restore-check"' "$T/.out"
expect_exit "--no-case with --finding" 1 "$RIPOSTE" restore-check --no-case --finding uid0-extra \
    --root weak --config weak.conf --format jsonl /srv/praxis
expect_grep "the extra finding" '"id":"uid0-extra","state":"present"' "$T/.out"
expect_grep "not recorded" '"case":null' "$T/.out"
done_testing
