"""LS101 no-digital-chapter: an applicable law with no chapter on the digital environment.

Takes the Verdict (status, applicable) and the document's kind; gives at most one finding,
pointing at the "Điều khoản thi hành" chapter (where a new chapter would go, just before it) or,
when the law has none, at the title line. A decree or a circular is only reminded (info, see
``doc_kinds``); an act that amends others, of any kind, is left alone.
"""

from lawscan.engine import Rule
from lawscan.engine.kinds import judged_kind, kind_name

DEFAULT_STATUS_SEVERITY = {"none": "error", "articles_only": "error", "section_only": "warning"}
STATUS_VI = {"none": "không có quy định nào về môi trường số",
             "articles_only": "chỉ có một số điều rải rác về môi trường số",
             "section_only": "chỉ có một mục (không phải chương) về môi trường số"}
STATUS_EN = {"none": "has no provision on the digital environment",
             "articles_only": "has only scattered articles on the digital environment",
             "section_only": "has only a section (Mục), not a chapter, on the digital environment"}
# kinds that detail a law rather than govern a field: reminded of digital provisions, not asked for
# a chapter (their cap in doc_kinds is info)
DETAILING_KINDS = ("decree", "circular")
DETAILING_SUGGESTION = ("Quy định cách thực hiện thủ tục trên môi trường điện tử (nộp hồ sơ trực "
                        "tuyến, bản điện tử, kết nối cơ sở dữ liệu) trong các điều về thủ tục, hoặc "
                        "một chương, mục riêng khi văn bản quy định hệ thống thông tin, cơ sở dữ "
                        "liệu.")


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
    title = "Luật chưa có chương điều chỉnh hoạt động trên môi trường số"
    title_en = "The law has no chapter governing activity in the digital environment"
    messages = {
        "default": ("{doc_vi} {state_vi}; cần bổ sung một chương điều chỉnh hoạt động trên môi "
                    "trường số (đặt trước chương Điều khoản thi hành).",
                    "{doc_en_cap} {state_en}; add a chapter governing activity in the digital "
                    "environment (before the final-provisions chapter)."),
        # a law whose only digital words are incidental: what they are and why not enough
        "incidental": ("{doc_vi} chỉ nhắc đến môi trường số một cách phụ ({found_vi}), chưa có "
                       "chương, mục hay điều nào điều chỉnh hoạt động trên môi trường số; cần bổ "
                       "sung một chương (đặt trước chương Điều khoản thi hành).",
                       "{doc_en_cap} mentions the digital environment only in passing ({found_en}), "
                       "which is not enough: no chapter, section or article governs activity in "
                       "it; add a chapter (before the final-provisions chapter)."),
        # a decree or a circular details a law: not asked for a chapter, only reminded
        "detailing": ("{doc_vi} {state_vi}; nếu văn bản quy định thủ tục, hệ thống thông tin hoặc "
                      "cơ sở dữ liệu, cân nhắc bổ sung quy định (chương, mục hoặc điều) về thực "
                      "hiện trên môi trường điện tử (chỉ để ghi nhận).",
                      "{doc_en_cap} {state_en}; if it governs procedures, information systems "
                      "or databases, consider provisions (a chapter, section or articles) on "
                      "carrying them out electronically (noted for the record)."),
        "not_applicable": ("{doc_vi} không có nội dung cần điều chỉnh trên môi trường số; không "
                           "bắt buộc có chương riêng (chỉ để ghi nhận).",
                           "{doc_en_cap} has nothing to regulate in the digital environment; no "
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
    doc_kinds = {"amending_law": "off", "constitution": "off", "decree": "info",
                 "circular": "info", "resolution": "off", "decision": "off"}
    doc_kinds_why = ("Chương về môi trường số là điều hỏi một luật (bộ luật, pháp lệnh): văn bản điều "
                     "chỉnh cả một lĩnh vực. Nghị định, thông tư quy định chi tiết luật: không bắt buộc "
                     "có chương riêng, chỉ ghi nhận (info) để người soạn thảo cân nhắc một chương, mục "
                     "hoặc điều khi văn bản quy định thủ tục, hệ thống thông tin, cơ sở dữ liệu; với "
                     "chúng, thủ tục chỉ nhận giấy (LS105) và yêu cầu nộp lại dữ liệu (LS106) mới là "
                     "điều quan trọng. Luật sửa đổi, văn bản sửa đổi (kể cả nghị định, thông tư sửa "
                     "đổi), Hiến pháp, nghị quyết và quyết định (cá biệt, phê duyệt đề án, kế hoạch): "
                     "không áp dụng. Văn bản hợp nhất được xét như văn bản được hợp nhất.")
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
    example_bad = ("Chương V\nTHANH TRA, KIỂM TRA\nĐiều 30. Thanh tra chuyên ngành\n...\n"
                   "Chương VI\nĐIỀU KHOẢN THI HÀNH\nĐiều 35. Hiệu lực thi hành\n"
                   "(an applicable law whose only digital provision is "
                   "\"Điều 12. Cơ sở dữ liệu về …\": status articles_only -> error)")
    example_good = ("Chương XII\nHỆ THỐNG THÔNG TIN QUỐC GIA VỀ ĐẤT ĐAI VÀ CƠ SỞ DỮ LIỆU QUỐC "
                    "GIA VỀ ĐẤT ĐAI\nĐiều 163. Hệ thống thông tin quốc gia về đất đai\n"
                    "(status dedicated_chapter -> no finding)")

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
        yield self.finding(ctx, final, line=line, severity=sev,
                           msg="detailing" if detailing else "incidental" if found else "default",
                           suggestion=DETAILING_SUGGESTION if detailing else None,
                           found_vi=found[0] if found else "", found_en=found[1] if found else "",
                           state_vi=STATUS_VI.get(verdict.status, verdict.status),
                           state_en=STATUS_EN.get(verdict.status, verdict.status),
                           extra={"status": verdict.status, "applicable": True,
                                  "reasons": [r.to_dict() for r in verdict.reasons]}, **names)
