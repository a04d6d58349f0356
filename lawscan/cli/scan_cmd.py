"""``lawscan scan``: the main command. Takes paths and options, writes reports, exits
0 (nothing at or above --fail-on), 1 (findings) or 2 (usage, configuration or input errors, a
report that could not be written); a file skipped as not a legal document (or left out as one of
lawscan's own outputs, or a link out of a scanned folder) is a note in the reports, not an error.
Paths in reports are relative to the project root: ``--base-dir``, else the directory of the
configuration file, else the current directory. The configured reports are the project's
reports (lawscan.config): written only by the scan of the configured ``paths`` when there are
some; every report file written is named on stderr.
Documents stream through (lawscan.scan.scan_stream) into every report's writer: the text report on
stdout shows each law as soon as it is checked, and memory does not grow with the corpus."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from lawscan.cli import quiet_stdout, report_input_error, safe_line

FORMATS = ("text", "json", "html", "sarif", "junit", "markdown", "github")
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
DEFAULT_DIR = "outputs"
MAX_TIMEOUT = 1e6  # seconds (11 days); more is no limit in practice, and breaks the alarm clock
EXTENSIONS = {".html": "html", ".htm": "html", ".json": "json", ".sarif": "sarif", ".xml": "junit",
              ".md": "markdown", ".txt": "text"}


def default_name(fmt: str) -> str:
    from lawscan.report import default_filename

    return default_filename(fmt)


def resolve_target(fmt: str, target: str | None) -> Path:
    """A report path: a directory gets the format's default file name; none gives outputs/."""
    if not target:
        return Path(DEFAULT_DIR) / default_name(fmt)
    path = Path(target)
    if path.is_dir() or target.endswith(("/", os.sep)):
        return path / default_name(fmt)
    return path


def parse_report_spec(spec: str) -> tuple[str, Path]:
    fmt, _, target = spec.partition("=")
    fmt = fmt.strip().lower()
    if fmt not in FORMATS:
        raise click.BadParameter(f"unknown format {fmt!r} in {spec!r}; choose from {', '.join(FORMATS)}",
                                 param_hint="--report")
    return fmt, resolve_target(fmt, target.strip() or None)


class FiniteFloat(click.ParamType):
    """A finite number from ``low`` to ``high``: nan, inf, negative and huge values are refused
    (they would switch a limit off or break it)."""

    name = "number"

    def __init__(self, low: float, high: float = 1e12):
        self.low, self.high = low, high

    def convert(self, value, param, ctx):
        import math

        try:
            number = float(value)
        except (TypeError, ValueError):
            number = math.nan
        if not math.isfinite(number) or not self.low <= number <= self.high:
            self.fail(f"{value!r} is not a number from {self.low:g} to {self.high:g}", param, ctx)
        return number


def failing(record, fail_on: str) -> bool:
    """Whether a run (a lawscan.scan.RunRecord) has a finding at or above ``fail_on`` that is not
    in the baseline."""
    if fail_on == "never":
        return False
    threshold = SEVERITY_RANK[fail_on]
    return any(SEVERITY_RANK.get(severity, 0) >= threshold and n
               for severity, n in record.open_by_severity.items())


class _Echo:
    """Standard output as a text stream for a report writer: through click.echo, ending with a
    newline. Colour codes are kept when ``color`` is True (``--color``), dropped when it is False,
    and with None kept only on a terminal. A reader that stops reading (``lawscan scan … | head``)
    ends the stdout report quietly; the run and its other reports go on."""

    def __init__(self, color: bool | None = None):
        self.last = ""
        self.closed = False
        self.color = color

    def write(self, text: str) -> None:
        if text and not self.closed:
            try:
                click.echo(text, nl=False, color=self.color)
            except BrokenPipeError:
                self._close()
                return
            self.last = text[-1]

    def flush(self) -> None:
        if not self.closed:
            try:
                sys.stdout.flush()
            except BrokenPipeError:
                self._close()

    def end(self) -> None:
        if self.last != "\n":
            self.write("\n")

    def _close(self) -> None:
        """No more output: stdout now goes to the null device, so that nothing fails on exit."""
        self.closed = True
        quiet_stdout()


def same_paths(given, configured) -> bool:
    """Whether the scanned paths are the configured ones (as sets of real paths)."""
    return {os.path.realpath(p) for p in given} == {os.path.realpath(p) for p in configured}


def shown_path(path) -> str:
    """A written file's path for the terminal: relative to the current directory when inside it."""
    rel = os.path.relpath(os.path.abspath(path))
    return str(path) if rel.startswith("..") else rel


