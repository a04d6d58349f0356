"""Streaming: report writers fed one document at a time (lawscan.report.open_writer) and the
streaming scan (lawscan.scan.scan_stream) keep no DocumentResult once it has been written, give
the same bytes as rendering a whole ScanResult, and write files atomically."""

from __future__ import annotations

import gc
import io
import shutil
import weakref
from pathlib import Path

import pytest

from fixtures.report.sample import make_result
from lawscan.drafting.suggest import add_suggestion
from lawscan.model import InputError
from lawscan.report import common, open_writer, render
from lawscan.report.stream import Spool
from lawscan.scan import ScanOptions, Scanner, scan, scan_stream

REPO = Path(__file__).resolve().parents[1]
LAWS = [REPO / "sample_laws" / "05-luat-nghi-le-nha-nuoc.txt",
        REPO / "sample_laws" / "07-du-thao-luat-sua-doi-luat-ban-dau-gia-tai-san-cong.txt"]
FORMATS = ["text", "json", "html", "sarif", "junit", "markdown", "github"]
OPTIONS = {"json": {"generated_at": "2026-01-02T03:04:05Z"}, "html": {"generated_at": "2026-01-02T03:04:05Z"},
           "text": {"color": False}, "markdown": {"max_findings": 3}, "github": {"limit": 2}}


def copies(tmp_path: Path, n: int) -> Path:
    """``n`` copies of the two small sample laws in ``tmp_path/laws`` (names sort in scan order)."""
    folder = tmp_path / "laws"
    folder.mkdir()
    for i in range(n):
        for law in LAWS:
            shutil.copy(law, folder / f"{i:02d}-{law.name}")
    return folder


class Probe:
    """A sink that checks, when each document arrives, that every earlier one is gone: it keeps
    only weak references."""

    def __init__(self):
        self.refs: list[weakref.ref] = []
        self.alive_at_arrival: list[int] = []
        self.errors = 0

    def add_document(self, dr) -> None:
        gc.collect()
        self.alive_at_arrival.append(sum(ref() is not None for ref in self.refs))
        self.refs.append(weakref.ref(dr))

    def add_error(self, err) -> None:
        self.errors += 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_streaming_scan_keeps_no_document_results(tmp_path, jobs):
    folder = copies(tmp_path, 4)
    options = ScanOptions(slim=True, jobs=jobs)
    scanner = Scanner(options)
    out = tmp_path / "out"
    writers = [open_writer(fmt, out / f"r.{fmt}", rules=scanner.ruleset.infos(), base_dir=tmp_path)
               for fmt in FORMATS]
    probe = Probe()
    record = scan_stream([str(folder), str(tmp_path / "missing.txt")], options, [*writers, probe],
                         scanner=scanner)
    for w in writers:
        w.close()
    gc.collect()
    assert record.documents == len(probe.refs) == 8
    # when each document reached the sinks, none of the earlier ones was still held by the scan
    # or any of the seven writers; nor is any once the run is over. With worker processes, the
    # pool's manager thread (CPython's) holds the result it has just handed over for a few more
    # instructions: one earlier document may still be alive then, never more (memory stays flat)
    assert max(probe.alive_at_arrival) <= (0 if jobs == 1 else 1)
    assert all(ref() is None for ref in probe.refs)
    assert probe.errors == 1 and [e.code for e in record.errors] == ["input.missing"]
    assert sum(record.by_severity.values()) > 0
    assert sorted(p.name for p in out.iterdir()) == sorted(f"r.{fmt}" for fmt in FORMATS)


def test_streamed_reports_equal_whole_result_reports(tmp_path):
    folder = copies(tmp_path, 1)
    paths = [str(folder), str(tmp_path / "missing.txt")]
    options = ScanOptions(slim=True, later_stages=(add_suggestion,))
    whole = scan(paths, options)
    scanner = Scanner(options)
    streams = {fmt: io.StringIO() for fmt in FORMATS}
    writers = [open_writer(fmt, streams[fmt], rules=scanner.ruleset.infos(), base_dir=tmp_path,
                           tool_version=whole.tool_version, **OPTIONS.get(fmt, {})) for fmt in FORMATS]
    scan_stream(paths, options, writers, scanner=scanner)
    for w in writers:
        w.close()
    assert len(whole.documents) == 2 and len(whole.errors) == 1
    for fmt in FORMATS:
        expected = render(whole, fmt, base_dir=tmp_path, **OPTIONS.get(fmt, {}))
        assert streams[fmt].getvalue() == expected, fmt


def test_text_report_shows_each_document_before_the_next_is_scanned(tmp_path):
    folder = copies(tmp_path, 1)
    options = ScanOptions(slim=True)
    stream = io.StringIO()
    writer = open_writer("text", stream, base_dir=tmp_path, color=False)
    seen = []

    class After:
        def add_document(self, dr):
            # the text writer comes first among the sinks: this law's section is already out
            seen.append(common.rel_path(dr.document.path, tmp_path) in stream.getvalue())
            assert "Tổng hợp / summary" not in stream.getvalue()

        def add_error(self, err):
            pass

    scan_stream([str(folder)], options, [writer, After()])
    writer.close()
    assert seen == [True, True]
    assert stream.getvalue().count("Tổng hợp / summary") == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_parts_parked_on_disk_give_the_same_report(tmp_path, monkeypatch, fmt):
    result = make_result(tmp_path / "repo")
    expected = render(result, fmt, base_dir=tmp_path / "repo", **OPTIONS.get(fmt, {}))
    monkeypatch.setattr(Spool, "MAX_MEMORY", 64)  # every spool rolls over to a temporary file
    target = tmp_path / "out" / "report"
    writer = open_writer(fmt, target, rules=common.rules_by_id(result).values(),
                         tool_version=result.tool_version, base_dir=tmp_path / "repo", **OPTIONS.get(fmt, {}))
    for dr in common.ordered(result):
        writer.add_document(dr)
    for err in result.errors:
        writer.add_error(err)
    assert not target.exists()  # nothing in place before close
    assert writer.close() == target
    assert target.read_text(encoding="utf-8") == expected


def test_abort_keeps_the_old_report_and_leaves_no_temporary_file(tmp_path):
    result = make_result(tmp_path / "repo")
    target = tmp_path / "report.html"
    target.write_text("old report", encoding="utf-8")
    with pytest.raises(RuntimeError):
        with open_writer("html", target, base_dir=tmp_path / "repo") as writer:
            writer.add_document(result.documents[0])
            writer.add_error(InputError("x.txt", "unreadable"))
            raise RuntimeError("the scan was interrupted")
    assert target.read_text(encoding="utf-8") == "old report"
    assert [p.name for p in tmp_path.iterdir() if p.is_file()] == ["report.html"]
    writer.close()  # closing after an abort writes nothing
    assert target.read_text(encoding="utf-8") == "old report"


def test_github_and_markdown_writers_keep_only_what_they_show(tmp_path):
    result = make_result(tmp_path / "repo")
    github = open_writer("github", io.StringIO(), limit=1)
    markdown = open_writer("markdown", io.StringIO(), max_findings=2)
    for _ in range(50):
        for dr in common.ordered(result):
            github.add_document(dr)
            markdown.add_document(dr)
    assert all(len(q) <= 1 for pair in github.kept.values() for q in pair)
    assert all(len(b) <= 2 for b in markdown.top.values())
    github.close()
    markdown.close()
    total = sum(len(dr.findings) for dr in result.documents) * 50
    assert f"{total - 2} more findings" in markdown._out.stream.getvalue()
    assert "annotations not shown" in github._out.stream.getvalue()
