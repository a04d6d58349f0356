"""Command line: ``lawscan <command>``. Each command lives in its own module and is imported
only when it runs, so ``lawscan --version`` starts fast.

Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage / configuration / input errors
(and a command whose module cannot be imported: a broken installation says so, with the import
error, never "No such command"), 130 interrupted (Ctrl-C, SIGINT), 143 terminated (SIGTERM). SIGTERM is turned into the same
exception as Ctrl-C, so ``finally`` blocks run: reports are written atomically and their
temporary files removed, the cache keeps only complete entries.

No command ends with a traceback: lawscan's own errors (a file that cannot be written, a
configuration that cannot be read) print one line "lawscan: error: <path>: <reason>" and exit 2;
anything else is an internal error, printed on one line with its type (exit 2;
``LAWSCAN_DEBUG=1`` shows the traceback). Standard output and error that cannot encode Unicode
(a Latin-1 terminal) get "?" for what they cannot show instead of failing.
"""

from __future__ import annotations

import importlib
import signal
import sys

import click

from lawscan import __version__
from lawscan.errors import LawscanError

# command name -> "module:attribute" (a click.Command)
COMMANDS = {
    "parse": "lawscan.cli.parse_cmd:parse",
    "graph": "lawscan.cli.graph_cmd:graph",
    "scan": "lawscan.cli.scan_cmd:scan",
    "rules": "lawscan.cli.rules_cmd:rules",
    "explain": "lawscan.cli.rules_cmd:explain",
    "init": "lawscan.cli.config_cmd:init",
    "baseline": "lawscan.cli.baseline_cmd:baseline",
    "suggest": "lawscan.cli.suggest_cmd:suggest",
    "diff": "lawscan.cli.diff_cmd:diff",
    "convert": "lawscan.cli.convert_cmd:convert",
    "annotate": "lawscan.cli.annotate_cmd:annotate",
}


class CommandLoadError(click.ClickException):
    """A command lawscan has whose module cannot be imported (a missing dependency, a broken
    file): "Error: command 'scan' cannot be loaded (lawscan.cli.scan_cmd): ModuleNotFoundError:
    …" on stderr, exit 2."""

    exit_code = 2

    def __init__(self, name: str, module: str, exc: BaseException):
        super().__init__(f"command {name!r} cannot be loaded ({module}): {type(exc).__name__}: {exc}")


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that clean-up code runs."""


def _on_sigterm(signum, frame):
    raise Terminated()


def load_or_exit(path: str):
    """One document for the single-file commands (suggest, diff, convert); a file that cannot be
    read is named on stderr with its reason, as every command names it ("lawscan: error: <path>:
    <reason>"), and the command exits 2."""
    from lawscan.errors import ReadError
    from lawscan.pipeline import load_document

    try:
        return load_document(path)
    except ReadError as exc:
        click.echo(f"lawscan: error: {safe_line(exc.path)}: {safe_line(exc.reason)}", err=True)
        sys.exit(2)


def check_output(output: str | None, paths) -> None:
    """Before a command reads anything: refuse an ``-o`` path that is a device, pipe or folder,
    or one of the files the command reads (lawscan.errors.WriteError: one line, exit 2)."""
    if not output:
        return
    from lawscan.atomic import check_not_input, check_target
    from lawscan.walk import collect_inputs

    check_target(output)
    check_not_input(output, collect_inputs([str(p) for p in paths]).ids())


def report_input_error(error) -> None:
    """An input error on stderr, as one line: "lawscan: error: <path>: <reason>"."""
    click.echo(f"lawscan: error: {safe_line(error.path)}: {safe_line(error.message)}", err=True)


def report_skipped(left_out) -> None:
    """Files parse / graph left out on purpose (lawscan's own outputs, links out of a scanned
    folder), one line each on stderr: a note, not an error."""
    for item in left_out:
        click.echo(f"lawscan: skipped: {safe_line(item.path)}: {safe_line(item.reason_en)}", err=True)


def safe_line(text: object) -> str:
    """``text`` as one line safe for a terminal: control characters (ESC, CR, LF, …) and
    undecodable bytes of file names shown escaped."""
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in str(text))


def quiet_stdout() -> None:
    """Standard output now goes to the null device: its reader stopped reading (``lawscan … |
    head``), and nothing written later, nor the flush at exit, fails on it."""
    import os

    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (a test runner)
        pass


def stdout_reader_gone() -> bool:
    """Standard output is a pipe whose reader has closed it (poll reports an error on it)."""
    import select

    try:
        poller = select.poll()
        poller.register(sys.stdout.fileno(), 0)
        return any(events & select.POLLERR for _, events in poller.poll(0))
    except (OSError, ValueError, AttributeError):  # no poll (Windows), no file descriptor
        return False


