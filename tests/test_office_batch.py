"""A run's .doc, .rtf and .odt files converted a batch at a time, one LibreOffice start for many
files (lawscan.read.office_batch): the same documents as files converted alone, a file changed
since its batch read as it is now, a batch that fails leaving each file to be converted alone
(with the message it gets alone), files the parse cache holds not converted again. Where the
test only needs to know how LibreOffice was run, a stand-in records its starts and answers
with a .docx."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import FIXTURES, fake_tool
from lawscan.errors import ReadError
from lawscan.pipeline import load_document
from lawscan.read.office_batch import Batches
from lawscan.scan import ScanOptions, scan

DOC = FIXTURES / "read" / "du-thao-nghi-dinh.doc"
SAMPLES = FIXTURES.parents[1] / "sample_laws"
HAS_SOFFICE = bool(shutil.which("soffice") or shutil.which("libreoffice"))
needs_soffice = pytest.mark.skipif(not HAS_SOFFICE, reason="LibreOffice (soffice) is not installed "
                                   "(apt-get install libreoffice-writer-nogui)")


def _folder(tmp_path, copies: int = 2):
    """``copies`` of each fixture (.doc, .odt, .rtf) in a folder, and a text law beside them."""
    folder = tmp_path / "du-thao"
    folder.mkdir()
    for i in range(copies):  # each copy its own bytes (a batch keeps a .docx by its input's bytes)
        for suffix in ("doc", "odt", "rtf"):
            data = DOC.with_suffix(f".{suffix}").read_bytes()
            (folder / f"ban-{i}.{suffix}").write_bytes(data + b" " * i)
    shutil.copyfile(SAMPLES / "05-luat-nghi-le-nha-nuoc.txt", folder / "luat.txt")
    return folder


def _shape(doc) -> tuple:
    return (doc.format, doc.title, doc.counts(), [u.heading for u in doc.root.walk()],
            [line.text for line in doc.lines])


def _stand_in(tmp_path, monkeypatch, fail_batches: bool = False, refuse: str = ""):
    """A soffice that logs each start (its number of inputs) and answers every input with the
    same small .docx; with ``fail_batches`` it fails when given more than one input; it makes
    nothing of an input that holds ``refuse``."""
    from hostile import generators as gen

    docx = tmp_path / "made.docx"
    docx.write_bytes(gen.docx_bytes(gen.document_xml()))
    log = tmp_path / "starts"
    refused = f'grep -q {refuse} "$f" ||' if refuse else ""
    fake_tool(tmp_path, monkeypatch, "soffice", f'''
while [ $# -gt 0 ]; do case "$1" in --outdir) outdir="$2"; shift 2; break;; *) shift;; esac; done
echo "$#" >> {log}
{"[ $# -gt 1 ] && exit 1" if fail_batches else ""}
for f; do b=$(basename "$f"); {refused} cp {docx} "$outdir/${{b%.*}}.docx"; done
''')
    return log


def _starts(log) -> list[int]:
    return [int(n) for n in log.read_text().split()] if log.exists() else []


@needs_soffice
def test_a_folder_is_converted_in_one_start_into_the_same_documents(tmp_path, monkeypatch):
    import tempfile

    from lawscan.read import office

    real = dict(office.converters())["soffice"]
    log = tmp_path / "starts"
    fake_tool(tmp_path, monkeypatch, "soffice", f'echo start >> {log}\nexec {real} "$@"\n')
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    folder = _folder(tmp_path, copies=1)
    before = sorted(os.listdir(folder))
    result = scan([str(folder)])
    assert len(log.read_text().split()) == 1 and not result.errors  # three files, one start
    assert os.listdir(scratch) == []  # the batch's folder is gone with the run
    for done in result.documents:
        alone = scan([str(folder / os.path.basename(done.document.path))]).documents[0]
        assert _shape(done.document) == _shape(alone.document)
        assert done.to_dict() == alone.to_dict()
    assert len(log.read_text().split()) == 1 + 3  # and each of the three alone
    assert sorted(os.listdir(folder)) == before


RTF = r"{\rtf1\ansi\deff0{\fonttbl{\f0 Times New Roman;}}\f0 Ch\u432?\u417?ng I\par " \
      r"\u272?i\u7873?u 1. %s\par}"


@needs_soffice
def test_a_file_changed_after_its_batch_is_read_as_it_is_now(tmp_path):
    first, second = tmp_path / "a.rtf", tmp_path / "b.rtf"
    first.write_text(RTF % "Pham vi", encoding="ascii")
    second.write_text(RTF % "Doi tuong", encoding="ascii")
    with Batches([str(first), str(second)]) as batches:
        batches.ready(str(first))
        assert len(os.listdir(batches.directory)) == 2  # both made, nothing else kept
        assert "Pham vi" in load_document(first, batches=batches.directory).units("article")[0].heading
        first.write_text(RTF % "Giai thich tu ngu", encoding="ascii")
        assert load_document(first, batches=batches.directory).units("article")[0].heading == \
            "Giai thich tu ngu"
    assert not os.path.exists(batches.directory)


def test_the_run_starts_the_converter_once_a_batch_and_not_for_cached_files(tmp_path, monkeypatch):
    log = _stand_in(tmp_path, monkeypatch)
    folder = _folder(tmp_path, copies=7)  # 21 office files: a batch of 16, then one of 5
    options = ScanOptions(cache_dir=str(tmp_path / "cache"))
    result = scan([str(folder)], options)
    assert len(result.documents) == 22 and not result.errors
    assert _starts(log) == [16, 5]
    assert {d.document.meta.get("converter") for d in result.documents} == {"soffice", None}
    scan([str(folder)], options)
    assert _starts(log) == [16, 5]  # all held by the cache: LibreOffice not started again


def test_workers_read_what_the_parent_converted(tmp_path, monkeypatch):
    log = _stand_in(tmp_path, monkeypatch)
    folder = _folder(tmp_path, copies=2)
    serial = scan([str(folder)])
    assert _starts(log) == [6]
    parallel = scan([str(folder)], ScanOptions(jobs=2))
    assert _starts(log) == [6, 6]
    assert [d.to_dict() for d in parallel.documents] == [d.to_dict() for d in serial.documents]


def test_a_batch_that_fails_leaves_each_file_to_be_converted_alone(tmp_path, monkeypatch):
    log = _stand_in(tmp_path, monkeypatch, fail_batches=True)
    folder = _folder(tmp_path, copies=1)
    result = scan([str(folder)])
    assert _starts(log) == [3, 1, 1, 1]
    assert len(result.documents) == 4 and not result.errors


def test_a_file_the_batch_could_not_convert_gets_the_message_it_gets_alone(tmp_path, monkeypatch):
    """A stand-in that makes nothing of a damaged input (marked BROKEN), in a batch or alone."""
    log = _stand_in(tmp_path, monkeypatch, refuse="BROKEN")
    folder = _folder(tmp_path, copies=1)
    damaged = folder / "ban-hong.doc"
    damaged.write_bytes(DOC.read_bytes() + b"BROKEN")
    with pytest.raises(ReadError) as alone:
        load_document(damaged)
    assert _starts(log) == [1]
    result = scan([str(folder)])
    assert _starts(log) == [1, 4, 1]  # the batch of four, then the damaged file alone
    assert len(result.documents) == 4
    assert [(e.path, e.message) for e in result.errors] == [(alone.value.path, alone.value.reason)]
    assert "LibreOffice could not convert this file" in alone.value.reason
