"""Reader for word-processor files read through a converter installed on the machine: legacy
binary Word (.doc, Word 97-2003), Rich Text Format (.rtf) and OpenDocument text (.odt, what
LibreOffice and agencies on open-source office suites save). Takes the file's bytes and its kind
(``"doc" | "rtf" | "odt"``, as :func:`lawscan.read.detect.sniff_binary` recognised it), gives a
:class:`Source` with that ``format``.

Converters, in order of preference (measured on tests/fixtures/read/du-thao-nghi-dinh.doc, see
docs/input-formats.md):

1. LibreOffice (``soffice``, Debian: ``libreoffice-writer-nogui``) saves the file as .docx, which
   the .docx reader then reads: Vietnamese, Word automatic numbering ("Chương %1", "Điều %1.",
   "%2.", "%3)"), footnotes, tables in body order. It runs headless with a fresh profile in a
   temporary directory whose settings disable macro execution. It is the only converter of .rtf
   and .odt files.
2. For a .doc only: antiword, then catdoc: plain text, Vietnamese kept, but the labels of Word's
   automatic numbering are lost (an article numbered by Word comes out as its title only); a
   warning Problem ``read.doc.numbering`` says so.

With none installed the file is refused with a one-line message saying what to install (or to
save the file as .docx). Every converter runs as :func:`lawscan.read.external.run_tool` says:
on a copy of the input in a temporary directory, no shell, a timeout (``convert_timeout``,
default 120 s, and the document's ``--timeout``), its own process group killed on timeout, no
file it writes larger than ``max_bytes`` (the input limit; twice that for LibreOffice, its
temporary files included); the input file itself is never handed to it, so nothing can be
written beside it. LibreOffice's profile is private to the run (a folder in the temporary
directory, removed after), disables macros (a file's macros never run) and blocks links to
untrusted places. A scan converts its files a batch at a time (lawscan.read.office_batch) and
hands the folder of the .docx files made to :func:`read_office` (``batches``).
"""

from __future__ import annotations

import hashlib
import os
import tempfile

from lawscan.errors import ReadError
from lawscan.model import Problem, Source
from lawscan.read.external import find_tool, run_tool
from lawscan.read.limits import DEFAULT_LIMITS

LIBREOFFICE = "LibreOffice (Debian/Ubuntu: apt-get install libreoffice-writer-nogui)"
# what each kind of file is called in a message, and the converters that read it, best first
KINDS = {
    "doc": ("a legacy Word .doc file", ("soffice", "antiword", "catdoc"),
            f"install {LIBREOFFICE} or antiword, or save the file as .docx"),
    "rtf": ("a Rich Text Format (.rtf) file", ("soffice",),
            f"install {LIBREOFFICE}, or save the file as .docx"),
    "odt": ("an OpenDocument text (.odt) file", ("soffice",),
            f"install {LIBREOFFICE}, or save the file as .docx"),
}
# A fresh LibreOffice profile: macros never run (and no first-start wizard, no update check).
_PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
</oor:items>
"""


def converters() -> list[tuple[str, str]]:
    """The installed converters, best first: (name, full path)."""
    found = []
    for name in ("soffice", "libreoffice", "antiword", "catdoc"):
        exe = find_tool(name)
        if exe and not (name == "libreoffice" and found and found[0][0] == "soffice"):
            found.append(("soffice" if name == "libreoffice" else name, exe))
    return found


def read_office(path: str, data: bytes, limits: dict | None = None, kind: str = "doc",
                batches: str | None = None) -> Source:
    """Read the bytes of a .doc, .rtf or .odt file (``kind``; see the module docstring). The
    .docx that a batch of the run (``batches``, the folder of lawscan.read.office_batch) made of
    these bytes is read if there is one."""
    made = batch_docx(batches, data)
    if made is not None:
        from lawscan.read.docx import read_docx

        source, name = read_docx(path, made, limits), "soffice"
    else:
        source, name = _convert_alone(path, data, limits, kind)
    source.path, source.format = path, kind
    source.meta["converter"] = name
    return source


def _convert_alone(path: str, data: bytes, limits: dict | None, kind: str) -> tuple[Source, str]:
    """The file read through the best converter installed, and that converter's name."""
    described, usable, hint = KINDS[kind]
    timeout = float((limits or {}).get("convert_timeout") or 120)
    # what a converter may write: no file larger than an input may be (the converted .docx, the
    # text, LibreOffice's temporary files twice that)
    max_output = int((limits or {}).get("max_bytes") or DEFAULT_LIMITS["max_bytes"])
    tools = [(name, exe) for name, exe in converters() if name in usable]
    if not tools:
        raise ReadError(path, f"{described}; reading it needs a converter: {hint}",
                        "read.doc_converter_missing")
    name, exe = tools[0]
    with tempfile.TemporaryDirectory(prefix="lawscan-doc-") as work:
        copy = os.path.join(work, f"input.{kind}")
        with open(copy, "wb") as fh:
            fh.write(data)
        if name == "soffice":
            return _with_libreoffice(path, exe, copy, work, timeout, limits, 2 * max_output,
                                     described), name
        return _as_text(path, name, exe, copy, work, timeout, max_output), name


