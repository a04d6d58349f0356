"""The status of a law toward the digital environment, from its digital units.

Takes the document's :class:`Outline` and the :class:`Judgements` of its units (``judge``); gives
the :class:`lawscan.model.Verdict` but for its applicability and coverage (coverage.py):

* ``digital_law`` - the law as a whole is about the digital environment: its TITLE names a digital
  topic (lexicon ``[topics] law``: e-transactions, IT, cybersecurity, telecom, data, personal data,
  AI, digital technology industry, digital transformation ...), or what it regulates does and at
  least half of its substantive chapters are digital: the object a decree's, circular's or other
  sub-law text's title names ("Thông tư quy định kỹ thuật về xây dựng, vận hành Hệ thống thông
  tin quốc gia về đất đai"), the subject a law's title names when it is not a topic ("Luật Hạ
  tầng số") or - when the title is unknown - its scope article ("Luật này quy
  định về <topic> ..."), read the same way (:func:`object_topic`: a topic, or a strong digital
  term, among the first words and in the first item of the object), or - whatever its
  chapters - when the first item of that object names a thing the text itself defines as
  digital (:mod:`lawscan.analyse.definitions`: "Hệ thống … là hệ thống thông tin …") or, in a
  sub-law text's title, a strong term (:func:`_thing_in_title`). An
  amending text is digital_law by title only when what it amends is: a topic heads the name of
  every law its title amends ("Luật sửa đổi, bổ sung một số điều của Luật An toàn thông tin
  mạng"), or what the one sub-law text it amends regulates (:func:`amended_texts_topic`);
  otherwise its quoted text decides.
  Then every substantive chapter (not general provisions, not final provisions), their sections
  and every substantive article are listed;
* ``dedicated_chapter`` / ``section_only`` / ``articles_only`` - the largest kind of digital unit
  found; ``none`` otherwise.

``applicability(outline, scan, status)`` is the Digitalcheck-style test: does the law regulate procedures,
registration, licensing, records, reporting, information or public services (each a family of
phrases in rubric.toml ``[applicability]``)?
"""

from __future__ import annotations

import re
from functools import lru_cache

from lawscan.analyse.confidence import confidence
from lawscan.analyse.definitions import split_place
from lawscan.fold import fold
from lawscan.analyse.lexicon import Lexicon
from lawscan.analyse.judge import Judgements
from lawscan.analyse.matcher import DocScan
from lawscan.analyse.messages import label, reason, text
from lawscan.analyse.outline import Outline, heading_is, is_amending_law, is_framing_article, rubric
from lawscan.model import Document, Reason, Unit, Verdict

_LAW_PREFIX = re.compile(r"^\s*(bộ luật|luật|pháp lệnh|dự thảo)\s+", re.I)


def law_title(doc: Document) -> str:
    """The law's name as best known (parser title, else the "ban hành Luật ..." line)."""
    if doc.title:
        return doc.title
    for line in doc.lines[:80]:
        m = re.search(r"ban hành (Bộ luật|Luật)\s+(.+?)\.?$", line.text)
        if m:
            return f"{m.group(1)} {m.group(2)}"
    return ""


def scope_article(outline: Outline) -> Unit | None:
    names = rubric()["structure"]["scope_article"]
    for art in outline.units("article")[:5]:
        if heading_is(art.heading, names):
            return art
    return None


def scope_topic(outline: Outline, lex: Lexicon) -> str | None:
    """The digital topic named at the head of the scope article ("Luật này quy định về <topic>",
    "Thông tư này quy định …": rubric [structure] self_names)."""
    art = scope_article(outline)
    if art is None:
        return None
    text = fold(art.full_text())
    says = rubric()["regulates"]["scope"]
    m = re.search(rf"(?:{_self_names()}) {says}([^;.]+)", text)
    return object_topic(m.group(1), lex) if m else None


