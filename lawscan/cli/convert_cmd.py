"""``lawscan convert LAW --to akn [-o FILE]``: write a parsed law in another format.

Takes one file in any format lawscan reads; gives Akoma Ntoso 3.0 XML
(:func:`lawscan.export.to_akn`) on standard output or, with ``-o``, written atomically. A file that
cannot be read is reported on stderr as "path: reason" with exit code 2.
"""

from __future__ import annotations

import sys

import click


@click.command("convert")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--to", "target", type=click.Choice(["akn"]), default="akn", show_default=True,
              help="Output format: Akoma Ntoso 3.0 XML.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE (atomically) instead of standard output.")
def convert(path, target, output):
    """Convert a law to Akoma Ntoso 3.0 (act, or bill for a draft)."""
    from lawscan.export import to_akn
    from lawscan.cli import check_output, load_or_exit

    check_output(output, [path])
    doc = load_or_exit(path)
    data = to_akn(doc)
    if output:
        from lawscan.atomic import atomic_write

        atomic_write(output, data)
    else:
        out = sys.stdout.buffer
        out.write(data)
        out.flush()
