"""``lawscan parse PATHS... [--format text|json] [-o FILE]``: read and parse laws, print their
metadata and outline (text) or their structure tree (JSON array, one object per document).

Takes files and directories (walked with :func:`lawscan.pipeline.iter_inputs`); a file that cannot
be read is reported on stderr as "lawscan: error: path: reason" and the others are still parsed,
a file left out on purpose (lawscan's own output, a link out of the folder) as "lawscan: skipped:
path: reason"; the exit code is 2 if any input failed, else 0.
"""

from __future__ import annotations

import sys

import click

from lawscan.model import STRUCTURE_KINDS, Document, Unit, unit_name

OUTLINE_KINDS = STRUCTURE_KINDS  # an attachment (a regulation issued with a decree) too


def document_json(doc: Document) -> dict:
    """The document's tree (``Document.to_dict(tree=True)``) with its digital verdict under
    ``digital``."""
    from lawscan.analyse import analyse

    d = doc.to_dict(tree=True)
    d["digital"] = analyse(doc).to_dict()
    return d


def _count(unit: Unit, kind: str) -> int:
    return sum(1 for u in unit.walk(include_quoted=False) if u.kind == kind)


def _consolidates(doc) -> str:
    """" (law)" after the kind of a consolidated text: the kind it consolidates."""
    base = doc.meta.get("consolidates") if doc.doc_kind == "consolidated" else None
    return f" ({base})" if base else ""


def outline(doc: Document) -> str:
    """Metadata and an indented outline: Phần/Chương/Mục/Tiểu mục/Điều with numbers, titles and
    the number of khoản/điểm per article."""
    c = doc.counts()
    out = [f"{doc.path} [{doc.format}]",
           f"  title: {doc.title or '?'}",
           f"  number: {doc.number or '-'}   year: {doc.year or '-'}   date: {doc.date or '-'}"
           f"   kind: {doc.doc_kind}{_consolidates(doc)}{'   DRAFT' if doc.is_draft else ''}",
           "  counts: " + ", ".join(f"{k} {v}" for k, v in c.items())]

    def walk(unit: Unit, depth: int):
        for child in unit.children:
            if child.kind not in OUTLINE_KINDS:
                continue
            text = f"{'  ' * depth}{child.label()}"
            if child.kind == "attachment":  # "Quy chế đấu thầu" says what "Quy chế" would
                text = f"{'  ' * depth}{child.heading or child.label()}"
            elif child.heading:
                text += f". {child.heading}"
            if child.kind == "article":
                paras, points = _count(child, "paragraph"), _count(child, "point")
                quoted = sum(1 for u in child.walk() if u.kind == "quoted")
                extra = [f"{paras} {unit_name('paragraph')}"] if paras else []
                extra += [f"{points} {unit_name('point')}"] if points else []
                extra += [f"{quoted} quoted"] if quoted else []
                if extra:
                    text += f"  ({', '.join(extra)})"
            out.append(f"  {text}   [{child.eid}, line {child.line}]")
            walk(child, depth + 1)

    walk(doc.root, 1)
    problems = [p for p in doc.problems if p.severity != "info"]
    if problems:
        out.append(f"  problems ({len(problems)}):")
        out.extend(f"    line {p.line or '-'}: {p.code}: {p.message}" for p in problems)
    return "\n".join(out)


@click.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Outline as text, or a JSON array (one object per document).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE instead of standard output.")
def parse(paths, fmt, output):
    """Parse laws into their structure (Phần › Chương › Mục › Tiểu mục › Điều › khoản › điểm)."""
    from lawscan.cli import check_output, report_input_error, report_skipped
    from lawscan.model import InputError, SkippedInput
    from lawscan.pipeline import iter_documents

    check_output(output, paths)
    errors: list[InputError] = []  # walk problems (missing path, loops) and unreadable files
    left_out: list[SkippedInput] = []  # lawscan's own outputs, links out of a folder
    docs = iter_documents(paths, errors, report=report_input_error, skipped=left_out)
    if output:
        from lawscan.atomic import atomic_open

        with atomic_open(output) as fh:
            _write(fh, docs, fmt)
    else:
        _write(sys.stdout.buffer, docs, fmt)
    report_skipped(left_out)
    if errors:
        sys.exit(2)


def _write(out, docs, fmt: str) -> None:
    """Write documents one at a time (a corpus is never held in memory whole)."""
    from lawscan.pipeline import gc_per_document
    from lawscan.report.stream import dumps_pretty

    first = True
    if fmt == "json":
        out.write(b"[")
    for doc in docs:
        if fmt == "json":
            with gc_per_document():
                text = dumps_pretty(document_json(doc))
            out.write(("\n" if first else ",\n").encode() + text.encode("utf-8"))
        else:
            out.write((("" if first else "\n\n") + outline(doc)).encode("utf-8"))
        first = False
    if fmt == "json":
        out.write(b"\n]\n" if not first else b"]\n")
    elif not first:
        out.write(b"\n")
    out.flush()
