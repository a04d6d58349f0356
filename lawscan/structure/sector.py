"""The sector (lĩnh vực) of a legal document: land, finance and tax, banking, health, … or "other".

Takes a parsed :class:`Document` and gives the key of one sector of ``sectors.toml`` (package
data: each sector's Vietnamese and English labels and the phrases that name it). The phrases are
looked for, whole words, case and tone placement folded, longest phrase first, in turn in

1. the title ("Luật sửa đổi, bổ sung một số điều của Luật Đất đai", "Nghị định quy định xử phạt vi
   phạm hành chính trong lĩnh vực giao thông đường bộ");
2. the issuing ministry's code at the end of the number ("22/2018/TT-NHNN": the State Bank's);
3. the beginning of the scope, i.e. of the heading and text of the first article ("Phạm vi điều
   chỉnh. Luật này quy định về …"), then the rest of it;
4. the headings of the chapters.

The first of these that names a sector decides (the beginning of the scope only by a phrase that
is not weak): each phrase found scores 2 points per syllable (1 for a "weak" phrase); the sector
with most points wins, ties going to the one listed first. Nothing found gives "other". ``pipeline.load_document`` puts the result on ``Document.sector``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lawscan.datafiles import load_data_file

SECTORS_PATH = Path(__file__).with_name("sectors.toml")
OTHER = "other"
SCOPE_HEAD = 300  # of the first article: its heading and first sentence or so
SCOPE_CHARS = 1500  # of the first article: the scope sentence and what follows it
HEADINGS = 40  # chapter headings looked at, at most


@functools.lru_cache(maxsize=1)
def vocabulary() -> dict:
    """``sectors.toml`` as loaded: {"sector": {key: {"vi", "en", "terms", "weak"}}, "ignore": …}."""
    return load_data_file(SECTORS_PATH)


def sector_keys() -> list[str]:
    """Every sector key, in the data file's order ("other" last)."""
    return list(vocabulary()["sector"])


def sector_label(key: str) -> dict:
    """{"vi", "en"} of a sector key ("other"'s for an unknown key)."""
    sectors = vocabulary()["sector"]
    entry = sectors.get(key) or sectors[OTHER]
    return {"vi": entry["vi"], "en": entry["en"]}


def _fold(text: str) -> str:
    from lawscan.fold import fold

    return " ".join(fold(text).split())


@functools.lru_cache(maxsize=1)
def _matcher() -> tuple[re.Pattern, dict[str, tuple[str, int]]]:
    """One regex of every phrase (longest first, whole words) and phrase -> (sector, points);
    the ignored phrases map to ("", 0)."""
    weights: dict[str, tuple[str, int]] = {}
    for key, entry in vocabulary()["sector"].items():
        for phrase in entry.get("weak", []):
            weights.setdefault(_fold(phrase), (key, 1))
        for phrase in entry.get("terms", []):
            folded = _fold(phrase)
            weights[folded] = (key, 2 * len(folded.split()))
    for phrase in vocabulary().get("ignore", {}).get("phrases", []):
        weights[_fold(phrase)] = ("", 0)
    phrases = sorted(weights, key=lambda p: (-len(p), p))
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")
    return pattern, weights


def score(text: str) -> dict[str, int]:
    """Points per sector of the phrases found in ``text``."""
    pattern, weights = _matcher()
    points: dict[str, int] = {}
    for m in pattern.finditer(_fold(text)):
        key, value = weights[m.group(0)]
        if value:
            points[key] = points.get(key, 0) + value
    return points


def best(points: dict[str, int]) -> str | None:
    """The sector with most points (the first listed on a tie), None when there are none."""
    if not points:
        return None
    order = {key: i for i, key in enumerate(sector_keys())}
    return min(points, key=lambda k: (-points[k], order.get(k, len(order))))


def issuer_sector(number: str | None) -> str | None:
    """The sector of the issuing ministry coded at the end of ``number`` ("…/TT-NHNN"), or None."""
    code = (number or "").rpartition("-")[2].strip().upper()
    return vocabulary().get("issuer_codes", {}).get(code) if code else None


def classify(title: str, scope: str = "", headings: list[str] | tuple[str, ...] = (),
             number: str | None = None) -> str:
    """The sector named by the title, else by the issuer's code in the number, else by the scope
    (its beginning first), else by the headings; "other"."""
    key = best(score(title)) if title else None
    if key:
        return key
    key = issuer_sector(number)
    if key:
        return key
    # the beginning of the scope decides only by a phrase that names a sector, not a weak one
    for text, least in ((scope[:SCOPE_HEAD], 2), (scope, 1), ("\n".join(headings), 1)):
        points = score(text) if text else {}
        key = best(points)
        if key and points[key] >= least:
            return key
    return OTHER


def document_sector(doc) -> str:
    """The sector of a parsed :class:`~lawscan.model.Document` (see the module docstring)."""
    first = next((u for u in doc.root.walk(include_quoted=False) if u.kind == "article"), None)
    scope = first.full_text()[:SCOPE_CHARS] if first is not None else ""
    headings = [u.heading for u in doc.root.walk(include_quoted=False)
                if u.kind == "chapter" and u.heading][:HEADINGS]
    return classify(doc.title or "", scope, headings, doc.number)
