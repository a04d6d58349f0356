"""Baselines for CI adoption: takes a ScanResult, gives a file of finding fingerprints; later runs
mark each finding ``unchanged`` (in the baseline) or ``new`` so only new findings fail CI.

A fingerprint is rule id + unit eid + document identity (never a line number), computed by the
rule engine; moving text around a draft does not make old findings new."""

from __future__ import annotations

import json
from pathlib import Path

from lawscan import __version__
from lawscan.errors import ConfigError
from lawscan.model import ScanResult

FORMAT = "lawscan-baseline"


def baseline_bytes(result: ScanResult) -> bytes:
    entries = {}
    for doc in result.documents:
        for f in doc.findings:
            entries[f.fingerprint] = {"rule": f.rule_id, "eid": f.eid,
                                      "document": doc.document.number or doc.document.title
                                      or Path(doc.document.path).name}
    data = {"format": FORMAT, "version": 1, "tool_version": __version__,
            "findings": dict(sorted(entries.items()))}
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def load_baseline(path: str | Path) -> set[str]:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: baseline file not found") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not a lawscan baseline (invalid JSON: {exc})") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(
            data.get("findings"), dict):
        raise ConfigError(f"{path}: not a lawscan baseline file")
    return set(data["findings"])


def apply_baseline(result: ScanResult, fingerprints: set[str]) -> None:
    """Mark every finding new or unchanged."""
    for doc in result.documents:
        for f in doc.findings:
            f.baseline_state = "unchanged" if f.fingerprint in fingerprints else "new"
