"""lawscan suggest: the proposed digital chapter fits the law (sector, numbering, insertion before
the final provisions), covers exactly the missing rubric elements, renumbers what follows and
lists the cross-references that renumbering shifts; no proposal where none is needed."""

from __future__ import annotations

import re
import tomllib
import unicodedata

import pytest
from click.testing import CliRunner

from conftest import FIXTURES, REPO, SAMPLES
from lawscan.analyse import analyse
from lawscan.cli import main
from lawscan.drafting.suggest import DATA, render_text, suggest
from lawscan.pipeline import load_document

PAWN = SAMPLES / "06-du-thao-luat-kinh-doanh-dich-vu-cam-do-nfd.txt"
VET = SAMPLES / "02-du-thao-luat-thu-y-vbpl.html"


def test_model_wording_has_one_entry_per_rubric_element_in_nfc():
    rubric = tomllib.loads((REPO / "rules" / "data" / "rubric.toml").read_text(encoding="utf-8"))
    text = DATA.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", text) == text
    data = tomllib.loads(text)
    assert sorted(a["element"] for a in data["article"]) == sorted(e["id"] for e in rubric["element"])
    for a in data["article"]:
        assert 1 <= len(a["clauses"]) <= 3 and a["title"]


def test_new_chapter_for_a_law_without_one():
    doc = load_document(PAWN)
    verdict = analyse(doc)
    s = suggest(doc, verdict)
    missing = [c.element for c in verdict.coverage if c.state == "absent"]
    assert s.mode == "new_chapter" and missing
    assert [a.element for a in s.articles] == missing
    assert s.sector == "kinh doanh dịch vụ cầm đồ"
    final = doc.units("chapter")[-1]
    assert s.chapter_num == final.num == "V" and s.anchor_eid == final.eid
    assert s.chapter_title == "CHUYỂN ĐỔI SỐ TRONG HOẠT ĐỘNG KINH DOANH DỊCH VỤ CẦM ĐỒ"
    last_before = max(int(a.num) for a in doc.units("article") if not a.eid.startswith(final.eid + "__"))
    assert [a.num for a in s.articles] == [str(last_before + 1 + i) for i in range(len(missing))]
    moved = [a for a in doc.units("article") if a.eid.startswith(final.eid + "__")]
    assert s.renumbering[0] == ("Chương V", "Chương VI")
    assert s.renumbering[1:] == [(f"Điều {a.num}", f"Điều {int(a.num) + len(missing)}") for a in moved]
    for a in s.articles:
        assert "kinh doanh dịch vụ cầm đồ" in a.title + " ".join(a.clauses) or a.element == "violations_online"
        assert "{" not in a.title + " ".join(a.clauses)


def test_missing_articles_are_added_to_an_incomplete_chapter():
    s = suggest(load_document(VET))
    assert s.mode == "add_to_chapter" and s.chapter_num is None
    assert s.sector == "thú y" and s.anchor_eid == "chp_V__art_16"
    elements = [a.element for a in s.articles]
    assert {"online_public_services", "security_personal_data", "funding"} <= set(elements)
    assert "database" not in elements and "information_system" not in elements
    assert s.articles[0].num == "17" and ("Điều 17", f"Điều {17 + len(elements)}") in s.renumbering


def test_articles_without_chapters_go_before_the_final_provisions():
    # a law not divided into chapters: the new articles follow the last article before
    # "Hiệu lực thi hành", which is renumbered with the article after it
    doc = load_document(FIXTURES / "drafting" / "luat-khong-chuong.txt")
    s = suggest(doc)
    assert s.mode == "new_chapter" and s.chapter_num is None and s.chapter_title == ""
    assert s.anchor_eid == "art_4" and "không chia chương" in s.placement and "Điều 4" in s.placement
    assert [a.num for a in s.articles] == [str(5 + i) for i in range(len(s.articles))]
    end = 5 + len(s.articles)
    assert s.renumbering == [("Điều 5", f"Điều {end}"), ("Điều 6", f"Điều {end + 1}")]
    assert {r.eid for r in s.shifted_refs} == {"art_4"}
    assert all(r.new_text == f"Điều 3 và Điều {end} của Luật này" for r in s.shifted_refs)
    assert "Chương" not in render_text(s)


@pytest.mark.parametrize("name, mode", [("05-luat-nghi-le-nha-nuoc.txt", "not_applicable"),
                                        ("08-du-thao-luat-dich-vu-dien-toan-dam-may.md", "digital_law"),
                                        ("07-du-thao-luat-sua-doi-luat-ban-dau-gia-tai-san-cong.txt",
                                         "amending_law"),
                                        ("01-du-thao-luat-duong-thuy-noi-dia.docx", "complete")])
