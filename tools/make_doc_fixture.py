"""Make tests/fixtures/read/du-thao-nghi-dinh.doc (and .odt, .rtf), the fixtures of the office reader:
a short draft decree written for lawscan's tests (not a real text), with Vietnamese in every
line and Word automatic numbering ("Chương %1", "Điều %1.", "%2.", "%3)") for its headings,
khoản and điểm, so that a converter that drops Word numbering or Vietnamese shows it.

Command (needs python-docx and LibreOffice's ``soffice``; run from the repository root)::

    python tools/make_doc_fixture.py

It writes the .docx with python-docx into a temporary directory and has LibreOffice save it as
a Word 97-2003 .doc (``--convert-to doc:"MS Word 97"``) and an OpenDocument text (.odt). The
.rtf is made from a second .docx with the labels written out as text ("Điều 1."): LibreOffice's
RTF export writes the text of a numbering level in the ANSI code page, so "Chương %1" would come
out as "Ch??ng I". The expected text is in the test
(tests/test_read_doc.py): the chapters, articles, khoản and điểm this text has.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NUMBERING = f"""<w:numbering xmlns:w="{W_NS}">
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="Chương %1"/>
    <w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="2">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="Điều %1."/>
    <w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/>
    <w:suff w:val="space"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/>
    <w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>"""

# (numId, level or None for a plain paragraph, text)
TEXT = [
    (None, None, "CHÍNH PHỦ"),
    (None, None, "Số: /2026/NĐ-CP"),
    (None, None, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    (None, None, "Độc lập - Tự do - Hạnh phúc"),
    (None, None, "DỰ THẢO"),
    (None, None, "NGHỊ ĐỊNH"),
    (None, None, "Quy định về quản lý dịch vụ cho thuê xe đạp công cộng"),
    (None, None, "Căn cứ Luật Tổ chức Chính phủ;"),
    (None, None, "Chính phủ ban hành Nghị định quy định về quản lý dịch vụ cho thuê xe đạp công cộng."),
    (1, 0, "NHỮNG QUY ĐỊNH CHUNG"),
    (2, 0, "Phạm vi điều chỉnh"),
    (None, None, "Nghị định này quy định việc cấp phép, vận hành và giám sát dịch vụ cho thuê xe đạp "
                 "công cộng trên địa bàn đô thị."),
    (2, 0, "Đối tượng áp dụng"),
    (2, 1, "Doanh nghiệp cung cấp dịch vụ cho thuê xe đạp công cộng."),
    (2, 1, "Ủy ban nhân dân cấp tỉnh và cơ quan quản lý giao thông đô thị."),
    (1, 0, "CẤP PHÉP VÀ VẬN HÀNH"),
    (2, 0, "Hồ sơ đề nghị cấp phép"),
    (2, 1, "Hồ sơ gồm:"),
    (2, 2, "Đơn đề nghị cấp phép theo mẫu;"),
    (2, 2, "Phương án bố trí trạm xe và bảo đảm an toàn;"),
    (2, 2, "Bản sao có chứng thực giấy chứng nhận đăng ký doanh nghiệp."),
    (2, 1, "Hồ sơ được nộp trực tiếp hoặc qua dịch vụ bưu chính."),
    (2, 0, "Trách nhiệm của doanh nghiệp"),
    (None, None, "Doanh nghiệp lưu giữ sổ theo dõi xe đạp bằng bản giấy tại trụ sở."),
    (1, 0, "ĐIỀU KHOẢN THI HÀNH"),
    (2, 0, "Hiệu lực thi hành"),
    (None, None, "Nghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026."),
    (None, None, "TM. CHÍNH PHỦ"),
    (None, None, "THỦ TƯỚNG"),
]


ROMAN = ["I", "II", "III", "IV", "V"]


def labelled(text: list) -> list:
    """TEXT with Word's numbering written out as text ("Chương I ...", "Điều 1. ...", "1.", "a)")."""
    out, counters = [], {}
    for num_id, level, line in text:
        if num_id is None:
            out.append((None, None, line))
            continue
        key = (num_id, level)
        counters[key] = counters.get(key, 0) + 1
        for deeper in [k for k in counters if k[0] == num_id and k[1] > level]:
            del counters[deeper]
        n = counters[key]
        label = {(1, 0): f"Chương {ROMAN[n - 1]}", (2, 0): f"Điều {n}.", (2, 1): f"{n}.",
                 (2, 2): f"{'abcdefgh'[n - 1]})"}[key]
        out.append((None, None, f"{label} {line}"))
    return out


def build_docx(path: Path, text: list) -> None:
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    for el in parse_xml(NUMBERING):
        numbering.append(el)
    for num_id, level, line in text:
        para = doc.add_paragraph(line)
        if num_id is not None:
            ppr = para._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/>'
                                 f'<w:numId w:val="{num_id}"/></w:numPr>'))
    doc.save(str(path))


def main() -> int:
    repo = Path(__file__).resolve().parents[1]
    folder = repo / "tests" / "fixtures" / "read"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as work:
        numbered, written = Path(work) / "du-thao-nghi-dinh.docx", Path(work) / "text" / "du-thao-nghi-dinh.docx"
        written.parent.mkdir()
        build_docx(numbered, TEXT)
        build_docx(written, labelled(TEXT))
        for suffix, filter_name in (("doc", "doc:MS Word 97"), ("odt", "odt"), ("rtf", "rtf")):
            source = written if suffix == "rtf" else numbered
            subprocess.run([soffice, "--headless", "--norestore",
                            f"-env:UserInstallation=file://{work}/profile",
                            "--convert-to", filter_name, "--outdir", work, str(source)],
                           check=True, capture_output=True, timeout=180)
            target = folder / f"du-thao-nghi-dinh.{suffix}"
            shutil.copyfile(Path(work) / target.name, target)
            print(f"wrote {target} ({target.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
