"""Builders of hostile and broken inputs. Each takes a directory and gives the path it wrote;
large inputs (200 MB, zip bombs, deep nesting, 5,000 articles) are generated, never stored.

``CASES`` lists them with the behaviour lawscan must show: ``("error", words)`` — the file is
refused with a one-line reason containing ``words``; ``("document", None)`` — it is read
(converted, parsed) like any law.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOOD_LAW = HERE.parent / "fixtures" / "scan" / "luat-co-chuong-so.txt"

LAW = ("QUỐC HỘI\nLuật số: 99/2099/QH99\nLUẬT\nTHỬ NGHIỆM\n"
       "Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n"
       "Luật này quy định về giao dịch điện tử trên môi trường số.\n"
       "Điều 2. Đối tượng áp dụng\n1. Cơ quan, tổ chức, cá nhân.\n2. Nền tảng số:\n"
       "a) Trang thông tin điện tử;\nb) Ứng dụng trên thiết bị di động.\n")

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                 'package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/></Types>')


def document_xml(text: str = LAW, prolog: str = "") -> bytes:
    from xml.sax.saxutils import escape

    paras = "".join(f"<w:p><w:r><w:t>{escape(line)}</w:t></w:r></w:p>" for line in text.splitlines())
    return (f'<?xml version="1.0" encoding="UTF-8"?>{prolog}<w:document xmlns:w="{W_NS}">'
            f"<w:body>{paras}</w:body></w:document>").encode("utf-8")


def docx_bytes(document: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("word/document.xml", document)
    return buf.getvalue()


def _write(directory: Path, name: str, data: bytes | str) -> Path:
    path = Path(directory) / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# --------------------------------------------------------------------------- refused inputs

def empty(d):
    return _write(d, "empty.txt", b"")


def blank(d):
    return _write(d, "blank.md", b" \n\t\r\n   \n")


def binary_docx(d):
    return _write(d, "luat.docx", bytes(range(256)) * 40)


def binary_txt(d):
    return _write(d, "luat.txt", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 40)


def truncated_docx(d):
    return _write(d, "truncated.docx", docx_bytes(document_xml())[:400])


def zip_bomb_docx(d, size: int = 30_000_000):
    """A .docx whose document.xml is ``size`` bytes of spaces in a zip 1000 times smaller."""
    body = document_xml().replace(b"<w:body>", b"<w:body>" + b" " * size)
    return _write(d, "bomb.docx", docx_bytes(body))


def docx_with_xxe(d):
    prolog = '<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    return _write(d, "xxe.docx", docx_bytes(document_xml(LAW + "&x;\n", prolog).replace(b"&amp;x;", b"&x;")))


def html_without_law(d):
    page = ("<!DOCTYPE html><html><head><title>Trang chủ</title></head><body><nav>Menu</nav>"
            "<p>Chào mừng bạn đến với cổng thông tin. Tin tức, sự kiện, liên hệ.</p></body></html>")
    return _write(d, "trang-chu.html", page)


def xxe_local_file(d):
    return _write(d, "xxe.xml", '<?xml version="1.0"?>\n<!DOCTYPE akomaNtoso [\n'
                  '  <!ENTITY secret SYSTEM "file:///etc/passwd">\n]>\n'
                  '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'
                  "<act><body><article><num>Điều 1.</num><content><p>&secret;</p></content>"
                  "</article></body></act></akomaNtoso>")


def billion_laughs(d):
    ents = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    return _write(d, "lol.xml", '<?xml version="1.0"?>\n<!DOCTYPE lolz [' + "".join(ents) + "]>\n"
                  "<akomaNtoso><act><body><p>&lol9;</p></body></act></akomaNtoso>")


def dtd_fetching_url(d):
    return _write(d, "dtd-url.xml", '<?xml version="1.0"?>\n'
                  '<!DOCTYPE akomaNtoso SYSTEM "http://127.0.0.1:9/akn.dtd">\n'
                  '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>'
                  "<article><num>Điều 1.</num></article></body></act></akomaNtoso>")


def parameter_entity(d):
    return _write(d, "pe.xml", '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY % p SYSTEM '
                  '"http://127.0.0.1:9/evil.dtd"> %p;]>\n<x/>')


def deep_xml(d, depth: int = 100_000):
    return _write(d, "deep.xml", '<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/'
                  'legaldocml/ns/akn/3.0"><act><body>' + "<hcontainer>" * depth + "Điều 1."
                  + "</hcontainer>" * depth + "</body></act></akomaNtoso>")


def deep_html(d, depth: int = 100_000):
    return _write(d, "deep.html", "<html><body>" + "<div>" * depth + LAW.replace("\n", "<br>")
                  + "</div>" * depth + "</body></html>")


def deep_mhtml(d, depth: int = 20_000):
    """A saved web page (MHTML) whose parts are multiparts nested ``depth`` deep."""
    head = b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b0"\r\n\r\n'
    body = b"".join(f'--b{i - 1}\r\nContent-Type: multipart/related; boundary="b{i}"\r\n\r\n'.encode()
                    for i in range(1, depth))
    return _write(d, "deep.mhtml", head + body)


def huge_text(d, size: int = 200 * 1024 * 1024):
    """A 200 MB file (sparse: it takes no disk space; the size check comes first)."""
    path = Path(d) / "huge.txt"
    with open(path, "wb") as fh:
        fh.write(LAW.encode("utf-8"))
        fh.truncate(size)
    return path


def invalid_utf8(d):
    data = LAW.encode("utf-8")
    return _write(d, "hong.txt", data[:60] + b"\xff\xfe\xc3" + data[60:])


def fifo(d):
    """A named pipe with a law's name: opening it would block for ever; it is never opened."""
    path = Path(d) / "pipe.txt"
    os.mkfifo(path)
    return path


