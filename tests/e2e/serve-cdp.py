# Drives headless Chromium through its DevTools protocol over --remote-debugging-pipe
# (no pip package, no network port): used by tests/e2e/serve-browser.sh and the tour's
# screenshot. Reads a scenario, one step per line, and prints one line per step:
#   open URL           navigate and wait for the load       -> "open URL <final url>"
#   eval JS            evaluate, print the result as JSON   -> "eval <json>"
#   wait SECONDS JS    until JS is truthy (or fail)          -> "wait ok|timeout <json>"
#   sleep SECONDS
#   run CMD            a shell command (sh -c), not waited for
#   noscript on|off    disable or enable JavaScript for the next loads
#   shot FILE [W H]    a PNG screenshot of the whole page at W x H
# Usage: serve-cdp.py SCENARIO USERDATADIR; CDP_PIDFILE=FILE gets chromium's pid (its
# session's), for the test's trap.
import base64, fcntl, json, os, select, subprocess, sys, time

CHROMIUM = os.environ.get("CHROMIUM", "chromium")


class Browser:
    def __init__(self, userdir):
        to_r, self.to_w = os.pipe()       # we write, chromium reads fd 3
        self.from_r, from_w = os.pipe()   # chromium writes fd 4, we read
        # above 9 first: a pipe may itself be fd 3 or 4, and dup2 onto itself would
        # leave it close-on-exec
        hi_r = fcntl.fcntl(to_r, fcntl.F_DUPFD_CLOEXEC, 10)
        hi_w = fcntl.fcntl(from_w, fcntl.F_DUPFD_CLOEXEC, 10)

        def fds():
            os.dup2(hi_r, 3)
            os.dup2(hi_w, 4)
            os.setsid()

        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS="disabled:")
        self.p = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
             "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--hide-scrollbars",
             "--remote-debugging-pipe", "--user-data-dir=" + userdir, "about:blank"],
            preexec_fn=fds, close_fds=False, env=env,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for fd in (to_r, from_w, hi_r, hi_w):
            os.close(fd)
        # the test's trap kills chromium's session by this pid if we cannot
        if os.environ.get("CDP_PIDFILE"):
            with open(os.environ["CDP_PIDFILE"], "w") as f:
                f.write("%d\n" % self.p.pid)
        self.buf = b""
        self.next_id = 0
        self.events = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = [t for t in targets if t["type"] == "page"][0]
        self.session = self.call("Target.attachToTarget",
                                 {"targetId": page["targetId"], "flatten": True})["sessionId"]
        self.call("Page.enable", session=True)
        self.call("Runtime.enable", session=True)

    def send(self, method, params=None, session=False):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        os.write(self.to_w, json.dumps(msg).encode() + b"\0")
        return self.next_id

    def read(self, timeout=60):
        end = time.time() + timeout
        while b"\0" not in self.buf:
            left = end - time.time()
            # a browser that hangs fails the step, it does not hang the test
            if left <= 0 or not select.select([self.from_r], [], [], left)[0]:
                raise TimeoutError("no message from chromium")
            chunk = os.read(self.from_r, 1 << 20)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def call(self, method, params=None, session=False, timeout=60):
        i = self.send(method, params, session)
        while True:
            m = self.read(timeout)
            if m.get("id") == i:
                if "error" in m:
                    raise RuntimeError("%s: %s" % (method, m["error"]))
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, name, timeout=30):
        end = time.time() + timeout
        while True:
            for k, m in enumerate(self.events):
                if m.get("method") == name:
                    del self.events[k]
                    return m
            if time.time() > end:
                raise TimeoutError(name)
            self.events.append(self.read(end - time.time()))

    def evaluate(self, js):
        r = self.call("Runtime.evaluate", {"expression": js, "returnByValue": True,
                                           "awaitPromise": True}, session=True)
        if "exceptionDetails" in r:
            return {"exception": r["exceptionDetails"].get("text")}
        return r["result"].get("value")

    def close(self):
        try:
            self.call("Browser.close", timeout=3)
        except Exception:
            pass
        try:
            self.p.wait(timeout=3)
        except subprocess.TimeoutExpired:
            os.killpg(self.p.pid, 9)
            self.p.wait()


def main():
    steps = open(sys.argv[1]).read().splitlines()
    t0 = time.time()
    b = Browser(sys.argv[2])
    print("%6.2f s  chromium started" % (time.time() - t0), file=sys.stderr, flush=True)
    try:
        for line in steps:
            if not line.strip() or line.startswith("#"):
                continue
            verb, _, arg = line.partition(" ")
            t0 = time.time()
            if verb == "open":
                b.events = [m for m in b.events if m.get("method") != "Page.loadEventFired"]
                b.call("Page.navigate", {"url": arg}, session=True)
                b.wait_event("Page.loadEventFired")
                print("open", arg, b.evaluate("location.href"), flush=True)
            elif verb == "eval":
                print("eval", json.dumps(b.evaluate(arg)), flush=True)
            elif verb == "wait":
                secs, _, js = arg.partition(" ")
                end = time.time() + float(secs)
                v = None
                while time.time() < end:
                    v = b.evaluate(js)
                    if v and not (isinstance(v, dict) and "exception" in v):
                        break
                    time.sleep(0.2)
                ok = bool(v) and not (isinstance(v, dict) and "exception" in v)
                print("wait", "ok" if ok else "timeout", json.dumps(v), flush=True)
            elif verb == "sleep":
                time.sleep(float(arg))
            elif verb == "run":
                subprocess.Popen(["sh", "-c", arg])
            elif verb == "noscript":
                b.call("Emulation.setScriptExecutionDisabled", {"value": arg == "on"},
                       session=True)
                print("noscript", arg, flush=True)
            elif verb == "shot":
                parts = arg.split()
                w, h = (int(parts[1]), int(parts[2])) if len(parts) == 3 else (1280, 1000)
                b.call("Emulation.setDeviceMetricsOverride",
                       {"width": w, "height": h, "deviceScaleFactor": 1, "mobile": False},
                       session=True)
                time.sleep(0.3)
                r = b.call("Page.captureScreenshot", {"format": "png"}, session=True)
                with open(parts[0], "wb") as f:
                    f.write(base64.b64decode(r["data"]))
                print("shot", parts[0], flush=True)
            else:
                print("bad step", line, flush=True)
            # where the seconds go, for whoever reads cdp.err
            print("%6.2f s  %s" % (time.time() - t0, line[:70]), file=sys.stderr, flush=True)
    finally:
        b.close()


main()
