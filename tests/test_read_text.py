"""Plain text and Markdown reader, format recognition, refusals and limits."""

from __future__ import annotations

import os
import stat

import pytest

from lawscan.errors import ReadError
from lawscan.normalise import normalise
from lawscan.read import read_source


def _read(tmp_path, name, content, **kw):
    path = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return normalise(read_source(str(path), **kw))


def test_plain_text_keeps_line_numbers_and_raw(tmp_path):
    src = _read(tmp_path, "luat.txt", "QUỐC HỘI\r\n\r\nChương I\r\nNHỮNG QUY ĐỊNH CHUNG\r\nĐiều 1.\tPhạm  vi\r\n")
    assert src.format == "txt"
    assert [(ln.lineno, ln.text) for ln in src.lines] == [
        (1, "QUỐC HỘI"), (3, "Chương I"), (4, "NHỮNG QUY ĐỊNH CHUNG"), (5, "Điều 1. Phạm vi")]
    assert src.lines[3].raw == "Điều 1.\tPhạm  vi"


def test_markdown_marks_are_stripped(tmp_path):
    md = ("# LUẬT TRÍ TUỆ NHÂN TẠO\n\n## Chương I - QUY ĐỊNH CHUNG\n\n### Mục 1. **CHUNG**\n\n"
          "#### Điều 1. Phạm vi điều chỉnh\n\n1\\. Luật này *quy định* về [dữ liệu](http://x.vn).\n"
          "| a | b |\n|---|---|\n## Chương VI - ĐIỀU KHOẢN THI HÀNH HYPERLINK \\l \"\\_ftn12\" [12]\n")
    src = _read(tmp_path, "luat.md", md)
    assert src.format == "md"
    texts = [ln.text for ln in src.lines]
    assert texts == ["LUẬT TRÍ TUỆ NHÂN TẠO", "Chương I - QUY ĐỊNH CHUNG", "Mục 1. CHUNG",
                     "Điều 1. Phạm vi điều chỉnh", "1. Luật này quy định về dữ liệu.", "a | b",
                     "Chương VI - ĐIỀU KHOẢN THI HÀNH"]
    assert src.lines[1].raw == "## Chương I - QUY ĐỊNH CHUNG" and src.lines[1].lineno == 3
    assert any(p.code == "read.field_code" for p in src.problems)


def test_markdown_recognised_without_extension(tmp_path):
    src = _read(tmp_path, "luat", "## Chương I\n#### Điều 1. A\n#### Điều 2. B\n#### Điều 3. C\n")
    assert src.format == "md" and src.lines[1].text == "Điều 1. A"


@pytest.mark.parametrize("name", ["luat.md", "luat.txt", "luat"])
def test_markdown_under_an_html_comment_is_markdown(tmp_path, name):
    """A comment on the first line does not make a text file HTML (it was read as XML and gave
    no article); in Markdown the comments are not shown, so a commented-out article is not
    read either."""
    md = ("<!-- bản nháp, không sửa -->\n# LUẬT THỬ\n\n## Chương I\n\nQUY ĐỊNH CHUNG\n\n"
          "#### Điều 1. Phạm vi điều chỉnh\n\n<!--\n#### Điều 2. Bỏ\n-->\n"
          "#### Điều 2. Đối tượng áp dụng\n\n#### Điều 3. Giải thích từ ngữ\n")
    src = _read(tmp_path, name, md)
    assert src.format == "md"
    texts = [(ln.lineno, ln.text) for ln in src.lines]
    assert (8, "Điều 1. Phạm vi điều chỉnh") in texts and (13, "Điều 2. Đối tượng áp dụng") in texts
    assert not any("Bỏ" in t for _, t in texts)


@pytest.mark.parametrize("head,fmt", [
    ("<!-- x -->\n<html><body><p>Điều 1. A</p></body></html>", "html"),
    ("<!-- x -->\n<?xml version='1.0'?><root/>", "xml"),
    ("<!-- x --><!-- y -->\nĐiều 1. A\n", "txt"),
])
def test_comment_then_markup_is_still_markup(head, fmt):
    from lawscan.read.detect import sniff_text

    assert sniff_text(head, ".txt") == fmt


def test_text_that_starts_with_a_bracket_is_not_json(tmp_path):
    src = _read(tmp_path, "du-thao.txt", "[Dự thảo 2]\nĐiều 1. Phạm vi\n")
    assert src.format == "txt" and src.lines[0].text == "[Dự thảo 2]"


@pytest.mark.parametrize("content,code", [
    (b"", "read.empty"),
    (b"  \n\t\n", "read.empty"),
    (b"\x00\x01\x02binary\x00\x00data" * 50, "read.binary"),
    (b"%PDF-1.7\n%\xe2\xe3", "read.pdf_broken"),  # a PDF header and nothing after it
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "read.binary"),  # OLE, no WordDocument
    (b"\x89PNG\r\n\x1a\n" + b"\x00" * 20, "read.binary"),
], ids=["empty", "whitespace", "binary", "pdf-header-only", "ole-without-word", "png"])
def test_refused_inputs(tmp_path, content, code):
    path = tmp_path / "luat.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == code
    assert "\n" not in str(err.value) and str(err.value).startswith(str(path))