def missing(d):
    return Path(d) / "khong-co.txt"


def broken_symlink(d):
    path = Path(d) / "gone.txt"
    path.symlink_to(Path(d) / "vanished-target.txt")
    return path


def symlink_loop_dir(d):
    """A directory holding a good law and a link back to itself (and a link pair loop)."""
    top = Path(d) / "loop"
    top.mkdir()
    _write(top, "luat.txt", LAW)
    (top / "again").symlink_to(top)
    (top / "a").symlink_to(top / "b")
    (top / "b").symlink_to(top / "a")
    return top


# --------------------------------------------------------------------------- inputs that are read

def tcvn3(d):
    from lawscan.read.encoding import encode_legacy

    return _write(d, "tcvn3.txt", encode_legacy(LAW, "tcvn3"))


def vni(d):
    from lawscan.read.encoding import encode_legacy

    return _write(d, "vni.txt", encode_legacy(LAW, "vni"))


def law_5000_articles(d, chapters: int = 50, per_chapter: int = 100):
    lines = ["QUỐC HỘI", "Luật số: 98/2098/QH98", "LUẬT", "RẤT DÀI"]
    n = 0
    for c in range(1, chapters + 1):
        lines += [f"Chương {c}", f"CHƯƠNG THỨ {c}"]
        for _ in range(per_chapter):
            n += 1
            lines += [f"Điều {n}. Điều khoản số {n}", "1. Cơ quan nhà nước có thẩm quyền.",
                      "2. Tổ chức, cá nhân:", "a) Trong nước;", "b) Nước ngoài."]
    return _write(d, "dai.txt", "\n".join(lines) + "\n")


# name -> (builder, expectation)
CASES = {
    "empty": (empty, ("error", "empty")),
    "blank": (blank, ("error", "empty")),
    "binary_docx": (binary_docx, ("error", "")),
    "binary_txt": (binary_txt, ("error", "binary")),
    "truncated_docx": (truncated_docx, ("error", "corrupt")),
    "zip_bomb_docx": (zip_bomb_docx, ("error", "zip bomb")),
    "docx_with_xxe": (docx_with_xxe, ("error", "DOCTYPE")),
    "html_without_law": (html_without_law, ("error", "without law text")),
    "xxe_local_file": (xxe_local_file, ("error", "entities")),
    "billion_laughs": (billion_laughs, ("error", "entities")),
    "dtd_fetching_url": (dtd_fetching_url, ("error", "external DTD")),
    "parameter_entity": (parameter_entity, ("error", "entities")),
    "deep_xml": (deep_xml, ("error", "deep")),
    "deep_html": (deep_html, ("error", "deep")),
    "deep_mhtml": (deep_mhtml, ("error", "deep")),
    "huge_text": (huge_text, ("error", "too large")),
    "invalid_utf8": (invalid_utf8, ("error", "invalid UTF-8")),
    "fifo": (fifo, ("error", "not a regular file")),
    "missing": (missing, ("error", "no such file")),
    "broken_symlink": (broken_symlink, ("error", "")),
    "tcvn3": (tcvn3, ("document", None)),
    "vni": (vni, ("document", None)),
    "law_5000_articles": (law_5000_articles, ("document", None)),
}


