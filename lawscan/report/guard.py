"""One report's failure loses that report only.

``Guarded(writer)`` takes an incremental report writer (lawscan.report.stream.Writer) and gives a
sink with the same interface (``add_document``, ``add_error``, ``add_skipped``, ``close``,
``abort``). The first exception the writer raises (text its format cannot carry, a full disk, a
closed pipe) aborts that report — its temporary file is removed, an old report at its path stays
— and is kept as ``failure``, a one-line message naming the report; the run and the other reports
go on, and the caller names the failure and exits 2. Ctrl-C and SIGTERM are not caught.
"""

from __future__ import annotations

import contextlib


class Guarded:
    def __init__(self, writer):
        self.writer = writer
        self.path = writer.path
        self.failure: str | None = None

    def add_document(self, dr) -> None:
        self._call("add_document", dr)

    def add_error(self, error) -> None:
        self._call("add_error", error)

    def add_skipped(self, skipped) -> None:
        self._call("add_skipped", skipped)

    def close(self) -> None:
        self._call("close")

    def abort(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.abort()

    def _call(self, method: str, *args) -> None:
        if self.failure is not None:
            return
        try:
            getattr(self.writer, method)(*args)
        except Exception as exc:
            from lawscan.errors import WriteError

            reason = exc.reason if isinstance(exc, WriteError) else f"{type(exc).__name__}: {exc}"
            self.failure = f"{self.path}: report not written: {' '.join(reason.split())}"
            self.abort()
