"""Vietnamese legal references in running text.

``extract_refs(text)`` takes one string (a line of a law) and gives a list of :class:`Ref` with
character spans, in text order (``extract_refs_lines(texts)``: the same for many lines at once):

* internal references to units of the same document: "Điều 28 của Luật này", "khoản 1 Điều 28",
  "các điểm a, b và c khoản 1 Điều 3", "khoản 2 và khoản 3 Điều 7", "Mục 2 Chương IV",
  "từ Điều 10 đến Điều 15", and relative ones: "Điều này", "khoản 1 Điều này", "khoản này";
* external references to another document: "Điều 217 của Luật Doanh nghiệp số 59/2020/QH14",
  "Luật Giao dịch điện tử số 20/2023/QH15", "Nghị định số 13/2023/NĐ-CP", "Nghị quyết 57-NQ/TW",
  "của Bộ luật Dân sự";
* fields of law: "pháp luật về giao dịch điện tử".

A target is a path of ``(kind, num)`` pairs, outermost first, e.g.
``(("article", "5"), ("paragraph", "2"), ("point", "a"))``; ``num == THIS`` ("") marks a relative
level ("Điều này"). A path that starts below the article ("khoản 2", "điểm a") is implicitly
relative to where it stands. Resolution against a document is in :mod:`lawscan.graph.build`.

The vocabulary (unit words, document types, stop words) lives in ``data/refs.toml``. What stays
in the code are the shapes of numbers, where "đ" / "Đ" is a letter of the number's syntax: a
point "đ" or "đ1", an article "44đ" (``[a-zđ]``), a document number "13/2023/NĐ-CP"
(``[A-ZĐ]``); a character class reads more clearly in the pattern than as a list in a data file.
"""

from __future__ import annotations

import bisect
import itertools
import pathlib
import re
from dataclasses import dataclass, field
from functools import lru_cache

from lawscan.datafiles import load_data_file
from lawscan.joined import join, lines_with
from lawscan.numerals import int_to_roman, roman_to_int

# Units from smallest to largest.
RANK = {"point": 0, "paragraph": 1, "article": 2, "subsection": 3, "section": 4, "chapter": 5,
        "part": 6}
THIS = ""  # the num of a relative level: "Điều này" -> ("article", THIS)
MAX_RANGE = 400  # a range longer than this keeps only its two ends
VOCAB_PATH = pathlib.Path(__file__).parent / "data" / "refs.toml"
# the units one reference may name (the corpus has at most 40): "khoản 1, khoản 2, … khoản 50000
# Điều 1", or lists multiplied ("điểm a…z khoản 1…400 Điều 1…400"), keep the first ones
MAX_TARGETS = 1000

Path = tuple[tuple[str, str], ...]


@dataclass
class Ref:
    """One reference found in a text.

    ``kind`` is "internal" (a unit of this document), "external" (another document, maybe with
    unit ``targets`` inside it), "field" (a field of law) or "annex" (units of an annex or a form,
    "Mục 4 Phụ lục này", which are not parsed into units). ``qualified`` is true when the text
    says "của Luật này" / "của Bộ luật này" explicitly. ``line`` is filled by callers that scan
    the lines of a unit.
    """

    text: str
    start: int
    end: int
    kind: str
    targets: list[Path] = field(default_factory=list)
    doc_type: str = ""  # "Luật", "Bộ luật", "Nghị định", ... ("" when only a number is given)
    doc_name: str = ""  # "Luật Doanh nghiệp"
    doc_number: str = ""  # "59/2020/QH14"
    law_field: str = ""  # "giao dịch điện tử"
    qualified: bool = False
    in_quote: bool = False  # inside “…” (in an amending law: words of the amended law)
    self_type: str = ""  # the text a qualified reference names: "Nghị định" (…này), "Quy chế"
    line: int | None = None

    @property
    def relative(self) -> bool:
        """True when a target is relative to where the reference stands ("Điều này", "khoản 2")."""
        return any(is_relative(p) for p in self.targets)

    def doc_key(self) -> str:
        """Node id of the cited document or field: "doc:20/2023/QH15", "doc:luật doanh nghiệp",
        "field:giao dịch điện tử" ("" for internal references)."""
        if self.kind == "field":
            return "field:" + self.law_field.lower()
        if self.kind != "external":
            return ""
        if self.doc_number:
            return "doc:" + self.doc_number
        name = normalise_title(self.doc_name)
        return "doc:" + name if name else ""  # "của Pháp lệnh", "Phụ lục này": no node


