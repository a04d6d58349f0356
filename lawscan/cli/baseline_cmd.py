"""``lawscan baseline write``: records the current findings so CI fails only on new ones."""

from __future__ import annotations

import sys

import click


@click.group("baseline")
def baseline():
    """Baselines for adopting lawscan in CI on existing drafts."""


@baseline.command("write")
@click.argument("paths", nargs=-1, required=True)
@click.option("-o", "--output", default=".lawscan-baseline.json", show_default=True,
              help="The baseline file to write (atomically).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Read the configuration from this file (pyproject.toml, setup.cfg, .toml).")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Directory of additional rule modules (repeatable).")
@click.option("--select", multiple=True, help="Only these rules (id, name or tag; repeatable).")
@click.option("--ignore", multiple=True, help="Leave out these rules (repeatable).")
@click.option("--exclude", multiple=True, help="Glob of paths not to scan (repeatable).")
@click.option("--verdict", type=click.Choice(("rules", "trained")), default=None,
              help="How the digital status is decided (as `lawscan scan --verdict`).")
def write(paths, output, config_file, no_config, rules_dirs, select, ignore, exclude, verdict):
    """Scan PATHS and write the fingerprints of every finding to a baseline file.

    Give it the options the scans that use the baseline are given (--select, --ignore,
    --exclude, --verdict; or the same configuration): a finding a differently configured scan
    makes, and this one does not, counts as new."""
    from lawscan.baseline import BaselineCollector
    from lawscan.cli.scan_cmd import load_config, read_limits, with_verdict
    from lawscan.atomic import atomic_write
    from lawscan.cli import check_output, report_input_error
    from lawscan.scan import ScanOptions, scan_stream

    cfg = load_config(paths, config_file, no_config)
    check_output(output, paths)
    options = ScanOptions(rules_dirs=[*cfg.rules, *rules_dirs], select=[*cfg.select, *select],
                          ignore=[*cfg.ignore, *ignore], severity=cfg.severity,
                          settings=with_verdict(cfg.settings, verdict), limits=read_limits(cfg),
                          exclude=[*cfg.exclude, *exclude], slim=True)
    collector = BaselineCollector()  # documents stream through; only the fingerprints are kept
    record = scan_stream(list(paths), options, [collector])
    atomic_write(output, collector.data())
    click.echo(f"lawscan: wrote {collector.findings} finding(s) of {record.documents} document(s) to {output}")
    for err in record.errors:
        report_input_error(err)
    sys.exit(2 if record.errors else 0)