def with_verdict(settings: dict, verdict: str | None) -> dict:
    """The configured settings with ``--verdict`` (when given) as the analysis' verdict method."""
    return {**settings, "verdict": verdict} if verdict else settings


def drafting_stages(html: bool) -> tuple:
    """The stages above the scan that its reports need: the proposed chapter the HTML report
    shows (lawscan.drafting.suggest.add_suggestion), when one of them is HTML."""
    if not html:
        return ()
    from lawscan.drafting.suggest import add_suggestion

    return (add_suggestion,)


def load_config(paths, config_file, no_config):
    """The run's configuration (lawscan.config.for_scan: trusted or not), its notes on stderr."""
    from lawscan import config as cfgmod

    cfg = cfgmod.for_scan(list(paths), config_file, no_config)
    for note in cfg.notes:
        click.echo(f"lawscan: note: {safe_line(note)}", err=True)
    return cfg


# The options that decide what a scan finds: `scan` and `baseline write` take the same, so a
# baseline is written as the scans that read it run
_FINDINGS_OPTIONS = (
    click.option("--config", "config_file", type=click.Path(dir_okay=False), default=None,
                 help="Configuration file (default: found from the scanned path upwards)."),
    click.option("--no-config", is_flag=True, help="Ignore configuration files."),
    click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
                 help="A directory of rules of your own (repeatable)."),
    click.option("--select", multiple=True, help="Only these rules (id, name or tag; repeatable)."),
    click.option("--ignore", multiple=True, help="Leave out these rules (repeatable)."),
    click.option("--exclude", multiple=True, help="Glob of paths not to scan (repeatable)."),
    click.option("--verdict", type=click.Choice(("rules", "trained")), default=None,
                 help="How the digital status is decided: the lexicon and thresholds (rules, the "
                      "default) or the trained classifier with them (trained)."),
)


def findings_options(command):
    """``command`` with the options of :data:`_FINDINGS_OPTIONS`, in that order."""
    for option in reversed(_FINDINGS_OPTIONS):
        command = option(command)
    return command


def scan_options(cfg, rules_dirs, select, ignore, exclude, verdict, **more):
    """The ScanOptions of a run: the configuration's rules, selection, severities, settings and
    exclusions with the command line's added (``--verdict`` over the configured one), a slim
    scan; ``more``: the other ScanOptions fields (limits, jobs, ...)."""
    from lawscan.scan import ScanOptions

    return ScanOptions(rules_dirs=[*cfg.rules, *rules_dirs], select=[*cfg.select, *select],
                       ignore=[*cfg.ignore, *ignore], severity=cfg.severity,
                       settings=with_verdict(cfg.settings, verdict),
                       exclude=[*cfg.exclude, *exclude], slim=True, **more)


@click.command("scan")
@click.argument("paths", nargs=-1, required=False)
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Output format (default: text, or from -o's extension, or the config).")
@click.option("-o", "--output", default=None,
              help="Write the output to this file (a directory gets a default file name).")
@click.option("--report", "reports", multiple=True, metavar="FORMAT=FILE",
              help="Also write a report in FORMAT to FILE (repeatable; FILE defaults to outputs/).")
@click.option("--fail-on", type=click.Choice(("error", "warning", "info", "never")), default=None,
              help="Exit 1 when a finding is at or above this level (default: error).")
@findings_options
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False), default=None,
              help="Only findings not in this baseline fail; the rest are marked unchanged.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default 1).")
@click.option("--cache", "cache_dir", type=click.Path(file_okay=False), default=None,
              help="Cache parse results here; unchanged files are not parsed again.")
@click.option("--executor", type=click.Choice(("local", "dask")), default="local", show_default=True,
              help="Run locally (processes with --jobs) or on a Dask cluster.")
@click.option("--scheduler", default=None,
              help="Dask scheduler address (tcp://host:8786), with --executor dask; default "
                   "starts a local cluster.")
@click.option("--max-file-size", type=click.IntRange(min=1), default=None,
              help="Refuse input files larger than this many bytes.")
@click.option("--max-zip-ratio", type=FiniteFloat(1), default=None,
              help="Refuse .docx members that expand more than this many times (default 100).")
@click.option("--max-unzipped-size", type=click.IntRange(min=1), default=None, metavar="BYTES",
              help="Refuse a .docx whose text parts unzip to more than this (default 12 MiB).")
