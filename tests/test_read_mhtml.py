"""A web page saved as one file (MHTML: Chrome's and Edge's "Webpage, Single File", Word's "Single
File Web Page") reads as the page itself: the team's own vbpl.vn, thuvienphapluat.vn and Word
web-page drafts (tests/drafts/), wrapped here as those programs wrap them. Before the MHTML
reader, such an archive was read as plain text (quoted-printable soft breaks and "=E1=BB=..."
in place of the Vietnamese) and skipped as "not a legal document"."""

from __future__ import annotations

import base64
import quopri
from pathlib import Path

import pytest

from lawscan.errors import ReadError
from lawscan.read import read_source
from lawscan.read.encoding import encode_legacy

DRAFTS = Path(__file__).parent / "drafts"
PAGES = [
    "vbpl-du-thao-luat-an-toan-thuc-pham-sua-doi-2026.html",  # vbpl.vn, UTF-8
    "tvpl-du-thao-luat-to-chuc-chinh-phu-2026.html",  # thuvienphapluat.vn
    "du-thao-quyet-dinh-quy-che-quan-ly-cho-truyen-thong-2026.htm",  # Word's web page, windows-1258
]
BOUNDARY = "----MultipartBoundary--Qm3kT8vXz1pL0aYc7RwE5nJ2sH4dU6fB9gK----"


def _part(body: bytes, content_type: str, encoding: str, extra: str = "") -> bytes:
    """One MIME part as Chrome writes it (CRLF line ends)."""
    data = quopri.encodestring(body) if encoding == "quoted-printable" else base64.encodebytes(body)
    head = f"Content-Type: {content_type}\r\n{extra}Content-Transfer-Encoding: {encoding}\r\n\r\n"
    return head.encode("ascii") + data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _archive(page: bytes, *, charset: str | None = None, encoding="quoted-printable",
             start: str | None = None, first: bytes | None = None) -> bytes:
    """An MHTML archive of ``page`` with Chrome's headers, a style sheet and an image beside it;
    ``first`` puts another part before the page (then ``start`` names the page's Content-ID)."""
    content_type = "text/html" + (f'; charset="{charset}"' if charset else "")
    start_param = f'\r\n\tstart="<{start}>";' if start else ""
    head = ("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx"
            "?ItemID=1\r\nSubject: =?utf-8?Q?D=E1=BB=B1_th=E1=BA=A3o?=\r\nDate: Mon, 7 Dec 2026 08:00:00 +0700"
            f'\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype="text/html";{start_param}'
            f'\r\n\tboundary="{BOUNDARY}"\r\n\r\n\r\n')
    parts = [_part(page, content_type, encoding, f"Content-ID: <{start or 'frame-1@mhtml.blink'}>\r\n"
                   "Content-Location: https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=1\r\n"),
             _part(b'@charset "utf-8";\nbody { font-family: Arial; }\n', "text/css", "quoted-printable",
                   "Content-Location: cid:css-1@mhtml.blink\r\n"),
             _part(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png", "base64",
                   "Content-Location: https://vbpl.vn/images/logo.png\r\n")]
    if first is not None:
        parts.insert(0, first)
    sep = f"--{BOUNDARY}\r\n".encode()
    return head.encode("ascii") + b"".join(sep + p + b"\r\n" for p in parts) + f"--{BOUNDARY}--\r\n".encode()


def _word_mht(page: bytes, charset: str) -> bytes:
    """``page`` as Word saves a "Single File Web Page" (.mht): its header, its note for browsers
    without Web Archive support, the page quoted-printable, then the filelist part."""
    boundary = "----=_NextPart_01DC6A2B.4F1E3C70"
    head = (f'MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; '
            f'boundary="{boundary}"\r\n\r\nThis document is a Single File Web Page, also known as a Web '
            "Archive file.  If you are seeing this message, your browser or editor doesn't support Web "
            "Archive files.  Please download a browser that supports Web Archive.\r\n\r\n")
    page_part = _part(page, f'text/html; charset="{charset}"', "quoted-printable",
                      "Content-Location: file:///C:/4F1E3C70/du-thao.htm\r\n")
    files = _part(b'<xml xmlns:o="urn:schemas-microsoft-com:office:office">\r\n <o:MainFile HRef="../du-thao.htm"/>'
                  b"\r\n</xml>", 'text/xml; charset="utf-8"', "quoted-printable",
                  "Content-Location: file:///C:/4F1E3C70/du-thao_files/filelist.xml\r\n")
    sep = f"--{boundary}\r\n".encode()
    return (head.encode("ascii") + sep + page_part + b"\r\n" + sep + files + b"\r\n"
            + f"--{boundary}--\r\n".encode())


