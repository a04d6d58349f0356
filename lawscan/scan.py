"""Scanning: takes input paths and options; every document is read, parsed, analysed and checked
by the rules, every file that could not be read becomes an :class:`InputError`, and every file
that is not a legal document a :class:`SkippedInput` (lawscan.skipped), as do the files the walk
leaves out on purpose (lawscan.walk: lawscan's own outputs, links out of a scanned folder).

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
from lawscan.bounds import bound_problems
from lawscan.errors import ReadError
from lawscan.model import DocumentResult, InputError, Problem, ScanResult, SkippedInput, display_path
from lawscan.walk import Inputs

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
    # Stages above the scan that need a document's text, which slim() drops: each is called with
    # the DocumentResult once the rules have run, in order, and fills its fields (the drafting
    # stage, lawscan.drafting.suggest.add_suggestion, fills ``suggestion`` for the HTML report).
    # The caller names them (module-level functions: they travel to worker processes); the scan
    # imports no later stage.
    later_stages: tuple[Callable[[DocumentResult], None], ...] = ()


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

            self.cache = ParseCache(options.cache_dir, tuple(options.rules_dirs), options.limits)
        self.ruleset = load_rules(extra_dirs=options.rules_dirs, select=options.select or None,
                                  ignore=options.ignore or None, severity=options.severity or None)

    def scan_file(self, path: str, batches: str | None = None) -> Item:
        """Read, parse and check one file within the ``timeout`` limit (seconds, see
        lawscan.read.limits); running out of time is that file's InputError. ``batches``: the
        folder of the run's office conversions (lawscan.read.office_batch)."""
        from lawscan.pipeline import gc_per_document
        from lawscan.read.limits import DEFAULT_LIMITS, Clock, DocumentTimeout, time_limit

        timeout = (self.options.limits or {}).get("timeout", DEFAULT_LIMITS["timeout"])
        clock = Clock(path, float(timeout or 0))
        try:  # the limit inside the gc pause: no alarm rings as the collector is paused or resumed
            with gc_per_document(), time_limit(clock):
                result = self._scan_file(path, batches)
        except DocumentTimeout:
            exc = clock.error()
            return InputError(exc.path, exc.reason, exc.code)
        if clock.expired:  # the timeout was raised but swallowed on the way (analysis, rules)
            exc = clock.error()
            return InputError(exc.path, exc.reason, exc.code)
        return result

    def _scan_file(self, path: str, batches: str | None) -> Item:
        from lawscan import skipped
        from lawscan.pipeline import load_document

        def loader(p: str):
            return load_document(p, self.options.limits or None, batches)

        try:
            doc = self.cache.load(path, loader) if self.cache else loader(path)
        except ReadError as exc:
            return skipped.from_read_error(exc) or InputError(exc.path, exc.reason, exc.code)
        except MemoryError:
            return InputError(display_path(path), "out of memory while reading this file", "input.too_big")
        except RecursionError:
            return InputError(display_path(path), "structure nested too deeply to read", "input.too_deep")
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
        doc.problems = bound_problems(doc.problems)  # the rules may have added some
        for stage in self.options.later_stages:
            stage(result)
        if self.options.slim:
            slim(result)
        return result


def slim(result: DocumentResult) -> DocumentResult:
    """Keep what the reports need and drop the rest: the text (lines, unit content) and the units
    below articles. Findings carry their quotes and lines, the verdict its evidence; the counts,
    the title line and the outline (Phần … Điều with headings and lines) stay. A scan of a
    national corpus then holds a few kilobytes per document, not its whole text."""
    from lawscan.model import STRUCTURE_KINDS

    doc = result.document
    doc.meta["title_line"] = doc.title_line()  # found in the text, which goes
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
    with _batches(files, options) as batches:
        if options.jobs > 1 and len(files) > 1:
            yield from _parallel(files, options, batches)
            return
        scanner = scanner or Scanner(options)
        for path in files:
            batches.ready(path)
            yield scanner.scan_file(path, batches.directory)


def _batches(files: list[str], options: ScanOptions):
    """The run's office conversions (lawscan.read.office_batch), leaving out the files the
    parse cache holds."""
    from lawscan.read.office_batch import Batches

    if not options.cache_dir:
        return Batches(files, options.limits)
    from lawscan.cache import ParseCache

    cache = ParseCache(options.cache_dir, tuple(options.rules_dirs), options.limits)
    return Batches(files, options.limits, wanted=lambda path, data: not cache.holds(path, data))


_WORKER: Scanner | None = None


def _init_worker(options: ScanOptions, parent: int | None = None) -> None:
    global _WORKER
    import signal

    # Ctrl-C reaches the whole process group: the parent decides; SIGTERM just ends a worker
    # (it was blocked from before the fork until here: see _forking)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    if parent is not None:
        _die_with_parent(parent)
    _WORKER = Scanner(options)


def _die_with_parent(parent: int) -> None:
    """Have the kernel end this worker when its parent dies (Linux: PR_SET_PDEATHSIG), so that a
    run killed outright (SIGKILL, out of memory) leaves no worker behind; if the parent is
    already gone, end now."""
    import ctypes
    import signal

    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (AttributeError, OSError):  # not Linux: nothing to ask for
        return
    if os.getppid() != parent:
        os._exit(1)


