# riposte timeline --format jsonl of a fixed tree merged with logs (see timeline-run.sh)
FMT=jsonl
. "$TOP/tests/golden/timeline-run.sh"
