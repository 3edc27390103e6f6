# What kit refuses: no --out, a bad colour, a logo that is missing or not a PNG, an
# unknown language or subcommand, a quiz's answers without a name or that are wrong.
. "$TOP/tests/golden/drill-lib.sh"
r kit
r kit --out k --lang it
r kit frobnicate --out k
cp "$RIPOSTE_CONF" bad-color.conf
sed -i 's/^color = .*/color = green/' bad-color.conf
r kit --out k --config bad-color.conf
cp "$RIPOSTE_CONF" logo.conf
printf 'logo = nowhere.png\n' >> logo.conf
r kit --out k --config logo.conf
printf 'not a png' > fake.png
sed -i 's/^logo = .*/logo = fake.png/' logo.conf
r kit --out k --config logo.conf
ls k 2>/dev/null | wc -l
printf '1: c\n' > a.txt
r kit quiz --answers a.txt
printf '1: c\n1: a\n' > twice.txt
r kit quiz --answers twice.txt --name Anna
r kit results
r kit --out k --format csv