def title_object_topic(doc: Document, lex: Lexicon) -> str | None:
    """The digital topic at the head of what a decree's, circular's or other sub-law text's title
    says it regulates ("Thông tư quy định kỹ thuật về xây dựng, vận hành Hệ thống thông tin quốc
    gia về đất đai"), or of the subject a law's or code's title names ("Luật Hạ tầng số": a
    digital term that is not one of the lexicon's law topics, which make a law digital on their
    own: :func:`title_topic`), as :func:`scope_topic` reads a scope article."""
    regulated = _title_object(doc)
    return object_topic(regulated, lex) if regulated else None


def _thing_in_title(doc: Document, defined: frozenset[str], lex: Lexicon) -> str | None:
    """The first digital thing that starts in the first item of the title's object
    (:func:`_title_object`): one of ``defined`` (folded terms the text defines as digital
    things; a term may hold a comma of its own: "hệ thống quản lý, truy xuất nguồn gốc lâm
    sản"; named as defined or without its place, :func:`_named_at`), else, for a sub-law
    text, a strong lexicon term ("Thông tư quy định về Hệ thống thông tin quản lý đào tạo lái
    xe …": what the text regulates, though its chapters name the system's matters in the
    sector's words), not one in a second object after a first of its own
    (:func:`_second_object`: "hồ sơ địa chính và hệ thống thông tin đất đai"); None otherwise.
    A law's or code's subject is broader: a strong term there needs most chapters digital
    (:func:`title_object_topic`)."""
    regulated = _title_object(doc)
    if not regulated:
        return None
    phrase = " ".join(regulated.split())
    end = _first_item_end(phrase)
    own = next((t for t in sorted(defined) if -1 < _named_at(phrase, t) < end), None)
    if own or doc.doc_kind in ("law", "code"):
        return own
    hit = next((h for h in lex.find_folded(phrase) if h.strength == "strong"), None)
    if hit is None or hit.start >= end or _not_the_head(phrase, phrase[hit.start:hit.end], lex):
        return None
    return hit.term


def _named_at(phrase: str, term: str) -> int:
    """Where a title's object (folded) names a term the text defines (folded), or -1: as
    defined, with a few words inside the name (:func:`_named_with_words_inside`), or without the
    place the term's name ends in when the object says that place after it (rubric
    ``[defined_terms] places``: "hệ thống đặt lịch khám bệnh trực tuyến | tỉnh quảng ngãi" in
    "… hệ thống đặt lịch khám bệnh trực tuyến tại các cơ sở … tỉnh quảng ngãi")."""
    at = phrase.find(term)
    if at >= 0:
        return at
    at = _named_with_words_inside(phrase, term)
    if at >= 0:
        return at
    placed = split_place(term)
    if placed is None:
        return -1
    name, place = placed
    at = phrase.find(name + " ")
    return at if at >= 0 and phrase.find(place, at + len(name)) > 0 else -1


