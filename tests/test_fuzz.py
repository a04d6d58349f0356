"""Property-based fuzzing (hypothesis) of the readers and the structure parser, on a fixed budget
for CI (about 20 s): no exception but ``ReadError`` escapes ``read_source``; whatever is read,
normalising and parsing it gives a tree; the parser gives a well-formed tree for any
Vietnamese-law-like text (headings, khoản, điểm, quotes, random Unicode and control characters).

The long coverage-guided run is benchmarks/fuzz_readers.py (atheris)."""

from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile import generators as gen
from lawscan.errors import ReadError
from lawscan.model import Document, Line, Source
from lawscan.normalise import normalise
from lawscan.read import read_source
from lawscan.structure import parse_source

FUZZ = settings(max_examples=300, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                       HealthCheck.function_scoped_fixture])
SUFFIXES = [".txt", ".md", ".html", ".htm", ".json", ".xml", ".akn", ".docx", ".vbpl", ".aspx", ""]

# --------------------------------------------------------------------------- law-like text

HEADINGS = ["Phần thứ nhất", "PHẦN THỨ HAI", "Chương I", "Chương XII", "CHƯƠNG 3", "Mục 1", "MỤC 2",
            "Tiểu mục 1", "Điều 1.", "Điều 2. Phạm vi điều chỉnh", "Điều 15a.", "Điều15.", "Điều 4:",
            "1.", "2.", "3a.", "a)", "b)", "đ)", "đ1)", "-", "+", "QUỐC HỘI", "LUẬT", "Luật số: 1/2024/QH15",
            "Căn cứ Hiến pháp", "Chương", "Điều", "Điều .", "PHỤ LỤC", "CHỦ TỊCH QUỐC HỘI",
            "Sửa đổi, bổ sung Điều 5 như sau:", "Bổ sung Điều 7a vào sau Điều 7 như sau:"]
WORDS = ["dữ liệu", "môi trường số", "giao dịch điện tử", "khoản 2 Điều 3", "điểm a khoản 1",
         "Luật này", "cơ quan", "“", "”", "\"", "'", "«", "»", "(", ")", "…", ";", ":", "/", "|",
         "nền tảng số", "Đ", "ĐIỀU", "Ðiều", "Điều", "\u00a0", "\u200b", "\ufeff", "\u202e", "\t"]
SPICE = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=12)
CONTROLS = st.sampled_from(["\x00", "\x07", "\x1b[2J", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\x7f"])


@st.composite
def law_line(draw) -> str:
    parts = [draw(st.sampled_from(HEADINGS))] if draw(st.booleans()) else []
    for _ in range(draw(st.integers(0, 6))):
        parts.append(draw(st.one_of(st.sampled_from(WORDS), SPICE, CONTROLS)))
    return " ".join(parts)


law_text = st.lists(law_line(), min_size=0, max_size=60).map("\n".join)


def tree_ok(doc: Document, n_lines: int) -> None:
    assert isinstance(doc, Document) and doc.root is not None and doc.root.kind == "root"
    count = 0
    for unit in doc.root.walk():
        count += 1
        assert unit.kind in ("root", "part", "chapter", "section", "subsection", "article",
                             "paragraph", "point", "quoted")
        if unit.kind != "root":
            assert isinstance(unit.eid, str) and unit.eid
        if unit.line is not None and unit.kind != "quoted":
            assert 1 <= unit.line <= max(n_lines, 1)
    assert count >= 1


def read_all(path) -> None:
    """The reader contract: a Source (then normalised and parsed into a tree) or a ReadError."""
    try:
        source = read_source(str(path), {"max_bytes": 1_000_000})
    except ReadError as exc:
        assert "\n" not in str(exc) and str(exc).startswith(str(path))
        assert exc.code not in ("read.internal", "input.docx"), exc  # a reader bug, wrapped
        return
    source = normalise(source)
    doc = source.document if source.document is not None else parse_source(source)
    assert doc.root is not None


@FUZZ
@given(text=law_text)
def test_parser_always_gives_a_tree(text):
    lines = [Line(t, i + 1, t) for i, t in enumerate(text.split("\n"))]
    source = normalise(Source(path="fuzz.txt", format="txt", lines=lines))
    doc = parse_source(source)
    tree_ok(doc, len(lines))
    assert not [p for p in doc.problems if p.code == "structure.internal"]


@FUZZ
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_raw_bytes_only_raise_read_error(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("raw") / f"input{suffix}"
    path.write_bytes(data)
    read_all(path)


@FUZZ
@given(text=law_text, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "tcvn3", "vni", "cp1258"]),
       suffix=st.sampled_from([".txt", ".md", ""]))
def test_law_text_in_any_encoding(tmp_path_factory, text, encoding, suffix):
    from lawscan.read.encoding import encode_legacy

    try:
        data = (encode_legacy(text, encoding) if encoding in ("tcvn3", "vni", "cp1258")
                else text.encode(encoding, errors="surrogatepass"))
    except (ValueError, UnicodeError):
        data = text.encode("utf-8", errors="replace")
    path = tmp_path_factory.mktemp("enc") / f"luat{suffix}"
    path.write_bytes(data)
    read_all(path)


@FUZZ
@given(lines=st.lists(law_line(), max_size=30), tags=st.lists(st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<br>", "<table><tr><td>", "</td></tr></table>", "<b>", "</i>",
     "<script>", "</script>", "<!--", "-->", "<![CDATA[", "&nbsp;", "&#x110;", "&#0;", "<meta charset=tcvn3>",
     '<div id="toanvancontent">', '<div class="content1">', "<?xml ?>", "<!DOCTYPE html>"]), max_size=30))
