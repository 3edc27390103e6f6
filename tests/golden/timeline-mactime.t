# riposte timeline --format mactime of a fixed tree merged with logs (see timeline-run.sh)
FMT=mactime
. "$TOP/tests/golden/timeline-run.sh"
