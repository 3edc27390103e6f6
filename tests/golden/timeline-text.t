# riposte timeline --format text of a fixed tree merged with logs (see timeline-run.sh)
FMT=text
. "$TOP/tests/golden/timeline-run.sh"
