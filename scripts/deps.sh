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
# Packages with daemons (samba, for the watch tests, which run their own smbd in a
# network namespace) must not start a service on this machine's real interfaces: a
# policy-rc.d that refuses every start is in place during the install (unless the
# machine has one of its own), and removed after it.
policy=/usr/sbin/policy-rc.d
ours=""
if [ ! -e "$policy" ]; then
	printf '#!/bin/sh\n# riposte scripts/deps.sh: no service starts while it installs\nexit 101\n' |
	    $SUDO tee "$policy" >/dev/null
	$SUDO chmod 755 "$policy"
	ours=1
fi
rc=0
# shellcheck disable=SC2086
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null || rc=$?
if [ -n "$ours" ]; then
	$SUDO rm -f "$policy"
fi
# systemd may have enabled what it did not start: samba newly installed stays off,
# at boot too (a machine that had it keeps its own setting: it was not missing)
case " $missing " in
*" samba "*)
	for unit in smbd nmbd samba-ad-dc; do
		if command -v systemctl >/dev/null && systemctl is-enabled "$unit" >/dev/null 2>&1; then
			$SUDO systemctl disable --now "$unit" >/dev/null 2>&1 || true
		fi
	done ;;
esac
exit "$rc"

