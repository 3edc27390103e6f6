# watch: usage errors say what is wrong
"$RIPOSTE" watch 2>&1 | head -n 2
"$RIPOSTE" watch --action maim /nonexistent 2>&1 | head -n 1
"$RIPOSTE" watch --format csv /nonexistent 2>&1 | head -n 1
"$RIPOSTE" watch --allow relative/path /nonexistent 2>&1 | head -n 1
"$RIPOSTE" watch --allow /usr/bin/borg:abc /nonexistent 2>&1 | head -n 1
"$RIPOSTE" watch --shadow-max 12Q /nonexistent 2>&1 | head -n 1
"$RIPOSTE" watch --shadow-keep soon /nonexistent 2>&1 | head -n 1
"$RIPOSTE" watch /nonexistent/dir 2>&1
echo "exit $?"
"$RIPOSTE" watch --help | head -n 3
"$RIPOSTE" canary 2>&1 | head -n 1
