#!/bin/sh
# The Swiss reference case, made with the CLI, seen and worked from headless Chromium
# (issue 24's "done when"): login by the one-time link, the deadlines shown with
# countdowns that run (the DOM a few seconds later differs), a journal entry added
# through the page's form lands in the hash-chained journal (case show, case verify
# still clean), a checklist tick and a notification marked sent, an alert of a running
# `riposte watch` appears without a reload (the event stream), the page without
# JavaScript still shows the deadlines, and a screenshot. Browsers, servers and the
# watcher are stopped by the trap, also on failure.
TMPDIR=${WATCH_TMPDIR:-/var/tmp}    # watch needs fanotify's pre-content events: not tmpfs
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/serve.inc"
export TZ=Europe/Zurich RIPOSTE_DB="$T/riposte.db" RIPOSTE_CONF="$T/riposte.conf" RIPOSTE_ACTOR=anna
command -v chromium >/dev/null || skip "chromium missing (scripts/packages.d/serve.txt)"

swiss_case
serve_start s1 || done_testing

# a watcher on a folder of the test's own, when this machine lets it run (root, not tmpfs)
can_watch=0
if [ "$(id -u)" = 0 ] && [ "$(stat -f -c %T "$T")" != tmpfs ]; then
	can_watch=1
	mkdir -p "$T/share"
	for i in $(seq 1 12); do
		seq 1 4000 | sed "s/^/patient record $i line /" > "$T/share/doc$i.txt"
	done
	"$RIPOSTE" watch --format jsonl --db "$T/riposte.db" --shadow "$T/shadow" "$T/share" \
	    >"$T/watch.jsonl" 2>"$T/watch.err" &
	WPID=$!
	SPIDS="$SPIDS $WPID"
	i=0
	while ! grep -q '"kind":"ready"' "$T/watch.jsonl" 2>/dev/null && [ $i -lt 100 ]; do
		i=$((i + 1)); sleep 0.1
	done
	grep -q '"kind":"ready"' "$T/watch.jsonl" || { fail "watch not ready"; cat "$T/watch.err"; can_watch=0; }
fi

cat > scenario.txt <<EOS
open $SLOGIN
eval location.pathname
eval document.getElementById('title').textContent
eval Array.from(document.querySelectorAll('#deadlines tr[data-id]')).map(function (r) { return r.dataset.id + ':' + r.className; }).join(' ')
eval document.querySelector('#deadlines tr[data-id="insurer"] .cd').textContent
sleep 2.5
eval document.querySelector('#deadlines tr[data-id="insurer"] .cd').textContent
wait 10 document.getElementById('live').className === 'live on'
eval (function () { var f = document.querySelector('form[action="/log"]'); f.querySelector('textarea').value = 'Called the IT provider from the page <b>not bold</b>'; f.requestSubmit(); return true; })()
wait 15 location.search.indexOf('m=logged') >= 0 && document.readyState === 'complete'
eval document.querySelector('#journal li .x').textContent
eval (function () { document.querySelector('li[data-item="no-restart"] form').requestSubmit(); return true; })()
wait 15 location.search.indexOf('m=ticked') >= 0 && document.readyState === 'complete'
eval document.querySelector('li[data-item="no-restart"]').className + ' ' + document.querySelector('li[data-item="no-restart"] .by').textContent
eval (function () { document.querySelector('#deadlines tr[data-id="insurer"] form').requestSubmit(); return true; })()
wait 15 location.search.indexOf('m=notified') >= 0 && document.readyState === 'complete'
eval document.querySelector('#deadlines tr[data-id="insurer"]').className
wait 10 document.getElementById('live').className === 'live on'
eval window.riposteMark = 'same page'
run [ $can_watch = 1 ] && python3 "$TOP/tests/e2e/attackers/inplace.py" "$T/share" >/dev/null 2>&1
wait 30 $can_watch === 0 || document.querySelectorAll('#alerts li.alert').length > 0
eval ($can_watch === 0 ? 'no watcher' : document.querySelector('#alerts li.alert').textContent) + ' | ' + window.riposteMark
eval document.querySelectorAll('#journal li').length
shot $T/overview.png 1280 1700
noscript on
open $SURL/
eval document.querySelector('#deadlines tr[data-id="ch-fadp-art24"] .cd').textContent + ' | ' + document.getElementById('live').textContent
EOS
CDP_PIDFILE="$T/chromium.pid" timeout 180 python3 "$TOP/tests/e2e/serve-cdp.py" scenario.txt "$T/chromium" >cdp.txt 2>cdp.err
st=$?
expect_eq "the browser ran the scenario" 0 "$st"
[ "$st" = 0 ] || sed 's/^/  cdp: /' cdp.err | tail -n 20
sed 's/^/  /' cdp.txt
line() { sed -n "${1}p" cdp.txt; }
expect_eq "the one-time link logs in and lands on the overview" 'eval "/"' "$(line 2)"
expect_eq "the case's title" 'eval "Ransomware on the practice server"' "$(line 3)"
expect_eq "the deadlines: the insurer (4 h) and the FDPIC (72 h, high risk), open" \
    'eval "insurer:open ch-fadp-art24:open"' "$(line 4)"
