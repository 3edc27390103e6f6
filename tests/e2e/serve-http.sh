#!/bin/sh
# riposte serve over plain HTTP (curl and raw sockets): safe by default. Loopback only
# without TLS; the token file made mode 600 and refused when others can read it; no
# session -> the login page; the one-time link works once; a POST without its CSRF
# token, from another origin or for another Host is refused; a title and an entry with
# <script> come back escaped; the security headers on every answer; hostile requests
# (huge head, bad UTF-8, traversal, method games, huge body, slowloris) get a clean 4xx
# and the server lives on; the CLI and the page write at once and the chain verifies;
# a killed server loses nothing committed; TLS: HTTPS, Secure __Host- cookie, HSTS.
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/serve.inc"
export TZ=Europe/Zurich RIPOSTE_DB="$T/riposte.db" RIPOSTE_CONF="$T/riposte.conf" RIPOSTE_ACTOR=anna
command -v curl >/dev/null || skip "curl missing (scripts/packages.d/serve.txt)"

# ---- refused before anything listens
expect_exit "another address without TLS is refused" 2 "$RIPOSTE" serve --listen 0.0.0.0:8088
expect_grep "and says why" "refusing to listen on '0.0.0.0:8088' without TLS" "$T/.err"
expect_exit "a malformed address is refused" 2 "$RIPOSTE" serve --listen example.org:80
expect_exit "an unknown option after the others is refused" 2 "$RIPOSTE" serve --listen 127.0.0.1:0 --bogus
expect_exit "half a TLS pair is refused" 2 "$RIPOSTE" serve --tls-cert x.pem

swiss_case 'Ransomware on the <script>alert("x")</script> server'
printf '%s\n' 0123456789abcdef0123456789abcdef0123456789abcdef > "$T/open.token"
chmod 644 "$T/open.token"
expect_exit "a token file others can read is refused" 2 "$RIPOSTE" serve --listen 127.0.0.1:0 --token-file "$T/open.token"
expect_grep "and says chmod 600" "chmod 600" "$T/.err"
serve_start s1 --user "it:$T/it.token" --timeout 2 || { done_testing; }
expect_eq "the token file is made next to the database, mode 600" 600 "$(stat -c %a "$T/serve.token")"
expect_eq "and --user's too" 600 "$(stat -c %a "$T/it.token")"
expect_grep "ready line" '^{"kind":"ready","url":"http://127.0.0.1:[0-9]*","login":"http://127.0.0.1:[0-9]*/login?t=[0-9a-f]\{64\}","token_file":"' "$SOUT"

H() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
expect_eq "/healthz needs no login" "200 ok" "$(H "$SURL/healthz") $(curl -s "$SURL/healthz")"
expect_eq "no session: the page sends to the login page" "303 $SURL/login" \
    "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$SURL/")"
expect_eq "no session: the login page" 200 "$(H "$SURL/login")"
curl -s "$SURL/login" > login.html
expect_grep "the login page asks for the token" 'name="token"' login.html
expect_eq "no session: /api/status is 401" 401 "$(H "$SURL/api/status")"
expect_eq "no session: a POST is 403" 403 "$(H -d text=x "$SURL/log")"
expect_eq "no session: /events sends to the login page" 303 "$(H "$SURL/events")"

# ---- the one-time link, once
curl -s -D h1 -o /dev/null -c jar "$SLOGIN"
expect_grep "the link logs in" '^HTTP/1.1 303' h1
expect_grep "session cookie HttpOnly, SameSite=Strict, expires" \
    '^Set-Cookie: riposte=[0-9a-f]\{64\}; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict' h1
expect_nogrep "no Secure flag on plain HTTP" 'Secure' h1
expect_eq "the same link a second time is refused" 403 "$(H "$SLOGIN")"
curl -s -b jar "$SURL/" > page.html
expect_grep "the overview with the session" 'id="deadlines"' page.html
expect_grep "the title escaped" '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;' page.html
expect_eq "one script element only, ours" '<script src="/static/app.js" defer></script>' \
    "$(grep -o '<script[^>]*>[^<]*</script>' page.html)"
expect_nogrep "no inline style or handler" ' style=\| on[a-z]*=' page.html
expect_grep "in the site's language (de)" 'Gesetzliche Fristen' page.html
CSRF=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' page.html | head -n 1)