# --------------------------------------------------------------------------- shapes that cost memory
# Each takes a directory and a size ``n`` and writes a file that once made memory or time grow
# faster than its size; benchmarks/bench_hostile_memory.py measures a scan of each at several n,
# tests/test_hostile_memory.py checks that what comes out is bounded.

def khoan_chain(d, n: int = 1000):
    """One sentence naming "khoản 1, khoản 2, … khoản n Điều 1" (Điều 1 has one khoản)."""
    chain = ", ".join(f"khoản {i}" for i in range(1, n + 1))
    return _write(d, f"chain-{n}.txt", LAW + f"Điều 3. Dẫn chiếu\n1. Trường hợp quy định tại {chain} "
                  "Điều 1 của Luật này.\n")


def numbering_xml(start: int, fmt: str = "lowerLetter", level_text: str = "%1)") -> bytes:
    return (f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{W_NS}">'
            f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>'
            f'<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{level_text}"/></w:lvl></w:abstractNum>'
            '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>').encode("utf-8")


def docx_parts(parts: dict[str, bytes], again: tuple[str, bytes] | None = None) -> bytes:
    """A .docx of the given members (name -> bytes); ``again`` = (name, bytes): one more member
    under a name already used."""
    import warnings

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, data in parts.items():
            zf.writestr(name, data)
        if again:
            with warnings.catch_warnings():  # zipfile warns of the duplicate name: wanted here
                warnings.simplefilter("ignore")
                zf.writestr(*again)
    return buf.getvalue()


def docx_numbering(d, n: int = 9000, start: int = 2_600_000, fmt: str = "lowerLetter",
                   level_text: str = "%1)"):
    """A .docx of ``n`` list paragraphs whose Word numbering starts at ``start`` (letters: a label
    of start/26 letters each); every zip member under 1 MiB."""
    para = ('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
            '<w:r><w:t>x</w:t></w:r></w:p>')
    doc = document_xml(LAW).replace(b"</w:body>", para.encode() * n + b"</w:body>")
    numbering = numbering_xml(start, fmt, level_text)
    return _write(d, f"numbering-{n}.docx", docx_parts({"word/document.xml": doc, "word/numbering.xml": numbering}))


def docx_trailing_notes(d, n: int = 9000):
    """A .docx whose last n paragraphs all start "[1]" and whose very last starts "[3]": each
    "[1]" was a start of end notes to try, each tried to the end."""
    body = LAW.replace("Luật này quy định", "Luật này [1] quy định") + "[1] ghi chú\n" * n + "[3] cuối\n"
    return _write(d, f"notes-{n}.docx", docx_bytes(document_xml(body)))


