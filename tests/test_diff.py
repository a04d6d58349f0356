"""lawscan diff: two drafts aligned unit by unit despite renumbering (added, removed, moved,
changed, with word diffs) and the change in verdict and findings."""

from __future__ import annotations

import json

from click.testing import CliRunner

from conftest import FIXTURES, SAMPLES
from lawscan.cli import main
from lawscan.drafting.diff import align, diff_documents, word_diff
from lawscan.pipeline import load_document

V1 = FIXTURES / "drafting" / "du-thao-1.txt"
V2 = FIXTURES / "drafting" / "du-thao-2.txt"


def by(d, level, change):
    return [(c.old, c.new) for c in d.changes if c.level == level and c.change == change]


def test_renumbered_articles_are_matched_not_added_and_removed():
    d = diff_documents(load_document(V1), load_document(V2))
    assert by(d, "article", "added") == [("", "Điều 3"), ("", "Điều 6"), ("", "Điều 7")]
    assert by(d, "article", "removed") == [("Điều 5", "")]
    assert by(d, "article", "moved") == [("Điều 3", "Điều 4"), ("Điều 4", "Điều 5"), ("Điều 6", "Điều 8")]
    assert by(d, "chapter", "added") == [("", "Chương III")]
    assert by(d, "chapter", "moved") == [("Chương III", "Chương IV")]
    para = [c for c in d.changes if c.level == "paragraph"]
    assert [(c.old, c.new, c.change) for c in para] == [("khoản 1 Điều 3", "khoản 1 Điều 4", "changed")]
    assert "{+tuyến trên Cổng Dịch vụ công quốc gia" in para[0].words
    label = next(c for c in d.changes if c.new == "Điều 5")
    assert label.also_changed and "[-3-] {+4+}" in label.words


def test_verdict_and_findings_change():
    d = diff_documents(load_document(V1), load_document(V2))
    assert (d.status_before, d.status_after) == ("none", "dedicated_chapter")
    assert {"information_system", "database"} <= set(d.elements_gained) and not d.elements_lost
    assert any(f["rule_id"] == "LS105" and f["eid"] == "chp_II__art_3__para_2" for f in d.findings_closed)
    assert all(f["rule_id"] != "LS105" for f in d.findings_new)  # the same gap, renumbered, is not "new"
    assert any(f["rule_id"] == "LS103" and f["eid"] == "chp_III" for f in d.findings_new)


def test_same_document_has_no_change():
    doc = load_document(SAMPLES / "02-du-thao-luat-thu-y-vbpl.html")
    d = diff_documents(doc, load_document(SAMPLES / "02-du-thao-luat-thu-y-vbpl.html"))
    assert d.changes == [] and d.findings_closed == [] and d.findings_new == []
    assert d.status_before == d.status_after == "dedicated_chapter"


def test_align_by_content_when_heading_and_number_change(corpus_dir):
    doc = load_document(corpus_dir / "docx" / "vbpl-luat-61-2020-qh14.docx")
    arts = doc.units("article")[:12]
    shuffled = arts[6:] + arts[:6]
    pairs = align(arts, shuffled)
    assert all(o is n for o, n in pairs)


def test_word_diff_is_compact():
    a = "một hai ba bốn năm sáu bảy tám chín mười"
    assert word_diff(a, a.replace("sáu", "SÁU")) == "ba bốn năm [-sáu-] {+SÁU+} bảy tám chín"
    assert word_diff(a, a) == ""


def test_cli_formats(tmp_path):
    res = CliRunner().invoke(main, ["diff", str(V1), str(V2)])
    assert res.exit_code == 0 and "status: none -> dedicated_chapter" in res.output
    res = CliRunner().invoke(main, ["diff", str(V1), str(V2), "--format", "json"])
    data = json.loads(res.output)
    assert data["summary"]["articles_added"] == 3 and data["verdict"]["status_after"] == "dedicated_chapter"
    assert {"closed", "new"} == set(data["findings"])
    out = tmp_path / "d.html"
    res = CliRunner().invoke(main, ["diff", str(V1), str(V2), "--format", "html", "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    assert res.exit_code == 0 and "<ins>tuyến trên Cổng Dịch vụ công quốc gia" in page
    assert "<script" not in page
    # one self-contained page: inline style, nothing fetched, the policy forbids anything else
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert "<link" not in page and " src=" not in page and page.count("<html") == 1


def test_html_escapes_hostile_text(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    text = V1.read_text(encoding="utf-8")
    a.write_text(text, encoding="utf-8")
    b.write_text(text.replace("Nhãn giống", "Nhãn <script>alert(1)</script> giống"), encoding="utf-8")
    res = CliRunner().invoke(main, ["diff", str(a), str(b), "--format", "html"])
    assert res.exit_code == 0 and "<script>" not in res.output and "&lt;script&gt;" in res.output


def test_two_different_laws_get_a_note():
    """Two versions of one draft compare quietly; two different laws are compared all the same,
    with a note on stderr saying they look like different documents."""
    res = CliRunner().invoke(main, ["diff", str(V1), str(V2)])
    assert res.exit_code == 0 and "note:" not in res.stderr
    other = SAMPLES / "05-luat-nghi-le-nha-nuoc.txt"
    res = CliRunner().invoke(main, ["diff", str(V1), str(other)])
    assert res.exit_code == 0 and "look like two different documents" in res.stderr
    assert "Luật Nghi lễ nhà nước" in res.stderr and res.stdout  # the diff is there all the same
