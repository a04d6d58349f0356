"""The terms a text defines as digital things, read as those things.

A text may name a digital thing with a word of its own that no lexicon holds and say in its
definitions article what the word means, after which its title, chapters and articles speak of
it by that word alone:

* by its kind: "1. Hệ thống giám sát tàu cá là hệ thống thông tin do Bộ … thiết lập …": the
  definition starts with a strong lexicon term that shares the term's head noun (its first
  word), so that it says which kind of that thing the term is ("Báo cáo tài chính là hệ thống
  thông tin kinh tế, tài chính …" is a report, not an information system), or whatever the
  term's head when the term is named as a portal, platform, exchange or app (rubric
  ``[defined_terms] system_heads``: "Cổng lấy ý kiến trực tuyến … là hệ thống thông tin dùng
  chung"; not an e-portal or website, which the lexicon reads as incidental), or with "hệ thống"
  and then a strong term, whatever the term's head ("Sàn giao dịch … là hệ thống giao dịch điện
  tử tập trung"), or with a strong term of rubric ``[defined_terms] kinds``, whatever the term's
  head, not as the first item of a list ("Sàn giao dịch vận tải hàng hóa là nền tảng số …";
  "Hàng hóa viễn thông là phần mềm và vật tư, thiết bị viễn thông" is not);
* by its form, for a noun and a qualifier that may or may not mean digital ("số" is mostly not:
  "xổ số", "dân số", "chỉ số"): "1. Học bạ số là học bạ được lập, cập nhật, ký số và lưu trữ
  dưới dạng dữ liệu điện tử …";
* as an information system made of parts: the definition says the thing is a set of parts
  ("Hệ thống … là tập hợp …", for a term named as a system) or is an information system made of
  them ("Bản đồ số du lịch … là hệ thống thông tin địa lý …, gồm cơ sở dữ liệu …, phần mềm …",
  whatever its name), and the parts include software, a database or IT infrastructure;
* as data kept digitally, whatever its name: the definition says the thing is data ("tập hợp
  dữ liệu", "bản sao số" …) and its first sentence then names a strong lexicon term, or a thing
  the same text defines as digital, that the data is kept on, made of or made from: "Sổ đăng ký
  quốc gia … là tập hợp dữ liệu có cấu trúc …, được tạo lập, lưu trữ trên phần mềm dùng chung"
  ("Hồ sơ bệnh án là tập hợp dữ liệu, bao gồm thông tin cá nhân …" is not: records on paper
  are data too).

``digital_definitions(outline, lex) -> list[Alias]`` takes a document's outline and lexicon and
gives each term of its own definitions articles (rubric ``[structure] definitions_article``), and
of the definitions its quoted amendments give the text they amend (a quoted definitions article, a
khoản quoted on its own), whose definition starts with a strong term, or that ends in a qualifier of rubric
``[defined_terms] qualifiers`` and whose definition says the thing exists in digital form: the
definition's first sentence holds a phrase of rubric ``[defined_terms] digital_form`` ("dưới
dạng điện tử", "dạng dữ liệu điện tử", "bằng phương tiện điện tử" …) with a strong lexicon term
in it, not as an alternative ("bằng văn bản giấy hoặc dưới dạng điện tử": no "giấy" in the
sentence, no "hoặc" just before the phrase), or whose definition starts with a phrase of rubric
``[defined_terms] data_genera`` and names the digital thing the data is kept on (in a second
pass, so that a thing the article defines later counts). A parenthesis in the khoản (a short
name, "(sau đây gọi là Hệ thống)") is left out first. ``Alias.term`` is the defined term as a term of that
lexicon term's kind, ``Alias.reason`` says where it is defined and how. The analysis adds them
to the document's own lexicon with the short names of :mod:`lawscan.analyse.aliases`.

A term is left alone when it names a strong lexicon term already, or (defined by its form) any
lexicon term (a weak one keeps its half weight: the lexicon knows "Trang thông tin điện tử" is
mostly named in passing), and when it has fewer than three syllables (a text defining "Hồ sơ" as
electronic records would make every "hồ sơ" digital) or more than ``MAX_SYLLABLES`` (a
system's full name is long: "Hệ thống quản lý mã số vùng trồng và mã số cơ sở đóng gói"), not
counting the province or city a name ends in (:func:`split_place`).
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
_LIST_NEXT = re.compile(r"\s*(?:,|và\b|hoặc\b)")  # what follows a list's first item


@lru_cache(maxsize=1)
def _forms() -> tuple[tuple[str, ...], str, str]:
    """The folded digital-form phrases, the paper word and the alternative word (rubric)."""
    data = rubric()["defined_terms"]
    return tuple(fold(f) for f in data["digital_form"]), fold(data["paper"]), fold(data["alternative"])


@lru_cache(maxsize=None)
def _longest_first(key: str) -> tuple[str, ...]:
    """The phrases of rubric ``[defined_terms] <key>``, folded, longest first (so that a phrase
    is matched before a shorter one it starts with): ``data_genera``, the phrases that say a
    defined thing is data; ``kinds``, the digital kinds a definition may start with."""
    return tuple(sorted((fold(g) for g in rubric()["defined_terms"][key]), key=len, reverse=True))


def _starts_with(folded: str, key: str) -> str | None:
    """The phrase of rubric ``[defined_terms] <key>`` the folded text starts with (the longest),
    or None."""
    return next((p for p in _longest_first(key) if folded.startswith(p + " ")), None)


def _first_sentence(definition: str) -> str:
    """The definition up to its first full stop or semicolon."""
    end = _SENTENCE_END.search(definition)
    return definition[:end.start()] if end else definition


@lru_cache(maxsize=1)
def _systems() -> tuple[str, ...]:
    """The folded words that say a defined thing is a system of the kind the next term names."""
    return tuple(fold(w) for w in rubric()["defined_terms"]["systems"])


@lru_cache(maxsize=1)
def _qualified() -> re.Pattern:
    """A term ending in one of the qualifiers (rubric ``[defined_terms] qualifiers``), folded."""
    qualifiers = "|".join(re.escape(fold(q)) for q in rubric()["defined_terms"]["qualifiers"])
    return re.compile(rf"(?<=\s)(?:{qualifiers})$")


def digital_definitions(outline: Outline, lex: Lexicon) -> list[Alias]:
    """The terms the document defines as digital things (see the module docstring), each once,
    in document order, the first ``MAX_ALIASES`` of them: first those defined by their kind or
    form, then those defined as data kept on a strong lexicon term or on one of them (the first
    ``MAX_ALIASES``, so that a definitions article of a thousand khoản costs no more)."""
    definitions = [(fold(d[2]), *d) for d in _definitions(outline) if _may_define(d[2], lex)]
    out: dict[str, tuple[int, Alias]] = {}
    for at, (key, art, para, name, definition) in enumerate(definitions):
        found = _defined_digital(name, definition, lex)
        if found is not None and key not in out:
            out[key] = (at, _alias(art, para, name, *found))
    kept_on = {key: alias.term for key, (_, alias) in list(out.items())[:MAX_ALIASES]}
    for at, (key, art, para, name, definition) in enumerate(definitions):
        found = None if key in out else _data_kept_digitally(definition, lex, kept_on)
        if found is not None:
            out[key] = (at, _alias(art, para, name, *found))
    return [alias for _, alias in sorted(out.values(), key=lambda x: x[0])][:MAX_ALIASES]


def _definitions(outline: Outline):
    """(article, khoản, term, definition) of each definition khoản of the document's own
    definitions articles (rubric ``[structure] definitions_article``), then of those its quoted
    amendments give the text they amend (:func:`_quoted_definitions`), in order."""
    names = rubric()["structure"]["definitions_article"]
    for art in outline.units("article"):
        if not heading_is(art.heading, names):
            continue
        for para in art.walk(include_quoted=False):
            found = _definition(para) if para.kind == "paragraph" else None
            if found is not None:
                yield art, para, *found
    for art, para in _quoted_definitions(outline, names):
        found = _definition(para)
        if found is not None:
            yield art, para, *found


def _quoted_definitions(outline: Outline, names: list[str]):
    """(the own article, khoản) of the khoản an amending text's quoted blocks give the text it
    amends that may define a term: those of a quoted definitions article ("Sửa đổi, bổ sung Điều
    3 như sau: “Điều 3. Giải thích từ ngữ …”"), and a khoản quoted on its own ("Bổ sung khoản 7
    vào sau khoản 6 Điều 2 như sau: “7. Hệ thống quản lý dữ liệu đào tạo lái xe là hệ thống thông
    tin chuyên ngành …”"), whose definition passes the same tests as any other."""
    for block, own in outline.quoted:
        art = own
        while art is not None and art.kind != "article":
            art = outline.parent.get(id(art))
        if art is None:
            continue
        for unit in block.children:
            if unit.kind == "paragraph":
                yield art, unit
            elif unit.kind == "article" and heading_is(unit.heading, names):
                yield from ((art, para) for para in unit.walk() if para.kind == "paragraph")


def _alias(art: Unit, para: Unit, name: str, term: Term, what: str) -> Alias:
    return Alias(Term(name, term.category, term.element, term.strength),
                 reason("defined_digital", para.eid, name=name, what=what,
                        article=label("article", num=art.num)))


def _defined_digital(name: str, definition: str, lex: Lexicon) -> tuple[Term, str] | None:
    """(the strong term that makes a defined term digital, that term or the form as printed)
    when its definition gives its kind or its digital form, else None (``name`` may define:
    :func:`_may_define`)."""
    genus = _genus(name, definition, lex)
    if genus is not None:
        return genus, genus.text
    assembled = _assembled(name, definition, lex)
    if assembled is not None:
        return assembled
    if lex.find(name) or not _qualified().search(fold(name)):
        return None
    return _digital_form(definition, lex)


def _may_define(name: str, lex: Lexicon) -> bool:
    """Whether a defined term may be read as a new digital term: of ``MIN_SYLLABLES`` to
    ``MAX_SYLLABLES`` syllables before the place its name may end in (:func:`split_place`: "Hệ
    thống tham quan thực tế ảo 3D và bản đồ du lịch số | tỉnh Lâm Đồng"), not a number, not
    naming a strong lexicon term already."""
    syllables = _WORD.findall(name)
    placed = split_place(fold(name))
    counted = len(_WORD.findall(placed[0])) if placed else len(syllables)
    return MIN_SYLLABLES <= counted <= MAX_SYLLABLES and not syllables[0].isdigit() \
        and not any(h.strength == "strong" for h in lex.find(name))


def split_place(term: str) -> tuple[str, str] | None:
    """(the name, the place) of a folded defined term whose name of three words or more ends in
    its province or city (rubric ``[defined_terms] places``: "hệ thống đặt lịch khám bệnh trực
    tuyến | tỉnh quảng ngãi"); None for any other term."""
    m = _place().search(term)
    if m is None or len(term[:m.start()].split()) < 3:
        return None
    return term[:m.start()], term[m.start() + 1:]


@lru_cache(maxsize=1)
def _place() -> re.Pattern:
    places = "|".join(re.escape(fold(p)) for p in rubric()["defined_terms"]["places"])
    return re.compile(rf" (?:{places}) ")


def _data_kept_digitally(definition: str, lex: Lexicon,
                         kept_on: dict[str, Term]) -> tuple[Term, str] | None:
    """(the term that makes a defined term digital, the data genus and that term as printed)
    when the definition says the thing is data (rubric ``[defined_terms] data_genera``: "tập
    hợp dữ liệu", "bản sao số" …) and its first sentence names, after the genus, a strong
    lexicon term or a thing the text defines as digital (``kept_on``: folded name → its term)
    that it is kept on, made of or made from: "Sổ đăng ký quốc gia … là tập hợp dữ liệu có cấu
    trúc …, được tạo lập, lưu trữ, cập nhật trên phần mềm dùng chung"; else None. "Hồ sơ bệnh án
    là tập hợp dữ liệu, bao gồm thông tin cá nhân, kết quả khám bệnh …" names none: records on
    paper are data too."""
    sentence = _first_sentence(definition)
    folded = fold(sentence)
    genus = _starts_with(folded, "data_genera")
    if genus is None:
        return None
    rest = folded[len(genus):]
    hit = next((h for h in lex.find_folded(rest) if h.strength == "strong"), None)
    if hit is not None:
        term, start, stop = Term(hit.term, hit.category, hit.element, hit.strength), hit.start, hit.end
    else:
        on = next((t for t in kept_on if re.search(rf"(?<!\w){re.escape(t)}(?!\w)", rest)), None)
        if on is None:
            return None
        term, start = kept_on[on], rest.find(on)
        stop = start + len(on)
    at = len(genus)
    return term, f"{sentence[:at]} … {sentence[at + start:at + stop]}"


def _definition(para: Unit) -> tuple[str, str] | None:
    """(the term, its definition) of a khoản "N. <term> là <definition>", parentheses left out;
    None for a khoản that defines nothing."""
    text = _PARENTHESIS.sub("", " ".join(line.text for line in para.content))
    m = _DEFINED.match(_NUMBER.sub("", text))
    return (m.group(1).strip(" ,:"), m.group(2)) if m else None


def _digital_form(definition: str, lex: Lexicon) -> tuple[Term, str] | None:
    """(the strong term of the digital form, the form as printed) that the definition's first
    sentence gives the thing, not as an alternative to paper; else None."""
    sentence = _first_sentence(definition)
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


def _system_named(name: str, lex: Lexicon) -> bool:
    """The term is named as a thing an information system may be (rubric ``[defined_terms]
    system_heads``: "Cổng …", "Nền tảng …"), and not as an e-portal or website, which the
    lexicon reads as incidental (its ``portal`` terms: "Cổng thông tin điện tử của Bộ …")."""
    folded = fold(name)
    return any(folded.startswith(h + " ") for h in _longest_first("system_heads")) and \
        not any(h.category == "portal" for h in lex.find(name))


def _assembled(name: str, definition: str, lex: Lexicon) -> tuple[Term, str] | None:
    """(the lexicon's information system, the parts as printed) when a thing is defined as made
    of parts (:func:`_parts_start`) that include, in the definition's first sentence, a strong
    lexicon term of rubric ``[defined_terms] assembly_parts`` (software, a database, IT
    infrastructure, an algorithm), and whose first sentence says it handles or carries
    information (:func:`_handles_information`), as the law defines an information system: "Hệ
    thống đọc chỉ số đồng hồ nước từ xa là tập hợp đồng hồ nước …, hạ tầng mạng truyền dẫn, máy
    chủ và phần mềm quản lý dữ liệu đo đếm". Not a set of policies ("Hệ thống kiểm soát nội bộ là
    tập hợp các cơ chế, chính sách …"), of devices alone ("Hệ thống lưu trữ điện là tập hợp các
    thiết bị …"), or a machine's control ("Hệ thống tự động hóa là tập hợp cảm biến, cơ cấu chấp
    hành … và phần mềm điều khiển … để vận hành một dây chuyền"); else None."""
    sentence = _first_sentence(definition)
    folded = fold(sentence)
    at = _parts_start(name, folded, lex)
    if at is None:
        return None
    part = next((h for h in lex.find_folded(folded[at:]) if h.strength == "strong"
                 and any(fold(h.term).startswith(p) for p in _longest_first("assembly_parts"))), None)
    kind = rubric()["defined_terms"]["assembled_kind"]
    system = next((h for h in lex.find(kind) if h.strength == "strong"), None)
    if part is None or system is None or not _handles_information(folded):
        return None
    return (Term(system.term, system.category, system.element, system.strength),
            f"{sentence[:at].rstrip()} … {sentence[at + part.start:at + part.end]}")


def _parts_start(name: str, folded: str, lex: Lexicon) -> int | None:
    """Where the parts begin in the folded first sentence of a definition that says the thing
    is made of them: after "tập hợp", "tổ hợp" … (rubric ``[defined_terms] assemblies``) the
    sentence starts with, when the term is named as a system ("Hệ thống …", or a thing of
    rubric ``[defined_terms] system_heads``); or after "gồm" (rubric ``[defined_terms]
    made_of``) when the sentence starts with the kind itself ("Bản đồ số du lịch … là hệ thống
    thông tin địa lý chuyên ngành …, gồm cơ sở dữ liệu …, phần mềm quản trị …"), whatever the
    term's name ("Báo cáo tài chính là hệ thống thông tin kinh tế, tài chính …" names no parts);
    else None."""
    folded_name = fold(name)
    if any(folded_name.startswith(s + " ") for s in _systems()) or _system_named(name, lex):
        assembly = _starts_with(folded, "assemblies")
        if assembly is not None:
            return len(assembly)
    kind = fold(rubric()["defined_terms"]["assembled_kind"])
    if folded.startswith(kind + " "):
        made_of = _made_of().search(folded, len(kind))
        if made_of is not None:
            return made_of.end()
    return None


@lru_cache(maxsize=1)
def _made_of() -> re.Pattern:
    words = "|".join(map(re.escape, _longest_first("made_of")))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def _handles_information(folded: str) -> bool:
    """The folded sentence says the thing handles information or data, or carries it (rubric
    ``[defined_terms] information_handled``: "dữ liệu", "thông tin", "đường truyền" …)."""
    return _information_words().search(folded) is not None


@lru_cache(maxsize=1)
def _information_words() -> re.Pattern:
    words = "|".join(map(re.escape, _longest_first("information_handled")))
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)")


