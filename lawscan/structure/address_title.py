"""A record's title from the address it was fetched from, spelled as the document itself spells it.

A portal's records often carry no title, only the address of their page, whose last part is the
title without its diacritics: ``…/van-ban/chi-tiet/luat-ngan-hang-nha-nuoc-so-01-1997-qh10--8222``
(vbpl.vn), ``…/Thong-tu-35-2024-TT-NHNN-cap-doi-Giay-phep-…-616727.aspx`` (thuvienphapluat.vn).

Takes the address, the document's number and its lines; gives "<kind> <subject>" ("Luật Ngân
hàng Nhà nước"), or "" when the address does not name the document:

* the address's last part is cut into words; a draft's leading "du thao", the document's own
  number ("so 01 1997 qh10") and the page's own number at the end ("8222") are dropped;
* the first words must be a title word of ``[header] title_words`` without diacritics ("luat",
  "nghi dinh", "thong tu lien tich"), which gives the kind as it is written ("Luật");
* every remaining word, in order, must be found as one run of words in the document's text, its
  diacritics and punctuation aside ("ngan hang nha nuoc" in "… của Ngân hàng Nhà nước Việt
  Nam"): the subject is that run as the text writes it (sentence case when the text has it
  only in capitals), a capital first for a law's name ("Luật Ngân hàng …", but "Nghị định về …",
  "Luật sửa đổi, bổ sung …"). Numbers at the end the text does not print are left out ("… 2024");
  a word the text lacks gives no title: nothing is guessed.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from lawscan.model import Line
from lawscan.structure.patterns import V, fold_label, named_subjects

_CANDIDATES = 2000  # places of a subject's first word looked at
_MAX_ADDRESS = 2000  # characters of an address read (the longest in the pool has 395)
_MAX_WORDS = 100  # words of a subject (the longest in the pool has 85)
_NEXT_WORD = re.compile(r"[^\w\n]+(\w+)")


def _address_words(address: str) -> list[str]:
    """The words of the address's last part, without its extension ("…-616727.aspx")."""
    last = unquote(urlsplit(address).path.rstrip("/").rsplit("/", 1)[-1])
    last = re.sub(r"\.(?:aspx?|html?|php)$", "", last, flags=re.IGNORECASE)
    return [w for w in re.split(r"[^0-9A-Za-z]+", fold_label(last)) if w]


def _without(words: list[str], part: list[str]) -> list[str]:
    """``words`` without the first run equal to ``part`` (and a "so" before it: "số 01/…")."""
    n = len(part)
    for i in range(len(words) - n + 1):
        if n and words[i:i + n] == part:
            start = i - 1 if i and words[i - 1] == "so" else i
            return words[:start] + words[i + n:]
    return words


def _kind(words: list[str]) -> tuple[str, int]:
    """The title word the words start with, as written ("Luật"), and how many words it takes."""
    for title_word in sorted(V["header"]["title_words"], key=len, reverse=True):
        said = fold_label(title_word).split()
        if words[:len(said)] == said:
            return title_word[:1] + title_word[1:].lower(), len(said)
    return "", 0


@lru_cache(maxsize=1)
def _letter_classes() -> dict[str, str]:
    """For each plain letter, a regex class of the letters whose plain form it is ("d" ->
    "[DdĎďĐđ]", "a" -> "[AaÀÁ…ặ]"), so that the text is searched as it is written."""
    groups: dict[str, set[str]] = {}
    for cp in [*range(0x41, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]:
        p = fold_label(chr(cp))
        if len(p) == 1 and p.isascii() and p.isalpha():
            groups.setdefault(p, set()).add(chr(cp))
    return {p: "[" + "".join(sorted(cs)) + "]" for p, cs in groups.items()}


def _spelled(word: str) -> re.Pattern:
    """A regex of ``word`` as the text may write it (any diacritics, any case), a whole word."""
    classes = _letter_classes()
    return re.compile(r"(?<!\w)" + "".join(classes.get(c, re.escape(c)) for c in word) + r"(?!\w)")


def _run_end(text: str, pos: int, words: list[str]) -> int | None:
    """Where the text's next words after ``pos`` (punctuation or spaces between them, not a line
    break) end when their plain forms are ``words``; None when they are not."""
    for w in words:
        m = _NEXT_WORD.match(text, pos)
        if m is None or fold_label(m.group(1)) != w:
            return None
        pos = m.end()
    return pos


def _subject(words: list[str], text: str) -> str:
    """The run of the text's words whose plain forms are ``words``, as the text writes it; one not
    in capitals if there is one (its first word's places are looked at, up to ``_CANDIDATES``)."""
    found = ""
    for k, m in enumerate(_spelled(words[0]).finditer(text)):
        end = _run_end(text, m.end(), words[1:])
        if end is not None:
            said = text[m.start():end]
            if not said.isupper():
                return said
            found = found or said
        if k + 1 >= _CANDIDATES:
            break
    return found[:1] + found[1:].lower() if found else ""


def title_from_address(address: str, number: str | None, lines: list[Line]) -> str:
    """The title the address names (see the module docstring), or ""."""
    words = _address_words(address[:_MAX_ADDRESS])
    if words[:2] == ["du", "thao"]:
        words = words[2:]
    if number:
        words = _without(words, [w for w in re.split(r"[^0-9a-z]+", fold_label(number)) if w])
    if words and words[-1].isdigit():  # the page's own number
        words.pop()
    kind, taken = _kind(words)
    subject = words[taken:]
    if not kind or not subject or len(subject) > _MAX_WORDS:
        return ""
    text = "\n".join(line.text for line in lines)
    while subject:  # "… thời kỳ 2021 - 2030", else without the years the text does not print
        said = _subject(subject, text)
        if said:
            return titled(kind, said)
        if not subject[-1].isdigit():
            return ""
        subject = subject[:-1]
    return ""


def titled(kind: str, subject: str) -> str:
    """"Luật" + "ngân hàng Nhà nước" -> "Luật Ngân hàng Nhà nước": a law's subject is its name
    (``patterns.named_subjects``), a decree's or an amending law's is not ("Nghị định về …",
    "Luật sửa đổi, bổ sung …")."""
    named = kind.upper() in named_subjects()
    amending = any(fold_label(subject).startswith(fold_label(a)) for a in V["doc_kinds"]["amending"])
    first = subject[:1].upper() if named and not amending else subject[:1].lower()
    return f"{kind} {first}{subject[1:]}"
