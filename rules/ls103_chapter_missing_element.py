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
    title = "Chương về môi trường số thiếu nội dung cần có"
    title_en = "The digital chapter lacks an expected element"
    messages = {"default": (
        "{where} chưa quy định về: {label}.",
        "{where_en} does not cover: {label} ({element}).")}
    why = ("Không có mẫu chính thức cho 'chương về môi trường số'; bộ tiêu chí được rút ra từ "
           "phạm vi của Luật Chuyển đổi số 148/2025/QH15, nguyên tắc không thu thập lại dữ liệu "
           "(Luật Dữ liệu 60/2024/QH15 Điều 11), nguyên tắc con người kiểm soát trí tuệ nhân tạo "
           "(Luật Công nghiệp công nghệ số 71/2025/QH15) và các chương số hiện có (Luật Đất đai "
           "2024 Chương XII Điều 163–170; Luật Kinh doanh bất động sản 2023 Chương VIII): hệ "
           "thống thông tin → hạ tầng, phần mềm → cơ sở dữ liệu → kết nối, chia sẻ → dịch vụ công "
           "trực tuyến, giao dịch điện tử → kinh phí → an toàn, bảo mật → trách nhiệm.")
    basis = ("Luật Chuyển đổi số số 148/2025/QH15",
             "Luật Dữ liệu số 60/2024/QH15, Điều 11",
             "Luật Giao dịch điện tử số 20/2023/QH15",
             "Luật Đất đai số 31/2024/QH15, Chương XII (mẫu thực tế)")
    suggestion = "Bổ sung một điều (hoặc khoản) về nội dung còn thiếu trong chương này, hoặc dẫn chiếu luật chuyên ngành quy định nội dung đó."
    tags = ("digital", "coverage", "rubric")
    doc_kinds = {"constitution": "off", "decree": "info", "circular": "info", "resolution": "off",
             "decision": "off"}
    doc_kinds_why = ("Bộ tiêu chí (hệ thống thông tin, cơ sở dữ liệu, kinh phí, trách nhiệm …) là "
                     "của một chương trong luật; luật sửa đổi bổ sung chương như vậy cũng được xét. "
                     "Chương về môi trường số của nghị định, thông tư chỉ quy định chi tiết phần luật "
                     "giao: nội dung còn thiếu chỉ ghi nhận (info), vì có thể đã có trong luật. "
                     "Hiến pháp, nghị quyết, quyết định: không áp dụng.")
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
    example_bad = ("Chương X\nHỆ THỐNG THÔNG TIN VỀ NHÀ Ở\nĐiều 60. Hệ thống thông tin về nhà ở\n"
                   "Điều 61. Cơ sở dữ liệu về nhà ở\n(no article on security of the data -> one "
                   "finding for the security element, one per other absent element)")
    example_good = ("… Điều 65. Bảo đảm an toàn, bảo mật thông tin, dữ liệu về nhà ở\n"
                    "(element present -> no finding for it)")

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

    @staticmethod
    def _target(ctx):
        verdict = ctx.verdict
        if verdict.status == "section_only" and verdict.sections:
            chp, sec = verdict.sections[0]
            unit = ctx.verdict_unit("section", f"{chp}/{sec}")
            return unit, f"Mục {sec} Chương {chp}", f"Section {sec} of Chapter {chp}"
        if verdict.chapters:
            num = verdict.chapters[0]
            return ctx.verdict_unit("chapter", num), f"Chương {num}", f"Chapter {num}"
        doc_vi, doc_en = kind_name(ctx.doc)
        return None, doc_vi, doc_en[:1].upper() + doc_en[1:]
