#!/bin/sh
# Installs the Debian packages riposte needs to build, test and demo, when they are
# missing: idempotent, non-interactive, by name. The lists are in scripts/packages.d/
# (one file per purpose, one package per line, # comments).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
want=$(cat "$here"/packages.d/*.txt | sed 's/#.*//' | tr -s ' \t' '\n' | grep -v '^$' | sort -u)
missing=""
for p in $want; do
	st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
	[ "$st" = installed ] || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
	command -v sudo >/dev/null || { echo "deps: run as root, or install:$missing" >&2; exit 1; }
	SUDO=sudo
else
	SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
