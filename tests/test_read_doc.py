"""Legacy Word .doc, OpenDocument .odt and RTF files, read through an installed converter. The
fixtures (tests/fixtures/read/du-thao-nghi-dinh.doc, .odt, .rtf, made by
tools/make_doc_fixture.py from one text written for the tests) number its chapters, articles,
khoản and điểm with Word's automatic numbering (.doc, .odt) or as text (.rtf): LibreOffice keeps
it, antiword and catdoc lose it (and say so), and read only .doc."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import FIXTURES, fake_tool
from lawscan.errors import ReadError
from lawscan.read import read_source

DOC = FIXTURES / "read" / "du-thao-nghi-dinh.doc"
HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))


def texts(source) -> list[str]:
    return [" ".join(line.text.split()) for line in source.lines]


@pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed "
                    "(apt-get install libreoffice-writer-nogui)")
@pytest.mark.parametrize("suffix", ["doc", "odt", "rtf"])
def test_read_with_libreoffice_keeps_vietnamese_and_word_numbering(tmp_path, suffix):
    from lawscan.pipeline import load_document

    copy = tmp_path / f"du-thao.{suffix}"
    shutil.copyfile(DOC.with_suffix(f".{suffix}"), copy)
    before = sorted(os.listdir(tmp_path))
    doc = load_document(copy)
    assert doc.format == suffix and doc.meta["converter"] == "soffice"
    counts = doc.counts()
    assert (counts["chapters"], counts["articles"], counts["paragraphs"], counts["points"]) == (3, 5, 4, 3)
    assert [u.heading for u in doc.units("chapter")] == ["NHỮNG QUY ĐỊNH CHUNG", "CẤP PHÉP VÀ VẬN HÀNH",
                                                          "ĐIỀU KHOẢN THI HÀNH"]
    assert doc.units("article")[2].heading == "Hồ sơ đề nghị cấp phép"
    assert "c) Bản sao có chứng thực giấy chứng nhận đăng ký doanh nghiệp." in texts(doc)
    assert doc.is_draft
    assert sorted(os.listdir(tmp_path)) == before  # nothing written beside the input


def _only(monkeypatch, name: str) -> None:
    from lawscan.read import office

    exe = shutil.which(name)
    if exe is None:
        pytest.skip(f"{name} is not installed (apt-get install {name})")
    monkeypatch.setattr(office, "converters", lambda: [(name, exe)])


@pytest.mark.parametrize("name", ["antiword", "catdoc"])
def test_doc_read_with_a_text_converter_keeps_vietnamese_and_warns(monkeypatch, name):
    _only(monkeypatch, name)
    source = read_source(str(DOC))
    assert source.format == "doc" and source.meta["converter"] == name
    lines = texts(source)
    assert "Ủy ban nhân dân cấp tỉnh và cơ quan quản lý giao thông đô thị." in lines
    assert "Phạm vi điều chỉnh" in lines  # "Điều 1. " came from Word's numbering: lost
    assert any(p.code == "read.doc.numbering" and p.severity == "warning" for p in source.problems)
    assert "Word numbering lost" in source.meta["degraded"]  # not cached: LibreOffice may come


def test_doc_without_any_converter_says_what_to_install(monkeypatch, tmp_path):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    with pytest.raises(ReadError) as err:
        read_source(str(DOC))
    assert err.value.code == "read.doc_converter_missing"
    assert "libreoffice-writer-nogui" in str(err.value) and "save the file as .docx" in str(err.value)
    assert str(err.value).startswith(str(DOC)) and "\n" not in str(err.value)


@pytest.mark.parametrize("suffix, described", [("odt", "an OpenDocument text (.odt) file"),
                                               ("rtf", "a Rich Text Format (.rtf) file")])
def test_odt_and_rtf_are_read_only_by_libreoffice(monkeypatch, suffix, described):
    """antiword and catdoc read a .doc only: with them alone an .odt or .rtf is refused, naming
    the file, its format and LibreOffice (not read as a .doc, nor as garbled text)."""
    _only(monkeypatch, "antiword")
    path = DOC.with_suffix(f".{suffix}")
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == "read.doc_converter_missing"
    assert str(err.value).startswith(f"{path}: {described}; reading it needs a converter: install LibreOffice")
    assert "antiword" not in str(err.value)


def test_an_opendocument_file_that_is_not_a_text_is_refused(tmp_path):
    import zipfile

    path = tmp_path / "bang-tong-hop.odt"  # a spreadsheet, whatever its name says
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == "read.binary" and "not a text (spreadsheet)" in str(err.value)


def test_converter_timeout_is_a_read_error(monkeypatch):
    _only(monkeypatch, "antiword")
    from lawscan.read import external

    real = external.run_tool

    def slow(path, argv, timeout, workdir, **kw):  # a converter that hangs on this input
        return real(path, ["sleep", "30"], timeout=0.5, workdir=workdir, **kw)

    monkeypatch.setattr("lawscan.read.office.run_tool", slow)
    with pytest.raises(ReadError) as err:
        read_source(str(DOC))
    assert err.value.code == "read.tool_timeout" and "longer than 0.5 s" in str(err.value)


def test_word_file_that_is_not_a_word_document(tmp_path):
    path = tmp_path / "bang.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 200 + "Workbook".encode("utf-16-le"))
    with pytest.raises(ReadError, match="not a Word document"):
        read_source(str(path))


def test_a_converter_that_writes_without_end_is_stopped(tmp_path, monkeypatch):
    fake_tool(tmp_path, monkeypatch, "antiword", "exec yes 'Điều 1. Phạm vi điều chỉnh'\n")
    with pytest.raises(ReadError) as err:
        read_source(str(DOC), {"max_bytes": 1_000_000})
    assert err.value.code == "read.tool_output"
    assert "antiword wrote more than 1000000 bytes; stopped" in str(err.value)


def test_libreoffice_runs_with_a_private_profile_without_macros_and_limits(tmp_path, monkeypatch):
    """What soffice is given, seen by a stand-in that records it and answers with a .docx."""
    from hostile import generators as gen

    docx = tmp_path / "converted.docx"
    docx.write_bytes(gen.docx_bytes(gen.document_xml()))
    record = tmp_path / "record"
    fake_tool(tmp_path, monkeypatch, "soffice", f'''
for arg; do case "$arg" in -env:UserInstallation=file://*) profile="${{arg#-env:UserInstallation=file://}}";; esac; done
echo "profile=$profile" > {record}
echo "fsize=$(ulimit -f)" >> {record}
cat "$profile/user/registrymodifications.xcu" >> {record}
while [ $# -gt 2 ]; do [ "$1" = --outdir ] && outdir="$2"; shift; done
cp {docx} "$outdir/input.docx"
''')
    source = read_source(str(DOC), {"max_bytes": 1_000_000})
    assert source.meta["converter"] == "soffice" and source.lines
    seen = record.read_text(encoding="utf-8")
    profile = seen.split("profile=", 1)[1].split("\n", 1)[0]
    assert "/lawscan-doc-" in profile and not os.path.exists(profile)  # private, removed after
    assert '"DisableMacrosExecution" oor:op="fuse"><value>true</value>' in seen
    assert '"BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value>' in seen
    assert "fsize=3906" in seen  # 2 x 1,000,000 bytes, in 512-byte blocks