def test_no_proposal_where_none_is_needed(name, mode):
    s = suggest(load_document(SAMPLES / name))
    assert s.mode == mode and not s.articles and not s.renumbering and s.message
    assert s.message in render_text(s) and "Điều " not in render_text(s)


def test_shifted_references_on_a_real_law(corpus_dir):
    doc = load_document(corpus_dir / "docx" / "vbpl-luat-27-2023-qh15.docx")
    s = suggest(doc)
    assert s.mode == "new_chapter" and s.shifted_refs
    mapping = {old.split()[-1]: new.split()[-1] for old, new in s.renumbering if old.startswith("Điều")}
    for r in s.shifted_refs:
        assert doc.find(r.eid) is not None and r.text != r.new_text
        old_nums = re.findall(r"Điều (\d+)", r.text)
        assert re.findall(r"Điều (\d+)", r.new_text) == [mapping.get(n, n) for n in old_nums]
        target_article = re.search(r"art_(\d+)", r.target).group(1)
        assert target_article in mapping


def test_cli_markdown_docx_and_text(tmp_path):
    res = CliRunner().invoke(main, ["suggest", str(PAWN)])
    assert res.exit_code == 0
    assert "## Chương V. CHUYỂN ĐỔI SỐ TRONG HOẠT ĐỘNG KINH DOANH DỊCH VỤ CẦM ĐỒ" in res.output
    assert "### Điều 17." in res.output and "| Chương V | Chương VI |" in res.output
    out = tmp_path / "chuong-moi.docx"
    assert CliRunner().invoke(main, ["suggest", str(PAWN), "-o", str(out)]).exit_code == 0
    import docx

    d = docx.Document(str(out))
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading")]
    assert any(h.startswith("Chương V\nCHUYỂN ĐỔI SỐ") for h in headings)
    assert sum(h.startswith("Điều ") for h in headings) == len(suggest(load_document(PAWN)).articles)
    assert any(p.text.startswith("1. ") and "[" in p.text for p in d.paragraphs)
    txt = tmp_path / "c.txt"
    assert CliRunner().invoke(main, ["suggest", str(VET), "-o", str(txt)]).exit_code == 0
    assert "Điều 17. Nguyên tắc chuyển đổi số trong hoạt động thú y" in txt.read_text(encoding="utf-8")
    pdf = tmp_path / "c.pdf"  # Markdown under a PDF's name would be a broken PDF: refused, nothing written
    res = CliRunner().invoke(main, ["suggest", str(VET), "-o", str(pdf)])
    assert res.exit_code == 2 and ".docx" in res.output and not pdf.exists()


def test_html_report_embeds_the_outline_and_links_the_no_chapter_finding(tmp_path):
    out = tmp_path / "r.html"
    CliRunner().invoke(main, ["scan", str(PAWN), str(SAMPLES / "05-luat-nghi-le-nha-nuoc.txt"),
                              "--no-config", "--format", "html", "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    ids = re.findall(r'<details class="suggestion-outline" id="([^"]+)"', page)
    assert len(ids) == 1  # the pawn-shop law only: the ceremonies law needs no chapter
    assert page.count(f'href="#{ids[0]}"') == 2  # the document's link and the LS101 finding's
    block = page.split(f'id="{ids[0]}"')[1].split("</details>")[0]
    assert "CHUYỂN ĐỔI SỐ TRONG HOẠT ĐỘNG KINH DOANH DỊCH VỤ CẦM ĐỒ" in block


def test_a_decree_is_not_asked_for_a_chapter():
    """A decree details a law: it is not asked for a digital chapter of its own (docs/kinds.md;
    LS101 only notes it). suggest proposes none and says why, calling it a decree, not a law.
    (It used to propose "Chương IV" for a decree, "at the end of the Luật".) The kinds it leaves
    out are those LS101 does not ask (off or only a note)."""
    from lawscan.engine.kinds import table
    from lawscan.engine import load_rules

    decree = load_document(FIXTURES / "graph" / "nghi-dinh-dan-chieu.txt")
    assert decree.doc_kind == "decree"
    s = suggest(decree)
    assert s.mode == "not_asked" and not s.articles and s.kind == "Nghị định"
    assert s.message.startswith("Nghị định không phải có chương riêng")
    assert render_text(s).count("Luật") == 0
    ls101 = next(r for r in load_rules() if r.id == "LS101")
    not_asked = tomllib.loads(DATA.read_text(encoding="utf-8"))["chapter"]["not_asked_kinds"]
    quiet = {k for k, v in table(ls101).items() if v in ("off", "info") and k != "amending_law"}
    assert set(not_asked) == quiet | {"foreign"}
