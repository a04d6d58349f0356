"""LS102 scattered-digital-articles: digital provisions spread over articles of several chapters
with no chapter to hold them.

Takes the Verdict (status articles_only, its digital article numbers and their eids); gives one
finding at the first digital article, with every digital article as evidence.
"""

from lawscan.engine import Rule
from lawscan.model import Evidence


class ScatteredDigitalArticles(Rule):
    id = "LS102"
    name = "scattered-digital-articles"
    severity = "warning"
    tags = ("digital", "coverage", "structure")
    doc_kinds = {"amending_law": "off", "constitution": "off", "decree": "info", "circular": "info",
             "resolution": "off", "decision": "off"}
    options = {"min_articles": (3, "minimum number of digital articles"),
               "min_chapters": (2, "minimum number of distinct chapters they sit in")}
    needs_verdict = True

    def check(self, ctx):
        verdict = ctx.verdict
        if verdict.status != "articles_only" or not verdict.applicable:
            return
        articles = []
        for num in verdict.articles:
            unit = ctx.verdict_unit("article", num)
            if unit is not None and not ctx.is_final(unit):
                articles.append(unit)
        chapters = []
        for art in articles:
            chp = ctx.enclosing(art, "chapter")
            key = chp.num if chp is not None else ""
            if key not in chapters:
                chapters.append(key)
        named = [c for c in chapters if c]
        if len(articles) < int(self.option(ctx, "min_articles")) \
                or len(named) < int(self.option(ctx, "min_chapters")):
            return
        evidence = [Evidence(a.eid, a.line, f"{a.label()}. {a.heading}".strip(". "))
                    for a in articles]
        yield self.finding(ctx, articles[0], evidence=evidence, count=len(articles),
                           articles=", ".join(a.num for a in articles), nchapters=len(named),
                           chapters=", ".join(named),
                           extra={"articles": [a.eid for a in articles], "chapters": named})
