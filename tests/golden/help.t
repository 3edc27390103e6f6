# The command list, an unknown command, a missing command, --version
"$RIPOSTE" help
echo "exit $?"
"$RIPOSTE" frobnicate
echo "exit $?"
"$RIPOSTE" 2>/dev/null | head -n 1
"$RIPOSTE" --version
"$RIPOSTE" help scan | head -n 3
