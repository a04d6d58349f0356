"""Tests of the .docx reader (lawscan/read/docx/): small documents built here with python-docx
(plus raw WordprocessingML where python-docx has no API: numbering, fields, notes, tracked
changes), hostile containers built with zipfile, and the real corpus."""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lawscan.errors import ReadError
from lawscan.read.docx import read_docx

from conftest import corpus_files

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NSDECL = f'xmlns:w="{W_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


# --------------------------------------------------------------------------- builders

def new_doc():
    import docx

    return docx.Document()


def add_xml(doc, xml: str):
    """Append a raw block element (w:p, w:tbl, w:sdt) to the body, before the final sectPr."""
    from docx.oxml import parse_xml

    el = parse_xml(xml.replace("<w:ROOT", f"<w:ROOT {NSDECL}", 1) if "<w:ROOT" in xml
                   else re.sub(r"^<(w:\w+)", lambda m: f"<{m.group(1)} {NSDECL}", xml.strip(), count=1))
    body = doc.element.body
    body.insert(len(body) - 1, el)
    return el


def p(inner: str, ppr: str = "") -> str:
    return f"<w:p><w:pPr>{ppr}</w:pPr>{inner}</w:p>" if ppr else f"<w:p>{inner}</w:p>"


def r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def numpr(num_id: int, ilvl: int) -> str:
    return f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'


def set_numbering(doc, xml: str):
    """Replace the template's numbering.xml content with ours (abstractNum + num elements)."""
    from docx.oxml import parse_xml

    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for el in parse_xml(f"<w:numbering {NSDECL}>{xml}</w:numbering>"):
        numbering.append(el)


def add_part(doc, name: str, reltype: str, content_type: str, xml: str):
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    part = Part(PackURI(f"/word/{name}"), content_type, xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, reltype)


def save(doc, tmp_path, name="t.docx") -> str:
    path = tmp_path / name
    doc.save(str(path))
    return str(path)


def texts(source):
    return [line.text for line in source.lines if line.text.strip()]


LEVELS = """
<w:abstractNum w:abstractNumId="7">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="8">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Chương %1"/>
    <w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="7"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="20"/></w:lvlOverride></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="8"/></w:num>
"""


# --------------------------------------------------------------------------- numbering

def test_automatic_numbering_labels_are_rebuilt(tmp_path):
    doc = new_doc()
    set_numbering(doc, LEVELS)
    add_xml(doc, p(r("QUY ĐỊNH CHUNG"), numpr(4, 0)))
    add_xml(doc, p(r("Phạm vi điều chỉnh"), numpr(1, 0)))
    add_xml(doc, p(r("Khoản một:"), numpr(1, 1)))
    for letter in range(6):
        add_xml(doc, p(r(f"điểm thứ {letter + 1};"), numpr(1, 2)))
    add_xml(doc, p(r("Khoản hai."), numpr(1, 1)))
    add_xml(doc, p(r("Đối tượng áp dụng"), numpr(1, 0)))
    add_xml(doc, p(r("Khoản sau Điều 2."), numpr(1, 1)))  # restarts after a higher level
    add_xml(doc, p(r("Nội dung không đánh số")))
    add_xml(doc, p(r("Giải thích từ ngữ"), numpr(3, 0)))  # same list, no override: continues
    add_xml(doc, p(r("Điều khởi đầu lại"), numpr(2, 0)))  # startOverride 20
    add_xml(doc, p(r("Điều tiếp theo"), numpr(2, 0)))
    add_xml(doc, p(r("VỀ SỐ"), numpr(4, 0)))
    src = read_docx(save(doc, tmp_path))

    assert texts(src) == [
        "Chương I QUY ĐỊNH CHUNG",
        "Điều 1. Phạm vi điều chỉnh",
        "1. Khoản một:",
        "a) điểm thứ 1;", "b) điểm thứ 2;", "c) điểm thứ 3;", "d) điểm thứ 4;",
        "e) điểm thứ 5;", "f) điểm thứ 6;",  # Word's letters, not the Vietnamese đ, g
        "2. Khoản hai.",
        "Điều 2. Đối tượng áp dụng",
        "1. Khoản sau Điều 2.",
        "Nội dung không đánh số",
        "Điều 3. Giải thích từ ngữ",
        "Điều 20. Điều khởi đầu lại",
        "Điều 21. Điều tiếp theo",
        "Chương II VỀ SỐ",
    ]
    by_text = {line.text: line for line in src.lines}
    assert by_text["Điều 1. Phạm vi điều chỉnh"].raw == "Phạm vi điều chỉnh"
    assert by_text["Nội dung không đánh số"].raw == "Nội dung không đánh số"

    infos = [pr for pr in src.problems if pr.code == "read.docx.auto_numbering"]
    assert len(infos) == 1 and infos[0].severity == "info"
    formats = {n["label"]: n["format"] for n in src.meta["numbering"]}
    assert formats["f)"] == "lowerLetter" and formats["Chương II"] == "upperRoman"
    numbered_lines = {n["line"] for n in src.meta["numbering"]}
    assert all(line.lineno in numbered_lines for line in src.lines if line.text != line.raw)