def is_relative(path: Path) -> bool:
    """A path relative to its place: it has a "này" level or starts below the article."""
    if not path:
        return False
    if any(num == THIS for _, num in path):
        return True
    return path[0][0] in ("paragraph", "point", "section", "subsection")


def path_label(path: Path) -> str:
    """Vietnamese label of a path, innermost first as lawyers write it: "điểm a khoản 2 Điều 5"."""
    words = {v: k for k, v in vocab()["unit_words"].items()}
    this = vocab()["words"]["this"]
    out = []
    for kind, num in reversed(path):
        word = words[kind]
        if kind in ("article", "chapter", "section", "subsection", "part"):
            word = word[0].upper() + word[1:]
        out.append(f"{word} {num or this}")
    return " ".join(out)


def normalise_title(title: str) -> str:
    """Lower case, single spaces, no trailing "số ..." number: the key to match law titles."""
    t = " ".join(title.split()).lower()
    t = re.sub(rf"\s+{vocab()['words']['number']}\s*:?\s*\S*\d\S*$", "", t)
    return t.strip(" .,;:")


@lru_cache(maxsize=1)  # asked for in every reference parsed: the cheapest lookup
def vocab() -> dict:
    """The reference vocabulary, ``data/refs.toml`` (shared: read-only)."""
    return load_data_file(VOCAB_PATH)


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


def _either_case(word: str) -> str:
    first = word[0]
    return f"[{first.upper()}{first}]" + re.escape(word[1:])


