"""Resource limits of the readers, and reading a file under them.

``merge_limits(limits)`` takes the user's ``limits`` dict (or None) and gives the full dict of
limits with the defaults filled in; ``read_bytes(path, limits)`` gives the bytes of a file or
raises :class:`ReadError` when it is missing, unreadable, empty or larger than ``max_bytes``.
The input file is only ever opened for reading.

``time_limit(Clock(path, seconds))`` is a context manager that interrupts the work inside it after
``seconds`` by raising :class:`DocumentTimeout`, a :class:`ReadError`: in the main thread by
``SIGALRM`` (``signal.setitimer``), in any other thread (a Dask worker runs its tasks in threads)
by a watcher thread that raises the exception asynchronously in the working thread
(``PyThreadState_SetAsyncExc``). Python raises either only between bytecodes, so a single long call
into C (one regex search, one lxml parse) finishes before the timeout is raised.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import threading
from typing import Iterator

from lawscan.errors import ReadError

DEFAULT_LIMITS = {
    "max_bytes": 50 * 1024 * 1024,  # size of the input file
    "max_zip_bytes": 200 * 1024 * 1024,  # total declared uncompressed size of a .docx
    "max_zip_ratio": 100,  # declared uncompressed / compressed size of a .docx
    "max_xml_bytes": 12 * 1024 * 1024,  # the parts of a .docx that are read, unzipped
    "max_depth": 256,  # element nesting of XML / HTML, and of JSON values
    "max_lines": 2_000_000,  # lines a reader may give
    "timeout": 120,  # seconds of reading + parsing + checking per document (0: no limit)
}


def merge_limits(limits: dict | None = None) -> dict:
    """The defaults, overridden by the keys the caller gives (unknown keys are kept)."""
    merged = dict(DEFAULT_LIMITS)
    for key, value in (limits or {}).items():
        if value is not None:
            merged[key] = value
    return merged


def read_bytes(path: str, limits: dict) -> bytes:
    """The whole file, checked against ``limits["max_bytes"]`` before and while reading."""
    max_bytes = int(limits["max_bytes"])
    try:
        if os.path.isdir(path):
            raise ReadError(path, "is a directory, not a file", "read.not_file")
        # O_NONBLOCK: opening a named pipe must not wait for a writer; fstat then refuses it
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as fh:
            st = os.fstat(fd)
            if not stat.S_ISREG(st.st_mode):
                raise ReadError(path, "not a regular file (a pipe, device or socket)", "read.not_file")
            if st.st_size > max_bytes:
                raise ReadError(path, f"file too large ({st.st_size} bytes; the limit is {max_bytes} "
                                      "bytes)", "read.too_large")
            data = fh.read(max_bytes + 1)  # a file that grew since stat() is still capped
    except ReadError:
        raise
    except FileNotFoundError:
        raise ReadError(path, "no such file", "input.missing") from None
    except OSError as exc:
        raise ReadError(path, f"cannot read the file: {exc.strerror or exc}", "input.unreadable") from None
    if len(data) > max_bytes:
        raise ReadError(path, f"file too large (more than the limit of {max_bytes} bytes)", "read.too_large")
    if not data.strip():
        raise ReadError(path, "empty file", "read.empty")
    return data


class DocumentTimeout(ReadError):
    """A document took longer than the ``timeout`` limit."""

    def __init__(self, path: str, seconds: float):
        super().__init__(path, f"took longer than {seconds:g} s to read and check "
                               f"(limit: --timeout {seconds:g})", "input.timeout")


class Clock:
    """The time limit of one document, made before :func:`time_limit` starts it (the time may run
    out before the ``with`` statement has bound anything): ``expired`` turns true once it is up."""

    def __init__(self, path: str, seconds: float):
        self.path, self.seconds, self.expired = path, seconds, False

    def error(self) -> DocumentTimeout:
        return DocumentTimeout(self.path, self.seconds)


class ThreadTimeout(DocumentTimeout):
    """What the watcher raises in a thread that is not the main one (the exception is given as a
    class, so it takes no arguments); ``clock.error()`` says which document and limit."""

    def __init__(self):
        super().__init__("", 0)


@contextlib.contextmanager
def time_limit(clock: Clock) -> Iterator[Clock]:
    """Raise :class:`DocumentTimeout` inside the block after ``clock.seconds``. If code in the
    block swallows the exception (an ``except Exception`` somewhere), it is raised again every half
    second until it gets out; either way ``clock.expired`` tells the caller the time ran out."""
    if clock.seconds <= 0:
        yield clock
        return
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        with _thread_limit(clock):
            yield clock
        return

    def on_alarm(signum, frame):
        clock.expired = True
        raise clock.error()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:  # armed inside: an alarm that comes as the timer is set still ends in the clean-up
        signal.setitimer(signal.ITIMER_REAL, clock.seconds, 0.5)
        yield clock
    finally:
        _disarm(previous, clock)


def _disarm(previous, clock: Clock) -> None:
    """Stop the alarm and put the previous handler back. An alarm that comes while this runs
    (the time ran out just as the block ended) is taken as the timeout, not raised: a clean-up
    left half done would leave a repeating alarm raising in whatever code runs next."""
    while True:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            return
        except DocumentTimeout:
            clock.expired = True


def _set_async_exc(thread_id: int, exc: type | None) -> None:
    """Raise ``exc`` in the thread ``thread_id`` at its next bytecode (None: clear a pending one)."""
    import ctypes

    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               None if exc is None else ctypes.py_object(exc))


@contextlib.contextmanager
def _thread_limit(clock: Clock) -> Iterator[None]:
    """The time limit of a thread other than the main one: a watcher thread raises
    :class:`ThreadTimeout` in it once the time is up, and again every half second."""
    target = threading.get_ident()
    stop = threading.Event()

    def watch() -> None:
        if stop.wait(clock.seconds):
            return
        clock.expired = True
        while not stop.is_set():
            _set_async_exc(target, ThreadTimeout)
            if stop.wait(0.5):
                return

    watcher = threading.Thread(target=watch, name="lawscan-timeout", daemon=True)
    try:  # started inside: a timeout that comes as the watcher starts still stops it
        watcher.start()
        yield
    finally:
        while True:  # the exception may arrive while this stops the watcher: again, then clear it
            try:
                stop.set()
                if watcher.ident is not None:
                    watcher.join()
                _set_async_exc(target, None)
                break
            except ThreadTimeout:
                pass

