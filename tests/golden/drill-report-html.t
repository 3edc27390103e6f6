# The lessons learned as self-contained HTML, in French (the run's language).
. "$TOP/tests/golden/drill-lib.sh"
printf 'call: b\nmailbox: a,d\nwarn: b\nbank: a,b,c\nnotify: a,b,c\nrecover: a\n' > virus.txt
"$RIPOSTE" drill run virus-to-client --answers virus.txt --lang fr --participants "Accueil & direction <cabinet>" >/dev/null 2>&1
r drill report --format html
