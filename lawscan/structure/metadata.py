"""Document metadata from the header and preamble.

Takes the header/preamble lines (before the first structural unit), the closing lines and the
reader's hints (``Source.meta``: title, number, date, url...) and gives a :class:`Meta`: issuer
("QUỐC HỘI"), number ("31/2024/QH15"; None for a draft "Luật số: /2025/QH15"), ISO date, year,
title ("Luật Đất đai"), doc_kind (law | code | constitution | amending_law | consolidated |
foreign | unknown) and is_draft.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawscan.model import Line
from lawscan.structure.patterns import V, _alt, is_upper_title, probe_text

_H = V["header"]
_K = V["doc_kinds"]
_NUMBER_RE = re.compile(
    rf"(?i:{_H['number_prefix']})\s*:?\s*(?P<num>\d+(?:/\d{{4}})?/[A-ZĐ0-9][A-ZĐ0-9\-]*"
    rf"|\d+-[A-ZĐ]+(?:/[A-ZĐ0-9\-]+)+|(?:\.{{2,}}|…|_+)?/\s*(?:\d{{4}}|20\.+|20…)/[A-ZĐ0-9\-.…]*)")
_BARE_NUMBER_RE = re.compile(r"\b(\d+/\d{4}/(?:QH|UBTVQH|VBHN)[A-ZĐ0-9\-]*|\d+/VBHN-[A-ZĐ]+)\b")
_DATE_RE = re.compile(_H["date"], re.IGNORECASE)
_ENACT_RE = re.compile(_H["enact"])
_ISSUER_RE = re.compile(rf"^(?:{_alt(_H['issuers'])})(?![A-ZĐÀ-Ỹa-zà-ỹ])")
_TITLE_WORD_RE = re.compile(rf"^(?:{_alt(_H['title_words'])})(?:\s+|$)(?P<rest>.*)$")
_NUMBER_TAIL_RE = re.compile(r"\s+(?i:số)\s+[\w/\-]+\s*$")
_VIETNAMESE_RE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯạ-ỹ]")
_ABOUT_RE = re.compile(rf"\s(?:{_H['about']})\s+(.+)$", re.IGNORECASE)
_OF_RE = re.compile(rf"^(?:{_H['of']})\s", re.IGNORECASE)
_OF_ISSUER_RE = re.compile(rf"\s(?:{_H['of']})\s+(?:{_alt(_H['issuers'])})(?!\w)", re.IGNORECASE)
_NUMBER_CUT_RE = re.compile(r"\s(?i:số)\s+\S*\d.*$")
_SCOPE_RE = re.compile(_H["scope"])
_HINT_NUMBER_RE = re.compile(r"^\d+(?:/\d{4})?/[A-ZĐ0-9\-]+$|^\d+-[A-ZĐ]+/[A-ZĐ0-9\-/]+$")
_LAW_NUMBER_RE = re.compile(r"/QH\d+$")
_AMENDING_ARTICLE_RE = re.compile(_H["amending_article"], re.IGNORECASE)
_TITLE_YEAR_RE = re.compile(_H["title_year"], re.IGNORECASE)


@dataclass
class Meta:
    title: str = ""
    number: str | None = None
    year: int | None = None
    date: str | None = None
    issuer: str | None = None
    doc_kind: str = "unknown"
    is_draft: bool = False


def _sentence_case(text: str) -> str:
    """"ĐẤT ĐAI" -> "Đất đai" (header titles are printed in capitals)."""
    t = " ".join(text.split()).lower()
    return t[:1].upper() + t[1:]


def _title_from_header(probes: list[str]) -> str:
    for k, p in enumerate(probes):
        m = _TITLE_WORD_RE.match(p)
        if not m or not is_upper_title(p) and len(p.split()) > 2:
            continue
        word = p[:len(p) - len(m.group("rest"))].strip()
        rest = m.group("rest").strip()
        if _NUMBER_RE.match(rest):  # "LUẬT SỐ 102-SL/L-004 NGÀY ..." is the number line
            continue
        lines = [rest] if rest else []
        for q in probes[k + 1:k + 4]:
            if not q or not is_upper_title(q) or _TITLE_WORD_RE.match(q) or q.startswith("("):
                break
            lines.append(q)
        subject = " ".join(lines)
        # "CỦA QUỐC HỘI ... SỐ 15/2003/QH11 NGÀY ... VỀ THI ĐUA, KHEN THƯỞNG" -> "THI ĐUA, KHEN THƯỞNG"
        about = _ABOUT_RE.search(subject)
        if about and _OF_RE.match(subject):
            subject = about.group(1)
        of = _OF_ISSUER_RE.search(subject)  # "GIAO DỊCH ĐIỆN TỬ CỦA QUỐC HỘI NƯỚC ..."
        if of:
            subject = subject[:of.start()]
        subject = _NUMBER_CUT_RE.sub("", subject).strip(" ,;.")
        if not subject:
            continue
        subject = _sentence_case(subject)
        return f"{_sentence_case(word)} {subject}"
    return ""


def _iso(day: str, month: str, year: str) -> str | None:
    d, m, y = int(day), int(month), int(year)
    if not (1 <= d <= 31 and 1 <= m <= 12 and 1800 <= y <= 2200):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _kind(title: str, number: str | None, probes: list[str], all_text_sample: str) -> str:
    t = title.lower()
    head = " ".join(probes[:40])
    if any(mk in head for mk in _H["consolidated_markers"]) or (number and "VBHN" in number):
        return "consolidated"
    if any(w.lower() in t for w in _K["amending"]):
        return "amending_law"
    if any(t.startswith(w.lower()) for w in _K["code"]):
        return "code"
    if any(t.startswith(w.lower()) for w in _K["constitution"]):
        return "constitution"
    if any(t.startswith(w.lower()) for w in _K["law"]):
        return "law"
    if all_text_sample and not _VIETNAMESE_RE.search(all_text_sample):
        return "foreign"
    return "unknown"


def extract(header: list[Line], closing: list[Line], hints: dict | None = None,
            sample: str = "", first_article: str = "") -> Meta:
    """Metadata of one document. ``header``: lines before the first unit; ``closing``: the
    closing passage; ``hints``: Source.meta; ``sample``: some body text (language check)."""
    hints = hints or {}
    meta = Meta()
    probes = [probe_text(ln.text) for ln in header]
    probes = [p for p in probes if p]
    head = probes[:60]
    # the header block ends where the preamble begins ("Căn cứ ...") or with a long sentence
    top = []
    for p in head:
        if any(p.startswith(w) for w in _H["preamble_starts"]) or len(p) > 250:
            break
        top.append(p)

    for p in head[:8]:
        m = _ISSUER_RE.match(p.upper() if p.isupper() else p)
        if m:
            meta.issuer = m.group(0)
            break

    for p in head:
        if any(mk in p for mk in _H["draft_markers"]):
            meta.is_draft = True
    for p in top:
        m = _NUMBER_RE.search(p)
        if m and meta.number is None:
            num = m.group("num").strip()
            if num[0].isdigit() and not num.startswith("/"):
                meta.number = num.rstrip(".")
            else:
                meta.is_draft = True
                meta.number = None
            break
    if meta.number is None and not meta.is_draft:
        for p in top[:15]:
            m = _BARE_NUMBER_RE.search(p)
            if m:
                meta.number = m.group(1)
                break
    if meta.number is None and not meta.is_draft:
        for key in ("number", "document_number", "id"):
            hinted = str(hints.get(key) or "").strip()
            if _HINT_NUMBER_RE.match(hinted):
                meta.number = hinted
                break

    for p in top:
        m = _DATE_RE.search(p)
        if m:
            meta.date = _iso(*m.groups())
            if meta.date:
                break
    if not meta.date:
        for ln in closing:
            m = _DATE_RE.search(ln.text)
            if m and _iso(*m.groups()):
                meta.date = _iso(*m.groups())
                break
    if not meta.date and hints.get("date"):
        m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", str(hints["date"]))
        if m:
            meta.date = m.group(0)

    title = ""
    for p in head:
        m = _ENACT_RE.search(p)
        if m:
            title = _NUMBER_TAIL_RE.sub("", m.group(1)).strip(" ,;.")
            break
    hinted = " ".join(str(hints.get("title") or "").split())
    if not title and _TITLE_WORD_RE.match(hinted.upper()):
        title = hinted
    if not title:
        title = _title_from_header(head)
    if not title:
        title = hinted
    if not title:  # records without a header: "Điều 1. Sửa đổi, bổ sung một số điều của Luật Dược"
        m = _AMENDING_ARTICLE_RE.match(first_article or "")
        if m:
            title = _NUMBER_TAIL_RE.sub("", f"{_H['amending_title']} {m.group(1)[:1].lower()}{m.group(1)[1:]}").strip(" ,;.")
    if not title:  # "Luật này quy định về biên giới quốc gia." (older laws)
        for p in head:
            m = _SCOPE_RE.match(p)
            if m:
                title = f"{m.group(1)} {m.group(2).strip(' .;')}"
                break
    meta.title = title

    if meta.number:
        m = re.search(r"/(\d{4})/", meta.number)
        if m:
            meta.year = int(m.group(1))
    if meta.year is None:  # "Hiến pháp ... năm 1992" names its own year (the date may be a later one)
        m = _TITLE_YEAR_RE.search(meta.title)
        if m:
            meta.year = int(m.group(1))
    if meta.year is None and meta.date:
        meta.year = int(meta.date[:4])
    meta.doc_kind = _kind(meta.title, meta.number, head, sample)
    if meta.doc_kind == "unknown" and meta.number and _LAW_NUMBER_RE.search(meta.number):
        meta.doc_kind = "law"  # a numbered act of the National Assembly with no title to tell more
    suffix = _H["consolidated_suffix"]
    if meta.doc_kind == "consolidated" and meta.title and suffix.lower() not in meta.title.lower():
        meta.title = f"{meta.title} ({suffix})"
    return meta
