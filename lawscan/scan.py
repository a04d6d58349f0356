"""Scanning: takes input paths and options; every document is read, parsed, analysed and checked
by the rules, every file that could not be read becomes an :class:`InputError`, and every file
that is not a legal document a :class:`SkippedInput` (lawscan.skipped).

* ``scan_stream(paths, options, sinks, progress, baseline)`` hands each DocumentResult / InputError
  / SkippedInput to the sinks (report writers, a baseline collector) as it comes, in input order, and keeps only a
  :class:`RunRecord` (counts, errors, crashed rules) — memory stays flat however many documents;
* ``scan(paths, options, progress)`` collects everything into one :class:`ScanResult` (library use,
  tests).

``jobs > 1`` spreads files over worker processes (or a Dask cluster) with the same results, in the
same order, as a serial run; only a small window of documents is in flight at a time.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, Iterator

from lawscan import __version__
from lawscan.errors import ReadError
from lawscan.model import DocumentResult, InputError, Problem, ScanResult, SkippedInput

Item = DocumentResult | InputError | SkippedInput  # what scanning one file gives


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
    """Holds the loaded rule set; ``scan_file(path)`` gives a DocumentResult, an InputError or a
    SkippedInput (not a legal document)."""

    def __init__(self, options: ScanOptions):
        from lawscan.analyse.classifier import method_of
        from lawscan.engine import load_rules

        method_of(options.settings)  # a verdict method it cannot give is the run's error
        self.options = options
        self.cache = None
        if options.cache_dir:
            from lawscan.cache import ParseCache

            self.cache = ParseCache(options.cache_dir, tuple(options.rules_dirs))
        self.ruleset = load_rules(extra_dirs=options.rules_dirs, select=options.select or None,
                                  ignore=options.ignore or None, severity=options.severity or None)

    def scan_file(self, path: str) -> Item:
        """Read, parse and check one file within the ``timeout`` limit (seconds, see
        lawscan.read.limits); running out of time is that file's InputError."""
        from lawscan.pipeline import gc_per_document
        from lawscan.read.limits import DEFAULT_LIMITS, DocumentTimeout, time_limit

        timeout = (self.options.limits or {}).get("timeout", DEFAULT_LIMITS["timeout"])
        try:
            with time_limit(path, timeout) as clock, gc_per_document():
                result = self._scan_file(path)
        except DocumentTimeout as exc:
            return InputError(exc.path, exc.reason, exc.code)
        if clock.expired:  # the timeout was raised but swallowed on the way (analysis, rules)
            exc = clock.error()
            return InputError(exc.path, exc.reason, exc.code)
        return result

    def _scan_file(self, path: str) -> Item:
        from lawscan import skipped
        from lawscan.pipeline import load_document

        def loader(p: str):
            return load_document(p, self.options.limits or None)

        try:
            doc = self.cache.load(path, loader) if self.cache else loader(path)
        except ReadError as exc:
            return skipped.from_read_error(exc) or InputError(exc.path, exc.reason, exc.code)
        except MemoryError:
            return InputError(path, "out of memory while reading this file", "input.too_big")
        except RecursionError:
            return InputError(path, "structure nested too deeply to read", "input.too_deep")
        return skipped.check_document(doc) or self.check_document(doc)

    def check_document(self, doc) -> DocumentResult:
        from lawscan.analyse import analyse_document
        from lawscan.engine import run_rules

        result = DocumentResult(document=doc)
        analysis = None
        try:
            analysis = analyse_document(doc, self.options.settings)
            result.digital = analysis.verdict
        except Exception as exc:  # an analysis bug must not lose the document
            result.rule_errors.append(Problem("analyse.crashed",
                                              f"digital analysis failed: {type(exc).__name__}: {exc}",
                                              severity="error"))
        findings, problems = run_rules(doc, analysis, self.ruleset, self.options.settings)
        result.findings = findings
        result.rule_errors.extend(problems)
        if self.options.suggestions:
            from lawscan.report.html import suggestion_markdown

            doc.meta["suggestion_md"] = suggestion_markdown(result)
        if self.options.slim:
            slim(result)
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
              scanner: Scanner | None = None) -> Iterator[Item]:
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


def _parallel(files: list[str], options: ScanOptions) -> Iterator[Item]:
    """Scan on ``jobs`` worker processes; results in input order.

    Importing spaCy (for the token patterns of a few laws in every corpus) takes a process about
    0.65 s. A worker pays it once the first of its laws needs it, and in a corpus of any size
    every worker gets such a law. Where processes fork, the parent imports it instead, once,
    before it forks the pool, so that every worker starts with it; while the parent imports, an
    early worker forked before it scans the first files (:class:`_EarlyWorker`): one import
    for the run instead of one per worker, made while a core scans."""
    from concurrent.futures import Future, ProcessPoolExecutor
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    jobs = min(options.jobs, len(files))
    early = pool = None
    try:
        if _spacy_shared(ctx, options, files, jobs):
            early = _EarlyWorker(ctx, options, files[:EARLY_FILES])
            _preload_spacy()
        pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                   initargs=(options,))
        submit = lambda p: pool.submit(_work, p)  # noqa: E731
        if early is None:
            ordered = (future for _path, future in _window(files, submit, jobs))
        else:
            ordered = _after_early_worker(files, early, submit, jobs)
        for item in ordered:
            yield item.result() if isinstance(item, Future) else item
    except BaseException:  # interrupted: do not wait for the documents not started yet
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)
        if early is not None:
            early.finish()  # it ends the file it is on
        raise
    finally:
        if pool is not None:
            pool.shutdown()  # the documents being scanned end (their cache entries whole)


