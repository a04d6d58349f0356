"""LS109 broken-cross-reference: an internal reference ("khoản 3 Điều 45 của Luật này") to a
unit the law does not have.

Takes the ``refs.unresolved`` problems the graph stage (``lawscan.graph.build_graph``) records in
``doc.problems`` — finding them (``lawscan.graph.build.reference_problems``, the graph stage
without the graph) if that has not been done — and gives one finding per
unresolved reference, at the unit holding the line, the reference text as discriminator.
"""

import re

from lawscan.engine import Rule
from lawscan.model import Evidence

# the graph stage's message: reference “khoản 4 Điều 9” names khoản 4 Điều 9, which is not …
MESSAGE = re.compile(r"“(.+?)” names (.+?), which is not")


def unresolved(ctx):
    problems = [p for p in ctx.doc.problems if p.code == "refs.unresolved"]
    if not problems:
        from lawscan.graph.build import reference_problems

        if ctx._graph is None:  # a graph already built has recorded them
            reference_problems(ctx.doc)
        problems = [p for p in ctx.doc.problems if p.code == "refs.unresolved"]
    seen, out = set(), []
    for p in problems:
        if (p.line, p.message) not in seen:
            seen.add((p.line, p.message))
            out.append(p)
    return out


class BrokenCrossReference(Rule):
    id = "LS109"
    name = "broken-cross-reference"
    severity = "warning"
    title = "Dẫn chiếu nội bộ tới điều, khoản không tồn tại"
    title_en = "Internal cross-reference to a unit that does not exist"
    messages = {"default": ("Dẫn chiếu “{ref}” tới {target} không có trong văn bản.",
                            "The reference “{ref}” names {target}, which is not in the document.")}
    why = ("Nghị quyết 351/2017/UBTVQH14 và Luật Ban hành văn bản quy phạm pháp luật 64/2025/QH15 "
           "đòi hỏi văn bản chính xác, thống nhất; dẫn chiếu tới điều, khoản không có trong luật "
           "(thường do đánh số lại khi chỉnh lý dự thảo) làm quy định không áp dụng được.")
    basis = ("Luật Ban hành văn bản quy phạm pháp luật số 64/2025/QH15",
             "Nghị quyết 351/2017/UBTVQH14, Điều 10")
    suggestion = "Sửa số điều, khoản, điểm được dẫn chiếu cho đúng sau khi đánh số lại."
    tags = ("structure", "references")
    doc_kinds_why = "Dẫn chiếu nội bộ phải đúng trong mọi loại văn bản: áp dụng đầy đủ."
    skip_doc_kinds = ()
    example_bad = "Điều 5. …\n1. Trường hợp quy định tại khoản 4 Điều 9 của Luật này … (Điều 9 có 2 khoản)"
    example_good = "Điều 5. …\n1. Trường hợp quy định tại khoản 2 Điều 9 của Luật này …"

    def check(self, ctx):
        for p in unresolved(ctx):
            unit = ctx.unit_at_line(p.line)
            at = ctx.anchor(unit) if unit is not None else None
            m = MESSAGE.search(p.message)
            ref, target = (m.group(1), m.group(2)) if m else (p.message, "?")
            yield self.finding(ctx, at, line=p.line, key=ref, ref=ref, target=target,
                               evidence=[Evidence(at.eid if at else "", p.line, ref)],
                               extra={"reference": ref, "problem": p.message})
