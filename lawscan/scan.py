"""Scanning: takes input paths and options, gives a :class:`ScanResult` — every document read,
parsed, analysed and checked by the rules, and every file that could not be read as an
:class:`InputError`. Documents go through one at a time (``iter_scan`` streams them) so memory
stays flat; ``jobs > 1`` spreads files over worker processes with the same results, in the same
order, as a serial run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Iterator

from lawscan import __version__
from lawscan.errors import ReadError
from lawscan.model import DocumentResult, InputError, Problem, ScanResult


@dataclass
class ScanOptions:
    rules_dirs: list[str] = field(default_factory=list)
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    settings: dict = field(default_factory=dict)
    limits: dict = field(default_factory=dict)
    exclude: list[str] = field(default_factory=list)
    jobs: int = 1
    cache_dir: str | None = None  # content-hash cache of parse results
    executor: str = "local"  # local (processes when jobs > 1) | dask
    scheduler: str | None = None  # dask scheduler address; None starts a LocalCluster
    slim: bool = False  # drop each document's text once checked (memory stays flat; see slim())
    suggestions: bool = False  # compute the proposed digital chapter (for the HTML report)


class Scanner:
    """Holds the loaded rule set; ``scan_file(path)`` gives a DocumentResult or an InputError."""

    def __init__(self, options: ScanOptions):
        from lawscan.engine import load_rules

        self.options = options
        self.cache = None
        if options.cache_dir:
            from lawscan.cache import ParseCache

            self.cache = ParseCache(options.cache_dir, tuple(options.rules_dirs))
        self.ruleset = load_rules(extra_dirs=options.rules_dirs, select=options.select or None,
                                  ignore=options.ignore or None, severity=options.severity or None)

    def scan_file(self, path: str) -> DocumentResult | InputError:
        """Read, parse and check one file within the ``timeout`` limit (seconds, see
        lawscan.read.limits); running out of time is that file's InputError."""
        from lawscan.read.limits import DEFAULT_LIMITS, DocumentTimeout, time_limit

        timeout = (self.options.limits or {}).get("timeout", DEFAULT_LIMITS["timeout"])
        try:
            with time_limit(path, timeout) as clock:
                result = self._scan_file(path)
        except DocumentTimeout as exc:
            return InputError(exc.path, exc.reason, exc.code)
        if clock.expired:  # the timeout was raised but swallowed on the way (analysis, rules)
            exc = clock.error()
            return InputError(exc.path, exc.reason, exc.code)
        return result

    def _scan_file(self, path: str) -> DocumentResult | InputError:
        from lawscan.pipeline import load_document

        def loader(p: str):
            return load_document(p, self.options.limits or None)

        try:
            doc = self.cache.load(path, loader) if self.cache else loader(path)
        except ReadError as exc:
            return InputError(exc.path, exc.reason, exc.code)
        except MemoryError:
            return InputError(path, "out of memory while reading this file", "input.too_big")
        except RecursionError:
            return InputError(path, "structure nested too deeply to read", "input.too_deep")
        return self.check_document(doc)

    def check_document(self, doc) -> DocumentResult:
        from lawscan.analyse import analyse
        from lawscan.engine import run_rules

        result = DocumentResult(document=doc)
        try:
            result.digital = analyse(doc, self.options.settings)
        except Exception as exc:  # an analysis bug must not lose the document
            result.rule_errors.append(Problem("analyse.crashed",
                                              f"digital analysis failed: {type(exc).__name__}: {exc}",
                                              severity="error"))
        findings, problems = run_rules(doc, result.digital, self.ruleset, self.options.settings)
        result.findings = findings
        result.rule_errors.extend(problems)
        if self.options.suggestions:
            from lawscan.report.html import suggestion_markdown

            doc.meta["suggestion_md"] = suggestion_markdown(result)
        if self.options.slim:
            slim(result)
        from lawscan.analyse.fold import fold

        fold.cache_clear()  # the cache serves one document's rules; across documents it only grows
        return result


