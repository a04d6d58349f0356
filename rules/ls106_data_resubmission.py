"""LS106 data-resubmission: the citizen must supply again data that the national population
database already holds ("bản sao giấy khai sinh", "giấy xác nhận cư trú", "sổ hộ khẩu",
"chứng minh nhân dân", …) and the law does not say the data is taken from the database instead
("không yêu cầu … cung cấp lại", "khai thác từ Cơ sở dữ liệu quốc gia về dân cư").

Takes the Document and rules/data/procedures.toml [resubmission]; gives one finding per unit that
demands such a document (the demand being in the unit, its lead-in or the article heading).
"""

from lawscan.engine import Rule
from lawscan.engine.text import contains_phrase, load_data, phrase_pattern


class DataResubmission(Rule):
    id = "LS106"
    name = "data-resubmission"
    severity = "warning"
    tags = ("digital", "procedure", "data")
    doc_kinds = {"constitution": "off"}

    def check(self, ctx):
        data = load_data("procedures")["resubmission"]
        if contains_phrase(ctx.text_of(ctx.doc.root), data["law_wide_exempt"]):
            return
        demand = phrase_pattern(tuple(data["demand"]))
        exempt = phrase_pattern(tuple(data["exempt"]))
        by_unit = {}
        for hit in ctx.scan(data["documents"]):
            if not demand.search(ctx.context_text(hit.unit)):
                continue
            art = ctx.article_scope(hit.unit)
            if exempt.search(ctx.text_of(art)):
                continue
            by_unit.setdefault(id(hit.unit), []).append(hit)
        for hits in by_unit.values():
            first = hits[0]
            phrases = list(dict.fromkeys(h.phrase for h in hits))
            yield self.finding(ctx, first.at, line=first.line,
                               evidence=[h.evidence() for h in hits],
                               key=first.unit.eid if first.at is not first.unit else "",
                               label=ctx.full_label(first.unit), phrases="\", \"".join(phrases),
                               extra={"documents": phrases})
