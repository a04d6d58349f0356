"""LS108 repealed-law-citation: the law cites a digital law that had been repealed (or partly
repealed) when the citing law was made, per the table rules/data/repealed.toml.

Takes the Document (its number, date or year, body text); gives one finding per citing unit and
repealed law. The repealed law itself, its replacement, laws made before the repeal took effect
(by their own date, or year when no date is known), the final provisions and lines that
declare the repeal ("hết hiệu lực", "bãi bỏ") are not reported. Rows marked unverified, and
partial repeals, give info findings.
"""

import datetime as dt
import re

from lawscan.engine import Rule
from lawscan.engine.text import fold, load_data, short
from lawscan.model import Evidence

REPEAL_WORDS = ("hết hiệu lực", "bãi bỏ", "thay thế")


def doc_date(doc):
    """(date or None, year or None) of the citing document; a draft with neither is dated today."""
    date = None
    if doc.date:
        try:
            date = dt.date.fromisoformat(doc.date[:10])
        except ValueError:
            date = None
    year = date.year if date else doc.year
    if date is None and year is None and doc.is_draft:
        date = dt.date.today()
        year = date.year
    return date, year


def citation_forms(row) -> list[tuple[list[str], str]]:
    """The ways a citation of the law is written, folded, each as (pieces, separator regex):
    the number, whose pieces may have any spaces around each slash ("51 / 2005 / QH11"), and
    each alias ending in a year ("Luật Giao dịch điện tử năm 2005"), whose words may have any
    run of spaces between them. A citation holds every piece of its form as it is."""
    forms = [(fold(row["number"]).split("/"), r"\s*/\s*")]
    forms += [(fold(a).split(" "), r"\s+") for a in row.get("aliases", []) if re.search(r"\d{4}$", a)]
    return forms


def citation_pattern(row) -> re.Pattern:
    """The law's number (any spacing), or its title followed by its year (see citation_forms)."""
    alternatives = [sep.join(map(re.escape, pieces)) for pieces, sep in citation_forms(row)]
    return re.compile(r"(?<![\w/])(?:" + "|".join(alternatives) + r")(?![\w/])")


def citation_pieces(row) -> set[str]:
    """Plain strings one of which every match of :func:`citation_pattern` holds as it is: of
    each form, its longest piece with a digit (else its longest), for a cheap first look."""
    return {max(pieces, key=lambda p: (any(c.isdigit() for c in p), len(p)))
            for pieces, _ in citation_forms(row)}


