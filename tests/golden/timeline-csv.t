# riposte timeline --format csv of a fixed tree merged with logs (see timeline-run.sh)
FMT=csv
. "$TOP/tests/golden/timeline-run.sh"