def _starts_with_kind(folded: str) -> bool:
    """The folded definition starts with a term of rubric ``[defined_terms] kinds`` that is not
    the first item of a list ("phần mềm và vật tư, thiết bị")."""
    kind = next((k for k in _longest_first("kinds") if folded.startswith(k + " ") or folded == k),
                None)
    return kind is not None and not _LIST_NEXT.match(folded[len(kind):])


def _genus(name: str, definition: str, lex: Lexicon) -> Term | None:
    """The strong lexicon term that says what the defined thing ``name`` is: one the definition
    starts with, whose first word is the term's head ("Hệ thống …" and "hệ thống thông tin do
    Bộ … thiết lập") or whatever it is when the term is named as a portal, platform or other
    thing of rubric ``[defined_terms] system_heads`` (:func:`_system_named`: "Cổng lấy ý kiến
    trực tuyến … là hệ thống thông tin dùng chung"), or one right after a word of rubric
    ``[defined_terms] systems`` the definition starts with, whatever the term's head ("Sàn giao
    dịch … là hệ thống giao dịch điện tử tập trung"), or one of rubric ``[defined_terms] kinds``
    it starts with, whatever the term's head ("Sàn giao dịch vận tải hàng hóa là nền tảng số
    …"); else None."""
    first, folded = _WORD.match(definition), fold(definition)
    own_head = first is not None and fold(first.group()) == fold(_WORD.findall(name)[0])
    starts = [definition] if own_head or _system_named(name, lex) or _starts_with_kind(folded) else []
    system = next((s for s in _systems() if folded.startswith(s + " ")), None)
    if system:
        starts.append(definition[len(system) + 1:])
    for start in starts:
        hit = next((h for h in lex.find(start[:200]) if h.strength == "strong"), None)
        if hit is not None and hit.start == 0:
            return Term(hit.term, hit.category, hit.element, hit.strength)
    return None
