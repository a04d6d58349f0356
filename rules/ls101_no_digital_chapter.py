"""LS101 no-digital-chapter: an applicable law with no chapter on the digital environment.

Takes the Verdict (status, applicable) and the document's kind; gives at most one finding,
pointing at the "Điều khoản thi hành" chapter (where a new chapter would go, just before it) or,
when the law has none, at the title line. A decree or a circular is only reminded (info, see
``doc_kinds``); an act that amends others, of any kind, is left alone.
"""

from lawscan.engine import Rule
from lawscan.engine.kinds import judged_kind, kind_name

DEFAULT_STATUS_SEVERITY = {"none": "error", "articles_only": "error", "section_only": "warning"}
# kinds that detail a law rather than govern a field: reminded of digital provisions, not asked for
# a chapter (their cap in doc_kinds is info)
DETAILING_KINDS = ("decree", "circular")


def _incidental(verdict) -> tuple[str, str] | None:
    """The terms a ``none`` law does name, from the verdict's "incidental" reason: ("“cơ sở dữ
    liệu” (Điều 9, 17); …", same) or None."""
    r = next((r for r in verdict.reasons if r.code == "incidental"), None)
    if r is None:
        return None
    return r.vi.split(": ", 1)[-1].split(" — ")[0], r.en.split(": ", 1)[-1].split(" — ")[0]


class NoDigitalChapter(Rule):
    id = "LS101"
    name = "no-digital-chapter"
    severity = "error"
    tags = ("digital", "coverage", "structure")
    doc_kinds = {"amending_law": "off", "constitution": "off", "decree": "info",
                 "circular": "info", "resolution": "off", "decision": "off"}
    options = {
        "status_severity": (DEFAULT_STATUS_SEVERITY,
                            "severity per status of an applicable law; a status mapped to "
                            "\"off\" gives no finding"),
        "not_applicable_severity": ("info", "severity of the note for a law with nothing "
                                    "digital to regulate (\"off\" to say nothing)"),
        "skip_doc_kinds": ([], "more document kinds not asked for such a chapter (beside the "
                               "kinds table: `doc_kinds = {decree = \"off\"}` changes that)"),
    }
    needs_verdict = True

    def check(self, ctx):
        from lawscan.analyse.matcher import is_amending_law

        verdict, doc = ctx.verdict, ctx.doc
        if doc.doc_kind in (self.option(ctx, "skip_doc_kinds") or ()) or is_amending_law(doc):
            return  # an act that amends others (a decree or circular too) carries no chapter
        if verdict.status in ("digital_law", "dedicated_chapter"):
            return
        final = ctx.final_chapter()
        line = final.line if final is not None else ctx.title_line()
        doc_vi, doc_en = kind_name(doc)
        names = {"doc_vi": doc_vi, "doc_en_cap": doc_en[:1].upper() + doc_en[1:]}
        if not verdict.applicable:
            sev = self.option(ctx, "not_applicable_severity")
            if sev and sev != "off":
                yield self.finding(ctx, final, line=line, msg="not_applicable", severity=sev,
                                   key="not_applicable", suggestion="",
                                   extra={"status": verdict.status, "applicable": False}, **names)
            return
        table = dict(DEFAULT_STATUS_SEVERITY)
        table.update(self.option(ctx, "status_severity") or {})
        sev = table.get(verdict.status, "error")
        if sev == "off":
            return
        detailing = judged_kind(doc) in DETAILING_KINDS
        found = _incidental(verdict) if verdict.status == "none" and not detailing else None
        state = self.words["status"].get(verdict.status, (verdict.status, verdict.status))
        yield self.finding(ctx, final, line=line, severity=sev,
                           msg="detailing" if detailing else "incidental" if found else "default",
                           suggestion=self.words["detailing_suggestion"] if detailing else None,
                           found_vi=found[0] if found else "", found_en=found[1] if found else "",
                           state_vi=state[0], state_en=state[1],
                           extra={"status": verdict.status, "applicable": True,
                                  "reasons": [r.to_dict() for r in verdict.reasons]}, **names)
