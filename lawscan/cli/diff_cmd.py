"""``lawscan diff OLD NEW [--format text|json|html] [-o FILE]``: compare two versions of a draft.

Takes two files in any format lawscan reads; gives :func:`lawscan.drafting.diff.diff_documents`
rendered as terminal text, JSON or a self-contained HTML page, on standard output or written
atomically to ``-o``. Exit 0; 2 when a file cannot be read ("path: reason" on stderr). Two files
that look like different documents (neither title holds the other) get a note on stderr.
"""

from __future__ import annotations

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
    from lawscan.cli import check_output, load_or_exit
    from lawscan.drafting.diff import diff_documents, render_diff

    check_output(output, [old, new])
    docs = [load_or_exit(old), load_or_exit(new)]
    if not same_document(*docs):
        from lawscan.cli import safe_line

        click.echo(f"lawscan: note: {safe_line(old)} and {safe_line(new)} look like two different "
                   f"documents ({safe_line(docs[0].title or '?')}; {safe_line(docs[1].title or '?')}): "
                   "compared unit by unit all the same", err=True)
    text = render_diff(diff_documents(*docs), fmt)
    if output:
        from lawscan.atomic import atomic_write

        atomic_write(output, text)
    else:
        click.echo(text, nl=False)


def same_document(old, new) -> bool:
    """Whether two parsed documents look like versions of one text: one title holds the other
    (a draft renamed, a consolidated text: "Luật Đấu thầu (văn bản hợp nhất)"), or either has no
    title."""
    a, b = (" ".join((d.title or "").casefold().split()) for d in (old, new))
    return not a or not b or a in b or b in a
