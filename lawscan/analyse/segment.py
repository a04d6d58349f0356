"""Vietnamese word segmentation with underthesea, mapped back to character offsets.

Takes text or a Document; gives words with offsets and two things the rules engine and the verdict
use:

* ``words(text) -> list[Word(text, start, end)]`` - ``underthesea.word_tokenize(line,
  use_token_normalize=False)`` per line, each token realigned to the original string (underthesea
  returns no offsets and may change spacing), so ``text[w.start:w.end]`` is the word;
* ``defined_terms(doc) -> list[DefinedTerm(term, eid, line)]`` - the terms defined in the
  "Giải thích từ ngữ" article ("3. Dữ liệu số là dữ liệu ..." -> "Dữ liệu số"); ``.words`` gives
  the term as segmented words (["Dữ liệu", "số"]), running underthesea only when asked, so the
  rules engine can list terms without the ~1 s underthesea import;
* ``digital_so_terms(text) -> list[str]`` - "số" used as the digital modifier ("hạ tầng số",
  "bản sao số", "số hóa") told from "số" the number ("Luật số 35/2018", "một số", "số lượng",
  "tổng số", "mã số", "tần số"): segmentation makes "một số", "số lượng", "tần số" single words,
  so a free-standing "số" after a noun and not before a number is the modifier;
* ``weak_so_signal(doc)`` - a short reason when a law without digital units still uses such
  compounds (a weak signal: it never changes the status).

underthesea is imported only inside these functions. Only ``word_tokenize`` is used (never
classify, sentiment, lang_detect, ner(deep), dependency_parse, text_normalize).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawscan.fold import fold
from lawscan.analyse.messages import label, reason, text
from lawscan.model import Reason


@dataclass
class Word:
    text: str
    start: int
    end: int


@dataclass
class DefinedTerm:
    """A term of the definitions article. ``words`` (the term as segmented words) runs
    underthesea on first access only, so callers that need just ``term`` stay fast."""

    term: str  # verbatim from the line
    eid: str = ""
    line: int | None = None
    _words: list[str] | None = field(default=None, repr=False, compare=False)

    @property
    def words(self) -> list[str]:
        if self._words is None:
            self._words = [w.text for w in words(self.term)]
        return self._words


def _tokenize(line: str) -> list[str]:
    from underthesea import word_tokenize

    return word_tokenize(line, use_token_normalize=False)


def words(text: str) -> list[Word]:
    """Segmented words of ``text`` with offsets into ``text`` (see module doc)."""
    out: list[Word] = []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            cursor = 0
            for tok in _tokenize(line):
                parts = tok.split()
                if not parts:
                    continue
                rx = re.compile(r"\s+".join(re.escape(p) for p in parts))
                m = rx.search(line, cursor)
                if m is None:  # underthesea changed the token (should not happen without
                    continue   # normalisation): skip it rather than give a wrong offset
                out.append(Word(line[m.start():m.end()], pos + m.start(), pos + m.end()))
                cursor = m.end()
        pos += len(line) + 1
    return out


_NUMBERISH = re.compile(r"^[\d/]|^(lượng|liệu|tiền|hiệu|thứ|điện|đăng|ký|tài|chứng)$")
# function words the segmenter sometimes glues to a preceding "số" ("số là", "số và")
_GLUED = {"là", "và", "của", "được", "trong", "có", "cho", "với"}


def digital_so_terms(text: str, heads: list[str] | None = None) -> list[str]:
    """Compounds "<noun> số" (and "số hóa") where "số" is the digital modifier (see module doc).
    ``heads``: folded head nouns that may take the modifier (default: lexicon ``[so] heads``)."""
    if "số" not in fold(text):
        return []
    if heads is None:
        from lawscan.analyse.lexicon import load_lexicon

        heads = load_lexicon().so_heads
    head_set = set(heads)
    ws = words(text)
    found: list[str] = []
    for i, w in enumerate(ws):
        f = fold(w.text)
        nxt = fold(ws[i + 1].text) if i + 1 < len(ws) else ""
        if f.startswith("số ") and f[3:] in _GLUED:
            f, nxt = "số", f[3:]
        if f == "số":
            if nxt in ("hóa",):
                found.append(f"{w.text} {ws[i + 1].text}")
                continue
            if i == 0 or (nxt and _NUMBERISH.match(nxt)):
                continue
            prev = ws[i - 1]
            pf = fold(prev.text)
            if pf in head_set:
                found.append(f"{prev.text} {w.text[:2]}")
        elif f.endswith(" số") and f[:-3] in head_set and not (nxt and _NUMBERISH.match(nxt)):
            found.append(w.text)  # segmented as one word: "công dân số"
    return found


def defined_terms(doc) -> list[DefinedTerm]:
    """Terms of the definitions article(s) ("Giải thích từ ngữ"): "N. <term> là ..." per khoản."""
    from lawscan.analyse.outline import heading_is, rubric

    names = rubric()["structure"]["definitions_article"]
    out: list[DefinedTerm] = []
    for art in doc.units("article", include_quoted=True):
        if not heading_is(art.heading, names):
            continue
        for para in art.walk():
            if para.kind != "paragraph" or not para.content:
                continue
            line = para.content[0]
            term = _definiendum(line.text)
            if term:
                out.append(DefinedTerm(term, para.eid, line.lineno))
    return out


_NUM_PREFIX = re.compile(r"^\s*\d+[a-zđ]?\s*[.)]\s*")


_DEF_RE = re.compile(r"^(.{2,160}?)\s+(?:được hiểu là|là)\s", re.S)


def _definiendum(text: str, segment: bool = False) -> str:
    """The defined term of one definition line: everything before the first "là" / "được hiểu
    là" (a parenthesised English gloss is dropped). With ``segment`` the boundary is found on
    underthesea words instead (a "là" inside a compound word is then not taken)."""
    body = _NUM_PREFIX.sub("", text)
    if " là " not in body:
        return ""
    if not segment:
        m = _DEF_RE.match(body)
        if not m:
            return ""
        term = re.sub(r"\s*\([^)]*\)\s*$", "", m.group(1)).strip(" ,:")
        return term if 0 < len(term.split()) <= 12 else ""
    ws = words(body)
    for i, w in enumerate(ws):
        fw = fold(w.text)
        if fw == "là" or (fw.endswith(" là") and i > 0):  # "số là": segmenter glued "là"
            end = w.start if fw == "là" else w.end - 2
            if i >= 2 and fold(ws[i - 1].text) == "hiểu" and fold(ws[i - 2].text) == "được":
                end = ws[i - 2].start
            term = re.sub(r"\s*\([^)]*\)\s*$", "", body[:end]).strip(" ,:")
            return term if 0 < len(term.split()) <= 12 else ""
    return ""


_SO_CANDIDATE = re.compile(r"(?<!\w)(\w+(?: \w+)?) số(?! ?\d)(?!\w)")


def weak_so_signal(sc, outline) -> Reason | None:
    """A reason naming digital "số" compounds of a law, or None (underthesea loads only when a line
    has "<head noun> số" that the lexicon has not matched)."""
    from lawscan.analyse.lexicon import load_lexicon

    lex = load_lexicon()
    heads = set(lex.so_heads)
    # the content lines with "số" from the lexicon scan's folded text, in document order, with
    # their article
    article_of = outline.article_finder()
    with_so = [(art, line) for unit, line in sc.lines_containing(["số"])
               if (art := article_of(unit)) is not None]
    lines = []
    for u, line in with_so:
        f = sc.fold(line.text)  # holds "số": lines_containing found it there
        cands = [m for m in _SO_CANDIDATE.finditer(f)
                 if m.group(1) in heads or m.group(1).split()[-1] in heads]
        if cands and not lex.find_folded(f[max(0, cands[0].start() - 5):cands[0].end()]):
            lines.append((u, line))
    if not lines:
        return None
    terms: dict[str, str] = {}
    for u, line in lines[:40]:
        for t in digital_so_terms(line.text, list(heads)):
            terms.setdefault(fold(t), text("so_term", term=t, article=label("article", num=u.num)))
    if not terms:
        return None
    shown = list(terms.values())[:5]
    return reason("weak_so", found=("; ".join(vi for vi, _ in shown), "; ".join(en for _, en in shown)))
