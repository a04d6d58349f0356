"""The line parser: normalised lines -> tree of :class:`Unit` (+ problems).

Takes ``list[Line]`` and gives a root unit whose children follow Phần › Chương › Mục › Tiểu mục ›
Điều › khoản › điểm. Lines before the first unit stay in ``root.content``; the closing passage and
signature block after the last article (and annexes) are kept apart in ``closing``. Quotations
that follow an instruction ending with ":" are parsed as their own small tree under a ``quoted``
unit. A heading is only a heading when it looks like one: "Điều 36 của Bộ luật này" is a
cross-reference, and an out-of-sequence number whose neighbours continue the sequence is too.
Article numbers printed alone take the title-like line below them when most of them do (text
taken from a PDF), and page numbers and running headers are looked past where a title is sought.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lawscan.model import Line, Problem, Unit, unit_names
from lawscan.structure import amend, attach
from lawscan.numerals import roman_to_int
from lawscan.read.pdflayout import is_gazette_section
from lawscan.structure.patterns import (ARTICLE_RE, CHAPTER_RE, DASH_FOLLOWER_RE, FOLDED_LABELS,
                                        MISREAD_ROMAN_RE, MISSPELT_LABEL_RE,
                                        PARAGRAPH_RE, PART_RE, POINT_RE, REFERENCE_FOLLOWER_RE,
                                        SECTION_RE, STOPLESS_PARAGRAPH_RE, SUBSECTION_RE, V,
                                        alternation, fold_label, is_upper_title,
                                        leaves_title_unfinished, may_be_label,
                                        num_key, probe_text, starts_upper, strip_separator)

LEVEL = {"part": 0, "chapter": 1, "section": 2, "subsection": 3, "article": 4, "paragraph": 5,
         "point": 6}
HEADING_KINDS = ("part", "chapter", "section", "subsection", "article")
# numbering restarts inside these containers
RESETS = {"part": (), "chapter": ("section", "subsection"), "section": ("subsection",),
          "subsection": (), "article": ("paragraph", "point"), "paragraph": ("point",), "point": ()}
NAMES = unit_names()  # kind -> "Chương", "Điều", … (structure/vocab.toml [unit_names])

_C = V["closing"]
_CLOSING_RE = re.compile(_C["passed"], re.IGNORECASE)
_SIGNATURES = {s.upper() for s in _C["signature"]}
_ANNEX_RE = re.compile(rf"^(?:{alternation(_C['annex'])})(?!\w)")
# a title that starts with a reference to another unit ("Chương II. Điều 5 của Luật này …"): a
# label, then a number or "này" (not "Chương VIII. Điều khoản thi hành", whose "Điều" is a word)
_REF_LABEL_RE = re.compile(
    rf"^(?i:{alternation(V['labels']['article'] + V['labels']['chapter'] + V['labels']['section'])})"
    r"\s+(?:\d|[IVXLCDM]+(?![^\W\d_])|này(?!\w))")
_DASHES = "-–—"
_ARTICLE_WORDS = alternation(V["labels"]["article"])
_THIS_RE = re.compile(r"\snày(?!\w)")
_PAGE_NUM_RE = re.compile(r"(?<=[^\d\s])\s?\d{1,3}$")
_PAGE_ONLY_RE = re.compile(r"^[-–—]?\s*\d{1,4}\s*[-–—]?$")
_HEADER_CHARS = 80  # a running header is a short line
# up to two groups of marks (not quotes, brackets or word characters) before a label: specks
_SPECK = r"(?:[^\w\s“”\"'(\[]|_)"  # a mark, or "_" (a word character to \w)
_SPECKS_RE = re.compile(rf"^{_SPECK}{{1,3}}(?:\s+{_SPECK}{{1,3}})?\s*(?=[PCMĐ])")
WRAPPED_TITLE = 30  # characters at least of a title line that filled its printed line ...
WRAPPED_SHARE = 0.8  # ... as long as the longest line before it, nearly: the title goes on
_DATE_RE = re.compile(r"(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}(?!\d)")
_SENTENCE_END = ".;:,"


def _titled_in_capitals(h: Heading) -> bool:
    return bool(h.heading) and is_upper_title(h.heading)


def _wrapped(parts: list[str]) -> bool:
    """The last line of a title so far is as long as a printed line of it: ``WRAPPED_TITLE``
    characters at least and ``WRAPPED_SHARE`` of its longest line (a title wrapped over lines
    of one width goes on past a full line; its last line is short)."""
    last = len(parts[-1])
    return last >= WRAPPED_TITLE and last >= WRAPPED_SHARE * max(len(p) for p in parts)


@dataclass
class Heading:
    kind: str
    num: str
    heading: str
    consumed: int = 1  # lines used by the heading (title lines included)
    weak: bool = False  # no separator after the number: accept only in sequence
    misspelt: str = ""  # the label as printed when it is misspelt ("Chưong")
    misread: str = ""  # the number as printed when a scan misread I or 1 as l ("lV", "2l")
    attrs: dict = field(default_factory=dict)


class LineParser:
    """Parse one list of lines. ``quoted=True`` for the text of a quotation (fragments: khoản and
    điểm may stand alone, numbering is not checked, no closing passage)."""

    def __init__(self, lines: list[Line], problems: list[Problem], quoted: bool = False,
                 doc_title: str = ""):
        self.lines = lines
        self.probes = [probe_text(ln.text) for ln in lines]
        self.problems = problems
        self.quoted = quoted
        self.doc_title = doc_title
        self.root = Unit(kind="quoted" if quoted else "root")
        self.stack: list[Unit] = [self.root]
        self.last_key: dict[str, tuple] = {}
        self.closing: list[Line] = []
        self.closing_line: int | None = None
        self.annex_line: int | None = None
        self.untitled: list[Unit] = []
        self.own_articles = 0
        self.part_fresh = False  # a Phần opened and no Chương in it yet
        self.misspelt: dict[tuple[str, str], list] = {}  # (as printed, label) -> [first line, count]
        self.misread: list[tuple[str, str, int | None]] = []  # (as printed, as read, line)
        self.stopless = 0  # khoản read without the full stop after their number ("1 Cá nhân")
        self._repeated: set[str] | None = None  # dated lines printed three times or more (on first use)

    # ---------------------------------------------------------------- helpers
    def _problem(self, code: str, message: str, line: int | None, severity: str = "warning"):
        self.problems.append(Problem(code, message, line, severity))

    def _in_article(self) -> bool:
        """Inside an article or one of its khoản and điểm. Outside quotations khoản and điểm
        are only opened inside an article and the stack goes down in level, so the innermost
        open unit tells (quotations ask ``self.quoted`` first)."""
        return LEVEL.get(self.stack[-1].kind, -1) >= LEVEL["article"]

    def _is_furniture(self, p: str) -> bool:
        """A page's furniture left in a text taken from a PDF: a bare page number ("4", "- 4 -")
        or a running header, a short line with a date printed three times or more ("DỰ THẢO 2 -
        15/10/2026", "CÔNG BÁO/Số 15 + 16/Ngày 10-01-2026"); looked past where a heading's title
        is sought."""
        if _PAGE_ONLY_RE.match(p):
            return True
        if len(p) > _HEADER_CHARS or not _DATE_RE.search(p):
            return False
        if self._repeated is None:
            seen: dict[str, int] = {}
            for q in self.probes:
                if 0 < len(q) <= _HEADER_CHARS and _DATE_RE.search(q):
                    seen[q] = seen.get(q, 0) + 1
            self._repeated = {q for q, n in seen.items() if n >= 3}
        return p in self._repeated

    def _expected(self, kind: str) -> int:
        prev = self.last_key.get(kind)
        return prev[0] + 1 if prev else 1

    # ---------------------------------------------------------------- headings
    def match_heading(self, i: int) -> Heading | None:
        p = self.probes[i]
        if not p:
            return None
        h = self._heading(i, p) if p[0] in "PpCcMmTtĐđ" else None
        if h is None and may_be_label(p[0]) and MISSPELT_LABEL_RE.match(p):
            h = self._misspelt(i, p)
        if h is None and p[0] in "PpCcMm" and MISREAD_ROMAN_RE.match(p):
            h = self._misread_roman(i, p)
        if h is None and not p[0].isalnum() and not self.quoted:
            h = self._behind_specks(i, p)
        if h is not None and h.kind == "article" and h.num.endswith("l") and not self.quoted:
            self._misread_article(h)
        return h

    def _behind_specks(self, i: int, p: str) -> Heading | None:
        """A heading a scan's text layer printed behind specks read as marks (": Chương II",
        ". _ Chương IV", "_Điều 1."): read without them, and taken only with the expected number
        or the one after it (and for Phần/Chương/Mục an upper-case title), so that a list item
        ("- Điều 5 của Luật này …") stays text."""
        m = _SPECKS_RE.match(p)
        if m is None:
            return None
        h = self._heading(i, p[m.end():])
        if h is None or h.kind == "subsection" or (h.kind != "article" and not _titled_in_capitals(h)):
            return None
        return h if self._in_sequence(h, skipped=1) else None

    def _heading(self, i: int, p: str) -> Heading | None:
        c = p[0].lower()
        if c == "p":
            return self._part(i, p)
        if c == "c":
            return self._container(i, p, "chapter", CHAPTER_RE)
        if c == "m":
            return self._container(i, p, "section", SECTION_RE)
        if c == "t":
            return self._container(i, p, "subsection", SUBSECTION_RE)
        return self._article(p)

    def _misspelt(self, i: int, p: str) -> Heading | None:
        """A heading whose label is misspelt ("Chưong II", "Điêu 5.", "Dieu 5."): read with the
        right label, and taken only with a title (upper case for Phần/Chương/Mục) and the
        expected number, so that other words folding alike ("Mức 1: phạt…") stay text."""
        word = MISSPELT_LABEL_RE.match(p).group(1)
        hit = FOLDED_LABELS.get(fold_label(word))
        if hit is None or word.casefold() == hit[1].casefold():
            return None
        kind, label = hit
        fixed = label + p[len(word):]
        if kind == "part":
            h = self._part(i, fixed)
        elif kind == "article":
            h = self._article(fixed)
        else:
            h = self._container(i, fixed, kind, CHAPTER_RE if kind == "chapter" else SECTION_RE)
        if h is None or not h.heading or (kind != "article" and not is_upper_title(h.heading)):
            return None
        key, prev = num_key(h.num, kind), self.last_key.get(kind)
        if key is None or not (key[0] == self._expected(kind) or (prev and key[0] == prev[0] and key > prev)):
            return None
        h.misspelt = word
        return h

    def _misread_roman(self, i: int, p: str) -> Heading | None:
        """A Phần, Chương or Mục whose Roman number a scan printed with l for I ("Chương lV",
        "CHƯƠNG Vl"): read with I, and taken only with an upper-case title and the expected
        number, so that a word ("Chương là …") stays text."""
        m = MISREAD_ROMAN_RE.match(p)
        printed = m.group("num")
        h = self._heading(i, p[:m.start("num")] + printed.replace("l", "I") + p[m.end("num"):])
        if h is None or h.kind not in ("part", "chapter", "section") or not _titled_in_capitals(h) \
                or not self._in_sequence(h):
            return None
        h.misread = printed
        return h

    def _in_sequence(self, h: Heading, skipped: int = 0) -> bool:
        """The heading's number is the one expected of its kind, or at most ``skipped`` after it
        (headings a scan lost)."""
        key = num_key(h.num, h.kind)
        return key is not None and 0 <= key[0] - self._expected(h.kind) <= skipped

    def _misread_article(self, h: Heading) -> None:
        """An article number a scan printed with l for 1 ("Điều 2l."): read as 21 when that is the
        expected number (an inserted "Điều 20l" stays as it is)."""
        fixed = h.num[:-1] + "1"
        if fixed.isdecimal() and int(fixed) == self._expected("article"):
            h.misread, h.num = h.num, fixed

    def _title_after(self, i: int, parts: list[str] | None = None) -> tuple[str, int]:
        """Title lines after a bare Phần/Chương/Mục line: up to three upper-case lines (more
        while a line leaves the title unfinished, ending with a comma or "VÀ": Luật Đất đai 2024
        Chương XV has four; or fills its printed line: a centred title a PDF wrapped over four
        lines, :func:`_wrapped`), or one short mixed-case line. With
        ``parts`` (a title begun on the heading's own line), only lines that finish it. Gives
        (title, lines consumed including the heading line)."""
        parts = list(parts or [])
        free = len(parts) or 3  # lines taken without asking whether the title goes on
        j = i + 1
        end = i + 1
        while j < len(self.lines) and len(parts) < 8 and (
                len(parts) < free or leaves_title_unfinished(parts[-1])
                or len(parts) >= 3 and _wrapped(parts)):
            p = self.probes[j]
            if not p or self._is_furniture(p):
                j += 1
                continue
            if (self._any_heading(p) or PARAGRAPH_RE.match(p) or POINT_RE.match(p)
                    or amend.opens_quote(p)):
                break
            if is_upper_title(p):
                parts.append(p)
                j += 1
                end = j
                continue
            if not parts and starts_upper(p) and len(p) <= 200 and p[-1] not in ".;:,":
                parts.append(p)
                end = j + 1
            break
        return " ".join(parts), end - i

    def _any_heading(self, p: str) -> bool:
        """Does ``p`` start like a heading, its label spelt right or not ("Muc 1.", "Dieu 5.")?"""
        if PART_RE.match(p) or CHAPTER_RE.match(p) or SECTION_RE.match(p) or SUBSECTION_RE.match(p) \
                or ARTICLE_RE.match(p):
            return True
        m = MISSPELT_LABEL_RE.match(p)
        return m is not None and fold_label(m.group(1)) in FOLDED_LABELS

    def _same_line_title_ok(self, rest: str) -> bool:
        if not starts_upper(rest) or REFERENCE_FOLLOWER_RE.match(rest):
            return False
        if is_upper_title(rest):
            return True
        return not _REF_LABEL_RE.match(rest) and not _THIS_RE.search(rest)

    def _part(self, i: int, p: str) -> Heading | None:
        m = PART_RE.match(p)
        if not m:
            return None
        num = f"thứ {m.group('ord').lower()}" if m.group("ord") else m.group("num")
        rest = m.group("rest")
        if rest[:1].isalnum():
            return None
        title = strip_separator(rest)
        if title and not self._same_line_title_ok(title):
            return None
        if title:
            return None if is_gazette_section(p) else Heading("part", num, title)
        title, used = self._title_after(i)
        return Heading("part", num, title, used)

    def _container(self, i: int, p: str, kind: str, rx) -> Heading | None:
        m = rx.match(p)
        if not m:
            return None
        num, rest = m.group("num"), m.group("rest")
        if rest[:1].isalpha():
            return self._glued(kind, num, rest)
        if rest[:1].isdigit():
            return None
        title = strip_separator(rest)
        if title:
            if not self._same_line_title_ok(title):
                return None
            if is_upper_title(title) and leaves_title_unfinished(title):  # "… VỀ THỦY SẢN VÀ" / "LỰC LƯỢNG …"
                return Heading(kind, num, *self._title_after(i, [title]))
            return Heading(kind, num, title)
        if rest.strip()[:1] == ",":
            return None
        title, used = self._title_after(i)
        return Heading(kind, num, title, used)

    def _glued(self, kind: str, num: str, rest: str) -> Heading | None:
        """A number glued to an upper-case title ("Chương IVTRÍ TUỆ NHÂN TẠO", "Mục 1QUY ĐỊNH
        CHUNG", as many vbpl .docx files print them): accepted when the number is the expected
        one. A Roman number may have swallowed the title's first letters ("Chương IICÁC…",
        "Chương VDOANH…"): each split is tried."""
        expected = self._expected(kind)
        if num.isdecimal():
            splits = [(num, rest)]
        else:
            splits = [(num[:k], num[k:] + rest) for k in range(len(num), 0, -1)]
        for head, title in splits:
            value = int(head) if head.isdecimal() else roman_to_int(head)
            if value == expected and title[0].isupper() and is_upper_title(title):
                return Heading(kind, head, title.strip())
        return None

    def _article(self, p: str) -> Heading | None:
        m = ARTICLE_RE.match(p)
        if not m:
            return None
        num, rest = m.group("num"), m.group("rest")
        if not rest.strip():
            return Heading("article", num, "")
        first = rest[0]
        if first.isspace() and rest.lstrip()[:1] in ".:" + _DASHES:
            first = rest.lstrip()[0]  # "Điều 5 - Phạm vi", "Điều 12 . Đơn vị bầu cử" (copied from a page)
        if first in ".:" + _DASHES:
            title = strip_separator(rest)
            if title and not starts_upper(title) and not title[0].isdigit():
                if first in _DASHES and not (DASH_FOLLOWER_RE.match(title) or _REF_LABEL_RE.match(title)):
                    return Heading("article", num, title, weak=True)  # "Điều 5 - phạm vi": in sequence
                return None  # "Điều 5. của" — not a heading
            return Heading("article", num, title)
        if first.isspace():
            title = rest.strip()
            if REFERENCE_FOLLOWER_RE.match(title) or not starts_upper(title) or _REF_LABEL_RE.match(title):
                return None
            return Heading("article", num, title, weak=True)
        if first.isalpha() and first.isupper():  # "Điều 5Phạm vi" (lost separator)
            return Heading("article", num, rest.strip(), weak=True)
        return None

    # ---------------------------------------------------------------- numbering
    def _next_key(self, i: int, kind: str) -> tuple | None:
        """Number of the next heading of ``kind`` after line ``i`` (a cheap look-ahead)."""
        for j in range(i + 1, len(self.lines)):
            p = self.probes[j]
            if p and p[0] in "CcĐđPpMm":
                h = self.match_heading(j)
                if h and h.kind == kind:
                    return num_key(h.num, kind)
        return None

    def _is_reference(self, i: int, h: Heading) -> bool:
        """An out-of-sequence Điều/Chương whose next sibling continues the old sequence is a
        cross-reference that happens to start a line."""
        if self.quoted or h.kind not in ("article", "chapter", "part") or self._restarts(h.kind, h.num):
            return False
        key, prev = num_key(h.num, h.kind), self.last_key.get(h.kind)
        if key is None:
            return True
        if prev is None:
            return h.weak and key[0] != 1
        in_sequence = key[0] in (prev[0], prev[0] + 1) and key > prev
        if in_sequence:
            return False
        if h.weak:
            return True
        nxt = self._next_key(i, h.kind)
        if nxt is None:
            return False
        continues_old = prev < nxt and nxt[0] <= prev[0] + 1
        continues_new = key < nxt and nxt[0] <= key[0] + 1
        return continues_old and not continues_new

    def _check_sequence(self, kind: str, num: str, line: int | None) -> None:
        key = num_key(num, kind)
        last_key = self.last_key
        prev = last_key.get(kind)
        if key is not None:
            last_key[kind] = key
        for k in RESETS.get(kind, ()):
            last_key.pop(k, None)
        if self.quoted or key is None or (prev is not None and key[0] == prev[0] + 1):
            return  # the usual case: the next number
        severity = "warning" if kind in HEADING_KINDS else "info"
        name = NAMES[kind]
        if prev is None:
            if kind == "chapter" and key == (2, "") and self.own_articles:
                return  # articles before Chương II: a lost "Chương I" (parse_source infers it)
            if key[0] != 1 and not key[1]:
                self._problem("structure.numbering_gap", f"{name} numbering starts at {num}", line, severity)
            return
        if key == prev:
            self._problem("structure.numbering_duplicate", f"{name} {num} appears twice in a row", line, severity)
        elif key < prev:
            self._problem("structure.numbering_order", f"{name} {num} comes after a higher number", line, severity)
        elif key[0] > prev[0] + 1:
            self._problem("structure.numbering_gap",
                          f"{name} numbering jumps to {num}: {key[0] - prev[0] - 1} missing", line, severity)

    # ---------------------------------------------------------------- tree building
    def _restarts(self, kind: str, num: str) -> bool:
        """"Chương I" as the first chapter of a Phần: chapter numbers start again in each part
        (some codes number them so); the sequence check starts anew."""
        return kind == "chapter" and self.part_fresh and num_key(num, kind) == (1, "")

    def _open(self, kind: str, num: str, heading: str, line: Line, attrs: dict | None = None) -> Unit:
        # positional (kind, num, heading, eid, line, content, children, attrs): ~100k units a corpus
        if kind == "chapter":
            if self.part_fresh and self._restarts(kind, num):
                self.last_key.pop("chapter", None)
            self.part_fresh = False
        elif kind == "part":
            self.part_fresh = True
        unit = Unit(kind, num, heading, "", line.lineno, [], [], attrs or {})
        level = LEVEL[kind]
        stack = self.stack
        while len(stack) > 1 and LEVEL.get(stack[-1].kind, -1) >= level:
            stack.pop()
        stack[-1].children.append(unit)
        stack.append(unit)
        self._check_sequence(kind, num, line.lineno)
        return unit

    def _add_quote(self, i: int, j: int, instruction: str) -> None:
        parent = self.stack[-1]
        sub = LineParser(amend.strip_quotes(self.lines[i:j + 1]), self.problems, quoted=True,
                         doc_title=self.doc_title)
        q = sub.run()
        q.num = str(sum(c.kind == "quoted" for c in parent.children) + 1)
        q.line = self.lines[i].lineno
        context = []
        for u in reversed(self.stack[1:]):
            context.append(u.heading if u.heading else (u.content[0].text if u.content else ""))
        q.attrs = amend.instruction_attrs(instruction, context, self.doc_title)
        parent.children.append(q)

    def _inserted_article(self, p: str, instruction: str) -> bool:
        """"Điều 29b. …" with no opening quote after "Bổ sung Điều 29a và Điều 29b vào sau Điều
        29 như sau:" (Luật 90/2025/QH15): an article with a letter suffix that the instruction
        names is the quoted text going on, not an article of the amending law."""
        if self.quoted or p[0] not in "Đđ":
            return False
        m = ARTICLE_RE.match(p)
        if not m or m.group("num").isdecimal():
            return False
        return re.search(rf"(?i:{_ARTICLE_WORDS})\s+{re.escape(m.group('num'))}(?!\w)", instruction) is not None

    def _start_closing(self, i: int) -> None:
        self.closing_line = self.lines[i].lineno
        self._stack_before_closing = list(self.stack)
        self._closing_start = len(self.closing)
        del self.stack[1:]

    def _cancel_closing(self) -> None:
        """A real heading after the "closing" lines: they were text of the last unit after all."""
        self.stack = self._stack_before_closing
        self.stack[-1].content.extend(self.closing[self._closing_start:])
        del self.closing[self._closing_start:]
        self.closing_line = None
        self.annex_line = None

    def _is_closing(self, p: str) -> bool:
        if self.quoted or self.own_articles == 0:
            return False
        if _CLOSING_RE.match(p):
            return True
        return p.strip(" .") in _SIGNATURES and p.upper() == p

    def run(self) -> Unit:
        n = len(self.lines)
        i = 0
        last_text = ""  # last non-empty line of the flow (an instruction ends with ":")
        titled = None  # last_text when it is an article title that is an instruction
        after_quote = False
        while i < n:
            p = self.probes[i]
            if not p:
                i += 1
                continue
            if self.own_articles and not self.quoted and p[0] in attach.FIRST_LETTERS:
                issued = attach.issued_text(self.probes, i)
                if issued is not None:
                    i += self._begin_issued(i, issued)
                    continue
            if self.closing_line is not None and self._stays_closing(i, p):
                i += 1
                continue
            if (after_quote or last_text.endswith(":") or last_text is titled) \
                    and self._opens_quote(p, last_text):
                j = self._quote_end(i)
                self._add_quote(i, j, last_text)
                after_quote = True
                i = j + 1
                continue
            after_quote = False
            h = self._heading_at(i)
            if h:
                self._open_heading(h, self.lines[i])
                last_text = h.heading or p
                # an article whose title is the instruction ("Sửa đổi, bổ sung khoản 1 Điều 17")
                titled = last_text if h.kind == "article" and amend.announces(last_text) else None
                i += h.consumed
                continue
            if self._is_closing(p):
                self._start_closing(i)
                continue
            self._body_line(self.lines[i], p)
            last_text = p
            i += 1
        self._titles_below_numbers()
        self._report_headings()
        return self.root

    def _titles_below_numbers(self) -> None:
        """Article numbers printed alone with the title on the next line(s) ("Điều 18." /
        "Đăng ký khai sinh trực tuyến", as text taken from some PDFs prints them): when most of
        the untitled articles open with a title-like run (:meth:`_title_run`), each such run is
        taken as its article's title. An untitled article whose text starts with a sentence
        (a constitution's) keeps it."""
        if self.quoted or len(self.untitled) < 2:
            return
        runs = [(a, self._title_run(a)) for a in self.untitled]
        found = [(a, run) for a, run in runs if run]
        if 3 * len(found) < 2 * len(self.untitled):
            return
        for article, run in found:
            taken = set(map(id, run))
            article.heading = " ".join(probe_text(ln.text) for ln in run)
            article.content = [ln for ln in article.content if id(ln) not in taken]
        self.untitled = [a for a in self.untitled if not a.heading]

    def _title_run(self, article: Unit) -> list[Line]:
        """The lines that open an untitled article's text and read as its title: the first line
        (page furniture aside) starts in upper case, lines after it go on in lower case, at most
        three and 250 characters; not ended as a sentence is (".;:,"), and followed by the
        article's text (a line in upper case, or its khoản)."""
        kept = [(ln, p) for ln in article.content if (p := probe_text(ln.text)) and not self._is_furniture(p)]
        probes = [p for _, p in kept]
        if not probes or not starts_upper(probes[0]):
            return []
        end = 1
        while end < len(probes) and probes[end][0].islower() and probes[end - 1][-1] not in _SENTENCE_END:
            end += 1
        title = " ".join(probes[:end])
        if end > 3 or len(title) > 250 or title[-1] in _SENTENCE_END:
            return []
        followed = starts_upper(probes[end]) if end < len(probes) else any(
            c.kind == "paragraph" for c in article.children)
        return [ln for ln, _ in kept[:end]] if followed else []

    def _begin_issued(self, i: int, issued: attach.IssuedText) -> int:
        """A text issued with the document begins at line ``i``: an annex is closing text (kept
        apart, not parsed); a regulation opens an attachment, a body of its own whose Chương
        and Điều are numbered anew. Gives the number of heading lines taken."""
        lines = self.lines[i:i + issued.consumed]
        if issued.kind == "annex":
            if self.closing_line is None:
                self._start_closing(i)
            if self.annex_line is None:
                self.annex_line = lines[0].lineno
            self.closing.extend(lines)
            return issued.consumed
        self.closing_line = None  # the signature before it stays in the closing text
        del self.stack[1:]
        number = sum(c.kind == "attachment" for c in self.root.children) + 1
        unit = Unit("attachment", str(number), issued.title, "", lines[0].lineno,
                    self.lines[issued.issued_line:i + issued.consumed], [], {"name": issued.name})
        self.root.children.append(unit)
        self.stack.append(unit)
        self.last_key = {}
        self.part_fresh = False
        return issued.consumed

    def _stays_closing(self, i: int, p: str) -> bool:
        """After the signature a line stays in the closing text unless a higher Điều/Chương says
        the document goes on (then the closing is cancelled); once an annex has begun ("PHỤ
        LỤC", "Mẫu số 01"), its model forms' "Điều 5" do not."""
        h = self.match_heading(i) if self.annex_line is None else None
        if h and h.kind in ("part", "chapter", "article") and not self._is_reference(i, h):
            key, last = num_key(h.num, h.kind), self.last_key.get(h.kind)
            if key and last and key > last:
                self._cancel_closing()  # the document goes on after all
                return False
        if self.annex_line is None and _ANNEX_RE.match(p):
            self.annex_line = self.lines[i].lineno
        self.closing.append(self.lines[i])
        return True

    def _quote_end(self, i: int) -> int:
        """Where the quotation opened at line ``i`` ends. When its quotes do not balance (the
        Gazette left out a closing ”), it ends before the amending text's own next article at
        the latest ("Điều 3." right after the instruction Điều 2)."""
        j, balanced = amend.quote_end(self.lines, i)
        if balanced or self.quoted:
            return j
        want = self._expected("article")
        for k in range(i + 1, j + 1):
            p = self.probes[k]
            if p[:1] in "Đđ" and (m := ARTICLE_RE.match(p)) and m.group("num") == str(want):
                return k - 1
        return j

    def _opens_quote(self, p: str, instruction: str) -> bool:
        """A quotation opens here, after an instruction ending with ":" (or another quotation)."""
        return ((amend.opens_quote(p) or self._inserted_article(p, instruction))
                and (self.quoted or self._in_article()))

    def _heading_at(self, i: int) -> Heading | None:
        """The heading line ``i`` opens, if it is not a cross-reference starting a line."""
        h = self.match_heading(i)
        if h and self._is_reference(i, h):
            self._problem("structure.reference_line",
                          f"line starting with {NAMES[h.kind]} {h.num} read as a cross-reference, "
                          "not a heading", self.lines[i].lineno, "info")
            return None
        return h

    def _open_heading(self, h: Heading, line: Line) -> None:
        if h.misspelt:
            self.misspelt.setdefault((h.misspelt, NAMES[h.kind]), [line.lineno, 0])[1] += 1
        if h.misread:
            self.misread.append((h.misread, h.num, line.lineno))
        unit = self._open(h.kind, h.num, h.heading, line, h.attrs)
        if h.kind == "article":
            self.own_articles += 1
            if not h.heading:
                self.untitled.append(unit)
        elif not h.heading:
            self._problem("structure.heading_without_title",
                          f"{NAMES[h.kind]} {h.num} has no title", line.lineno)

    def _body_line(self, line: Line, p: str) -> None:
        """A line of text: a khoản or điểm inside an article (or a quotation), else a line of the
        innermost open unit."""
        if self.quoted or self._in_article():
            m = PARAGRAPH_RE.match(p)
            if m:
                self._open("paragraph", m.group("num"), "", line).content.append(line)
                return
            m = POINT_RE.match(p)
            if m:
                self._open("point", m.group("num"), "", line).content.append(line)
                return
            if p[0].isdigit() and not self.quoted and self._stopless_paragraph(p, line):
                return
        self.stack[-1].content.append(line)

    def _stopless_paragraph(self, p: str, line: Line) -> bool:
        """"1 Cá nhân …": a khoản printed without the full stop after its number (Luật Công nghệ
        thông tin 2006), read as one only in sequence - the khoản after the article's last, or
        khoản 1 right at the start of an article (or after its lead-in ending with ":") - and
        before a capitalised word, so that a sentence opening with a number stays text."""
        m = STOPLESS_PARAGRAPH_RE.match(p)
        if not m or not p[m.end()].isupper():
            return False
        article = next(u for u in reversed(self.stack) if u.kind == "article")
        kids = [c for c in article.children if c.kind == "paragraph"]
        num = int(m.group("num"))
        if kids:
            prev = num_key(kids[-1].num, "paragraph")
            ok = prev is not None and num == prev[0] + 1
        else:
            ok = num == 1 and self.stack[-1] is article and (
                not article.content or article.content[-1].text.rstrip().endswith(":"))
        if ok:
            self._open("paragraph", m.group("num"), "", line, {"stopless": True}).content.append(line)
            self.stopless += 1
        return ok

    def _report_headings(self) -> None:
        if self.stopless:
            self._problem("structure.stopless_paragraph",
                          f"{self.stopless} khoản printed without the full stop after the number "
                          "(\"1 Cá nhân …\") read in sequence", None, "info")
        for (word, label), (first, count) in self.misspelt.items():
            self._problem("structure.misspelt_label",
                          f"heading label “{word}” read as “{label}” ({count} heading(s), first at "
                          f"line {first})", first)
        for printed, num, line in self.misread:
            self._problem("structure.misread_number",
                          f"heading number “{printed}” read as “{num}” (a scan's l for I or 1)", line)
        if self.untitled and not self.quoted:
            self._problem("structure.untitled_articles",
                          f"{len(self.untitled)} article(s) have no title (normal in constitutions)",
                          self.untitled[0].line, "info")