def _spacy_shared(ctx, options: ScanOptions, files: list[str], jobs: int) -> bool:
    """Whether the parent should import spaCy for its workers: processes fork, spaCy is not
    loaded yet, token patterns are on, and the run is at least one window of documents long
    (a few small files may need no spaCy at all, and would wait for the import)."""
    import sys

    return (ctx.get_start_method() == "fork" and "spacy" not in sys.modules
            and options.settings.get("tokens", True) is not False
            and len(files) >= WINDOW_PER_JOB * jobs)


def _preload_spacy() -> None:
    from lawscan.analyse.tokens import preload

    try:
        preload()
    except Exception:  # spaCy missing or broken: each law that needs it will say so
        pass


def _after_early_worker(files: list[str], early: _EarlyWorker, submit, jobs: int) -> Iterator:
    """Results (or futures) in input order, when an early worker has the first files: the pool
    is given the files after those first, then whatever the early worker did not scan."""
    from collections import deque

    head = files[:EARLY_FILES]
    rest = _window(files[len(head):], submit, jobs)
    first = next(rest, None)  # the pool starts at once on the files after the early worker's
    done = early.finish()
    # all submitted before the first is waited for (a lazy submit would run them one by one);
    # each handed on is dropped here, as _window does
    todo = deque(done[i] if i < len(done) and done[i] is not None else submit(path)
                 for i, path in enumerate(head))
    del done
    while todo:
        yield todo.popleft()
    if first is not None:
        future, first = first[1], None
        yield future
        for _path, future in rest:
            yield future


EARLY_FILES = 64  # the early worker's share at most; it stops as soon as the pool is up


class _EarlyWorker:
    """A worker process forked before the parent imports spaCy. It scans ``paths`` in order
    until :meth:`finish` tells it to stop (it ends the file it is on) and never imports spaCy:
    a law that would need it is left, unscanned, for the pool. It keeps its results and sends
    them in one message once told to stop: the parent is importing until then, not reading."""

    def __init__(self, ctx, options: ScanOptions, paths: list[str]):
        self._stop = ctx.Event()
        self._results, sender = ctx.Pipe(duplex=False)
        self._process = ctx.Process(target=_early_main, name="lawscan-early",
                                    args=(options, paths, self._stop, sender, os.getpid()))
        self._process.start()
        sender.close()

    def finish(self) -> list:
        """Stop the worker and wait for it; it ends the file it is on. Gives its results for
        the first files, in order, None for a file it left; files past the end were not
        reached. A worker that died gives no results (the pool scans its files). Also called
        when the run is interrupted: the results are read (the worker would block on a full
        pipe otherwise) and dropped."""
        self._stop.set()
        results = []
        try:
            while True:  # one message, then end of file once the worker has closed its end
                results = self._results.recv()
        except (EOFError, OSError):
            pass
        self._results.close()
        self._process.join()
        return results


def _early_main(options: ScanOptions, paths: list[str], stop, sender, parent: int) -> None:
    def parent_gone() -> bool:  # killed: nobody will tell the worker to stop
        return os.getppid() != parent

    results = _early_scan(options, paths, lambda: stop.is_set() or parent_gone())
    while not stop.wait(0.5):
        if parent_gone():
            return
    sender.send(results)
    sender.close()


def _early_scan(options: ScanOptions, paths: list[str], should_stop) -> list:
    """What the early worker does: scan ``paths`` in order until ``should_stop()``; a law that
    would import spaCy gives None."""
    from lawscan.analyse.tokens import SpacyNotLoaded, forbid_import

    _init_worker(options)
    forbid_import()
    results = []
    for path in paths:
        if should_stop():
            break
        try:
            results.append(_work(path))
        except SpacyNotLoaded:
            results.append(None)
    return results


def _window(files: list[str], submit, jobs: int) -> Iterator[tuple[str, object]]:
    """(path, future) in input order, with at most a few documents per worker in flight: results
    are handed on as they come instead of piling up, and each future is dropped once yielded.
    Within the window the biggest files start first, which balances the workers."""
    from collections import deque

    size = max(WINDOW_PER_JOB * jobs, 2)
    pending: deque = deque()
    nxt = 0
    while nxt < len(files) or pending:
        if nxt < len(files) and len(pending) < size // 2 + 1:
            batch = files[nxt:nxt + size - len(pending)]
            started = {i: submit(files[nxt + i]) for i in sorted(range(len(batch)),
                                                                  key=lambda i: -_size(batch[i]))}
            pending.extend((files[nxt + i], started.pop(i)) for i in range(len(batch)))
            nxt += len(batch)
        yield pending.popleft()


