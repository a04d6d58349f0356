"""The terms a text defines as digital things, read as those things.

A text may name a digital thing with a word of its own that no lexicon holds, a noun and a
qualifier that may or may not mean digital ("số" is mostly not: "xổ số", "dân số", "chỉ số"),
and say in its definitions article what the word means: "1. Học bạ số là học bạ được lập, cập
nhật, ký số và lưu trữ dưới dạng dữ liệu điện tử …", after which its title, chapters and
articles speak of "học bạ số".

``digital_definitions(outline, lex) -> list[Alias]`` takes a document's outline and lexicon and
gives each term of its own definitions articles (rubric ``[structure] definitions_article``, not
quoted text) that ends in a qualifier of rubric ``[defined_terms] qualifiers`` and whose
definition says the thing exists in digital form: the definition's first
sentence holds a phrase of rubric ``[defined_terms] digital_form`` ("dưới dạng điện tử", "dạng
dữ liệu điện tử", "bằng phương tiện điện tử" …) with a strong lexicon term in it, not as an
alternative ("bằng văn bản giấy hoặc dưới dạng điện tử": no "giấy" in the sentence, no "hoặc"
just before the phrase). ``Alias.term`` is the defined term as a term of that lexicon term's
kind, ``Alias.reason`` says where it is defined and how. The analysis adds them to the
document's own lexicon with the short names of :mod:`lawscan.analyse.aliases`.

A term is left alone when it names a lexicon term already (a weak one too: "Trang thông tin
điện tử" keeps its half weight, for the lexicon knows it is mostly named in passing), when it
has fewer than three
syllables (a text defining "Hồ sơ" as electronic records would make every "hồ sơ" digital) or
more than ``aliases.MAX_SYLLABLES``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lawscan.analyse.aliases import MAX_ALIASES, MAX_SYLLABLES, Alias
from lawscan.analyse.lexicon import Lexicon, Term
from lawscan.analyse.messages import label, reason
from lawscan.analyse.outline import Outline, heading_is, rubric
from lawscan.fold import fold
from lawscan.model import Unit

MIN_SYLLABLES = 3
ALTERNATIVE_BEFORE = 20  # characters before the form phrase where "hoặc" makes it an alternative
_NUMBER = re.compile(r"^\s*\d+[a-zđ]?\s*[.)]\s*")
_DEFINED = re.compile(r"^(.{2,120}?)\s+(?:được hiểu là|là)\s+(.*)$", re.S)
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[str, ...], str, str]:
    """The folded digital-form phrases, the paper word and the alternative word (rubric)."""
    data = rubric()["defined_terms"]
    return tuple(fold(f) for f in data["digital_form"]), fold(data["paper"]), fold(data["alternative"])


@lru_cache(maxsize=1)
def _qualified() -> re.Pattern:
    """A term ending in one of the qualifiers (rubric ``[defined_terms] qualifiers``), folded."""
    qualifiers = "|".join(re.escape(fold(q)) for q in rubric()["defined_terms"]["qualifiers"])
    return re.compile(rf"(?<=\s)(?:{qualifiers})$")


def digital_definitions(outline: Outline, lex: Lexicon) -> list[Alias]:
    """The terms the document defines as digital things (see the module docstring), each once,
    in document order, the first ``MAX_ALIASES`` of them."""
    names = rubric()["structure"]["definitions_article"]
    out: dict[str, Alias] = {}
    for art in outline.units("article"):
        if not heading_is(art.heading, names):
            continue
        for para in art.walk(include_quoted=False):
            found = _defined_digital(para, lex) if para.kind == "paragraph" else None
            if found is None or fold(found[0]) in out:
                continue
            name, term, form = found
            out[fold(name)] = Alias(Term(name, term.category, term.element, term.strength),
                                    reason("defined_digital", para.eid, name=name, form=form,
                                           article=label("article", num=art.num)))
            if len(out) == MAX_ALIASES:
                return list(out.values())
    return list(out.values())


def _defined_digital(para: Unit, lex: Lexicon) -> tuple[str, Term, str] | None:
    """(the defined term, the strong term of its digital form, the form as printed) of one
    definition khoản, or None when it defines no digital thing."""
    text = " ".join(line.text for line in para.content)
    m = _DEFINED.match(_NUMBER.sub("", text))
    if m is None:
        return None
    name = re.sub(r"\s*\([^)]*\)\s*$", "", m.group(1)).strip(" ,:")
    syllables = _WORD.findall(name)
    if not MIN_SYLLABLES <= len(syllables) <= MAX_SYLLABLES or syllables[0].isdigit() \
            or not _qualified().search(fold(name)) or lex.find(name):
        return None
    definition = m.group(2)
    end = _SENTENCE_END.search(definition)
    sentence = definition[:end.start()] if end else definition
    folded = fold(sentence)
    forms, paper, alternative = _forms()
    if re.search(rf"(?<!\w){re.escape(paper)}(?!\w)", folded):
        return None
    for form in forms:
        at = folded.find(form)
        if at < 0 or alternative in folded[max(0, at - ALTERNATIVE_BEFORE):at]:
            continue
        hit = next((h for h in lex.find_folded(folded[at:at + len(form)]) if h.strength == "strong"),
                   None)
        if hit is not None:
            return name, Term(hit.term, hit.category, hit.element, hit.strength), sentence[at:at + len(form)]
    return None