def long_line(d, n: int = 1_000_000):
    """A law whose one khoản is a single line of ``n`` bytes of words."""
    words = ("hồ sơ bản chính nộp trực tiếp tại cơ quan " * (n // 45 + 1))[:n]
    return _write(d, f"line-{n}.txt", LAW + f"Điều 3. Hồ sơ\n1. {words}\n")


def law_on_one_line(d, n: int = 1_000_000):
    """A law whose articles, with references to each other and to another law, run on one line
    of ``n`` bytes (a record that lost its line breaks): tens of thousands of references in one
    text."""
    pieces, size, i = [], 0, 1
    while size < n:
        piece = (f"Điều {i}. Hồ sơ {i} 1. Nộp theo khoản 1 Điều {max(i - 1, 1)} của Luật này và điểm a "
                 f"khoản 2 Điều 5 của Luật Đất đai số 31/2024/QH15. ")
        pieces.append(piece)
        size += len(piece.encode("utf-8"))
        i += 1
    return _write(d, f"one-line-{n}.txt", LAW + "".join(pieces) + "\n")


def short_names_on_one_line(d, n: int = 1_000_000):
    """A law whose one khoản, ``n`` bytes on one line, introduces a short name for a digital
    thing again and again ("Hệ thống thông tin ... (sau đây gọi là Hệ thống TT7) và ..."): each
    one's full name must be looked for just before it, not in the whole line."""
    pieces, size, i = [], 0, 1
    while size < n:
        piece = f"Hệ thống thông tin quốc gia về hồ sơ {i} (sau đây gọi là Hệ thống HS{i}) và "
        pieces.append(piece)
        size += len(piece.encode("utf-8"))
        i += 1
    return _write(d, f"short-names-{n}.txt", LAW + "Điều 3. Hệ thống\n1. " + "".join(pieces) + "\n")


def many_units(d, n: int = 20000):
    """``n`` one-line articles, each with a khoản and a reference to the article before."""
    lines = ["QUỐC HỘI", "LUẬT", "NHIỀU ĐIỀU", "Chương I", "QUY ĐỊNH CHUNG"]
    for i in range(1, n + 1):
        lines += [f"Điều {i}. Hồ sơ {i}", f"1. Nộp bản chính theo khoản 1 Điều {max(i - 1, 1)}."]
    return _write(d, f"units-{n}.txt", "\n".join(lines) + "\n")


def json_record(d, n: int = 20000):
    """A JSON record of ``n`` articles."""
    import json

    articles = [{"number": f"Điều {i}", "heading": "Hồ sơ", "body": "1. Nộp bản chính tại cơ quan."}
                for i in range(1, n + 1)]
    return _write(d, f"record-{n}.json", json.dumps({"id": "x", "chapters": [
        {"title": "CHƯƠNG I", "subtitle": "QUY ĐỊNH CHUNG", "articles": articles}]}, ensure_ascii=False))


def html_table(d, n: int = 20000):
    """An HTML law whose articles sit in the cells of one big table."""
    rows = "".join(f"<tr><td>Điều {i}. Hồ sơ</td><td>1. Nộp bản chính.</td></tr>" for i in range(1, n + 1))
    return _write(d, f"table-{n}.html", "<html><body><p>LUẬT THỬ</p><p>Chương I</p><p>CHUNG</p>"
                  f"<table>{rows}</table></body></html>")


def mhtml_parts(d, n: int = 20_000):
    """A saved web page (MHTML) of ``n`` one-line style-sheet parts after its page: each becomes
    a message object of the MIME parser."""
    page = ("<html><body>" + "".join(f"<p>{line}</p>" for line in LAW.splitlines()) + "</body></html>").encode()
    parts = b"--B\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page + b"\r\n"
    parts += b"--B\r\nContent-Type: text/css\r\n\r\nx\r\n" * n
    return _write(d, f"parts-{n}.mhtml", b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"'
                  b"\r\n\r\n" + parts + b"--B--\r\n")


def tiny_lines(d, n: int = 500_000):
    """A law followed by ``n`` lines of one letter each."""
    return _write(d, f"tiny-{n}.txt", LAW + "x\n" * n)


def docx_tiny_paragraphs(d, n: int = 1_000_000, fill: float = 0.01):
    """A .docx of ``n`` one-letter paragraphs, with enough random text (``fill`` of the XML) to
    keep its zip ratio under 100:1."""
    import base64

    para = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    noise = base64.b64encode(os.urandom(max(1, int(n * len(para) * fill)))).decode()
    doc = document_xml(LAW + noise + "\n").replace(b"</w:body>", para * n + b"</w:body>")
    return _write(d, f"paragraphs-{n}.docx", docx_parts({"word/document.xml": doc}))


# name -> builder(d, n); what n means is in each builder's docstring
SHAPES = {
    "tiny_lines": tiny_lines,
    "docx_tiny_paragraphs": docx_tiny_paragraphs,
    "khoan_chain": khoan_chain,
    "docx_numbering": docx_numbering,
    "docx_trailing_notes": docx_trailing_notes,
    "long_line": long_line,
    "law_on_one_line": law_on_one_line,
    "short_names_on_one_line": short_names_on_one_line,
    "many_units": many_units,
    "json_record": json_record,
    "html_table": html_table,
    "mhtml_parts": mhtml_parts,
}
