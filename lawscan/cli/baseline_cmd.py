"""``lawscan baseline write``: records the current findings so CI fails only on new ones."""

from __future__ import annotations

import sys

import click


@click.group("baseline")
def baseline():
    """Baselines for adopting lawscan in CI on existing drafts."""


@baseline.command("write")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", default=".lawscan-baseline.json", show_default=True)
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None)
@click.option("--no-config", is_flag=True)
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False))
def write(paths, output, config_file, no_config, rules_dirs):
    """Scan PATHS and write the fingerprints of every finding to a baseline file."""
    from lawscan.baseline import BaselineCollector
    from lawscan.cli.scan_cmd import load_config
    from lawscan.atomic import atomic_write
    from lawscan.cli import check_output, report_input_error
    from lawscan.scan import ScanOptions, scan_stream

    cfg = load_config(paths, config_file, no_config)
    check_output(output, paths)
    options = ScanOptions(rules_dirs=[*cfg.rules, *rules_dirs], select=cfg.select, ignore=cfg.ignore,
                          severity=cfg.severity, settings=cfg.settings, exclude=cfg.exclude, slim=True)
    collector = BaselineCollector()  # documents stream through; only the fingerprints are kept
    record = scan_stream(list(paths), options, [collector])
    atomic_write(output, collector.data())
    click.echo(f"lawscan: wrote {collector.findings} finding(s) of {record.documents} document(s) to {output}")
    for err in record.errors:
        report_input_error(err)
    sys.exit(2 if record.errors else 0)
