"""Document metadata from the header and preamble.

Takes the header/preamble lines (before the first structural unit), the closing lines and the
reader's hints (``Source.meta``: title, number, date, url, document_type...) and gives a
:class:`Meta`: issuer ("QUỐC HỘI", "BỘ TÀI CHÍNH"), number ("31/2024/QH15", "15/2026/NĐ-CP"; None
for a draft "Luật số: /2025/QH15"), ISO date, year, title ("Luật Đất đai"), doc_kind (one of
``model.DOC_KINDS``, decided by :mod:`lawscan.structure.kinds`; for a consolidated text
``consolidates`` is the kind of the text it consolidates) and is_draft. Each field has its own
small function (``_issuer``, ``_number``, ``_date``, ``_title``, ``_year``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lawscan.model import Line
from lawscan.structure import kinds
from lawscan.structure.address_title import title_from_address, titled
from lawscan.structure.patterns import (V, alternation, amending_subjects, is_upper_title,
                                       leaves_title_unfinished, named_subjects, probe_text)

_H = V["header"]
# "Số: 15/2026/NĐ-CP", "Số: 05/2024/QĐ-TTg" (the g of Thủ tướng), "Luật số 102-SL/L-004", a
# draft's "Số: …/2026/NĐ-CP"; the type has two letters at least ("CÔNG BÁO/Số 237/Ngày …" is no
# number)
_NUMBER_RE = re.compile(
    rf"(?i:{_H['number_prefix']})\s*:?\s*(?P<num>\d+(?:/\d{{4}})?/[A-ZĐ0-9](?:[A-ZĐ0-9\-]|(?<=TT)g)+"
    rf"|\d+-[A-ZĐ]+(?:/[A-ZĐ0-9\-]+)+|(?:\.{{2,}}|…|_+)?/\s*(?:\d{{4}}|20\.+|20…)/[A-ZĐ0-9\-.…]*)")
_NUMBER_LINE_RE = re.compile(rf"^(?i:{_H['number_prefix']})\s*:")  # "Số: 41/2026/TT-BTC Hà Nội, …"
_BARE_NUMBER_RE = re.compile(r"\b(\d+/\d{4}/(?:QH|UBTVQH|VBHN)[A-ZĐ0-9\-]*|\d+/VBHN-[A-ZĐ]+)\b")
_DATE_RE = re.compile(_H["date"], re.IGNORECASE)
_ENACT_RE = re.compile(_H["enact"])
_ISSUES_WITH_RE = re.compile(_H["first_article_issues"])
_TITLE_ABOUT_RE = re.compile(_H["title_about"])
_ISSUER_RE = re.compile(rf"^(?:{alternation(_H['issuers'])})(?![A-ZĐÀ-Ỹa-zà-ỹ])")
_ISSUER_PREFIXES = tuple(p + " " for p in _H["issuer_prefixes"])
_ENACTING_BODIES = tuple(p + " " for p in _H["enacting_bodies"])
_ISSUER_NOT = tuple(_H["issuer_not"])
_MOTTO_RE = re.compile(alternation(_H["motto"]))
_TITLE_WORD_RE = re.compile(rf"^(?:{alternation(_H['title_words'])})(?:\s+|$)(?P<rest>.*)$")
_NUMBER_TAIL_RE = re.compile(r"\s+(?i:số)\s+[\w/\-]+\s*$")
# in an enacting sentence: a law's number after its name, and what amended it since
_LAW_NUMBER_RE = re.compile(r"\s+(?i:số)\s+\d+/\d{4}/[\w\-]+")
_AND = _H["conjunction"]
# an amending act and its number, which may be cut off
_AMENDING_LAW = rf"(?:{alternation(_H['amending_acts'])})(?:\s+(?i:số)\s+[\w/\-]+)?"
# the last amending act may be followed by the subject the amendments are about ("… và Luật số
# 07/2022/QH15 về nhãn hiệu, …"), never by more of a law's name ("… và Luật Nhà ở số …")
_AMENDED_BY_RE = re.compile(rf"\s+{_H['amended_by']}\s+{_AMENDING_LAW}"
                            rf"(?:(?:,\s*|\s+{_AND}\s+){_AMENDING_LAW}"
                            rf"(?=[,;.]|\s+{_AND}|\s+(?i:{_H['about']})\s|$))*")
_COUNTED_ACTS_RE = re.compile(_H["counted_acts"])
# a title's subject that amends ("SỬA ĐỔI, BỔ SUNG …"): lower case after the kind, even a law's
_AMENDING_SUBJECT_RE = re.compile(rf"(?i)^(?:{amending_subjects()})\b")
_ABOUT_RE = re.compile(rf"\s(?:{_H['about']})\s+(.+)$", re.IGNORECASE)
_OF_RE = re.compile(rf"^(?:{_H['of']})\s", re.IGNORECASE)
_NUMBER_LEAD_RE = re.compile(r"^(?i:số)\s+\S*\d")  # "SỐ 18-L/CTN NGÀY … VỀ DẦU KHÍ"
_PROPER_RE = re.compile(rf"(?<!\w)(?:{alternation(_H['proper_names'])})(?!\w)", re.IGNORECASE)
_PROPER = {name.casefold(): name for name in _H["proper_names"]}
_PREAMBLE = tuple(_H["preamble_starts"])
_REVISION_MARKS = set(_H["revision_marks"])
# "... CỦA QUỐC HỘI [NƯỚC …]" ends a subject; "… CỦA QUỐC HỘI, ĐOÀN …" and "GIÁM SÁT CỦA QUỐC
# HỘI VÀ HỘI ĐỒNG NHÂN DÂN" name the issuer in a list that is the subject, "… CỦA CHÍNH PHỦ QUY
# ĐỊNH VỀ …" the issuer of an act the title amends
_OF_ISSUER_RE = re.compile(rf"\s(?:{_H['of']})\s+(?:{alternation(_H['issuers'])})(?!\w)"
                           rf"(?!\s*[,;]|\s+{_AND}\s|\s+(?:{alternation(_H['subject_after_issuer'])})\s)",
                           re.IGNORECASE)
_NUMBER_CUT_RE = re.compile(r"\s(?i:số)\s+\S*\d.*$")
_SCOPE_RE = re.compile(_H["scope"])
_HINT_NUMBER_RE = re.compile(r"^\d+(?:/\d{4})?/(?:[A-ZĐ0-9\-]|(?<=TT)g)+$|^\d+-[A-ZĐ]+/[A-ZĐ0-9\-/]+$")
_AMENDING_ARTICLE_RE = re.compile(_H["amending_article"], re.IGNORECASE)
# the name lines under which a subject in sentence case follows (see _subject_title)
_SUBJECT_NAME_RE = re.compile(rf"^(?:{alternation(_H['subject_names'])})\d{{0,3}}$")
_TITLE_YEAR_RE = re.compile(_H["title_year"], re.IGNORECASE)
# a subject printed over many lines ends before the preamble ("Căn cứ …", "Theo đề nghị …"), the
# formula of a consolidated text ("Thông tư số …") or its list of amending texts ("1. …")
_SUBJECT_ENDS = tuple(_H["preamble_starts"] + _H["subject_ends"])
_SUBJECT_LINES = 12
_IN_FORCE = _H["in_force"]  # "… có hiệu lực kể từ …": the formula, not a title line
_LIST_ITEM_RE = re.compile(r"^\d+[.)]\s")
_RANGE_END_RE = re.compile(r"^[-–]\s*\d{4}$")  # "- 2030": a period's end the layout wrapped
_AUTHENTICATION = _H["authentication"]  # "XÁC THỰC VĂN BẢN HỢP NHẤT"
_BLOCK_LINE = 80  # the lines of an authentication block are short
_PLACE_DATE_RE = re.compile(rf"^[^\d,]{{1,40}},\s*(?:{_H['date']})", re.IGNORECASE)  # "Hà Nội, ngày …"


@dataclass
class Meta:
    title: str = ""
    number: str | None = None
    year: int | None = None
    date: str | None = None
    issuer: str | None = None
    doc_kind: str = "unknown"
    is_draft: bool = False
    consolidates: str | None = None  # a consolidated text: the kind of the text it consolidates


def _sentence_case(text: str) -> str:
    """"ĐẤT ĐAI" -> "Đất đai" (header titles are printed in capitals)."""
    t = " ".join(text.split()).lower()
    return t[:1].upper() + t[1:]


def _proper_names(title: str) -> str:
    """The names of ``[header] proper_names`` in ``title`` capitalised as they are written."""
    return _PROPER_RE.sub(lambda m: _PROPER.get(m.group().casefold(), m.group()), title)


def title_from_header(probes: list[str]) -> str:
    """The title the header's lines give: a title word and the upper-case subject lines after it
    ("LUẬT" / "ĐẤT ĐAI" -> "Luật Đất đai", "NGHỊ QUYẾT" / "THÍ ĐIỂM …" -> "Nghị quyết thí điểm
    …": ``patterns.named_subjects``); "" when they give none."""
    for k, p in enumerate(probes):
        m = _TITLE_WORD_RE.match(p)
        if not m or not is_upper_title(p) and len(p.split()) > 2:
            continue
        word = p[:len(p) - len(m.group("rest"))].strip()
        rest = m.group("rest").strip()
        if _NUMBER_RE.match(rest):  # "LUẬT SỐ 102-SL/L-004 NGÀY ..." is the number line
            continue
        if _ISSUER_RE.match(rest) or _ministry(rest):  # the Gazette's "VĂN BẢN HỢP NHẤT BỘ …"
            continue
        named = " ".join(word.split()) in named_subjects()
        more = _upper_lines(probes[k + 1:k + 8], named_subject=named)
        if rest and more and more[0] == rest:  # the subject printed again under "LUẬT CÔNG NGHỆ THÔNG TIN"
            more = more[1:]
        subject = " ".join(([rest] if rest else []) + more)
        # "CỦA QUỐC HỘI ... SỐ 15/2003/QH11 NGÀY ... VỀ THI ĐUA, KHEN THƯỞNG" -> "THI ĐUA, KHEN THƯỞNG",
        # "SỐ 18-L/CTN NGÀY 06/07/1993 CỦA QUỐC HỘI VỀ DẦU KHÍ" -> "DẦU KHÍ"
        about = _ABOUT_RE.search(subject)
        if about and (_OF_RE.match(subject) or _NUMBER_LEAD_RE.match(subject)):
            # a law is named by what it is about ("Luật Dầu khí"), a decree says it ("Nghị định về …")
            subject = about.group(1) if named else f"{_H['about']} {about.group(1)}"
        of = _OF_ISSUER_RE.search(subject)  # "GIAO DỊCH ĐIỆN TỬ CỦA QUỐC HỘI NƯỚC ..."
        if of and (subject[of.end():].strip() or _signs_as(of.group(0), probes)):
            subject = subject[:of.start()]
        if not _AMENDING_SUBJECT_RE.match(subject):  # an amended act is named by its number
            subject = _NUMBER_CUT_RE.sub("", subject)
        subject = subject.strip(" ,;.")
        if not subject:
            continue
        subject = _sentence_case(subject)
        if not named or _AMENDING_SUBJECT_RE.match(subject):  # "Luật sửa đổi, bổ sung …"
            subject = subject[:1].lower() + subject[1:]
        return _proper_names(f"{_sentence_case(word)} {subject}")
    return ""


def _signs_as(of_issuer: str, probes: list[str]) -> bool:
    """Is the body a title's subject ends with (" CỦA QUỐC HỘI") the text's issuer, whose
    signature that is (an older law's "… CỦA QUỐC HỘI")? Not another's: a Standing Committee
    resolution "… VÀ HỘI ĐỒNG TIẾP CÔNG DÂN CỦA QUỐC HỘI" names the Assembly's council."""
    issuer = _issuer(_top(probes))
    return issuer is None or of_issuer.upper().split(None, 1)[-1] == issuer.upper()


def _upper_lines(probes: list[str], named_subject: bool = False) -> list[str]:
    """The lines of a title printed in capitals under its name line (not an issuer's line, nor
    the local body that enacts it: "HỘI ĐỒNG NHÂN DÂN TỈNH …"). Under a kind named by its
    subject ("LUẬT"), the first line is the subject even when it names an issuer: "LUẬT" /
    "NGÂN HÀNG NHÀ NƯỚC VIỆT NAM (SỬA ĐỔI)". A draft's revision mark printed on a line of its own
    under the subject ("(SỬA ĐỔI)") is the title's last line. A line that begins with a kind's
    name ends the title, unless the line before leaves it unfinished: "SỬA ĐỔI, BỔ SUNG MỘT SỐ
    ĐIỀU CỦA" / "BỘ LUẬT TỐ TỤNG DÂN SỰ" names the amended act."""
    lines = []
    for q in probes:
        if lines and " ".join(q.split()) in _REVISION_MARKS:
            lines.append(q)
            break
        issuer = _ISSUER_RE.match(q) and not (named_subject and not lines)
        new_title = _TITLE_WORD_RE.match(q) and not (lines and leaves_title_unfinished(lines[-1]))
        if (not q or not is_upper_title(q) or new_title or q.startswith("(")
                or issuer or q.startswith(_PREAMBLE) or (q + " ").startswith(_ENACTING_BODIES)):
            break
        lines.append(q)
    return lines


def _subject_title(probes: list[str]) -> str:
    """A decree's, circular's, resolution's or decision's title: its name line, then a subject
    in sentence case ("NGHỊ ĐỊNH" / "Quy định về hoạt động khoa học, công nghệ …" / "trong cơ sở
    giáo dục đại học") up to the preamble or the rule printed under it -> "Nghị định quy định
    về hoạt động …"."""
    for k, p in enumerate(probes):
        if _SUBJECT_NAME_RE.match(p):
            name = _sentence_case(p.rstrip("0123456789"))  # "THÔNG TƯ1": a note's mark
            lines = []
            for q in probes[k + 1:k + 1 + _SUBJECT_LINES]:
                if (q.startswith(_SUBJECT_ENDS) or is_upper_title(q) or _LIST_ITEM_RE.match(q)
                        or q.startswith(f"{name} số") and _IN_FORCE in q or _ENACT_RE.search(q)
                        or not any(c.isalpha() for c in q) and not _wraps_a_period(lines, q)):
                    break  # the preamble, the formula of a consolidated text ("Thông tư số …"),
                    # the rule printed under the title ("__________")
                lines.append(q)
            subject = " ".join(lines).strip(" ,;.")
            if subject and subject[0].isupper():
                return f"{name} {subject[0].lower()}{subject[1:]}"
    return ""


def _wraps_a_period(lines: list[str], line: str) -> bool:
    """Is ``line`` the end of a period whose start ends the title's last line ("… giai đoạn
    2026" / "- 2030"), not the rule printed under the title?"""
    return bool(lines) and lines[-1][-4:].isdigit() and _RANGE_END_RE.match(line) is not None


def _iso(day: str, month: str, year: str) -> str | None:
    d, m, y = int(day), int(month), int(year)
    if not (1 <= d <= 31 and 1 <= m <= 12 and 1800 <= y <= 2200):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _top(head: list[str]) -> list[str]:
    """The header block: the lines before the preamble ("Căn cứ …") or a long sentence."""
    top = []
    for p in head:
        if any(p.startswith(w) for w in _H["preamble_starts"]) or len(p) > 250:
            break
        top.append(p)
    return top


def _issuer(lines: list[str]) -> str | None:
    """The issuing body: "QUỐC HỘI", "CHÍNH PHỦ", "BỘ TÀI CHÍNH" (before the motto on its line),
    its name completed by the line below when it was split ("BỘ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ
    HỘI", "NGÂN HÀNG NHÀ NƯỚC" / "VIỆT NAM", "ỦY BAN THƯỜNG VỤ QUỐC" / "HỘI")."""
    for k, p in enumerate(lines[:15]):
        below = lines[k + 1] if k + 1 < len(lines) else ""
        m = _ISSUER_RE.match(p) or _completes(below) and _ISSUER_RE.fullmatch(f"{p} {below}")  # "…QUỐC"/"HỘI"
        name = m.group(0) if m else _ministry(p)
        if name:
            return f"{name} {below}" if name == p.strip() and _completes(below) else name
    return None


def _completes(probe: str) -> bool:
    """A short line in capitals that is no header line of its own: the rest of an issuer's name."""
    return (0 < len(probe.split()) <= 3 and is_upper_title(probe) and not _ISSUER_RE.match(probe)
            and not _ministry(probe) and not _MOTTO_RE.match(probe) and not _TITLE_WORD_RE.match(probe)
            and not _NUMBER_LINE_RE.match(probe))


def _ministry(probe: str) -> str | None:
    """A body named by a prefix ("BỘ …", "ỦY BAN NHÂN DÂN …"), in capitals, up to the motto."""
    if not probe.startswith(_ISSUER_PREFIXES) or probe.startswith(_ISSUER_NOT):
        return None
    name = _MOTTO_RE.split(probe, 1)[0].strip(" -")
    return name if is_upper_title(name) and name not in _ISSUER_PREFIXES else None


def _header_lines(head: list[str]) -> list[str]:
    """The header's lines when the layout put them after the preamble (two header columns read
    after the title: "BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI …" on one line): from the motto's line on."""
    k = next((k for k, p in enumerate(head) if _MOTTO_RE.search(p)), None)
    return head[max(0, k - 1):] if k is not None else []


def _is_draft(head: list[str]) -> bool:
    return any(mk in p for p in head for mk in _H["draft_markers"])


@dataclass
class _Number:
    number: str | None = None  # the document's number (None for a draft's "Số: /2025/QH15")
    printed: str = ""  # as printed in the text, a draft's "/2026/NĐ-CP" too (its kind)
    hinted: str = ""  # a record's number or id
    draft: bool = False  # the number line is left blank: a draft


def _number(head: list[str], top: list[str], hints: dict, is_draft: bool) -> _Number:
    """The number of the header's number line ("Luật số: 31/2024/QH15", "Số: 15/2026/NĐ-CP"; a
    "Số:" line the layout put after the preamble too), else a bare number near the top
    ("126/VBHN-VPQH"), else the reader's hint."""
    out = _Number(draft=is_draft)
    _printed_number(top + [q for q in head if _NUMBER_LINE_RE.match(q)], out)
    if out.number is None and not out.draft:
        out.number = out.printed = next((m.group(1) for p in top[:15]
                                         if (m := _BARE_NUMBER_RE.search(p))), out.printed) or None
    out.hinted = next((h for key in ("number", "document_number", "id")
                       if _HINT_NUMBER_RE.match(h := str(hints.get(key) or "").strip())), "")
    if out.number is None and not out.draft and out.hinted:
        out.number = out.hinted
    return out


def _printed_number(lines: list[str], out: _Number) -> None:
    """The first number line of ``lines``: its number, or a draft's blank one ("Số: /2025/QH15")."""
    for p in lines:
        m = _NUMBER_RE.search(p)
        if m:
            num = m.group("num").strip()
            out.printed = num
            if num[0].isdigit() and not num.startswith("/"):
                out.number = num.rstrip(".")
            else:
                out.draft = True
            return


def _date(top: list[str], closing: list[Line], hints: dict) -> str | None:
    """ISO date of the header's date line, else of the closing passage, else the reader's hint."""
    for p in top:
        m = _DATE_RE.search(p)
        if m and _iso(*m.groups()):
            return _iso(*m.groups())
    for ln in closing:
        m = _DATE_RE.search(ln.text)
        if m and _iso(*m.groups()):
            return _iso(*m.groups())
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})", str(hints.get("date") or ""))
    return m.group(0) if m else None