@lru_cache(maxsize=1)
def patterns() -> dict:
    """The compiled reference patterns by name ("start", "candidate", "chain_candidate", ...), built
    once from the reference vocabulary (data/refs.toml)."""
    v = vocab()
    w = v["words"]
    unit_words = v["unit_words"]
    capital_only = set(w["capital_only"])
    kw_alts = []
    for word in sorted(unit_words, key=len, reverse=True):
        guard = "".join(f"(?<!{re.escape(a)} )(?<!{re.escape(a[0].upper() + a[1:])} )"
                        for a in w["not_after"].get(word, []))
        kw_alts.append(guard + (re.escape(word[0].upper() + word[1:]) if word in capital_only
                                else _either_case(word)))
    kw = rf"(?<!\w)(?P<kw>{'|'.join(kw_alts)})\s+"
    plural = _either_case(w["plural"])
    lower_units = _alt([u for u in unit_words if u not in capital_only]
                       + [u[0].upper() + u[1:] for u in unit_words if u not in capital_only])
    # "các điểm", "từ Điều"; a sub-point is read as its point: "tiết 7 điểm b khoản 4 Điều 41"
    prefix = (rf"(?:{plural}\s+(?:(?:{lower_units})\s+)?)?(?:{_either_case(w['range_from'])}\s+)?"
              rf"(?:{_either_case(w['subpoint'])}\s+\d+\s+(?=[{w['point_word'][0]}{w['point_word'][0].upper()}]))?")
    ordinals = _alt(w["part_ordinals"])
    ids = {
        "point": r"[a-zđ]\d*",
        "paragraph": r"\d+[a-zđ]?",
        "article": r"\d+[a-zđ]?\d*",
        "subsection": r"\d+",
        "section": r"\d+",
        "chapter": r"[IVXLC]+|\d+",
        "part": rf"{w['ordinal']}\s+(?:{ordinals})|[IVXLC]+|\d+",
    }
    joiners = _alt(w["and"])
    list_sep = rf"(?:\s*,\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+)"
    value, after = _value_patterns(ids, w, unit_words, list_sep)
    types = v["documents"]["types"]
    # a document number, from after its first digit ("number" is the whole of it)
    after_digit = (r"(?:\d*/\d{4}/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ][A-Za-zĐ0-9]*)*"
                   r"|\d*/[A-ZĐ]{2,}-[A-ZĐ][A-Za-zĐ0-9]*"
                   r"|\d*[a-z]?-[A-ZĐ]+(?:/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*)+)(?!\w)")
    number = r"\d" + after_digit
    types_alt = _alt(types)
    name_word = rf"(?!(?:{types_alt}|{w['this']})(?!\w))[^\W\d_][\w\-]*"
    num_word = _either_case(w["number"])
    # the places where a reference can begin, as one search over many lines (see
    # extract_refs_lines): a unit word before a number or "này", a document type, "pháp luật
    # (có liên quan) về", a document number. Each branch starts with a plain letter (the "(?<!\w)" test comes after
    # it) so that the regex engine skips quickly from one candidate letter to the next.
    any_id = "|".join([rf"{re.escape(w['this'])}(?!\w)"] + [rf"(?:{idp})(?!\w)" for idp in ids.values()])

    def lead(word: str, tail: str) -> str:
        return rf"{re.escape(word[0])}(?<!\w{re.escape(word[0])}){re.escape(word[1:])}{tail}"

    field_words = (w["field"], w["field"][0].upper() + w["field"][1:])
    # where a chain of unit words can begin (the first branches of "candidate")
    chain_candidate = "|".join(
        lead(variant, rf"\s+(?:{any_id})") for word in unit_words
        for variant in dict.fromkeys((word[0].upper() + word[1:],
                                      word if word not in capital_only else word[0].upper() + word[1:])))
    candidate = "|".join(
        [chain_candidate]
        + [lead(t, r"(?!\w)") for t in types]
        + [lead(f, rf"\s+(?:{re.escape(w['field_related'])}\s+)?{re.escape(w['field_about'])}\s+")
           for f in field_words]
        # a document number: "any_number" below, written from its "/" or "-"
        + [rf"{sep}(?<=\d{sep})|{sep}(?<=\d[a-z]{sep})" for sep in "/-"])
    return {
        "candidate": re.compile(candidate),
        "chain_candidate": re.compile(chain_candidate),
        # cheap first looks (plain words, no look-arounds: a fast search): a unit word (its first
        # letter may be either case), a document type, a number, "pháp luật"
        "kw_tails": re.compile(_alt([word[1:] for word in unit_words])),
        "type_words": re.compile(types_alt),
        "issued_words": re.compile(_alt(v["documents"]["issued_texts"])),
        "any_number": re.compile(r"\d[a-z]?[/-]"),
        "field_tail": w["field"][1:],
        "start": re.compile(prefix + kw),
        # the words a "start" match can begin with, as plain literals: a fast search for the
        # places where "start" may match (see _next_start)
        "start_words": re.compile("|".join(re.escape(x) for x in sorted(
            {variant for word in unit_words
             for variant in (word[0].upper() + word[1:], word) if word not in capital_only
             or variant[0].isupper()}
            | {variant for word in (w["plural"], w["range_from"])
               for variant in (word[0].upper() + word[1:], word)}, key=len, reverse=True))),
        "kw": re.compile(kw),
        "unit_words": {word: kind for word, kind in unit_words.items()},
        "value": value,
        "after": after,
        "group_sep": re.compile(list_sep + r"(?=\S)"),
        "join": re.compile(rf"\s+(?:{re.escape(w['of'])}\s+)?"),
        **_qualifier_patterns(v, types_alt),
        "self": re.compile(rf"(?P<type>{types_alt})\s+{re.escape(w['this'])}(?!\w)"),
        # "type", "number" and "field" are searched along whole lines: written, like "candidate",
        # with their word-start test after the first character
        "type": re.compile(rf"(?P<type>{'|'.join(lead(t, '') for t in sorted(types, key=len, reverse=True))})(?!\w)"),
        "type_number": re.compile(rf"\s+(?:{num_word}\s*:?\s*)?(?P<num>{number})"),
        "type_name_number": re.compile(
            rf"\s+(?P<name>{name_word}(?:,?\s+{name_word}){{0,24}}?)\s+{num_word}\s*:?\s*(?P<num>{number})"),
        "number": re.compile(rf"(?P<num>\d(?<![\w/-]\d){after_digit})"),
        "name_word": re.compile(r"\s+(?P<word>[^\W\d_][\w\-]*)"),
        "field": re.compile("|".join(
            lead(f, rf"\s+(?:{re.escape(w['field_related'])}\s+)?{re.escape(w['field_about'])}\s+")
            for f in field_words)),
    }


