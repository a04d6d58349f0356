"""What kind of document a text is: law, code, constitution, amending law, decree, circular,
resolution, decision or consolidated text (``lawscan.model.DOC_KINDS``).

Takes what ``metadata.extract`` found in the header (:class:`Evidence`) and gives a :class:`Kind`:
the kind and, for a consolidated text, the kind of the text it consolidates. The words are data
(``vocab.toml`` [doc_kinds]). The evidence, strongest first:

1. the name line of the header: "NGHỊ ĐỊNH", "THÔNG TƯ LIÊN TỊCH", "QUYẾT ĐỊNH", "LUẬT" …;
2. the type in the number printed in the text: "15/2026/NĐ-CP" a decree, "/TT-BTC" and
   "/TTLT-…" a circular, "/NQ-CP" a resolution, "/QĐ-TTg" a decision, "/QH15" an act of the
   National Assembly (a draft's "Số: …/2026/NĐ-CP" counts);
3. the title ("Luật Đất đai", "Nghị định quy định …", "Luật sửa đổi, bổ sung …" of an
   amending law, whose quoted text names the law it amends: "Bộ luật này");
4. how the text names itself: "Nghị định này quy định …" (records that lost their header);
5. what a record says of itself: its ``document_type`` ("Bộ luật"), then its id ("13/2023/ND-CP");
   scrapers file records under the wrong number, so the text comes first;
6. the issuing body (CHÍNH PHỦ, a ministry, THỦ TƯỚNG CHÍNH PHỦ), when nothing else tells.

An act of the National Assembly is a code or a constitution when its title says so, an amending
law when its title or its first article says it amends. A text is consolidated when its header
says "VĂN BẢN HỢP NHẤT", its number is a "/VBHN-" one, or it opens with the consolidation formula ("… được sửa đổi, bổ sung bởi:"). A text in no
Vietnamese is "foreign"; one with no evidence "unknown".
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from lawscan.structure.patterns import V, alternation, is_upper_title

_K = V["doc_kinds"]
_VIETNAMESE_RE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạ-ỹ]")
# a type code in a number: letters after a slash or a hyphen, before digits, a hyphen, a slash or
# the end ("QH" of "QH15", "NĐ" of "NĐ-CP", "QĐ" of "QĐ-TTg", "NQ" of "57-NQ/TW")
_TYPE_RE = re.compile(r"(?:^|[/-])([A-ZĐ]{1,6})(?=\d*(?:[-/]|$))")
_NOTE_MARK_RE = re.compile(r"(?<=[A-ZĐÀ-Ỹ])\d{1,3}$")  # "THÔNG TƯ1": a footnote mark on the name


@dataclass
class Evidence:
    """What the header and the reader gave, for :func:`classify`."""

    top: list[str] = field(default_factory=list)  # header lines before the preamble
    head: list[str] = field(default_factory=list)  # the first lines (header and preamble)
    number: str = ""  # as printed in the text, a draft's "/2026/NĐ-CP" too
    hinted_number: str = ""  # a record's id or number field
    title: str = ""
    issuer: str = ""
    document_type: str = ""  # a record's own word for its kind ("Bộ luật", "Nghị định")
    first_article: str = ""  # the heading of the first article
    sample: str = ""  # some body text: how the text names itself, its language


@dataclass
class Kind:
    kind: str = "unknown"
    consolidates: str | None = None  # for a consolidated text: the kind of the text it consolidates


@lru_cache(maxsize=1)
def _patterns():
    names = _K["names"]
    name_re = re.compile(rf"^(?P<name>{alternation(names)})(?:\s+(?P<rest>.*))?$")
    self_re = re.compile(_K["self"]["pattern"])
    formula_re = re.compile(_K["consolidated"]["formula"], re.IGNORECASE)
    by_word = {_fold(w): kind for w, kind in names.items()}
    amending_re = re.compile(_K["amending_article"]["pattern"], re.IGNORECASE)
    return name_re, self_re, formula_re, by_word, amending_re


def _fold(text: str) -> str:
    return " ".join(text.split()).lower()


def name_kinds(top: list[str]) -> list[str]:
    """Kinds named by the name lines of the header, in order ("VĂN BẢN HỢP NHẤT", then "LUẬT")."""
    name_re = _patterns()[0]
    out = []
    for probe in top:
        probe = _NOTE_MARK_RE.sub("", probe.strip())
        m = name_re.match(probe)
        if not m:
            continue
        rest = m.group("rest") or ""
        if rest and not is_upper_title(probe):
            continue  # "LUẬT số 5/2024" or a sentence, not a name line
        out.append(_K["names"][_canonical_name(m.group("name"))])
    return out


def _canonical_name(found: str) -> str:
    """The vocabulary key of a name as matched (any run of spaces between its words)."""
    return " ".join(found.split())


def number_kind(number: str) -> str | None:
    """The kind the type code of a number gives: "15/2026/NĐ-CP" -> decree, "31/2024/QH15" -> law."""
    types = _K["number_types"]
    for code in _TYPE_RE.findall(number or ""):
        if code in types:
            return types[code]
    return None


def self_kind(sample: str) -> str | None:
    """The kind the text calls itself most often: "Nghị định này quy định …" -> decree."""
    self_re, by_word = _patterns()[1], _patterns()[3]
    counts = Counter(_fold(m.group(1)) for m in self_re.finditer(sample or ""))
    if not counts:
        return None
    word = counts.most_common(1)[0][0]
    return by_word.get(word)


def word_kind(text: str) -> str | None:
    """The kind a title or a record's type starts with: "Nghị định quy định …" -> decree."""
    by_word = _patterns()[3]
    folded = _fold(text or "")
    for word in sorted(by_word, key=len, reverse=True):
        if folded == word or folded.startswith(word + " "):
            return by_word[word]
    return None