def slim(result: DocumentResult) -> DocumentResult:
    """Keep what the reports need and drop the rest: the text (lines, unit content) and the units
    below articles. Findings carry their quotes and lines, the verdict its evidence; the counts,
    the title line and the outline (Phần … Điều with headings and lines) stay. A scan of a
    national corpus then holds a few kilobytes per document, not its whole text."""
    from lawscan.model import STRUCTURE_KINDS
    from lawscan.report.common import title_line

    doc = result.document
    doc.meta["title_line"] = title_line(result)
    doc.frozen_counts = doc.counts()
    doc.lines = []
    for key in ("footnotes", "numbering", "properties"):  # reader details the reports do not show
        doc.meta.pop(key, None)
    for unit in doc.root.walk():
        unit.content = []
        if unit.children:
            unit.children = [c for c in unit.children if c.kind in STRUCTURE_KINDS]
    return result


def iter_scan(files: list[str], options: ScanOptions,
              scanner: Scanner | None = None) -> Iterator[DocumentResult | InputError]:
    """Scan the given files, yielding results in input order."""
    if options.executor == "dask":
        yield from _dask(files, options)
        return
    if options.jobs > 1 and len(files) > 1:
        yield from _parallel(files, options)
        return
    scanner = scanner or Scanner(options)
    for path in files:
        yield scanner.scan_file(path)


_WORKER: Scanner | None = None


def _init_worker(options: ScanOptions) -> None:
    global _WORKER
    import signal

    # Ctrl-C reaches the whole process group: the parent decides; SIGTERM just ends a worker
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = Scanner(options)


def _work(path: str):
    try:
        return _WORKER.scan_file(path)
    except Exception as exc:  # never lose a document to a worker failure
        return InputError(path, f"internal error: {type(exc).__name__}: {exc}", "internal")


def _parallel(files: list[str], options: ScanOptions) -> Iterator[DocumentResult | InputError]:
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    jobs = min(options.jobs, len(files))
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(options,)) as pool:
        # biggest files first balances the workers; results are put back in input order
        order = sorted(range(len(files)), key=lambda i: -_size(files[i]))
        futures = {i: pool.submit(_work, files[i]) for i in order}
        try:
            for i in range(len(files)):
                yield futures[i].result()
        except BaseException:  # interrupted: do not wait for the documents not started yet
            pool.shutdown(wait=False, cancel_futures=True)
            raise


def _dask_work(path: str, options: ScanOptions):
    """Runs on a Dask worker: one Scanner per worker process and option set."""
    global _WORKER
    if _WORKER is None or _WORKER.options != options:
        _WORKER = Scanner(options)
    return _work(path)


def _dask(files: list[str], options: ScanOptions) -> Iterator[DocumentResult | InputError]:
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        from lawscan.errors import ConfigError

        raise ConfigError("the dask executor needs the optional extra: pip install 'lawscan[distributed]'")
    cluster = None
    if options.scheduler:
        client = Client(options.scheduler)
    else:
        cluster = LocalCluster(n_workers=max(1, options.jobs), threads_per_worker=1,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        futures = client.map(_dask_work, files, options=options, pure=False)
        for path, future in zip(files, futures):
            try:
                yield future.result()
            except Exception as exc:  # a worker lost or killed: that document's error
                yield InputError(path, f"worker failed: {type(exc).__name__}: {exc}", "internal")
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def scan(paths: list[str], options: ScanOptions | None = None,
         progress: Callable[[int, str], None] | None = None) -> ScanResult:
    """Scan and collect everything into one ScanResult. ``progress(total, path)`` is called
    once per file done."""
    from lawscan.pipeline import iter_inputs

    options = options or ScanOptions(slim=True)
    scanner = Scanner(options)
    result = ScanResult(tool_version=__version__, rules=scanner.ruleset.infos())
    for problem in scanner.ruleset.errors:  # a rule module that failed to load
        result.errors.append(InputError("rules", problem.message, problem.code))
    files = list(iter_inputs(paths, options.exclude, result.errors))
    for item in iter_scan(files, options, scanner):
        if isinstance(item, InputError):
            result.errors.append(item)
        else:
            result.documents.append(item)
        if progress:
            progress(len(files), item.path if isinstance(item, InputError) else item.document.path)
    return result