def _authentication(lines: list[Line]) -> list[str]:
    """The block that authenticates a consolidated text, at its end: the body ("BỘ TÀI CHÍNH"),
    its number ("Số: 08/VBHN-BTC"), "XÁC THỰC VĂN BẢN HỢP NHẤT", the place and date; [] when the
    text has none. Its number, date and body are the consolidated text's own."""
    for k in range(len(lines) - 1, -1, -1):
        if _AUTHENTICATION in lines[k].text:
            block = [p for p in (probe_text(ln.text) for ln in lines[max(0, k - 4):k + 3]) if p]
            return [p for p in block if len(p) <= _BLOCK_LINE]  # not the notes that may follow
    return []


def _authenticated(auth: list[str]) -> tuple[str | None, str | None]:
    """The consolidated text's own number ("08/VBHN-BTC") and date ("Hà Nội, ngày 17 tháng 4
    năm 2026") in its authentication block."""
    number = next((m.group(1) for p in auth if (m := _BARE_NUMBER_RE.search(p))
                   and kinds.number_kind(m.group(1)) == "consolidated"), None)
    date = next((_iso(*m.groups()) for p in auth if (m := _PLACE_DATE_RE.match(p))), None)
    return number, date


def _enacted_title(head: list[str]) -> str:
    """"Quốc hội ban hành Luật Thủy lợi." -> "Luật Thủy lợi"; not from a "Căn cứ …" clause
    ("Căn cứ Nghị định … ban hành Quyết định …"). What amended an amended law since it was
    passed is no part of the title ("… của Luật Thuế thu nhập cá nhân số 04/2007/QH12 đã được
    sửa đổi, bổ sung một số điều theo Luật số 26/2012/QH13 và Luật số 71/2014/QH13." -> "… của
    Luật Thuế thu nhập cá nhân"; a record without a header has no shorter title to cut it to)."""
    basis = _H["preamble_starts"][0]
    for p in head:
        clause = p.rsplit(";", 1)[-1].lstrip() if p.startswith(basis) else p
        m = _ENACT_RE.search(clause)
        if m and not clause.startswith(basis):
            title = _AMENDED_BY_RE.sub("", m.group(1)).strip(" ,;.")
            return _NUMBER_TAIL_RE.sub("", title).strip(" ,;.")
    return ""


