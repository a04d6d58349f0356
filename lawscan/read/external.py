"""Running an external program on an input (Tesseract for scanned PDF pages, antiword or
LibreOffice for legacy .doc files), safely.

``run_tool(path, argv, timeout, workdir)`` runs ``argv`` (a list, never through a shell) in
``workdir`` (a temporary directory the caller made: the program may write only there), with no
standard input, a small environment (PATH, a UTF-8 locale, HOME inside ``workdir``), in its own
process group, with a wall-clock ``timeout`` after which the whole group is killed, and a limit
on its address space where the platform has one. It gives the program's standard output as
bytes (capped) or raises :class:`ReadError` naming the input file and the program.

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


def _limit_memory(max_bytes: int):
    def apply() -> None:  # runs in the child before exec
        try:
            import resource

            resource.setrlimit(resource.RLIMIT_AS, (max_bytes, max_bytes))
        except (ImportError, ValueError, OSError):
            pass
    return apply


def run_tool(path: str, argv: list[str], timeout: float, workdir: str,
             max_memory: int | None = 2 * 1024 ** 3, env: dict | None = None) -> bytes:
    """Run ``argv`` for input ``path`` (see the module docstring); its standard output."""
    name = os.path.basename(argv[0])
    environment = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8",
                   "LC_ALL": "C.UTF-8", "HOME": workdir, "TMPDIR": workdir}
    environment.update(env or {})
    try:
        proc = subprocess.Popen(argv, cwd=workdir, env=environment, stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True,
                                preexec_fn=_limit_memory(max_memory) if max_memory else None)
    except OSError as exc:
        raise ReadError(path, f"cannot run {name}: {exc.strerror or exc}", "read.tool") from None
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        raise ReadError(path, f"{name} took longer than {timeout:g} s; stopped", "read.tool_timeout") from None
    except BaseException:  # the document's own timeout (SIGALRM) or an interrupt: leave no child
        _kill_group(proc)
        raise
    if proc.returncode != 0:
        detail = " ".join(err.decode("utf-8", "replace").split())[:200]
        raise ReadError(path, f"{name} failed (exit code {proc.returncode})"
                              + (f": {detail}" if detail else ""), "read.tool_failed")
    return out[:MAX_OUTPUT]


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        pass
    try:
        proc.communicate(timeout=5)
    except (subprocess.TimeoutExpired, OSError, ValueError):
        pass
