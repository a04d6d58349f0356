"""Baselines for CI adoption: takes scan results, gives a file of finding fingerprints; later runs
mark each finding ``unchanged`` (in the baseline) or ``new`` so only new findings fail CI.

A finding has two fingerprints, computed by the rule engine (never with a line number): rule id +
unit eid + document identity, and the same with what the unit says for its eid (an article's text
without its numbers, a chapter's title: ``engine.runner.UnitTexts``). A finding is unchanged when
either is in the baseline: moving text around a draft, editing an article, or renumbering one (an
article inserted before it) does not make old findings new; an article both renumbered and edited
does. A baseline written before the text fingerprints (its entries have no "text") matches by the
first alone.

    load_baseline(path) -> set[str]                 # before a run
    mark_document(dr, fingerprints)                 # per document, as a scan streams
    BaselineCollector: add_document(dr) … data()    # keeps only the fingerprints (for ``baseline write``)
    baseline_bytes(result) / apply_baseline(result, fingerprints)   # on a whole ScanResult
"""

from __future__ import annotations

import json
from pathlib import Path

from lawscan import __version__
from lawscan.errors import ConfigError
from lawscan.model import DocumentResult, InputError, ScanResult

FORMAT = "lawscan-baseline"


class BaselineCollector:
    """A scan sink that keeps each finding's fingerprint and what it is about, nothing else."""

    def __init__(self):
        self.entries: dict[str, dict] = {}
        self.findings = 0
        self.documents = 0

    def add_document(self, dr: DocumentResult) -> None:
        self.documents += 1
        doc = dr.document
        for f in dr.findings:
            self.findings += 1
            self.entries[f.fingerprint] = {"rule": f.rule_id, "eid": f.eid, "text": f.text_fingerprint,
                                           "document": doc.number or doc.title or Path(doc.path).name}

    def add_error(self, _error: InputError) -> None:
        pass

    def add_skipped(self, _skipped) -> None:
        pass

    def data(self) -> bytes:
        """The baseline file's bytes (fingerprints sorted)."""
        data = {"format": FORMAT, "version": 1, "tool_version": __version__,
                "findings": dict(sorted(self.entries.items()))}
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def baseline_bytes(result: ScanResult) -> bytes:
    collector = BaselineCollector()
    for doc in result.documents:
        collector.add_document(doc)
    return collector.data()


MAX_BYTES = 256 << 20  # a baseline larger than this is refused


def load_baseline(path: str | Path) -> set[str]:
    """The fingerprints of a baseline file; ConfigError (one line) for a file that is missing,
    not a regular file, too large, not JSON, nested too deeply or not a lawscan baseline."""
    from lawscan.errors import ReadError
    from lawscan.read.limits import read_bytes

    if not Path(path).exists():
        raise ConfigError(f"{path}: baseline file not found")
    try:
        data = json.loads(read_bytes(str(path), {"max_bytes": MAX_BYTES}))
    except ReadError as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc.reason}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a lawscan baseline (invalid JSON: {exc})") from None
    except RecursionError:
        raise ConfigError(f"{path}: not a lawscan baseline (nested too deeply)") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(
            data.get("findings"), dict):
        raise ConfigError(f"{path}: not a lawscan baseline file")
    texts = {e["text"] for e in data["findings"].values() if isinstance(e, dict) and isinstance(
        e.get("text"), str) and e["text"]}
    return set(data["findings"]) | texts


def mark_document(dr: DocumentResult, fingerprints: set[str]) -> DocumentResult:
    """Mark each finding of one document new or unchanged (either fingerprint in the baseline)."""
    for f in dr.findings:
        known = f.fingerprint in fingerprints or (f.text_fingerprint and f.text_fingerprint in fingerprints)
        f.baseline_state = "unchanged" if known else "new"
    return dr


def apply_baseline(result: ScanResult, fingerprints: set[str]) -> None:
    """Mark every finding new or unchanged."""
    for doc in result.documents:
        mark_document(doc, fingerprints)
