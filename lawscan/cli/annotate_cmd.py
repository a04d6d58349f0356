"""``lawscan annotate DRAFT.docx -o DRAFT.reviewed.docx``: the findings back in Word.

Takes one Word draft and gives a copy of it with one comment per finding
(:mod:`lawscan.drafting.annotate`); the draft itself is only read. Options as ``lawscan scan``:
``--select``, ``--ignore``, ``--fail-on``, ``--config`` / ``--no-config``, ``--rules``. ``-o`` is
required; an existing file is replaced only with ``--force``, and never the draft itself or
anything but a regular file. Exit codes as ``scan``: 0 no finding at or above ``--fail-on``
(default error), 1 findings, 2 usage, configuration or input error (nothing written).
"""

from __future__ import annotations

import sys

import click


@click.command("annotate")
@click.argument("draft", type=click.Path(dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The reviewed copy to write (.docx).")
@click.option("--force", is_flag=True,
              help="Replace OUTPUT if it exists (never the draft, never a non-regular file).")
@click.option("--fail-on", type=click.Choice(("error", "warning", "info", "never")), default=None,
              help="Exit 1 when a finding is at or above this level (default: error).")
@click.option("--select", multiple=True, help="Only these rules (id, name or tag; repeatable).")
@click.option("--ignore", multiple=True, help="Leave out these rules (repeatable).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: found from the draft upwards).")
@click.option("--no-config", is_flag=True, help="Ignore configuration files.")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="A directory of rules of your own (repeatable).")
def annotate(draft, output, force, fail_on, select, ignore, config_file, no_config, rules_dirs):
    """Write a copy of a Word draft with one comment per finding, on the paragraph of the
    article, khoản or chapter it is about (Vietnamese, then English, with the suggestion).

    \b
    Examples:
      lawscan annotate du-thao.docx -o du-thao.reviewed.docx
      lawscan annotate du-thao.docx -o reviewed.docx --select LS105 --select LS106 --force
    """
    from lawscan.cli import safe_line as one_line
    from lawscan.cli.scan_cmd import failing, load_config, read_limits
    from lawscan.drafting.annotate import OutputRefused, annotate as make, read_draft, write_copy
    from lawscan.errors import ConfigError, LawscanError, ReadError
    from lawscan.scan import RunRecord, ScanOptions, Scanner

    try:
        cfg = load_config([draft], config_file, no_config)
        options = ScanOptions(
            rules_dirs=[*cfg.rules, *rules_dirs], select=[*cfg.select, *select],
            ignore=[*cfg.ignore, *ignore], severity=cfg.severity, settings=cfg.settings)
        scanner = Scanner(options)
    except (ConfigError, LawscanError) as exc:
        raise click.UsageError(str(exc)) from None
    limits = read_limits(cfg)
    try:
        data, doc = read_draft(draft, limits)
    except ReadError as exc:
        click.echo(f"lawscan: error: {one_line(exc.path)}: {one_line(exc.reason)}", err=True)
        sys.exit(2)
    result = scanner.check_document(doc)
    rules = {info.id: info for info in scanner.ruleset.infos()}
    copy = make(data, result, rules)
    try:
        write_copy(output, copy.data, draft, force)
    except OutputRefused as exc:
        click.echo(f"lawscan: error: {one_line(exc)}", err=True)
        sys.exit(2)
    except OSError as exc:
        click.echo(f"lawscan: error: {one_line(output)}: cannot write: {exc.strerror or exc}", err=True)
        sys.exit(2)
    click.echo(f"lawscan: wrote {one_line(output)}: {len(copy.placed)} comments "
               f"({len(result.findings)} findings)", err=True)
    for problem in result.rule_errors:
        click.echo(f"lawscan: error: {one_line(draft)}: {one_line(problem.message)}", err=True)
    if result.rule_errors:
        sys.exit(2)
    record = RunRecord()
    record.add_document(result)
    sys.exit(1 if failing(record, fail_on or cfg.fail_on) else 0)
