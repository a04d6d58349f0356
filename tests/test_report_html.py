"""HTML report: self-contained, escaped, anchored, deterministic; the overview, charts and details
of a corpus-sized result are all there and in the order a reviewer expects. What the page does in a
real browser (sorting, filtering, opening rows, printing) is in test_report_html_browser.py."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from fixtures.report.corpus import make_corpus
from fixtures.report.sample import make_result
from lawscan.model import ScanResult, SkippedInput
from lawscan.report import render, write_report
from lawscan.drafting.suggest import outline_markdown
from lawscan.report.html import collation_key, safe_href

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture
def base(tmp_path) -> Path:
    return tmp_path / "repo"


@pytest.fixture
def page(base) -> str:
    return render(make_result(base), "html", base_dir=base, generated_at="2026-01-02T03:04:05Z")


@pytest.fixture
def corpus_page(base) -> str:
    return render(make_corpus(base), "html", base_dir=base, generated_at="2026-01-02T03:04:05Z")


def rows(tree) -> list:
    return tree.xpath("//table[@id='laws']/tbody/tr")


def test_self_contained_no_urls(page, corpus_page):
    for text in (page, corpus_page):
        tree = lxml_html.fromstring(text)
        assert tree.get("lang") == "vi"
        assert tree.xpath("//meta[@charset='utf-8']")
        assert not tree.xpath("//link|//img|//iframe|//object|//embed|//script[@src]")
        for attr in ("src", "href", "action", "srcset"):
            for value in tree.xpath(f"//@{attr}"):
                assert value.startswith("#") or not re.match(r"^[a-z][a-z0-9+.-]*:|^//", value), value
        assert "@import" not in text and "url(" not in text
        assert not tree.xpath("//*[@style]")  # the CSP allows no inline style attribute
    # the only URL-looking strings are inside the escaped text of the hostile document
    outside = page.replace("http://evil.example/", "")
    assert "http://" not in outside.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "https://" not in outside


def test_document_text_is_escaped(page):
    tree = lxml_html.fromstring(page)
    scripts = tree.xpath("//script")
    assert len(scripts) == 1 and "PWNED" not in scripts[0].text
    assert not tree.xpath("//*[@onerror]|//*[@onload]|//b[@id='x']")
    assert "<script>document.title" not in page and "&lt;script&gt;document.title" in page
    assert "\x1b" not in page and "\u202e" not in page
    # the javascript: suggestion link of the hostile law was refused, the relative one kept
    hrefs = tree.xpath("//a[@class='suggest']/@href")
    assert hrefs == ["suggestions/cong-chung-chuong-moi.md"]


def test_csp_allows_only_the_inline_blocks(page):
    import base64
    import hashlib

    tree = lxml_html.fromstring(page)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp
    for tag in ("style", "script"):
        body = re.search(rf"<{tag}>(.*?)</{tag}>", page, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def test_anchors_outline_and_coverage(page):
    tree = lxml_html.fromstring(page)
    ids = tree.xpath("//@id")
    assert len(ids) == len(set(ids))
    land = tree.xpath("//details[contains(@class,'law')][.//summary[contains(., 'Luật Đất đai')]]")[0]
    doc_id = land.get("id")
    chapter = land.xpath(f".//*[@id='{doc_id}-chp_XII']")[0]
    assert "digital" in chapter.getparent().get("class", "")
    assert "HỆ THỐNG THÔNG TIN ĐẤT ĐAI" in chapter.text_content()
    assert "digital" in land.xpath(f".//*[@id='{doc_id}-chp_XII__art_165']")[0].getparent().get("class", "")
    assert "digital" not in (land.xpath(f".//*[@id='{doc_id}-chp_I']")[0].getparent().get("class") or "")
    # the articles of Chương I are neither digital nor cited: one line says which they are
    assert "Điều 1–2: 2 điều" in land.xpath(f".//*[@id='{doc_id}-chp_I']")[0].getparent().text_content()
    # every in-page link resolves to an element
    for href in tree.xpath("//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids, href
    # a finding about khoản 2 of Điều 167 links to Điều 167 in the outline
    links = land.xpath(".//article[contains(@class,'finding')]//a/@href")
    assert f"#{doc_id}-chp_XII__art_167" in links and f"#{doc_id}-chp_XII" in links
    present = land.xpath(".//ul[@class='coverage']/li[.//span[contains(@class,'cv-present')]]")
    assert len(present) == 3
    db = [li for li in present if "Cơ sở dữ liệu" in li.text_content()][0]
    assert "được xây dựng thống nhất" in db.text_content()
    absent = land.xpath(".//ul[@class='coverage']/li[.//span[contains(@class,'cv-absent')]]//span[@class='chip']")
    assert len(absent) == 4
    # overview: one row per law; the filter form is hidden until the script runs; charts are drawn
    assert len(rows(tree)) == 4
    assert tree.xpath("//form[@id='filter']/@hidden") == [""]
    assert tree.xpath("//svg[contains(@class,'chart')]//rect")


def test_deterministic_apart_from_timestamp(base):
    a = render(make_corpus(base), "html", base_dir=base, generated_at="2026-01-02T03:04:05Z")
    b = render(make_corpus(base), "html", base_dir=base, generated_at="2026-01-02T03:04:05Z")
    assert a == b
    c = render(make_corpus(base), "html", base_dir=base, generated_at="2027-01-02T03:04:05Z")
    assert c.replace("2027-01-02", "2026-01-02") == a


def test_safe_href():
    assert safe_href("chuong-goi-y.html#dieu-1") == "chuong-goi-y.html#dieu-1"
    for bad in ("javascript:alert(1)", " JaVaScRiPt:x", "data:text/html,x", "https://x.example/",
                "//evil.example/", "a\\b", "a\nb", None, 3, ""):
        assert safe_href(bad) is None


def test_vietnamese_alphabetical_order():
    words = ["Luật Xây dựng", "Luật Đất đai", "Luật Dược", "Luật Ảnh", "Luật An ninh", "Luật Âm nhạc",
             "Luật Bầu cử", "Luật Ăn uống"]
    assert sorted(words, key=collation_key) == ["Luật An ninh", "Luật Ảnh", "Luật Ăn uống", "Luật Âm nhạc",
                                                "Luật Bầu cử", "Luật Dược", "Luật Đất đai", "Luật Xây dựng"]
    numbers = ["Nghị định 101/2012/NĐ-CP", "Nghị định 13/1999/NĐ-CP", "Nghị định 2/2000/NĐ-CP", "Nghị định"]
    assert sorted(numbers, key=collation_key) == ["Nghị định", "Nghị định 2/2000/NĐ-CP", "Nghị định 13/1999/NĐ-CP",
                                                  "Nghị định 101/2012/NĐ-CP"]


def test_default_order_laws_first_most_work_first(base, corpus_page):
    """Laws (and codes, amending laws) come first, then decrees and circulars, documents of unknown
    kind, foreign acts last; within each, no provisions before scattered articles before a section
    before a chapter before a digital law; then the title."""
    tree = lxml_html.fromstring(corpus_page)
    group = {"law": 0, "amending_law": 0, "decree": 1, "circular": 1, "unknown": 3, "foreign": 4}
    rank = {"none": 0, "articles_only": 1, "section_only": 2, "dedicated_chapter": 3, "digital_law": 4}
    keys = [(group[r.get("data-kind")], rank[r.get("data-status")]) for r in rows(tree)]
    assert keys == sorted(keys)
    assert rows(tree)[-1].get("data-kind") == "foreign" and rows(tree)[0].get("data-kind") in ("law", "amending_law")
    # details come in the same order as the rows, once each
    details = tree.xpath("//section[@id='details']/details[contains(@class,'law')]/@id")
    assert details == [r.get("data-doc") for r in rows(tree)]


def test_rows_carry_kind_year_sector_findings_confidence_review(base, corpus_page):
    result = make_corpus(base)
    tree = lxml_html.fromstring(corpus_page)
    by_path = {dr.document.path.rsplit("/", 1)[-1]: dr.document.meta["expect"] for dr in result.documents}
    assert len(rows(tree)) == len(result.documents)
    for row in rows(tree):
        name = row.xpath(".//span[@class='path']")[0].text_content().rsplit("/", 1)[-1]
        want = by_path[name]
        assert row.get("data-status") == want["status"] and row.get("data-kind") == want["kind"]
        assert row.get("data-sector") == want["sector"] and row.get("data-year") == str(want["year"] or "")
        assert (row.get("data-e"), row.get("data-w"), row.get("data-i")) == tuple(
            str(want[k]) for k in ("errors", "warnings", "infos"))
        assert float(row.get("data-conf")) == want["confidence"]
        assert row.get("data-review") == ("1" if want["review"] else "0")
        assert ("review" in (row.get("class") or "")) == want["review"]
        cells = [c.text_content() for c in row.xpath("./td")]
        assert f"{round(100 * want['confidence'])}%" in cells[-1]
        if want["review"]:
            assert "needs review" in cells[-1]
    # the sector and kind are shown in Vietnamese with the English beside it
    land = [r for r in rows(tree) if r.get("data-sector") == "land"][0]
    assert "Đất đai" in land.xpath("./td")[4].text_content() and "land" in land.xpath("./td")[4].text_content()


def test_reasons_one_per_line_vietnamese_first(corpus_page):
    tree = lxml_html.fromstring(corpus_page)
    law = tree.xpath("//details[contains(@class,'law')]")[0]
    items = law.xpath(".//ul[@class='reasons']/li")
    assert len(items) == 2
    for li in items:
        vi, en = li.xpath("./span")
        assert vi.get("class") == "vi" and en.get("class") == "en"
    assert items[0].xpath("./span")[0].text_content().startswith("Chương II của văn bản")
    assert items[1].xpath("./span")[1].text_content() == "A second reason, in English."
    # the verdict's confidence and how it was decided are in the details too
    assert "Độ tin cậy" in law.text_content() and "quy tắc" in law.text_content()


def test_summary_counts_and_charts(base, corpus_page):
    result = make_corpus(base)
    tree = lxml_html.fromstring(corpus_page)
    docs = result.documents
    cards = {c.xpath("./b")[0].text_content(): c.text_content() for c in tree.xpath("//div[@class='cards']/*")}
    assert any("Cần xem lại" in t for n, t in cards.items() if n == str(sum(d.digital.review for d in docs)))
    # status chart: one bar per status, with its count
    bars = tree.xpath("//figure[@id='chart-status']//a[@data-f-status]")
    counts = {a.get("data-f-status"): int(a.xpath(".//text()[contains(., '·')]")[0].split("·")[0]) for a in bars}
    assert counts == {s: sum(d.digital.status == s for d in docs) for s in counts}
    assert sum(counts.values()) == len(docs)
    # year chart: the columns add up to every document; sector chart: every sector with documents
    totals = [int(t) for t in tree.xpath("//figure[@id='chart-years']//text[@class='val']/text()")]
    assert sum(totals) == len(docs)
    sectors = set(tree.xpath("//figure[@id='chart-sectors']//a[@data-f-sector and not(@data-f-status)]/@data-f-sector"))
    assert sectors == {d.document.sector for d in docs}
    # rubric chart: present / assessed per element
    rubric = tree.xpath("//figure[@id='chart-rubric']//text[@class='val']/text()")
    present = sum(c.state == "present" for d in docs for c in d.digital.coverage if c.element == "principles")
    assert rubric[0].startswith(f"{present}/{len(docs)}")


def test_skipped_files_one_line_each_folded_when_many(base):
    result = make_corpus(base, n=6, skipped=14)
    tree = lxml_html.fromstring(render(result, "html", base_dir=base))
    box = tree.xpath("//details[@id='skipped']")[0]
    assert box.get("open") is None  # 14 files: folded
    items = box.xpath(".//li")
    assert len(items) == 14
    assert items[0].text_content().startswith("notes/ghi-chu-00.md — không có cấu trúc")
    assert "/ no legal structure and no legal header" in items[0].text_content()
    few = make_corpus(base, n=6, skipped=2)
    tree = lxml_html.fromstring(render(few, "html", base_dir=base))
    assert tree.xpath("//details[@id='skipped'][@open]")
    assert len(tree.xpath("//details[@id='skipped']//li")) == 2
    # skipped files are named in the summary, never given a row or a verdict
    assert len(rows(tree)) == 6
    none = render(ScanResult(skipped=[SkippedInput(str(base / "MANIFEST.tsv"), "không phải văn bản", "not a law")]),
                  "html", base_dir=base)
    tree = lxml_html.fromstring(none)
    assert len(rows(tree)) == 0 and "MANIFEST.tsv — không phải văn bản" in tree.xpath("//details[@id='skipped']")[0].text_content()


def test_untitled_records_are_named_by_kind_and_number(base):
    result = make_corpus(base, n=8)
    dr = result.documents[0]
    dr.document.title, dr.document.number = "", "13/2003/QH11"
    tree = lxml_html.fromstring(render(result, "html", base_dir=base))
    titles = [a.text_content() for a in tree.xpath("//a[@class='open']")]
    assert "Luật 13/2003/QH11" in titles


def test_suggestion_outline_keeps_headings_drops_clauses():
    md = ("### Đề xuất chương về môi trường số: Luật X\n\n- **Vị trí:** Chèn chương mới trước Chương V\n\n"
          "#### Chương V. CHUYỂN ĐỔI SỐ\n\n##### Điều 17. Nguyên tắc\n\n1. Hoạt động được thực hiện …\n"
          "2. Nhà nước ưu tiên …\n\n_[…] là chỗ cần điền._\n\n#### Đánh số lại\n\n| cũ | mới |\n|---|---|\n"
          "| Chương V | Chương VI |\n")
    out = outline_markdown(md)
    assert "##### Điều 17. Nguyên tắc" in out and "| Chương V | Chương VI |" in out and "Vị trí" in out
    assert "Hoạt động được thực hiện" not in out and "chỗ cần điền" not in out


def test_size_grows_with_the_laws_not_with_their_text(base):
    """Every law adds one row and one details block: the page of 48 laws is not 48 times the page
    of one, and each law's outline lists its chapters, not every article."""
    one = render(make_corpus(base, n=1), "html", base_dir=base)
    many = render(make_corpus(base, n=48), "html", base_dir=base)
    frame = len(one)
    per_law = (len(many) - frame) / 47
    assert per_law < 12_000
    tree = lxml_html.fromstring(many)
    assert len(tree.xpath("//details[contains(@class,'law')]")) == 48
    assert not tree.xpath("//details[contains(@class,'law')][@open]")  # closed: laid out on demand


def chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
           *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
def test_browser_runs_no_injected_code(base, tmp_path):
    path = write_report(make_result(base), "html", tmp_path / "out" / "report.html", base_dir=base)
    proc = chromium("--virtual-time-budget=3000", "--dump-dom", path.as_uri(), tmp=tmp_path)
    dom = proc.stdout
    assert "<html" in dom, proc.stderr[-2000:]
    tree = lxml_html.fromstring(dom)
    # the hostile scripts would have changed the title or marked the body
    assert tree.findtext(".//title") == "Báo cáo lawscan — quy định về môi trường số"
    assert tree.find(".//body").get("data-pwned") is None
    assert "PWNED" not in (tree.findtext(".//title") or "")
    assert not tree.xpath("//img|//b[@id='x']|//*[@onerror]")
    assert len(tree.xpath("//script")) == 1
    # our own script did run: the filter is shown, the rows can be opened
    assert tree.xpath("//form[@id='filter']/@hidden") == []
    assert tree.xpath("//html[contains(@class,'js')]")
    assert len(tree.xpath("//a[@class='open'][@aria-expanded='false']")) == 4
    text = tree.text_content()
    for phrase in ("Luật Đất đai", "Có chương riêng", "Dự thảo Luật Công chứng (sửa đổi)",
                   "Hệ thống thông tin chuyên ngành", "Chưa quy định cơ sở dữ liệu công chứng"):
        assert phrase in text
    assert "<script>document.title='PWNED'" in text  # shown as text, not run
