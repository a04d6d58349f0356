"""LS109 broken-cross-reference: an internal reference ("khoản 3 Điều 45 của Luật này") to a
unit the law does not have.

Takes the broken references the graph stage finds (``ctx.references.broken``: typed
:class:`lawscan.graph.build.BrokenReference` records, each once) and gives one finding per
broken reference, at the unit holding the line, the reference text as discriminator.
"""

from lawscan.engine import Rule
from lawscan.model import Evidence


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
        for ref in ctx.references.broken:
            unit = ctx.unit_at_line(ref.line)
            at = ctx.anchor(unit) if unit is not None else None
            yield self.finding(ctx, at, line=ref.line, key=ref.text, ref=ref.text,
                               target=ref.target,
                               evidence=[Evidence(at.eid if at else "", ref.line, ref.text)],
                               extra={"reference": ref.text, "problem": ref.message})
