"""A record's title when the record has none of its own (lawscan.structure.address_title): from
the address of its page, spelled as the document's own text spells it; and a record that gives
its kind apart from its title. On small texts, then on the research corpus's JSON records
against the titles of its MANIFEST.tsv (skipped without the corpus)."""

from __future__ import annotations

import csv
import json

import pytest

from lawscan.model import Line
from lawscan.pipeline import load_document
from lawscan.structure.address_title import title_from_address

TEXT = [Line(t, k) for k, t in enumerate([
    "Điều 1. Phạm vi điều chỉnh",
    "Luật này quy định về tổ chức và hoạt động của Ngân hàng Nhà nước Việt Nam.",
    "Điều 2. Sửa đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng",
    "CHƯƠNG III. THANH TOÁN KHÔNG DÙNG TIỀN MẶT",
    "Điều chỉnh Quy hoạch phát triển điện lực quốc gia thời kỳ 2021 - 2030.",
], 1)]


@pytest.mark.parametrize("address, number, title", [
    ("https://vbpl.vn/van-ban/chi-tiet/luat-ngan-hang-nha-nuoc-so-01-1997-qh10--8222",
     "01/1997/QH10", "Luật Ngân hàng Nhà nước"),
    ("https://vbpl.vn/van-ban/chi-tiet/luat-sua-doi-bo-sung-mot-so-dieu-cua-luat-thue-gia-tri-"
     "gia-tang-so-07-2003-qh11--20992", "07/2003/QH11",
     "Luật sửa đổi, bổ sung một số điều của Luật Thuế giá trị gia tăng"),
    ("https://thuvienphapluat.vn/van-ban/Tien-te-Ngan-hang/Nghi-dinh-101-2012-ND-CP-thanh-toan-"
     "khong-dung-tien-mat-152166.aspx", "101/2012/NĐ-CP", "Nghị định thanh toán không dùng tiền mặt"),
    ("https://vbpl.vn/van-ban/chi-tiet/quyet-dinh-so-768-qd-ttg-dieu-chinh-quy-hoach-phat-trien-"
     "dien-luc-quoc-gia-thoi-ky-2021-2030--170000", "768/QĐ-TTg",
     "Quyết định điều chỉnh Quy hoạch phát triển điện lực quốc gia thời kỳ 2021 - 2030"),
    ("https://vbpl.vn/van-ban/chi-tiet/du-thao-luat-ngan-hang-nha-nuoc--190417", None,
     "Luật Ngân hàng Nhà nước"),
], ids=["vbpl-law", "amending-law", "tvpl-decree-in-capitals", "decision-with-years", "draft"])
def test_the_address_names_the_record_as_its_text_spells_it(address, number, title):
    assert title_from_address(address, number, TEXT) == title


@pytest.mark.parametrize("address", [
    "https://vbpl.vn/van-ban/chi-tiet/luat-ngan-hang-trung-uong-so-01-1997-qh10--8222",
    "https://vbpl.vn/van-ban/chi-tiet/so-tay-ngan-hang-nha-nuoc--8222",
    "https://vbpl.vn/TW/Pages/vbpq-toanvan.aspx?ItemID=18131",
], ids=["a-word-the-text-lacks", "no-kind-of-text", "no-title-in-the-address"])
def test_nothing_is_guessed(address):
    assert title_from_address(address, None, TEXT) == ""


def test_a_hostile_address_names_nothing(tmp_path):
    """A record whose address is a megabyte of words (or of numbers, which the title's end may
    drop one by one) is read, and named by nothing."""
    for address in ("https://x.vn/luat-" + "ngan-hang-" * 100_000,
                    "https://x.vn/luat-ngan-" + "1-" * 500_000):
        record = {"id": "01/1997/QH10", "sourceUrl": address, "chapters": [{
            "title": "CHƯƠNG I", "subtitle": "NHỮNG QUY ĐỊNH CHUNG", "articles": [
                {"id": "art-1", "number": "Điều 1", "heading": "Phạm vi",
                 "body": "Ngân hàng " * 1000 + "1 " * 1000}]}]}
        path = tmp_path / "x.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        doc = load_document(path)
        assert doc.title == "" and [a.num for a in doc.units("article")] == ["1"]


def test_a_split_record_without_a_title_is_named_by_its_address(tmp_path):
    address = "https://vbpl.vn/van-ban/chi-tiet/luat-ngan-hang-nha-nuoc-so-01-1997-qh10--8222"
    record = {"id": "01/1997/QH10", "sourceUrl": address,
              "chapters": [{"title": "CHƯƠNG I", "subtitle": "NHỮNG QUY ĐỊNH CHUNG", "articles": [
                  {"id": "art-1", "number": "Điều 1", "heading": "Phạm vi điều chỉnh",
                   "body": "Luật này quy định về tổ chức và hoạt động của Ngân hàng Nhà nước."}]}]}
    path = tmp_path / "01-1997-qh10.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    doc = load_document(path)
    assert (doc.title, doc.number, doc.doc_kind) == ("Luật Ngân hàng Nhà nước", "01/1997/QH10", "law")


def test_a_record_that_gives_its_kind_apart(tmp_path):
    record = {"title": "Hàng hải Việt Nam", "document_type": "Bộ luật",
              "document_number": "40/2005/QH11",
              "text": "BỘ LUẬT\n\nHàng hải Việt Nam\n\nĐiều 1. Phạm vi điều chỉnh\n\nBộ luật này quy định."}
    path = tmp_path / "hang-hai.json"
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    assert load_document(path).title == "Bộ luật Hàng hải Việt Nam"


def test_corpus_json_records_get_their_titles(corpus_dir):
    """Every JSON record of the research corpus gets the title MANIFEST.tsv gives it (most of
    them carry no title: only their page's address)."""
    rows = [r for r in csv.DictReader((corpus_dir / "MANIFEST.tsv").open(encoding="utf-8"),
                                      delimiter="\t") if r["file"].startswith("json/")]
    assert rows
    got = {r["file"]: load_document(corpus_dir / r["file"]).title for r in rows}
    assert got == {r["file"]: r["law_title"] for r in rows}
