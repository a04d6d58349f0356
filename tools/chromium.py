"""A small driver of headless Chromium over the DevTools protocol on a pipe (no network, no
WebSocket library): open a local page, run JavaScript in it, click, type, take a screenshot, print
to PDF. Used by tools/screenshot.py, benchmarks/bench_report_html.py and the browser tests.

    with Chromium(width=1280, height=900) as b:
        b.open(Path("report.html").as_uri())
        n = b.eval("document.querySelectorAll('#laws tbody tr:not([hidden])').length")
        b.click("#laws thead th[data-sort=year] button")
        b.screenshot("shot.png")
        b.pdf("report.pdf")

Chromium is started with ``--remote-debugging-pipe`` (commands on its fd 3, replies on fd 4,
each a JSON message ended by a NUL byte), a fresh profile, and every background network feature
off. ``find_chromium()`` gives the binary (``$CHROMIUM``, then ``chromium``, ``chromium-browser``,
``google-chrome`` on the PATH), or None.
"""

from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-extensions",
         "--disable-default-apps", "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe"]


def find_chromium() -> str | None:
    env = os.environ.get("CHROMIUM")
    if env and Path(env).exists():
        return env
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None


class BrowserError(RuntimeError):
    pass


class Chromium:
    """One headless Chromium with one page. Not thread-safe; one command at a time."""

    def __init__(self, binary: str | None = None, width: int = 1280, height: int = 900,
                 timeout: float = 60.0):
        binary = binary or find_chromium()
        if not binary:
            raise BrowserError("chromium not found")
        self.timeout = timeout
        self.width, self.height = width, height
        self._profile = tempfile.TemporaryDirectory(prefix="lawscan-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def child_fds():  # the child's fd 3 reads our commands, its fd 4 writes the replies
            read, write = os.dup(to_chrome_r), os.dup(from_chrome_w)  # above 4, whatever they were
            os.dup2(read, 3)  # dup2 to another number makes it inheritable
            os.dup2(write, 4)

        self.proc = subprocess.Popen(
            [binary, *FLAGS, f"--user-data-dir={self._profile.name}", f"--window-size={width},{height}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            preexec_fn=child_fds, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict] = []  # every event received (console messages, load events …)
        self.session = None
        try:
            target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
            self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Runtime", "Log"):
                self.send(f"{domain}.enable")
            self.viewport(width, height)
        except BaseException:
            self.close()
            raise

    # --- protocol ------------------------------------------------------------------------------
    def send(self, method: str, params: dict | None = None, session: bool = True) -> dict:
        """Send one command and wait for its reply (events that come meanwhile are kept)."""
        self._next_id += 1
        msg = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(msg).encode("utf-8") + b"\0")
        while True:
            reply = self._read()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise BrowserError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def _read(self) -> dict:
        deadline = time.monotonic() + self.timeout
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                raise BrowserError("no reply from chromium" if left <= 0 else "chromium exited")
            ready, _, _ = select.select([self._from_chrome], [], [], min(left, 1.0))
            if ready:
                chunk = os.read(self._from_chrome, 1 << 20)
                if not chunk:
                    raise BrowserError("chromium closed the pipe")
                self._buffer += chunk
        raw, _, self._buffer = self._buffer.partition(b"\0")
        return json.loads(raw)

    def wait_event(self, method: str, since: int = 0) -> dict:
        """The first event ``method`` received after the ``since``-th event, waiting for it."""
        while True:
            for ev in self.events[since:]:
                if ev.get("method") == method:
                    return ev
            since = len(self.events)
            msg = self._read()
            if "method" in msg:
                self.events.append(msg)

    # --- the page ------------------------------------------------------------------------------
    def viewport(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def open(self, url: str) -> float:
        """Load ``url`` and wait for its load event; returns the seconds it took."""
        start = time.monotonic()
        mark = len(self.events)
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise BrowserError(f"{url}: {result['errorText']}")
        self.wait_event("Page.loadEventFired", mark)
        return time.monotonic() - start

    def eval(self, expression: str):
        """The value of a JavaScript expression in the page (promises awaited)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            detail = result["exceptionDetails"]
            raise BrowserError(detail.get("exception", {}).get("description") or detail.get("text"))
        return result.get("result", {}).get("value")

    def click(self, selector: str) -> None:
        """A real mouse click in the middle of the first element matching ``selector`` (scrolled
        into view first)."""
        box = self.eval(f"""(() => {{ const el = document.querySelector({json.dumps(selector)});
            if (!el) return null; el.scrollIntoView({{block: 'center'}});
            const r = el.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; }})()""")
        if box is None:
            raise BrowserError(f"nothing matches {selector}")
        for kind in ("mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                   "button": "left", "clickCount": 1})

    def key(self, key: str, code: str | None = None, text: str | None = None) -> None:
        """Press and release one key ("Tab", "Enter", " ", "/") in the focused element."""
        codes = {"Tab": 9, "Enter": 13, " ": 32, "Escape": 27, "/": 191}
        params = {"key": key, "code": code or key, "windowsVirtualKeyCode": codes.get(key, 0)}
        if text is None and (len(key) == 1 or key == "Enter"):
            text = "\r" if key == "Enter" else key
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", **params, **({"text": text} if text else {})})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", **params})

    def type(self, text: str) -> None:
        """Type ``text`` into the focused element."""
        self.send("Input.insertText", {"text": text})

    def screenshot(self, path: str | os.PathLike, full_page: bool = False, clip: dict | None = None) -> Path:
        params: dict = {"format": "png"}
        if full_page or clip:
            if clip is None:
                w, h = self.eval("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
                clip = {"x": 0, "y": 0, "width": w, "height": h}
            params.update({"clip": {**clip, "scale": 1}, "captureBeyondViewport": True})
        data = self.send("Page.captureScreenshot", params)["data"]
        path = Path(path)
        path.write_bytes(base64.b64decode(data))
        return path

    def pdf(self, path: str | os.PathLike) -> Path:
        data = self.send("Page.printToPDF", {"printBackground": True, "preferCSSPageSize": True,
                                             "displayHeaderFooter": False})["data"]
        path = Path(path)
        path.write_bytes(base64.b64decode(data))
        return path

    def console(self) -> list[str]:
        """Console messages and browser log entries so far (CSP refusals are log entries)."""
        out = []
        for ev in self.events:
            if ev.get("method") == "Runtime.consoleAPICalled":
                out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in ev["params"]["args"]))
            elif ev.get("method") == "Log.entryAdded":
                out.append(ev["params"]["entry"].get("text", ""))
        return out

    # --- lifetime ------------------------------------------------------------------------------
    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.send("Browser.close", session=False)
            except BrowserError:
                pass
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        for fd in (self._to_chrome, self._from_chrome):
            try:
                os.close(fd)
            except OSError:
                pass
        self._profile.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False
