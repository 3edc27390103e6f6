# What risk refuses: bad rows (named by their line, nothing imported), unknown assets,
# values outside 1-4, a register that init would overwrite, unknown threats and vectors.
. "$TOP/tests/golden/case-lib.sh"
r risk list
r risk init --sector other --lang en
r risk init
printf 'asset,value,threat,likelihood,impact,measure,owner\nmail,3,phishing,4,3,,\nmail,4,ceo-fraud,2,2,,\n' > twovalues.csv
r risk import twovalues.csv
printf 'asset;value;threat;likelihood;impact\nmail;3;phishing;4;3\n"web;1;x;1;1\n' > open-quote.csv
r risk import open-quote.csv
printf 'asset,value,threat,likelyhood,impact\n' > typo.csv
r risk import typo.csv
r risk import missing.csv
r risk assess nothing phishing --likelihood 2 --impact 2
r risk assess mail phishing --likelihood 5
r risk assess mail new-threat --likelihood 2
r risk asset add "" --value 2
r risk asset add printer
r risk raise fire --reason "smoke in the server room"
r risk raise --vector carrier-pigeon --reason x
r risk raise ransomware
r risk top 0
r risk frobnicate
"$RIPOSTE" risk list --format jsonl | tail -n 1    # nothing was imported
r risk top 3 --bogus
