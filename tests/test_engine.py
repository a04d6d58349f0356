"""The rule engine: loading (built-in, user dirs, load errors, duplicates, select/ignore/
severity), running (crashing rules, severity overrides, fingerprints), the CLI commands `rules`
and `explain`, RULES.md freshness, and every rule on the real corpus without a crash."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import corpus_files
from lawscan.engine import RuleContext, document_identity, fingerprint, load_rules, run_rules
from lawscan.errors import ConfigError
from lawscan.model import Document, Line, Unit, Verdict

REPO = Path(__file__).resolve().parents[1]


def small_doc(number="99/2025/QH15", title="Luật Thử nghiệm", shift=0) -> Document:
    """Điều 5 then Điều 7 (a numbering gap), ``shift`` blank lines before the articles."""
    a5 = Unit("article", "5", "Quyền", "art_5", 10 + shift, [Line("Nội dung.", 11 + shift)])
    a7 = Unit("article", "7", "Nghĩa vụ", "art_7", 12 + shift, [Line("Nội dung.", 13 + shift)])
    return Document(path="/tmp/x.txt", format="txt", title=title, number=number, year=2025,
                    doc_kind="law", root=Unit("root", children=[a5, a7]))


def write_rule(directory: Path, name: str, body: str) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    (directory / name).write_text(textwrap.dedent(body), encoding="utf-8")


USER_RULE = """
    from lawscan.engine import Rule

    class EveryArticle(Rule):
        id = "XX001"
        name = "every-article"
        severity = "info"
        title = "Mỗi điều"
        title_en = "Every article"
        messages = {"default": ("{label}", "{label}")}

        def check(self, ctx):
            for art in ctx.doc.units("article"):
                yield self.finding(ctx, art, label=art.label())
"""

CRASHING_RULE = """
    from lawscan.engine import Rule

    class Crasher(Rule):
        id = "XX002"
        name = "crasher"
        title = "Lỗi"
        def check(self, ctx):
            raise ZeroDivisionError("boom")
"""


def test_builtin_rules_load_with_valid_metadata():
    ruleset = load_rules()
    assert not ruleset.errors
    ids = [r.id for r in ruleset]
    assert ids == sorted(ids) and len(ids) >= 10 and len(set(ids)) == len(ids)
    for r in ruleset:
        assert r.problems() == []
        assert r.title and r.title_en and r.why and r.example_bad and r.example_good
        info = r.info()
        assert info.id == r.id and info.severity == r.severity


def test_user_dir_adds_a_rule(tmp_path):
    write_rule(tmp_path / "mine", "every.py", USER_RULE)
    ruleset = load_rules(extra_dirs=[tmp_path / "mine"])
    assert ruleset.get("XX001") is not None and ruleset.get("every-article") is not None
    findings, problems = run_rules(small_doc(), None, ruleset)
    mine = [f for f in findings if f.rule_id == "XX001"]
    assert [f.eid for f in mine] == ["art_5", "art_7"] and not problems


DATA_RULE = """
    from lawscan.engine import Rule
    from lawscan.engine.text import load_data

    class Headings(Rule):
        id = "XX003"
        name = "listed-headings"
        severity = "info"
        title = "Tiêu đề trong danh sách"
        title_en = "Listed headings"
        messages = {"default": ("{label}", "{label}")}

        def check(self, ctx):
            words = load_data("headings", __file__)["words"]  # data/headings.toml beside this file
            for art in ctx.doc.units("article"):
                if art.heading in words:
                    yield self.finding(ctx, art, label=art.label())
