"""JSON records split into units under Vietnamese key names (or English ones).

``read_unit_tree(data, lines, source) -> bool`` reads a record that a legal database exports
with its units nested by kind under Vietnamese keys (``json_units.toml``: "chuong" › "muc" ›
"dieu" › "khoan" › "diem", each with its number, title and text: "so_dieu", "tieu_de",
"noi_dung"), or kept in one list of units that name their kind ("noi_dung": [{"loai":
"chuong", …}]; "units": [{"unit_type": "chapter", "number", "heading", "body"}]). A unit's
text that prints its heading again ("Chương I\nQUY ĐỊNH CHUNG", "Điều 1. …") gives it once.
Keys are matched in any of the spellings APIs use: "so_dieu", "soDieu", "SoDieu", "so-dieu"
(``snake``). The units may sit in nested objects (an envelope: "du_lieu", "van_ban", a
list of one record), never inside a list of several records. ``lines`` maps each object of the
record (by ``id``) to the line of each of its keys.

It appends the lines of a law text to ``source.lines``, each at the line of the key that holds
it: the printed heading ("phan_dau"), the legal bases and enacting sentence kept beside the
units, then "Chương I" and its title, "Mục 1" and its title, "Điều 1. Title", the article's
words before its khoản, "1. …", "a) …"; and an info Problem naming where the units were found.
Of several lists of units (a table of contents beside the text: "muc_luc") the one with the most
text is read; one without any text is no law's text. Returns whether it read a list.

``record_fields(data)`` walks a record's fields through nested objects (and a list of one),
never through a list of several; the JSON reader's search for a full text under a name of the
exporter's own uses it too. ``record_meta(data)`` gives the record's identifiers kept under
Vietnamese names ("trichYeu", "soKyHieu", "loaiVanBan": ``[meta]``) as ``Source.meta`` names
them ("title", "number", "document_type"), for a record of any shape.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from lawscan.datafiles import load_data_file
from lawscan.fold import fold_label
from lawscan.model import Line, Problem, Source, unit_name

KEYS_PATH = Path(__file__).with_name("json_units.toml")
_CAMEL_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
HEADINGS = ("part", "chapter", "section", "subsection")


@lru_cache(maxsize=1)
def _vocab() -> tuple[dict[str, str], dict[str, list[str]]]:
    """The kind each list key names ("dieu" -> "article") and the field names."""
    data = load_data_file(KEYS_PATH)
    kind_of = {key: kind for kind, keys in data["kinds"].items() for key in keys}
    return kind_of, data["fields"]


def record_fields(data: dict, path: tuple[str, ...] = ()):
    """(path, object, key, value) of every field of ``data`` and of the objects nested in it,
    depth first in document order, through objects and through a list that holds one object
    which is not a unit (an API's envelope: "du_lieu": [record], "so_ban_ghi": 1); never through
    a list of several objects, each one record of several, where which is the law cannot be
    told. ``path`` leads to the object ("du_lieu[0]" for the object in a list)."""
    for key, value in data.items():
        yield path, data, key, value
        if isinstance(value, dict):
            yield from record_fields(value, path + (key,))
        elif _one_record(key, value):
            yield from record_fields(value[0], path + (f"{key}[0]",))


def record_meta(data: dict) -> dict[str, str]:
    """The record's identifiers under the Vietnamese names of ``[meta]``: for each, the field
    nearest the top of the record (the first of those as near), kept when it holds a number or
    a string that is not blank. A draft's own "ngay_ban_hanh": null is not filled from the
    decree it replaces ("van_ban_thay_the": [{"ngay_ban_hanh": "2016-07-01"}])."""
    names = {name: hint for hint, names in _meta_names().items() for name in names}
    nearest: dict[str, tuple[int, object]] = {}
    for path, _, key, value in record_fields(data):
        hint = names.get(snake(key))
        if hint and (hint not in nearest or len(path) < nearest[hint][0]):
            nearest[hint] = (len(path), value)
    return {hint: " ".join(str(value).split()) for hint, (_, value) in nearest.items()
            if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip()}


@lru_cache(maxsize=1)
def _meta_names() -> dict[str, list[str]]:
    return load_data_file(KEYS_PATH).get("meta", {})


def _one_record(key: str, value) -> bool:
    """A list that holds one object which is not a unit (a chapter list of one chapter is not
    a record)."""
    return (isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict)
            and not _unit_list_kind(key, value)[0])


def snake(key: str) -> str:
    """A key as ``json_units.toml`` writes it: "soDieu", "SoDieu", "so-dieu", "SO_DIEU" -> "so_dieu"."""
    return _CAMEL_HUMP.sub("_", key).replace("-", "_").lower()


def _own_kind(unit: dict) -> str | None:
    kind_of, fields = _vocab()
    found = _field(unit, fields["kind"])
    return kind_of.get(fold_label(found[1])) if found else None


def _unit_list_kind(key: str, value) -> tuple[bool, str | None]:
    """Whether ``value`` (under ``key``) is a list of units, and the kind its key names."""
    if not (isinstance(value, list) and value and all(isinstance(v, dict) for v in value)):
        return False, None
    kind = _vocab()[0].get(snake(key))
    return bool(kind or any(_own_kind(v) for v in value)), kind


def _texts(value) -> int:
    """How many strings of law text (a unit's text or lead) a subtree holds."""
    fields = _vocab()[1]
    if isinstance(value, list):
        return sum(_texts(v) for v in value)
    if not isinstance(value, dict):
        return 0
    own = sum(bool(_lines_of(v)) for k, v in value.items() if snake(k) in fields["text"] + fields["lead"])
    return own + sum(_texts(v) for v in value.values() if isinstance(v, (dict, list)))


def _candidates(data: dict) -> list[tuple[tuple[str, ...], dict, list, str | None]]:
    """(path, parent, list, kind) of each list of units in nested objects, in document order."""
    found = []
    for path, obj, key, value in record_fields(data):
        is_units, kind = _unit_list_kind(key, value)
        if is_units:
            found.append((path + (key,), obj, value, kind))
    return found


def _header(data: dict, keys: list[str]) -> tuple[dict, str, dict | str] | None:
    """(object, key, value) of the printed heading: the first object, or string of text, under
    one of ``keys``, in nested objects ("phan_dau": {"co_quan": …} or "phan_dau": "BỘ TÀI
    CHÍNH\nSố: …\nTHÔNG TƯ\n…")."""
    return next(((obj, key, value) for _, obj, key, value in record_fields(data)
                 if snake(key) in keys and (isinstance(value, dict) or isinstance(value, str)
                                            and value.strip())), None)


class _Writer:
    """Appends a record's strings to ``source.lines`` at the lines of their keys."""

    def __init__(self, lines: dict[int, dict[str, int]], source: Source):
        self.lines, self.source = lines, source

    def add(self, text: str, obj: dict, key: str) -> None:
        lineno = self.lines.get(id(obj), {}).get(key, 1)
        for part in text.splitlines():
            if part.strip():
                self.source.lines.append(Line(text=part.strip(), lineno=lineno, raw=part))

    def heading(self, obj: dict, key: str, value: dict | str) -> None:
        """The printed heading: an object's strings, or a text's lines."""
        if isinstance(value, dict):
            self.strings(value)
        else:
            self.add(value, obj, key)

    def strings(self, obj: dict) -> None:
        """Every string of ``obj`` (and of its lists and objects), in order: a printed heading."""
        for key, value in obj.items():
            if isinstance(value, str):
                self.add(value, obj, key)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, str):
                        self.add(item, obj, key)
            elif isinstance(value, dict):
                self.strings(value)

    def unit(self, unit: dict, kind: str | None) -> None:
        fields = _vocab()[1]
        kind = kind or _own_kind(unit)
        number = _field(unit, fields["number"])
        text = _field(unit, fields["text"], lines=True)
        heading = _heading(unit, kind, number)
        heading, text_lines = _printed_once(heading, text[1].splitlines() if text else [])
        for line, key in heading:
            self.add(line, unit, key)
        lead = _field(unit, fields["lead"], lines=True)
        if lead:
            self.add(lead[1], unit, lead[0])
        if text_lines:
            self.add(_numbered(kind, number, "\n".join(text_lines)), unit, text[0])
        for key, value in unit.items():
            is_units, child_kind = _unit_list_kind(key, value)
            if is_units:
                for child in value:
                    self.unit(child, child_kind)


def _heading(unit: dict, kind: str | None, number: tuple[str, str] | None) -> list[tuple[str, str]]:
    """(line, key) of the heading a unit's fields give: "Chương I" and its title on two lines,
    "Điều 1. Title" on one; none for a clause, a point or a unit without a number."""
    if kind in HEADINGS and number:
        label = _labelled(kind, number[1])
        title = _title(unit, label)
        return [(label, number[0])] + ([(title[1], title[0])] if title else [])
    if kind == "article" and number:
        label = _labelled(kind, number[1].rstrip("."))
        title = _title(unit, label)
        return [(f"{label}. {title[1]}" if title else f"{label}.", number[0])]
    return []


def _printed_once(heading: list[tuple[str, str]], text: list[str]) -> tuple[list[tuple[str, str]], list[str]]:
    """The heading and the text's lines after it, when the text prints the heading again
    ("noiDung": "Chương I\nQUY ĐỊNH CHUNG" beside "so": "I", "tieuDe": "QUY ĐỊNH CHUNG";
    "Điều 1. Phạm vi điều chỉnh" beside "so": "1", "tieuDe": "Phạm vi điều chỉnh"): the lines
    that repeat it, whole lines of it in order, are dropped from the text. A text whose first
    line is the heading said more fully ("Điều 1. Phạm vi" beside a number alone) gives it."""
    if not heading or not text:
        return heading, text
    wanted = [_bare(line) for line, _ in heading]
    ends = {"".join(wanted[:j]) for j in range(1, len(wanted) + 1)}
    said, repeated = "", 0
    for i, line in enumerate(text):
        said += _bare(line)
        if not "".join(wanted).startswith(said):
            break
        if said in ends:
            repeated = i + 1
    if repeated:
        return heading, text[repeated:]
    if len(heading) == 1 and re.match(rf"{re.escape(heading[0][0].rstrip('.'))}(?!\w)",
                                      text[0].strip(), re.IGNORECASE):
        return [(text[0].strip(), heading[0][1])], text[1:]
    return heading, text


def _bare(line: str) -> str:
    """A line's letters and digits, folded: what a heading and its repetition share."""
    return re.sub(r"[\W_]+", "", fold_label(line))


def _numbered(kind: str | None, number: tuple[str, str] | None, text: str) -> str:
    """A clause's or a point's text after its number ("1. …", "a) …"), unless the text
    already begins with it."""
    marker = {"clause": ".", "point": ")"}.get(kind or "")
    if not (marker and number):
        return text
    own = number[1].rstrip(".)")
    if re.match(rf"\(?{re.escape(own)}\s*[.)]", text):
        return text
    return f"{own}{marker} {text}"


def _labelled(kind: str, number: str) -> str:
    """"Chương I" of the number "I" (or of "Chương I" as some exports give it)."""
    label = unit_name(kind)
    return number if fold_label(number).startswith(fold_label(label)) else f"{label} {number}"


def _title(unit: dict, label: str) -> tuple[str, str] | None:
    """(key, title) of the first of a unit's title fields that says more than the unit's label
    ("Chương I"), without that label: some exports repeat the label in one field beside the
    title's own ("tieuDe": "Chương I", "tenChuong": "QUY ĐỊNH CHUNG"; "tieuDe": "Điều 1.",
    "tenDieu": "Phạm vi điều chỉnh") or before the title in it ("Điều 1. Phạm vi điều chỉnh")."""
    for name in _vocab()[1]["title"]:
        found = _field(unit, [name])
        if found and (title := _without_label(found[1], label)):
            return found[0], title
    return None


def _without_label(title: str, label: str) -> str:
    """A unit's title without its own label, which some exports repeat in it ("tieu_de":
    "Điều 1. Phạm vi điều chỉnh" beside "so_dieu": 1)."""
    m = re.match(rf"{re.escape(label)}(?!\w)\s*[.:\-–]?\s*", title, re.IGNORECASE)
    return title[m.end():] if m else title


def _field(obj: dict, keys: list[str], lines: bool = False) -> tuple[str, str] | None:
    """(key, value) of the first of ``keys`` that holds a non-empty string (or a number:
    "so_dieu": 1; with ``lines``, a list of strings, a text's lines: "noiDung": ["1. …", "a)
    …"]), ``key`` as the record spells it."""
    spelt = {snake(k): k for k in obj}
    for name in keys:
        key = spelt.get(name)
        value = obj.get(key) if key is not None else None
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        elif lines and isinstance(value, list):
            value = "\n".join(_lines_of(value))
        if isinstance(value, str) and value.strip():
            return key, value.strip()
    return None


def _lines_of(value) -> list[str]:
    """The non-empty lines a text field holds: a string, or a list of strings."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str) and item.strip()]


def _preamble(parent: dict, header: dict | str | None) -> list[tuple[dict, str, object]]:
    """(object, key, value) of the legal bases and the enacting sentence (``[fields]
    preamble``, in that order), beside the units or in an object beside them ("phan_mo_dau":
    {"can_cu": […], "cau_ban_hanh": "…"}), never in the printed heading."""
    names = _vocab()[1]["preamble"]
    found: dict[str, tuple[dict, str, object]] = {}

    def walk(obj: dict) -> None:
        for key, value in obj.items():
            name = snake(key)
            if name in names:
                found.setdefault(name, (obj, key, value))
            elif isinstance(value, dict) and value is not header:
                walk(value)

    walk(parent)
    return [found[name] for name in names if name in found]


def read_unit_tree(data: dict, lines: dict[int, dict[str, int]], source: Source) -> bool:
    scored = [(n, c) for c in _candidates(data) if (n := _texts(c[2]))]
    if not scored:
        return False
    path, parent, units, kind = max(scored, key=lambda sc: sc[0])[1]
    _, fields = _vocab()
    write = _Writer(lines, source)
    heading = _header(data, fields["header"])
    if heading is not None:
        write.heading(*heading)
    for obj, key, value in _preamble(parent, heading[2] if heading else None):
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, str):
                write.add(item, obj, key)
    for unit in units:
        write.unit(unit, kind)
    at = lines.get(id(parent), {}).get(path[-1])
    source.problems.append(Problem(
        "read.json_unit_tree", f"JSON record split into units that name their kind: read from "
                               f"the field {'.'.join(path)!r}", line=at, severity="info"))
    return True