def _title(head: list[str], hints: dict, first_article: str, lines: list[Line] = ()) -> str:
    """The title, from the best source that has one (enacting sentence, record title, header
    lines, an amending law's first article, the scope sentence of older laws); ``lines``: the
    document's lines, whose names a title printed in capitals is spelt with."""
    hinted = " ".join(str(hints.get("title") or "").split())
    # a decree's or circular's header title is its title; the enacting sentence may word it
    # differently ("ban hành Thông tư quy định chế độ …" under "Quy định về chế độ …")
    title = _subject_title(head) or _header_cut(_enacted_title(head), head)
    if not title and _TITLE_WORD_RE.match(hinted.upper()):
        title = hinted
    first = _ISSUES_WITH_RE.sub(r"\1 ", first_article or "", count=1)  # "Ban hành kèm theo … này X"
    title = title or _names_as_written(_spelled_as(title_from_header(head), [first, *head]),
                                       lines) or _with_kind(hinted, hints) or _subject_title(head)
    if not title:  # records without a header: "Điều 1. Sửa đổi, bổ sung một số điều của Luật Dược"
        m = _AMENDING_ARTICLE_RE.match(first_article or "")
        if m:
            amended = f"{m.group(1)[:1].lower()}{m.group(1)[1:]}"
            title = _NUMBER_TAIL_RE.sub("", f"{_H['amending_title']} {amended}").strip(" ,;.")
    if not title:  # "Luật này quy định về biên giới quốc gia." (older laws)
        for p in head:
            m = _SCOPE_RE.match(p)
            if m:
                return f"{m.group(1)} {m.group(2).strip(' .;')}"
    return title


