#!/bin/sh
# mail trace over big mail logs: a generated Postfix log of N messages (5 lines each:
# smtpd, cleanup, qmgr, smtp, removed; about 180 bytes a line), plain and gzip, and the
# same as a Microsoft 365 trace CSV; riposte mail trace --log side by side with the
# floor (reading the file: cat, zcat) in one run. Times are CPU seconds (user + system,
# best of 3), as the machine may be shared; the rate is the file's size over them.
#   sh bench/mail/trace-logs.sh [N]      (default 200000; RIPOSTE=build/riposte)
set -eu
N=${1:-200000}
top=$(cd "$(dirname "$0")/../.." && pwd)
R=${RIPOSTE:-$top/build/riposte}
T=$(mktemp -d "${TMPDIR:-/tmp}/riposte-bench.XXXXXX")
trap 'rm -rf "$T"' EXIT
cd "$T"
python3 - "$N" <<'P'
import sys, random
n = int(sys.argv[1]); r = random.Random(1)
with open("mail.log", "w") as f, open("trace.csv", "w") as c:
    c.write('\ufeff"Received","SenderAddress","RecipientAddress","Subject","Status","ToIP","FromIP","Size","MessageId","MessageTraceId"\n')
    for i in range(n):
        q = "%010X" % r.getrandbits(40)
        t = "Nov %2d %02d:%02d:%02d" % (1 + i * 28 // n, i // 3600 % 24, i // 60 % 60, i % 60)
        frm = "empfang@praxis-muster.example" if i % 4 == 0 else "user%d@outside%d.example" % (i % 997, i % 89)
        to = "client%d@org%d.example" % (i % 5003, i % 701) if i % 4 == 0 else "empfang@praxis-muster.example"
        f.write("%s mail postfix/smtpd[%d]: %s: client=unknown[192.0.2.%d], sasl_method=LOGIN, sasl_username=empfang\n" % (t, 2000 + i % 7000, q, i % 250))
        f.write("%s mail postfix/cleanup[%d]: %s: message-id=<%d.%s@praxis-muster.example>\n" % (t, 2001 + i % 7000, q, i, q))
        f.write("%s mail postfix/qmgr[1210]: %s: from=<%s>, size=%d, nrcpt=1 (queue active)\n" % (t, q, frm, 2000 + i % 90000))
        f.write("%s mail postfix/smtp[%d]: %s: to=<%s>, relay=mx.example[192.0.2.9]:25, delay=1.2, delays=0.1/0.01/0.6/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as %s)\n" % (t, 2002 + i % 7000, q, to, q))
        f.write("%s mail postfix/qmgr[1210]: %s: removed\n" % (t, q))
        c.write('"11/%d/2026 %d:%02d:%02d PM","%s","%s","Subject %d","Delivered","192.0.2.9","198.51.100.7","%d","<%d.%s@praxis-muster.example>","%s"\n' % (1 + i * 28 // n, 1 + i // 3600 % 11, i // 60 % 60, i % 60, frm, to, i, 2000 + i % 90000, i, q, q))
P
gzip -k mail.log
touch -d '2026-11-30 12:00' mail.log mail.log.gz trace.csv
printf '[site]\nname = bench\n' > site.conf
export RIPOSTE_CONF=$T/site.conf
secs() {  # best of 3: CPU seconds (user + system), for a machine others share
	best=
	for _ in 1 2 3; do
		st=0
		/usr/bin/time -f '%U %S' -o cpu "$@" > out 2> err || st=$?
		# exit 1: people to tell; anything else is a failed run, not a figure
		[ "$st" -le 1 ] || { echo "'$*' failed: $(cat err)" >&2; exit 1; }
		t=$(tail -n 1 cpu | awk '{ print $1 + $2 }')
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc)" = 1 ]; then best=$t; fi
	done
	echo "$best"
}
row() {  # what file seconds-floor seconds-riposte
	mb=$(du -m "$2" | cut -f1)
	printf '| %s | %s MB | %.2f s | %.2f s | %.0f MB/s | %.1fx |\n' "$1" "$mb" "$3" "$4" \
	    "$(echo "$(stat -c %s "$2") / 1048576 / ($4 + 0.005)" | bc -l)" \
	    "$(echo "$4 / ($3 + 0.005)" | bc -l)"
}
echo "mail trace over $N messages ($(wc -l < mail.log) log lines), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| input | size | floor: cat/zcat (CPU) | riposte mail trace (CPU) | riposte rate | vs floor |"
echo "|---|---|---|---|---|---|"
M="--mailbox empfang@praxis-muster.example --format jsonl"
row "Postfix log" mail.log "$(secs cat mail.log)" "$(secs "$R" mail trace --log mail.log $M)"
row "Postfix log, gzip" mail.log.gz "$(secs zcat mail.log.gz)" "$(secs "$R" mail trace --log mail.log.gz $M)"
row "M365 trace CSV" trace.csv "$(secs cat trace.csv)" "$(secs "$R" mail trace --log trace.csv $M)"
row "Postfix log, read only (a mailbox that sent nothing)" mail.log "$(secs cat mail.log)" \
    "$(secs "$R" mail trace --log mail.log --mailbox nobody@praxis-muster.example --format jsonl)"
