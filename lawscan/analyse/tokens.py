"""spaCy token patterns over Vietnamese syllables.

Takes text, gives matches of spaCy ``Matcher`` token patterns, so rule and lexicon files can say
things plain phrase matching cannot: words in between ("trí tuệ nhân tạo ... quyết định ... tự
động"), optional words, alternatives, "không ... cung cấp lại" with a gap.

* ``syllable_nlp()`` - ``spacy.blank("xx")`` (on ``syllable_vocab()``) whose tokenizer is :class:`SyllableTokenizer`: one
  token per syllable / number / punctuation mark, ``doc.text == input`` (offsets kept; pyvi is not
  used). ``token.norm_`` is the folded syllable (lower case, hóa/hoá unified), sentence starts are
  set after ". ; : ! ?" and line breaks (for ``IS_SENT_START`` in patterns).
* ``TokenPatternMatcher(patterns)`` with ``.find(text) -> list[(id, start, end)]`` (character
  offsets, longest match per pattern id).
* ``pattern_hits(scan, outline)`` - used by ``analyse``: runs the built-in patterns of
  rules/data/token_patterns.json only on lines whose folded text contains one of the pattern's
  trigger phrases (searched once in the document's folded text, ``DocScan.lines_containing``),
  so spaCy (about 0.65 s to import on the development VM) loads only for laws that have such
  text.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lawscan.fold import fold
from lawscan.analyse.lexicon import Hit, data_path
from lawscan.datafiles import load_data_file
from lawscan.analyse.messages import reason

_TOKEN_RE = re.compile(r"\w+|[^\w\s]")
_SENT_END = {".", ";", ":", "!", "?"}


class SyllableTokenizer:
    """Vietnamese syllable tokenizer for spaCy (keeps every character: ``doc.text == text``)."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str):
        from spacy.tokens import Doc

        words, spaces, starts = [], [], []
        matches = list(_TOKEN_RE.finditer(text))
        leading = matches[0].start() if matches else len(text)
        if leading:  # whitespace before the first token becomes a token of its own
            words.append(text[:leading])
            spaces.append(False)
            starts.append(True)
        for i, m in enumerate(matches):
            nxt = matches[i + 1].start() if i + 1 < len(matches) else len(text)
            gap = text[m.end():nxt]
            words.append(m.group(0))
            if gap == " ":
                spaces.append(True)
            elif gap == "":
                spaces.append(False)
            else:  # other whitespace (newlines, several spaces) is kept as a whitespace token
                spaces.append(False)
            prev = words[-2] if len(words) > 1 else None
            starts.append(prev is None or prev in _SENT_END or (prev.isspace() and "\n" in prev)
                          or (len(words) >= 2 and words[-2].isspace()))
            if gap not in ("", " "):
                words.append(gap)
                spaces.append(False)
                starts.append(False)
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts)
        for tok in doc:
            tok.norm_ = fold(tok.text)
        return doc

    # spaCy serialisation hooks (not used, kept for nlp.to_disk compatibility)
    def to_bytes(self, **kwargs):
        return b""

    def from_bytes(self, data, **kwargs):
        return self


@lru_cache(maxsize=1)
def syllable_vocab():
    """The spaCy ``Vocab`` of the multi-language defaults: the one ``spacy.blank("xx")`` makes,
    without building a ``Language`` (the matcher needs only the vocabulary and a tokenizer)."""
    from spacy.lang.xx import MultiLanguage
    from spacy.vocab import create_vocab

    return create_vocab("xx", MultiLanguage.Defaults)


@lru_cache(maxsize=1)
def syllable_nlp():
    """A blank multi-language spaCy pipeline with the Vietnamese syllable tokenizer."""
    vocab = syllable_vocab()
    import spacy

    nlp = spacy.blank("xx", vocab=vocab)
    nlp.tokenizer = SyllableTokenizer(nlp.vocab)
    return nlp


class TokenPatternMatcher:
    """spaCy Matcher over syllable tokens. ``patterns``: id -> list of token patterns (lists of
    token dicts, as in spaCy: LOWER, NORM, IN, OP, IS_SENT_START ...). The text is made a ``Doc``
    by :class:`SyllableTokenizer` alone: a blank pipeline has no component to run after it."""

    def __init__(self, patterns: dict[str, list[list[dict]]]):
        self.vocab = syllable_vocab()
        from spacy.matcher import Matcher

        self.tokenizer = SyllableTokenizer(self.vocab)
        self.matcher = Matcher(self.vocab)
        for pid, pats in patterns.items():
            self.matcher.add(pid, pats, greedy="LONGEST")

    def find(self, text: str) -> list[tuple[str, int, int]]:
        doc = self.tokenizer(text)
        out = []
        for match_id, start, end in self.matcher(doc):
            span = doc[start:end]
            out.append((self.vocab.strings[match_id], span.start_char, span.end_char))
        out.sort(key=lambda m: (m[1], -m[2]))
        return out


@lru_cache(maxsize=1)
def builtin_patterns() -> dict:
    """rules/data/token_patterns.json: id -> {element, triggers, patterns, reason}."""
    data = load_data_file(data_path("token_patterns.json"))
    return {pid: {**spec, "triggers": [fold(t) for t in spec.get("triggers", [])],
                  "all": [fold(t) for t in spec.get("all", [])]}
            for pid, spec in data["patterns"].items()}


def _triggered(spec: dict, folded: str) -> bool:
    if not any(t in folded for t in spec["triggers"]):
        return False
    need = spec["all"]
    if not need:
        return True
    if spec.get("all_mode") == "any":
        return any(t in folded for t in need)
    return all(t in folded for t in need)


@lru_cache(maxsize=1)
def _builtin_matcher() -> TokenPatternMatcher:
    return TokenPatternMatcher({pid: spec["patterns"] for pid, spec in builtin_patterns().items()})


def pattern_hits(scan, outline) -> tuple[list, list[str]]:
    """(unit, line, [Hit]) for built-in token patterns on the lines that contain a trigger, and
    short reasons. Lines outside final provisions only; spaCy is imported only if a trigger is
    present."""
    specs = builtin_patterns()
    triggers = {t for spec in specs.values() for t in spec["triggers"]}  # a cheap first look
    todo = []
    for u, line in scan.lines_containing(sorted(triggers)):
        if u.kind == "root":
            continue
        f = scan.fold(line.text)
        if any(_triggered(spec, f) for spec in specs.values()):
            todo.append((u, line))
    todo = [(u, line) for u, line in todo if not outline.is_final(u)]
    if not todo:
        return [], []
    matcher = _builtin_matcher()
    out, reasons = [], []
    for u, line in todo:
        hits = []
        for pid, start, end in matcher.find(line.text):
            spec = specs[pid]
            hits.append(Hit(pid, "token_pattern", spec["element"], "strong", start, end))
            if len(reasons) < 5:
                what = spec.get('reason', pid)
                quote = line.text[start:end]
                reasons.append(reason("token_pattern", u.eid, what=(spec.get("reason_vi", what), what),
                                      quote=quote, line=line.lineno))
        if hits:
            out.append((u, line, hits))
    return out, reasons