def _value_patterns(ids: dict, w: dict, unit_words: dict, list_sep: str) -> tuple[dict, dict]:
    """Per unit kind: its first number, or "này" (``value``), and what may follow a number: the
    end of a range ("to"), or else another number ("also"). A point's sub-item is read as the
    point: "điểm c(iv)", "g(i), g(ii)"."""
    quantity = _alt(w["quantity_words"])
    kind_words: dict[str, list[str]] = {}
    for word, kind in unit_words.items():
        kind_words.setdefault(kind, []).append(word)
    value, after = {}, {}
    for kind, idp in ids.items():
        same_kw = "|".join(_either_case(x) for x in kind_words[kind])
        sub = r"(?:\s?\((?:[ivx]+|\d+)\))?" if kind == "point" else ""
        value[kind] = re.compile(rf"(?P<this>{re.escape(w['this'])})(?!\w)|(?P<id>{idp})(?!\w){sub}")
        after[kind] = re.compile(
            rf"\s+{re.escape(w['range_to'])}\s+(?:(?:{same_kw})\s+)?(?P<to>{idp})(?!\w)"
            rf"|{list_sep}(?P<also>{idp})(?!\w){sub}(?!\s*(?:{quantity})(?!\w))")
    return value, after


def _qualifier_patterns(v: dict, types_alt: str) -> dict:
    """The patterns of what follows a chain of units and says whose units they are (see
    ``_qualify``) and of the separators decrees put between its groups."""
    w, docs = v["words"], v["documents"]
    issued = "|".join(_either_case(t) for t in sorted(docs["issued_texts"], key=len, reverse=True))
    return {
        "semicolon": re.compile(r"\s*;\s*(?=\S)"),
        # a document's number in short after its type: "Nghị định số 59", "số 94/CP", "số …/2015/TT-BCT"
        "short_number": re.compile(rf"\s+{_either_case(w['number'])}\s*:?\s*"
                                   rf"(?P<num>(?:\d+|[.…]+)(?:[/\-][\w.…]+)*)"),
        # a text issued with this one ("của Quy chế này", "của Quy chế ban hành kèm theo Nghị
        # định này")
        "own_text": re.compile(rf"(?P<type>{issued})(?:\s+(?:{_alt(docs['issued_with'])})\s+(?:{types_alt}))?"
                               rf"\s+{re.escape(w['this'])}(?!\w)"),
        # an annex or a form ("Phụ lục này"; its units may be named in a way chains do not read:
        # "khoản 3 mục B Phần 11 Phụ lục II", "Mục 2 – Phụ lục I")
        "annex": re.compile(rf"(?:(?i:{_alt(v['unit_words'])})\s+[\w.]+\s+){{0,3}}(?:[–-]\s+)?"
                            rf"(?P<type>{_alt(docs['annex_words'])})(?!\w)"),
        # another text of that kind, named: "của Quy chế Quản lý đầu tư và xây dựng", "của Quy
        # chế quản lý hoạt động hàng hải" (a text of one's own is "Quy chế này", tried before)
        "issued_named": re.compile(rf"(?P<type>{_alt(docs['issued_texts'])})(?=\s+[^\W\d_])"),
        # between a chain and whose units they are: "của", a comma, a short aside in brackets
        # ("Phần II (phần ghi của cơ quan nhà nước) của Bản hợp đồng"), "sửa đổi, bổ sung"
        "qual_lead": re.compile(rf"(?:\s*\([^()]{{1,80}}\))?\s*,?\s+(?:(?:{_alt(w['qualifier_fillers'])})\s+)?"
                                rf"(?:{re.escape(w['of'])}\s+)?"),
    }


