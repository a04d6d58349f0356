"""Text hard-wrapped at a column (a plain-text export, pandoc's Markdown at 72 columns): the lines
the wrapping split are joined back (lawscan/read/wrap.py), so a law wrapped reads as the same law
unwrapped: the same title, structure, headings and verdict.

The wrapped copies are made here from real texts (the sample drafts; the corpus's laws when
../shared is there) with Python's ``textwrap``, the greedy fill pandoc and text exporters use."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import SAMPLES, corpus_files
from lawscan.analyse import analyse
from lawscan.normalise import normalise
from lawscan.pipeline import load_document
from lawscan.read import read_source
from lawscan.read.wrap import join_wrapped, wrap_width

# (width, a blank line between paragraphs, suffix): pandoc's Markdown, two plain-text exports
STYLES = [(72, True, ".md"), (80, False, ".txt"), (66, False, ".txt")]
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.name[:2].isdigit())


def _summary(path: Path) -> dict:
    doc = load_document(path)
    return {"title": doc.title, "kind": doc.doc_kind, "counts": doc.counts(),
            "headings": [(u.eid, u.heading) for kind in ("part", "chapter", "section", "article")
                         for u in doc.units(kind)],
            "status": analyse(doc).status}


def _flat_and_wrapped(source: Path, tmp_path: Path, width: int, blank: bool, suffix: str):
    """The text of ``source`` as one line per paragraph, and wrapped at ``width``."""
    paragraphs = [line.text for line in normalise(read_source(str(source))).lines]
    flat = tmp_path / "flat.txt"
    flat.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    lines = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
        lines += [""] if blank else []
    wrapped = tmp_path / f"wrapped{suffix}"
    wrapped.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return flat, wrapped


@pytest.mark.parametrize("width,blank,suffix", STYLES)
@pytest.mark.parametrize("source", SAMPLE_FILES, ids=lambda p: p.name)
def test_a_sample_wrapped_reads_as_unwrapped(source, width, blank, suffix, tmp_path):
    flat, wrapped = _flat_and_wrapped(source, tmp_path, width, blank, suffix)
    assert width - 10 < wrap_width(wrapped.read_text(encoding="utf-8").split("\n")) <= width
    assert _summary(wrapped) == _summary(flat)


def test_corpus_laws_wrapped_read_as_unwrapped(corpus_dir, tmp_path):
    """A third of the corpus's laws, each wrapped in one of the three styles: the same title,
    counts and verdict every time, and all but a few headings the same (a heading of three
    lines or more that goes on in capitals, "… Việt" / "Nam ở nước ngoài …", may be cut)."""
    wrong, headings, same = [], 0, 0
    for k, source in enumerate(corpus_files()[::3]):
        work = tmp_path / str(k)
        work.mkdir()
        width, blank, suffix = STYLES[k % len(STYLES)]
        flat, wrapped = _flat_and_wrapped(source, work, width, blank, suffix)
        got, want = _summary(wrapped), _summary(flat)
        if [got[x] for x in ("title", "kind", "counts", "status")] != \
                [want[x] for x in ("title", "kind", "counts", "status")]:
            wrong.append(source.name)
        headings += len(want["headings"])
        same += len(set(got["headings"]) & set(want["headings"]))
    assert not wrong
    assert same >= 0.99 * headings


def test_texts_not_wrapped_are_read_line_by_line():
    for source in SAMPLE_FILES:
        if source.suffix in (".txt", ".md"):
            assert wrap_width(source.read_text(encoding="utf-8").split("\n")) is None, source.name


def _read(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_source(str(path))


def _wrap(paragraphs, width=72, blank=True, prefix=""):
    lines = []
    for paragraph in paragraphs:
        lines += textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False,
                               initial_indent=prefix, subsequent_indent=prefix)
        lines += [prefix.rstrip()] if blank else []
    return "\n".join(lines) + "\n"


KHOAN = ("{n}\\. Cơ quan đại diện thực hiện nhiệm vụ, quyền hạn theo quy định của Luật này và các "
         "quy định khác của pháp luật có liên quan, bảo đảm hiệu quả, đúng thẩm quyền được giao, "
         "công khai, minh bạch và chịu sự kiểm tra, giám sát của cơ quan có thẩm quyền.")


def test_pandoc_markdown_title_and_enacting_sentence_are_whole(tmp_path):
    md = _wrap(["**LUẬT**",
                "**CƠ QUAN ĐẠI DIỆN CỦA NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Ở NƯỚC NGOÀI**",
                "*Quốc hội ban hành Luật Cơ quan đại diện của nước Cộng hòa xã hội chủ nghĩa Việt "
                "Nam ở nước ngoài.*", "**Chương I**", "**QUY ĐỊNH CHUNG**",
                "**Điều 12. Nhiệm vụ, quyền hạn về ngoại giao văn hóa và thông tin đối ngoại**"]
               + [KHOAN.format(n=n) for n in range(1, 8)])
    source = _read(tmp_path, "luat.md", md)
    texts = [line.text for line in source.lines]
    assert texts[:6] == [
        "LUẬT", "CƠ QUAN ĐẠI DIỆN CỦA NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Ở NƯỚC NGOÀI",
        "Quốc hội ban hành Luật Cơ quan đại diện của nước Cộng hòa xã hội chủ nghĩa Việt Nam ở "
        "nước ngoài.", "Chương I", "QUY ĐỊNH CHUNG",
        "Điều 12. Nhiệm vụ, quyền hạn về ngoại giao văn hóa và thông tin đối ngoại"]
    assert texts[6] == KHOAN.format(n=1).replace("\\", "")
    joined = source.lines[1]
    assert joined.lineno == 3 and joined.raw.count("\n") == 1  # the first line's number, both lines
    width = wrap_width(md.split("\n"))
    printed = sum(1 for line in md.split("\n") if line.strip())
    assert 60 < width <= 72
    assert [p.message for p in source.problems if p.code == "read.unwrapped"] == [
        f"the text is wrapped at {width} characters: {printed - 13} line(s) that go on the line before "
        "were joined to it"]  # 13 paragraphs
    doc = load_document(tmp_path / "luat.md")
    assert doc.title == "Luật Cơ quan đại diện của nước Cộng hòa xã hội chủ nghĩa Việt Nam ở nước ngoài"
    assert [a.heading for a in doc.units("article")] == [
        "Nhiệm vụ, quyền hạn về ngoại giao văn hóa và thông tin đối ngoại"]


def test_what_a_wrap_never_joins():
    lines = [
        "QUỐC HỘI                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CÁC CẤP",  # columns
        "-------                            Độc lập - Tự do - Hạnh phúc ngày hôm nay",
        "LUẬT QUẢN LÝ, SỬ DỤNG TÀI SẢN CÔNG TẠI CƠ QUAN NHÀ NƯỚC VÀ ĐƠN VỊ SỰ NGHIỆP",
        "Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;",  # capitals, then not
        "Điều 5. Trách nhiệm của cơ quan, tổ chức, đơn vị trong quản lý tài sản công ở",
        "địa phương",  # a heading goes on in lower case
        "Điều 6. Nguyên tắc quản lý, sử dụng tài sản công tại cơ quan nhà nước các cấp",
        "Nhà nước thống nhất quản lý tài sản công theo quy định của Luật này và pháp luật",  # a paragraph
        "có liên quan; tài sản công được giao cho cơ quan, tổ chức, đơn vị quản lý theo",
        "Điều 4 của Luật này và các quy định tại khoản 2 Điều 5, khoản 3 Điều 6 và Điều",
        "7. Tài sản công được kiểm kê định kỳ.",  # a reference, and a number the wrap moved
        "1. Tài sản công được quản lý thống nhất, có phân cấp, phân quyền rõ ràng theo",
        "2. Tài sản công phải được kiểm kê định kỳ, đánh giá lại theo quy định của Chính",
        "phủ; việc kiểm kê được thực hiện hằng năm, báo cáo cơ quan quản lý cấp trên; và",
        "3. Tài sản công được công khai.",  # the list's next item
    ]
    groups = join_wrapped(lines, 80)
    assert [[lines[i][:12] for i in group] for group in groups] == [
        ["QUỐC HỘI    "], ["-------     "], ["LUẬT QUẢN LÝ"], ["Căn cứ Hiến "],
        ["Điều 5. Trác", "địa phương"], ["Điều 6. Nguy"],
        ["Nhà nước thố", "có liên quan", "Điều 4 của L", "7. Tài sản c"],
        ["1. Tài sản c"], ["2. Tài sản c", "phủ; việc ki"], ["3. Tài sản c"]]
    hard_break = ["Phối hợp với các cơ quan có liên quan thực hiện nhiệm vụ được giao theo\\",
                  "quy định của pháp luật."]
    assert join_wrapped(hard_break, 72, markdown=True) == [[0], [1]]
    assert join_wrapped(hard_break, 72) == [[0, 1]]  # in plain text a backslash is a character


def test_a_quoted_reply_is_joined_without_its_marks(tmp_path):
    text = _wrap(["Chương III", "VIỆC LÀM", "Điều 24. Nền tảng tuyển dụng trực tuyến và việc sử dụng "
                  "hệ thống trí tuệ nhân tạo trong ghép nối việc làm"]
                 + [KHOAN.format(n=n).replace("\\", "") for n in range(1, 8)], blank=False, prefix="> ")
    source = _read(tmp_path, "thu.txt", text)
    texts = [line.text for line in source.lines]
    assert texts[:4] == ["> Chương III", "> VIỆC LÀM",
                         "> Điều 24. Nền tảng tuyển dụng trực tuyến và việc sử dụng hệ thống trí tuệ "
                         "nhân tạo trong ghép nối việc làm", "> " + KHOAN.format(n=1).replace("\\", "")]


# the samples with three article titles or more that go on in lower case when wrapped at 44
LONG_TITLED = [p for p in SAMPLE_FILES if p.name[:2] in ("01", "02", "03", "06")]


@pytest.mark.parametrize("source", LONG_TITLED, ids=lambda p: p.name)
def test_article_titles_wrapped_short_of_the_width_are_read_whole(source, tmp_path):
    """A Gazette page through ``pdftotext -layout``: the text wrapped at 78 columns, each article's
    title printed in bold and indented, so that it wraps far short of that width (at 44) and goes on at
    the margin ("   Điều 10. Kết nối giữa Cổng thông tin … và hệ" / "thống xử lý chuyên ngành"):
    every title that goes on in lower case is read whole, as in the text unwrapped."""
    flat, _ = _flat_and_wrapped(source, tmp_path, 78, False, ".txt")
    lines, short = [], 0
    for paragraph in flat.read_text(encoding="utf-8").splitlines():
        if paragraph.startswith("Điều ") and len(paragraph) < 200:
            title = textwrap.wrap(paragraph, 44, break_long_words=False, initial_indent="   ")
            short += len(title) > 1 and title[1][:1].islower()
            lines += title
        else:
            lines += textwrap.wrap(paragraph, 78, break_long_words=False, break_on_hyphens=False)
    wrapped = tmp_path / "gazette.txt"
    wrapped.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert short >= 3
    assert _summary(wrapped) == _summary(flat)