def _spelled_as(title: str, texts: list[str]) -> str:
    """A title the header printed in capitals, spelt with the capitals of a text that says its
    words: the first article when it begins with them (a decision has no enacting sentence, its
    Điều 1 says what it decides: "QUYẾT ĐỊNH / PHÊ DUYỆT ĐỀ ÁN PHÁT TRIỂN …" and "Điều 1. Phê
    duyệt Đề án phát triển … (sau đây gọi tắt là Đề án) …" -> "Quyết định phê duyệt Đề án phát
    triển …"; its "Ban hành kèm theo Quyết định này Quy chế …" says "Ban hành Quy chế …": the
    caller drops the formula, and a title's "VỀ VIỆC" before it is left in lower case), else a
    line of the head that holds them all in a row (a council's resolution cites itself in its
    preamble: "Xét Tờ trình … về dự thảo Nghị quyết ban hành Quy định … tỉnh Đông Lam …")."""
    upper = title.upper()
    m = _TITLE_WORD_RE.match(upper)
    if not m or not m.group("rest") or len(upper) != len(title):
        return title
    cut = len(title) - len(m.group("rest"))
    about = _TITLE_ABOUT_RE.match(m.group("rest"))  # "về việc", which Điều 1 does not say
    cut += about.end() if about else 0
    kind, subject = title[:cut], title[cut:]
    wanted = [w.lower() for w in re.findall(r"\w+", subject)]
    if not wanted:
        return title
    said = _said_in(wanted, texts)
    if said is None:
        return title
    spelled = iter(said)
    respelled = re.sub(r"\w+", lambda _: next(spelled), subject)
    return kind + subject[:1] + respelled[1:]  # the title's own first letter ("Quyết định phê …")


