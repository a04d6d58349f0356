"""Is a document's Vietnamese written without its diacritics?

Takes a :class:`~lawscan.model.Document`; ``lacks_diacritics(doc)`` is True when nearly all its
lines of some length (``MIN_CHARS``) are plain ASCII (at least ``PLAIN_SHARE`` of them, and
``MIN_LINES`` lines) and most of their words are still Vietnamese syllables without their marks
("Dieu", "quy", "dinh"; ``MIN_SYLLABLES``), unlike an English or Italian act. Vietnamese legal
prose puts a marked letter or đ in nearly every such line; the lexicon's and the rubric's
phrases are written with their marks, so in a text typed without them digital provisions, final
provisions and procedures are not found, and its verdict (whatever it says) is marked for
review (``analysis.analyse_document``). Measured: the diacritic-free draft of tests/drafts reads
0.72 of its words as syllables, the corpus's foreign acts 0.19-0.31.
"""

from __future__ import annotations

import re

from lawscan.model import Document

MIN_CHARS = 20  # a line this long in Vietnamese nearly always holds a marked letter
MIN_LINES = 20  # below this the share says little (a title page, a stub)
PLAIN_SHARE = 0.95
SAMPLE_LINES = 400  # lines whose words are read as syllables
MIN_SYLLABLES = 0.5
# the confidence of a verdict on such a text at most: a guess, below the review threshold
NO_DIACRITICS_CONFIDENCE = 0.3
_WORD = re.compile(r"[^\W\d_]+")


def lacks_diacritics(doc: Document) -> bool:
    lines = [line.text for line in doc.lines if len(line.text) >= MIN_CHARS]
    if len(lines) < MIN_LINES or sum(map(str.isascii, lines)) < PLAIN_SHARE * len(lines):
        return False
    from lawscan.read.encoding import is_vietnamese_syllable

    words = _WORD.findall(" ".join(lines[:SAMPLE_LINES]).lower())
    return sum(map(is_vietnamese_syllable, words)) >= MIN_SYLLABLES * len(words)
