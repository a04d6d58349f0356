"""``lawscan diff OLD NEW [--format text|json|html] [-o FILE]``: compare two versions of a draft.

Takes two files in any format lawscan reads; gives :func:`lawscan.drafting.diff.diff_documents`
rendered as terminal text, JSON or a self-contained HTML page, on standard output or written
atomically to ``-o``. Exit 0; 2 when a file cannot be read ("path: reason" on stderr).
"""

from __future__ import annotations

import sys

import click


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True, help="Terminal text, JSON or self-contained HTML.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE (atomically) instead of standard output.")
def diff(old, new, fmt, output):
    """Align two versions of a law unit by unit; show what changed and how the verdict moved."""
    from lawscan.drafting.diff import diff_documents, render_diff
    from lawscan.errors import ReadError
    from lawscan.pipeline import load_document

    docs = []
    for path in (old, new):
        try:
            docs.append(load_document(path))
        except ReadError as exc:
            click.echo(f"{exc.path}: {exc.reason}", err=True)
            sys.exit(2)
    text = render_diff(diff_documents(*docs), fmt)
    if output:
        from lawscan.report.atomic import atomic_write

        atomic_write(output, text)
    else:
        click.echo(text, nl=False)