def _read(path):
    from lawscan.pipeline import load_document

    doc = load_document(path)
    return {"title": doc.title, "counts": doc.counts(),
            "chapters": [(u.num, u.heading) for u in doc.units("chapter")],
            "articles": [(u.num, u.heading) for u in doc.units("article")]}


@pytest.mark.parametrize("name", PAGES)
def test_a_page_saved_by_chrome_reads_as_the_page(tmp_path, name):
    page = DRAFTS / name
    archive = tmp_path / (page.stem + ".mhtml")
    archive.write_bytes(_archive(page.read_bytes()))
    got, want = _read(archive), _read(page)
    assert got == want and want["counts"]["articles"] > 10
    assert read_source(str(archive)).format == "mhtml"


def test_a_page_saved_by_word_reads_as_the_page(tmp_path):
    page = DRAFTS / PAGES[2]
    archive = tmp_path / "du-thao.mht"
    archive.write_bytes(_word_mht(page.read_bytes(), "windows-1258"))
    assert _read(archive) == _read(page)


def test_the_charset_of_the_part_decides_over_a_guess(tmp_path):
    """A page without ``<meta charset>`` whose part declares windows-1258: its bytes are not
    UTF-8, and only the part's header says what they are."""
    text = ("<html><body><p>QUỐC HỘI</p><p>LUẬT</p><p>THỬ NGHIỆM</p><p>Chương I</p>"
            "<p>QUY ĐỊNH CHUNG</p><p>Điều 1. Phạm vi điều chỉnh</p><p>Luật này quy định.</p>"
            "</body></html>")
    archive = tmp_path / "p.mhtml"
    archive.write_bytes(_archive(encode_legacy(text, "cp1258"), charset="windows-1258", encoding="base64"))
    doc = _read(archive)
    assert doc["chapters"] == [("I", "QUY ĐỊNH CHUNG")]
    assert doc["articles"] == [("1", "Phạm vi điều chỉnh")]


def test_the_part_start_names_is_the_page(tmp_path):
    """The root is the part the archive's ``start`` names, not the first part."""
    page = DRAFTS / PAGES[0]
    frame = _part(b"<html><body><p>Qu\xe1\xba\xa3ng c\xc3\xa1o</p></body></html>", "text/html",
                  "quoted-printable", "Content-ID: <frame-ad@mhtml.blink>\r\n")
    archive = tmp_path / "a.mhtml"
    archive.write_bytes(_archive(page.read_bytes(), start="frame-main@mhtml.blink", first=frame))
    assert _read(archive) == _read(page)


@pytest.mark.parametrize("data, reason", [
    (_archive(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64).replace(b"Content-Type: text/html", b"Content-Type: image/png", 1),
     "an MHTML archive whose page is not HTML (image/png)"),
    (_archive(b"   \r\n"), "an MHTML archive whose page is empty"),
    (_archive(b"<p>x</p>").replace(f"--{BOUNDARY}".encode(), b"--elsewhere"),
     "a broken MHTML archive (its parts are not where its header says)"),
])
def test_a_broken_archive_is_refused_by_name(tmp_path, data, reason):
    path = tmp_path / "broken.mhtml"
    path.write_bytes(data)
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == "read.mhtml" and str(err.value) == f"{path}: {reason}"


def test_a_folder_of_archives_is_scanned_and_a_broken_one_named(tmp_path):
    import json

    from click.testing import CliRunner

    from lawscan.cli import main

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.mhtml").write_bytes(_archive((DRAFTS / PAGES[0]).read_bytes()))
    (folder / "bad.mht").write_bytes(_archive(b" \r\n"))
    out = tmp_path / "r.json"
    CliRunner().invoke(main, ["scan", "--no-config", "--no-progress", "--format", "json", "-o", str(out),
                              str(folder)])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [d["path"].rsplit("/", 1)[-1] for d in report["documents"]] == ["good.mhtml"]
    assert report["documents"][0]["status"] == "section_only"
    assert [(e["path"].rsplit("/", 1)[-1], e["code"]) for e in report["errors"]] == [
        ("bad.mht", "read.mhtml")]
