# The IOCs as a STIX 2.1 bundle (deterministic UUIDv5 ids), as text and as JSONL.
. "$TOP/tests/golden/case-lib.sh"
swiss_case
"$RIPOSTE" case ioc add --type sha256 E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855
"$RIPOSTE" case ioc add --type domain Update-Portal.example
"$RIPOSTE" case ioc add --type ipv4 203.0.113.7
"$RIPOSTE" case ioc add --type url "https://update-portal.example/inv'oice.php"
"$RIPOSTE" case ioc add --type email billing@update-portal.example
"$RIPOSTE" case ioc add --type filename "Invoice_2026-11.pdf.exe"
r case iocs --format stix
r case iocs
r case iocs --format jsonl
r case ioc add --type ipv4 300.1.1.1
r case ioc add --type sha256 abc
r case ioc add --type md5 abc