def batch_docx(batches: str | None, data: bytes) -> bytes | None:
    """The .docx a batch of the run made of exactly these bytes, kept in the folder ``batches``
    under :func:`batch_name` (lawscan.read.office_batch), or None."""
    if not batches:
        return None
    try:
        with open(os.path.join(batches, batch_name(data)), "rb") as fh:
            return fh.read()
    except OSError:
        return None


def batch_name(data: bytes) -> str:
    """The name a batch keeps the .docx made of ``data`` under: the SHA-256 of the bytes."""
    return hashlib.sha256(data).hexdigest() + ".docx"


def _with_libreoffice(path: str, exe: str, copy: str, work: str, timeout: float, limits,
                      max_output: int, described: str) -> Source:
    from lawscan.read.docx import read_docx

    outdir = os.path.join(work, "out")
    os.mkdir(outdir)
    run_tool(path, libreoffice_argv(exe, work, outdir, [copy]), timeout=timeout, workdir=work,
             max_memory=None, max_output=max_output)
    converted = os.path.join(outdir, "input.docx")
    if not os.path.isfile(converted):
        raise ReadError(path, f"LibreOffice could not convert this file ({described} that is "
                              "damaged, or not one)", "read.doc_broken")
    with open(converted, "rb") as fh:
        return read_docx(path, fh.read(), limits)


def libreoffice_argv(exe: str, work: str, outdir: str, inputs: list[str]) -> list[str]:
    """The command that has LibreOffice save ``inputs`` as .docx files in ``outdir``, with a
    fresh profile in ``work`` (made here) that runs no macro."""
    profile = os.path.join(work, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as fh:
        fh.write(_PROFILE_SETTINGS)
    return [exe, "--headless", "--norestore", "--nolockcheck", "--nodefault",
            f"-env:UserInstallation=file://{profile}", "--convert-to", "docx:MS Word 2007 XML",
            "--outdir", outdir, *inputs]


def _as_text(path: str, name: str, exe: str, copy: str, work: str, timeout: float, max_output: int) -> Source:
    from lawscan.read.text import read_text

    argv = [exe, "-m", "UTF-8.txt", "-w", "0", copy] if name == "antiword" else [exe, "-d", "utf-8", "-w", copy]
    out = run_tool(path, argv, timeout=timeout, workdir=work, max_output=max_output)
    text = out.decode("utf-8", "replace")
    if not text.strip():
        raise ReadError(path, f"{name} found no text in this .doc", "read.empty")
    source = read_text(path, text, "txt", "utf-8")
    source.meta["degraded"] = f"read with {name}: Word numbering lost"
    source.problems.append(Problem(
        "read.doc.numbering", f"read with {name}: labels of Word automatic numbering (\"Điều 1.\", "
        "\"1.\", \"a)\") are lost; install LibreOffice (apt-get install libreoffice-writer-nogui) to "
        "keep them", None, "warning"))
    return source
