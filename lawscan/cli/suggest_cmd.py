"""``lawscan suggest LAW [-o FILE.docx|.md|.txt]``: propose a digital-environment chapter.

Takes one law in any format lawscan reads; gives the proposal of
:func:`lawscan.drafting.suggest.suggest` as Markdown on standard output, or written atomically to
``-o`` as Word (.docx), plain text (.txt) or Markdown (anything else). Exit 0; 2 when the file
cannot be read ("path: reason" on stderr).
"""

from __future__ import annotations

import click


@click.command("suggest")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE (.docx, .md or .txt; atomically) instead of Markdown on stdout.")
def suggest(path, output):
    """Propose the chapter on the digital environment a law lacks (or its missing articles)."""
    from lawscan.drafting.suggest import render_markdown, suggest as make, write_suggestion
    from lawscan.cli import check_output, load_or_exit

    check_output(output, [path])
    doc = load_or_exit(path)
    s = make(doc)
    if output:
        write_suggestion(s, output)
    else:
        click.echo(render_markdown(s), nl=False)