def names_spelt(title: str, lines: list[Line]) -> str:
    """``title`` with its names spelt as written: those of ``[header] proper_names`` and those its
    text writes with capitals (:func:`_names_as_written`); for a title a structured input gives
    (an Akoma Ntoso preface's kind and title in capitals: "… TẠI VIỆT NAM …")."""
    return _names_as_written(_proper_names(title), lines)


def _names_as_written(title: str, lines: list[Line]) -> str:
    """A title the header printed in capitals, with the names its text writes with capitals
    spelt so: two title words in a row (not the kind word) that the text prints each with a
    capital after a word in lower case, never in lower case there ("… VÙNG ĐỒNG BẰNG SÔNG CỬU
    LONG" and "… vùng đồng bằng sông Cửu Long, …" in an article -> "… sông Cửu Long"). A name
    of ``[header] proper_names`` is spelt already; these are the names no list can hold.
    Acronyms are spelt so too (:func:`_acronyms_as_written`)."""
    words = list(re.finditer(r"\w+", title))[1:]
    pairs = [(a.start(), b.end()) for a, b in zip(words, words[1:])
             if a.group().islower() and b.group().islower()]
    text = "\n".join(ln.text for ln in lines)
    low = text.lower()
    spelt = list(title)
    for start, end in pairs if len(low) == len(text) else ():  # else offsets would not agree
        written = _written_mid_sentence(title[start:end].lower(), text, low)
        if written is not None:
            spelt[start:end] = written
    return _acronyms_as_written("".join(spelt), text)


