"""lawscan annotate: a reviewed copy of a Word draft with one comment per finding, anchored on the
paragraph of the flagged unit; the draft byte-identical afterwards; the copy's text, formatting,
numbering and existing comments kept; the output never written over the draft, a non-regular
file or (without --force) an existing file; exit codes as scan; LibreOffice opens the copy."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import stat
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import CORPUS, SAMPLES
from lawscan.cli import main
from lawscan.drafting.annotate import anchor_paragraph, annotate, read_draft
from lawscan.read.docx import paragraph_elements, read_docx
from lawscan.scan import ScanOptions, Scanner

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
SAMPLE_DOCX = sorted(SAMPLES.glob("*.docx"))
# corpus drafts with findings of most rules: LS101 at a final chapter, LS103 at a digital
# chapter, LS105/LS106 at points, LS109 in an amending law, a consolidated text with a table of
# contents and notes, and the code with the most findings
CORPUS_DOCX = ["vbpl-luat-49-2019-qh14.docx", "vbpl-luat-60-2014-qh13.docx",
               "vbhn-126-2025-luat-dau-thau.docx", "vbpl-bo-luat-92-2015-qh13.docx",
               "luat-sua-doi-quy-hoach-dau-tu-ppp-dau-thau-57-2024-qh15.docx",
               "vbpl-luat-84-2015-qh13.docx"]


def sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def scanned(path):
    scanner = Scanner(ScanOptions())
    data, doc = read_draft(str(path))
    return data, scanner.check_document(doc), {r.id: r for r in scanner.ruleset.infos()}


def paragraph_text(p) -> str:
    """Every w:t of a paragraph (hidden, inserted, linked text too): an independent look."""
    return "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))


def squeeze(text: str) -> str:
    return "".join(text.split())


def comment_ranges(data: bytes) -> dict[int, int]:
    """comment id -> the 1-based paragraph (the reader's numbering) its range starts in."""
    import docx

    body = docx.Document(io.BytesIO(data)).element.body
    out = {}
    for number, p in enumerate(paragraph_elements(body), start=1):
        for start in p.iter(f"{{{W}}}commentRangeStart"):
            out[int(start.get(f"{{{W}}}id"))] = number
    return out


def check_copy(path: Path, tmp_path: Path) -> int:
    """Annotate ``path`` through the CLI; check the draft, the comments and their anchors."""
    before = sha(path)
    data, result, _ = scanned(path)
    out = tmp_path / (path.stem + ".reviewed.docx")
    run = CliRunner().invoke(main, ["annotate", str(path), "-o", str(out), "--fail-on", "never",
                                    "--no-config"])
    assert run.exit_code == 0, run.output
    assert sha(path) == before  # the draft is byte-identical
    copy = out.read_bytes()
    import docx

    comments = list(docx.Document(io.BytesIO(copy)).comments)
    ours = [c for c in comments if c.author == "lawscan"]
    assert len(ours) == len(result.findings)
    ranges = comment_ranges(copy)
    lines = {}
    for line in read_docx(str(out), data=copy).lines:
        lines.setdefault(line.lineno, line.text)
    units = {u.eid: u for u in result.document.root.walk() if u.eid}
    for f, comment in zip(result.findings, ours):
        assert f"[{f.rule_id}]" in comment.text and f.message in comment.text
        assert f.message_en in comment.text
        para = ranges[comment.comment_id]
        assert para == anchor_paragraph(result, f)
        unit = units.get(f.eid)
        if unit is not None and unit.kind in ("chapter", "article", "section", "part"):
            # the heading of the unit: "Chương V", "Điều 12. …"
            assert lines[para].casefold().startswith(unit.label().casefold()), (f.rule_id, f.eid, lines[para])
        elif unit is not None and unit.kind in ("paragraph", "point"):
            assert lines[para].startswith(unit.num), (f.rule_id, f.eid, lines[para])
    # the copy reads as the same law, line for line
    assert [ln.text for ln in read_docx(str(out), data=copy).lines] == \
        [ln.text for ln in read_docx(str(path), data=data).lines]
    return len(ours)


@pytest.mark.parametrize("path", SAMPLE_DOCX, ids=lambda p: p.name)
def test_every_sample_docx(path, tmp_path):
    assert check_copy(path, tmp_path) >= 1


@pytest.mark.corpus
@pytest.mark.parametrize("name", CORPUS_DOCX)
def test_real_corpus_docx(name, tmp_path):
    path = CORPUS / "docx" / name
    if not path.is_file():
        pytest.skip(f"corpus not found at {CORPUS}")
    assert check_copy(path, tmp_path) >= 3


# --------------------------------------------------------------------------- a built draft

def build_draft(path: Path) -> None:
    """A draft with what a copy must keep: bold and styled runs, Word's automatic numbering of
    the articles, a table, a hyperlink, a tracked insertion, hidden text, a footnote and a
    comment of the drafter's own."""
    import docx
    from docx.oxml import parse_xml

    doc = docx.Document()
    doc.add_paragraph("QUỐC HỘI")
    doc.add_paragraph("Luật số: 30/2026/QH15")
    title = doc.add_paragraph()
    title.add_run("LUẬT").bold = True
    doc.add_paragraph("KINH DOANH DỊCH VỤ BẢO VỆ")
    doc.add_paragraph("Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Ghi chú"
    table.cell(0, 1).text = "Bảng trong dự thảo"
    doc.add_paragraph("Chương I", style="Heading 1")
    doc.add_paragraph("QUY ĐỊNH CHUNG")
    first = doc.add_paragraph("Điều 1. Phạm vi điều chỉnh")
    doc.add_comment(first.runs, text="Ý kiến của Vụ Pháp chế", author="Vụ Pháp chế", initials="VPC")
    body = doc.add_paragraph("Luật này quy định về điều kiện, thủ tục cấp giấy phép kinh doanh dịch "
                             "vụ bảo vệ.")
    body.add_run(" (ẩn)").font.hidden = True
    doc.add_paragraph("Chương II", style="Heading 1")
    doc.add_paragraph("CẤP GIẤY PHÉP")
    doc.add_paragraph("Điều 2. Hồ sơ đề nghị cấp giấy phép")
    ns = f'xmlns:w="{W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    body_el = doc.element.body
    for inner in (
        '<w:r><w:t>1. Hồ sơ gồm:</w:t></w:r>',
        '<w:r><w:t>a) Đơn đề nghị;</w:t></w:r>',
        '<w:hyperlink w:anchor="x"><w:r><w:t>b) Bản sao có chứng thực giấy chứng nhận đăng ký '
        'doanh nghiệp;</w:t></w:r></w:hyperlink>',
        '<w:ins w:id="9" w:author="A" w:date="2026-01-01T00:00:00Z"><w:r><w:t>c) Bản chính lý lịch '
        'tư pháp.</w:t></w:r></w:ins>',
        '<w:r><w:t>2. Hồ sơ được nộp trực tiếp tại cơ quan công an cấp tỉnh.</w:t></w:r>',
    ):
        body_el.insert(len(body_el) - 1, parse_xml(f"<w:p {ns}>{inner}</w:p>"))
    # Điều 3 carries a footnote: the note's paragraph lives in footnotes.xml and gets no number
    body_el.insert(len(body_el) - 1, parse_xml(
        f'<w:p {ns}><w:r><w:t>Điều 3. Đăng ký, báo cáo</w:t></w:r><w:r><w:rPr><w:rStyle '
        'w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>'))
    _add_footnotes(doc, ns)
    # Word numbers this paragraph itself ("1."): the label is in numbering.xml, not in the text
    doc.add_paragraph("Doanh nghiệp đăng ký danh sách nhân viên và báo cáo định kỳ với cơ quan cấp "
                      "giấy phép.", style="List Number")
    doc.add_paragraph("Chương III", style="Heading 1")
    doc.add_paragraph("ĐIỀU KHOẢN THI HÀNH")
    doc.add_paragraph("Điều 4. Hiệu lực thi hành")
    doc.add_paragraph("Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.")
    doc.save(str(path))


def _add_footnotes(doc, ns: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    xml = (f'<w:footnotes {ns}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/>'
           '</w:r></w:p></w:footnote><w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r>'
           '<w:t xml:space="preserve"> Điều này được sửa đổi bởi Luật số 57/2024/QH15.</w:t></w:r>'
           '</w:p></w:footnote></w:footnotes>')
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                xml.encode("utf-8"), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)


def canonical(xml: bytes) -> bytes:
    return etree.tostring(etree.fromstring(xml), method="c14n")


def without_ours(xml: bytes, ids: set[str]) -> bytes:
    root = etree.fromstring(xml)
    for el in list(root.iter(f"{{{W}}}commentRangeStart", f"{{{W}}}commentRangeEnd")):
        if el.get(f"{{{W}}}id") in ids:
            el.getparent().remove(el)
    for ref in list(root.iter(f"{{{W}}}commentReference")):
        if ref.get(f"{{{W}}}id") in ids:
            run = ref.getparent()
            run.getparent().remove(run)
    return etree.tostring(root, method="c14n")


def test_copy_keeps_everything_but_adds_comments(tmp_path):
    draft = tmp_path / "du-thao.docx"
    build_draft(draft)
    before = draft.read_bytes()
    data, result, rules = scanned(draft)
    assert {f.rule_id for f in result.findings} >= {"LS101", "LS105"}
    copy = annotate(data, result, rules)
    assert draft.read_bytes() == before
    old, new = zipfile.ZipFile(io.BytesIO(before)), zipfile.ZipFile(io.BytesIO(copy.data))
    ours = {str(p.comment_id) for p in copy.placed}
    assert "0" not in ours  # the drafter's comment keeps its id
    changed = {"word/document.xml", "word/comments.xml", "[Content_Types].xml",
               "word/_rels/document.xml.rels"}
    for name in old.namelist():
        a, b = old.read(name), new.read(name)
        if name == "word/document.xml":
            assert without_ours(b, ours) == canonical(a)  # formatting, numbering, table, links kept
        elif name == "word/comments.xml":
            kept = etree.fromstring(b).findall(f"{{{W}}}comment")
            assert canonical(etree.tostring(kept[0])) == \
                canonical(etree.tostring(etree.fromstring(a).find(f"{{{W}}}comment")))
        elif name not in changed:
            assert (canonical(a) == canonical(b)) if name.endswith(".xml") else a == b, name
    # the LS105 comment sits on the point that asks for paper (inside a hyperlink)
    import docx

    ranges = comment_ranges(copy.data)
    paper = next(p for p in copy.placed if p.finding.rule_id == "LS105")
    para = paragraph_elements(docx.Document(io.BytesIO(copy.data)).element.body)[ranges[paper.comment_id] - 1]
    assert "".join(para.itertext()).startswith("b) Bản sao có chứng thực")
    final = next(p for p in copy.placed if p.finding.rule_id == "LS101")
    assert "".join(paragraph_elements(docx.Document(io.BytesIO(copy.data)).element.body)[
        ranges[final.comment_id] - 1].itertext()).startswith("Chương III")


def test_paragraph_numbers_of_the_reader_and_the_copy_agree(tmp_path):
    """Line.lineno is the paragraph number: the table's cells, hidden text and tracked changes
    counted as the reader counts them."""
    import docx

    draft = tmp_path / "du-thao.docx"
    build_draft(draft)
    source = read_docx(str(draft))
    paragraphs = paragraph_elements(docx.Document(str(draft)).element.body)
    assert len(paragraphs) == source.meta["docx"]["paragraphs"]
    for line in source.lines:
        assert squeeze(line.raw) in squeeze(paragraph_text(paragraphs[line.lineno - 1]))
    notes = [n["text"] for n in source.meta["footnotes"]]
    assert notes == ["Điều này được sửa đổi bởi Luật số 57/2024/QH15."]
    hidden = next(ln for ln in source.lines if ln.raw.startswith("Luật này quy định về điều kiện"))
    assert "(ẩn)" not in hidden.raw and "(ẩn)" in paragraph_text(paragraphs[hidden.lineno - 1])


@pytest.mark.corpus
def test_paragraph_numbers_on_real_docx(corpus_dir):
    """Every line of a corpus .docx (every third file: tables, tables of contents, notes, Word
    numbering) is in the paragraph its number names."""
    for path in sorted((corpus_dir / "docx").glob("*.docx"))[::3]:
        source = read_docx(str(path))
        document = etree.fromstring(zipfile.ZipFile(path).read("word/document.xml"))
        paragraphs = paragraph_elements(document.find(f"{{{W}}}body"))
        assert len(paragraphs) == source.meta["docx"]["paragraphs"], path.name
        for line in source.lines:
            assert squeeze(line.raw) in squeeze(paragraph_text(paragraphs[line.lineno - 1])), \
                (path.name, line.lineno)


# --------------------------------------------------------------------------- the command

@pytest.fixture()
def draft(tmp_path) -> Path:
    path = tmp_path / "du-thao.docx"
    build_draft(path)
    return path


def invoke(*args):
    return CliRunner().invoke(main, ["annotate", *map(str, args), "--no-config"])


def test_output_never_over_the_draft(draft, tmp_path):
    before = sha(draft)
    link = tmp_path / "link.docx"
    link.symlink_to(draft)
    hard = tmp_path / "hard.docx"
    os.link(draft, hard)
    for target in (draft, link, hard):
        run = invoke(draft, "-o", target, "--force")
        assert run.exit_code == 2 and "draft itself" in run.output, run.output
    assert sha(draft) == before and link.is_symlink()


def test_existing_file_needs_force_and_devices_never(draft, tmp_path):
    out = tmp_path / "out.docx"
    out.write_bytes(b"keep me")
    run = invoke(draft, "-o", out)
    assert run.exit_code == 2 and "--force" in run.output and out.read_bytes() == b"keep me"
    run = invoke(draft, "-o", out, "--force", "--fail-on", "never")
    assert run.exit_code == 0 and zipfile.is_zipfile(out)
    # never the real /dev/null: as root, a regression would replace the machine's device with a
    # file; a FIFO and (as root) a character device made here show the same
    fifo = tmp_path / "pipe.docx"
    os.mkfifo(fifo)
    targets = [fifo, tmp_path]
    device = tmp_path / "null.docx"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        targets.append(device)
    except OSError:
        pass
    for target in targets:
        run = invoke(draft, "-o", target, "--force")
        assert run.exit_code == 2, run.output
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert device not in targets or stat.S_ISCHR(os.stat(device).st_mode)
    assert not list(tmp_path.glob(".*.tmp"))  # no temporary file left behind


def test_exit_codes_and_rule_selection(draft, tmp_path):
    import docx

    run = invoke(draft, "-o", tmp_path / "a.docx")
    assert run.exit_code == 1 and "comments" in run.output  # LS101 error on a law with no chapter
    run = invoke(draft, "-o", tmp_path / "b.docx", "--select", "LS105")
    assert run.exit_code == 0  # a warning does not fail at the default --fail-on error
    assert {c.text.split("]")[0] for c in docx.Document(tmp_path / "b.docx").comments
            if c.author == "lawscan"} == {"[LS105"}
    run = invoke(draft, "-o", tmp_path / "c.docx", "--select", "LS105", "--fail-on", "warning")
    assert run.exit_code == 1
    run = invoke(draft, "-o", tmp_path / "d.docx", "--ignore", "LS101")
    texts = " ".join(c.text for c in docx.Document(tmp_path / "d.docx").comments)
    assert run.exit_code == 0 and "[LS101]" not in texts
    run = invoke(draft, "-o", tmp_path / "e.docx", "--select", "LS999")
    assert run.exit_code == 2 and not (tmp_path / "e.docx").exists()


def test_input_that_is_not_a_docx(tmp_path):
    text = tmp_path / "du-thao.txt"
    text.write_text("Điều 1. Phạm vi\nLuật này quy định.", encoding="utf-8")
    run = invoke(text, "-o", tmp_path / "out.docx")
    assert run.exit_code == 2 and "du-thao.txt" in run.output and "zip" in run.output
    assert not (tmp_path / "out.docx").exists()
    run = invoke(tmp_path / "missing.docx", "-o", tmp_path / "out.docx")
    assert run.exit_code == 2 and not (tmp_path / "out.docx").exists()


def test_the_reviewed_copy_is_never_read_back_as_a_law(draft, tmp_path):
    """The copy lands next to the draft: scan, parse and graph of the folder leave it out and
    say so; annotate refuses it; once saved by someone else (Word keeps no archive comment) it
    is a draft again."""
    copy = tmp_path / "du-thao.reviewed.docx"
    assert invoke(draft, "-o", copy, "--fail-on", "never").exit_code == 0
    out = tmp_path / "r.json"
    run = CliRunner().invoke(main, ["scan", "--no-config", "--fail-on", "never", str(tmp_path), "-f", "json",
                                    "-o", str(out)])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert [Path(d["path"]).name for d in report["documents"]] == ["du-thao.docx"], run.output
    assert [(Path(s["path"]).name, s["code"]) for s in report["skipped"]] == [(copy.name, "lawscan_output")]
    for command in (["parse", "--format", "json"], ["graph", "--format", "json"]):
        run = CliRunner().invoke(main, [*command, str(tmp_path)])
        assert run.exit_code == 0, run.output
        assert f"lawscan: skipped: {copy}: lawscan's own output" in run.stderr
    assert [Path(d["path"]).name for d in json.loads(CliRunner().invoke(main, ["parse", "--format", "json",
                                                                                str(tmp_path)]).stdout)] == [draft.name]
    run = invoke(copy, "-o", tmp_path / "again.docx")
    assert run.exit_code == 2 and "reviewed copy" in run.output and not (tmp_path / "again.docx").exists()
    edited = tmp_path / "edited.docx"
    with zipfile.ZipFile(copy) as old, zipfile.ZipFile(edited, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            new.writestr(item, old.read(item))
    run = CliRunner().invoke(main, ["parse", "--format", "json", str(edited)])
    assert run.exit_code == 0 and json.loads(run.stdout)[0]["path"].endswith("edited.docx")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_opens_the_copy(draft, tmp_path):
    """LibreOffice converts the reviewed copy to PDF headless; each comment becomes a PDF note."""
    out = tmp_path / "du-thao.reviewed.docx"
    assert invoke(draft, "-o", out, "--fail-on", "never").exit_code == 0
    profile = (tmp_path / "lo-profile").as_uri()
    notes = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", notes,
                    "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=240)
    pdf = (tmp_path / "du-thao.reviewed.pdf").read_bytes()
    import docx

    ours = [c for c in docx.Document(out).comments if c.author == "lawscan"]
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Subtype/Text") + pdf.count(b"/Subtype /Text") \
        >= len(ours) >= 2