def _named_with_words_inside(phrase: str, term: str) -> int:
    """Where a title's object (folded) names a defined term of four words or more with a few
    words put inside it at one place, at least two of the term's words on each side (rubric
    ``[defined_terms] inserted_words``: "nền tảng gis | hạ tầng đô thị" in "nền tảng gis dùng
    chung về hạ tầng đô thị"), or -1."""
    words = term.split()
    most = rubric()["defined_terms"]["inserted_words"]
    for cut in range(2, len(words) - 1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        m = re.search(rf"(?<!\S){re.escape(head)}(?: [^\s,;.]+){{1,{most}}} {re.escape(tail)}(?!\S)", phrase)
        if m:
            return m.start()
    return -1


def _title_object(doc: Document) -> str | None:
    """What the title says the text is about, folded: a law's or code's subject ("hạ tầng số"),
    a sub-law text's regulated object (:func:`_regulated_object`); None for a constitution, a
    foreign act or an amending law (its quoted text decides), or a title that says neither."""
    if doc.doc_kind in ("constitution", "foreign") or is_amending_law(doc):
        return None
    if doc.doc_kind in ("law", "code"):
        title = fold(law_title(doc))
        subject = _LAW_PREFIX.sub("", title)
        return subject if subject != title else None
    return _regulated_object(doc)


def _regulated_object(doc: Document) -> str | None:
    """What a sub-law text's title says it regulates (folded: "Nghị định quy định về <object>"),
    or None for a law or code, or a title that does not say it so."""
    if doc.doc_kind in ("law", "code", "constitution", "foreign"):
        return None
    says = rubric()["regulates"]["title"]
    m = re.match(rf"(?:{_self_names()})\s+{says}\s+([^;.]+)", fold(law_title(doc)))
    return m.group(1) if m else None


@lru_cache(maxsize=1)
def _self_names() -> str:
    return "|".join(re.escape(fold(n)) for n in rubric()["structure"]["self_names"])


def object_topic(regulated: str, lex: Lexicon) -> str | None:
    """The digital topic at the head of the object a text regulates (folded): a topic of the
    lexicon, or a strong term or one that counts in titles (an e-portal: "Nghị định quy định về
    cổng thông tin điện tử …"), that starts among its first ten words and in its first item, read
    whole (cut at ten words, "hoạt động ứng dụng và phát triển công nghệ thông tin" lost its
    "tin"); else a head that a digital qualifier closes there (:func:`_qualified_head`)."""
    words = regulated.split()
    phrase = " ".join(words)
    limit = min(len(" ".join(words[:10])), _first_item_end(phrase))
    topic = lex.has_topic(phrase, starts_before=limit)
    if topic:
        return topic
    named = [h for h in lex.find_folded(phrase) if h.start < limit
             and (h.strength == "strong" or h.category in lex.title_categories)]
    return named[0].term if named else _qualified_head(phrase, limit, lex)


def _qualified_head(phrase: str, limit: int, lex: Lexicon) -> str | None:
    """The object's head when a digital qualifier closes it before ``limit`` (folded: "đăng ký
    trực tuyến | biện pháp bảo đảm", an activity done online; not "thuốc lá điện tử"), else
    None (:meth:`Lexicon.qualified_object`)."""
    ends = [m.end() for q in lex.object_qualifiers
            for m in re.finditer(rf"(?<=\s){re.escape(q)}(?!\w)", phrase) if m.end() <= limit]
    head = phrase[:min(ends)] if ends else ""
    return head if head and lex.qualified_object(head) else None


def _first_item_end(phrase: str) -> int:
    """Where the first item of a scope's object ends: at the first comma after three words or
    more. The first item is what a title would name ("căn cước công dân, Cơ sở dữ liệu quốc gia
    về dân cư, ..." is the Citizen Identity Law's); shorter ones are verbs sharing the object
    ("quản lý, vận hành và sử dụng Hệ thống ...")."""
    end = 0
    for item in phrase.split(","):
        end += len(item) + 1
        if len(item.split()) >= 3:
            return end - 1
    return len(phrase)


def title_topic(doc: Document, lex: Lexicon) -> str | None:
    """A digital topic the title names, or an object a digital qualifier closes
    (:meth:`Lexicon.digital_object`), which makes the text a digital one on its own; not one
    that a sub-law text's title names only in a second object it regulates, after a first of
    its own ("Nghị định quy định về đo đếm điện năng và quản lý dữ liệu đo đếm" is about
    metering, with a chapter on its data), or that a title without an object to say lists after
    subjects of its own ("Nghị quyết thí điểm … phát triển khoa học, công nghệ, đổi mới sáng tạo
    và chuyển đổi số", a text with chapters to read), or a qualifier that closes only the last
    item of its object, the digital form of an item before it (:func:`_beside_its_plain_form`):
    that object is read with its chapters (:func:`title_object_topic`)."""
    title = law_title(doc)
    if not title:
        return None
    if is_amending_law(doc):
        return amended_texts_topic(title, lex)
    named = _LAW_PREFIX.sub("", title)
    topic = lex.has_topic(named)
    regulated = _regulated_object(doc)
    regulated = " ".join(regulated.split()) if regulated else None
    if topic and regulated and _not_the_head(regulated, topic, lex):
        return None
    if topic and not regulated and doc.units("chapter") \
            and _listed_after(" ".join(fold(named).split()), topic, lex):
        return None  # "… khoa học, công nghệ, đổi mới sáng tạo và | chuyển đổi số": its chapters decide
    if topic:
        return topic
    qualified = lex.digital_object(named)
    if qualified and regulated and _beside_its_plain_form(regulated, lex):
        return None
    return qualified


def amended_texts_topic(title: str, lex: Lexicon) -> str | None:
    """The digital topic of what an amending text's ``title`` amends, which makes the amending
    text a digital one as that is: the topic that heads the name of every law it amends
    ("Luật sửa đổi, bổ sung một số điều của Luật An toàn thông tin mạng"; "… của Luật Viễn thông
    và Luật Giao dịch điện tử" needs both), or the digital topic or thing at the head of what the
    one sub-law text it amends regulates, as that text's own title would say it
    (:func:`_amended_object`: "Nghị định sửa đổi, bổ sung một số điều của Nghị định số
    53/2022/NĐ-CP … quy định chi tiết một số điều của Luật An ninh mạng"). None when a law it
    amends has no such name ("… của Luật Đầu tư, Luật Doanh nghiệp": its quoted text decides),
    or the title names the texts by their field ("… của các luật về quân sự, quốc phòng")."""
    listed = _amended_list(fold(title))
    if not listed:
        return None
    names = _amended_law_names(listed)
    if names:
        topics = [lex.has_topic(name, starts_before=1) for name in names]
        return topics[0] if all(topics) else None
    regulated = _amended_object(listed)
    return object_topic(regulated, lex) if regulated else None


def _amended_list(title: str) -> str | None:
    """What a folded amending title says after its amendment verb and "của" (rubric
    ``[structure] amended_list_lead``): the texts it amends; None when it says no such thing."""
    leads = [fold(lead) for lead in rubric()["structure"]["amended_list_lead"]]
    at = max((title.find(lead) + len(lead) for lead in leads if lead in title), default=-1)
    return title[at:].strip() if at >= 0 else None


def _amended_object(listed: str) -> str | None:
    """What the one sub-law text an amending title amends regulates (``listed``: the texts it
    amends, :func:`_amended_list`), as that text's own title says
    (rubric ``[regulates] amended_kinds``, ``amended_says``, ``issued_with``): after "quy định
    (chi tiết) …", "hướng dẫn …" or "về …" for a decree or circular ("nghị định số 53/2022/nđ-cp
    ngày … của chính phủ quy định chi tiết | một số điều của luật an ninh mạng"), after its kind
    for a regulation, which is named by what it regulates ("quy chế | quản lý văn bản điện tử
    trên hệ thống …"), up to "ban hành kèm theo …"; None for several texts or none."""
    rg = rubric()["regulates"]
    kinds = sorted(map(fold, rg["amended_kinds"]), key=len, reverse=True)
    kind = next((k for k in kinds if listed.startswith(k + " ")), None)
    if kind is None or re.search(rf"(?:,| và )\s*(?:{'|'.join(map(re.escape, kinds))})\s+số\s", listed):
        return None
    rest = listed[len(kind):]
    if kind not in map(fold, rg["amended_named_kinds"]):
        says = re.search(rg["amended_says"], rest)
        if says is None:
            return None
        rest = rest[says.end():]
    return rest.split(fold(rg["issued_with"]))[0].strip(" ,;.") or None


def _amended_law_names(listed: str) -> list[str]:
    """The names, without their kind, of the laws an amending title amends (``listed``: the texts
    it amends, :func:`_amended_list`), each named by a kind of rubric ``[structure]
    amending_article_object`` ("an toàn thông tin mạng số 86/2015/qh13"); [] when an item of the
    list is not a law named so."""
    kinds = sorted(map(fold, rubric()["structure"]["amending_article_object"]), key=len, reverse=True)
    names = []
    for item in re.split(r",| và ", listed):
        item = item.strip(" .;")
        kind = next((k for k in kinds if item.startswith(k + " ")), None)
        if kind is None:
            return []
        names.append(item[len(kind) + 1:])
    return names


def _beside_its_plain_form(regulated: str, lex: Lexicon) -> bool:
    """Is the last item of a sub-law text's object (folded) the digital form of an item before
    it ("khảo sát thủy đạc, hải đồ và | hải đồ điện tử"): the text regulates the thing and its
    digital form, one object of several? Verbs sharing the object ("quản lý, tổ chức hoạt động
    thể thao điện tử") and things of one form ("hóa đơn, chứng từ điện tử") are not; the last of
    several objects of their own is (:func:`_several_objects`)."""
    *before, last = [item.strip() for item in re.split(r",| và ", regulated)]
    q = lex.closing_qualifier(last)
    return q is not None and (last[:-len(q)].strip() in before or _several_objects(before))


def _several_objects(items: list[str]) -> bool:
    """Are ``items`` two objects or more of three words or more each, things of their own that a
    qualifier closing the next item does not reach ("kinh doanh dịch vụ lữ hành, hướng dẫn viên
    du lịch, cơ sở lưu trú du lịch và | thẻ hướng dẫn viên du lịch điện tử")?"""
    return len(items) >= 2 and all(len(item.split()) >= 3 for item in items)


def _not_the_head(regulated: str, term: str, lex: Lexicon) -> bool:
    """Is ``term`` named in a sub-law text's object only beside things of its own: a second
    object (:func:`_second_object`), an item of a list after items that name nothing digital
    (:func:`_listed_after`), or an object after the first one, which a semicolon ends ("quy
    định chi tiết phương pháp định giá đất; | điều tra, … cập nhật cơ sở dữ liệu giá đất":
    ``regulated`` is the first object only, :func:`_regulated_object`)?"""
    return term not in regulated or _second_object(regulated, term) \
        or _listed_after(regulated, term, lex)


def _listed_after(regulated: str, term: str, lex: Lexicon) -> bool:
    """Does ``term`` first stand in ``regulated`` (both folded) in an item of a list, after a
    comma or "và", every item before it naming nothing digital ("tài liệu, | dữ liệu và mẫu vật
    dầu khí", "báo cáo, thống kê và thông tin, | dữ liệu về khu công nghiệp": data of a sector
    beside its records and samples, not a text about data)? At the item's head, or in a term
    that heads it (:func:`_heads_an_item`); verbs sharing an object do not make one ("quản lý,
    vận hành và khai thác trung tâm dữ liệu")."""
    at = regulated.find(term)
    if at <= 0:
        return False
    before = regulated[:at].rstrip()
    if not (before.endswith(",") or before.endswith(" và")):
        cut = max(before.rfind(","), before.rfind(" và "))
        if cut < 0 or not _heads_an_item(regulated, cut, at + len(term), lex):
            return False
        before = before[:cut]
    return not lex.has_topic(before) and not any(
        h.strength == "strong" or h.category in lex.title_categories for h in lex.find_folded(before))


def _heads_an_item(regulated: str, cut: int, end: int, lex: Lexicon) -> bool:
    """Does a lexicon term that reaches ``end`` head the item after the separator at ``cut``
    (a comma or " và "), which follows an object of three words or more ("quản lý, sử dụng tài
    sản công tại cơ quan nhà nước, | cơ sở dữ liệu quốc gia về tài sản công"; not "cơ chế, |
    chính sách đặc biệt phát triển chuyển đổi số")?"""
    start = cut + (1 if regulated[cut] == "," else len(" và "))
    start += len(regulated[start:]) - len(regulated[start:].lstrip())
    object_before = regulated[:cut].rsplit(",", 1)[-1]
    return len(object_before.split()) >= 3 and any(
        h.start == start and h.end >= end for h in lex.find_folded(regulated))


def _second_object(regulated: str, topic: str) -> bool:
    """Does ``topic`` first stand in ``regulated`` (both folded, as the lexicon's topics are)
    after a " và " whose first object, back to the comma before it, has three words or more ("đo
    đếm điện năng | và quản lý dữ liệu …"; not the verbs sharing an object: "xây dựng, vận hành |
    và sử dụng …")?"""
    at = regulated.find(topic)
    if at < 0:
        return False
    before = regulated[:at]
    joint = before.rfind(" và ")
    return joint >= 0 and len(before[:joint].rsplit(",", 1)[-1].split()) >= 3


def substantive_chapters(outline: Outline) -> list[Unit]:
    general = rubric()["structure"]["general_chapter"]
    return [c for c in outline.units("chapter")
            if not outline.is_final(c) and not heading_is(c.heading, general)]


def decide(outline: Outline, sc: DocScan, judged: Judgements, lex: Lexicon,
           defined: frozenset[str] = frozenset()) -> Verdict:
    """The status, the digital chapters, sections and articles (with their eids), the reasons and
    the confidence, from the units' judgements (the applicability and the coverage are added
    after). ``defined``: the folded terms the text's definitions article defines as digital
    things (:mod:`lawscan.analyse.definitions`)."""
    doc = outline.doc
    topic = title_topic(doc, lex)
    if topic:
        return _digital_law(outline, judged, reason("title_topic", topic=topic))
    # the digital thing the title says the text regulates: one the text defines so (it says so
    # itself: "Hệ thống … là hệ thống thông tin …") or, in a sub-law text's title, a strong term;
    # else what the title, or a record without its title's scope article, says it regulates,
    # with at least half of its substantive chapters digital
    own = _thing_in_title(doc, defined, lex)
    if own:
        return _digital_law(outline, judged, reason("title_object_thing", topic=own))
    if law_title(doc):
        topic, why = title_object_topic(doc, lex), "title_object_topic"
    else:
        topic, why = scope_topic(outline, lex), "scope_topic"
    if topic:
        subst = substantive_chapters(outline)
        dig_ch = {j.num for j in judged.digital("chapter")}
        # the share of digital chapters it needs (at least half), as a margin
        margin = (2 * sum(c.num in dig_ch for c in subst) - len(subst)) / len(subst) if subst else 1.0
        if margin >= 0:
            return _digital_law(outline, judged, reason(why, topic=topic), margin)
    return _by_units(outline, sc, judged)


def _digital_law(outline: Outline, judged: Judgements, why: Reason,
                 topic_margin: float | None = None) -> Verdict:
    """A law about the digital environment as a whole: every substantive chapter, their
    sections and every substantive article are listed."""
    subst = substantive_chapters(outline)
    secs = [s for c in subst for s in c.walk(False) if s.kind == "section"]
    arts = [a for a in outline.units("article")
            if not outline.is_final(a) and not is_framing_article(a)]
    eids = {f"{u.kind}:{u.num}": u.eid for u in subst + secs + arts}
    return Verdict(status="digital_law", chapters=[c.num for c in subst],
                   sections=[[c.num, s.num] for c in subst for s in c.walk(False) if s.kind == "section"],
                   articles=[a.num for a in arts], reasons=[why], eids=eids,
                   confidence=confidence("digital_law", judged, topic_margin))


def _by_units(outline: Outline, sc: DocScan, judged: Judgements) -> Verdict:
    """The largest kind of digital unit found decides the status (``none``: with what the law does
    mention, from the scan)."""
    chapters, sections = judged.digital("chapter"), judged.digital("section")
    articles = judged.digital("article")
    eids = {}
    for kind, units in (("chapter", chapters), ("section", sections), ("article", articles)):
        eids.update((f"{kind}:{j.num}", j.unit.eid) for j in units)
    if chapters:
        status, reasons = "dedicated_chapter", [j.reason for j in chapters]
    elif sections:
        status, reasons = "section_only", [j.reason for j in sections]
    elif articles:
        status, reasons = "articles_only", []
    else:
        status, reasons = "none", [_none_reason(outline, sc)]
    if status != "none":
        reasons += [j.reason for j in articles[:8]]
    return Verdict(status=status, chapters=[j.num for j in chapters],
                   sections=[j.num.split("/", 1) for j in sections],
                   articles=list(dict.fromkeys(j.num for j in articles)), reasons=reasons, eids=eids,
                   confidence=confidence(status, judged))


def incidental_mentions(outline: Outline, sc: DocScan) -> dict[str, list[str]]:
    """Strong digital terms in the law's own articles (final provisions left out) -> the numbers
    of the articles that name them, in order: what a law with status ``none`` does say."""
    found: dict[str, list[str]] = {}
    for art in outline.units("article"):
        if outline.is_final(art):
            continue
        for hit in sc.deep_hits(art):
            if hit.strength == "strong":
                arts = found.setdefault(hit.term, [])
                if art.num not in arts:
                    arts.append(art.num)
    return found


def _none_reason(outline: Outline, sc: DocScan, shown: int = 4) -> Reason:
    """Why the status is ``none``: nothing digital, or what was found and why it is not enough."""
    found = incidental_mentions(outline, sc)
    if not found:
        return reason("none")
    terms = sorted(found, key=lambda t: (-len(found[t]), t))[:shown]
    listed = "; ".join(text("mention", term=t, articles=label(
        "article", num=", ".join(found[t][:3]) + (", …" if len(found[t]) > 3 else "")))[0] for t in terms)
    more = len(found) - len(terms)
    return reason("incidental", listed=listed, more=text("more_terms", n=more) if more else "")


@lru_cache(maxsize=1)
def _applicability_automaton():
    import ahocorasick

    a = ahocorasick.Automaton()
    for name, phrases in rubric().get("applicability", {}).items():
        for p in phrases:
            key = fold(p)
            prev = a.get(key, ())
            a.add_word(key, (key, prev[1] + (name,) if prev else (name,)))
    a.make_automaton()
    return a


def applicability(outline: Outline, sc: DocScan, status: str) -> tuple[bool, list[Reason]]:
    """Does the law have a digital dimension that calls for a chapter (Digitalcheck-style)?
    Counts, outside the final provisions, the phrases of each rubric.toml ``[applicability]``
    family (procedures, registration, licensing, records, reporting, information, public
    services); three families used at least twice make the law applicable."""
    if status != "none":  # the phrase counts are only needed for a law without digital units
        return True, [reason("applicable_status", status=status)]
    a = _applicability_automaton()
    # one automaton pass over the folded text of the lexicon scan (every heading and non-empty
    # line, joined by line breaks, which no phrase holds and which are not alphanumeric): each
    # hit is counted for the article (of the document's own structure, not final provisions) its
    # unit is in, in document order, as a walk of every article would count them
    import bisect

    article_of = outline.article_finder()
    found: dict[str, int] = {}
    f, starts, n = sc.folded, sc.starts, len(sc.folded)
    for end, (key, names) in a.iter(f):
        start = end - len(key) + 1
        if (start > 0 and f[start - 1].isalnum()) or (end + 1 < n and f[end + 1].isalnum()):
            continue
        if article_of(sc.slot_units[bisect.bisect_right(starts, start) - 1]) is not None:
            for name in names:
                found[name] = found.get(name, 0) + 1
    strong = {k: v for k, v in found.items() if v >= 2}
    applicable = len(strong) >= 3
    if applicable:
        listed = ", ".join(f"{k.replace('_', ' ')} ({v})"
                           for k, v in sorted(strong.items(), key=lambda x: -x[1]))
        why = [reason("applicable_phrases", listed=listed)]
    else:
        listed = ", ".join(f"{k} ({v})" for k, v in found.items())
        why = [reason("not_applicable", listed=listed or text("nothing_found"))]
    return applicable, why
