"""``lawscan graph PATHS... [--format graphml|json|dot] [-o FILE]``: the chapter graph of laws.

One file gives that document's graph (lawscan.graph.build_graph); several files or a directory
give the corpus graph (lawscan.graph.corpus_graph), where a cited law that is also scanned is one
node. A file that cannot be read is reported on stderr as "lawscan: error: path: reason" and the
others are still processed, a file left out on purpose as "lawscan: skipped: path: reason"; the exit code is 2 if any input failed, else 0. ``-o`` files are written atomically.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click


@click.command("graph")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["graphml", "json", "dot"]), default="graphml",
              show_default=True, help="GraphML, JSON node-link data or Graphviz DOT.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE (atomically) instead of standard output.")
def graph(paths, fmt, output):
    """Build the graph of units, cross-references and citations of one law or of a corpus."""
    from lawscan.cli import check_output, report_input_error, report_skipped
    from lawscan.graph import build_graph, corpus_graph, render_graph, write_graph
    from lawscan.model import InputError, SkippedInput
    from lawscan.pipeline import iter_documents

    check_output(output, paths)
    errors: list[InputError] = []
    left_out: list[SkippedInput] = []
    docs = list(iter_documents(paths, errors, report=report_input_error, skipped=left_out))
    report_skipped(left_out)

    single = len(paths) == 1 and Path(paths[0]).is_file()
    if docs:
        g = build_graph(docs[0]) if single else corpus_graph(docs)
        if output:
            write_graph(g, fmt, output)
        else:
            out = sys.stdout.buffer
            out.write(render_graph(g, fmt))
            out.flush()
    if errors or not docs:
        sys.exit(2)
