# Sourced by the harden tests: builds a system root from Debian 12's own default files
# (tests/harden/debian/) with the weaknesses of tests/harden/weak/ planted, or the good
# settings of tests/harden/good/.
#   harden_root weak|good DIR [COMPRESSION]
# COMPRESSION is how apt keeps the security suite's Packages list: none, gz, xz, zst or
# lz4 (default: lz4 for weak, as Docker's Debian images keep it, none for good).
# Also writes DIR.conf, a site profile whose [backup] path is /mnt/backup.
harden_root() {
	_k=$1 _r=$2 _z=${3:-}
	_h=$TOP/tests/harden
	[ -n "$_z" ] || { [ "$_k" = weak ] && _z=lz4 || _z=none; }
	mkdir -p "$_r/etc/samba" "$_r/etc/ssh/sshd_config.d" "$_r/etc/sudoers.d" \
	    "$_r/etc/systemd" "$_r/usr/sbin" "$_r/usr/bin" "$_r/lib/systemd" \
	    "$_r/var/lib/dpkg" "$_r/var/lib/apt/lists" "$_r/mnt/backup" || return 1
	# the programs: only their presence counts
	: >"$_r/usr/sbin/smbd"; : >"$_r/usr/sbin/sshd"; : >"$_r/usr/bin/sudo"
	: >"$_r/lib/systemd/systemd-journald"
	cat "$_h/debian/smb.conf" "$_h/$_k/smb.conf.tail" >"$_r/etc/samba/smb.conf"
	cp "$_h/debian/sshd_config" "$_r/etc/ssh/sshd_config"
	cp "$_h/debian/sudoers" "$_r/etc/sudoers"
	cp "$_h/debian/sudoers.d-README" "$_r/etc/sudoers.d/README"
	cp "$_h/debian/journald.conf" "$_r/etc/systemd/journald.conf"
	# /etc/passwd as the installer writes it from base-passwd's master: x, shadow
	sed 's/^\([^:]*\):\*:/\1:x:/' "$_h/debian/passwd" >"$_r/etc/passwd"
	sed 's/^\([^:]*\):.*/\1:*:20400:0:99999:7:::/' "$_h/debian/passwd" >"$_r/etc/shadow"
	# root's hash: a marker that no output may ever contain
	sed -i 's/^root:\*:/root:$y$j9T$HASHMARKER.never.printed$Zk1Nw2:/' "$_r/etc/shadow"
	echo 'praxis:x:1000:1000:Praxis,,,:/home/praxis:/bin/bash' >>"$_r/etc/passwd"
	echo 'praxis:$y$j9T$HASHMARKER.praxis$Qw3Er4:20400:0:99999:7:::' >>"$_r/etc/shadow"
	if [ "$_k" = weak ]; then
		echo 'toor:x:0:0:maintenance:/root:/bin/bash' >>"$_r/etc/passwd"
		echo 'toor:$y$j9T$HASHMARKER.toor$Ty5Ui6:20400:0:99999:7:::' >>"$_r/etc/shadow"
		echo 'scanner:x:1001:1001:copier:/srv/public:/bin/sh' >>"$_r/etc/passwd"
		echo 'scanner::20400:0:99999:7:::' >>"$_r/etc/shadow"
	else
		mkdir -p "$_r/var/log/journal"
	fi
	cp -R "$_h/$_k/etc/." "$_r/etc/"
	cp "$_h/$_k/var/lib/dpkg/status" "$_r/var/lib/dpkg/status"
	cp "$_h/apt/"* "$_r/var/lib/apt/lists/"
	_p=$_r/var/lib/apt/lists/deb.debian.org_debian-security_dists_bookworm-security_main_binary-amd64_Packages
	case $_z in
	none) ;;
	gz) gzip -n "$_p" ;;
	xz) xz "$_p" ;;
	zst) zstd -q --rm "$_p" ;;
	lz4) lz4 -q --rm "$_p" "$_p.lz4" ;;
	esac
	printf '[site]\nname = Praxis Dr. med. Muster\ncountry = CH\n\n[backup]\npath = /mnt/backup\n' \
	    >"$_r.conf"
}
