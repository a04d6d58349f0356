"""Which PDF library reads the Official Gazette PDFs best: speed and fidelity of pypdfium2,
pdfplumber and pdfminer.six (and poppler's pdftotext, the command-line reference) on the real
files of ``../shared/corpus/pdf`` (or ``$LAWSCAN_CORPUS/pdf``).

Command (from the repository root; pdfplumber and pdfminer.six are not lawscan dependencies,
install them first to compare: ``pip install pdfplumber``)::

    python benchmarks/bench_pdf_libs.py [--fast] [PDF_DIR]

``--fast`` leaves out pdfplumber and pdfminer.six (five minutes of the run). The row "lawscan" is
lawscan's own reader (pypdfium2 plus the layout work of lawscan.read.pdflayout: headers, page
numbers and footnotes removed, wrapped lines joined; OCR of the few image-only pages included).

For each library: seconds for all files (text of every page, one process), pages/s, and what the
text is worth:

* ``syll%``: share of the letter-only words that are well-formed Vietnamese syllables
  (``lawscan.read.encoding.is_vietnamese_syllable``); a library that splits words inside a
  syllable ("Đ iều"), drops diacritics or maps glyphs wrongly loses here;
* ``art``: lines that start an article ("Điều 12. ..."): a library that glues lines or
  reorders them loses articles;
* ``bad``: U+FFFD, private-use and control characters in the text;
* ``diff``: words (letter-only tokens) whose multiset differs from pdftotext's, per 1,000 words.

The results are written down in docs/pdf-libraries.md.
"""

from __future__ import annotations

import collections
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

_WORD = re.compile(r"[^\W\d_]+")
_ARTICLE = re.compile(r"^\s*Điều\s+\d+[a-zđ]?\s*[.:]", re.MULTILINE)


def text_pypdfium2(path: Path) -> tuple[str, int]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        pages = []
        for page in pdf:
            tp = page.get_textpage()
            pages.append(tp.get_text_bounded())
            tp.close()
            page.close()
        return "\n".join(pages), len(pages)
    finally:
        pdf.close()


def text_pdfplumber(path: Path) -> tuple[str, int]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        pages = [page.extract_text() or "" for page in pdf.pages]
    return "\n".join(pages), len(pages)


def text_pdfminer(path: Path) -> tuple[str, int]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTTextContainer

    pages = []
    for layout in extract_pages(str(path), laparams=LAParams()):
        pages.append("".join(el.get_text() for el in layout if isinstance(el, LTTextContainer)))
    return "\n".join(pages), len(pages)


def text_lawscan(path: Path) -> tuple[str, int]:
    """lawscan's reader: pypdfium2 plus the layout work (headers, footnotes, joined lines)."""
    from lawscan.read.pdf import read_pdf

    source = read_pdf(str(path), path.read_bytes())
    return "\n".join(line.text for line in source.lines), len(source.meta["page_starts"])


def text_pdftotext(path: Path) -> tuple[str, int]:
    out = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"],
                         capture_output=True, timeout=120, check=True).stdout.decode("utf-8")
    return out, out.count("\f")


def measure(text: str) -> dict:
    from lawscan.read.encoding import is_vietnamese_syllable

    text = unicodedata.normalize("NFC", text)
    words = _WORD.findall(text)
    good = sum(1 for w in words if is_vietnamese_syllable(w))
    bad = sum(1 for c in text if c == "\ufffd" or 0xE000 <= ord(c) <= 0xF8FF
              or (unicodedata.category(c) == "Cc" and c not in "\n\r\t\f"))
    return {"words": words, "syll": good / max(len(words), 1), "art": len(_ARTICLE.findall(text)),
            "bad": bad}


def main(argv: list[str]) -> int:
    fast = "--fast" in argv
    argv = [a for a in argv if a != "--fast"]
    repo = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(repo))
    default = Path(os.environ.get("LAWSCAN_CORPUS", repo.parent / "shared" / "corpus")) / "pdf"
    folder = Path(argv[1]) if len(argv) > 1 else default
    files = sorted(folder.glob("*.pdf"))
    if not files:
        print(f"no PDF files under {folder}", file=sys.stderr)
        return 2
    libs = {"pdftotext": text_pdftotext} if shutil.which("pdftotext") else {}
    libs.update({"pypdfium2": text_pypdfium2, "pdfplumber": text_pdfplumber,
                 "pdfminer.six": text_pdfminer, "lawscan": text_lawscan})
    if fast:  # skip the two slow libraries
        libs.pop("pdfplumber"), libs.pop("pdfminer.six")
    reference: dict[Path, collections.Counter] = {}
    rows = []
    for name, extract in libs.items():
        try:
            extract(files[0])
        except ImportError:
            print(f"{name}: not installed, skipped", file=sys.stderr)
            continue
        seconds = pages = syll = art = bad = 0.0
        nwords = diffs = 0
        per_file = {}
        for path in files:
            start = time.perf_counter()
            text, n = extract(path)
            seconds += time.perf_counter() - start
            m = measure(text)
            pages += n
            syll += m["syll"] * len(m["words"])
            nwords += len(m["words"])
            art += m["art"]
            bad += m["bad"]
            per_file[path.name] = m["art"]
            counts = collections.Counter(m["words"])
            if name == "pdftotext":
                reference[path] = counts
            ref = reference.get(path)
            if ref is not None:
                diffs += sum(((counts - ref) + (ref - counts)).values())
        rows.append((name, seconds, pages, syll / max(nwords, 1), int(art), int(bad),
                     1000 * diffs / max(nwords, 1), per_file))
    print(f"{len(files)} files")
    print(f"{'library':13} {'seconds':>8} {'pages/s':>8} {'syll%':>7} {'art':>5} {'bad':>5} {'diff‰':>6}")
    for name, seconds, pages, syll, art, bad, diff, _ in rows:
        print(f"{name:13} {seconds:8.2f} {pages / seconds:8.1f} {100 * syll:7.2f} {art:5d} {bad:5d} {diff:6.1f}")
    names = [r[0] for r in rows]
    disagree = [f for f in (p.name for p in files) if len({r[7][f] for r in rows}) > 1]
    for f in disagree:
        print(f"  article lines differ: {f}: " + ", ".join(f"{n} {r[7][f]}" for n, r in zip(names, rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
