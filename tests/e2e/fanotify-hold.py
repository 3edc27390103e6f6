#!/usr/bin/env python3
# fanotify-hold.py READY FILE...: puts a fanotify permission mark (open, access) on each
# FILE and never answers, as a hung on-access scanner would: every open or read of those
# files by another process waits. Writes READY once the marks are on, then sleeps until
# killed; the kernel allows the waiting opens when the group's descriptor closes (exit).
# Marks only the FILEs named (inode marks), nothing else. Needs CAP_SYS_ADMIN.
import ctypes, os, signal, sys, time

FAN_CLOEXEC, FAN_CLASS_CONTENT = 0x1, 0x4
FAN_MARK_ADD = 0x1
FAN_OPEN_PERM, FAN_ACCESS_PERM = 0x10000, 0x20000
AT_FDCWD = -100

libc = ctypes.CDLL(None, use_errno=True)
libc.fanotify_init.argtypes = [ctypes.c_uint, ctypes.c_uint]
libc.fanotify_mark.argtypes = [ctypes.c_int, ctypes.c_uint, ctypes.c_uint64, ctypes.c_int,
                               ctypes.c_char_p]

fd = libc.fanotify_init(FAN_CLOEXEC | FAN_CLASS_CONTENT, os.O_RDONLY)
if fd < 0:
    sys.exit("fanotify_init: " + os.strerror(ctypes.get_errno()))
for f in sys.argv[2:]:
    if libc.fanotify_mark(fd, FAN_MARK_ADD, FAN_OPEN_PERM | FAN_ACCESS_PERM, AT_FDCWD,
                          f.encode()) != 0:
        sys.exit("fanotify_mark %s: %s" % (f, os.strerror(ctypes.get_errno())))
signal.signal(signal.SIGTERM, lambda *a: os._exit(0))
with open(sys.argv[1], "w") as r:
    r.write("%d\n" % os.getpid())
while True:
    time.sleep(3600)