def issuer_kind(issuer: str) -> str | None:
    """The usual kind of an issuer's documents (the weakest evidence)."""
    table = _K["issuers"]
    issuer = " ".join((issuer or "").split())
    for name in sorted(table, key=len, reverse=True):
        if issuer == name or issuer.startswith(name + " "):
            return table[name]
    return None


def is_consolidated(ev: Evidence, names: list[str]) -> bool:
    if "consolidated" in names or number_kind(ev.number) == "consolidated":
        return True
    if not ev.number and number_kind(ev.hinted_number) == "consolidated":
        return True
    return bool(_patterns()[2].search(" ".join(ev.head[:40])))


def refine_act(kind: str | None, title: str, first_article: str = "") -> str | None:
    """An act of the National Assembly: an amending law when its title or its first article
    says it amends ("Luật sửa đổi, bổ sung …", "Điều 1. Sửa đổi, bổ sung Luật đầu tư:"), a code
    or a constitution when its title says so."""
    if kind not in ("law", "code"):
        return kind
    t = (title or "").lower()
    if any(w.lower() in t for w in _K["amending"]) or _patterns()[4].search(first_article or ""):
        return "amending_law"
    for key in ("code", "constitution"):
        if any(t.startswith(w.lower()) for w in _K[key]):
            return key
    return kind


def base_kind(ev: Evidence, names: list[str]) -> str | None:
    """The kind of the text itself (what a consolidated text consolidates), evidence by evidence."""
    own = [k for k in names if k != "consolidated"]
    for found in (own[0] if own else None, _not_consolidated(number_kind(ev.number)),
                  word_kind(ev.title), self_kind(ev.sample), word_kind(ev.document_type),
                  _not_consolidated(number_kind(ev.hinted_number)), issuer_kind(ev.issuer)):
        if found:
            return refine_act(found, ev.title, ev.first_article)
    return None


def _not_consolidated(kind: str | None) -> str | None:
    return None if kind == "consolidated" else kind


def classify(ev: Evidence) -> Kind:
    """The kind of a document from its evidence (see the module docstring)."""
    names = name_kinds(ev.top)
    base = base_kind(ev, names)
    if is_consolidated(ev, names):
        return Kind("consolidated", base if base != "unknown" else None)
    if base:
        return Kind(base)
    if ev.sample and not _VIETNAMESE_RE.search(ev.sample):
        return Kind("foreign")
    return Kind("unknown")
