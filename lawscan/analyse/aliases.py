"""The short names a text gives its own digital things, read as those things.

A text may name a digital thing once in full and then by a short name of its own: "27. Thanh
toán điện tử liên ngân hàng (sau đây viết tắt là TTLNH) là ...", after which its chapters and
articles speak of "Hệ thống TTLNH Quốc gia" and no lexicon term is left in their titles.

``digital_aliases(sc, lex) -> list[Alias]`` takes the lexicon scan of a document and gives each
short name introduced by "(sau đây / dưới đây [được] gọi [tắt / chung] là X)" or "(sau đây viết
tắt là X)" (rules/data/rubric.toml ``[short_names]``) whose full name is headed by a strong
lexicon term (the analysis passes a lexicon that holds the terms the text's definitions make
digital too, :mod:`lawscan.analyse.definitions`): ``Alias.term`` is the short name as printed,
as a term of that term's kind; ``Alias.reason`` says what it stands for and where.
The analysis adds the terms to the document's own lexicon (``Lexicon.with_terms``) and scans
again, so a short name counts wherever its full name would, and gives the reasons.

The full name is the phrase just before the parenthesis, and it must be headed by the term (a
Vietnamese noun phrase puts its head first): the term starts after at most two syllables of it
(a head noun such as "Hệ thống", "Cổng", "Trung tâm"). So
"Hệ thống thông tin tín dụng quốc gia (sau đây gọi là CIC)" names a digital thing, and "Ngân
hàng thương mại có kết nối với hệ thống thông tin (sau đây gọi là ngân hàng)" does not. Which
words the full name has:

* an acronym ("TTLNH") stands for the longest run of words, up to two per letter, that ends
  at the parenthesis, starts with its first letter, and has its letters, in order, among the
  initials ("Thanh Toán điện tử Liên Ngân Hàng");
* a name of words ("Hệ thống TTLNH Quốc gia", "dịch vụ quyết toán ròng") starts at the last
  place before the parenthesis where its first word stands.

A short name that already names a strong term, or has more than eight syllables, is left alone,
and so is one of one or two syllables without an acronym unless it is printed with a capital:
"(sau đây gọi là Hệ thống)" is then a name, counted only where it is printed so ("Chức năng
của Hệ thống": ``Term.cased``), while every lower-case "hệ thống" of the text stays a common
noun (other terms are matched without regard to case).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from lawscan.analyse.lexicon import Lexicon, Term
from lawscan.analyse.matcher import DocScan
from lawscan.analyse.messages import reason
from lawscan.analyse.outline import rubric
from lawscan.fold import fold
from lawscan.model import Reason

_ACRONYM = re.compile(r"^[A-ZĐ][A-ZĐ0-9]{1,11}$")
_WORD = re.compile(r"\w+")
MAX_SYLLABLES = 8
HEAD_SYLLABLES = 2  # the term starts after at most two syllables of the full name ("Hệ thống")
BEFORE = 240  # characters before the parenthesis where the full name is looked for
MAX_ALIASES = 20  # a text defines a handful; more is no law (each adds a term and a reason)


@dataclass(frozen=True)
class Alias:
    """A short name of a digital thing: ``term`` the short name as a lexicon term, ``reason``
    what it stands for, at the unit that says so."""

    term: Term
    reason: Reason


@lru_cache(maxsize=1)
def _introduces() -> tuple[tuple[str, ...], re.Pattern]:
    """The words that open the parenthesis introducing a short name, and the parenthesis (on
    folded text, the name in group 1), from rubric ``[short_names]``."""
    data = rubric()["short_names"]
    opens = tuple(fold(o) for o in data["opens"])
    return opens, re.compile(rf"\((?:{'|'.join(map(re.escape, opens))}){data['formula']} *[\"“']?"
                             rf"([^()\"“”'\n]{{1,60}}?)[\"”']? *\)")


def digital_aliases(sc: DocScan, lex: Lexicon) -> list[Alias]:
    """The short names of digital things the document introduces (see the module docstring),
    each once, in document order, the first :data:`MAX_ALIASES` of them."""
    opens, introduces = _introduces()
    if not any(o in sc.folded for o in opens):
        return []
    out: dict[str, Alias] = {}
    for m in introduces.finditer(sc.folded):
        k = bisect.bisect_right(sc.starts, m.start()) - 1
        line = _text_of(sc, k)
        offset, at = sc.starts[k], m.start() - sc.starts[k]
        name = line[m.start(1) - offset:m.end(1) - offset].strip()
        if fold(name) in out:
            continue
        # a full name is a few words: the text just before the parenthesis is enough (and a
        # long line with many short names is read in linear time)
        found = _full_name(line[max(0, at - BEFORE):at], name, lex)
        if found is not None:
            if len(out) == MAX_ALIASES:
                break
            full, term = found
            out[fold(name)] = Alias(Term(name, term.category, term.element, term.strength,
                                         cased=_short(name)),
                                    reason("own_name", sc.slot_units[k].eid, name=name, full=full,
                                           term=term.text))
    return list(out.values())


def _short(name: str) -> bool:
    """A short name of one or two syllables without an acronym ("Hệ thống", "Cổng")."""
    syllables = _WORD.findall(name)
    return len(syllables) < 3 and not any(_ACRONYM.match(w) for w in syllables)


def _text_of(sc: DocScan, k: int) -> str:
    """The heading or line of slot ``k`` of the scan, as printed."""
    unit, slot = sc.slot_units[k], sc.slot_lines[k]
    return unit.heading if slot < 0 else unit.content[slot].text


def _full_name(before: str, name: str, lex: Lexicon) -> tuple[str, Term] | None:
    """The full name ending ``before`` of the short ``name`` and the strong term that heads it,
    or None."""
    syllables = _WORD.findall(name)
    if not syllables or len(syllables) > MAX_SYLLABLES or _short(name) and not name[0].isupper():
        return None
    if any(h.strength == "strong" for h in lex.find(name)):
        return None
    spans = [(w.start(), w.end()) for w in _WORD.finditer(before)]
    if _ACRONYM.match(name):
        first = _acronym_start(before, spans, fold(name))
    else:
        first = _word_start(before, spans, fold(syllables[0]))
    if first is None:
        return None
    full = before[spans[first][0]:]
    hit = next((h for h in lex.find(full) if h.strength == "strong"), None)
    if hit is None or len(_WORD.findall(full[:hit.start])) > HEAD_SYLLABLES:
        return None
    return full.strip(), Term(hit.term, hit.category, hit.element, hit.strength)


def _acronym_start(before: str, spans: list[tuple[int, int]], letters: str) -> int | None:
    """The index of the first word of the longest run of words ending ``before`` whose initials
    hold ``letters`` in order, starting with the first and ending with the last; None when no
    run of up to two words per letter does."""
    initials = [fold(before[s])[0] for s, _ in spans]
    if not initials or initials[-1] != letters[-1]:
        return None
    for first in range(max(0, len(spans) - 2 * len(letters)), len(spans)):  # longest first
        if initials[first] == letters[0] and _holds(initials[first:], letters):
            return first
    return None


def _holds(initials: list[str], letters: str) -> bool:
    """Are ``letters`` a subsequence of ``initials``?"""
    it = iter(initials)
    return all(c in it for c in letters)


def _word_start(before: str, spans: list[tuple[int, int]], first_word: str) -> int | None:
    """The index of the last word of ``before`` that is ``first_word`` (folded), or None."""
    for i in range(len(spans) - 1, -1, -1):
        s, e = spans[i]
        if fold(before[s:e]) == first_word:
            return i
    return None
