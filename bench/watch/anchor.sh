#!/bin/sh
# The note anchor's CPU time per 4 KiB head (what watch's cheap look runs on every
# document put into the share), two versions side by side: lib/detect/anchor.c at git
# revision A (default main) and the checkout's, compiled alike, run alternately 5 times
# each over the SMB bench's documents (no stem in them: the whole head is searched) and
# over the project's own docs (stems found early in some heads), and over words of
# French and German (accents, quotes, €) and of other alphabets (UTF-8, no stem: the
# non-ASCII stems' comparisons). CPU time of the
# process, so usable on a loaded machine; the median of the 5 is the figure.
# Usage: sh bench/watch/anchor.sh [A]
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
A=${1:-main}
T=$(mktemp -d /var/tmp/riposte-bench-anchor.XXXXXX) || exit 2
trap 'rm -rf "$T"' EXIT
git -C "$TOP" show "$A:lib/detect/anchor.c" >"$T/anchor-a.c" || exit 2
cat >"$T/mb.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
int rp_note_anchor(const unsigned char *p, size_t n);
int main(int argc, char **argv) {
	static unsigned char buf[1 << 22];
	FILE *f = fopen(argv[1], "rb");
	if (argc < 2 || f == NULL) return 2;
	size_t n = fread(buf, 1, sizeof(buf), f), heads = 0;
	fclose(f);
	long hits = 0;
	struct timespec a, b;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
	for (int r = 0; r < 10; r++)
		for (size_t off = 0; off + 4096 <= n; off += 4096, heads++) hits += rp_note_anchor(buf + off, 4096);
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
	printf("%.0f %ld\n", ((b.tv_sec - a.tv_sec) * 1e9 + (b.tv_nsec - a.tv_nsec)) / (double)heads, hits);
	return 0;
}
C
python3 - "$T/docs.txt" <<'PY'
import random, sys
random.seed(7)
words = ("patient report invoice meeting schedule practice doctor appointment insurance "
         "claim medical record summary referral laboratory result billing").split()
with open(sys.argv[1], "w") as f:
    for _ in range(40000):
        f.write(" ".join(random.choice(words) for _ in range(12)) + "\n")
PY
python3 - "$T/utf8.txt" <<'PY'
import random, sys
random.seed(8)
# the same kind of letters in Russian, Polish, Greek and Chinese (no stem in them): the
# heads' non-ASCII comparisons run on every block
words = ("пациент отчёт счёт встреча врач приём страховка результат "
         "pacjent raport faktura spotkanie lekarz wizyta ubezpieczenie "
         "ασθενής έκθεση τιμολόγιο ραντεβού γιατρός 病人 报告 发票 医生").split()
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for _ in range(25000):
        f.write(" ".join(random.choice(words) for _ in range(12)) + "\n")
PY
python3 - "$T/fr.txt" <<'PY'
import random, sys
random.seed(9)
words = ("rendez-vous médecin facture dossier résultat réunion assurance "
         "l’ordonnance «patient» Überweisung Ärztin Prüfung Bericht Größe 20 €").split()
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for _ in range(30000):
        f.write(" ".join(random.choice(words) for _ in range(12)) + "\n")
PY
find "$TOP/docs" -name '*.md' | sort | xargs cat >"$T/real.txt"
CF="-std=c17 -O2 -I$TOP/lib -include $TOP/lib/core/banned.h -D_GNU_SOURCE"
cc $CF -o "$T/a" "$T/mb.c" "$T/anchor-a.c" && cc $CF -o "$T/b" "$T/mb.c" "$TOP/lib/detect/anchor.c" || exit 2
for k in 1 2 3 4 5; do
	for v in a b; do
		for c in docs real fr utf8; do echo "$v $c $("$T/$v" "$T/$c.txt")"; done
	done
done >"$T/runs"
echo "| text | heads with a stem: A / checkout | ns per 4 KiB head, A ($A): median (min-max) | checkout | load |"
echo "|---|---|---|---|---|"
for c in docs real fr utf8; do
	awk -v c="$c" -v A="$A" -v load="$(cut -d' ' -f1 /proc/loadavg)" '
	$2 == c { t[$1] = t[$1] " " $3; h[$1] = $4 }
	function med(s,   v, n, i, j, x) { n = split(s, v, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] < v[i]) { x = v[i]; v[i] = v[j]; v[j] = x }
		return sprintf("%d (%d-%d)", v[int((n + 1) / 2)], v[1], v[n]) }
	END { printf "| %s | %s / %s | %s | %s | %s |\n", c == "docs" ? "the SMB bench'"'"'s documents" : c == "real" ? "docs/*.md" : c == "fr" ? "French and German words" : "Russian, Polish, Greek, Chinese words", h["a"], h["b"], med(t["a"]), med(t["b"]), load }' "$T/runs"
done
