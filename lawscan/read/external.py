"""Running an external program on an input (Tesseract for scanned PDF pages, antiword or
LibreOffice for legacy .doc files), safely.

``run_tool(path, argv, timeout, workdir)`` runs ``argv`` (a list, never through a shell) in
``workdir`` (a temporary directory the caller made: the program may write only there), with no
standard input, a small environment (PATH, a UTF-8 locale, HOME inside ``workdir``), in its own
process group, with a wall-clock ``timeout`` after which the whole group is killed, a limit on
its address space where the platform has one (``max_memory``) and on the size of every file it
writes (``max_output``, ``RLIMIT_FSIZE``: its standard output goes to a file in ``workdir``, so
a converter that would write gigabytes is stopped by the kernel, ``read.tool_output``). It
gives the program's standard output as bytes or raises :class:`ReadError` naming the input
file and the program.

Nothing of the input is ever executed: the programs only read it (the converters run no
macros: antiword and catdoc cannot, LibreOffice is started headless with macros disabled by
its default security level and a fresh profile in ``workdir``).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess

from lawscan.errors import ReadError

MAX_OUTPUT = 64 * 1024 * 1024  # bytes of standard output kept


def find_tool(name: str) -> str | None:
    """The full path of program ``name`` on PATH, or None."""
    return shutil.which(name)


def _limits(max_memory: int | None, max_output: int):
    def apply() -> None:  # runs in the child before exec
        try:
            import resource

            if max_memory:
                resource.setrlimit(resource.RLIMIT_AS, (max_memory, max_memory))
            # no file it writes (its output, a converted file) grows past max_output: SIGXFSZ
            resource.setrlimit(resource.RLIMIT_FSIZE, (max_output, max_output))
        except (ImportError, ValueError, OSError):
            pass
    return apply


def run_tool(path: str, argv: list[str], timeout: float, workdir: str,
             max_memory: int | None = 2 * 1024 ** 3, env: dict | None = None,
             max_output: int = MAX_OUTPUT) -> bytes:
    """Run ``argv`` for input ``path`` (see the module docstring); its standard output."""
    name = os.path.basename(argv[0])
    environment = tool_environment(HOME=workdir, TMPDIR=workdir)
    environment.update(env or {})
    out_path, err_path = (os.path.join(workdir, f".lawscan-{stream}") for stream in ("stdout", "stderr"))
    try:
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            proc = subprocess.Popen(argv, cwd=workdir, env=environment, stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=err, start_new_session=True,
                                    preexec_fn=_limits(max_memory, max_output))
    except OSError as exc:
        raise ReadError(path, f"cannot run {name}: {exc.strerror or exc}", "read.tool") from None
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)
        raise ReadError(path, f"{name} took longer than {timeout:g} s; stopped", "read.tool_timeout") from None
    except BaseException:  # the document's own timeout (SIGALRM) or an interrupt: leave no child
        kill_group(proc)
        raise
    if proc.returncode == -getattr(signal, "SIGXFSZ", -1):
        raise ReadError(path, f"{name} wrote more than {max_output} bytes; stopped", "read.tool_output")
    if proc.returncode != 0:
        detail = " ".join(_head(err_path).decode("utf-8", "replace").split())[:200]
        raise ReadError(path, f"{name} failed (exit code {proc.returncode})"
                              + (f": {detail}" if detail else ""), "read.tool_failed")
    with open(out_path, "rb") as fh:
        return fh.read(max_output)


def _head(path: str, size: int = 4096) -> bytes:
    with open(path, "rb") as fh:
        return fh.read(size)


def tool_environment(**extra: str) -> dict[str, str]:
    """The whole environment a tool is run with: the PATH and a UTF-8 locale, and ``extra``
    (nothing else of lawscan's environment)."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
            **extra}


def kill_group(proc: subprocess.Popen) -> None:
    """Kill ``proc`` and every process it started (its own session), and wait for it."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.wait(timeout=5)
    except (subprocess.TimeoutExpired, OSError, ValueError):
        pass
