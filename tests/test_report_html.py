"""HTML report: self-contained, escaped, anchored; and in a real headless Chromium, hostile text
does not run and the Vietnamese text is there."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from fixtures.report.sample import make_result
from lawscan.report import render, write_report
from lawscan.report.html import safe_href

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


@pytest.fixture
def base(tmp_path) -> Path:
    return tmp_path / "repo"


@pytest.fixture
def page(base) -> str:
    return render(make_result(base), "html", base_dir=base, generated_at="2026-01-02T03:04:05Z")


def test_self_contained_no_urls(page):
    tree = lxml_html.fromstring(page)
    assert tree.get("lang") == "vi"
    assert tree.xpath("//meta[@charset='utf-8']")
    assert not tree.xpath("//link|//img|//iframe|//object|//embed|//script[@src]")
    for attr in ("src", "href", "action", "srcset"):
        for value in tree.xpath(f"//@{attr}"):
            assert value.startswith("#") or not re.match(r"^[a-z][a-z0-9+.-]*:|^//", value), value
    # the only URL-looking strings are inside the escaped text of the hostile document
    outside = page.replace("http://evil.example/", "")
    assert "http://" not in outside and "https://" not in outside
    assert "@import" not in page and "url(" not in page


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
    land = tree.xpath("//section[@class='law'][.//h2[contains(., 'Luật Đất đai')]]")[0]
    doc_id = land.get("id")
    chapter = land.xpath(f".//*[@id='{doc_id}-chp_XII']")[0]
    assert "digital" in chapter.get("class")
    assert "HỆ THỐNG THÔNG TIN ĐẤT ĐAI" in chapter.text_content()
    assert "digital" in land.xpath(f".//*[@id='{doc_id}-chp_XII__art_165']")[0].get("class")
    assert "digital" not in land.xpath(f".//*[@id='{doc_id}-chp_I']")[0].get("class")
    # every in-page link resolves to an element
    for href in tree.xpath("//a/@href"):
        if href.startswith("#"):
            assert href[1:] in ids, href
    # a finding about khoản 2 of Điều 167 links to Điều 167 in the outline
    links = land.xpath(".//article[contains(@class,'finding')]//a/@href")
    assert f"#{doc_id}-chp_XII__art_167" in links and f"#{doc_id}-chp_XII" in links
    rows = land.xpath(".//table[@class='coverage']//tbody/tr")
    assert len(rows) == 7
    db = [r for r in rows if "Cơ sở dữ liệu" in r.text_content()][0]
    assert "Có" in db.text_content() and "được xây dựng thống nhất" in db.text_content()
    # overview: one row per law, with status and counts; the filter is hidden until JS runs
    assert len(tree.xpath("//table[@id='laws']/tbody/tr")) == 4
    assert tree.xpath("//form[@id='filter']/@hidden") == [""]
    assert tree.xpath("//svg[@class='chart']//rect")


def test_deterministic_apart_from_timestamp(base):
    a = render(make_result(base), "html", base_dir=base, generated_at="2026-01-02T03:04:05Z")
    b = render(make_result(base), "html", base_dir=base, generated_at="2026-01-02T03:04:05Z")
    assert a == b


def test_safe_href():
    assert safe_href("chuong-goi-y.html#dieu-1") == "chuong-goi-y.html#dieu-1"
    for bad in ("javascript:alert(1)", " JaVaScRiPt:x", "data:text/html,x", "https://x.example/",
                "//evil.example/", "a\\b", "a\nb", None, 3, ""):
        assert safe_href(bad) is None


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
    # our own script did run: the filter is shown
    assert tree.xpath("//form[@id='filter']/@hidden") == []
    text = tree.text_content()
    for phrase in ("Luật Đất đai", "Có chương riêng về môi trường số", "Dự thảo Luật Công chứng (sửa đổi)",
                   "Hệ thống thông tin chuyên ngành", "Chưa quy định cơ sở dữ liệu công chứng"):
        assert phrase in text
    assert "<script>document.title='PWNED'" in text  # shown as text, not run


@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="chromium not installed")
def test_browser_screenshot_and_print(base, tmp_path):
    path = write_report(make_result(base), "html", tmp_path / "report.html", base_dir=base)
    shot = tmp_path / "report.png"
    proc = chromium("--window-size=1200,2000", f"--screenshot={shot}", path.as_uri(), tmp=tmp_path)
    assert shot.is_file() and shot.stat().st_size > 10_000, proc.stderr[-2000:]
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pdf = tmp_path / "report.pdf"
    proc = chromium(f"--print-to-pdf={pdf}", "--no-pdf-header-footer", path.as_uri(), tmp=tmp_path)
    assert pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", proc.stderr[-2000:]
    # page breaks between laws: at least one page per law plus the overview
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    assert pages >= 5
