"""Quoted text of amending laws.

Takes the lines of a document and the place where a quotation opens (“… or "…); gives where it
closes (``find_quote_end``), the lines without their outer quote marks (``strip_quotes``), and what
the instruction before it does (``instruction_attrs``: action amend | insert | repeal | replace,
target "khoản 2 Điều 251", amended law "Luật Đất đai số 31/2024/QH15").
"""

from __future__ import annotations

import re

from lawscan.model import Line
from lawscan.structure.patterns import V, alternation

OPEN_QUOTES = "“\"«„"
_CLOSE_END_RE = re.compile(r"[”\"»]\s*[.;,]?\s*(?:\[\d+\])?\s*(?:[.;,]\s*)?$")


def _curly(text: str) -> str:
    """Doubled single quotes (’’ ‘‘) stand for double ones in some files."""
    return text.replace("’’", "”").replace("‘‘", "“")

_A = V["amend"]
_ACTIONS = [(action, re.compile(rf"(?i:{alternation(_A[action])})")) for action in ("amend", "insert", "replace", "repeal")]
_UNIT = alternation(_A["unit_words"])
_UNIT_REF_RE = re.compile(rf"(?:(?i:{_UNIT})\s+[0-9A-Za-zđ]+(?:[\s,]+|$))+")
_ARTICLE_REF_RE = re.compile(rf"(?:{alternation(V['labels']['article'])})\s+\d+[a-zđ]?\d*")
_LAW_WORDS = alternation(_A["law_names"])
_LAW_NUM_RE = re.compile(
    rf"(?:{_LAW_WORDS})\s+(?:(?!(?:{_LAW_WORDS})\s)[^;:“”\"()])+?\s+{_A['number_word']}\s+\d+/\d{{4}}/[A-ZĐ0-9\-]+")
_LAW_OF_RE = re.compile(rf"\s(?i:của)\s+((?:{_LAW_WORDS})\s+[^;:“”\"()]+?)\s*(?:\s{_A['number_word']}\s|như\s+sau|[;:.]|$)")


def opens_quote(text: str) -> bool:
    return bool(text) and text[0] in OPEN_QUOTES


_TITLE_ACTION_RE = re.compile(rf"^(?i:{alternation(_A['amend'] + _A['insert'] + _A['replace'])})\s")


def announces(text: str) -> bool:
    """The quoted new text may follow ``text``: an instruction ending with ":", or an article
    title that is the instruction ("Sửa đổi, bổ sung khoản 1 và khoản 2 Điều 17", then “1. …”)."""
    return text.endswith(":") or (_TITLE_ACTION_RE.match(text) is not None
                                  and _UNIT_REF_RE.search(text) is not None)


def find_quote_end(lines: list[Line], start: int) -> int:
    """Index of the line that closes the quotation opened at ``lines[start]``. Curly quotes are
    counted (nested quotes allowed); straight quotes, or curly ones that never balance, end at the
    first line ending with a closing quote (”. ”; "; ...). Unterminated: the opening line only."""
    return quote_end(lines, start)[0]


def quote_end(lines: list[Line], start: int) -> tuple[int, bool]:
    """``find_quote_end`` and whether the curly quotes balanced there (False: a guess, which the
    parser may cut short where the amending text's own next article begins)."""
    first = _curly(lines[start].text.lstrip())
    if first.startswith("“"):
        depth = 0
        for j in range(start, len(lines)):
            t = _curly(lines[j].text)
            depth += t.count("“") - t.count("”")
            if depth <= 0:
                return j, True
    for j in range(start, len(lines)):
        t = _curly(lines[j].text.rstrip())
        if j == start and len(t) < 2:
            continue
        if _CLOSE_END_RE.search(t):
            return j, False
    return start, False


def strip_quotes(lines: list[Line]) -> list[Line]:
    """Copies of the quoted lines without the opening mark of the first and the closing mark (and
    its punctuation) of the last."""
    out = [Line(text=ln.text, lineno=ln.lineno, raw=ln.raw) for ln in lines]
    if not out:
        return out
    t = _curly(out[0].text.lstrip())
    if t and t[0] in OPEN_QUOTES:
        out[0].text = t[1:].lstrip()
    last = _curly(out[-1].text.rstrip())
    m = re.search(r"[”\"»][\s.;,]*(?:\[\d+\])?[\s.;,]*$", last)
    if m:
        out[-1].text = last[:m.start()].rstrip()
    return out


def instruction_attrs(instruction: str, context: list[str], doc_title: str = "") -> dict:
    """What an instruction ("1. Sửa đổi, bổ sung khoản 2 Điều 251 như sau:") does. ``context`` are
    the texts of the enclosing units, innermost first (e.g. "Điều 1. Sửa đổi ... Luật Dược số ...")."""
    attrs: dict = {}
    text = instruction or ""
    pos = len(text)
    for action, rx in _ACTIONS:
        m = rx.search(text)
        if m:
            attrs["action"] = action
            pos = m.end()
            break
    else:
        for ctx in context:
            for action, rx in _ACTIONS:
                if rx.search(ctx):
                    attrs["action"] = action
                    break
            if "action" in attrs:
                break
    m = _UNIT_REF_RE.search(text, pos if pos < len(text) else 0)
    if m:
        target = " ".join(m.group(0).split()).rstrip(",")
        if not _ARTICLE_REF_RE.search(target):
            for ctx in context:
                am = _ARTICLE_REF_RE.search(ctx.split(".", 1)[-1] if ctx[:4].lower() == "điều" else ctx)
                if am:
                    target = f"{target} {am.group(0)}"
                    break
        attrs["target"] = target
    law = None
    for t in [text, *context]:
        lm = _LAW_NUM_RE.search(t)
        if lm:
            law = " ".join(lm.group(0).split())
            break
    if law is None:
        for t in [text, *context, doc_title]:
            lm = _LAW_OF_RE.search(t or "")
            if lm:
                law = " ".join(lm.group(1).split())
                break
    if law:
        attrs["law"] = law
    return attrs