def _tolerant_streams() -> None:
    """Standard output and error that cannot encode every character (a Latin-1 or ASCII locale)
    write "?" instead of failing."""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        try:
            if codecs.lookup(stream.encoding).name != "utf-8" and stream.errors == "strict":
                stream.reconfigure(errors="replace")
        except (AttributeError, LookupError, TypeError, ValueError):
            pass


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx):
        return sorted(COMMANDS)

    def get_command(self, ctx, name):
        """The command ``name``, its module imported now; None for a name lawscan does not have
        (click says "No such command"). A module that fails to import raises
        :class:`CommandLoadError` with the reason."""
        target = COMMANDS.get(name)
        if target is None:
            return None
        module, attr = target.split(":")
        try:
            return getattr(importlib.import_module(module), attr)
        except Exception as exc:  # ImportError, SyntaxError, a missing attribute, an error at import
            raise CommandLoadError(name, module, exc) from exc

    @staticmethod
    def _os_error(ctx, exc: OSError) -> None:
        """A file that cannot be read or written (a full disk): one line, exit 2."""
        where = f"{safe_line(exc.filename)}: " if exc.filename else ""
        print(f"lawscan: error: {where}{safe_line(exc.strerror or exc)}", file=sys.stderr, flush=True)
        ctx.exit(2)

    def invoke(self, ctx):
        """Run the command; Ctrl-C and SIGTERM end it with one line and exit 130 / 143."""
        try:
            previous = signal.signal(signal.SIGTERM, _on_sigterm)
        except ValueError:  # not the main thread (embedded use): leave signals alone
            previous = None
        _tolerant_streams()
        try:
            return super().invoke(ctx)
        except LawscanError as exc:
            print(f"lawscan: error: {safe_line(exc)}", file=sys.stderr, flush=True)
            ctx.exit(2)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, SystemExit):
            raise
        except BrokenPipeError as exc:
            if exc.filename is None and stdout_reader_gone():  # lawscan parse … | head: the
                quiet_stdout()  # reader has what it wanted; nothing failed (exit 0, no message)
                ctx.exit(0)
            self._os_error(ctx, exc)
        except OSError as exc:
            self._os_error(ctx, exc)
        except Exception as exc:  # a bug: one line, not a traceback (LAWSCAN_DEBUG=1 shows it)
            import os

            if os.environ.get("LAWSCAN_DEBUG"):
                raise
            print(f"lawscan: internal error: {type(exc).__name__}: {safe_line(exc)} "
                  "(LAWSCAN_DEBUG=1 shows where)", file=sys.stderr, flush=True)
            ctx.exit(2)
        except KeyboardInterrupt as exc:
            from lawscan.atomic import discard_all

            discard_all()  # temporary files of reports and cache entries being written
            name, code = ("SIGTERM", 143) if isinstance(exc, Terminated) else ("SIGINT", 130)
            print(f"\nlawscan: interrupted ({name}); stopped, no report was left half-written",
                  file=sys.stderr, flush=True)
            ctx.exit(code)
        finally:
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lawscan")
def main():
    """lawscan — does this Vietnamese law or draft bill govern activity in the digital
    environment ("môi trường số"), and what is missing?"""


def run() -> None:
    """The console entry point (``lawscan``, ``python -m lawscan``): :func:`main`, then, when no
    other thread or child process is left, the process ends with its exit code without tearing
    the interpreter down. By then every report is complete and closed (they are written
    atomically); what is skipped is freeing every object and module one by one: 0.25-0.5 s once
    spaCy is loaded, a twentieth of a corpus scan. The exit handlers (``atexit``) still run and
    stdout/stderr are flushed. With workers still about (an interrupted ``--jobs`` run) the
    normal exit waits for them; under a profiler or tracer (``python -m cProfile``, coverage)
    the normal exit lets it write its data. Tests and embedding code call ``main`` (e.g. through click's
    runner) and keep the normal teardown."""
    import atexit
    import os
    import threading

    try:
        main()
        code = 0
    except SystemExit as exc:
        code = exc.code
    if code is None:
        code = 0
    elif not isinstance(code, int):  # sys.exit("message"): print it and exit 1, as Python does
        print(code, file=sys.stderr)
        code = 1
    mp = sys.modules.get("multiprocessing")
    if threading.active_count() > 1 or (mp is not None and mp.active_children()) \
            or sys.getprofile() is not None or sys.gettrace() is not None:
        sys.exit(code)  # workers to wait for, or a profiler / coverage tool that writes at exit
    # what a normal exit runs first; the atexit module has no public way to run its handlers
    # (os._exit skips them), and this function has been in CPython unchanged since 3.0
    atexit._run_exitfuncs()  # noqa: SLF001
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe (lawscan ... | head): nothing to flush to
            pass
    os._exit(code)
