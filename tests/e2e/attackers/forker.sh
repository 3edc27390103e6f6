# One child process per file (openssl enc to a new file, then rm): scored by session.
# Used by tests/e2e/watch-*.sh and bench/watch/run.sh (argument: the directory).
find "$1" -type f | sort | while read -r f; do
	openssl enc -aes-256-cbc -pbkdf2 -pass pass:x -in "$f" -out "$f.enc" 2>/dev/null && rm -f "$f"
done
