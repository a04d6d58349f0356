"""JSON report, described by ``schema/report.schema.json`` (JSON Schema draft 2020-12).

``render(result, base_dir=None, tree=False, generated_at=None) -> str`` gives::

    {"schema_version": "2", "tool": {"name", "version"}, "generated_at": ISO-8601 (UTC) or null,
     "rules": [RuleInfo...], "documents": [DocumentResult.to_dict() + "id", "path", "status",
     "finding_counts"; each finding + "location_line" and
     "location_page" (page and line of a PDF)], "errors": [...],
     "skipped": [SkippedInput.to_dict()...], "summary": {...}}

Every ``path`` is relative to ``base_dir`` (the project root) with forward slashes, never the path
as typed, so the same input gives the same report wherever it is run from.
:class:`JsonWriter` writes the same report one document at a time.
``generated_at`` is the only field that changes between runs on the same input (it honours
``SOURCE_DATE_EPOCH``; pass ``generated_at`` yourself, or False for none: null).
Schema version 2 (from 1): ``source_path`` is gone, ``skipped`` and ``summary.skipped`` are new,
``generated_at`` may be null.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

from lawscan.datafiles import load_data_file
from lawscan.model import ScanResult
from lawscan.report import common
from lawscan.report.stream import Writer, dumps_pretty, pad, render_result, write_json

SCHEMA_PATH = Path(__file__).with_name("schema") / "report.schema.json"
SCHEMA_VERSION = "2"


def timestamp(generated_at: str | dt.datetime | bool | None = None) -> str | None:
    """ISO-8601 UTC time of the report: ``generated_at`` if given, else SOURCE_DATE_EPOCH, else now;
    None when ``generated_at`` is False (a report without a time: reproducible examples)."""
    if generated_at is False:
        return None
    if isinstance(generated_at, str):
        return generated_at
    if generated_at is None:
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
        generated_at = (dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch.isdigit()
                        else dt.datetime.now(dt.timezone.utc))
    if generated_at.tzinfo is None:
        generated_at = generated_at.replace(tzinfo=dt.timezone.utc)
    return generated_at.astimezone(dt.timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


DOCUMENTS = "\x1elawscan:documents\x1e"  # stands for the parked documents while the frame is dumped


def document_dict(entry: common.DocEntry, tree: bool = False) -> dict:
    """One element of the report's "documents" array."""
    dr = entry.result
    d = dr.to_dict(tree=tree)
    d = {"id": entry.id, "path": entry.path,
         "status": common.status_of(dr), "finding_counts": common.severity_counts(dr.findings),
         **{k: v for k, v in d.items() if k != "path"}}
    d["findings"] = [_finding_dict(dr, f) for f in entry.findings]
    return d


def _finding_dict(dr, f) -> dict:
    line = common.finding_line(dr, f)
    return {**f.to_dict(), "location_line": line, "location_page": common.page_location(dr, line)}


class JsonWriter(Writer):
    """Dumps each document as it comes into a spool (indented as in the whole report); at close
    writes the head (rules, with any rule id only seen in findings), the documents, the errors
    and the summary."""

    fmt = "json"

    def start(self) -> None:
        self.docs = self.spool()

    def document(self, entry: common.DocEntry) -> None:
        d = document_dict(entry, tree=bool(self.options.get("tree")))
        self.docs.add(pad(dumps_pretty(d), 4))

    def finish(self) -> None:
        base_dir = self.base_dir
        errors = [{**e.to_dict(), "path": common.rel_path(e.path, base_dir)}
                  for e in self.sorted_errors()]
        skipped = [{**s.to_dict(), "path": common.rel_path(s.path, base_dir)}
                   for s in self.sorted_skipped()]
        data = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "lawscan", "version": self.tool_version},
            "generated_at": timestamp(self.options.get("generated_at")),
            "rules": [r.to_dict() for r in self.sorted_rules().values()],
            "documents": [DOCUMENTS] if self.docs.count else [],
            "errors": errors,
            "skipped": skipped,
            "summary": self.summary(),
        }
        write_json(self.write, data, {DOCUMENTS: self.docs} if self.docs.count else {})


def report_dict(result: ScanResult, base_dir=None, tree: bool = False, generated_at=None) -> dict:
    """The report as a plain dict (what :func:`render` serialises)."""
    return json.loads(render_result(JsonWriter, result, base_dir=base_dir, tree=tree,
                                    generated_at=generated_at))


def render(result: ScanResult, base_dir=None, tree: bool = False, generated_at=None, **_options) -> str:
    return render_result(JsonWriter, result, base_dir=base_dir, tree=tree, generated_at=generated_at)


def load_schema() -> dict:
    """The JSON Schema of the report (shared: read-only)."""
    return load_data_file(SCHEMA_PATH)