def test_ole_file_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "luat.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    with pytest.raises(ReadError, match="old Office file that is not a Word document"):
        read_source(str(path))


def test_encrypted_office_file_refused(tmp_path):
    path = tmp_path / "du-thao.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100
                     + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100)
    with pytest.raises(ReadError, match="encrypted") as err:
        read_source(str(path))
    assert err.value.code == "read.encrypted"


def test_zip_that_is_not_docx(tmp_path):
    import zipfile

    path = tmp_path / "luat.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("a.txt", "Điều 1")
    with pytest.raises(ReadError, match="not a Word .docx"):
        read_source(str(path))


def test_size_limit(tmp_path):
    path = tmp_path / "luat.txt"
    path.write_text("Điều 1. Phạm vi\n" * 100, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_source(str(path), limits={"max_bytes": 500})
    assert err.value.code == "read.too_large" and "500" in err.value.reason
    assert len(read_source(str(path)).lines) == 100  # default limit is far above


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(ReadError) as err:
        read_source(str(tmp_path / "none.txt"))
    assert err.value.code == "input.missing"
    with pytest.raises(ReadError):
        read_source(str(tmp_path))


def test_input_file_is_never_modified(tmp_path):
    path = tmp_path / "luat.txt"
    path.write_bytes("Ðiều 1.\u00a0Phạm vi\r\n".encode("utf-8"))
    os.chmod(path, stat.S_IRUSR)
    before = (path.read_bytes(), os.stat(path).st_mtime_ns)
    src = normalise(read_source(str(path)))
    assert src.lines[0].text == "Điều 1. Phạm vi"
    assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before


def test_markdown_details_blocks_are_drafting_notes_left_out(tmp_path):
    """A Notion or Obsidian export keeps drafting notes and a rejected option in collapsed
    <details> toggles: not the law's text (their bold "Điều 39." is no article); line numbers of
    what follows stay the file's."""
    from lawscan.pipeline import load_document

    path = tmp_path / "du-thao.md"
    path.write_text("# Chương I. QUY ĐỊNH CHUNG\n### Điều 1. Phạm vi điều chỉnh\nLuật này quy định về hiến máu.\n"
                    "<details><summary>Phương án 2 - KHÔNG lựa chọn</summary>\n\n"
                    "**Chương II. HIẾN MÁU TRÊN MÔI TRƯỜNG SỐ**\n\n**Điều 39. Hiến máu trực tuyến**\n"
                    "Nội dung.\n</details>\n\n### Điều 2. Hiệu lực thi hành\nLuật này có hiệu lực.\n",
                    encoding="utf-8")
    doc = load_document(path)
    assert [(u.kind, u.num) for u in doc.units() if u.kind in ("chapter", "article")] == [
        ("chapter", "I"), ("article", "1"), ("article", "2")]
    assert doc.units("article")[1].line == 12
    assert [p.message for p in doc.problems if p.code == "read.md.details_skipped"] == [
        "1 collapsed <details> block(s) (drafting notes) were left out of the text, from line 4"]


def test_a_pandoc_hard_line_break_is_not_part_of_the_text(tmp_path):
    """pandoc writes a line break inside a paragraph as a backslash ending the line (CommonMark's
    hard line break): a chapter title broken so is one title without the backslash; an escaped
    backslash ("\\\\") at a line's end is a backslash."""
    from lawscan.pipeline import load_document

    md = ("**Chương IV**\n\n**TỔNG HỢP, CHIA SẺ VÀ CÔNG BỐ\\\nSỐ LIỆU BÁO CÁO**\n\n"
          "**Điều 17. Tổng hợp số liệu**\n\n1\\. Đường dẫn C:\\\\\n")
    path = tmp_path / "thong-tu.md"
    path.write_text(md, encoding="utf-8")
    doc = load_document(path)
    (chapter,) = doc.units("chapter")
    assert chapter.heading == "TỔNG HỢP, CHIA SẺ VÀ CÔNG BỐ SỐ LIỆU BÁO CÁO"
    assert [ln.text for ln in doc.lines][-1] == "1. Đường dẫn C:\\"


def test_pandoc_attributes_divs_and_note_marks_are_not_text(tmp_path):
    """pandoc's Markdown: a heading's attributes ("{#chuong-i .unnumbered}", "{-}"), a div's
    fences ("::: {.center}", ":::"), a span's attributes and a footnote's mark."""
    md = ("**DỰ THẢO**[^1]\n\n::: {.center}\n**THÔNG TƯ**\n:::\n\n## Chương I {#chuong-i .unnumbered}\n\n"
          "**QUY ĐỊNH CHUNG**\n\n### Điều 1. Phạm vi điều chỉnh {#dieu-1}\n\nThông tư này quy định "
          "[việc niêm yết]{.mark} công khai.\n\n## Chương II {-}\n\n### Điều 2. Hiệu lực {#dieu-2 .x}\n\n"
          "[^1]: Dự thảo ngày 10/3/2026.\n")
    src = _read(tmp_path, "thong-tu.md", md)
    assert [ln.text for ln in src.lines] == [
        "DỰ THẢO", "THÔNG TƯ", "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh",
        "Thông tư này quy định việc niêm yết công khai.", "Chương II", "Điều 2. Hiệu lực",
        "[^1]: Dự thảo ngày 10/3/2026."]
