"""The terms a text defines as digital things, read as those things.

A text may name a digital thing with a word of its own that no lexicon holds and say in its
definitions article what the word means, after which its title, chapters and articles speak of
it by that word alone:

* by its kind: "1. Hệ thống giám sát tàu cá là hệ thống thông tin do Bộ … thiết lập …": the
  definition starts with a strong lexicon term that shares the term's head noun (its first
  word), so that it says which kind of that thing the term is ("Báo cáo tài chính là hệ thống
  thông tin kinh tế, tài chính …" is a report, not an information system);
* by its form, for a noun and a qualifier that may or may not mean digital ("số" is mostly not:
  "xổ số", "dân số", "chỉ số"): "1. Học bạ số là học bạ được lập, cập nhật, ký số và lưu trữ
  dưới dạng dữ liệu điện tử …".

``digital_definitions(outline, lex) -> list[Alias]`` takes a document's outline and lexicon and
gives each term of its own definitions articles (rubric ``[structure] definitions_article``, not
quoted text) whose definition starts with a strong term, or that ends in a qualifier of rubric
``[defined_terms] qualifiers`` and whose definition says the thing exists in digital form: the
definition's first sentence holds a phrase of rubric ``[defined_terms] digital_form`` ("dưới
dạng điện tử", "dạng dữ liệu điện tử", "bằng phương tiện điện tử" …) with a strong lexicon term
in it, not as an alternative ("bằng văn bản giấy hoặc dưới dạng điện tử": no "giấy" in the
sentence, no "hoặc" just before the phrase). A parenthesis in the khoản (a short name, "(sau
đây gọi là Hệ thống)") is left out first. ``Alias.term`` is the defined term as a term of that
lexicon term's kind, ``Alias.reason`` says where it is defined and how. The analysis adds them
to the document's own lexicon with the short names of :mod:`lawscan.analyse.aliases`.

A term is left alone when it names a strong lexicon term already, or (defined by its form) any
lexicon term (a weak one keeps its half weight: the lexicon knows "Trang thông tin điện tử" is
mostly named in passing), and when it has fewer than three syllables (a text defining "Hồ sơ" as
electronic records would make every "hồ sơ" digital) or more than ``MAX_SYLLABLES`` (a
system's full name is long: "Hệ thống quản lý mã số vùng trồng và mã số cơ sở đóng gói").
"""

from __future__ import annotations

import re
from functools import lru_cache

from lawscan.analyse.aliases import MAX_ALIASES, Alias
from lawscan.analyse.lexicon import Lexicon, Term
from lawscan.analyse.messages import label, reason
from lawscan.analyse.outline import Outline, heading_is, rubric
from lawscan.fold import fold
from lawscan.model import Unit

MIN_SYLLABLES = 3
MAX_SYLLABLES = 16
ALTERNATIVE_BEFORE = 20  # characters before the form phrase where "hoặc" makes it an alternative
_NUMBER = re.compile(r"^\s*\d+[a-zđ]?\s*[.)]\s*")
_DEFINED = re.compile(r"^(.{2,120}?)\s+(?:được hiểu là|là)\s+(.*)$", re.S)
_SENTENCE_END = re.compile(r"[.;](?:\s|$)")
_WORD = re.compile(r"\w+")
_PARENTHESIS = re.compile(r"\s*\([^()]{0,120}\)")


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
                                    reason("defined_digital", para.eid, name=name, what=form,
                                           article=label("article", num=art.num)))
            if len(out) == MAX_ALIASES:
                return list(out.values())
    return list(out.values())


def _defined_digital(para: Unit, lex: Lexicon) -> tuple[str, Term, str] | None:
    """(the defined term, the strong term that makes it digital, that term or the form as
    printed) of one definition khoản, or None when it defines no digital thing."""
    found = _definition(para)
    if found is None:
        return None
    name, definition = found
    syllables = _WORD.findall(name)
    named = lex.find(name)
    if not MIN_SYLLABLES <= len(syllables) <= MAX_SYLLABLES or syllables[0].isdigit() \
            or any(h.strength == "strong" for h in named):
        return None
    genus = _genus(syllables[0], definition, lex)
    if genus is not None:
        return name, genus, genus.text
    if named or not _qualified().search(fold(name)):
        return None
    form = _digital_form(definition, lex)
    return (name, *form) if form is not None else None


def _definition(para: Unit) -> tuple[str, str] | None:
    """(the term, its definition) of a khoản "N. <term> là <definition>", parentheses left out;
    None for a khoản that defines nothing."""
    text = _PARENTHESIS.sub("", " ".join(line.text for line in para.content))
    m = _DEFINED.match(_NUMBER.sub("", text))
    return (m.group(1).strip(" ,:"), m.group(2)) if m else None


def _digital_form(definition: str, lex: Lexicon) -> tuple[Term, str] | None:
    """(the strong term of the digital form, the form as printed) that the definition's first
    sentence gives the thing, not as an alternative to paper; else None."""
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
            return Term(hit.term, hit.category, hit.element, hit.strength), sentence[at:at + len(form)]
    return None


def _genus(head: str, definition: str, lex: Lexicon) -> Term | None:
    """The strong lexicon term that says what the defined thing is: one the definition starts
    with, whose first word is the term's ``head`` ("Hệ thống …" and "hệ thống thông tin do Bộ …
    thiết lập"), else None."""
    first = _WORD.match(definition)
    if first is None or fold(first.group()) != fold(head):
        return None
    hit = next((h for h in lex.find(definition[:200]) if h.strength == "strong"), None)
    if hit is None or hit.start != 0:
        return None
    return Term(hit.term, hit.category, hit.element, hit.strength)
