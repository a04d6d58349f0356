"""Files a scan leaves out with a note instead of a verdict: takes a path and why (a parsed
Document with no legal structure and no legal header, or a reader's refusal listed in
``data/skipped.toml``), gives a :class:`SkippedInput`. A skipped file is not an error: it is
named once in every report's summary and does not change the exit code.

The reasons, Vietnamese and English, are data (``data/skipped.toml``): change a message there.
"""

from __future__ import annotations

from pathlib import Path

from lawscan.datafiles import load_data_file
from lawscan.errors import ReadError
from lawscan.model import Document, SkippedInput

REASONS_PATH = Path(__file__).with_name("data") / "skipped.toml"


def reasons() -> dict[str, dict[str, str]]:
    """code -> {"vi", "en"}."""
    return load_data_file(REASONS_PATH)


def skipped(path: str, code: str) -> SkippedInput:
    reason = reasons()[code]
    return SkippedInput(path=str(path), reason_vi=reason["vi"], reason_en=reason["en"], code=code)


def check_document(doc: Document) -> SkippedInput | None:
    """A SkippedInput when ``doc`` is not a legal document (lawscan.structure.legal), else None."""
    from lawscan.structure.legal import is_legal_document

    return None if is_legal_document(doc) else skipped(doc.path, "not_legal")


def from_read_error(exc: ReadError) -> SkippedInput | None:
    """A SkippedInput for a reader's refusal that means "not read, not broken" (one listed in
    ``data/skipped.toml``), else None."""
    return skipped(exc.path, exc.code) if exc.code in reasons() else None