@click.option("--timeout", type=FiniteFloat(0, MAX_TIMEOUT), default=None, metavar="SECONDS",
              help="Give up on a document after this many seconds (default 120; 0: no limit).")
@click.option("--color/--no-color", default=None, help="Colour the text report (default: on a terminal).")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: on a terminal, not in CI).")
@click.option("--base-dir", type=click.Path(file_okay=False, exists=True), default=None,
              help="Paths in reports are relative to this (default: the directory of the "
                   "configuration file, else the current directory).")
def scan(paths, fmt, output, reports, fail_on, config_file, no_config, rules_dirs, select, ignore,
         baseline_file, exclude, jobs, cache_dir, executor, scheduler, max_file_size, max_zip_ratio,
         max_unzipped_size, timeout, color, progress, base_dir, verdict):
    """Scan laws or draft bills and report how they govern the digital environment.

    With no PATHS, scans the configuration's `paths`.

    \b
    Examples:
      lawscan scan draft.docx
      lawscan scan laws/ -o outputs/report.html
      lawscan scan bills/ --format sarif -o lawscan.sarif --fail-on warning
      lawscan scan bills/ --report json=out.json --report junit=junit.xml
      lawscan scan corpus/ --jobs 2 --cache .lawscan-cache -o outputs/corpus.html
    """
    from lawscan.scan import Scanner

    if scheduler and executor != "dask":  # it would be ignored: the scan would run here
        raise click.UsageError("--scheduler needs --executor dask")
    cfg = load_config(paths, config_file, no_config)
    if not paths and not cfg.paths:
        raise click.UsageError("no path to scan (give PATHS, or `paths` in the configuration)")
    paths = paths or tuple(cfg.paths)
    # the configured reports describe the scan of the configured paths, not a one-file check
    project_scan = not cfg.paths or same_paths(paths, cfg.paths)
    fmt = _output_format(fmt, output, cfg)
    targets = [parse_report_spec(s) for s in (*(cfg.reports if project_scan else ()), *reports)]
    primary = resolve_target(fmt, output) if output and output != "-" else None

    options = scan_options(
        cfg, rules_dirs, select, ignore, exclude, verdict,
        limits=read_limits(cfg, max_bytes=max_file_size, max_zip_ratio=max_zip_ratio,
                           max_xml_bytes=max_unzipped_size, timeout=timeout),
        jobs=jobs or cfg.jobs, cache_dir=cache_dir, executor=executor, scheduler=scheduler,
        later_stages=drafting_stages(fmt == "html" or any(f == "html" for f, _ in targets)))
    fingerprints = None
    if baseline_file:
        from lawscan.baseline import load_baseline

        fingerprints = load_baseline(baseline_file)
    from lawscan.walk import collect_inputs

    inputs = collect_inputs(list(paths), options.exclude)
    _check_outputs([t for _, t in targets] + ([primary] if primary else []), inputs)

    scanner = Scanner(options)
    out = primary if primary is not None else _Echo(color)
    # --color / --no-color wherever the report goes; by default only on a terminal
    use_color = color if color is not None else primary is None and sys.stdout.isatty()
    record, writers = _run(scanner, inputs, list(paths), targets, (fmt, out, use_color),
                           _report_options(cfg, base_dir, fail_on, targets),
                           _show_progress(progress, primary is None, fmt), fingerprints)
    if isinstance(out, _Echo):
        out.end()
    _tell_written(writers, cfg, project_scan)
    _finish(record, [w.failure for w in writers if w.failure], fail_on or cfg.fail_on)


def _output_format(fmt: str | None, output: str | None, cfg) -> str:
    """--format, else the extension of -o, else the configured format, else text."""
    if fmt is None and output and not Path(output).is_dir():
        fmt = EXTENSIONS.get(Path(output).suffix.lower())
    return fmt or (cfg.format if cfg.format in FORMATS else "text")


def _show_progress(progress: bool | None, to_stdout: bool, fmt: str) -> bool:
    """--progress, else on when stderr is a terminal outside CI, unless the text report on a
    terminal shows the progress itself."""
    if progress is not None:
        return progress
    return (sys.stderr.isatty() and not os.environ.get("CI")
            and not (to_stdout and fmt == "text" and sys.stdout.isatty()))


def _report_options(cfg, base_dir, fail_on, targets) -> dict:
    """What every report writer is given: the base of its paths, the failing level, whether it
    carries a time stamp and where the full report is (the HTML one, else the JSON one)."""
    full = next((str(t) for f, t in sorted(targets, key=lambda x: x[0] != "html")
                 if f in ("html", "json")), None)
    return {"base_dir": base_dir or (os.path.dirname(cfg.source) if cfg.source else os.getcwd()),
            "fail_on": fail_on or cfg.fail_on, "generated_at": None if cfg.timestamp else False,
            "full_report": full}


