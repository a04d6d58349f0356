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
    title = "Quy định về môi trường số nằm rải rác ở nhiều chương"
    title_en = "Digital provisions are scattered over several chapters"
    messages = {"default": (
        "{count} điều về môi trường số (Điều {articles}) nằm rải rác ở {nchapters} chương "
        "({chapters}); nên tập hợp vào một chương riêng.",
        "{count} digital articles (Articles {articles}) are spread over {nchapters} chapters "
        "({chapters}); gather them in one chapter.")}
    why = ("Khi trình dự án Luật Chuyển đổi số (31/10/2025), Bộ trưởng Nguyễn Mạnh Hùng nhận xét "
           "quy định về chuyển đổi số 'nằm rải rác ở nhiều luật chuyên ngành', thiếu kết nối "
           "tổng thể. Trong một luật cũng vậy: các điều về hệ thống thông tin, cơ sở dữ liệu, "
           "giao dịch điện tử đặt ở nhiều chương khó áp dụng thống nhất và dễ bỏ sót nội dung "
           "(kinh phí, an toàn, trách nhiệm vận hành).")
    basis = ("Luật Chuyển đổi số số 148/2025/QH15 (luật khung; Điều 1 khoản 2)",
             "Nghị quyết 57-NQ/TW ngày 22/12/2024")
    suggestion = "Chuyển các điều này vào một chương về môi trường số và bổ sung các nội dung còn thiếu."
    tags = ("digital", "coverage", "structure")
    doc_kinds = {"amending_law": "off", "constitution": "off", "decree": "info", "circular": "info",
             "resolution": "off", "decision": "off"}
    doc_kinds_why = ("Gom các điều về môi trường số vào một chương là việc của luật. Nghị định, thông "
                     "tư theo bố cục của luật được hướng dẫn: chỉ ghi nhận (info). Luật sửa đổi sửa "
                     "từng điều của luật khác, Hiến pháp, nghị quyết, quyết định: không áp dụng.")
    options = {"min_articles": (3, "minimum number of digital articles"),
               "min_chapters": (2, "minimum number of distinct chapters they sit in")}
    needs_verdict = True
    example_bad = ("Chương II … Điều 9. Cơ sở dữ liệu về thủy sản\nChương IV … Điều 30. Cấp "
                   "phép trực tuyến\nChương VI … Điều 52. Hệ thống thông tin giám sát tàu cá\n"
                   "(articles_only, 3 articles in 3 chapters -> warning)")
    example_good = ("Chương VIII\nHỆ THỐNG THÔNG TIN, CƠ SỞ DỮ LIỆU VỀ THỦY SẢN\nĐiều 60. …\n"
                    "Điều 61. …\n(dedicated chapter -> no finding)")

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
