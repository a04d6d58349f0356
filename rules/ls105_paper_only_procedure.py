"""LS105 paper-only-procedure: a procedure that demands paper ("bản chính", "bản sao có chứng
thực", "nộp trực tiếp", "bản giấy") with no electronic alternative in the same article
("trực tuyến", "bản điện tử", "qua môi trường điện tử", "dịch vụ công trực tuyến", …).

Takes the Document and the phrase lists of rules/data/procedures.toml [paper]; gives one finding
per article, at the first unit that demands paper, every paper phrase of the article as evidence.
"""

from lawscan.engine import Rule
from lawscan.engine.text import fold, load_data, phrase_pattern


def strip_phrases(folded: str, phrases) -> str:
    """Blank out ``phrases`` (same length, so offsets stay) in folded text."""
    if not phrases:
        return folded
    return phrase_pattern(tuple(phrases)).sub(lambda m: " " * len(m.group(0)), folded)


class PaperOnlyProcedure(Rule):
    id = "LS105"
    name = "paper-only-procedure"
    severity = "warning"
    tags = ("digital", "procedure", "paper")
    doc_kinds = {"constitution": "off"}
    options = {"extra_alternatives": ([], "more phrases that count as an electronic alternative")}

    def check(self, ctx):
        data = load_data("procedures")["paper"]
        require = phrase_pattern(tuple(data["require"]))
        alternatives = tuple(data["alternatives"]) + tuple(self.option(ctx, "extra_alternatives") or ())
        by_article = {}  # id(article) -> (article, [hits])
        for hit in ctx.scan(data["require"]):
            folded = strip_phrases(fold(hit.text), data.get("exclude", ()))
            if not require.search(folded):
                continue
            art = ctx.article_scope(hit.unit)
            by_article.setdefault(id(art), (art, []))[1].append(hit)
        for art, hits in by_article.values():
            if phrase_pattern(alternatives).search(ctx.text_of(art)):
                continue
            first = hits[0]
            phrases = []
            for h in hits:
                if h.phrase not in phrases:
                    phrases.append(h.phrase)
            yield self.finding(ctx, first.at, line=first.line,
                               evidence=[h.evidence() for h in hits],
                               label=ctx.full_label(art), phrases="\", \"".join(phrases),
                               extra={"phrases": phrases, "article": art.eid})
