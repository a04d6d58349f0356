"""LS104 undefined-digital-term: a digital term with a legal definition (rules/data/
defined_terms.toml) that the law uses without defining it in its "Giải thích từ ngữ" article and
without referring to the law that defines it.

Takes the Document; gives one finding per defining law, listing the terms of that law the
document uses, at the first unit (outside the final provisions; quoted amendment text counts, at
its instruction) that uses one of them. Info by default: a drafting hint, not a gap.
"""


from lawscan.engine import Rule
from lawscan.engine.kinds import kind_name
from lawscan.engine.text import fold, load_data


def defined_in_doc(ctx) -> set[str]:
    """Folded terms the law itself defines in its "Giải thích từ ngữ" article(s)."""
    from lawscan.analyse.segment import defined_terms

    return {fold(t.term).strip() for t in defined_terms(ctx.doc)}


class UndefinedDigitalTerm(Rule):
    id = "LS104"
    name = "undefined-digital-term"
    severity = "info"
    tags = ("digital", "drafting", "terminology")
    options = {"ignore_terms": ([], "terms never reported")}

    def check(self, ctx):
        doc = ctx.doc
        data = load_data("defined_terms")
        ignored = {fold(t) for t in self.option(ctx, "ignore_terms") or ()}
        whole = ctx.text_of(doc.root)
        defined = None
        by_law: dict[str, dict] = {}  # defining law number -> its field, terms used, hits
        for fld in data.get("field", []):
            if doc.number and doc.number.upper() == fld.get("number", "").upper():
                continue
            if doc.year and doc.year < int(fld.get("since", 0)):
                continue
            if any(fold(r) in whole for r in fld.get("references", [])):
                continue
            for term in fld.get("terms", []):
                t = fold(term)
                if t in ignored or t not in whole:
                    continue
                hit = ctx.first([term])
                if hit is None:
                    continue
                if defined is None:
                    defined = defined_in_doc(ctx)
                if t in defined:
                    continue
                entry = by_law.setdefault(fld.get("number") or fld["law"],
                                          {"field": fld, "terms": [], "hits": []})
                if term not in entry["terms"]:
                    entry["terms"].append(term)
                    entry["hits"].append(hit)
        doc_vi, doc_en = kind_name(doc)
        for number, entry in by_law.items():
            fld, hits = entry["field"], sorted(entry["hits"], key=lambda h: (h.line or 0))
            terms = ", ".join(f"\"{t}\"" for t in entry["terms"])
            yield self.finding(ctx, hits[0].at, line=hits[0].line, key=number,
                               evidence=[h.evidence() for h in hits[:3]], terms=terms, law=fld["law"],
                               article=fld.get("article", ""),
                               reference=fld.get("references", [""])[0], doc_vi=doc_vi,
                               doc_en=doc_en,
                               extra={"terms": entry["terms"], "defined_by": number})