def extract_refs(text: str, chains_only: bool = False) -> list[Ref]:
    """All references in ``text`` (one line or paragraph), in order, spans not overlapping.
    ``chains_only``: only those that begin with a unit word ("khoản 1 Điều 5 của Luật này",
    "Điều 217 của Luật Doanh nghiệp"), the same as without it: every internal reference but no
    bare citation of a document or field ("Luật Doanh nghiệp số 59/2020/QH14")."""
    p = patterns()
    refs: list[Ref] = []
    pos = 0
    while True:  # chains of unit words ("khoản 1 Điều 5 của Luật X"); _next_start looks first
        m = _next_start(text, pos, p)
        if not m:
            break
        ref = _parse_chain(text, m.start(), p, m)
        if ref is None:
            pos = m.end()
            continue
        refs.append(ref)
        pos = ref.end
    if chains_only:
        _mark_quoted(text, refs)
        return refs
    first_type = p["type_words"].search(text)  # a type match cannot begin before this one
    has_type = first_type is not None
    # a number has a "/" or "-": the plain look for those skips most lines without a regex
    has_number = ("/" in text or "-" in text) and p["any_number"].search(text) is not None
    has_field = p["field_tail"] in text
    if not (refs or has_type or has_number or has_field):
        return []
    taken = _Spans((r.start, r.end) for r in refs)
    free = taken.free
    for m in p["type"].finditer(text, first_type.start()) if has_type else ():
        if not free(m.start(), m.end()):
            continue
        doc = _parse_doc(text, m.start(), p)
        if doc is None or doc == "self" or not free(m.start(), doc[3]):
            continue
        dtype, name, num, end = doc
        refs.append(Ref(text[m.start():end], m.start(), end, "external", doc_type=dtype,
                        doc_name=name, doc_number=num))
        taken.add(m.start(), end)
    for m in p["number"].finditer(text) if has_number else ():
        if free(m.start(), m.end()):
            refs.append(Ref(m.group("num"), m.start(), m.end(), "external", doc_number=m.group("num")))
            taken.add(m.start(), m.end())
    for m in p["field"].finditer(text) if has_field else ():
        words, end = _take_words(text, m.end(), set(vocab()["fields"]["stop_words"]),
                                 vocab()["fields"]["max_words"])
        if words and free(m.start(), end):
            refs.append(Ref(text[m.start():end], m.start(), end, "field", law_field=words))
            taken.add(m.start(), end)
    refs.sort(key=lambda r: r.start)
    _mark_quoted(text, refs)
    return refs


class _Spans:
    """The spans of a text already taken by references: sorted, never overlapping, so whether a
    new span is free is one bisection, not a look at each (a text of one long line, megabytes,
    holds tens of thousands of references)."""

    def __init__(self, spans):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, b in spans:
            self.add(a, b)

    def free(self, a: int, b: int) -> bool:
        """[a, b) overlaps no span taken."""
        i = bisect.bisect_right(self.starts, a)  # the spans before i start at or before a
        return (i == 0 or self.ends[i - 1] <= a) and (i == len(self.starts) or b <= self.starts[i])

    def add(self, a: int, b: int) -> None:
        i = bisect.bisect_right(self.starts, a)
        self.starts.insert(i, a)
        self.ends.insert(i, b)


def _mark_quoted(text: str, refs: list[Ref]) -> None:
    """Set ``in_quote`` of the references of ``text`` that begin inside quotes (one bisection
    each in the quotes' merged spans)."""
    merged: list[list[int]] = []
    for a, b in sorted(_quote_spans(text)):  # curly and straight quotes may nest
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    starts = [a for a, _ in merged]
    for r in refs:
        i = bisect.bisect_right(starts, r.start) - 1
        r.in_quote = i >= 0 and r.start < merged[i][1]


def may_cite(text: str) -> bool:
    """False when ``text`` cannot cite another document (it has no document type word, no word
    of a text issued with one and no document number, so ``extract_refs`` finds no "external"
    reference in it): a cheap look."""
    p = patterns()
    return (p["type_words"].search(text) is not None or p["any_number"].search(text) is not None
            or p["issued_words"].search(text) is not None)  # "Điều 63 của Quy chế Quản lý …"