def _acronyms_as_written(title: str, text: str) -> str:
    """``title`` with the words its text writes only in capitals, after a word in lower case
    and never in lower case ("… theo mô hình TOD …" -> "… mô hình TOD …"), in capitals."""
    def spelt(m: re.Match) -> str:
        word, caps = m.group(), m.group().upper()
        if not m.start() or not (word.isalpha() and word.islower() and 2 <= len(word) <= 6) \
                or caps not in text or re.search(rf"(?<!\w){word}(?!\w)", text):  # in lower case
            return word
        return caps if any(_after_lower_case(text, w.start())
                           for w in re.finditer(rf"(?<=\w[ \t]){caps}(?!\w)", text)) else word

    return re.sub(r"\w+", spelt, title)


def _after_lower_case(text: str, at: int) -> bool:
    """Does the word before ``at`` in ``text`` stand in lower case (mid-sentence)?"""
    before = _PREVIOUS_WORD_RE.search(text, max(0, at - 30), at)
    return bool(before) and before.group(1).islower()


_PREVIOUS_WORD_RE = re.compile(r"(\w+)[ \t]+$")


def _written_mid_sentence(phrase: str, text: str, low: str, most: int = 50) -> str | None:
    """How ``text`` writes the lower-case ``phrase`` after a word in lower case: every word with
    a capital each time ("Cửu Long"), else None (once in lower case there, or never there)."""
    capitals = None
    i = low.find(phrase)
    for _ in range(most):
        if i < 0:
            break
        end = i + len(phrase)
        before = _PREVIOUS_WORD_RE.search(text, max(0, i - 30), i)
        if (before and before.group(1).islower() and not (end < len(low) and low[end].isalnum())):
            found = text[i:end]
            if not all(w[0].isupper() and w[1:] == w[1:].lower() for w in re.findall(r"\w+", found)):
                return None
            capitals = found
        i = low.find(phrase, end)
    return capitals


