"""Findings back in Word: a reviewed copy of a .docx draft with one comment per finding.

* ``read_draft(path, limits)`` reads a draft once and gives its bytes and its Document (parsed
  from those very bytes, so line numbers and paragraphs agree);
* ``annotate(data, result, rules)`` takes those bytes, the DocumentResult of the same bytes and
  the rules' metadata ({id: RuleInfo}); gives an :class:`Annotated`: the bytes of a copy in which
  every finding is a Word comment, and where each one went. A comment is anchored on the
  paragraph of the flagged unit: the article heading for an article-level finding, the khoản or
  điểm for one of those, the chapter heading (or the title) for a missing chapter. It says,
  Vietnamese first and English after: the rule id, the severity, the rule's title, the message
  and the suggestion. Nothing else of the copy changes: formatting, numbering and the comments
  already there are kept (python-docx writes the comments part, adding it when there is none);
* ``write_copy(path, data, draft, force)`` writes the copy whole or not at all (atomically),
  never over the draft, never over anything but a regular file, over an existing file only with
  ``force``.

The paragraph of a unit is found through the reader's numbering: for a .docx, ``Line.lineno``
is the paragraph number (``lawscan.read.docx.paragraph_elements``: body paragraphs and those
of table cells in order; notes, headers and text boxes are not numbered, so nothing points
there). A comment covers its whole paragraph (its range marks go after the paragraph's
properties and at its end), whatever the paragraph holds: runs, hyperlinks, fields, tracked
changes, or nothing.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lawscan.errors import LawscanError, ReadError
from lawscan.model import Document, DocumentResult, Finding, RuleInfo
from lawscan.read.own import REVIEWED_MARK

AUTHOR = "lawscan"
INITIALS = "LS"


class OutputRefused(LawscanError):
    """The copy cannot be written where asked (the draft itself, a device, an existing file)."""


@dataclass
class Placed:
    """Where one finding's comment went."""

    finding: Finding
    paragraph: int  # 1-based paragraph number (the reader's Line.lineno)
    comment_id: int


@dataclass
class Annotated:
    data: bytes
    placed: list[Placed] = field(default_factory=list)


def read_draft(path: str, limits: dict | None = None) -> tuple[bytes, Document]:
    """The bytes of a .docx draft and its Document, read once (ReadError when it is no .docx)."""
    from lawscan.normalise import normalise
    from lawscan.read.docx import read_docx
    from lawscan.read.limits import merge_limits, read_bytes
    from lawscan.read.own import HEAD_BYTES, TAIL_BYTES, lawscan_output
    from lawscan.structure import parse_source

    limits = merge_limits(limits)
    data = read_bytes(path, limits)
    if lawscan_output(data[:HEAD_BYTES], data[-TAIL_BYTES:]):
        raise ReadError(path, "a reviewed copy that lawscan annotate wrote (its comments are lawscan's "
                              "findings); annotate the draft itself", "read.lawscan_output")
    return data, parse_source(normalise(read_docx(path, data=data, limits=limits)))


def anchor_paragraph(dr: DocumentResult, f: Finding, units: dict | None = None) -> int:
    """The paragraph a finding's comment goes on: the first line of its unit (or of the nearest
    ancestor the parser found), else the finding's own line, else the title's."""
    units = units if units is not None else _units(dr.document)
    eid = f.eid
    while eid:
        unit = units.get(eid)
        if unit is not None and unit.line:
            return unit.line
        eid = eid.rpartition("__")[0]
    return f.line or dr.document.title_line()


def _units(doc: Document) -> dict:
    return {u.eid: u for u in doc.root.walk() if u.eid}