WINDOW_PER_JOB = 8  # documents in flight per worker


def _dask_work(path: str, options: ScanOptions):
    """Runs on a Dask worker: one Scanner per worker process and option set."""
    global _WORKER
    if _WORKER is None or _WORKER.options != options:
        _WORKER = Scanner(options)
    return _work(path)


def _dask(files: list[str], options: ScanOptions) -> Iterator[Item]:
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
        submit = lambda p: client.submit(_dask_work, p, options=options, pure=False)  # noqa: E731
        for path, future in _window(files, submit, max(1, options.jobs)):
            try:
                yield future.result()
            except Exception as exc:  # a worker lost or killed: that document's error
                yield InputError(path, f"worker failed: {type(exc).__name__}: {exc}", "internal")
            finally:
                future.release()  # the worker may forget the result
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


@dataclass
class RunRecord:
    """What a streamed scan keeps: counts for the exit code and summary, the input errors, the
    skipped files (not legal documents: no error) and the crashed rules as (document path,
    Problem)."""

    documents: int = 0
    by_severity: dict = field(default_factory=dict)  # severity -> findings
    open_by_severity: dict = field(default_factory=dict)  # severity -> findings not in the baseline
    errors: list[InputError] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)
    rule_errors: list[tuple[str, Problem]] = field(default_factory=list)

    def add_document(self, dr: DocumentResult) -> None:
        self.documents += 1
        for f in dr.findings:
            self.by_severity[f.severity] = self.by_severity.get(f.severity, 0) + 1
            if f.baseline_state != "unchanged":
                self.open_by_severity[f.severity] = self.open_by_severity.get(f.severity, 0) + 1
        self.rule_errors.extend((dr.document.path, p) for p in dr.rule_errors)


def scan_stream(paths: list[str], options: ScanOptions | None = None, sinks=(),
                progress: Callable[[int, str], None] | None = None,
                baseline: set[str] | None = None, scanner: Scanner | None = None) -> RunRecord:
    """Scan and hand each result to every sink as it comes (``sink.add_document(dr)``,
    ``sink.add_error(err)``, ``sink.add_skipped(skipped)``), in input order, keeping no list of documents. ``baseline`` (loaded
    fingerprints) marks each document's findings new or unchanged before the sinks see it.
    Errors found before scanning (rule modules that failed to load, missing paths) come first.
    The sinks are not closed here. ``progress(total, path)`` is called once per file done. Pass
    the ``scanner`` when the sinks needed its rules (``scanner.ruleset.infos()``) beforehand."""
    from lawscan.pipeline import iter_inputs

    options = options or ScanOptions(slim=True)
    scanner = scanner or Scanner(options)
    record = RunRecord()

    def error(err: InputError) -> None:
        record.errors.append(err)
        for sink in sinks:
            sink.add_error(err)

    early: list[InputError] = []
    for problem in scanner.ruleset.errors:  # a rule module that failed to load
        early.append(InputError("rules", problem.message, problem.code))
    files = list(iter_inputs(paths, options.exclude, early))
    for err in early:
        error(err)
    for item in iter_scan(files, options, scanner):
        if isinstance(item, InputError):
            error(item)
            path = item.path
        elif isinstance(item, SkippedInput):
            record.skipped.append(item)
            for sink in sinks:
                sink.add_skipped(item)
            path = item.path
        else:
            if baseline is not None:
                from lawscan.baseline import mark_document

                mark_document(item, baseline)
            record.add_document(item)
            for sink in sinks:
                sink.add_document(item)
            path = item.document.path
        del item  # nothing here holds the document once the sinks have it
        if progress:
            progress(len(files), path)
    return record


class _Collect:
    """A sink that keeps everything: the whole ScanResult."""

    def __init__(self, result: ScanResult):
        self.result = result

    def add_document(self, dr: DocumentResult) -> None:
        self.result.documents.append(dr)

    def add_error(self, err: InputError) -> None:
        self.result.errors.append(err)

    def add_skipped(self, skipped: SkippedInput) -> None:
        self.result.skipped.append(skipped)


def scan(paths: list[str], options: ScanOptions | None = None,
         progress: Callable[[int, str], None] | None = None) -> ScanResult:
    """Scan and collect everything into one ScanResult. ``progress(total, path)`` is called
    once per file done."""
    options = options or ScanOptions(slim=True)
    scanner = Scanner(options)
    result = ScanResult(tool_version=__version__, rules=scanner.ruleset.infos())
    scan_stream(paths, options, [_Collect(result)], progress, scanner=scanner)
    return result
