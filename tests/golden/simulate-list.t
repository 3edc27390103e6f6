# simulate --list in every format
export RIPOSTE_NO_PROGRESS=1
"$RIPOSTE" simulate --list
echo "exit $?"
"$RIPOSTE" simulate --list --format jsonl
echo "exit $?"
"$RIPOSTE" simulate --list --format csv
echo "exit $?"
