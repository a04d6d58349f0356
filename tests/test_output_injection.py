"""A law whose title, number, issuer and text carry Markdown, HTML, GitHub workflow commands
(``::error::``, ``%0A``), XML-breaking text (``]]>``, quotes, ``&``) and control characters,
scanned into every report format at once; each output is then parsed as its consumer would
parse it (SARIF and JUnit against their public schemas, GitHub's command syntax, a CommonMark
parser, an HTML parser): nothing breaks its format or injects into it, and the title still
reads as the law gave it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from lxml import etree
from lxml import html as lxml_html

from lawscan.cli import main

SCHEMAS = Path(__file__).resolve().parent / "schemas"
HOSTILE = ("<script>alert(1)</script> ]]> <![CDATA[x]]> &amp; \"q\" 'a' %0A::error::t1 %25 %0D "
           "${{ secrets.X }} | a | b | [x](javascript:alert(1)) ![i](http://e/x.png) <!-- c --> `c` **b** "
           "\x1b[2J\x07\x85\ufffe")
FORMATS = ("json", "sarif", "junit", "markdown", "github", "html", "text")


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, str]:
    d = tmp_path_factory.mktemp("inject")
    record = {"title": "Luật Thử nghiệm " + HOSTILE, "document_number": "1/2099/QH99 " + HOSTILE,
              "document_type": "Luật", "issuing_authority": "Quốc hội " + HOSTILE, "date": "2099-01-01",
              "text": ("Chương I\nNHỮNG QUY ĐỊNH CHUNG\n"
                       f"Điều 1. Phạm vi {HOSTILE}\n1. Dữ liệu điện tử trên môi trường số {HOSTILE}.\n"
                       "Điều 2. Giao dịch điện tử\nHệ thống thông tin, nền tảng số.\n")}
    law = d / "luat.json"
    law.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    reports = [arg for fmt in FORMATS for arg in ("--report", f"{fmt}={d / ('out.' + fmt)}")]
    res = CliRunner().invoke(main, ["scan", "--no-config", "--fail-on", "never", str(law), *reports],
                             catch_exceptions=False)
    assert res.exit_code == 0, res.output
    return {fmt: (d / f"out.{fmt}").read_text(encoding="utf-8") for fmt in FORMATS}


@pytest.fixture(scope="module")
def title(outputs) -> str:
    (doc,) = json.loads(outputs["json"])["documents"]
    assert "<script>alert(1)</script> ]]>" in doc["title"] and "%0A::error::t1" in doc["title"]
    assert doc["findings"], "the law must give findings for their messages to be checked"
    return doc["title"]


def test_no_control_character_in_any_output(outputs):
    for fmt, text in outputs.items():
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe]", text), fmt


def test_sarif_is_valid_and_keeps_the_text(outputs, title):
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(outputs["sarif"])
    jsonschema.validators.validator_for(schema)(schema).validate(log)
    assert {r["properties"]["document"] for r in log["runs"][0]["results"]} == {title}


def test_junit_is_valid_and_its_title_is_the_laws(outputs, title):
    tree = etree.fromstring(outputs["junit"].encode("utf-8"))
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))
    assert schema.validate(tree), schema.error_log
    assert tree.xpath("//property[@name='title']/@value") == [title]


def test_github_commands_are_only_lawscans_and_escaped(outputs):
    commands = [line for line in outputs["github"].splitlines() if line.startswith("::")]
    assert commands
    for line in outputs["github"].splitlines():
        assert line.startswith(("::error ", "::warning ", "::notice ", "lawscan: ")), line
    for line in commands:
        m = re.fullmatch(r"::(error|warning|notice) (file=[^,:]*(?:,[a-z]+=[^,:]*)*)::(.*)", line)
        assert m, line
        properties, data = m.group(2), m.group(3)
        # every "%" is one of GitHub's escapes: "%0A" from the law reaches GitHub as "%250A"
        assert not re.search(r"%(?!25|0A|0D|3A|2C)", properties), properties
        assert not re.search(r"%(?!25|0A|0D)", data), data
        decoded = data.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%")
        if "::error::t1" in decoded:
            assert "%0A::error::t1" in decoded  # as the law wrote it, not a new line


def test_markdown_is_text_not_markup(outputs, title):
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table")
    tokens = md.parse(outputs["markdown"])
    flat = [t for tok in tokens for t in [tok, *(tok.children or [])]]
    own_html = re.compile(r"</?(details|summary)( open)?>|<br>")
    for tok in flat:
        if tok.type in ("html_inline", "html_block"):
            assert own_html.fullmatch(tok.content.strip()) or all(
                own_html.fullmatch(part) for part in re.findall(r"<[^>]*>", tok.content)), tok.content
        assert tok.type not in ("image", "link_open", "code_inline"), tok
    tables = []  # cells of each row, table by table: a "|" of the law must not add a cell
    for tok in tokens:
        if tok.type == "table_open":
            tables.append([])
        elif tok.type == "tr_open":
            tables[-1].append(0)
        elif tok.type in ("th_open", "td_open"):
            tables[-1][-1] += 1
    assert tables and all(len(set(rows)) == 1 for rows in tables), tables
    rendered = md.render(outputs["markdown"])
    assert "<script>" not in rendered and "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
    (cell,) = [td.text_content() for td in lxml_html.fromstring(rendered).xpath("//td")
               if "Luật Thử nghiệm" in td.text_content()]
    assert "secrets.X }} | a | b | [x](javascript:alert(1))" in cell  # the whole title in its cell


def test_html_shows_the_text_and_runs_nothing_of_it(outputs, title):
    tree = lxml_html.fromstring(outputs["html"])
    scripts = tree.xpath("//script")
    assert all("alert(1)" not in (s.text or "") for s in scripts)
    assert not tree.xpath("//*[@*[starts-with(name(), 'on')]]|//img|//a[starts-with(@href, 'javascript')]")
    assert not tree.xpath("//comment()[contains(., ' c ')]")
    assert " ".join(title.split()) in " ".join(tree.text_content().split())
