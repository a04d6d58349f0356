"""Roman numerals, as Vietnamese texts number their Phần and Chương: part of the shared lower
layer (it imports nothing of lawscan), used by the OCR reader, the structure parser, the
reference graph and the drafting aids alike.

* ``roman_to_int("XIV") -> 14``; None when the text is not a well-formed Roman numeral (upper or
  lower case: "IIII", "VX" and "IC" are not);
* ``int_to_roman(14) -> "XIV"``;
* ``is_roman("XIV")`` - a well-formed numeral printed in capitals, as a heading prints it ("iv"
  and "" are not).
"""

from __future__ import annotations

_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_SYMBOLS = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"),
            (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman_to_int(s: str) -> int | None:
    """"XIV" -> 14; None when ``s`` is not a well-formed Roman numeral."""
    s = s.upper()
    if not s or any(c not in _VALUES for c in s):
        return None
    total = 0
    for a, b in zip(s, s[1:] + " "):
        va, vb = _VALUES[a], _VALUES.get(b, 0)
        total += -va if va < vb else va
    return total if int_to_roman(total) == s else None


def int_to_roman(n: int) -> str:
    """14 -> "XIV"."""
    out = []
    for value, sym in _SYMBOLS:
        while n >= value:
            out.append(sym)
            n -= value
    return "".join(out)


def is_roman(s: str) -> bool:
    """A well-formed Roman numeral in capitals ("IV"; not "iv", "IIII" or "")."""
    return s.isupper() and roman_to_int(s) is not None