class RepealedLawCitation(Rule):
    id = "LS108"
    name = "repealed-law-citation"
    severity = "warning"
    title = "Dẫn chiếu luật về môi trường số đã hết hiệu lực"
    title_en = "Citation of a repealed digital law"
    messages = {
        "default": ("{label} dẫn chiếu {title} số {number}, đã hết hiệu lực từ ngày {effective}, "
                    "được thay thế bởi {new}.",
                    "{label} cites the {title} No. {number}, repealed from {effective} and "
                    "replaced by {new}."),
        "partial": ("{label} dẫn chiếu {title} số {number}; một phần của luật này ({parts}) đã "
                    "bị bãi bỏ bởi {new} từ ngày {effective}: kiểm tra quy định được dẫn chiếu "
                    "còn hiệu lực.",
                    "{label} cites the {title} No. {number}, parts of which ({parts}) were "
                    "repealed by {new} from {effective}: check that the cited provision is "
                    "still in force."),
        "unverified": ("{label} dẫn chiếu {title} số {number}, có thể đã được thay thế bởi {new} "
                       "(chưa kiểm chứng số hiệu và ngày hiệu lực): kiểm tra lại.",
                       "{label} cites the {title} No. {number}, which may have been replaced by "
                       "{new} (number and date not verified): check."),
    }
    why = ("Dẫn chiếu văn bản đã hết hiệu lực làm quy định không áp dụng được hoặc dẫn tới "
           "cách hiểu sai. Ví dụ: Luật Giao dịch điện tử 51/2005/QH11 hết hiệu lực từ 01/07/2024 "
           "(Luật Giao dịch điện tử 20/2023/QH15 Điều 52); Luật Viễn thông 41/2009/QH12 hết "
           "hiệu lực từ 01/07/2024 (Luật Viễn thông 24/2023/QH15 Điều 72); Luật Căn cước công dân "
           "59/2014/QH13 hết hiệu lực từ 01/07/2024 (Luật Căn cước 26/2023/QH15 Điều 45).")
    basis = ("Luật Giao dịch điện tử số 20/2023/QH15, Điều 52",
             "Luật Viễn thông số 24/2023/QH15, Điều 72",
             "Luật Căn cước số 26/2023/QH15, Điều 45",
             "Luật Công nghiệp công nghệ số số 71/2025/QH15, Điều 49")
    suggestion = "Dẫn chiếu luật đang có hiệu lực (hoặc \"theo quy định của pháp luật về …\")."
    tags = ("digital", "citation", "repealed")
    doc_kinds = {"consolidated": "info"}
    doc_kinds_why = ("Áp dụng đầy đủ cho mọi văn bản, nhất là nghị định, thông tư: phần căn cứ và các "
                     "điều dẫn chiếu luật được hướng dẫn, nên dẫn chiếu luật đã hết hiệu lực gặp nhiều "
                     "ở đó. Văn bản hợp nhất giữ nguyên lời văn của các văn bản được hợp nhất: chỉ "
                     "ghi nhận (info), sửa ở văn bản sửa đổi.")
    options = {"report_unverified": (True, "report rows of the table marked unverified (as info)")}
    example_bad = ("Luật số: 12/2025/QH15 …\nĐiều 8. Giao dịch điện tử\nViệc ký hợp đồng thực "
                   "hiện theo Luật Giao dịch điện tử số 51/2005/QH11.")
    example_good = ("Luật số: 12/2025/QH15 …\nĐiều 8. Giao dịch điện tử\nViệc ký hợp đồng thực "
                    "hiện theo Luật Giao dịch điện tử số 20/2023/QH15.")

    def check(self, ctx):
        doc = ctx.doc
        date, year = doc_date(doc)
        if year is None:
            return
        rows = load_data("repealed").get("law", [])
        own = re.sub(r"\s", "", (doc.number or "")).upper()
        repeal = re.compile("|".join(map(re.escape, REPEAL_WORDS)))
        for row in rows:
            if own and own in (row["number"].upper(), row.get("replaced_by", "").upper()):
                continue
            if not row.get("verified") and not self.option(ctx, "report_unverified"):
                continue
            effective = dt.date.fromisoformat(row["effective"])
            if (date is not None and date < effective) or (date is None and year <= effective.year):
                continue
            pattern = citation_pattern(row)
            # only the lines holding a piece every citation holds can match (found with
            # str.find in the joined body, not a regex on every line)
            candidates = set()
            for piece in citation_pieces(row):
                candidates |= ctx.body_rows_containing(piece)
            body = ctx.body_lines()
            seen = set()
            for k in sorted(candidates):
                unit, at, lineno, folded, text = body[k]
                m = pattern.search(folded)
                if not m or repeal.search(folded) or id(at) in seen:
                    continue
                seen.add(id(at))
                kind = ("unverified" if not row.get("verified") else
                        "partial" if row.get("scope") == "partial" else "default")
                new = (f"{row['replaced_by_title']} số {row['replaced_by']}"
                       if row.get("replaced_by") else row.get("replaced_by_title", ""))
                yield self.finding(
                    ctx, at, line=lineno, msg=kind, key=row["number"],
                    severity="info" if kind != "default" else None,
                    evidence=[Evidence(at.eid, lineno, short(text))], label=ctx.full_label(unit),
                    title=row["title"], number=row["number"], new=new,
                    effective=effective.strftime("%d/%m/%Y"), parts=row.get("repealed_parts", ""),
                    extra={"repealed": row["number"], "replaced_by": row.get("replaced_by", ""),
                           "verified": bool(row.get("verified")), "scope": row.get("scope")})

