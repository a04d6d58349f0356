"""Converting the legacy word-processor files of a run (.doc, .rtf, .odt) a batch at a time.

LibreOffice takes about a second to start and a tenth of a second to convert a law, so a folder
of a hundred .doc files read one by one (lawscan.read.office) spends most of its time starting
LibreOffice. :class:`Batches` is made once for a run, with its list of files. Before a file is
read, ``ready(path)`` makes sure that this file and the first few of the run not converted yet
(``CHUNK`` files in all, in run order) that are .doc, .rtf or .odt by content were converted
together, with one LibreOffice start. Each .docx is kept under the SHA-256 of the input's bytes
in a private temporary folder, which ``directory`` names. The reader (lawscan.read.office) takes
the .docx made of the very bytes it reads (:func:`lawscan.read.office.batch_docx`). It converts alone any file
that has none, because the file was changed since, the batch failed, or no batch was made.

A batch is only a shortcut: it runs as a single conversion does (a copy of each input,
LibreOffice's private profile without macros, no file written larger than the single limit, the
time one file may take: ``convert_timeout``). A batch that fails or runs out of time leaves its files to be
converted alone, so a damaged or hostile file gets the same message it would get alone.
``benchmarks/bench_office.py`` measures the difference.
"""

from __future__ import annotations

import os
import shutil
import tempfile

from lawscan.errors import ReadError

CHUNK = 16  # files per LibreOffice start: one start costs about as much as ten conversions
OFFICE_SUFFIXES = (".doc", ".rtf", ".odt")


class Batches:
    """The batch conversions of one run over ``files`` (in run order). ``wanted(path, data)``
    says whether a file with these bytes will be read at all (not one the parse cache holds). Use as a context
    manager: the folder goes when the run ends."""

    def __init__(self, files: list[str], limits: dict | None = None, wanted=None):
        from lawscan.read.limits import merge_limits
        from lawscan.read.office import converters

        self.limits = merge_limits(limits)
        suffixed = [p for p in files if str(p).lower().endswith(OFFICE_SUFFIXES)]
        # a batch of one saves nothing
        self.exe = dict(converters()).get("soffice") if len(suffixed) > 1 else None
        self.position = {path: i for i, path in enumerate(suffixed)}
        self.todo = suffixed
        self.cursor = 0  # todo[:cursor] are all done
        self.wanted = wanted or (lambda path, data: True)
        self.directory: str | None = None
        self.done: set[str] = set()

    def __enter__(self) -> "Batches":
        if self.exe:
            self.directory = tempfile.mkdtemp(prefix="lawscan-batch-")
        return self

    def __exit__(self, *exc) -> None:
        if self.directory:
            shutil.rmtree(self.directory, ignore_errors=True)

    def ready(self, path: str) -> None:
        """Convert ``path``, with the first files of the run not converted yet, unless that was
        done already."""
        if not self.directory or path in self.done or path not in self.position:
            return
        chunk = [path]
        while self.cursor < len(self.todo) and self.todo[self.cursor] in self.done:
            self.cursor += 1
        for candidate in self.todo[self.cursor:]:
            if len(chunk) == CHUNK:
                break
            if candidate not in self.done and candidate != path:
                chunk.append(candidate)
        self.done.update(chunk)
        inputs = [item for item in map(self._input, chunk) if item is not None]
        if len(inputs) > 1:
            self._convert(inputs)

    def _input(self, path: str) -> tuple[bytes, str] | None:
        """The bytes and kind of a file to convert, or None (not one, not read, unreadable: the
        reader will say why)."""
        from lawscan.read.detect import sniff_binary
        from lawscan.read.limits import read_bytes

        try:
            data = read_bytes(path, self.limits)
        except (ReadError, OSError):
            return None
        kind = sniff_binary(path, data)
        return (data, kind) if kind in ("doc", "rtf", "odt") and self.wanted(path, data) else None

    def _convert(self, chunk: list[tuple[bytes, str]]) -> None:
        from lawscan.read.external import run_tool
        from lawscan.read.office import batch_name, libreoffice_argv

        with tempfile.TemporaryDirectory(dir=self.directory) as work:
            names = []
            for i, (data, kind) in enumerate(chunk):
                names.append(os.path.join(work, f"input{i}.{kind}"))
                with open(names[-1], "wb") as fh:
                    fh.write(data)
            outdir = os.path.join(work, "out")
            os.mkdir(outdir)
            try:
                run_tool("(a batch of office files)", libreoffice_argv(self.exe, work, outdir, names),
                         timeout=float(self.limits.get("convert_timeout") or 120), workdir=work,
                         max_memory=None, max_output=2 * int(self.limits["max_bytes"]))
            except ReadError:
                return  # each file is converted alone, and says what went wrong
            for i, (data, _kind) in enumerate(chunk):
                made = os.path.join(outdir, f"input{i}.docx")
                if os.path.isfile(made):
                    os.replace(made, os.path.join(self.directory, batch_name(data)))
