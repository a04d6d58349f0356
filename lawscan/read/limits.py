"""Resource limits of the readers, and reading a file under them.

``merge_limits(limits)`` takes the user's ``limits`` dict (or None) and gives the full dict of
limits with the defaults filled in; ``read_bytes(path, limits)`` gives the bytes of a file or
raises :class:`ReadError` when it is missing, unreadable, empty or larger than ``max_bytes``.
The input file is only ever opened for reading.
"""

from __future__ import annotations

import os

from lawscan.errors import ReadError

DEFAULT_LIMITS = {
    "max_bytes": 50 * 1024 * 1024,  # size of the input file
    "max_zip_bytes": 200 * 1024 * 1024,  # total declared uncompressed size of a .docx
    "max_zip_ratio": 100,  # declared uncompressed / compressed size of a .docx
    "max_depth": 256,  # element nesting of XML / HTML, and of JSON values
    "max_lines": 2_000_000,  # lines a reader may give
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
        size = os.path.getsize(path)
        if size > max_bytes:
            raise ReadError(path, f"file too large ({size} bytes; the limit is {max_bytes} bytes)",
                            "read.too_large")
        with open(path, "rb") as fh:
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
