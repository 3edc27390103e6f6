# isolate --dry-run: the exact ruleset, deterministic for a fixed clock; the lock-out
# warning; usage errors.
export RIPOSTE_NOW=2026-11-22T06:59:00Z
unset SSH_CONNECTION SSH_CLIENT
$RIPOSTE isolate --dry-run --allow 192.168.1.20,10.0.0.7/24 --allow fd00::5,192.168.1.20 \
    --allow-port 22 --allow-port 443,22
echo "exit $?"
$RIPOSTE isolate -n
echo "exit $?"
SSH_CONNECTION="203.0.113.9 50000 192.168.1.2 22" $RIPOSTE isolate -n --allow 192.168.1.20 | tail -n 1
echo "exit $?"
$RIPOSTE isolate --allow 300.1.1.1 -n
echo "exit $?"
$RIPOSTE isolate --allow 10.0.0.1/33 -n
echo "exit $?"
$RIPOSTE isolate --status --format csv
echo "exit $?"