def _work(path: str, batches: str | None = None):
    try:
        return _WORKER.scan_file(path, batches)
    except Exception as exc:  # never lose a document to a worker failure
        return InputError(display_path(path), f"internal error: {type(exc).__name__}: {exc}", "internal")


def _parallel(files: list[str], options: ScanOptions, batches) -> Iterator[Item]:
    """Scan on ``jobs`` worker processes; results in input order. A worker that dies (killed,
    out of memory, crashed) breaks the pool: the first document not yet handed on is scanned
    again alone in a fresh process — if that one dies too, the document is the culprit and
    becomes its error — and a new pool goes on with the rest.

    Interrupted (Ctrl-C, SIGTERM), the documents not started are dropped and those being scanned
    end, so their cache entries are whole; the pool is shut down and its manager thread joined
    here, before the interruption goes up. Left running into interpreter exit, that thread races
    CPython 3.11's exit hook for the pool's wake-up pipe, which prints an "OSError: Bad file
    descriptor" traceback after the one line of the interruption. Office files are converted
    here, a batch at a time (``batches``), before they are handed on."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    import multiprocessing

    ctx = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
    jobs = min(options.jobs, len(files))
    todo = 0  # files[todo:] are not handed on yet
    pool = None
    try:
        while todo < len(files):
            pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                       initargs=(options, os.getpid()))
            submit = _forking(_submitting(pool, batches))
            try:
                for path, future in _window(files[todo:], submit, jobs):
                    result = future.result()
                    todo += 1
                    yield result
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                pool = None
                yield _alone(ctx, options, files[todo], batches.directory)
                todo += 1
    finally:
        if pool is not None:  # done or interrupted: see the docstring
            pool.shutdown(wait=True, cancel_futures=True)


def _forking(submit):
    """``submit`` with SIGTERM blocked while it runs: the pool forks its workers inside submit,
    and a worker must not get SIGTERM before it has dropped the parent's handler (the pool
    terminates the others when one dies; the handler would raise in the new worker and print a
    traceback). A SIGTERM for the parent meanwhile waits the few microseconds and is handled."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        return submit

    def call(path: str):
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        try:
            return submit(path)
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
    return call


def _submitting(pool, batches):
    """Submit one file to ``pool``, its batch of office files converted first."""
    def submit(path: str):
        batches.ready(path)
        return pool.submit(_work, path, batches.directory)
    return submit


def _alone(ctx, options: ScanOptions, path: str, batches: str | None) -> DocumentResult | InputError:
    """Scan one file in a process of its own; its death is that file's error."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1, mp_context=ctx, initializer=_init_worker,
                             initargs=(options, os.getpid())) as pool:
        try:
            return _forking(lambda p: pool.submit(_work, p, batches))(path).result()
        except BrokenProcessPool:
            return InputError(display_path(path), "the worker process scanning this file died "
                                                  "(killed, out of memory or crashed)", "internal.worker")


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
                yield InputError(display_path(path), f"worker failed: {type(exc).__name__}: {exc}",
                                 "internal")
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
    rule_errors: list[tuple[str, Problem]] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)  # not legal documents, left out

    def add_document(self, dr: DocumentResult) -> None:
        self.documents += 1
        for f in dr.findings:
            self.by_severity[f.severity] = self.by_severity.get(f.severity, 0) + 1
            if f.baseline_state != "unchanged":
                self.open_by_severity[f.severity] = self.open_by_severity.get(f.severity, 0) + 1
        self.rule_errors.extend((dr.document.path, p) for p in dr.rule_errors)


def scan_stream(paths: list[str], options: ScanOptions | None = None, sinks=(),
                progress: Callable[[int, str], None] | None = None,
                baseline: set[str] | None = None, scanner: Scanner | None = None,
                inputs: Inputs | None = None) -> RunRecord:
    """Scan and hand each result to every sink as it comes (``sink.add_document(dr)``,
    ``sink.add_error(err)``, ``sink.add_skipped(skipped)`` when the sink has it), in input
    order, keeping no list of documents. ``baseline`` (loaded fingerprints) marks each
    document's findings new or unchanged before the sinks see it. Errors found before scanning
    (rule modules that failed to load, missing paths) and the files left out come first. The
    sinks are not closed here. ``progress(total, path)`` is called once per file done. Pass the
    ``scanner`` when the sinks needed its rules (``scanner.ruleset.infos()``) beforehand, and
    the ``inputs`` (lawscan.walk.collect_inputs) when they were collected beforehand."""
    from lawscan.walk import collect_inputs

    options = options or ScanOptions(slim=True)
    scanner = scanner or Scanner(options)
    record = RunRecord()

    def error(err: InputError) -> None:
        record.errors.append(err)
        for sink in sinks:
            sink.add_error(err)

    def skip(item: SkippedInput) -> None:
        record.skipped.append(item)
        for sink in sinks:
            if hasattr(sink, "add_skipped"):
                sink.add_skipped(item)

    if inputs is None:
        inputs = collect_inputs(paths, options.exclude)
    for problem in scanner.ruleset.errors:  # a rule module that failed to load
        error(InputError("rules", problem.message, problem.code))
    for err in inputs.errors:
        error(err)
    for left_out in inputs.skipped:
        skip(left_out)
    files = inputs.files
    for item in iter_scan(files, options, scanner):
        if isinstance(item, InputError):
            error(item)
            path = item.path
        elif isinstance(item, SkippedInput):
            skip(item)
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
