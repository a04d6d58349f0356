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
    tags = ("digital", "citation", "repealed")
    doc_kinds = {"consolidated": "info"}
    options = {"report_unverified": (True, "report rows of the table marked unverified (as info)")}

    def check(self, ctx):
        doc = ctx.doc
        date, year = doc_date(doc)
        if year is None:
            return
        rows = load_data("repealed").get("law", [])
        own = re.sub(r"\s", "", (doc.number or "")).upper()
        repeal = re.compile("|".join(map(re.escape, self.words["repeal"])))
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
                new = (self.words["title_number"].format(title=row['replaced_by_title'],
                                                         number=row['replaced_by'])
                       if row.get("replaced_by") else row.get("replaced_by_title", ""))
                yield self.finding(
                    ctx, at, line=lineno, msg=kind, key=row["number"],
                    severity="info" if kind != "default" else None,
                    evidence=[Evidence(at.eid, lineno, short(text))], label=ctx.full_label(unit),
                    title=row["title"], number=row["number"], new=new,
                    effective=effective.strftime("%d/%m/%Y"), parts=row.get("repealed_parts", ""),
                    extra={"repealed": row["number"], "replaced_by": row.get("replaced_by", ""),
                           "verified": bool(row.get("verified")), "scope": row.get("scope")})