def _tell_written(writers, cfg, project_scan: bool) -> None:
    """Name every report file written on stderr, and the configured reports this scan did not
    write (it is not the scan of the configured paths)."""
    for writer in writers:
        if writer.path != Path("-") and not writer.failure:
            click.echo(f"lawscan: report written: {shown_path(writer.path)}", err=True)
    if cfg.reports and not project_scan:
        left = ", ".join(shown_path(target) for _, target in map(parse_report_spec, cfg.reports))
        click.echo(f"lawscan: not written: {left} (the configured reports are those of the scan of "
                   f"the configured paths; --report FORMAT=FILE writes this scan's)", err=True)


def _check_outputs(paths: list[Path], inputs) -> None:
    """Refuse, before anything is scanned, a report path that is a device, pipe or directory, or
    one of the run's inputs (lawscan.errors.WriteError, exit 2)."""
    from lawscan.atomic import check_not_input, check_target

    ids = inputs.ids()
    for path in paths:
        check_target(path)
        check_not_input(path, ids)


def _run(scanner, inputs, paths, targets, primary_spec, report_opts, show_progress, fingerprints):
    """Open every report, scan into them, close them; gives the RunRecord and the writers, each
    behind a lawscan.report.guard (one report's failure loses only that report, and is its
    ``failure``)."""
    from lawscan import __version__
    from lawscan.report import open_writer
    from lawscan.report.guard import Guarded
    from lawscan.scan import scan_stream

    fmt, out, use_color = primary_spec
    writers = []
    bar = _Progress() if show_progress else None
    try:
        shared = {"rules": scanner.ruleset.infos(), "tool_version": __version__, **report_opts}
        for rfmt, target in targets:
            writers.append(Guarded(open_writer(rfmt, target, **shared)))
        writers.append(Guarded(open_writer(fmt, out, color=use_color, **shared)))
        try:
            record = scan_stream(paths, scanner.options, writers, bar.tick if bar else None,
                                 baseline=fingerprints, scanner=scanner, inputs=inputs)
        finally:
            if bar is not None:
                bar.close()
        for writer in writers:
            writer.close()
    except BaseException:
        for writer in writers:
            writer.abort()
        raise
    return record, writers


class _Progress:
    """A progress bar on stderr, shown once a run has 5 files or more; when stderr is not a
    terminal (``--progress`` in a CI log), a line at each tenth of the files instead (a bar
    there would print its label and nothing more)."""

    def __init__(self):
        self.bar = None
        self.done = 0
        self.lines = not sys.stderr.isatty()

    def tick(self, total: int, path: str) -> None:
        if total < 5:
            return
        self.done += 1
        if self.lines:
            if self.done == total or self.done * 10 // total > (self.done - 1) * 10 // total:
                click.echo(f"lawscan: {self.done}/{total} files ({100 * self.done // total}%), "
                           f"{safe_line(Path(path).name)}", err=True)
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="lawscan", file=sys.stderr, show_pos=True,
                                         item_show_func=lambda p: p and safe_line(Path(p).name))
            self.bar.__enter__()
        self.bar.update(1, path)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def read_limits(cfg, **given) -> dict:
    """The readers' limits (lawscan.read.limits) from the command line's ``given`` values, else
    the configuration's; the ones set by neither are left to the defaults."""
    configured = {"max_bytes": cfg.max_file_size, "max_zip_ratio": cfg.max_zip_ratio,
                  "max_xml_bytes": cfg.max_unzipped_size, "timeout": cfg.timeout}
    merged = {key: given.get(key) if given.get(key) is not None else value for key, value in configured.items()}
    return {key: value for key, value in merged.items() if value is not None}


def _finish(record, failures: list[str], fail_on: str) -> None:
    """Name the input, rule and report errors on stderr; exit 2 when there are any, else 1
    (findings at or above ``fail_on``) or 0."""
    for err in record.errors:
        report_input_error(err)
    for path, problem in record.rule_errors:
        click.echo(f"lawscan: error: {safe_line(path)}: {safe_line(problem.message)}", err=True)
    for failure in failures:
        click.echo(f"lawscan: error: {safe_line(failure)}", err=True)
    if record.errors or record.rule_errors or failures:
        sys.exit(2)
    sys.exit(1 if failing(record, fail_on) else 0)
