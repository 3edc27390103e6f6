# Sourced by the drill and kit golden tests: the case tests' set-up (a private
# directory, fixed clock and zone, the Swiss example practice), and answers files.
. "$TOP/tests/golden/case-lib.sh"
# kit writes PDFs: under the ASan pass, fontconfig's caches (kept for the process's
# life, never freed) are not our leaks; the suppressions are not listed in the output
export LSAN_OPTIONS="suppressions=$TOP/tests/e2e/lsan-fontconfig.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# A paper exercise of ransomware-night with gaps: the scope half done (a trap ticked),
# the insurer called late, the patients and the report partly, the restore rushed.
mixed_ransomware() {
	cat > mixed.txt <<'ANS'
# ransomware-night, played on paper with the front desk and the practice manager
note: a
scope: a, c, e
insurer: b
ransom: a
patients: a,b
report: a,b
restore: b
ANS
}

# The best answers of the facilitator's guide.
best_ransomware() {
	printf 'note: a\nscope: a,b,c\ninsurer: a\nransom: a\npatients: a,b,d\nreport: a,b,d\nrestore: a\n' > best.txt
}
