"""Length-preserving folding of Vietnamese text for matching: part of the shared lower layer (it
imports nothing of lawscan), used by the structure stage (a law's sector), the analysis, the
rules and the drafting aids alike.

``fold(text) -> str`` takes NFC text (``Line.text`` is NFC after ``normalise``) and gives a string of
the SAME length in which

* letters are lower-cased (one character to one character; a character whose lower case would be
  longer is kept as it is);
* the old and new tone placements are unified on the new style, in open syllables only:
  "hoá" -> "hóa", "hoà" -> "hòa", "khoẻ" -> "khỏe", "thuỷ" -> "thủy", "uỷ" -> "ủy" (never after "q":
  "quý" stays; never in closed syllables: "hoàng", "toán" stay);
* a few i/y spellings are unified: "kĩ" -> "kỹ", "lí" -> "lý", "mĩ" -> "mỹ", "quí" -> "quý",
  "kí" -> "ký" (whole syllables only).

Because the length is kept, an offset in the folded text is the same offset in the original text.
If the input is not NFC, call ``unicodedata.normalize("NFC", text)`` first (``Lexicon.find`` does).

``fold_joined(texts) -> (str, bool)`` is ``fold("\n".join(texts))``, folded in one pass, and
whether each text's piece of it is that text's fold (the analysis folds a document's lines once
this way and keeps the pieces: ``lawscan.analyse.matcher.DocScan.fold``). ``fold`` itself keeps
nothing.

``fold_label(word) -> str`` is another folding, not length-preserving, for a unit's label as the
structure parser and the JSON reader compare it: "Chưong" -> "chuong", look-alike letters
(Cyrillic "С", "Ð" U+00D0) made Latin, diacritics dropped, lower case.

The Vietnamese letters below stay in the code: they are the orthography the folding is made of
(which vowels carry a tone, where it moves, five i/y syllables), not vocabulary; a data file would
only hide the table the regular expressions are built from.
"""

from __future__ import annotations

import re
import unicodedata

# tone variants of the vowels whose tone moves: plain vowel -> its five toned forms
# (order: huyền, sắc, hỏi, ngã, nặng)
_TONED = {
    "a": "àáảãạ",
    "e": "èéẻẽẹ",
    "y": "ỳýỷỹỵ",
    "o": "òóỏõọ",
    "u": "ùúủũụ",
}
_TONE_OF = {ch: (base, i) for base, forms in _TONED.items() for i, ch in enumerate(forms)}

_IY = {"kĩ": "kỹ", "lí": "lý", "mĩ": "mỹ", "quí": "quý", "kí": "ký"}
# "(?<!\w)" written after each syllable's first letter ("k(?<!\wk)"), the same test: every branch
# then starts with a letter and the regex engine skips quickly to candidates
_IY_RE = re.compile("(?:" + "|".join(s[0] + rf"(?<!\w{s[0]})" + s[1:] for s in _IY) + r")(?!\w)")


def _has_iy(low: str) -> bool:
    """A cheap first look before the i/y regex: does it match anywhere? Only at an "í" or "ĩ"
    after "k", "l", "m" or "qu" can it; the regex is tried just there. Finding one character is
    far cheaper than a regex scan of a whole document, and the old spellings are rare (5 in the
    whole corpus)."""
    for vowel in "íĩ":
        i = low.find(vowel)
        while i >= 0:
            if i and low[i - 1] in "klmu" and (_IY_RE.match(low, i - 1)
                                               or (i >= 2 and _IY_RE.match(low, i - 2))):
                return True
            i = low.find(vowel, i + 1)
    return False


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# "oá" -> "óa" and "uý" -> "ủy" style moves, one regex each: a pattern that starts with one
# literal letter is searched with the engine's fast literal scan, several times faster than one
# alternation (whose candidates are tested against a character set); the two never overlap and
# neither changes what the other matches. "u(?<!qu)" is "(?<!q)u" written to start with the letter.
_MOVE_O_RE = re.compile(r"o[àáảãạèéẻẽẹ](?!\w)")
_MOVE_U_RE = re.compile(r"u(?<!qu)[ỳýỷỹỵ](?!\w)")


def _move_tone(m: re.Match) -> str:
    first, second = m.group(0)
    base2, tone = _TONE_OF[second]
    return _TONED[first][tone] + base2


def _tones(low: str) -> str:
    """Tone placement and i/y spelling of lower-cased text."""
    if _has_iy(low):
        low = _IY_RE.sub(lambda m: _IY[m.group(0)], low)
    return _MOVE_U_RE.sub(_move_tone, _MOVE_O_RE.sub(_move_tone, low))


_LOOKALIKES = str.maketrans({
    "С": "C", "с": "c", "Р": "P", "р": "p", "О": "O", "о": "o", "Е": "E", "е": "e", "А": "A",
    "а": "a", "М": "M", "м": "m", "Т": "T", "т": "t", "Н": "H", "Ο": "O", "ο": "o", "Α": "A",
    "Μ": "M", "Τ": "T", "Ρ": "P", "Ɖ": "D", "ɖ": "d", "Ð": "D", "ð": "d", "Đ": "D", "đ": "d"})


def fold_label(word: str) -> str:
    """"Chưong" -> "chuong": look-alike letters made Latin, diacritics dropped, lower case."""
    w = unicodedata.normalize("NFD", word.translate(_LOOKALIKES))
    return "".join(c for c in w if not unicodedata.combining(c)).lower()


def fold(text: str) -> str:
    """Lower-case and unify tone placement / i-y spelling, keeping the length (see module doc)."""
    return _tones(_lower(text))


def fold_joined(texts: list[str]) -> tuple[str, bool]:
    """``fold("\n".join(texts))``, folded in one pass, and whether the piece of it at each text's
    place is the fold of that text.

    The pieces of the joined fold are the folds of the texts: a line break is neither a word
    character nor a cased or case-ignorable one, so neither the tone and i/y patterns nor the
    lower-casing (final sigma) look across it. When lower-casing changes the length (a character
    whose lower case is longer, e.g. "İ", which ``fold`` keeps as it is) they may not be."""
    joined = "\n".join(texts)
    low = joined.lower()
    if len(low) != len(joined):
        return _tones(_lower(joined)), False
    return _tones(low), True
