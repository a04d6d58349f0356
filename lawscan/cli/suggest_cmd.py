"""``lawscan suggest LAW [-o FILE.docx|.md|.txt]``: propose a digital-environment chapter.

Takes one law in any format lawscan reads; gives the proposal of
:func:`lawscan.drafting.suggest.suggest` as Markdown on standard output, or written atomically to
``-o`` as Word (.docx), plain text (.txt) or Markdown (.md, .markdown); another suffix is a usage
error (Markdown in "chuong.pdf" would open as a broken PDF). Exit 0; 2 when the file cannot be read
("lawscan: error: path: reason" on stderr) or the suffix is not one of those.
"""

from __future__ import annotations

from pathlib import Path

import click

SUFFIXES = (".docx", ".md", ".markdown", ".txt")

@click.command("suggest")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE (.docx, .md or .txt; atomically) instead of Markdown on stdout.")
def suggest(path, output):
    """Propose the chapter on the digital environment a law lacks (or its missing articles)."""
    from lawscan.drafting.suggest import render_markdown, suggest as make, write_suggestion
    from lawscan.cli import check_output, load_or_exit

    check_output(output, [path])
    if output and Path(output).suffix.lower() not in SUFFIXES:
        raise click.BadParameter(f"{output}: suggest writes {', '.join(SUFFIXES)} (Word, Markdown, "
                                 "plain text)", param_hint="-o")
    doc = load_or_exit(path)
    s = make(doc)
    if output:
        write_suggestion(s, output)
    else:
        click.echo(render_markdown(s), nl=False)