def _said_in(wanted: list[str], texts: list[str]) -> list[str] | None:
    """The words of the first text that says ``wanted`` (lower case) in other than capitals: at
    the start of the first, anywhere in a later one."""
    for k, text in enumerate(texts):
        words = re.findall(r"\w+", text)
        starts = [0] if k == 0 else range(len(words) - len(wanted) + 1)
        for i in starts:
            window = words[i:i + len(wanted)]
            if [w.lower() for w in window] == wanted and any(w != w.upper() for w in window):
                return window  # not the header's own capitals
    return None


def _with_kind(hinted: str, hints: dict) -> str:
    """A record's title, with its kind in front when the record gives the kind apart ("Hàng hải
    Việt Nam", document_type "Bộ luật" -> "Bộ luật Hàng hải Việt Nam")."""
    kind = " ".join(str(hints.get("document_type") or "").split())
    if not hinted or not kind or _TITLE_WORD_RE.match(hinted.upper()) \
            or not _TITLE_WORD_RE.fullmatch(kind.upper()):
        return hinted
    return titled(_sentence_case(kind), hinted)


def _header_cut(enacted: str, head: list[str]) -> str:
    """The enacting sentence's title cut to the header's when it goes on past it ("Quốc hội ban
    hành Luật sửa đổi, … của Luật Bảo hiểm y tế số 25/2008/QH12" under "LUẬT / SỬA ĐỔI, …
    CỦA LUẬT BẢO HIỂM Y TẾ"), or names the amended laws with their numbers where the header
    does not ("… của Luật Đất đai số 31/2024/QH15 và Luật Nhà ở số 27/2023/QH15" under "… CỦA
    LUẬT ĐẤT ĐAI VÀ LUẬT NHÀ Ở"; what amended them since is cut by :func:`_enacted_title`), or
    where the header adds a parenthesis to it (a draft's "(SỬA ĐỔI)") or goes on past it (a
    sentence a line break cut, "… tổ chức thực hiện Tổng" under "… THỰC HIỆN TỔNG ĐIỀU TRA /
    NÔNG THÔN, NÔNG NGHIỆP NĂM 2026"): the header is the title, the sentence keeps its capitals.
    A header that counts the acts it amends ("… CỦA 37 LUẬT CÓ LIÊN QUAN ĐẾN QUY HOẠCH") is the
    title as it stands."""
    header = title_from_header(head) if enacted else ""
    if not header:
        return enacted
    if _COUNTED_ACTS_RE.search(header) and not _COUNTED_ACTS_RE.search(enacted):
        return header  # "… của 10 luật có liên quan đến an ninh, trật tự", the sentence lists them
    if len(header) < len(enacted) and enacted.lower().startswith(header.lower()) \
            and not enacted[len(header)].isalnum():
        return enacted[:len(header)]
    rest = header[len(enacted):]
    if header.lower().startswith(enacted.lower()) and (
            re.fullmatch(r"\s*\([^()]+\)", rest)  # "LUẬT / QUY HOẠCH (SỬA ĐỔI)": "… Luật Quy hoạch."
            or rest[:1].isspace() and any(p.endswith(enacted) for p in head)):  # "… thực hiện Tổng"
        return enacted + rest
    unnumbered = _LAW_NUMBER_RE.sub("", enacted)  # what amended the laws is cut already (_enacted_title)
    said = _words(unnumbered)
    if [w.lower() for w in said] != [w.lower() for w in _words(header)]:
        return enacted
    spelled = iter(said)  # the header's words and punctuation, the sentence's capitals
    return re.sub(r"\w+", lambda m: m.group(0) if m.group(0).lower() == _AND else next(spelled), header)


