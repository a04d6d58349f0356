"""lawscan's own outputs, recognised by their content (not by their names): takes the first bytes
of a file, gives the kind of lawscan output it is ("json report", "sarif report", "html report",
"junit report", "markdown report", "text report", "github annotations", "baseline", "parse
output") or None. A report written into a scanned folder is then never read back as a law, whatever
it was renamed to.

Each format is recognised by what lawscan writes at its top: the JSON report's ``"tool":
{"name": "lawscan"``, SARIF's ``"driver": {"name": "lawscan"``, the HTML report's ``<meta
name="generator" content="lawscan``, JUnit's ``<testsuites name="lawscan"``, the Markdown report's
``### lawscan:`` title, the text report's rule of box-drawing dashes followed by its
"Tệp / file:" or "Tổng hợp / summary" line, GitHub workflow commands, the baseline's ``"format":
"lawscan-baseline"`` and ``lawscan parse --format json``'s array of documents with their counts.
"""

from __future__ import annotations

import re

HEAD_BYTES = 8192

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


def lawscan_output(head: bytes) -> str | None:
    """The kind of lawscan output whose first bytes are ``head``, or None."""
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
