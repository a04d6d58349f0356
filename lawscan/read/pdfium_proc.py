"""The PDFium child process, seen from lawscan's side: ``request(path, message, deadline)``
sends one request to a child running :mod:`lawscan.read.pdfium_child` and gives its JSON
answer, or raises the input's :class:`ReadError` (a refusal, a crash, running out of memory or
of time, always naming the file).

A child is started with Python's isolated mode (``-I``: nothing from the environment, the
current folder or the script's folder is imported), a small environment, no standard input but
the requests, its standard error discarded. It is kept for the next PDF (one start costs about
0.1 s, as much as reading a 40-page Gazette PDF): idle children wait in a list of this process
(a worker process of ``--jobs`` starts its own; each thread of a Dask worker takes one of its
own from the list). A child is never reused after anything went wrong in it: it is killed when
its answer is late or the document's time runs out (``deadline``), and dropped when it died or
said it retires. Children end with the process that started them: idle ones are ended and
waited for at exit (``close_idle``; their standard input would close anyway), and on Linux the
kernel kills a busy one whose parent was killed (``PR_SET_PDEATHSIG``).
"""

from __future__ import annotations

import atexit
import json
import os
import selectors
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from lawscan.errors import ReadError
from lawscan.read.external import kill_group, tool_environment

CHILD = str(Path(__file__).resolve().with_name("pdfium_child.py"))  # run as a script
RETIRE_ABOVE = 512 * 1024 * 1024  # a child that grew this much beyond its start is not reused
MAX_ANSWER = 512 * 1024 * 1024  # bytes of one answer (the text budget keeps it far below)
KEEP_IDLE = 4

_lock = threading.Lock()
_idle: list["_Child"] = []
_owner = [os.getpid()]  # a process forked from this one has none of its children
_exit_hook: list[int] = []


class _Child:
    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-I", CHILD, "serve", str(RETIRE_ABOVE)],
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL, cwd="/" if os.name == "posix" else None,
                                     env=tool_environment(), start_new_session=True)

    def ask(self, message: dict, deadline: float | None) -> bytes | None:
        """Send ``message``; the answer line, or None if the child died first (TimeoutError
        after ``deadline``, a ``time.monotonic()`` value)."""
        try:
            self.proc.stdin.write(json.dumps(message).encode() + b"\n")
            self.proc.stdin.flush()
        except OSError:
            return None
        out = bytearray()
        fd = self.proc.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while not out.endswith(b"\n"):
                wait = 0.5 if deadline is None else min(0.5, deadline - time.monotonic())
                if wait <= 0:
                    raise TimeoutError
                if not selector.select(wait):  # short waits: a thread's timeout gets in between
                    continue
                piece = os.read(fd, 1 << 20)
                if not piece:
                    return None
                out += piece
                if len(out) > MAX_ANSWER:
                    return None
        return bytes(out)

    def kill(self) -> str:
        """End the child (if it still runs); how it ended, in words."""
        kill_group(self.proc)
        return self.reap()

    def reap(self) -> str:
        """Close the child's input (an idle child ends at the end of its input), wait for it to
        end; how it ended, in words."""
        for stream in (self.proc.stdin, self.proc.stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            return "still running"
        if code < 0:
            try:
                return f"stopped by {signal.Signals(-code).name}"
            except ValueError:
                return f"stopped by signal {-code}"
        return f"exit code {code}"


def _take() -> _Child:
    with _lock:
        if _owner[0] != os.getpid():
            _owner[0] = os.getpid()
            _idle.clear()  # the parent's children: their pipes are the parent's to use
        if not _exit_hook:
            atexit.register(close_idle)  # ended and waited for: no child outlives the run
            _exit_hook.append(os.getpid())
        while _idle:
            child = _idle.pop()
            if child.proc.poll() is None:
                return child
            child.reap()
    return _Child()


def _give(child: _Child) -> None:
    with _lock:
        if _owner[0] == os.getpid() and len(_idle) < KEEP_IDLE:
            _idle.append(child)
            return
    child.reap()


def request(path: str, message: dict, deadline: float | None, timeout: float) -> dict:
    """The answer of a PDFium child to ``message`` (see the module docstring), for input
    ``path``; ``deadline`` ends the wait (raising the document's timeout of ``timeout`` s)."""
    from lawscan.read.limits import DocumentTimeout

    try:
        child = _take()
    except OSError as exc:
        raise ReadError(path, f"cannot start the PDF reader: {exc.strerror or exc}", "read.tool") from None
    try:
        line = child.ask(message, deadline)
    except TimeoutError:
        child.kill()
        raise DocumentTimeout(path, timeout) from None
    except BaseException:  # the document's own timeout, an interrupt: the child's state is unknown
        child.kill()
        raise
    try:
        answer = json.loads(line) if line is not None else None
    except ValueError:
        answer = None
    if not isinstance(answer, dict):
        how = child.kill()
        memory = int(message["memory"]) >> 20
        raise ReadError(path, f"PDFium could not read this PDF within {memory} MB of memory (a "
                              f"decompression bomb?), or crashed on it ({how})", "read.pdf_reader")
    if answer.pop("retire", False):
        child.reap()
    else:
        _give(child)
    if "error" in answer:
        code, reason = answer["error"]
        raise ReadError(path, reason, code)
    return answer


def close_idle() -> None:
    """End the idle children of this process (they would end with it anyway)."""
    with _lock:
        children = list(_idle) if _owner[0] == os.getpid() else []
        _idle.clear()
    for child in children:
        child.reap()
