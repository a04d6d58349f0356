"""Peak memory of a scan of each hostile input shape, against the size of the input.

Command (from the repository root; a few minutes on 2 cores)::

    python benchmarks/bench_hostile_memory.py [--sizes 100000,300000,1000000] [--cap-mb 2000]
                                              [--shapes khoan_chain,docx_numbering,...]

Each shape (``tests/hostile/generators.py``: ``SHAPES``, plus the .docx that unzips to the most
the zip-ratio limit lets through, ``docx_unzips``) is generated at about each of the given
sizes, and ``lawscan scan --no-config FILE -f json -o OUT`` runs on it in a fresh process under
an address-space cap (``--cap-mb``, RLIMIT_AS: a regression fails here instead of taking the
machine). Printed per run: the input's size, what it unzips to (.docx), the scan's peak RSS, the
peak above a scan of a one-page law (the interpreter, the libraries and the rules: the base), and
that excess divided by the input size — the multiple the README documents — with the wall time,
the exit code and the report's size.

The PDF shapes (``tests/hostile/pdfs.py``) are built once each: a few kilobytes that ask a reader
for gigabytes; PDFium reads them in a child process whose address space is capped (256 MiB + 8
bytes per byte of the file), and the peak printed is the larger of lawscan's process and its
children (``wait4``: the PDFium child is waited for, at the latest when lawscan exits; for a
.doc, the converter). ``pdf_gazette`` is the corpus's largest Gazette PDF (the good path),
``doc_converted`` a .doc that LibreOffice saved from a generated law (needs ``soffice``),
``doc_broken`` random bytes behind a Word file's magic.

For a .docx the size that counts is what its text parts unzip to: at most ``max_xml_bytes``
(12 MiB), and beyond 1 MiB at most ``--max-zip-ratio`` (100) times their compressed size
(lawscan.read.docx). The figures of the last run are in the README ("Memory"): the peak is at
most about 100 MB + 135 x a text, HTML or JSON input, 100 MB + 25 x what a .docx unzips to.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from hostile import generators as gen  # noqa: E402
from hostile import pdfs  # noqa: E402


def docx_unzips(d, n: int):
    """A .docx of about ``n`` bytes whose document.xml unzips as far as the ratio limit lets it
    (99:1): paragraphs of a law, repeated, and incompressible text that sets the ratio."""
    import base64

    para = ("<w:p><w:r><w:t>Điều 1. Hồ sơ nộp bản chính tại cơ quan có thẩm quyền theo khoản 1 "
            "Điều 2 của Luật này.</w:t></w:r></w:p>").encode("utf-8")
    noise = base64.b64encode(os.urandom(int(n * 0.7))).decode()
    head = gen.document_xml(gen.LAW).replace(b"</w:body>", f"<w:p><w:r><w:t>{noise}</w:t></w:r></w:p>"
                                             .encode() + b"</w:body>")
    target = 99 * n
    body = head.replace(b"</w:body>", para * max(0, (target - len(head)) // len(para)) + b"</w:body>")
    path = Path(d) / f"unzips-{n}.docx"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", gen.CONTENT_TYPES)
        zf.writestr("word/document.xml", body)
    path.write_bytes(buf.getvalue())
    return path


def doc_converted(d, n: int):
    """A legacy .doc that LibreOffice saved from a law of about ``n`` bytes of text (needs
    ``soffice``): what a converter and the .docx reader take on a large .doc."""
    import shutil

    law = gen.law_5000_articles(d, chapters=max(1, n // 30_000), per_chapter=20)
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([exe, "--headless", f"-env:UserInstallation=file://{Path(d) / 'profile'}",
                    "--convert-to", "doc:MS Word 97", "--outdir", str(d), str(law)],
                   check=True, capture_output=True, timeout=600)
    shutil.rmtree(Path(d) / "profile", ignore_errors=True)
    law.unlink()
    return next(Path(d).glob("*.doc"))


def doc_broken(d, n: int):
    """``n`` random bytes behind the OLE magic of a Word file: the converter refuses it."""
    path = Path(d) / f"broken-{n}.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(n))
    return path


def pdf_gazette(d, n: int | None = None):
    """The largest Official Gazette PDF of the corpus (the good path), if the corpus is there."""
    corpus = Path(os.environ.get("LAWSCAN_CORPUS", REPO.parent / "shared" / "corpus")) / "pdf"
    return max(corpus.glob("*.pdf"), key=lambda p: p.stat().st_size)


SHAPES = {**gen.SHAPES, "docx_unzips": docx_unzips, **pdfs.SHAPES, "pdf_gazette": pdf_gazette,
          "doc_converted": doc_converted, "doc_broken": doc_broken}

# bytes of input that one n adds, for the shapes whose files grow with n
BYTES_PER_N = {"tiny_lines": 2, "khoan_chain": 12, "long_line": 1, "law_on_one_line": 1, "short_names_on_one_line": 1,
               "many_units": 60,
               "json_record": 90,
               "html_table": 80, "mhtml_parts": 34}
# the .docx shapes: n up to what the limits let through (their parts unzipped to 1 MiB without a
# ratio check; up to max_xml_bytes, 12 MiB, at 99:1)
DOCX_N = {"docx_numbering": (1000, 3000, 9000), "docx_trailing_notes": (1000, 3000, 9000),
          "docx_unzips": (16_000, 50_000, 125_000), "docx_tiny_paragraphs": (45_000, 150_000, 350_000)}
# shapes built once, at the size their builder chose (the PDFs: a few KB that ask for gigabytes)
FIXED_N = {**{name: (None,) for name in pdfs.SHAPES}, "pdf_gazette": (None,),
           "doc_converted": (300_000, 1_000_000), "doc_broken": (1_000_000,)}


def unzipped(path: Path) -> int | None:
    if path.suffix != ".docx":
        return None
    with zipfile.ZipFile(path) as zf:
        return sum(i.file_size for i in zf.infolist())


def run(path: Path, out: Path, cap_mb: int) -> tuple[float, float, int]:
    """Peak RSS (MB), wall seconds, exit code of a scan of ``path``."""
    def limit():
        cap = cap_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "lawscan", "scan", "--no-config", "--no-progress",
                             "--fail-on", "never", str(path), "-f", "json", "-o", str(out)],
                            cwd=out.parent, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            preexec_fn=limit)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1, 2):
        print(proc.stderr.read().decode("utf-8", "replace")[-2000:], file=sys.stderr)
    proc.stderr.close()
    return usage.ru_maxrss / 1024, wall, code


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="100000,300000,1000000", help="input sizes in bytes")
    ap.add_argument("--cap-mb", type=int, default=2000, help="address-space cap of each scan")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(tempfile.mkdtemp(prefix="lawscan-hostile-"))
    base_law = gen.GOOD_LAW
    base = min(run(base_law, work / "base.json", args.cap_mb)[0] for _ in range(2))
    print(f"base: a one-page law peaks at {base:.0f} MB")
    print(f"{'shape':20} {'input':>9} {'unzipped':>9} {'peak MB':>8} {'excess MB':>9} "
          f"{'x input':>8} {'seconds':>8} {'exit':>4} {'report':>9}")
    worst = 0.0
    for name in args.shapes.split(","):
        build = SHAPES[name]
        ns = FIXED_N.get(name) or DOCX_N.get(name) or [max(1, int(size / BYTES_PER_N[name])) for size in sizes]
        for n in ns:
            folder = work / f"{name}-{n}"
            folder.mkdir()
            path = build(folder) if n is None else build(folder, n)
            size = path.stat().st_size
            counted = unzipped(path) or size
            out = folder / "out.json"
            peak, wall, code = run(path, out, args.cap_mb)
            excess = max(0.0, peak - base)
            multiple = excess * 1024 * 1024 / counted
            if name not in FIXED_N:  # bounded by a cap, not by their size
                worst = max(worst, multiple)
            report = out.stat().st_size if out.exists() else 0
            print(f"{name:20} {size:9d} {unzipped(path) or '-':>9} {peak:8.0f} {excess:9.0f} "
                  f"{multiple:8.1f} {wall:8.2f} {code:4d} {report:9d}", flush=True)
            shutil.rmtree(folder)
    print(f"largest multiple: {worst:.1f} x the input (for a .docx: what it unzips to; PDF and .doc "
          "shapes left out: their peak is their reader's cap)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