# ---- headers on a page, on a refusal, on the script
curl -s -D hp -o /dev/null -b jar "$SURL/"
curl -s -D h4 -o /dev/null -b jar "$SURL/nope"
curl -s -D hs -o /dev/null "$SURL/static/app.js"
for f in hp h4 hs; do
	expect_grep "$f: CSP without inline script" "^Content-Security-Policy: default-src 'none'; script-src 'self'; style-src 'self';" $f
	expect_grep "$f: X-Frame-Options DENY" '^X-Frame-Options: DENY' $f
	expect_grep "$f: nosniff" '^X-Content-Type-Options: nosniff' $f
done
expect_grep "a case page is not cached" '^Cache-Control: no-store' hp
expect_grep "unknown page: 404" '^HTTP/1.1 404' h4
expect_grep "the script as JavaScript" '^Content-Type: text/javascript' hs

# ---- CSRF, Origin, Host
expect_eq "POST without its CSRF token: 403" 403 "$(H -b jar -d 'text=no token' "$SURL/log")"
expect_eq "POST with another CSRF token: 403" 403 "$(H -b jar -d "csrf=$(echo "$CSRF" | tr 0-9a-f a-f0-9)&text=wrong" "$SURL/log")"
expect_eq "POST from another origin: 403" 403 "$(H -b jar -H 'Origin: http://evil.example' -d "csrf=$CSRF&text=cross" "$SURL/log")"
expect_eq "a request for another Host: 400 (DNS rebinding)" 400 "$(H -H 'Host: evil.example' "$SURL/login")"
expect_eq "POST that is not a form: 415" 415 "$(H -b jar -H 'Content-Type: application/json' -d '{}' "$SURL/log")"
expect_eq "POST with its token: done, back to the page" "303 $SURL/?m=logged" \
    "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b jar --data-urlencode "csrf=$CSRF" \
    --data-urlencode 'text=<img src=x onerror=alert(1)> called the insurer' "$SURL/log")"
"$RIPOSTE" case show --format jsonl > show.jsonl
expect_grep "the entry is in the journal, by the logged-in name" '"actor":"anna","text":"<img src=x onerror=alert(1)> called the insurer"' show.jsonl
expect_nogrep "the refused ones are not" 'no token\|wrong\|cross' show.jsonl
curl -s -b jar "$SURL/?m=logged" > page2.html
expect_grep "the entry shown escaped" '&lt;img src=x onerror=alert(1)&gt; called the insurer' page2.html
expect_grep "the result said" 'class="flash"' page2.html
curl -s -o /dev/null -b jar -d "csrf=$CSRF&item=cut-network" "$SURL/check"
curl -s -o /dev/null -b jar -d "csrf=$CSRF&to=insurer&deadline=insurer" "$SURL/notify"
curl -s -o /dev/null -b jar --data-urlencode "csrf=$CSRF" -d "category=forensics&hours=7.5&rate=200&note=analysis" "$SURL/cost"
expect_eq "a bad amount is said, not recorded" "303 $SURL/?m=bad-amount" \
    "$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b jar -d "csrf=$CSRF&category=it&amount=lots" "$SURL/cost")"
expect_eq "an unknown checklist item is refused" "$SURL/?m=bad-item" \
    "$(curl -s -o /dev/null -w '%{redirect_url}' -b jar -d "csrf=$CSRF&item=../../x" "$SURL/check")"
"$RIPOSTE" case show --format jsonl > show.jsonl
expect_grep "tick: a check entry with the item" '"type":"check","actor":"anna"' show.jsonl
expect_grep "notify: as case notify --sent" '"type":"notify","actor":"anna","text":"notification to insurer sent (de), closes deadline insurer"' show.jsonl
expect_grep "cost: hours x rate" '"type":"cost","actor":"anna","text":"cost forensics: CHF 1,500.00 (analysis)"' show.jsonl
"$RIPOSTE" case deadlines --format jsonl > dl.jsonl
expect_grep "the insurer deadline is done" '"id":"insurer".*"status":"done"' dl.jsonl

# ---- the API: JSON, with a session or a bearer token
curl -s -b jar "$SURL/api/status" > st1.json
curl -s -H "Authorization: Bearer $(cat "$T/serve.token")" "$SURL/api/status" > st2.json
expect_eq "bearer token: 401 when wrong" 401 "$(H -H 'Authorization: Bearer 0000000000000000000000000000000000000000' "$SURL/api/status")"
python3 - st1.json st2.json > api.txt <<'PY'
import json, sys
for f in sys.argv[1:]:
    s = json.load(open(f))
    c = s["case"]
    print(f, c["title"], c["phase"], c["integrity"], ",".join(d["id"] + ":" + d["status"] for d in s["deadlines"]),
          s["alerts_24h"], s["site_check"]["profile"], c["claim"]["claimable"])