def _words(title: str) -> list[str]:
    """A title's words without "và" (the laws a title lists may be joined by ";" in the sentence
    and by ", … và" in the header)."""
    return [w for w in re.findall(r"\w+", title) if w.lower() != _AND]


def _year(number: str | None, title: str, date: str | None) -> int | None:
    """The year of the number ("31/2024/QH15"), else the one a title names ("Hiến pháp … năm
    1992": the date may be a later one), else the date's."""
    m = re.search(r"/(\d{4})/", number or "")
    if m:
        return int(m.group(1))
    m = _TITLE_YEAR_RE.search(title)
    if m:
        return int(m.group(1))
    return int(date[:4]) if date else None


def _identify(meta: Meta, head: list[str], top: list[str], closing: list[Line], hints: dict,
              auth: list[str]) -> _Number:
    """The issuer, number and date of ``meta`` (a consolidated text's own from its
    authentication block ``auth`` first, then the header's, wherever the layout put it)."""
    meta.issuer = _issuer(auth) or _issuer(top) or _issuer(_header_lines(head))
    number = _number(head, top, hints, meta.is_draft)
    own_number, own_date = _authenticated(auth)
    meta.number, meta.is_draft = own_number or number.number, number.draft
    placed = [q for q in head if _NUMBER_LINE_RE.match(q) or _PLACE_DATE_RE.match(q)]
    meta.date = own_date or _date(top + placed, closing, hints)
    return number


def extract(header: list[Line], closing: list[Line], hints: dict | None = None,
            sample: str = "", first_article: str = "", lines: list[Line] = ()) -> Meta:
    """Metadata of one document. ``header``: lines before the first unit; ``closing``: the
    closing passage; ``hints``: Source.meta (a record without a title is named by its address:
    :mod:`lawscan.structure.address_title`); ``sample``: some body text (language check, how the
    text names itself); ``first_article``: the heading of the first article; ``lines``: all the
    document's lines (a consolidated text is authenticated at its end)."""
    hints = hints or {}
    head = [p for p in (probe_text(ln.text) for ln in header) if p][:60]
    top = _top(head)
    meta = Meta(is_draft=_is_draft(head))
    number = _identify(meta, head, top, closing, hints, _authentication(lines))
    meta.title = _title(head, hints, first_article, list(lines)) or (
        title_from_address(str(hints["url"]), meta.number, list(lines)) if hints.get("url") else "")
    meta.year = _year(meta.number, meta.title, meta.date)
    kind = kinds.classify(kinds.Evidence(
        top=top, head=head, number=number.printed, hinted_number=number.hinted, title=meta.title,
        issuer=meta.issuer or "", document_type=str(hints.get("document_type") or ""), sample=sample,
        first_article=first_article))
    meta.doc_kind, meta.consolidates = kind.kind, kind.consolidates
    suffix = _H["consolidated_suffix"]
    if meta.doc_kind == "consolidated" and meta.title and suffix.lower() not in meta.title.lower():
        meta.title = f"{meta.title} ({suffix})"
    return meta


def names_issuer_or_number(probe: str) -> bool:
    """Whether a header line names the issuing body ("QUỐC HỘI") or the number ("Luật số:
    31/2024/QH15"), as the first lines of a legal document do."""
    return bool(_ISSUER_RE.match(probe) or _NUMBER_RE.match(probe))
