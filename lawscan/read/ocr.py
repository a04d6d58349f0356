"""OCR of scanned pages with Tesseract and its Vietnamese data (Debian: ``tesseract-ocr``,
``tesseract-ocr-vie``), run as an external program (:mod:`lawscan.read.external`).

``ocr_available()`` gives None when Tesseract and its "vie" language are installed, else the
one-line reason and how to install them. ``ocr_image(path, image, scale, page, timeout)``
takes one page rendered as a greyscale PGM image (a file) at ``scale`` pixels per point and gives
a :class:`lawscan.read.pdflayout.Page` whose lines are Tesseract's lines (edges and top in
points, ``size`` the line's height in points divided by 1.25, about the font size) and the mean
confidence (0-100) of its words.

Two mendings of what Tesseract makes of a scan's flaws:
* a speck of dirt read as a word ("È Chương II", "Chương IV -"): a word at most 30% as tall as
  the line's median word, recognised with a confidence under 60, is dropped (a real dash or
  comma is as small, but recognised with confidence);
* a Roman number misread after a label that takes one (``vietnamese.json`` ``roman_labels``:
  "Chương Ï", "Chương TV", "Chương IHI", "Phần l"): its look-alike letters (Ï Ì Í Ĩ Ị l | T H for
  I) are read
  as I when that makes a Roman number and the printed token was not one ("Chương 1" is a number
  too, in Arabic numerals, and stays).
"""

from __future__ import annotations

import os
import subprocess
from functools import lru_cache
from statistics import median

from lawscan.numerals import is_roman
from lawscan.read.external import find_tool, run_tool
from lawscan.read.pdflayout import Page, PageLine

LANGUAGE = "vie"
INSTALL_HINT = "install Tesseract and its Vietnamese data (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie)"
LINE_HEIGHT = 1.25  # a line's box (Vietnamese marks above and below) over its font size
SPECK_HEIGHT = 0.3  # a word at most this share of its line's median word height ...
SPECK_CONFIDENCE = 60  # ... recognised with less confidence is a speck of the scan
_I_LOOKALIKES = str.maketrans({c: "I" for c in "ÏÌÍĨỊl|TH"})  # not "1": "Chương 1" is Arabic


@lru_cache(maxsize=1)
def ocr_available() -> str | None:
    """None when OCR can run; else why not, with how to install what is missing."""
    exe = find_tool("tesseract")
    if exe is None:
        return f"the OCR engine Tesseract is not installed; {INSTALL_HINT}"
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, timeout=30,
                             stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"the OCR engine Tesseract does not run ({exc}); {INSTALL_HINT}"
    langs = (out.stdout + out.stderr).decode("utf-8", "replace").split()
    if LANGUAGE not in langs:
        return f"Tesseract has no Vietnamese data ('{LANGUAGE}'); {INSTALL_HINT}"
    return None


def tesseract_version() -> str:
    exe = find_tool("tesseract")
    try:
        out = subprocess.run([exe, "--version"], capture_output=True, timeout=30, stdin=subprocess.DEVNULL)
        return out.stdout.decode("utf-8", "replace").split("\n", 1)[0].strip()
    except (OSError, subprocess.TimeoutExpired, TypeError):
        return "tesseract"


def ocr_image(path: str, image: str, scale: float, page: Page, timeout: float) -> float:
    """OCR one rendered page (the image file ``image``, in a folder of its own that Tesseract
    may write in) into ``page.lines``; the mean word confidence (0-100, -1 if no word)."""
    out = run_tool(path, [find_tool("tesseract") or "tesseract", image, "stdout", "-l", LANGUAGE,
                          "--psm", "3", "tsv"],
                   timeout=timeout, workdir=os.path.dirname(image), env={"OMP_THREAD_LIMIT": "1"})
    page.lines, confidence = _tsv_lines(out.decode("utf-8", "replace"), scale)
    page.ocr = True
    return confidence


def _tsv_lines(tsv: str, scale: float) -> tuple[list[PageLine], float]:
    """Tesseract's TSV (one row per word) -> lines in reading order, mean confidence."""
    lines: dict[tuple, list] = {}
    confidences = []
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5" or not cols[11].strip():
            continue
        try:
            left, top, width, height = (int(c) for c in cols[6:10])
            conf = float(cols[10])
        except ValueError:
            continue
        key = (int(cols[2]), int(cols[3]), int(cols[4]))  # block, paragraph, line
        words = lines.setdefault(key, [])
        words.append((left, top, left + width, top + height, cols[11], conf))
        if conf >= 0:
            confidences.append(conf)
    out = []
    for words in lines.values():
        words = _without_specks(words)
        if not words:
            continue
        x0 = min(w[0] for w in words)
        x1 = max(w[2] for w in words)
        top = min(w[1] for w in words)
        bottom = max(w[3] for w in words)
        text = _roman_number_mended(" ".join(w[4] for w in words))
        out.append(PageLine(text=text, x0=x0 / scale, x1=x1 / scale,
                            top=top / scale, size=(bottom - top) / scale / LINE_HEIGHT))
    mean = sum(confidences) / len(confidences) if confidences else -1.0
    return out, mean


def _without_specks(words: list[tuple]) -> list[tuple]:
    """A line's words (left, top, right, bottom, text, confidence) without the specks of the
    scan read as words (see the module docstring)."""
    tall = median(w[3] - w[1] for w in words)
    return [w for w in words if w[3] - w[1] > SPECK_HEIGHT * tall or w[5] >= SPECK_CONFIDENCE]


@lru_cache(maxsize=1)
def _roman_labels() -> frozenset[str]:
    from lawscan.read.encoding import vietnamese

    labels = vietnamese().get("roman_labels", [])
    return frozenset(labels) | {label.upper() for label in labels}


def _roman_number_mended(text: str) -> str:
    """"Chương TV" -> "Chương IV" (see the module docstring); other lines as they are."""
    words = text.split(" ")
    if len(words) < 2 or words[0] not in _roman_labels() or is_roman(words[1]):
        return text
    number = words[1].translate(_I_LOOKALIKES)
    if not number or not is_roman(number):
        return text
    return " ".join([words[0], number] + words[2:])