def test_html_like_input(tmp_path_factory, lines, tags):
    parts = []
    for i, line in enumerate(lines):
        parts.append(tags[i % len(tags)] if tags else "<p>")
        parts.append(line)
    path = tmp_path_factory.mktemp("html") / "luat.html"
    path.write_text("<html><body>" + "".join(parts) + "</body></html>", encoding="utf-8",
                    errors="surrogatepass")
    read_all(path)


@FUZZ
@given(lines=st.lists(law_line(), max_size=20), keys=st.lists(st.sampled_from(
    ["text", "title", "chapters", "articles", "content", "number", "so_hieu", "noi_dung", "dieu", 0, None]),
    max_size=6))
def test_json_like_input(tmp_path_factory, lines, keys):
    import json

    value = "\n".join(lines)
    for key in keys:
        value = {str(key): value} if key is not None else [value]
    path = tmp_path_factory.mktemp("json") / "luat.json"
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8", errors="surrogatepass")
    read_all(path)


@FUZZ
@given(text=law_text, cut=st.integers(0, 3000), flips=st.lists(st.tuples(st.integers(0, 3000),
                                                                         st.integers(1, 255)), max_size=4))
def test_damaged_docx(tmp_path_factory, text, cut, flips):
    clean = "".join(ch for ch in text if ch >= " " or ch in "\n\t")  # XML 1.0 characters only
    data = bytearray(gen.docx_bytes(gen.document_xml(clean)))
    for pos, mask in flips:
        if pos < len(data):
            data[pos] ^= mask
    if cut:
        data = data[:max(len(data) - cut, 0)]
    path = tmp_path_factory.mktemp("docx") / "luat.docx"
    path.write_bytes(bytes(data))
    read_all(path)


def test_the_fuzz_seeds_read_cleanly(tmp_path):
    """The generators' own law reads into the articles it holds (the fuzzers start from it)."""
    path = tmp_path / "luat.docx"
    path.write_bytes(gen.docx_bytes(gen.document_xml()))
    doc = parse_source(normalise(read_source(str(path))))
    assert [u.num for u in doc.root.walk() if u.kind == "article"] == ["1", "2"]
    with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as zf:
        assert "word/document.xml" in zf.namelist()


def test_zip_needing_an_unknown_zip_version(tmp_path):
    """Found by the atheris run: a zip whose directory asks for "zip file version 17.7" made
    zipfile raise NotImplementedError, which escaped as a wrapped internal error."""
    data = bytearray(gen.docx_bytes(gen.document_xml()))
    at = data.index(b"PK\x01\x02")  # first central directory entry; extract version at +6
    data[at + 6:at + 8] = (177).to_bytes(2, "little")
    for name in ("luat.docx", "luat.txt"):
        path = tmp_path / name
        path.write_bytes(bytes(data))
        try:
            read_source(str(path))
        except ReadError as exc:
            assert exc.code not in ("read.internal", "input.docx")
            assert "zip" in exc.reason and "17.7" in exc.reason
        else:
            raise AssertionError("a zip that zipfile cannot open was read")