"""


def test_a_user_rule_reads_its_own_data_folder(tmp_path):
    write_rule(tmp_path / "mine", "headings.py", DATA_RULE)
    (tmp_path / "mine" / "data").mkdir()
    (tmp_path / "mine" / "data" / "headings.toml").write_text('words = ["Nghĩa vụ"]\n', encoding="utf-8")
    ruleset = load_rules(extra_dirs=[tmp_path / "mine"], select=["XX003"])
    findings, problems = run_rules(small_doc(), None, ruleset)
    assert [f.eid for f in findings] == ["art_7"] and not problems
    # the built-in pack's data stays what load_data(name) reads
    from lawscan.engine.text import load_data

    assert "paper" in load_data("procedures") and load_data("headings", tmp_path / "mine") == {"words": ["Nghĩa vụ"]}


def test_a_broken_data_file_is_a_rule_error_naming_the_file(tmp_path):
    write_rule(tmp_path / "mine", "headings.py", DATA_RULE)
    (tmp_path / "mine" / "data").mkdir()
    (tmp_path / "mine" / "data" / "headings.toml").write_text("words = [\n", encoding="utf-8")
    ruleset = load_rules(extra_dirs=[tmp_path / "mine"], select=["XX003"])
    findings, problems = run_rules(small_doc(), None, ruleset)
    assert not findings and [p.code for p in problems] == ["rule.crashed"]
    assert "headings.toml" in problems[0].message


def test_crashing_rule_becomes_a_rule_error_and_others_run(tmp_path):
    write_rule(tmp_path / "mine", "crash.py", CRASHING_RULE)
    write_rule(tmp_path / "mine", "every.py", USER_RULE)
    ruleset = load_rules(extra_dirs=[tmp_path / "mine"])
    findings, problems = run_rules(small_doc(), None, ruleset)
    assert [p.code for p in problems] == ["rule.crashed"]
    assert "XX002" in problems[0].message and "ZeroDivisionError" in problems[0].message
    assert {f.rule_id for f in findings} >= {"XX001", "LS110"}


def test_broken_module_and_duplicate_id_are_load_errors(tmp_path):
    write_rule(tmp_path / "mine", "broken.py", "import no_such_module_here\n")
    write_rule(tmp_path / "mine", "dup.py", USER_RULE.replace("XX001", "LS101"))
    ruleset = load_rules(extra_dirs=[tmp_path / "mine"])
    codes = sorted(p.code for p in ruleset.errors)
    assert codes == ["rule.duplicate_id", "rule.load_failed"]
    assert ruleset.get("LS101").name == "no-digital-chapter"  # the built-in one wins
    assert load_rules(extra_dirs=[tmp_path / "nowhere"]).errors[0].code == "rule.load_failed"


def test_select_ignore_and_severity():
    assert [r.id for r in load_rules(select=["numbering"])] == ["LS110"]
    assert [r.id for r in load_rules(select=["structure"], ignore=["LS101"])] == [
        "LS102", "LS109", "LS110"]
    assert "LS104" not in [r.id for r in load_rules(ignore=["LS10[4]"])]
    ruleset = load_rules(select=["LS110"], severity={"numbering": "error"})
    findings, _ = run_rules(small_doc(), None, ruleset)
    assert [(f.rule_id, f.severity) for f in findings] == [("LS110", "error")]
    with pytest.raises(ConfigError):
        load_rules(select=["LS999"])
    with pytest.raises(ConfigError):
        load_rules(severity={"LS110": "fatal"})


def test_fingerprint_ignores_lines_but_not_place_or_document():
    ruleset = load_rules(select=["LS110"])
    (a,), _ = run_rules(small_doc(), None, ruleset)
    (b,), _ = run_rules(small_doc(shift=40), None, ruleset)
    (c,), _ = run_rules(small_doc(number="98/2025/QH15"), None, ruleset)
    assert a.line != b.line and a.fingerprint == b.fingerprint
    assert a.fingerprint != c.fingerprint
    assert document_identity(small_doc(number=None, title="LUẬT  Thử nghiệm")) == \
        document_identity(small_doc(number=None, title="luật thử nghiệm"))
    assert fingerprint("LS103", "no:1", "chp_X", "funding") != fingerprint("LS103", "no:1", "chp_X", "database")


def test_options_come_from_settings_with_defaults():
    rule = load_rules().get("LS101")
    ctx = RuleContext(small_doc(), Verdict(status="none"), {})
    assert rule.option(ctx, "status_severity")["articles_only"] == "error"
    ctx = RuleContext(small_doc(), Verdict(status="none"), {"LS101": {"not_applicable_severity": "off"},
                                                             "not_applicable_severity": "warning"})
    assert rule.option(ctx, "not_applicable_severity") == "off"


@pytest.mark.parametrize("status,applicable,expected", [
    ("none", True, "error"), ("articles_only", True, "error"), ("section_only", True, "warning"),
    ("dedicated_chapter", True, None), ("digital_law", True, None), ("none", False, "info")])
def test_ls101_severity_by_status(status, applicable, expected):
    ruleset = load_rules(select=["LS101"])
    findings, _ = run_rules(small_doc(), Verdict(status=status, applicable=applicable), ruleset)
    assert [f.severity for f in findings] == ([expected] if expected else [])
    changed, _ = run_rules(small_doc(), Verdict(status=status, applicable=applicable), ruleset,
                           {"status_severity": {status: "info"}})
    if expected and applicable:
        assert [f.severity for f in changed] == ["info"]


def test_cli_rules_and_explain(tmp_path):
    from lawscan.cli import main

    runner = CliRunner()
    out = runner.invoke(main, ["rules"])
    assert out.exit_code == 0 and "LS101" in out.output and "paper-only-procedure" in out.output
    write_rule(tmp_path / "mine", "every.py", USER_RULE)
    out = runner.invoke(main, ["rules", "--rules", str(tmp_path / "mine"), "--format", "json"])
    assert out.exit_code == 0 and '"XX001"' in out.output
    out = runner.invoke(main, ["explain", "LS108"])
    assert out.exit_code == 0
    assert "51/2005/QH11" in out.output and "Does not trigger" in out.output
    out = runner.invoke(main, ["explain", "paper-only-procedure"])
    assert out.exit_code == 0 and "bản sao có chứng thực" in out.output
    assert runner.invoke(main, ["explain", "LS999"]).exit_code == 2


def test_rules_md_is_up_to_date():
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "gen_rules_md.py"), "--check"],
                          cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.corpus
@pytest.mark.slow
def test_every_rule_runs_on_the_corpus_without_crashing(corpus_dir):
    from lawscan.analyse import analyse
    from lawscan.errors import ReadError
    from lawscan.pipeline import load_document

    ruleset = load_rules()
    files = [p for p in corpus_files() if p.suffix in (".txt", ".md", ".json", ".docx")][::4]
    ran = 0
    for path in files:
        try:
            doc = load_document(path)
        except ReadError:
            continue
        findings, problems = run_rules(doc, analyse(doc), ruleset)
        assert not problems, (path, problems)
        assert len({f.fingerprint for f in findings}) == len(findings), path
        ran += 1
    assert ran >= 5


def test_context_shortcuts_agree_with_their_definitions(corpus_dir):
    """body_lines (one walk), first, text_of (joined folds) give what the plain definitions give:
    body_units + anchor + unit_lines, scan()[0], fold(full_text())."""
    from lawscan.analyse import analyse_document
    from lawscan.engine.text import fold
    from lawscan.pipeline import load_document

    files = [p for p in corpus_files() if p.suffix in (".txt", ".json")]
    files = files[::8] + [p for p in files if "sua-doi" in p.name][:1]  # and an amending law
    quoted = 0
    for path in files:
        doc = load_document(path)
        ctx, plain = RuleContext(doc), RuleContext(doc)
        rows = ctx.body_lines()
        want = [(u, plain.anchor(u), n, fold(t), t) for u in plain.body_units()
                for n, t in plain.unit_lines(u)]
        assert [(id(r[0]), id(r[1]), *r[2:]) for r in rows] == \
               [(id(w[0]), id(w[1]), *w[2:]) for w in want], path
        assert all(ctx.is_final(u) == plain.is_final(u) and ctx.in_quote(u) == plain.in_quote(u)
                   for u in doc.root.walk())
        quoted += sum(1 for r in rows if r[1] is not r[0])
        for phrases in (["dữ liệu"], ["điện tử", "trực tuyến"], ["không có ở đâu cả"]):
            hits = ctx.scan(phrases)
            first = ctx.first(phrases)
            assert (first is None and not hits) or (first == hits[0]), (path, phrases)
        for unit in [doc.root, *doc.units("article")[:20]]:
            assert ctx.text_of(unit) == fold(unit.full_text())
        analysis = analyse_document(doc)  # text_of(root) is now the analysis scan's folded text
        assert RuleContext(doc, analysis=analysis).text_of(doc.root) == fold(doc.root.full_text()), path
    assert quoted  # some corpus law amends another: its quoted text is anchored at instructions
    doc = small_doc()
    doc.root.children[0].content.append(Line("", 12))  # an empty line: not in the scan's text
    assert RuleContext(doc, analysis=analyse_document(doc)).text_of(doc.root) == fold(doc.root.full_text())


def scan_rows_doc() -> Document:
    """A chapter whose heading sits on its first content line, an article quoting an amended
    article, a heading-only section, and a final chapter."""
    quoted = Unit("quoted", "", "", "art_2_qt", 21, [Line("“Điều 16a. Dữ liệu điện tử", 21)], [
        Unit("paragraph", "1", "", "art_2_qt_cl_1", 22, [Line("1. Dữ liệu được lưu trữ.", 22)])],
        attrs={"target": "Điều 16a"})
    art1 = Unit("article", "1", "Phạm vi", "art_1", 11, [Line("Luật này quy định về dữ liệu.", 12)])
    art2 = Unit("article", "2", "Sửa đổi Luật Giao dịch", "art_2", 19, [], [
        Unit("paragraph", "1", "", "art_2_cl_1", 20, [Line("1. Bổ sung Điều 16a như sau:", 20)],
             [quoted])])
    sec = Unit("section", "1", "QUY ĐỊNH RIÊNG", "chuong_1_muc_1", 18, [], [art2])
    ch1 = Unit("chapter", "I", "QUY ĐỊNH CHUNG", "chuong_1", 10,
               [Line("Chương I QUY ĐỊNH CHUNG", 10)], [art1, sec])
    art9 = Unit("article", "9", "Hiệu lực thi hành", "art_9", 31, [Line("Luật này có hiệu lực.", 32)])
    ch2 = Unit("chapter", "II", "ĐIỀU KHOẢN THI HÀNH", "chuong_2", 30, [], [art9])
    root = Unit("root", content=[Line("Lời nói đầu.", 2)], children=[ch1, ch2])
    return Document(path="/tmp/x.txt", format="txt", title="Luật Thử nghiệm", number="1/2025/QH15",
                    year=2025, doc_kind="law", root=root)


def test_body_lines_of_a_small_document():
    """The body lines: a heading that sits on its unit's first content line given once, a
    heading-only section kept, the preamble and the final chapter left out, quoted text
    anchored at the instruction that quotes it; the same with or without an analysis."""
    from lawscan.analyse import analyse_document
    from lawscan.engine.text import fold

    doc = scan_rows_doc()
    rows = RuleContext(doc, analysis=analyse_document(doc)).body_lines()
    assert [(r[0].eid, r[1].eid, r[2], r[4]) for r in rows] == \
           [(r[0].eid, r[1].eid, r[2], r[4]) for r in RuleContext(doc).body_lines()]
    texts = [r[4] for r in rows]
    assert "Chương I QUY ĐỊNH CHUNG" in texts and "QUY ĐỊNH CHUNG" not in texts  # heading once
    assert "QUY ĐỊNH RIÊNG" in texts and "Lời nói đầu." not in texts
    assert not any("hiệu lực" in t.lower() for t in texts)  # the final chapter left out
    assert [r[1].eid for r in rows if r[0].eid.startswith("art_2_qt")] == ["art_2_cl_1"] * 2
    assert [r[3] for r in rows] == [fold(r[4]) for r in rows]


def test_rules_see_an_edit_once_the_document_is_analysed_again():
    """An edit made in place after the analysis is seen by the rules once the same Document
    object is analysed again (each Analysis describes the tree it was made from); given the
    verdict alone, the rules read the tree as it is."""
    from lawscan.analyse import analyse, analyse_document

    ruleset = load_rules(select=["LS107"])
    doc = small_doc()
    before = analyse_document(doc)
    assert not run_rules(doc, before, ruleset)[0]
    doc.root.children[0].content[0] = Line(
        "Cơ quan quản lý sử dụng hệ thống trí tuệ nhân tạo để tự động ra quyết định chấp thuận "
        "hoặc từ chối hồ sơ.", 11)
    for analysed in (analyse_document(doc), analyse(doc)):
        findings, problems = run_rules(doc, analysed, ruleset)
        assert not problems and [f.rule_id for f in findings] == ["LS107"]
        assert findings[0].evidence[0].eid == "art_5"


def test_scan_finds_what_a_line_by_line_search_finds(corpus_dir):
    """scan (a str.find first look when the body's only white space is single spaces, else one
    regex pass over the body) gives the matches of the phrase regex on every body line outside
    the definitions, in order; white space other than one space falls back to the regex."""
    from lawscan.engine.text import phrase_pattern
    from lawscan.pipeline import load_document

    odd = small_doc()
    odd.root.children[0].content = [Line("Hồ sơ nộp\ttrực tiếp hoặc nộp  trực tiếp; bản  chính.", 11)]
    files = [p for p in corpus_files() if p.suffix in (".txt", ".json")][::10]
    for doc in [load_document(p) for p in files] + [odd]:
        ctx = RuleContext(doc)
        for phrases in (["nộp trực tiếp", "bản chính"], ["dữ liệu"], ["thuật toán", "trí tuệ nhân tạo"]):
            pattern = phrase_pattern(phrases)
            want = [(id(u), n, m.group(0)) for u, _, n, folded, _ in ctx.body_lines()
                    if id(u) not in ctx._definition_units for m in pattern.finditer(folded)]
            assert [(id(h.unit), h.line, h.phrase) for h in ctx.scan(phrases)] == want, doc.path
    assert [h.phrase for h in RuleContext(odd).scan(["nộp trực tiếp", "bản chính"])] == \
           ["nộp\ttrực tiếp", "nộp  trực tiếp", "bản  chính"]


def test_contains_phrase_agrees_with_the_phrase_pattern():
    """contains_phrase (one regex per first word) finds a match exactly when phrase_pattern does,
    word boundaries and line-crossing white space included."""
    from hypothesis import given, settings, strategies as st

    from lawscan.engine.text import contains_phrase, phrase_pattern

    pieces = ["không", "yêu", "cầu", "cung", "cấp", "lại", "đã", "có", "xkhông", "lạix", " ",
              "  ", "\n", ".", ","]
    phrase_lists = [("không yêu cầu cung cấp lại", "không yêu cầu", "đã có"), ("cấp lại",),
                    ("Không  Yêu cầu",), (), ("", "lại")]

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(pieces), max_size=30), st.sampled_from(phrase_lists))
    def check(words, phrases):
        text = "".join(words)
        assert contains_phrase(text, phrases) == (phrase_pattern(phrases).search(text) is not None)

    check()
    assert contains_phrase("x\nkhông yêu\ncầu cung cấp lại", phrase_lists[0])
    assert not contains_phrase("xkhông yêu cầu", ("không yêu cầu",))
