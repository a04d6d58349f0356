"""Reports: a :class:`lawscan.model.ScanResult` rendered as text, json, html, sarif, junit,
markdown or github (workflow commands), and written atomically.

    render(result, fmt, **options) -> str
    write_report(result, fmt, path, **options) -> Path   # a directory gets default_filename(fmt)
    open_writer(fmt, path_or_stream, rules=..., tool_version=..., base_dir=..., **options) -> Writer
        .add_document(dr) / .add_error(err) / .close() / .abort()   # one document at a time

Every format is one incremental writer (``lawscan.report.stream.Writer``); ``render`` feeds a
whole ScanResult to it, documents sorted by path.

Options every format accepts: ``base_dir`` (paths are shown relative to it; default: the current
directory). Per format: text ``color`` (True/False/None = when stdout is a terminal); json
``tree`` (include the structure tree), ``generated_at``; html ``generated_at``; sarif
``category``; junit ``fail_on`` (lowest severity that fails a test case); markdown
``max_findings``; github ``limit`` (annotations per level). Output is deterministic: the same
result gives the same text, apart from the ``generated_at`` timestamp of json and html.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from lawscan.model import ScanResult

# format -> (module, default file name)
FORMATS = {
    "text": ("lawscan.report.text", "lawscan-report.txt"),
    "json": ("lawscan.report.json_report", "lawscan-report.json"),
    "html": ("lawscan.report.html", "lawscan-report.html"),
    "sarif": ("lawscan.report.sarif", "lawscan.sarif"),
    "junit": ("lawscan.report.junit", "junit.xml"),
    "markdown": ("lawscan.report.markdown", "lawscan-report.md"),
    "github": ("lawscan.report.github", "lawscan-annotations.txt"),
}
WRITERS = {"text": "TextWriter", "json": "JsonWriter", "html": "HtmlWriter", "sarif": "SarifWriter",
           "junit": "JunitWriter", "markdown": "MarkdownWriter", "github": "GithubWriter"}


def _module(fmt: str):
    try:
        name, _ = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    return importlib.import_module(name)


def default_filename(fmt: str) -> str:
    """The file name a report gets when it is written to a directory."""
    _module(fmt)
    return FORMATS[fmt][1]


def render(result: ScanResult, fmt: str, **options) -> str:
    """The report of ``result`` in format ``fmt`` as text."""
    return _module(fmt).render(result, **options)


def write_report(result: ScanResult, fmt: str, path: str | os.PathLike, **options) -> Path:
    """Render and write atomically to ``path`` ("-" = standard output). A directory (existing, or
    ending in a slash) gets the format's default file name. Text reports written to a file are
    not coloured unless ``color=True``. Returns the path written."""
    from lawscan.atomic import atomic_open

    if str(path) == "-":
        options.setdefault("color", None)
        text = render(result, fmt, **options)
        sys.stdout.write(text)
        sys.stdout.flush()
        return Path("-")
    target = Path(path)
    if target.is_dir() or str(path).endswith(("/", os.sep)):
        target = target / default_filename(fmt)
    options.setdefault("color", False)
    with atomic_open(target, parents=True) as fh:
        fh.write(render(result, fmt, **options).encode("utf-8"))
    return target


def open_writer(fmt: str, out, *, rules=(), tool_version: str = "", base_dir=None, **options):
    """An incremental writer of format ``fmt`` to ``out``: a path (written atomically at close; a
    directory gets the format's default file name), "-" (standard output) or a text stream.
    ``rules`` are the run's RuleInfo (known before the first document). Text written to a file is
    not coloured unless ``color=True``; to a stream, coloured when stdout is a terminal."""
    cls = getattr(_module(fmt), WRITERS[fmt])
    is_stream = hasattr(out, "write") or str(out) == "-"
    options.setdefault("color", None if is_stream else False)
    return cls(out, rules=rules, tool_version=tool_version, base_dir=base_dir, **options)
