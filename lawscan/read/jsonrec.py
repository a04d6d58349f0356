"""JSON record reader.

``read_json(path, text, encoding, limits)`` turns a JSON record of a law into lines of canonical
law text, so the one structure parser handles it. Three shapes are known (others are refused):

* split records ``{"id", "sourceUrl", "chapters": [{"title": "CHƯƠNG I", "subtitle": "…",
  "articles": [{"number": "Điều 1", "heading": "…", "body": "1. …\\na) …"}]}]}`` (also a bare
  ``"articles"`` list): each chapter gives "Chương I" (``raw`` keeps "CHƯƠNG I") and its title
  line, each article "Điều 1. Phạm vi điều chỉnh" and one line per body line. A chapter title
  that is not a real Chương/Phần label (the "PHẦN MỞ ĐẦU" pseudo-chapter of amending laws) gives
  no heading, with an info Problem. A record with a "title" and a "subtitle" ("QUYẾT ĐỊNH" over
  "Ban hành Quy chế …"), or a "title" holding both on two lines, opens with those lines (its
  printed heading), after its printed "header" (issuer, motto, number, date) and before its
  "preamble" (legal bases, enacting sentence), where it keeps them; its ``"attachments"`` in
  the same shape (a regulation the decision issues, with its name lines: "title", "subtitle",
  "note") are read after its own articles; an attachment that only describes a file is left
  alone. The record may sit inside an envelope (``"content"``, ``"data"`` › ``"content"``),
  found through nested objects (or a list of one), never in a list of several, with an info
  Problem naming the field.
* full-text records ``{"_id", "title", "text": "…\\n\\n…", "document_number", "url", …}``: one
  line per non-blank line of ``text`` (or of ``content``, where other exporters put it). A
  record that has neither but keeps the whole text in another field (an export with
  Vietnamese field names: ``"noi_dung"``, ``"toan_van"``) is read from the longest string of
  several lines in which an article begins a line ("Điều 1."), with an info Problem naming the
  field; an HTML string there (an API's "text/html" content, "<p>Điều 1. …</p>") is read as a
  page is, by the HTML reader. The string may sit in nested objects (an open-data portal's
  envelope, ``"result"`` › ``"toan_van"`` › ``"noi_dung"``; a database's ``"du_lieu"``: [one
  record]), but never in a list of several: there it is one of several records, and which is
  the law cannot be told, so such a file is refused.
* records split into units under Vietnamese key names ("chuong" › "muc" › "dieu" › "khoan" ›
  "diem", with "so_dieu", "tieu_de", "noi_dung" …) or English ones ("unit_type": "chapter",
  "number", "heading", "body"), where neither shape above holds the text: read by
  :mod:`lawscan.read.jsontree`.

``lineno`` is the line of the JSON file holding the string the line comes from (1 for a file on
one line). The record's identifiers (id, number, title, url, dates, type) go to ``Source.meta``,
also where it keeps them under Vietnamese names ("trichYeu", "soKyHieu": ``jsontree.record_meta``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict, deque
from functools import lru_cache

from lawscan.errors import ReadError
from lawscan.model import Line, Problem, Source
from lawscan.read.detect import holds_html, html_flavour
from lawscan.read.jsontree import record_fields, record_meta, read_unit_tree

_TEXT_KEYS = ("text", "content")  # a full-text record's law text, the first of them that has it
_KEY = re.compile(r'"([^"\\\n]{1,64})"\s*:')  # keys are short: bounded work per quote
_HTML_TAG = re.compile(r"<[^>]{0,2000}>")
_CHAPTER_NUM = re.compile(r"^(?:[IVXLCDM]+|\d+)[a-z]?\.?$", re.IGNORECASE)
META_KEYS = {
    "id": "id", "_id": "id", "sourceUrl": "url", "url": "url", "title": "title",
    "document_number": "number", "number": "number", "document_type": "document_type",
    "issuing_authority": "issuer", "date": "date", "effective_date": "effective_date",
    "scrapedAt": "scraped_at", "item_id": "item_id",
}


class _KeyLines:
    """Line numbers of every ``"key":`` of the raw JSON text, consumed in document order."""

    def __init__(self, text: str, after: int = 0):
        self.queues: dict[str, deque] = defaultdict(deque)
        line, pos = 1, 0
        for m in _KEY.finditer(text):
            line += text.count("\n", pos, m.start())
            pos = m.start()
            if line > after:  # the keys of an object that starts on line ``after`` onwards
                self.queues[m.group(1)].append(line)

    def take(self, key: str) -> int:
        q = self.queues.get(key)
        return q.popleft() if q else 1


def _check_depth(value, limit: int, depth: int = 0) -> None:
    stack = [(value, 1)]
    while stack:
        v, d = stack.pop()
        if d > limit:
            raise ValueError(f"nested deeper than {limit} levels")
        if isinstance(v, dict):
            stack.extend((x, d + 1) for x in v.values())
        elif isinstance(v, list):
            stack.extend((x, d + 1) for x in v)


def load_json(path: str, text: str, limits: dict):
    try:
        data = json.loads(text)
    except RecursionError:
        raise ReadError(path, "JSON nested too deeply", "read.depth") from None
    except json.JSONDecodeError as exc:
        raise ReadError(path, f"broken JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
                        "read.json") from None
    try:
        _check_depth(data, int(limits.get("max_depth", 256)))
    except ValueError as exc:
        raise ReadError(path, f"JSON {exc}", "read.depth") from None
    return data


@lru_cache(maxsize=1)
def _labels() -> tuple[dict, re.Pattern, re.Pattern, re.Pattern]:
    """The labels the reader writes (chapter, part and article as lawscan names them, the
    ordinal marker of "Phần thứ ...": structure/vocab.toml) and the patterns of a chapter or part
    title ("CHƯƠNG I", "PHẦN THỨ NHẤT"), of the ordinal after "Phần" and of an article number
    ("Điều 1")."""
    from lawscan.datafiles import load_data_file
    from lawscan.model import VOCAB_PATH, unit_name

    words = {kind: unit_name(kind) for kind in ("chapter", "part", "article")}
    words["part_ordinal"] = load_data_file(VOCAB_PATH)["labels"]["ordinal_marker"]
    chapter = re.compile(rf"^\s*({re.escape(words['chapter'].lower())}|{re.escape(words['part'].lower())})"
                         r"\s+(.+?)\s*$", re.IGNORECASE)
    ordinal = re.compile(rf"^{re.escape(words['part_ordinal'])}\s+\S+", re.IGNORECASE)
    article = re.compile(rf"^\s*{re.escape(words['article'].lower())}\s+", re.IGNORECASE)
    return words, chapter, ordinal, article


def _canonical_chapter(title: str) -> str | None:
    """"Chương I" / "Phần thứ nhất" for a real chapter/part label, else None."""
    words, chapter, ordinal, _ = _labels()
    m = chapter.match(title)
    if not m:
        return None
    word, rest = m.group(1).lower(), m.group(2)
    if word == words["chapter"].lower() and _CHAPTER_NUM.match(rest.split()[0]):
        return f"{words['chapter']} {rest}"
    if word == words["part"].lower() and ordinal.match(rest):
        return f"{words['part']} {rest[0].lower() + rest[1:].lower()}"
    return None


def _article_heading(number: str, heading: str) -> str:
    words, _, _, article = _labels()
    label = words["article"]
    number = number.strip().rstrip(".")
    if not article.match(number):
        number = f"{label} {number}"
    elif not number.startswith(label):
        number = label + number.strip()[len(label):]
    heading = heading.strip()
    return f"{number}. {heading}" if heading else f"{number}."


def _body_lines(body: str, lineno: int) -> list[Line]:
    return [Line(text=part.strip(), lineno=lineno, raw=part) for part in re.split(r"\r\n|\r|\n", body)
            if part.strip()]


def read_json(path: str, text: str, encoding: str | None, limits: dict) -> Source:
    data = load_json(path, text, limits)
    if isinstance(data, list) and len(data) == 1 and isinstance(data[0], dict):
        data = data[0]
    if not isinstance(data, dict):
        raise ReadError(path, "JSON without law text (expected an object with 'text' or 'chapters')",
                        "read.no_text")
    keys = _KeyLines(text)
    source = Source(path=path, format="json", encoding=encoding)
    linenos = {}  # the line of each top-level scalar's key
    for key, value in data.items():
        lineno = keys.take(key) if not isinstance(value, (dict, list)) else None
        linenos[key] = lineno
        if key in META_KEYS and isinstance(value, (str, int)) and str(value).strip():
            source.meta.setdefault(META_KEYS[key], str(value).strip())
        if key in _TEXT_KEYS and isinstance(value, str) and not source.lines:
            source.lines.extend(_body_lines(value, lineno or 1))
    lines = None
    if _has_units(data):
        _read_split_record(data, linenos, keys, source)
    elif not source.lines:
        lines = _line_map(data, text)
        _read_nested_split_record(data, lines, text, source)
    if not source.lines:
        lines = lines or _line_map(data, text)
        _read_text_field(data, lines, source, limits)
        if not source.lines:
            read_unit_tree(data, lines, source)
    for hint, value in record_meta(data).items():
        source.meta.setdefault(hint, value)
    if not source.lines:
        raise ReadError(path, "JSON without law text (no 'text', 'content', 'chapters' or 'articles' "
                              "with text in it, nor units that name their kind ('chuong' or "
                              "'chapter', 'dieu' or 'article'), and no field outside a list of "
                              "several records whose lines begin with an article)", "read.no_text")
    return source


def _line_map(data, text: str) -> dict[int, dict[str, int]]:
    """The line of each key of each object of the record, by the object's ``id``: every key of
    the raw text taken in document order."""
    keys = _KeyLines(text)
    lines: dict[int, dict[str, int]] = {}

    def walk(value) -> None:
        if isinstance(value, dict):
            at = lines.setdefault(id(value), {})
            for key, item in value.items():
                at[key] = keys.take(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return lines


def _text_field(data: dict, lines: dict[int, dict[str, int]]) -> tuple[str, tuple[str, ...], int] | None:
    """Where the record keeps the law's text under names the reader does not know: the longest
    string of several lines in which a line begins with an article label (of an HTML string,
    "<p>Điều 1. …</p>", a line of its text), the path of keys to it and the line of its key.
    The string may sit in nested objects (an open-data portal's envelope: "result" ›
    "toan_van" › "noi_dung"; a list of one record: "du_lieu": [{…, "noi_dung"}]), never inside
    a list of several, where it would be one of several records and which one is the law cannot
    be told."""
    article = re.escape(_labels()[0]["article"])
    begins = re.compile(rf"^\s*{article}\s+\d", re.IGNORECASE | re.MULTILINE)
    found = [(value, path + (key,), lines[id(obj)][key])
             for path, obj, key, value in record_fields(data)
             if isinstance(value, str) and _holds_articles(value, begins)]
    return max(found, key=lambda f: len(f[0])) if found else None


def _holds_articles(value: str, begins: re.Pattern) -> bool:
    """A string of several lines, or of HTML blocks, one of which begins with an article."""
    if _is_html(value):
        return bool(begins.search(_HTML_TAG.sub("\n", value)))
    return "\n" in value and bool(begins.search(value))


def _is_html(value: str) -> bool:
    """A string that holds HTML markup (an API's "text/html" content: "<p>Điều 1. …</p>")."""
    return holds_html(value[:5000])


def _read_text_field(data: dict, lines: dict[int, dict[str, int]], source: Source, limits: dict) -> None:
    field = _text_field(data, lines)
    if field is None:
        return
    value, path, lineno = field
    name = ".".join(path)
    if _is_html(value):
        _read_html_field(value, lineno, source, limits)
        kind = "HTML law text"
    else:
        source.lines.extend(_body_lines(value, lineno))
        kind = "law text"
    message = f"JSON record without 'text' or 'content': its {kind} is read from the field {name!r}"
    source.problems.append(Problem("read.json_text_field", message, line=lineno, severity="info"))


def _read_html_field(value: str, lineno: int, source: Source, limits: dict) -> None:
    """HTML kept in a string of the record: read as a page is (one line per block, tables row
    by row), each line at the line of the string's key."""
    from lawscan.read.html import read_html

    page = read_html(source.path, value, html_flavour(value), None, limits)
    source.lines.extend(Line(text=ln.text, lineno=lineno, raw=ln.raw) for ln in page.lines)
    source.problems.extend(Problem(p.code, p.message, line=lineno, severity=p.severity) for p in page.problems)


def _read_split_record(record: dict, linenos: dict, keys: _KeyLines, source: Source) -> None:
    """A record split into chapters or articles: its printed header and heading, its units,
    then the documents issued with it."""
    if "header" in record:
        _read_header(record["header"], keys.take("header"), source)
    _read_heading(record, linenos, source)
    _read_units(record, keys, source)
    attachments = record.get("attachments")
    for attachment in attachments if isinstance(attachments, list) else ():
        if isinstance(attachment, dict):
            _read_attachment(attachment, keys, source)


def _read_nested_split_record(data: dict, lines: dict[int, dict[str, int]], text: str,
                              source: Source) -> None:
    """A split record inside an envelope ("content": {"header", "title", "preamble",
    "articles", "attachments"}), found through nested objects (and lists of one), never in a
    list of several: read as a split record at the top is, each line at the line of its key,
    with an info Problem naming where it was found."""
    found = next(((path + (key,), obj, value) for path, obj, key, value in record_fields(data)
                  if isinstance(value, dict) and _has_units(value)), None)
    if found is None:
        return
    path, parent, record = found
    at = lines[id(parent)][path[-1]]
    keys = _KeyLines(text, after=at)
    _read_split_record(record, _take_all(record, keys), keys, source)
    if source.lines:
        name = ".".join(path)
        source.problems.append(Problem(
            "read.json_nested_record", f"JSON record split into units inside the field {name!r}",
            line=at, severity="info"))


def _read_header(header, lineno: int, source: Source) -> None:
    """A split record's printed "header" (issuer, national motto, number, place and date: an
    object of strings, or one string), before its title."""
    for part in header.values() if isinstance(header, dict) else [header]:
        if isinstance(part, str) and part.strip():
            source.lines.extend(_body_lines(part, lineno))


def _read_heading(data: dict, linenos: dict, source: Source) -> None:
    """A split record's printed heading: its "title" (the kind's name: "QUYẾT ĐỊNH") and its
    "subtitle" (the subject: "Ban hành Quy chế …"), or a "title" holding both on two lines,
    are its first lines, read as a text's header is, not as a record title (a record without
    a subtitle keeps a one-line title as the record's); then its "preamble" (the legal bases
    and the enacting sentence: a string or a list of them)."""
    title, subtitle = data.get("title"), data.get("subtitle")
    if isinstance(title, str) and isinstance(subtitle, str) and title.strip() and subtitle.strip():
        source.meta.pop("title", None)
        source.lines.append(Line(text=title.strip(), lineno=linenos.get("title") or 1, raw=title))
        source.lines.append(Line(text=subtitle.strip(), lineno=linenos.get("subtitle") or 1, raw=subtitle))
    elif isinstance(title, str) and "\n" in title.strip():
        source.meta.pop("title", None)
        source.lines.extend(_body_lines(title, linenos.get("title") or 1))
    preamble = data.get("preamble")
    for part in preamble if isinstance(preamble, list) else [preamble]:
        if isinstance(part, str) and part.strip():
            source.lines.extend(_body_lines(part, linenos.get("preamble") or 1))


def _has_units(item: dict) -> bool:
    """Whether a record (or an attachment of one) is split into "chapters" or "articles"."""
    return isinstance(item.get("chapters"), list) or isinstance(item.get("articles"), list)


def _read_units(item: dict, keys: _KeyLines, source: Source) -> None:
    if isinstance(item.get("chapters"), list):
        _read_chapters(item["chapters"], keys, source)
    elif isinstance(item.get("articles"), list):
        _read_articles(item["articles"], keys, source)


def _read_attachment(attachment: dict, keys: _KeyLines, source: Source) -> None:
    """A document issued with the record's own (a regulation a decision issues) in the record's
    shape: its name lines ("QUY CHẾ", its subject, "(Ban hành kèm theo Quyết định số …)"), then
    its chapters or articles, after the record's. An attachment that is a file's description
    (its name and format) has neither and is left alone."""
    if not _has_units(attachment):
        return
    at = _take_all(attachment, keys)
    for key in ("title", "subtitle", "note"):
        value = attachment.get(key)
        if isinstance(value, str) and value.strip():  # "QUY CHẾ\nLÀM VIỆC …": two lines
            source.lines.extend(_body_lines(value, at.get(key, 1)))
    _read_units(attachment, keys, source)


def _take_all(item: dict, keys: _KeyLines) -> dict:
    """Line of each scalar value of ``item`` (consuming them in order)."""
    return {k: keys.take(k) for k, v in item.items() if not isinstance(v, (dict, list))}


def _read_chapters(chapters: list, keys: _KeyLines, source: Source) -> None:
    for chapter in chapters:
        if not isinstance(chapter, dict):
            continue
        at = _take_all(chapter, keys)
        title = str(chapter.get("title") or "").strip()
        subtitle = str(chapter.get("subtitle") or "").strip()
        label = _canonical_chapter(title) if title else None
        if label:
            source.lines.append(Line(text=label, lineno=at.get("title", 1), raw=title))
            if subtitle:
                source.lines.append(Line(text=subtitle, lineno=at.get("subtitle", 1), raw=subtitle))
        elif title or subtitle:
            words = _labels()[0]
            source.problems.append(Problem(
                "read.pseudo_chapter", f"JSON chapter {title or subtitle!r} is not a "
                                       f"{words['chapter']}/{words['part']} heading; its "
                                       "articles are read without one",
                line=at.get("title"), severity="info"))
        if isinstance(chapter.get("articles"), list):
            _read_articles(chapter["articles"], keys, source)


def _read_articles(articles: list, keys: _KeyLines, source: Source) -> None:
    for article in articles:
        if not isinstance(article, dict):
            continue
        at = _take_all(article, keys)
        number = str(article.get("number") or "").strip()
        heading = str(article.get("heading") or "").strip()
        if number:
            text = _article_heading(number, heading)
            source.lines.append(Line(text=text, lineno=at.get("number", 1), raw=f"{number} {heading}".strip()))
        elif heading:
            source.lines.append(Line(text=heading, lineno=at.get("heading", 1)))
        body = article.get("body")
        if isinstance(body, str):
            source.lines.extend(_body_lines(body, at.get("body", 1)))
        for nested in ("articles", "clauses", "children"):
            if isinstance(article.get(nested), list):
                _read_articles(article[nested], keys, source)