cd1=$(line 5) cd2=$(line 6)
case $cd1 in 'eval "noch 02:'*) ok "a countdown of about 3 hours ($cd1)" ;; *) fail "countdown: $cd1" ;; esac
if [ "$cd1" != "$cd2" ] && [ -n "$cd2" ]; then ok "the countdown runs ($cd2)"; else fail "the countdown did not change: $cd1 / $cd2"; fi
expect_eq "the event stream is connected" 'wait ok true' "$(line 7)"
expect_eq "the form's entry is on the page, as text" 'eval "noteCalled the IT provider from the page <b>not bold</b>"' "$(line 10)"
case $(line 13) in 'eval "done anna, '*) ok "the tick, with who and when ($(line 13))" ;; *) fail "tick: $(line 13)" ;; esac
expect_eq "the insurer's deadline is done (struck through)" 'eval "done"' "$(line 16)"
if [ $can_watch = 1 ]; then
	case $(line 20) in
	'eval "ALARM '*'| same page"') ok "the watch alert appeared without a reload ($(line 20))" ;;
	*) fail "no live alert: $(line 20)"; cat "$T/watch.err" | tail -n 5 ;;
	esac
	expect_grep "watch alerted" '"kind":"alert"' "$T/watch.jsonl"
else
	echo "(watch part not run: needs root and a temp dir that is not tmpfs)"
fi
case $(line 25) in
'eval "noch 2\u00a0T '*' | mit JavaScript live nachgef\u00fchrt"') ok "without JavaScript the deadlines and the time left are still there ($(line 25))" ;;
*) fail "without JavaScript: $(line 25)" ;;
esac

"$RIPOSTE" case show --format jsonl > show.jsonl
expect_grep "case show has the entry made in the browser, by the logged-in name" \
    '"type":"note","actor":"anna","text":"Called the IT provider from the page <b>not bold</b>"' show.jsonl
expect_grep "and the tick" '"type":"check","actor":"anna"' show.jsonl
expect_grep "and the notification" '"type":"notify","actor":"anna"' show.jsonl
[ $can_watch = 1 ] && expect_grep "and the alert watch journaled" '"type":"watch"' show.jsonl
expect_exit "case verify is still clean" 0 "$RIPOSTE" case verify
expect_grep "intact" 'journal intact' "$T/.out"
if [ -s "$T/overview.png" ] && [ "$(head -c 8 "$T/overview.png" | od -An -tx1 | tr -d ' ')" = 89504e470d0a1a0a ]; then
	ok "a PNG screenshot ($(wc -c < "$T/overview.png") bytes)"
else
	fail "no screenshot"
fi
[ -n "${SERVE_SHOT:-}" ] && cp "$T/overview.png" "$SERVE_SHOT"
if [ $can_watch = 1 ]; then
	kill -TERM "$WPID" 2>/dev/null
	wait "$WPID" 2>/dev/null
fi
serve_stop
expect_eq "serve stops on SIGTERM" 0 "$SST"
done_testing
