"""LS101 no-digital-chapter: an applicable law with no chapter on the digital environment.

Takes the Verdict (status, applicable); gives at most one finding, pointing at the
"Điều khoản thi hành" chapter (where a new chapter would go, just before it) or, when the law
has none, at the title line.
"""

from lawscan.engine import Rule

DEFAULT_STATUS_SEVERITY = {"none": "error", "articles_only": "error", "section_only": "warning"}
STATUS_VI = {"none": "không có quy định nào về môi trường số",
             "articles_only": "chỉ có một số điều rải rác về môi trường số",
             "section_only": "chỉ có một mục (không phải chương) về môi trường số"}
STATUS_EN = {"none": "has no provision on the digital environment",
             "articles_only": "has only scattered articles on the digital environment",
             "section_only": "has only a section (Mục), not a chapter, on the digital environment"}


class NoDigitalChapter(Rule):
    id = "LS101"
    name = "no-digital-chapter"
    severity = "error"
    title = "Luật chưa có chương điều chỉnh hoạt động trên môi trường số"
    title_en = "The law has no chapter governing activity in the digital environment"
    messages = {
        "default": ("Luật {state_vi}; cần bổ sung một chương điều chỉnh hoạt động trên môi "
                    "trường số (đặt trước chương Điều khoản thi hành).",
                    "The law {state_en}; add a chapter governing activity in the digital "
                    "environment (before the final-provisions chapter)."),
        "not_applicable": ("Luật không có nội dung cần điều chỉnh trên môi trường số; không "
                           "bắt buộc có chương riêng (chỉ để ghi nhận).",
                           "The law has nothing to regulate in the digital environment; no "
                           "digital chapter is needed (noted for the record)."),
    }
    why = ("Nghị quyết 57-NQ/TW (22/12/2024) đặt thể chế làm tiền đề của chuyển đổi số quốc "
           "gia; Luật Chuyển đổi số 148/2025/QH15 (Điều 1 khoản 2) yêu cầu các luật chuyên ngành "
           "bảo đảm thống nhất với nguyên tắc của Luật này. Chủ trương 'mỗi luật có một chương "
           "điều chỉnh hoạt động trên môi trường số' là định hướng chính sách, không phải quy "
           "định bắt buộc; các luật gần đây (Luật Đất đai 2024 Chương XII, Luật Kinh doanh bất "
           "động sản 2023 Chương VIII) đã theo mẫu này. Như Digitalcheck của Đức, trước hết xét "
           "luật có nội dung số cần điều chỉnh hay không: luật không có thì chỉ ghi nhận (info).")
    basis = ("Nghị quyết 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị",
             "Luật Chuyển đổi số số 148/2025/QH15, Điều 1 khoản 2",
             "Luật Đất đai số 31/2024/QH15, Chương XII (mẫu thực tế)")
    suggestion = ("Bổ sung một chương (trước chương Điều khoản thi hành) về hệ thống thông tin, "
                  "cơ sở dữ liệu, kết nối chia sẻ dữ liệu, dịch vụ công trực tuyến, giao dịch "
                  "điện tử, bảo đảm an toàn thông tin và trách nhiệm vận hành.")
    tags = ("digital", "coverage", "structure")
    options = {
        "status_severity": (DEFAULT_STATUS_SEVERITY,
                            "severity per status of an applicable law; a status mapped to "
                            "\"off\" gives no finding"),
        "not_applicable_severity": ("info", "severity of the note for a law with nothing "
                                    "digital to regulate (\"off\" to say nothing)"),
        "skip_doc_kinds": (["amending_law", "constitution"],
                           "document kinds that are not expected to have such a chapter"),
    }
    needs_verdict = True
    example_bad = ("Chương V\nTHANH TRA, KIỂM TRA\nĐiều 30. Thanh tra chuyên ngành\n...\n"
                   "Chương VI\nĐIỀU KHOẢN THI HÀNH\nĐiều 35. Hiệu lực thi hành\n"
                   "(an applicable law whose only digital provision is "
                   "\"Điều 12. Cơ sở dữ liệu về …\": status articles_only -> error)")
    example_good = ("Chương XII\nHỆ THỐNG THÔNG TIN QUỐC GIA VỀ ĐẤT ĐAI VÀ CƠ SỞ DỮ LIỆU QUỐC "
                    "GIA VỀ ĐẤT ĐAI\nĐiều 163. Hệ thống thông tin quốc gia về đất đai\n"
                    "(status dedicated_chapter -> no finding)")

    def check(self, ctx):
        verdict, doc = ctx.verdict, ctx.doc
        if doc.doc_kind in (self.option(ctx, "skip_doc_kinds") or ()):
            return
        if verdict.status in ("digital_law", "dedicated_chapter"):
            return
        final = ctx.final_chapter()
        where = final if final is not None else None
        line = final.line if final is not None else ctx.title_line()
        if not verdict.applicable:
            sev = self.option(ctx, "not_applicable_severity")
            if sev and sev != "off":
                yield self.finding(ctx, where, line=line, msg="not_applicable", severity=sev,
                                   key="not_applicable", suggestion="",
                                   extra={"status": verdict.status, "applicable": False})
            return
        table = dict(DEFAULT_STATUS_SEVERITY)
        table.update(self.option(ctx, "status_severity") or {})
        sev = table.get(verdict.status, "error")
        if sev == "off":
            return
        yield self.finding(ctx, where, line=line, severity=sev,
                           state_vi=STATUS_VI.get(verdict.status, verdict.status),
                           state_en=STATUS_EN.get(verdict.status, verdict.status),
                           extra={"status": verdict.status, "applicable": True,
                                  "reasons": [r.to_dict() for r in verdict.reasons]})