def test_numbering_through_paragraph_style(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    doc = new_doc()
    set_numbering(doc, LEVELS)
    style = doc.styles.add_style("Dieu Heading", WD_STYLE_TYPE.PARAGRAPH)
    from docx.oxml import parse_xml

    ppr = style.element.get_or_add_pPr()
    ppr.append(parse_xml(f"<w:numPr {NSDECL}><w:numId w:val=\"1\"/></w:numPr>"))
    doc.add_paragraph("Phạm vi", style=style)
    doc.add_paragraph("Nội dung.")
    doc.add_paragraph("Đối tượng", style=style)
    add_xml(doc, p(r("Không đánh số dù có kiểu"), f'<w:pStyle w:val="{style.style_id}"/>' + numpr(0, 0)))
    src = read_docx(save(doc, tmp_path))
    assert texts(src) == ["Điều 1. Phạm vi", "Nội dung.", "Điều 2. Đối tượng", "Không đánh số dù có kiểu"]


def test_numbering_through_list_style_link(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    doc = new_doc()
    set_numbering(doc, """
<w:abstractNum w:abstractNumId="9"><w:styleLink w:val="DanhSachLuat"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="10"><w:numStyleLink w:val="DanhSachLuat"/></w:abstractNum>
<w:num w:numId="5"><w:abstractNumId w:val="9"/></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="10"/></w:num>""")
    style = doc.styles.add_style("Danh sach luat", WD_STYLE_TYPE.LIST)
    style.style_id = "DanhSachLuat"
    style.element.get_or_add_pPr().append(
        parse_xml(f'<w:numPr {NSDECL}><w:numId w:val="5"/></w:numPr>'))
    add_xml(doc, p(r("Phạm vi"), numpr(6, 0)))
    add_xml(doc, p(r("Khoản."), numpr(6, 1)))
    add_xml(doc, p(r("Đối tượng"), numpr(5, 0)))  # same list through the style's own num
    assert texts(read_docx(save(doc, tmp_path))) == ["Điều 1. Phạm vi", "1. Khoản.", "Điều 2. Đối tượng"]


# --------------------------------------------------------------------------- tables, runs

def test_header_table_read_row_by_row_in_body_order(tmp_path):
    doc = new_doc()
    table = doc.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "QUỐC HỘI"
    table.cell(0, 0).add_paragraph("-------")
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    table.cell(0, 1).add_paragraph("Độc lập - Tự do - Hạnh phúc")
    table.cell(1, 0).text = "Luật số: 31/2024/QH15"
    table.cell(1, 1).text = "Hà Nội, ngày 18 tháng 01 năm 2024"
    doc.add_paragraph("LUẬT")
    doc.add_paragraph("ĐẤT ĐAI")
    src = read_docx(save(doc, tmp_path))
    assert texts(src) == ["QUỐC HỘI", "-------", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                          "Độc lập - Tự do - Hạnh phúc", "Luật số: 31/2024/QH15",
                          "Hà Nội, ngày 18 tháng 01 năm 2024", "LUẬT", "ĐẤT ĐAI"]
    numbers = [line.lineno for line in src.lines]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    assert src.meta["docx"]["tables"] == 1


def test_inline_containers_fields_tracked_changes_breaks(tmp_path):
    doc = new_doc()
    add_xml(doc, p(r("Theo ") + '<w:hyperlink r:id="rId999">' + r("Luật Đấu thầu") + "</w:hyperlink>"
                   + r(" và ") + '<w:smartTag w:uri="x" w:element="place">' + r("Hà Nội")
                   + "</w:smartTag>" + r(".")))
    add_xml(doc, p(r("Trang ") + '<w:fldSimple w:instr=" PAGE ">' + r("7") + "</w:fldSimple>"
                   + '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                   + '<w:r><w:instrText xml:space="preserve"> REF _Ref1 \\h </w:instrText></w:r>'
                   + '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r(" khoản 2")
                   + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    add_xml(doc, p(r("Điều 5 ") + '<w:del w:id="1" w:author="a"><w:r><w:delText>cũ </w:delText></w:r></w:del>'
                   + '<w:ins w:id="2" w:author="a">' + r("mới ") + "</w:ins>" + r("được sửa.")
                   + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>'))
    add_xml(doc, p('<w:sdt><w:sdtPr/><w:sdtContent>' + r("Trong điều khiển nội dung")
                   + "</w:sdtContent></w:sdt>"))
    add_xml(doc, p(r("Cột một") + "<w:r><w:tab/></w:r>" + r("cột hai") + "<w:r><w:br/></w:r>"
                   + r("dòng mới")))
    src = read_docx(save(doc, tmp_path))
    assert texts(src) == ["Theo Luật Đấu thầu và Hà Nội.", "Trang 7 khoản 2", "Điều 5 mới được sửa.",
                          "Trong điều khiển nội dung", "Cột một cột hai", "dòng mới"]
    broken = [line for line in src.lines if line.text in ("Cột một cột hai", "dòng mới")]
    assert broken[0].lineno == broken[1].lineno


def test_text_box_read_before_its_anchor_and_reported(tmp_path):
    doc = new_doc()
    add_xml(doc, p(r("Trước hộp.") + '<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
                   '<v:textbox><w:txbxContent>' + p(r("Chữ trong hộp")) + "</w:txbxContent>"
                   "</v:textbox></v:shape></w:pict></w:r>"))
    add_xml(doc, p(r("Sau hộp.")))
    src = read_docx(save(doc, tmp_path))
    assert texts(src) == ["Chữ trong hộp", "Trước hộp.", "Sau hộp."]
    assert [line.lineno for line in src.lines] == [1, 2, 3]
    assert [pr.severity for pr in src.problems if pr.code == "read.docx.textbox"] == ["info"]


def test_a_text_box_written_twice_is_read_once(tmp_path):
    """Word writes a shape in mc:AlternateContent twice, as a DrawingML text box (mc:Choice)
    and as VML (mc:Fallback): a chapter heading in it is read once, before its paragraph; a
    paragraph's numbering (paragraph_elements) follows the same order."""
    from lawscan.read.docx import paragraph_elements

    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    box = "<w:txbxContent>" + p(r("Chương I")) + p(r("NHỮNG QUY ĐỊNH CHUNG")) + "</w:txbxContent>"
    add = (f'<w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps"><w:drawing>'
           f'<wps:wsp xmlns:wps="{wps}"><wps:txbx>{box}</wps:txbx></wps:wsp></w:drawing></mc:Choice>'
           '<mc:Fallback><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:textbox>'
           f"{box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>")
    doc = new_doc()
    add_xml(doc, p(add))
    add_xml(doc, p(r("Điều 1. Phạm vi điều chỉnh")))
    path = save(doc, tmp_path)
    src = read_docx(path)
    assert texts(src) == ["Chương I", "NHỮNG QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh"]
    import docx

    elements = paragraph_elements(docx.Document(str(path)).element.body)
    own_text = [el.findall(f"{{{W_NS}}}r/{{{W_NS}}}t") for el in elements]  # not the box's
    assert ["".join(t.text for t in ts) for ts in own_text] == \
        ["Chương I", "NHỮNG QUY ĐỊNH CHUNG", "", "Điều 1. Phạm vi điều chỉnh"]


# --------------------------------------------------------------------------- TOC and notes

def test_table_of_contents_is_skipped(tmp_path):
    doc = new_doc()
    doc.add_paragraph("MỤC LỤC")
    # a TOC field without page numbers (switch \\n); one entry in a TOC style, one only inside
    # the field, one carrying the field's begin
    add_xml(doc, p('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                   '<w:r><w:instrText xml:space="preserve"> TOC \\o "1-3" \\n \\h </w:instrText></w:r>'
                   '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + r("Chương I QUY ĐỊNH CHUNG")))
    add_xml(doc, p(r("Điều 1. Phạm vi")))
    add_xml(doc, p('<w:r><w:fldChar w:fldCharType="end"/></w:r>'))
    add_xml(doc, p(r("Điều 2. Đối tượng"), '<w:pStyle w:val="TOC2"/>'))
    # a typed list with page numbers, no styles, no field
    for i, entry in enumerate(["Chương II QUẢN LÝ", "Điều 3. Giải thích", "Điều 4. Nguyên tắc"]):
        doc.add_paragraph(f"{entry}\t{i + 2}")
    doc.add_paragraph("Chương I")
    doc.add_paragraph("QUY ĐỊNH CHUNG")
    doc.add_paragraph("Điều 1. Phạm vi")
    src = read_docx(save(doc, tmp_path))
    assert texts(src) == ["MỤC LỤC", "Chương I", "QUY ĐỊNH CHUNG", "Điều 1. Phạm vi"]
    toc = [pr for pr in src.problems if pr.code == "read.docx.toc_skipped"]
    assert len(toc) == 1 and toc[0].severity == "info"
    # paragraphs keep their numbers although the TOC was dropped
    assert next(line for line in src.lines if line.text == "Chương I").lineno == 9
    assert len(toc[0].message) and toc[0].line == 2


def test_toc_content_control_skipped(tmp_path):
    doc = new_doc()
    add_xml(doc, '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/>'
                 '</w:docPartObj></w:sdtPr><w:sdtContent>' + p(r("Chương I QUY ĐỊNH CHUNG"))
                 + p(r("Điều 1. Phạm vi")) + "</w:sdtContent></w:sdt>")
    add_xml(doc, '<w:sdt><w:sdtPr/><w:sdtContent>' + p(r("Chương I")) + "</w:sdtContent></w:sdt>")
    doc.add_paragraph("Điều 1. Phạm vi")
    src = read_docx(save(doc, tmp_path))
    assert texts(src) == ["Chương I", "Điều 1. Phạm vi"]
    assert [line.lineno for line in src.lines] == [3, 4]


def test_toc_style_found_by_name(tmp_path):
    from docx.enum.style import WD_STYLE_TYPE

    doc = new_doc()
    style = doc.styles.add_style("toc 1", WD_STYLE_TYPE.PARAGRAPH)
    style.style_id = "MucLuc1"
    doc.add_paragraph("Điều 1. Phạm vi", style=style)
    doc.add_paragraph("Điều 1. Phạm vi")
    assert texts(read_docx(save(doc, tmp_path))) == ["Điều 1. Phạm vi"]


FOOTNOTES = f"""<w:footnotes {NSDECL}>
<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{r(" Điều này được sửa đổi bởi Luật số 57/2024/QH15.")}</w:p></w:footnote>
</w:footnotes>"""


def test_footnotes_kept_apart(tmp_path):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    doc = new_doc()
    add_xml(doc, p(r("Điều 2. Đối tượng áp dụng")
                   + '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                     '<w:footnoteReference w:id="1"/></w:r>'))
    doc.add_paragraph("Luật này áp dụng đối với cơ quan, tổ chức.")
    add_part(doc, "footnotes.xml", RT.FOOTNOTES,
             "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml", FOOTNOTES)
    src = read_docx(save(doc, tmp_path))
    assert texts(src) == ["Điều 2. Đối tượng áp dụng", "Luật này áp dụng đối với cơ quan, tổ chức."]
    assert src.meta["footnotes"] == [
        {"id": "1", "text": "Điều này được sửa đổi bởi Luật số 57/2024/QH15.", "kind": "footnote"}]


def test_trailing_plain_notes_moved_out_of_body(tmp_path):
    doc = new_doc()
    doc.add_paragraph("Quốc hội ban hành Luật Đấu thầu [1] .")
    doc.add_paragraph("Điều 1. Phạm vi điều chỉnh")
    doc.add_paragraph("Điều 2. Đối tượng [2]")
    doc.add_paragraph("Nội dung.")
    doc.add_paragraph("[1] Luật số 57/2024/QH15 có căn cứ ban hành như sau:")
    doc.add_paragraph("“Căn cứ Hiến pháp;")
    doc.add_paragraph("[2] Điều này được sửa đổi như sau:")
    doc.add_paragraph("“Điều 9. Hiệu lực thi hành")
    src = read_docx(save(doc, tmp_path))
    assert texts(src) == ["Quốc hội ban hành Luật Đấu thầu .", "Điều 1. Phạm vi điều chỉnh",
                          "Điều 2. Đối tượng", "Nội dung."]
    assert [(n["id"], n["text"]) for n in src.meta["footnotes"]] == [
        ("1", "Luật số 57/2024/QH15 có căn cứ ban hành như sau:\n“Căn cứ Hiến pháp;"),
        ("2", "Điều này được sửa đổi như sau:\n“Điều 9. Hiệu lực thi hành")]


def test_bracket_numbers_without_body_marks_stay(tmp_path):
    doc = new_doc()
    for text in ["Điều 1. Phạm vi", "Nội dung.", "Nội dung khác.", "[1] Danh mục kèm theo"]:
        doc.add_paragraph(text)
    assert texts(read_docx(save(doc, tmp_path)))[-1] == "[1] Danh mục kèm theo"


# --------------------------------------------------------------------------- hostile input

def minimal_docx_bytes() -> bytes:
    buf = io.BytesIO()
    new_doc().save(buf)
    return buf.getvalue()


def test_reads_from_bytes_with_path_for_messages():
    src = read_docx("given-name.docx", data=minimal_docx_bytes())
    assert src.format == "docx" and src.path == "given-name.docx"


def test_truncated_zip_refused():
    data = minimal_docx_bytes()
    with pytest.raises(ReadError) as err:
        read_docx("cut.docx", data=data[: len(data) // 2])
    assert "truncated or corrupt" in err.value.reason
    assert "\n" not in str(err.value)


def test_corrupt_member_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", "<w:document><w:body><w:p>")
    with pytest.raises(ReadError, match="not well-formed"):
        read_docx("bad.docx", data=buf.getvalue())


def test_corrupt_compressed_data_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f'<w:document {NSDECL}><w:body>' + "<w:p/>" * 5000
                    + "</w:body></w:document>")
    data = bytearray(buf.getvalue())
    data[60:80] = b"\xff" * 20  # inside the deflated stream of the only member
    with pytest.raises(ReadError, match="truncated or corrupt .docx: word/document.xml"):
        read_docx("crc.docx", data=bytes(data))


def test_zip_without_document_refused():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("content.xml", "<office/>")
    with pytest.raises(ReadError, match="word/document.xml"):
        read_docx("odt.docx", data=buf.getvalue())


def test_old_binary_doc_refused():
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600
    with pytest.raises(ReadError, match="old binary .doc or an encrypted file"):
        read_docx("old.doc", data=data)


@pytest.mark.parametrize("data", [b"", b"just some text, not a zip"])
def test_empty_or_not_zip_refused(data):
    with pytest.raises(ReadError):
        read_docx("x.docx", data=data)


def bomb(size: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", f'<w:document {NSDECL}><w:body/></w:document>')
        with zf.open("word/media/zeros.bin", "w") as fh:
            chunk = b"\0" * (1 << 20)
            for _ in range(size // len(chunk)):
                fh.write(chunk)
    return buf.getvalue()


def test_zip_bomb_ratio_refused():
    data = bomb(32 << 20)
    assert len(data) < 100_000
    with pytest.raises(ReadError, match="zip bomb") as err:
        read_docx("bomb.docx", data=data)
    assert "zeros.bin" in err.value.reason


def test_zip_bomb_total_size_refused():
    with pytest.raises(ReadError, match="declared uncompressed size"):
        read_docx("bomb.docx", data=bomb(4 << 20), limits={"max_uncompressed_bytes": 1_000_000})


def test_entity_expansion_refused():
    xml = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
           '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
           f'<w:document {NSDECL}><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>')
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/document.xml", xml)
    with pytest.raises(ReadError, match="DOCTYPE"):
        read_docx("laughs.docx", data=buf.getvalue())


# --------------------------------------------------------------------------- corpus

DOCX_FILES = [f for f in corpus_files() if f.suffix == ".docx"]
# "Điều15." (no space) occurs in vbpl-luat-16-1999-qh10.docx as printed, so \s* and not \s+.
ARTICLE_RE = re.compile(r"^Điều\s*\d+[a-zđ]?\.")


def article_lines(src) -> int:
    return sum(bool(ARTICLE_RE.match(unicodedata.normalize("NFC", line.text).strip()))
               for line in src.lines)


@pytest.mark.parametrize("path", DOCX_FILES, ids=[f.name for f in DOCX_FILES])
def test_corpus_docx_reads(path):
    src = read_docx(str(path))
    assert src.format == "docx" and src.lines
    numbers = [line.lineno for line in src.lines]
    assert numbers == sorted(numbers) and numbers[0] >= 1
    assert numbers[-1] <= src.meta["docx"]["paragraphs"]
    assert all("\n" not in line.text and "\t" not in line.text for line in src.lines)
    assert article_lines(src) > 0


def test_corpus_article_counts_reach_labels(corpus_dir, labels):
    checked = 0
    for label in labels:
        if not label["file"].endswith(".docx"):
            continue
        src = read_docx(str(corpus_dir / label["file"]))
        assert article_lines(src) >= label["articles"], label["file"]
        checked += 1
    assert checked >= 10


def test_corpus_consolidated_text_toc_and_notes(corpus_dir, labels):
    label = next(lb for lb in labels if lb["file"] == "docx/vbhn-126-2025-luat-dau-thau.docx")
    src = read_docx(str(corpus_dir / label["file"]))
    codes = {pr.code for pr in src.problems}
    assert {"read.docx.toc_skipped", "read.docx.trailing_notes"} <= codes
    chapters = [line for line in src.lines if re.match(r"^Chương\s+[IVXLC]+\b", line.text)]
    assert len(chapters) == label["chapters"]  # the TOC would have doubled them
    articles = {re.match(r"Điều\s*(\d+[a-zđ]?)", line.text).group(1) for line in src.lines
                if ARTICLE_RE.match(line.text)}
    assert {"29a", "29b", "34a"} <= set(label["inserted_articles"]) <= articles
    assert article_lines(src) == label["articles"]  # notes quoting other laws' articles moved out
    assert not any(re.search(r"\[\d+\]", line.text) for line in src.lines)


def test_corpus_auto_numbered_articles(corpus_dir):
    path = corpus_dir / "docx" / "vbpl-luat-84-2015-qh13.docx"
    if not path.is_file():
        pytest.skip("file not in corpus")
    src = read_docx(str(path))
    labels_ = [n["label"] for n in src.meta["numbering"] if n["label"].startswith("Điều")]
    assert labels_ == [f"Điều {i}." for i in range(1, len(labels_) + 1)] and len(labels_) > 50


# --------------------------------------------------------------------------- damaged bytes

_VALID = None


def valid_bytes() -> bytes:
    global _VALID
    if _VALID is None:
        doc = new_doc()
        set_numbering(doc, LEVELS)
        doc.add_table(rows=1, cols=2).cell(0, 0).text = "QUỐC HỘI"
        add_xml(doc, p(r("Phạm vi"), numpr(1, 0)))
        buf = io.BytesIO()
        doc.save(buf)
        _VALID = buf.getvalue()
    return _VALID


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(cut=st.integers(min_value=0, max_value=100_000),
       flips=st.lists(st.tuples(st.integers(min_value=0, max_value=100_000),
                                st.integers(min_value=0, max_value=255)), max_size=8))
def test_damaged_bytes_give_source_or_read_error(cut, flips):
    data = bytearray(valid_bytes())
    for pos, value in flips:
        data[pos % len(data)] = value
    data = bytes(data[: max(1, cut % (len(data) + 1))])
    try:
        src = read_docx("damaged.docx", data=data)
    except ReadError as err:
        assert err.reason and "\n" not in str(err)
    else:
        assert src.format == "docx"


def _recode_document(path: str, encoding: str) -> bytes:
    """The .docx at ``path`` with word/document.xml re-encoded (its declaration saying so)."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "word/document.xml":
                text = data.decode("utf-8")
                text = re.sub(r'encoding="[^"]*"', f'encoding="{encoding}"', text, count=1)
                data = text.encode(encoding)
            zout.writestr(info, data)
    return out.getvalue()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8"])
def test_hidden_text_and_styles_found_in_any_encoding(tmp_path, encoding):
    # The walker skips its search for w:pStyle/w:numPr/w:vanish only when the bytes of a UTF-8
    # part prove there are none; a UTF-16 part is searched like any other.
    doc = new_doc()
    add_xml(doc, p(r("Hiện") + '<w:r><w:rPr><w:vanish/></w:rPr><w:t>ẩn</w:t></w:r>'))
    add_xml(doc, p(r("Mục lục 1"), '<w:pStyle w:val="TOC1"/>'))
    add_xml(doc, p(r("Thân")))
    path = save(doc, tmp_path)
    src = read_docx(path, data=_recode_document(path, encoding))
    assert texts(src) == ["Hiện", "Thân"]
    assert [pr.code for pr in src.problems] == ["read.docx.toc_skipped"]


def test_property_search_skipped_only_when_proved_needless():
    from lawscan.read.docx.container import has_no_properties

    decl = b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
    assert has_no_properties(decl + b"<w:document><w:body/></w:document>")
    assert has_no_properties(b"<?xml version='1.0'?><w:document/>")  # UTF-8 by default
    assert not has_no_properties(decl + b'<w:document><w:rPr><w:vanish/></w:rPr></w:document>')
    assert not has_no_properties(decl + b'<w:document><w:pStyle w:val="a"/></w:document>')
    assert not has_no_properties(b'<?xml version="1.0" encoding="UTF-16"?><w:document/>')
    assert not has_no_properties(b"<w:document/>")  # no declaration: not proved


HIDDEN_NOTES = f"""<w:footnotes {NSDECL}>
<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>{r(" Ghi chú")}<w:r><w:rPr><w:vanish/></w:rPr><w:t> ẩn</w:t></w:r></w:p></w:footnote>
</w:footnotes>"""


def test_hidden_text_stays_hidden_on_every_walker_path(tmp_path):
    # Properties are looked at only for the elements walk() found; block() called without
    # walk() (as notes once were) must still look at them all, not show hidden text.
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from lxml import etree

    from lawscan.read.docx.numbering import Numbering, Styles
    from lawscan.read.docx.walker import Walker

    body = etree.fromstring(f'<w:body {NSDECL}>' + p(r("Hiện") + '<w:r><w:rPr><w:vanish/></w:rPr>'
                            '<w:t>ẩn</w:t></w:r>') + "</w:body>")
    walker = Walker(W_NS, Numbering(None, W_NS), Styles(None, W_NS))
    walker.block(body)
    assert [para.raw for para in walker.paras] == ["Hiện"]

    doc = new_doc()
    add_xml(doc, p(r("Điều 1. Phạm vi") + '<w:r><w:footnoteReference w:id="1"/></w:r>'))
    add_part(doc, "footnotes.xml", RT.FOOTNOTES,
             "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
             HIDDEN_NOTES)
    src = read_docx(save(doc, tmp_path))
    assert [n["text"] for n in src.meta["footnotes"]] == ["Ghi chú"]
