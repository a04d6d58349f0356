"""LS103 chapter-missing-element: a digital chapter (or section) that leaves out elements of the
rubric (domain research §1.9: information system, database, connection and sharing, online
services, e-transactions, security, funding, responsibilities, …).

Takes the Verdict (coverage items in state "absent", the digital chapters/sections and their
eids); gives one finding per missing element, pointing at the first digital chapter (or
section), the element id being the fingerprint discriminator.
"""

from lawscan.engine import Rule
from lawscan.engine.kinds import kind_name


class ChapterMissingElement(Rule):
    id = "LS103"
    name = "chapter-missing-element"
    severity = "warning"
    tags = ("digital", "coverage", "rubric")
    doc_kinds = {"constitution": "off", "decree": "info", "circular": "info", "resolution": "off",
             "decision": "off"}
    options = {
        "info_elements": (["principles", "e_identification", "ai_oversight", "platforms_assets",
                           "violations_online"],
                          "rubric element ids reported as info instead of the rule's "
                          "severity (elements that are optional for the sector)"),
        "ignore_elements": ([], "rubric element ids never reported"),
        "statuses": (["dedicated_chapter", "section_only"],
                     "statuses whose digital chapter/section is checked"),
    }
    needs_verdict = True

    def check(self, ctx):
        verdict = ctx.verdict
        if not verdict.applicable or verdict.status not in (self.option(ctx, "statuses") or ()):
            return
        target, where_vi, where_en = self._target(ctx)
        info_elements = set(self.option(ctx, "info_elements") or ())
        ignored = set(self.option(ctx, "ignore_elements") or ())
        for item in verdict.coverage:
            if item.state != "absent" or item.element in ignored:
                continue
            sev = "info" if item.element in info_elements else None
            yield self.finding(ctx, target, severity=sev, key=item.element,
                               where=where_vi, where_en=where_en, label=item.label,
                               element=item.element,
                               extra={"element": item.element, "label": item.label})

    def _target(self, ctx):
        verdict = ctx.verdict
        if verdict.status == "section_only" and verdict.sections:
            chp, sec = verdict.sections[0]
            unit = ctx.verdict_unit("section", f"{chp}/{sec}")
            vi, en = self.words["section"]
            return unit, vi.format(sec=sec, chp=chp), en.format(sec=sec, chp=chp)
        if verdict.chapters:
            num = verdict.chapters[0]
            vi, en = self.words["chapter"]
            return ctx.verdict_unit("chapter", num), vi.format(num=num), en.format(num=num)
        doc_vi, doc_en = kind_name(ctx.doc)
        return None, doc_vi, doc_en[:1].upper() + doc_en[1:]
