"""Files that are not legal documents (manifests, notes, label files, tool configuration, a PDF
that is not a legal text) are skipped: one note each in every report, no verdict, no error, and the exit code is
that of the laws alone — serially, with --jobs and on Dask alike."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import CORPUS, REPO, corpus_available
from pdfmaker import minimal_pdf
from lawscan.cli import main
from lawscan.report.json_report import load_schema
from lawscan.scan import ScanOptions, scan

LAW = REPO / "sample_laws" / "06-du-thao-luat-kinh-doanh-dich-vu-cam-do-nfd.txt"
SCHEMAS = Path(__file__).resolve().parent / "schemas"
NOTES = """# Cách gán nhãn

Mỗi văn bản có một dòng trong labels.jsonl, ví dụ Luật Đất đai số 31/2024/QH15 có chương XII
về môi trường số; Luật Giao dịch điện tử 20/2023/QH15 là luật chuyên về môi trường số.
"""
MANIFEST = "file\ttitle\tnumber\tyear\nhtml/luat-dat-dai.html\tLuật Đất đai\t31/2024/QH15\t2024\n"


def _folder(tmp_path: Path, real: bool) -> Path:
    """One law beside a manifest, labelling notes, a labels file and a pyproject.toml (the
    corpus's own when it is there, look-alikes written here otherwise), and a PDF."""
    d = tmp_path / "folder"
    d.mkdir()
    shutil.copy(LAW, d)
    if real:
        for name in ("MANIFEST.tsv", "LABELING.md", "labels-dev.jsonl"):
            shutil.copy(CORPUS / name, d)
    else:
        (d / "MANIFEST.tsv").write_text(MANIFEST, encoding="utf-8")
        (d / "LABELING.md").write_text(NOTES, encoding="utf-8")
        (d / "labels-dev.jsonl").write_text("".join(json.dumps(
            {"file": f"html/luat-{i}.html", "number": f"{i}/2024/QH15", "status": "dedicated_chapter"},
            ensure_ascii=False) + "\n" for i in (31, 32)), encoding="utf-8")
    shutil.copy(REPO / "pyproject.toml", d)
    (d / "cong-bao.pdf").write_bytes(minimal_pdf(b"BT /F1 12 Tf 72 700 Td (Huong dan su dung phan mem "
                                                 b"tra cuu Cong bao) Tj ET\n"))
    return d


NOT_LAWS = ["LABELING.md", "MANIFEST.tsv", "cong-bao.pdf", "labels-dev.jsonl", "pyproject.toml"]


@pytest.mark.parametrize("real", [False, pytest.param(True, marks=pytest.mark.corpus)])
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_folder_with_one_law_reports_exactly_one_document(tmp_path, real, jobs):
    if real and not corpus_available():
        pytest.skip(f"corpus not found at {CORPUS}")
    folder = _folder(tmp_path, real)
    result = scan([str(folder)], ScanOptions(slim=True, jobs=jobs))
    assert [Path(d.document.path).name for d in result.documents] == [LAW.name]
    assert result.errors == []
    skipped = {Path(s.path).name: s.code for s in result.skipped}
    assert skipped == dict.fromkeys(NOT_LAWS, "not_legal")  # the PDF is read, and is not a law


def test_skipped_files_are_not_errors_and_every_format_names_them(tmp_path):
    folder = _folder(tmp_path, False)
    out = tmp_path / "out"
    args = ["scan", str(folder), "--no-config", "--fail-on", "never", "--no-progress", "--base-dir", str(tmp_path)]
    for fmt, name in (("json", "r.json"), ("sarif", "r.sarif"), ("junit", "r.xml"), ("markdown", "r.md"),
                      ("github", "r.txt")):
        args += ["--report", f"{fmt}={out / name}"]
    res = CliRunner().invoke(main, args, catch_exceptions=False)
    assert res.exit_code == 0, res.output  # skipped files are notes, not input errors
    text = res.stdout
    assert "Văn bản / documents: 1" in text and "Bỏ qua / skipped: 5" in text
    assert "không phải văn bản pháp luật" in text and "not a legal document" in text
    assert "folder/LABELING.md" in text and "folder/cong-bao.pdf" in text
    assert text.count("folder/MANIFEST.tsv") == 1  # one note, never a document section

    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(load_schema()).validate(data)
    assert data["summary"]["documents"] == 1 and data["summary"]["skipped"] == 5
    assert data["summary"]["input_errors"] == 0
    assert [s["path"] for s in data["skipped"]] == sorted(f"folder/{n}" for n in NOT_LAWS)

    log = json.loads((out / "r.sarif").read_text(encoding="utf-8"))
    sarif = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(sarif)(sarif).validate(log)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is True
    notes = invocation["toolExecutionNotifications"]
    assert {n["level"] for n in notes} == {"note"} and len(notes) == 5

    tree = etree.parse(str(out / "r.xml"))
    assert etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd"))).validate(tree)
    suite = next(s for s in tree.getroot() if s.get("name") == "skipped files")
    assert suite.get("skipped") == "5" and len(suite.findall("testcase/skipped")) == 5

    md = (out / "r.md").read_text(encoding="utf-8")
    assert "5 bỏ qua / skipped" in md.splitlines()[0] and "folder/LABELING\\.md" in md

    github = (out / "r.txt").read_text(encoding="utf-8").splitlines()
    assert github[-1].endswith("5 skipped (not legal documents)")
    assert sum(line.startswith("::notice file=folder/") and "skipped" in line for line in github) == 5


def test_a_law_without_header_or_with_header_only_is_kept(tmp_path):
    """Legal structure alone (an extract of articles) or a legal header alone (a short decision
    with no Điều) is enough to be a legal document."""
    body = tmp_path / "extract.txt"
    body.write_text("Điều 1. Phạm vi điều chỉnh\nLuật này quy định về thư viện.\n", encoding="utf-8")
    header = tmp_path / "header.txt"
    header.write_text("QUỐC HỘI\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nLuật số: 12/2024/QH15\n"
                      "LUẬT\nTHƯ VIỆN\nQuốc hội ban hành Luật Thư viện.\n", encoding="utf-8")
    result = scan([str(body), str(header)], ScanOptions(slim=True))
    assert len(result.documents) == 2 and result.skipped == []
