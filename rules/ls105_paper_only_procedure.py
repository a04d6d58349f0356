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
    title = "Thủ tục đòi giấy tờ bản giấy mà không có cách thực hiện điện tử"
    title_en = "A procedure demands paper with no electronic alternative"
    messages = {"default": (
        "{label} yêu cầu \"{phrases}\" nhưng không cho phép thực hiện qua môi trường điện tử "
        "(trực tuyến, bản điện tử).",
        "{label} requires \"{phrases}\" with no electronic alternative (online submission, "
        "electronic copy).")}
    why = ("Luật Giao dịch điện tử 20/2023/QH15 công nhận giá trị pháp lý của thông điệp dữ liệu "
           "và chứng thư điện tử như văn bản giấy; Luật Dữ liệu 60/2024/QH15 Điều 11 khoản 1: "
           "\"dữ liệu gốc được tạo lập có giá trị sử dụng như bản chính\"; Nghị quyết 57-NQ/TW "
           "yêu cầu gỡ bỏ rào cản đối với chuyển đổi số. Thủ tục chỉ chấp nhận bản giấy buộc "
           "người dân đến trực tiếp và cản trở dịch vụ công trực tuyến.")
    basis = ("Luật Giao dịch điện tử số 20/2023/QH15",
             "Luật Dữ liệu số 60/2024/QH15, Điều 11 khoản 1",
             "Nghị quyết 57-NQ/TW ngày 22/12/2024")
    suggestion = ("Bổ sung cách thực hiện điện tử, ví dụ: \"… nộp trực tiếp, qua dịch vụ bưu chính "
                  "hoặc qua môi trường điện tử\"; chấp nhận bản sao điện tử, bản điện tử.")
    tags = ("digital", "procedure", "paper")
    doc_kinds = {"constitution": "off"}
    doc_kinds_why = ("Áp dụng đầy đủ cho mọi văn bản quy định thủ tục, trước hết là nghị định và "
                     "thông tư: thành phần hồ sơ, cách nộp, bản chính, bản sao có chứng thực thường "
                     "được quy định ở đó chứ không ở luật. Nghị quyết, quyết định quy định thủ tục "
                     "cũng vậy. Hiến pháp không quy định thủ tục: không áp dụng.")
    options = {"extra_alternatives": ([], "more phrases that count as an electronic alternative")}
    example_bad = ("Điều 20. Hồ sơ đề nghị cấp giấy phép\n1. Hồ sơ gồm:\na) Đơn đề nghị;\n"
                   "b) Bản sao có chứng thực giấy chứng nhận đăng ký doanh nghiệp.\n"
                   "2. Hồ sơ được nộp trực tiếp tại cơ quan cấp phép.")
    example_good = ("Điều 20. Hồ sơ đề nghị cấp giấy phép\n1. Hồ sơ gồm bản sao có chứng thực "
                    "hoặc bản sao điện tử giấy chứng nhận đăng ký doanh nghiệp.\n2. Hồ sơ được "
                    "nộp trực tiếp, qua dịch vụ bưu chính hoặc trực tuyến.")

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