PY
expect_grep "status: the case, its phase, deadlines, alerts, site check, claim" \
    'st1.json Ransomware on the <script>alert("x")</script> server notify intact insurer:done,ch-fadp-art24:open 0 True 2550000' api.txt
expect_grep "the same with a bearer token" '^st2.json Ransomware' api.txt

# ---- login with the access token: the login form's own CSRF, a wrong token, --user
curl -s -c jar2 "$SURL/login" > l2.html
PRE=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' l2.html)
expect_eq "login without the form's token: 403" 403 "$(H -b jar2 --data-urlencode "token=$(cat "$T/it.token")" "$SURL/login")"
expect_eq "login with a wrong token: 403" 403 "$(H -b jar2 -d "csrf=$PRE&token=0123456789abcdef0123456789abcdef" "$SURL/login")"
expect_eq "login as --user it with its token" 303 "$(H -b jar2 -c jar2 --data-urlencode "csrf=$PRE" --data-urlencode "token=$(cat "$T/it.token")" "$SURL/login")"
curl -s -b jar2 "$SURL/" > it.html
C2=$(sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' it.html | head -n 1)
expect_grep "logged in as it" 'Angemeldet als it' it.html
curl -s -o /dev/null -b jar2 -d "csrf=$C2&text=restore+started" "$SURL/log"
"$RIPOSTE" case show --format jsonl > show.jsonl
expect_grep "its entries name it" '"actor":"it","text":"restore started"' show.jsonl
expect_eq "logout" 303 "$(H -b jar2 -d "csrf=$C2" "$SURL/logout")"
expect_eq "the session is gone" 303 "$(H -b jar2 "$SURL/")"

# ---- hostile requests: a clean 4xx each, and the server lives on
python3 - "$SPORT" > hostile.txt <<'PY'
import socket, sys, time
port = int(sys.argv[1])
H = b"Host: 127.0.0.1:%d\r\n" % port
def ask(data, wait=3.0):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    try:
        s.sendall(data)
        s.settimeout(wait)
        out = b""
        while True:
            b = s.recv(65536)
            if not b: break
            out += b
    except (socket.timeout, ConnectionResetError, BrokenPipeError):
        pass
    s.close()
    line = out.split(b"\r\n")[0].decode("latin-1")
    return line.split(" ")[1] if line.startswith("HTTP/") else "closed"
C = b"Connection: close\r\n"
tests = [
    ("huge header", b"GET / HTTP/1.1\r\n" + H + b"X-A: " + b"a" * 100000 + b"\r\n\r\n"),
    ("many headers", b"GET / HTTP/1.1\r\n" + H + b"".join(b"X-%d: v\r\n" % i for i in range(5000)) + b"\r\n"),
    ("long target", b"GET /" + b"a" * 50000 + b" HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("bad UTF-8 escaped", b"GET /%ff%fe HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("bad UTF-8 raw", b"GET /\xff\xfe HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("bad UTF-8 in a form", b"GET /login?t=%c3%28 HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("traversal", b"GET /static/../../etc/passwd HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("traversal escaped", b"GET /static/%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("NUL in the path", b"GET /static/app.css%00.png HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("PUT", b"PUT /log HTTP/1.1\r\n" + H + b"Content-Length: 0\r\n" + C + b"\r\n"),
    ("DELETE", b"DELETE / HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("TRACE", b"TRACE / HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("OPTIONS", b"OPTIONS * HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("GET on a form", b"GET /log HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("POST on a page", b"POST / HTTP/1.1\r\n" + H + b"Content-Length: 0\r\n" + C + b"\r\n"),
    ("a made-up method", b"BREW / HTTP/1.1\r\n" + H + C + b"\r\n"),
    ("no Host", b"GET / HTTP/1.1\r\n" + C + b"\r\n"),
    ("body too large", b"POST /log HTTP/1.1\r\n" + H + b"Content-Length: 100000000\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" + b"a" * 1000),
    ("chunked too large", b"POST /log HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\nContent-Type: application/x-www-form-urlencoded\r\n\r\n" + (b"10000\r\n" + b"a" * 65536 + b"\r\n") * 3 + b"0\r\n\r\n"),
    ("bad chunk", b"POST /log HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n" + C + b"\r\nzz\r\n"),
    ("not HTTP", b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 100),
]
for name, data in tests:
    print("%s: %s" % (name, ask(data)))
# slowloris: a head sent one piece at a time, too slowly, is dropped after --timeout
slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(20)]
for s in slow:
    s.sendall(b"GET / HTTP/1.1\r\n")
print("healthz beside 20 slow heads: %s" % ask(b"GET /healthz HTTP/1.1\r\n" + H + C + b"\r\n"))
time.sleep(4)
dropped = 0
for s in slow:
    s.settimeout(1)
    try:
        if s.recv(100) == b"":
            dropped += 1          # closed by the server
    except socket.timeout:
        pass                      # still open: not dropped
    except OSError:
        dropped += 1              # reset by the server
print("slow heads dropped after the timeout: %d of 20" % dropped)
PY
for t in "huge header: 431" "many headers: 431" "long target: 414" "bad UTF-8 escaped: 400" \
    "bad UTF-8 raw: 400" "bad UTF-8 in a form: 400" "traversal: 400" "traversal escaped: 400" \
    "NUL in the path: 400" "PUT: 405" "DELETE: 405" "TRACE: 405" "GET on a form: 405" \
    "POST on a page: 405" "a made-up method: 405" "no Host: 400" "body too large: 413" \
    "chunked too large: 413" "healthz beside 20 slow heads: 200" \
    "slow heads dropped after the timeout: 20 of 20"; do
	expect_grep "$t" "^$t\$" hostile.txt
done
for t in "OPTIONS" "bad chunk" "not HTTP"; do
	if grep -q "^$t: \(4[0-9][0-9]\|closed\)\$" hostile.txt; then ok "$t: $(grep "^$t:" hostile.txt)"; else
		fail "$t: $(grep "^$t:" hostile.txt)"; fi
done
expect_eq "the server lives on" "200 ok" "$(H "$SURL/healthz") $(curl -s "$SURL/healthz")"

# ---- the CLI and the page write at once; the chain verifies
before=$(grep -c '"kind":"entry"' show.jsonl)
( for i in $(seq 1 25); do "$RIPOSTE" case log "cli $i" 2>/dev/null; done ) &
cli=$!
for i in $(seq 1 25); do curl -s -o /dev/null -b jar -d "csrf=$CSRF&text=page+$i" "$SURL/log"; done
wait "$cli"
"$RIPOSTE" case show --format jsonl > show.jsonl
expect_eq "50 entries more, none lost" $((before + 50)) "$(grep -c '"kind":"entry"' show.jsonl)"
expect_exit "case verify is clean" 0 "$RIPOSTE" case verify
# a killed server loses nothing committed
curl -s -o /dev/null -b jar -d "csrf=$CSRF&text=just+before+the+kill" "$SURL/log"
kill -KILL "$SPID"
wait "$SPID" 2>/dev/null
"$RIPOSTE" case show --format jsonl > show.jsonl
expect_grep "the entry written before kill -9 is there" '"text":"just before the kill"' show.jsonl
expect_exit "and the chain verifies" 0 "$RIPOSTE" case verify

# ---- stopped by SIGTERM: exit 0, summary last
serve_start s2 || done_testing
serve_stop
expect_eq "SIGTERM: exit 0" 0 "$SST"
expect_grep "summary last" '^{"kind":"summary","requests":0,' "$(tail -n 1 "$SOUT" > last.txt; echo last.txt)"

# ---- TLS: HTTPS with a certificate of the test's own
if command -v openssl >/dev/null; then
	openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout key.pem \
	    -out cert.pem -days 2 -subj /CN=localhost -addext "subjectAltName=IP:127.0.0.1" 2>/dev/null
	serve_start tls --tls-cert cert.pem --tls-key key.pem || done_testing
	expect_grep "https URL" '"url":"https://127.0.0.1:' "$SOUT"
	curl -s -D ht -o /dev/null --cacert cert.pem "$SLOGIN"
	expect_grep "under TLS the cookie is Secure and __Host-" '^Set-Cookie: __Host-riposte=[0-9a-f]\{64\}; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure' ht
	expect_grep "HSTS" '^Strict-Transport-Security: max-age=' ht
	expect_eq "plain HTTP to the TLS port gets nothing" 000 "$(H "http://127.0.0.1:$SPORT/healthz")"
	expect_eq "TLS 1.1 is refused" 000 "$(H --cacert cert.pem --tlsv1.1 --tls-max 1.1 "$SURL/healthz")"
	serve_stop
else
	fail "openssl missing (scripts/packages.d/forensic.txt)"
fi
done_testing