def comment_text(f: Finding, rule: RuleInfo | None = None) -> str:
    """The comment of a finding: Vietnamese (rule, severity, title, message, suggestion), then
    English. Control characters, which XML cannot hold, are left out."""
    from lawscan.wording import clean, severity_label, word

    sev = severity_label(f.severity)
    title_vi, title_en = (rule.title, rule.title_en) if rule else ("", "")
    lines = [f"[{f.rule_id}] {sev['vi']}: {title_vi}".rstrip(": "), f.message]
    if f.suggestion:
        lines.append(f"{word('suggestion')['vi']}: {f.suggestion}")
    lines += [f"[{f.rule_id}] {sev['en'].capitalize()}: {title_en}".rstrip(": "), f.message_en]
    return "\n".join(clean(line) for line in lines if line)


def annotate(data: bytes, result: DocumentResult, rules: dict[str, RuleInfo] | None = None
             ) -> Annotated:
    """A copy of the .docx ``data`` with one comment per finding of ``result`` (see the module
    docstring). ``result`` must come from these bytes (``read_draft``)."""
    import docx

    from lawscan.read.docx import paragraph_elements

    document = docx.Document(io.BytesIO(data))
    paragraphs = paragraph_elements(document.element.body)
    units = _units(result.document)
    placed = []
    for f in result.findings:
        if not paragraphs:
            break
        number = min(max(anchor_paragraph(result, f, units), 1), len(paragraphs))
        comment = document.comments.add_comment(text=comment_text(f, (rules or {}).get(f.rule_id)),
                                                author=AUTHOR, initials=INITIALS)
        _mark_paragraph(paragraphs[number - 1], comment.comment_id)
        placed.append(Placed(f, number, comment.comment_id))
    out = io.BytesIO()
    document.save(out)
    with zipfile.ZipFile(out, "a") as archive:  # lawscan's own output: never read back as a law
        archive.comment = REVIEWED_MARK
    return Annotated(out.getvalue(), placed)


def _mark_paragraph(p, comment_id: int) -> None:
    """The whole paragraph as the comment's range: ``w:commentRangeStart`` after its properties,
    ``w:commentRangeEnd`` and the run holding the ``w:commentReference`` at its end."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)})
    if len(p) and p[0].tag == qn("w:pPr"):
        p[0].addnext(start)
    else:
        p.insert(0, start)
    p.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)}))
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    props.append(OxmlElement("w:rStyle", attrs={qn("w:val"): "CommentReference"}))
    run.append(props)
    run.append(OxmlElement("w:commentReference", attrs={qn("w:id"): str(comment_id)}))
    p.append(run)


# --------------------------------------------------------------------------- writing the copy

def check_target(path: str, draft: str, force: bool) -> None:
    """Refuse (OutputRefused) to write the copy over the draft (by any name: a link, a hard
    link), over anything that is not a regular file, or over an existing file without
    ``force``."""
    target = Path(path)
    if target.name == "" or str(path).endswith(os.sep):
        raise OutputRefused(f"{path}: the output must be a file name")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
    except OSError as exc:
        raise OutputRefused(f"{path}: cannot check the output: {exc.strerror or exc}") from None
    if st is not None:
        with contextlib.suppress(OSError):
            if os.path.samefile(target, draft):
                raise OutputRefused(f"{path}: this is the draft itself; lawscan never writes over "
                                    "its input (choose another name, e.g. DRAFT.reviewed.docx)")
        if not stat.S_ISREG(st.st_mode):
            raise OutputRefused(f"{path}: not a regular file (a directory, device or pipe); "
                                "lawscan writes only regular files")
        if not force:
            raise OutputRefused(f"{path}: the file exists; use --force to replace it")
    elif os.path.lexists(target):
        raise OutputRefused(f"{path}: a broken symbolic link; remove it or choose another name")
    if not target.parent.is_dir() and str(target.parent) not in ("", "."):
        raise OutputRefused(f"{path}: no such directory: {target.parent}")


def write_copy(path: str, data: bytes, draft: str, force: bool = False) -> None:
    """Write ``data`` to ``path`` whole or not at all (lawscan.atomic: a temporary file
    next to it, fsynced, then put in place), after :func:`check_target`."""
    from lawscan.atomic import atomic_write

    check_target(path, draft, force)
    atomic_write(path, data)
