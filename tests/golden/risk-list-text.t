# The register imported from CSV, ranked: score = value x likelihood x impact; ties by
# higher value (backups, patient-records before mail), then higher likelihood (mail /
# phishing before accounting-bank), then asset name (backups before patient-records,
# accounting-bank before imaging-devices). Options after the operands.
. "$TOP/tests/golden/case-lib.sh"
cp "$TOP/tests/golden/prepare/register.csv" register.csv
r risk import register.csv --db riposte.db
r risk list
r risk raise ransomware --reason "case 1: entry through the exposed remote desktop" --source "case 1"
r risk list
