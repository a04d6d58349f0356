"""Where the units an implicit reference names are, when the sentence says so.

An implicit reference ("khoản 1", "điểm h") names units of where it stands, unless its sentence
puts it under another reference, its *anchor*:

* an aside in brackets after a reference: "theo khoản 2 Điều 15 Thông tư này (trừ nội dung tại
  điểm h và điểm i …)" names điểm h and i of that khoản 2; "Điều 12 (trừ quy định tại điểm g
  khoản 1)" khoản 1 of Điều 12. The reference is read where it stands first and under its anchor
  only when it names nothing there;
* a list announced as units of another article: "Vi phạm một trong các điểm, khoản sau của Điều 8
  Nghị định này mà …: điểm a, điểm e khoản 1; điểm g khoản 2" names units of Điều 8, and only
  there (the words that announce such a list are ``list_lead`` in ``data/refs.toml``);
* the same list set out in the points below: "1. Nghị định này quy định chi tiết một số điều của
  Luật Xây dựng số 135/2025/QH15 về:" then "a) Khoản 1 Điều 6 về loại công trình xây dựng;":
  the reference each point opens with names units of the law (``list_anchor`` of the unit that
  announces it, ``opens(ref, texts)`` of each point).

``anchors(refs, texts)`` takes the references of one unit (in text order, each with its line)
and the unit's lines as (text, line) pairs, and gives {id(ref): Anchor} for the references that
have one.

A decree that issues a regulation has two bodies, each numbered from Điều 1: its own and the
regulation's (an attachment, :mod:`lawscan.structure.attach`). A reference names units of the
body it stands in, unless it says whose they are: "Điều 2 của Nghị định này" the decree's own,
"Điều 5 của Quy chế này" the regulation's. ``body_index(units, quoted, top)`` gives the article,
chapter and part index of each body; ``body_of(ref, chain, root)`` the body a reference names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from lawscan.graph.refs import RANK, Path, Ref, extract_refs, vocab
from lawscan.model import Unit

BELOW_ARTICLE = ("paragraph", "point")


@dataclass
class Anchor:
    ref: Ref  # the reference whose units the implicit one names
    explicit: bool  # a list announced as its units (only there), not an aside (there if not here)

    def path(self) -> Path:
        return self.ref.targets[-1]


@lru_cache(maxsize=1)
def _list_lead() -> re.Pattern:
    words = "|".join(re.escape(w) for w in vocab()["scope"]["list_lead"])
    return re.compile(rf"(?:{words})\s*$")


def _implicit(ref: Ref) -> bool:
    return (ref.kind == "internal" and not ref.qualified and not ref.in_quote and bool(ref.targets)
            and all(p[0][0] in BELOW_ARTICLE and p[0][1] for p in ref.targets))


def _can_hold(anchor: Ref, ref: Ref) -> bool:
    """The anchor's deepest unit is larger than the first level the reference names."""
    if not anchor.targets:
        return False
    deepest = anchor.targets[-1][-1][0]
    return all(RANK[p[0][0]] < RANK[deepest] for p in ref.targets)


def anchors(refs: list[Ref], texts: list[tuple[str, int | None]]) -> dict[int, Anchor]:
    """The anchors of the implicit references among ``refs`` (see the module docstring)."""
    out: dict[int, Anchor] = {}
    for k, ref in enumerate(refs):
        if k == 0 or not _implicit(ref):
            continue
        prev = refs[k - 1]
        if prev.line != ref.line or prev.end > ref.start or not _can_hold(prev, ref):
            continue
        text = _line_text(ref, texts)
        if text is None:
            continue
        between = text[prev.end:ref.start]
        if between.count("(") > between.count(")"):
            out[id(ref)] = Anchor(prev, explicit=False)
        elif ":" in between and _list_lead().search(text[:prev.start]):
            out[id(ref)] = Anchor(prev, explicit=True)
    return out


def list_anchor(texts: list[tuple[str, int | None]]) -> Anchor | None:
    """The reference whose units the points below a unit list, when the unit's last line
    announces them ("… một số điều của Luật Xây dựng số 135/2025/QH15 về:")."""
    if not texts:
        return None
    text, line = texts[-1]
    if not text.rstrip().endswith(":"):
        return None
    ends = {m.end() for m in _list_lead_inside().finditer(text)}
    if not ends:
        return None
    found = [r for r in extract_refs(text) if r.start in ends]
    if not found:
        return None
    found[-1].line = line
    return Anchor(found[-1], explicit=True)


_LABEL_RE = re.compile(r"^\s*(?:[a-zđ]\d*\)|\d+[a-zđ]?\.|[-–+])?\s*$")


def opens(ref: Ref, texts: list[tuple[str, int | None]]) -> bool:
    """``ref`` is what its unit's first line opens with, after the unit's label ("a) Khoản 1
    Điều 6 về …")."""
    if not texts or texts[0][1] != ref.line or texts[0][0][ref.start:ref.end] != ref.text:
        return False
    return _LABEL_RE.match(texts[0][0][:ref.start]) is not None


@lru_cache(maxsize=1)
def _list_lead_inside() -> re.Pattern:
    words = "|".join(re.escape(w) for w in vocab()["scope"]["list_lead"])
    return re.compile(rf"(?:{words})\s+")


def _line_text(ref: Ref, texts: list[tuple[str, int | None]]) -> str | None:
    for text, line in texts:
        if line == ref.line and text[ref.start:ref.end] == ref.text:
            return text
    return None


def body_index(units: list[Unit], quoted: set[int], key) -> dict[int, dict]:
    """id(body) -> {(kind, key(kind, num)): first unit} for the articles, chapters and parts of
    each body. ``units``: a walk of the document (an attachment's units follow it), ``quoted``:
    the ids of quoted units, ``key``: the number key of the index (``build.num_key``)."""
    out: dict[int, dict] = {id(units[0]): {}} if units else {}
    index = out.get(id(units[0])) if units else None
    for unit in units:
        if unit.kind == "attachment":
            index = out[id(unit)] = {}
        elif unit.kind in ("article", "chapter", "part") and id(unit) not in quoted:
            index.setdefault((unit.kind, key(unit.kind, unit.num)), unit)
    return out


def body_of(ref: Ref, chain: list[Unit], root: Unit) -> Unit:
    """The body whose units ``ref`` names: a qualified reference's text (an issued text's word
    names the regulation, "Quy chế này"; a document type the document's own, "Nghị định này"),
    else the body it stands in."""
    here = next((u for u in reversed(chain) if u.kind == "attachment"), root)
    if not ref.qualified or not ref.self_type:
        return here
    word = ref.self_type.lower()
    if word not in _issued_words():
        return root
    if here is not root:
        return here
    attachments = [u for u in root.children if u.kind == "attachment"]
    named = [u for u in attachments if u.heading.lower().startswith(word)]
    return (named or attachments or [root])[0]


@lru_cache(maxsize=1)
def _issued_words() -> frozenset[str]:
    return frozenset(w.lower() for w in vocab()["documents"]["issued_texts"])
