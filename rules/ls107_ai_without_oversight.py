"""LS107 ai-without-oversight: artificial intelligence or automated decisions ("trí tuệ nhân
tạo", "tự động ra quyết định", "hệ thống tự động") with no human oversight ("con người",
"giám sát", "kiểm soát của con người") in the same article, nor a principle of human control
in an article of the law on principles or on AI ("Điều 20. Nguyên tắc …": "không vượt qua tầm
kiểm soát của con người").

Takes the Document and rules/data/ai.toml (plus, when installed, the spaCy token patterns of
``lawscan.analyse.tokens`` for wordings with gaps); gives one finding per article.
"""

from lawscan.engine import Rule
from lawscan.engine.context import Hit
from lawscan.engine.text import fold, load_data, phrase_pattern, short


def _blank(folded: str, phrases) -> str:
    if not phrases:
        return folded
    return phrase_pattern(tuple(phrases)).sub(lambda m: " " * len(m.group(0)), folded)


def token_hits(ctx, data) -> list[Hit]:
    """Hits of the token patterns of ai.toml (words in between), via the analysis colleague's
    spaCy ``TokenPatternMatcher``; spaCy loads only if a line holds every phrase a pattern needs."""
    specs = data.get("token_pattern", [])
    needs = [[fold(p) for p in spec.get("all", [])] for spec in specs]
    # the lines holding every phrase of a pattern's "all", found with str.find in the joined body
    body = ctx.body_lines()
    todo_rows = set()
    for need in needs:
        todo_rows |= ctx.body_rows_containing_all(need)
    todo = [body[k] for k in sorted(todo_rows) if not ctx.is_definitions(body[k][0])]
    if not todo:
        return []
    from lawscan.analyse.tokens import TokenPatternMatcher

    matcher = TokenPatternMatcher({spec["id"]: [spec["pattern"]] for spec in specs})
    exclude = phrase_pattern(tuple(data.get("exclude", ())))
    hits = []
    for unit, at, lineno, folded, text in todo:
        for _pid, start, end in matcher.find(text):
            if not exclude.search(folded[start:end]):
                hits.append(Hit(folded[start:end], unit, at, lineno, short(text)))
    return hits


class AiWithoutOversight(Rule):
    id = "LS107"
    name = "ai-without-oversight"
    severity = "warning"
    tags = ("digital", "ai", "oversight")
    doc_kinds = {"constitution": "off", "resolution": "info", "decision": "info"}

    def check(self, ctx):
        data = load_data("ai")
        ai = phrase_pattern(tuple(data["ai"]))
        oversight = phrase_pattern(tuple(data["oversight"]))
        law_wide = phrase_pattern(tuple(data["law_wide"]))
        hits = []
        for hit in ctx.scan(data["ai"]):
            if ai.search(_blank(fold(hit.text), data.get("exclude", ()))):
                hits.append(hit)
        seen = {(id(h.unit), h.line) for h in hits}
        hits += [h for h in token_hits(ctx, data) if (id(h.unit), h.line) not in seen]
        if not hits:
            return
        # a principle of human control, in an article on principles or on AI, covers the law
        for art in ctx.doc.units("article", include_quoted=True):
            heading = fold(art.heading)
            if (self.words["principles"] in heading or ai.search(heading)) and ai.search(ctx.text_of(art)) \
                    and law_wide.search(ctx.text_of(art)):
                return
        by_article = {}
        for hit in hits:
            art = ctx.article_scope(hit.unit)
            by_article.setdefault(id(art), (art, []))[1].append(hit)
        for art, arthits in by_article.values():
            text = _blank(ctx.text_of(art), data.get("not_oversight", ()))
            if oversight.search(text):
                continue
            first = arthits[0]
            phrases = list(dict.fromkeys(h.phrase for h in arthits))
            yield self.finding(ctx, first.at, line=first.line,
                               evidence=[h.evidence() for h in arthits],
                               label=ctx.full_label(art), phrases="\", \"".join(phrases),
                               extra={"phrases": phrases, "article": art.eid})
