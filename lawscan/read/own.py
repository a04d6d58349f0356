"""lawscan's own outputs, recognised by their content (not by their names): takes the first bytes
of a file, gives the kind of lawscan output it is ("json report", "sarif report", "html report",
"junit report", "markdown report", "text report", "github annotations", "baseline", "parse
output", "reviewed copy") or None; a .docx is recognised by its last bytes too. A report written into a scanned folder is then never read back as a law, whatever
it was renamed to.

Each format is recognised by what lawscan writes at its top: the JSON report's ``"tool":
{"name": "lawscan"``, SARIF's ``"driver": {"name": "lawscan"``, the HTML report's ``<meta
name="generator" content="lawscan``, JUnit's ``<testsuites name="lawscan"``, the Markdown report's
``### lawscan:`` title, the text report's rule of box-drawing dashes followed by its
"Tệp / file:" or "Tổng hợp / summary" line, GitHub workflow commands, the baseline's ``"format":
"lawscan-baseline"`` and ``lawscan parse --format json``'s array of documents with their counts.
The reviewed copy ``lawscan annotate`` writes (a .docx) carries ``REVIEWED_MARK`` as the comment
of its zip archive, at the very end of the file: Word does not keep an archive comment, so a copy
that someone opened, edited and saved is a draft again.
"""

from __future__ import annotations

import re

HEAD_BYTES = 8192
TAIL_BYTES = 256  # the end of a zip archive: its end record and comment
REVIEWED_MARK = b"lawscan annotate: reviewed copy"
_ZIP_END = b"PK\x05\x06"  # end of central directory record (22 bytes, then the comment)

_JSON_MARKS = (
    ("json report", re.compile(r'^\{\s*"schema_version"\s*:\s*"[^"]*"\s*,\s*"tool"\s*:\s*\{\s*"name"\s*:'
                               r'\s*"lawscan"')),
    ("sarif report", re.compile(r'^\{\s*"version"\s*:\s*"2\.1\.0"[\s\S]*?"driver"\s*:\s*\{\s*"name"\s*:'
                                r'\s*"lawscan"')),
    ("baseline", re.compile(r'^\{\s*"format"\s*:\s*"lawscan-baseline"')),
    ("parse output", re.compile(r'^\[\s*\{\s*"path"\s*:\s*"(?:[^"\\]|\\.)*"\s*,\s*"format"\s*:\s*"[^"]*"'
                                r'\s*,\s*"title"\s*:')),
)
_HTML_MARK = re.compile(r'<meta\s+name="generator"\s+content="lawscan[ "]', re.I)
_JUNIT_MARK = re.compile(r'^(?:<\?xml[^>]*\?>\s*)?<testsuites\s+name="lawscan"')
_GITHUB_COMMAND = re.compile(r"^::(?:error|warning|notice|group|endgroup|debug)\b")
_TEXT_RULE = re.compile(r"^─{40,}$")


def _text_labels() -> tuple[str, ...]:
    """The lines of the text report's header, summary or errors that follow its first rule (the
    labels of data/labels.toml, as the text report writes them)."""
    from lawscan.wording import both, word

    return (f"  {both(word('file'))}:", both(word("summary")), both(word("errors")))


def lawscan_output(head: bytes, tail: bytes = b"") -> str | None:
    """The kind of lawscan output whose first bytes are ``head`` (and last bytes ``tail``), or None."""
    if head.startswith(b"PK\x03\x04"):
        return "reviewed copy" if _zip_comment(tail) == REVIEWED_MARK else None
    text = head[:HEAD_BYTES].decode("utf-8", errors="replace").lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith(("{", "[")):
        for kind, mark in _JSON_MARKS:
            if mark.match(stripped):
                return kind
        return None
    if _HTML_MARK.search(text):
        return "html report"
    if _JUNIT_MARK.match(stripped):
        return "junit report"
    if stripped.startswith("### lawscan:"):
        return "markdown report"
    lines = text.splitlines()
    if lines and _GITHUB_COMMAND.match(lines[0]):
        return "github annotations"
    if lines and _TEXT_RULE.match(lines[0]) and any(ln.startswith(_text_labels()) for ln in lines[1:12]):
        return "text report"
    return None


def _zip_comment(tail: bytes) -> bytes | None:
    """The comment of the zip archive whose last bytes are ``tail`` (None if they hold no end
    record whose comment runs to the end)."""
    at = tail.rfind(_ZIP_END)
    if at < 0 or len(tail) < at + 22:
        return None
    size = int.from_bytes(tail[at + 20:at + 22], "little")
    return tail[at + 22:] if len(tail) == at + 22 + size else None


def read_marks(fd: int) -> tuple[bytes, bytes]:
    """The first ``HEAD_BYTES`` and last ``TAIL_BYTES`` of the open file ``fd``."""
    import os

    head = os.read(fd, HEAD_BYTES)
    size = os.fstat(fd).st_size
    tail = os.pread(fd, TAIL_BYTES, max(size - TAIL_BYTES, 0)) if head.startswith(b"PK") else b""
    return head, tail
