"""Text helpers the rules share: folding (``lawscan.fold``, the same the analysis uses), phrase
search over a unit's lines, and rule data files.

* ``fold(text)`` -> NFC, case-folded, hoá/hóa-folded text (same as the lexicon matcher uses);
* ``phrase_pattern(phrases)`` -> a compiled regex matching any folded phrase on word boundaries
  (``phrase_literals(phrases)``: the same phrases as plain strings, for a cheap first look;
  ``contains_phrase(folded, phrases)``: is there a match, found faster);
* ``load_data(name, rules_dir=None)`` -> the parsed ``data/<name>.toml`` of a rule pack: the
  built-in one (``rules/data/``), or, given ``rules_dir`` (a rule module's ``__file__`` or its
  directory), your own rules' ``data/`` folder.

The digital vocabulary itself is the analysis colleague's lexicon (``rules/data/lexicon.toml``,
read through ``lawscan.analyse.matcher``); the phrase lists here are rule settings (paper
requirements, electronic alternatives, oversight wording), kept in ``rules/data/*.toml``.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Iterable

from lawscan.datafiles import load_data_file
from lawscan.fold import fold  # noqa: F401  (one folding for the lexicon and the rules)


@functools.lru_cache(maxsize=256)
def _compile(phrases: tuple[str, ...]) -> re.Pattern:
    folded = sorted({fold(p).strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not folded:
        return re.compile(r"(?<!\w)(?:)(?!\w)")
    # "(?<!\w)" is written after each phrase's first letter ("g(?<!\wg)iấy…", the same test):
    # a pattern that starts with literals lets the regex engine skip quickly to candidates
    body = "|".join(re.escape(p[0]) + rf"(?<!\w{re.escape(p[0])})"
                    + re.escape(p[1:]).replace(r"\ ", r"\s+") for p in folded)
    return re.compile(rf"(?:{body})(?!\w)")


@functools.lru_cache(maxsize=256)
def phrase_literals(phrases: tuple[str, ...]) -> tuple[str, ...]:
    """The folded phrases as plain strings: in text whose only white space is single spaces,
    every match of ``phrase_pattern(phrases)`` is one of them."""
    return tuple(sorted({fold(p).strip() for p in phrases if p.strip()}))


def phrase_pattern(phrases: Iterable[str]) -> re.Pattern:
    """A regex that finds any of ``phrases`` in folded text, on word boundaries."""
    return _compile(tuple(phrases))


@functools.lru_cache(maxsize=256)
def _by_first_word(phrases: tuple[str, ...]) -> tuple[re.Pattern, ...]:
    groups: dict[str, list[str]] = {}
    for p in sorted({fold(p).strip() for p in phrases if p.strip()}, key=len, reverse=True):
        groups.setdefault(p.split(" ")[0], []).append(p)
    # "(?<!\w)" written after the whole first word ("không(?<!\wkhông)…", the same test): each
    # regex starts with one literal word, which the regex engine finds with a fast scan
    return tuple(re.compile("(?:" + "|".join(
        re.escape(word) + rf"(?<!\w{re.escape(word)})"
        + re.escape(p[len(word):]).replace(r"\ ", r"\s+") for p in group) + r")(?!\w)")
        for word, group in groups.items())


def contains_phrase(folded: str, phrases: Iterable[str]) -> bool:
    """``phrase_pattern(phrases).search(folded) is not None``, searched with one regex per first
    word of the phrases (much faster over a whole law's text)."""
    phrases = tuple(phrases)
    regexes = _by_first_word(phrases)
    if not regexes:  # no phrase: the empty pattern
        return phrase_pattern(phrases).search(folded) is not None
    return any(rx.search(folded) for rx in regexes)


def find_phrases(text: str, phrases: Iterable[str]) -> list[str]:
    """The phrases (folded) found in ``text``, in order of appearance."""
    phrases = tuple(phrases)
    if not phrases:
        return []
    return [m.group(0) for m in phrase_pattern(phrases).finditer(fold(text))]


def has_phrase(text: str, phrases: Iterable[str]) -> bool:
    phrases = tuple(phrases)
    return bool(phrases) and phrase_pattern(phrases).search(fold(text)) is not None


def rules_data_dir(rules_dir: str | Path | None = None) -> Path:
    """The ``data`` folder of a rule pack: the built-in one (None), or that of ``rules_dir``, a
    directory of rules or a rule module's file."""
    if rules_dir is None:
        from lawscan.engine.loader import builtin_rules_dir

        return builtin_rules_dir() / "data"
    rules_dir = Path(rules_dir)
    return (rules_dir.parent if rules_dir.is_file() else rules_dir) / "data"


@functools.lru_cache(maxsize=64)
def load_data(name: str, rules_dir: str | Path | None = None) -> dict:
    """The parsed ``data/<name>.toml`` of a rule pack (cached, shared: read-only). The built-in
    rules call ``load_data("procedures")``; a rule of your own passes its module's file,
    ``load_data("fees", __file__)``, and reads ``data/fees.toml`` beside it."""
    return load_data_file(rules_data_dir(rules_dir) / f"{name}.toml")


def short(text: str, limit: int = 160) -> str:
    """One line of at most ``limit`` characters, for evidence quotes. Only the head of a long
    line is looked at (a rule quoting many places of one long line would otherwise go over the
    whole line each time)."""
    head = text[:4 * limit]
    line = " ".join(head.split())
    if len(head) < len(text) and len(line) <= limit:  # a head of mostly white space: all of it
        line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"
