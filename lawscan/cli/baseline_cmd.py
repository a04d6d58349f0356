"""``lawscan baseline write``: records the current findings so CI fails only on new ones."""

from __future__ import annotations

import sys

import click

from lawscan.cli.scan_cmd import findings_options, load_config, read_limits, scan_options


@click.group("baseline")
def baseline():
    """Baselines for adopting lawscan in CI on existing drafts."""


@baseline.command("write")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", default=".lawscan-baseline.json", show_default=True,
              help="The baseline file to write (atomically).")
@findings_options
def write(paths, output, config_file, no_config, rules_dirs, select, ignore, exclude, verdict):
    """Scan PATHS and write the fingerprints of every finding to a baseline file.

    Give it the options the scans that use the baseline are given (--select, --ignore,
    --exclude, --verdict; or the same configuration): a finding a differently configured scan
    makes, and this one does not, counts as new."""
    from lawscan.baseline import BaselineCollector
    from lawscan.atomic import atomic_write
    from lawscan.cli import check_output, report_input_error
    from lawscan.scan import scan_stream

    cfg = load_config(paths, config_file, no_config)
    check_output(output, paths)
    options = scan_options(cfg, rules_dirs, select, ignore, exclude, verdict, limits=read_limits(cfg))
    collector = BaselineCollector()  # documents stream through; only the fingerprints are kept
    record = scan_stream(list(paths), options, [collector])
    atomic_write(output, collector.data())
    click.echo(f"lawscan: wrote {collector.findings} finding(s) of {record.documents} document(s) to {output}")
    for err in record.errors:
        report_input_error(err)
    sys.exit(2 if record.errors else 0)
