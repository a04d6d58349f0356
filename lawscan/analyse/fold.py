"""Length-preserving folding of Vietnamese text for matching.

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
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
_IY_RE = re.compile(r"(?<!\w)(" + "|".join(_IY) + r")(?!\w)")


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# "u(?<!qu)" is "(?<!q)u" written so that every branch starts with a letter (a faster search)
_MOVE_RE = re.compile(r"o[àáảãạèéẻẽẹ](?!\w)|u(?<!qu)[ỳýỷỹỵ](?!\w)")


def _move_tone(m: re.Match) -> str:
    first, second = m.group(0)
    base2, tone = _TONE_OF[second]
    return _TONED[first][tone] + base2


@lru_cache(maxsize=1 << 16)
def fold(text: str) -> str:
    """Lower-case and unify tone placement / i-y spelling, keeping the length (see module doc).
    Cached: the rules fold the same lines many times."""
    s = _lower(text)
    if "í" in s or "ĩ" in s:
        s = _IY_RE.sub(lambda m: _IY[m.group(1)], s)
    return _MOVE_RE.sub(_move_tone, s)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)
