"""LS106 data-resubmission: the citizen must supply again data that the national population
database already holds ("bản sao giấy khai sinh", "giấy xác nhận cư trú", "sổ hộ khẩu",
"chứng minh nhân dân", …) and the law does not say the data is taken from the database instead
("không yêu cầu … cung cấp lại", "khai thác từ Cơ sở dữ liệu quốc gia về dân cư").

Takes the Document and rules/data/procedures.toml [resubmission]; gives one finding per unit that
demands such a document (the demand being in the unit, its lead-in or the article heading).
"""

from lawscan.engine import Rule
from lawscan.engine.text import contains_phrase, load_data, phrase_pattern


class DataResubmission(Rule):
    id = "LS106"
    name = "data-resubmission"
    severity = "warning"
    title = "Yêu cầu người dân nộp lại dữ liệu đã có trong cơ sở dữ liệu quốc gia"
    title_en = "Citizens must supply again data a national database already holds"
    messages = {"default": (
        "{label} yêu cầu \"{phrases}\" — dữ liệu đã có trong Cơ sở dữ liệu quốc gia về dân cư — "
        "mà không quy định khai thác từ cơ sở dữ liệu thay cho việc nộp lại.",
        "{label} asks for \"{phrases}\" — data already in the national population database — "
        "without providing that it is taken from the database instead.")}
    why = ("Luật Dữ liệu 60/2024/QH15 Điều 11 khoản 2 điểm b: \"Dữ liệu có trong các cơ sở dữ "
           "liệu được kết nối, chia sẻ thì không thu thập lại\". Công văn 159/TTg-CĐS (2026) yêu "
           "cầu không bắt người dân, doanh nghiệp cung cấp lại thông tin đã có trong cơ sở dữ "
           "liệu quốc gia hoặc đã tích hợp trên VNeID. Thông tin khai sinh, cư trú, căn cước có "
           "trong Cơ sở dữ liệu quốc gia về dân cư (Luật Căn cước 26/2023/QH15).")
    basis = ("Luật Dữ liệu số 60/2024/QH15, Điều 11 khoản 2 điểm b",
             "Luật Căn cước số 26/2023/QH15 (Cơ sở dữ liệu quốc gia về dân cư)",
             "Công văn 159/TTg-CĐS của Thủ tướng Chính phủ")
    suggestion = ("Thay yêu cầu nộp giấy tờ bằng quy định cơ quan tiếp nhận khai thác thông tin "
                  "từ Cơ sở dữ liệu quốc gia về dân cư; không yêu cầu người dân cung cấp lại.")
    tags = ("digital", "procedure", "data")
    doc_kinds = {"constitution": "off"}
    doc_kinds_why = ("Như LS105: hồ sơ đòi giấy khai sinh, giấy xác nhận cư trú, sổ hộ khẩu … nằm "
                     "chủ yếu trong nghị định, thông tư; áp dụng đầy đủ cho mọi văn bản quy định thủ "
                     "tục. Hiến pháp: không áp dụng.")
    example_bad = ("Điều 15. Hồ sơ đăng ký\nHồ sơ gồm:\na) Tờ khai;\nb) Bản sao giấy khai sinh;\n"
                   "c) Giấy xác nhận cư trú.")
    example_good = ("Điều 15. Hồ sơ đăng ký\nHồ sơ gồm tờ khai. Cơ quan đăng ký khai thác thông "
                    "tin về khai sinh, cư trú từ Cơ sở dữ liệu quốc gia về dân cư, không yêu cầu "
                    "người đăng ký cung cấp lại.")

    def check(self, ctx):
        data = load_data("procedures")["resubmission"]
        if contains_phrase(ctx.text_of(ctx.doc.root), data["law_wide_exempt"]):
            return
        demand = phrase_pattern(tuple(data["demand"]))
        exempt = phrase_pattern(tuple(data["exempt"]))
        by_unit = {}
        for hit in ctx.scan(data["documents"]):
            if not demand.search(ctx.context_text(hit.unit)):
                continue
            art = ctx.article_scope(hit.unit)
            if exempt.search(ctx.text_of(art)):
                continue
            by_unit.setdefault(id(hit.unit), []).append(hit)
        for hits in by_unit.values():
            first = hits[0]
            phrases = list(dict.fromkeys(h.phrase for h in hits))
            yield self.finding(ctx, first.at, line=first.line,
                               evidence=[h.evidence() for h in hits],
                               key=first.unit.eid if first.at is not first.unit else "",
                               label=ctx.full_label(first.unit), phrases="\", \"".join(phrases),
                               extra={"documents": phrases})
