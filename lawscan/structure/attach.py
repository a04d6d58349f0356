"""Texts issued with a document: regulations (attachments) and annexes.

A decree, circular or decision often has two or three articles ("Điều 1. Ban hành kèm theo
Nghị định này Quy chế Đấu thầu"), then the regulation it issues, with a title and a line saying
so ("QUY CHẾ ĐẤU THẦU" / "(Ban hành kèm theo Nghị định số 88/1999/NĐ-CP …)") and its own
Chương and Điều numbered from 1. Annexes are printed the same way ("PHỤ LỤC I" / "MẪU GIẤY PHÉP
…" / "(Kèm theo Nghị định số …)") but hold forms and tables, not articles.

``issued_text(probes, i)`` takes the parser's probes (stripped line texts) and a line index and
gives an :class:`IssuedText` when a regulation (``kind`` "attachment") or an annex ("annex")
begins there: its name line, then at most a few title lines, then the "(Ban hành) kèm theo"
line. ``bodies(root)`` gives the bodies of a parsed tree: the document's own and each
attachment's, in which numbering and references start anew. The words are in ``vocab.toml``
[attachments].
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawscan.model import Unit
from lawscan.structure.patterns import V, alternation, is_upper_title

_A = V["attachments"]
_NAME_RE = re.compile(rf"^(?:{alternation(_A['names'])})(?![^\W\d_])")
_ANNEX_RE = re.compile(rf"^(?:{alternation(_A['annexes'])})(?![^\W\d_])")
_ISSUED_RE = re.compile(_A["issued_with"])
_SEPARATOR_RE = re.compile(r"^[_\-–—=*.\s]+$")  # "________" (a probe may keep one)
LOOKAHEAD = 5  # title lines between the name line and the "kèm theo" line, at most
FIRST_LETTERS = frozenset(w[0] for w in _A["names"] + _A["annexes"])


@dataclass
class IssuedText:
    kind: str  # "attachment" (a regulation with its own articles) or "annex"
    name: str  # "QUY CHẾ", "PHỤ LỤC I"
    title: str  # the title in sentence case: "Quy chế Đấu thầu" ("" for an annex)
    consumed: int  # lines from the name line to the end of the "kèm theo" line, empty ones included
    issued_line: int  # index of the "(Ban hành kèm theo …)" line


def issued_text(probes: list[str], i: int) -> IssuedText | None:
    """The regulation or annex whose heading starts at line ``i`` (see the module docstring)."""
    p = probes[i]
    if not p or p[0] not in FIRST_LETTERS:
        return None
    annex = _ANNEX_RE.match(p)
    name = None if annex else _NAME_RE.match(p)
    if not (annex or (name and is_upper_title(p))):
        return None
    titles = [p]
    j, seen = i + 1, 0
    while j < len(probes) and seen < LOOKAHEAD:
        q = probes[j]
        j += 1
        if not q or _SEPARATOR_RE.match(q):
            continue
        seen += 1
        if _ISSUED_RE.match(q):
            end = _closing_paren(probes, j - 1)
            return _found(annex, name, titles, end + 1 - i, j - 1)
        if not annex and not is_upper_title(q) and not _sentence_title(q, titles):
            return None
        titles.append(q)
    return None


def _sentence_title(q: str, above: list[str]) -> bool:
    """A title line printed in sentence case under the name line ("QUY CHẾ" / "Quản lý, kết nối
    và chia sẻ dữ liệu …"): a capital first, or (a line the title wrapped onto, in a PDF: "…
    truy xuất nguồn gốc" / "lâm sản") a small letter under such a line of ``above``; no full
    stop, colon or semicolon at its end."""
    wrapped = q[0].islower() and len(above) > 1 and above[-1][0].isupper()
    return (q[0].isupper() or wrapped) and q[-1] not in ".:;"


def _closing_paren(probes: list[str], k: int) -> int:
    """The line that closes the bracket the "(Ban hành kèm theo" line ``k`` opens (it may wrap
    over two more lines), else ``k``."""
    for m in range(k, min(k + 3, len(probes))):
        if ")" in probes[m]:
            return m
    return k


def _found(annex, name, titles: list[str], consumed: int, issued: int) -> IssuedText:
    if annex:
        return IssuedText("annex", titles[0], "", consumed, issued)
    words = " ".join(" ".join(titles).split()).lower()
    return IssuedText("attachment", name.group(0), words[:1].upper() + words[1:], consumed, issued)


def bodies(root: Unit) -> list[Unit]:
    """The document's own body (the root) and each attachment's."""
    return [root, *(u for u in root.children if u.kind == "attachment")]