def extract_refs_lines(texts: list[str], chains_only: bool = False) -> dict[int, list[Ref]]:
    """``extract_refs`` of many texts (e.g. every line of a document) at once, as {index in
    ``texts``: its references} for the texts that have any. Faster than one call per text: one
    search of the texts joined by NUL finds the few where a reference can begin (a unit word
    before a number or "này", a document type, a document number, "pháp luật về"; with
    ``chains_only`` only the first), and only those are parsed (after the first candidate in a
    text the search goes on from the next)."""
    joined = join(texts, "\0")
    if joined is None:  # a text holds a NUL itself: one by one
        found = range(len(texts))
    else:
        found = lines_with(*joined, patterns()["chain_candidate" if chains_only else "candidate"])
    out = {}
    for i in found:
        refs = extract_refs(texts[i], chains_only)
        if refs:
            out[i] = refs
    return out


def _next_start(text: str, pos: int, p: dict) -> re.Match | None:
    """``p["start"].search(text, pos)``, faster: a match can only begin where one of the plain
    words of ``p["start_words"]`` does, so only those places are tried."""
    while True:
        c = p["start_words"].search(text, pos)
        if c is None:
            return None
        m = p["start"].match(text, c.start())
        if m is not None:
            return m
        pos = c.start() + 1


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans inside curly quotes “…” or straight ones "…" (taken in pairs; an unclosed quote
    runs to the end of the text)."""
    spans = _straight_quote_spans(text) if '"' in text else []
    if "“" not in text:
        return spans
    depth, start = 0, 0
    for i, c in enumerate(text):
        if c == "“":
            if depth == 0:
                start = i
            depth += 1
        elif c == "”" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i))
    if depth:
        spans.append((start, len(text)))
    return spans


def _straight_quote_spans(text: str) -> list[tuple[int, int]]:
    marks = [i for i, c in enumerate(text) if c == '"']
    if len(marks) % 2:
        marks.append(len(text))
    return list(zip(marks[::2], marks[1::2]))


def _parse_values(kind: str, text: str, i: int, p: dict) -> tuple[list[str] | None, int]:
    m = p["value"][kind].match(text, i)
    if not m:
        return None, i
    if m.group("this") is not None:
        return [THIS], m.end()
    values = [m.group("id")]
    j = m.end()
    while True:
        r = p["after"][kind].match(text, j)
        if r is None:
            return values, j
        if r.group("to") is not None:  # "từ Điều 10 đến Điều 15"
            values[-1:] = _expand(kind, values[-1], r.group("to"))
        elif not p["kw"].match(text, r.start("also")):  # "khoản 1, 2 và 3"
            values.append(r.group("also"))
        else:
            return values, j
        j = r.end()


def _parse_chain(text: str, start: int, p: dict, first: re.Match | None = None) -> Ref | None:
    """Parse "điểm a khoản 2 Điều 5 và Điều 7 của Luật X số N" starting at ``start``
    (``first``: the ``p["start"]`` match at ``start`` when the caller has it)."""
    groups: list[list[tuple[str, list[str]]]] = []
    current: list[tuple[str, list[str]]] = []
    i = end = start
    after_sep = False
    commas: list[bool] = []  # per group after the first: was it joined by a bare comma?
    while True:
        # ``first`` is the p["start"] match at ``i`` when it is already known (given by the
        # caller, or found after a group separator below): it is used once, not matched again.
        if first is not None:
            assert first.start() == i, "first must be the p['start'] match at i"
            m, first = first, None
        else:
            m = p["start"].match(text, i)
        if not m:
            break
        kind = p["unit_words"][m.group("kw").lower()]
        values, j = _parse_values(kind, text, m.end(), p)
        if values is None:
            break
        if current and not after_sep:
            if RANK[kind] <= RANK[current[-1][0]]:
                break
            current.append((kind, values))
        else:
            if current:
                groups.append(current)
            current = [(kind, values)]
        i = end = j
        s = p["group_sep"].match(text, i) or p["semicolon"].match(text, i)
        if s:
            # a separator (", ", " và ", ", hoặc ", "; ") starts a new group only when a unit
            # word follows it; that match is kept in ``first`` for the next turn of the loop
            first = p["start"].match(text, s.end())
            if first is not None:
                comma = s.group().strip() == ","
                # "khoản 2, Điều 8": a bare comma before a larger unit goes on with the same one
                after_sep = not (comma and first.start("kw") == first.start() and RANK[
                    p["unit_words"][first.group("kw").lower()]] > RANK[current[-1][0]])
                i = s.end()
                if after_sep:
                    commas.append(comma)
                continue
        s = p["join"].match(text, i)
        if s and p["kw"].match(text, s.end()):
            after_sep, i = False, s.end()
            continue
        break
    if current:
        groups.append(current)
    if not groups:
        return None
    targets = _paths(groups, commas[:len(groups) - 1])
    ref = Ref(text[start:end], start, end, "internal", targets=targets)
    q = p["qual_lead"].match(text, end)
    if q:
        _qualify(ref, text, q.end(), p)
        ref.text = text[start:ref.end]
    return ref


def _qualify(ref: Ref, text: str, at: int, p: dict) -> None:
    """What follows a chain of units at ``at`` says whose units they are: this document ("của
    Nghị định này"), a text issued with it ("của Quy chế này": ``self_type``), another document
    ("Điều 3 Pháp lệnh xử lý vi phạm hành chính", "của Pháp lệnh", "Nghị định số 59"), or an
    annex or a form ("Mục 4 Phụ lục này", "Phần II của Bản hợp đồng"), which lawscan does not
    parse into units: those are not references into this document's body."""
    doc = _parse_doc(text, at, p, after_chain=True)
    if doc == "self":
        s = p["self"].match(text, at)
        ref.qualified = True
        ref.self_type = s.group("type")
        ref.end = s.end()
    elif doc is not None:
        ref.kind = "external"
        ref.doc_type, ref.doc_name, ref.doc_number, ref.end = doc
    elif m := p["own_text"].match(text, at):
        ref.qualified = True
        ref.self_type = m.group("type")
        ref.end = m.end()
    elif m := p["issued_named"].match(text, at):  # "Điều 63 của Quy chế Quản lý đầu tư …"
        stop = {*vocab()["documents"]["name_stop_words"], *vocab()["documents"]["issued_stop_words"]}
        words, end = _take_words(text, m.end("type"), stop, 12)
        ref.kind = "external"
        ref.doc_type, ref.doc_name, ref.end = m.group("type"), f"{m.group('type')} {words}", end
    elif m := p["annex"].match(text, at):
        ref.kind = "annex"
        ref.doc_type = m.group("type")
        ref.end = m.end()


def _parse_doc(text: str, i: int, p: dict, after_chain: bool = False):
    """A document citation starting at ``i``: (type, name, number, end), "self" for
    "Luật này", or None. ``after_chain``: right after a chain of units ("Điều 5 …"), where a
    type cites a document even with no name ("của Pháp lệnh"), a name in lower case ("Luật các
    tổ chức tín dụng") or a number in short ("Nghị định số 59", "số 49/CP")."""
    m = p["type"].match(text, i)
    if not m:
        return None
    dtype = m.group("type")
    j = m.end()
    if p["self"].match(text, i):
        return "self"
    n = p["type_number"].match(text, j)
    if n:
        return dtype, "", n.group("num"), n.end()
    n = p["type_name_number"].match(text, j)
    if n:
        name = f"{dtype} {' '.join(n.group('name').split())}"
        return dtype, name, n.group("num"), n.end()
    docs = vocab()["documents"]
    if dtype == vocab()["words"]["constitution"]:
        return dtype, dtype, "", j
    if after_chain and (n := p["short_number"].match(text, j)):
        num = n.group("num")
        return dtype, "", num if "/" in num or "-" in num else "", n.end()
    unnamed = (dtype, "", "", j) if after_chain else None
    if dtype not in docs["named_types"]:
        return unnamed
    first = p["name_word"].match(text, j)
    # a name starts with a capital ("Luật Doanh nghiệp"); older laws write "của Luật bảo hiểm xã
    # hội" in lower case, which "của" (of) right before the type makes unambiguous
    after_of = text[max(0, i - 4):i].lower() == vocab()["words"]["of"] + " "
    if not first or not (first.group("word")[0].isupper() or after_of or after_chain):
        return unnamed
    words, end = _take_words(text, j, set(docs["name_stop_words"]), 12,
                             comma_words=set(docs["name_comma_words"]))
    if not words:
        return unnamed
    return dtype, f"{dtype} {words.strip()}", "", end


def _take_words(text: str, j: int, stop: set, limit: int,
                comma_words: set = frozenset()) -> tuple[str, int]:
    """Words from ``j`` up to a stop word, punctuation, a number or a document type; a comma is
    crossed only before one of ``comma_words``. Gives the words and where they end."""
    types = set(vocab()["documents"]["types"])
    out = ""
    end = j
    count = 0
    while count < limit:
        m = _WORD.match(text, end)
        if not m:
            break
        sep, word = m.group("sep"), m.group("word")
        comma = sep.startswith(",")
        if (count == 0 and comma) or (count > 0 and not sep) or (comma and word not in comma_words):
            break
        if word in stop or word in types:
            break
        out += ("," if comma else "") + (" " if count else "") + word
        end = m.end()
        count += 1
    return out, end


_WORD = re.compile(r"(?P<sep>,?\s+|)(?P<word>[^\W\d_][\w\-]*)")


def _expand(kind: str, a: str, b: str) -> list[str]:
    """A range "từ Điều 10 đến Điều 15" -> ["10", ..., "15"] (letters for điểm, Roman for
    Chương); ends that cannot be counted stay as they are."""
    if a.isdigit() and b.isdigit() and 0 <= int(b) - int(a) <= MAX_RANGE:
        return [str(n) for n in range(int(a), int(b) + 1)]
    letters = vocab()["words"]["point_letters"]
    if kind == "point" and a in letters and b in letters and letters.index(a) <= letters.index(b):
        return letters[letters.index(a):letters.index(b) + 1]
    ra, rb = roman_to_int(a), roman_to_int(b)
    if kind in ("chapter", "part") and ra and rb and ra <= rb:
        return [int_to_roman(n) for n in range(ra, rb + 1)]
    return [a, b]


def _paths(groups: list[list[tuple[str, list[str]]]], commas: list[bool] = ()) -> list[Path]:
    """Groups written innermost first ("điểm a khoản 1", "khoản 3 Điều 5") -> target paths.
    A later group lends its outer levels to an earlier parallel one: "điểm a khoản 1 và khoản 3
    Điều 5" -> both under Điều 5. The Penal Code's "Điều 173, các khoản 2, 3 và 4" (a bare
    article, a comma, then khoản with no article after them) puts the khoản under that article."""
    if len(groups) == 1 and all(len(vals) == 1 for _, vals in groups[0]):  # the usual case
        return [tuple((kind, vals[0]) for kind, vals in reversed(groups[0]))]
    later_article = [False] * len(groups)  # an article (or higher) named in a later group
    for k in range(len(groups) - 2, -1, -1):
        later_article[k] = later_article[k + 1] or any(RANK[kind] >= RANK["article"]
                                                       for kind, _ in groups[k + 1])
    for k in range(1, len(groups)):
        prev, group = groups[k - 1], groups[k]
        if (k - 1 < len(commas) and commas[k - 1] and len(prev) == 1 and prev[0][0] == "article"
                and len(prev[0][1]) == 1 and RANK[group[-1][0]] < RANK["article"]
                and not later_article[k]):
            group.extend(prev)
    for k in range(len(groups) - 2, -1, -1):
        group, nxt = groups[k], groups[k + 1]
        top = group[-1][0]
        if any(kind == top for kind, _ in nxt):
            group.extend(level for level in nxt if RANK[level[0]] > RANK[top])
    paths: list[Path] = []
    seen: set[Path] = set()
    for group in (g for whole in groups for g in _spread(whole)):
        outer_first = list(reversed(group))
        for combo in itertools.product(*[vals for _, vals in outer_first]):
            path = tuple((kind, v) for (kind, _), v in zip(outer_first, combo))
            if path not in seen:
                seen.add(path)
                paths.append(path)
                if len(paths) >= MAX_TARGETS:
                    return paths
    return paths


def _spread(group: list[tuple[str, list[str]]]) -> list[list[tuple[str, list[str]]]]:
    """A group whose outer level lists more numbers than its first: "điểm e và điểm g khoản 4, 5"
    is điểm e, g of khoản 4 and khoản 5 (whole), not điểm e, g of each."""
    for k in range(1, len(group)):
        kind, values = group[k]
        if len(values) > 1:
            first = group[:k] + [(kind, values[:1])] + group[k + 1:]
            return [first] + [[(kind, [v])] + group[k + 1:] for v in values[1:]]
    return [group]
