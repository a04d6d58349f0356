"""Akoma Ntoso reader (2.0 and 3.0) and safe XML parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from lawscan.errors import ReadError
from lawscan.normalise import normalise
from lawscan.pipeline import load_document
from lawscan.read import read_source

READ = FIXTURES / "read"


def test_akn3_mini_act():
    src = normalise(read_source(str(READ / "akn3.xml")))
    doc = src.document
    assert src.format == "akn" and doc is not None and doc.doc_kind == "foreign"
    assert (doc.title, doc.number, doc.year, doc.date) == ("Digital Records Act 2020", "2020 No. 7", 2020,
                                                           "2020-05-04")
    # the part inside the schedule (hcontainer) counts; the quoted section does not
    assert doc.counts() == {"parts": 2, "chapters": 1, "sections": 1, "subsections": 2, "articles": 1,
                            "paragraphs": 1, "points": 0}
    sec = doc.find("part_1__chp_1__sec_1")
    assert (sec.kind, sec.num, sec.heading) == ("section", "1", "Electronic records")
    quoted = doc.find("mod_1__qstr_1")
    assert quoted.kind == "quoted" and quoted.children[0].num == "4A"
    assert [u.eid for u in doc.units("section", include_quoted=True)] == ["part_1__chp_1__sec_1",
                                                                          "mod_1__qstr_1__sec_4A"]
    sub = doc.find("part_1__chp_1__sec_1__subsec_1")
    assert sub.own_text() == "An electronic record is a record kept by a computer."  # note left out
    assert not any("SECRET NOTE" in ln.text for ln in src.lines)
    xml_lines = (READ / "akn3.xml").read_text(encoding="utf-8").splitlines()
    assert 'eId="part_1__chp_1__sec_1__subsec_1"' in xml_lines[sub.line - 1]
    assert "An electronic record" in xml_lines[sub.content[0].lineno - 1]


def test_akn2_mini_act():
    src = read_source(str(READ / "akn2.xml"))
    doc = src.document
    assert doc.meta["akn_version"] == "2.0"
    assert (doc.title, doc.number, doc.year) == ("REFORMAS A LA LEY", "912", 2005)
    assert [u.eid for u in doc.units("article")] == ["art1", "art2"]
    assert doc.find("mod1-art8").kind == "article" and doc.counts()["articles"] == 2
    assert doc.find("art1-cls1").kind == "paragraph"


def test_vietnamese_akn_is_not_foreign(tmp_path):
    xml = (READ / "akn3.xml").read_text(encoding="utf-8")
    xml = xml.replace('<FRBRcountry value="xx"/>', '<FRBRcountry value="vn"/>').replace(
        "/akn/xx/act/", "/akn/vn/bill/").replace("<shortTitle>Digital Records Act 2020</shortTitle>",
                                                 "<docNumber>Luật số: /2026/QH15</docNumber>"
                                                 "<docTitle>LUẬT SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU</docTitle>")
    xml = xml.replace("<num>Part 1</num>", "<num>Phần thứ nhất</num>").replace("<num>1.</num>", "<num>Điều 1.</num>")
    path = tmp_path / "vn.xml"
    path.write_text(xml, encoding="utf-8")
    doc = normalise(read_source(str(path))).document
    assert (doc.doc_kind, doc.is_draft, doc.number) == ("amending_law", True, "2020 No. 7")
    # "Phần thứ nhất" keeps "thứ nhất", the number the text parser gives for the same heading
    assert doc.find("part_1").num == "thứ nhất" and doc.find("part_1__chp_1__sec_1").num == "1"


@pytest.mark.parametrize("subtype, title, kind", [
    ("thong-tu-lien-tich", "THÔNG TƯ LIÊN TỊCH QUY ĐỊNH VIỆC TRAO ĐỔI DỮ LIỆU ĐIỆN TỬ", "circular"),
    ("", "Thông tư liên tịch quy định việc trao đổi dữ liệu điện tử", "circular"),
    ("", "Nghị định sửa đổi, bổ sung một số điều của Nghị định số 01/2025/NĐ-CP", "decree"),
    ("", "Luật sửa đổi, bổ sung một số điều", "amending_law"),
])
def test_vietnamese_akn_kind_from_its_subtype_or_title(tmp_path, subtype, title, kind):
    """A joint circular ("thong-tu-lien-tich", "Thông tư liên tịch …") is a circular, a decree
    that amends one a decree; not the reader's default, a law."""
    xml = (READ / "akn3.xml").read_text(encoding="utf-8")
    xml = xml.replace('<FRBRcountry value="xx"/>', '<FRBRcountry value="vn"/>' + (
        f'<FRBRsubtype value="{subtype}"/>' if subtype else "")).replace(
        "<shortTitle>Digital Records Act 2020</shortTitle>", f"<docTitle>{title}</docTitle>")
    path = tmp_path / "vn.xml"
    path.write_text(xml, encoding="utf-8")
    assert normalise(read_source(str(path))).document.doc_kind == kind


@pytest.mark.parametrize("doc_type, title, expected", [
    ("NGHỊ ĐỊNH", "Quy định về thu hồi, tái chế pin, ắc quy thải bỏ",
     "Nghị định quy định về thu hồi, tái chế pin, ắc quy thải bỏ"),
    ("LUẬT", "AN NINH DỮ LIỆU", "Luật An ninh dữ liệu"),
    # an amending law's subject is no name (round 90's amending law in Akoma Ntoso)
    ("LUẬT", "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA LUẬT ĐIỆN LỰC",
     "Luật sửa đổi, bổ sung một số điều của luật điện lực"),
    ("THÔNG TƯ LIÊN TỊCH", "Quy định việc trao đổi dữ liệu",
     "Thông tư liên tịch quy định việc trao đổi dữ liệu"),
    ("LUẬT", "Luật Đất đai", "Luật Đất đai"),
    ("DISEGNO DI LEGGE", "Norme in materia di dati", "Norme in materia di dati"),
])
def test_a_title_whose_kind_is_printed_apart(tmp_path, doc_type, title, expected):
    """A long title printed as "<docType>NGHỊ ĐỊNH</docType> <docTitle>Quy định về …</docTitle>",
    with no title alias, names the text with its kind in front, as its header does; a title
    that begins with its kind, or a kind that is not a Vietnamese act's, is left as it is."""
    xml = (READ / "akn3.xml").read_text(encoding="utf-8")
    xml = xml.replace('<FRBRcountry value="xx"/>', '<FRBRcountry value="vn"/>').replace(
        "<p><shortTitle>Digital Records Act 2020</shortTitle></p>",
        f"<longTitle><p><docType>{doc_type}</docType> <docTitle>{title}</docTitle></p></longTitle>")
    path = tmp_path / "vn.xml"
    path.write_text(xml, encoding="utf-8")
    assert normalise(read_source(str(path))).document.title == expected


def test_akn_recognised_by_content(tmp_path):
    path = tmp_path / "act.txt"
    path.write_bytes((READ / "akn3.xml").read_bytes())
    assert read_source(str(path)).document is not None


@pytest.mark.parametrize("name,labels_key", [
    ("sv-decreto-912-2005.xml", {"articles": 11}),
    ("uk-data-protection-act-1998.xml", {"parts": 18, "sections": 95, "chapters": 0}),
    ("uk-data-retention-investigatory-powers-act-2014.xml", {"sections": 8, "parts": 0}),
    ("za-constitution-1996.xml", {"chapters": 14, "sections": 244, "parts": 0}),
])
def test_corpus_counts_match_labels(corpus_dir, labels, name, labels_key):
    label = next(lb for lb in labels if lb["file"] == f"akn/{name}")
    doc = normalise(read_source(str(corpus_dir / "akn" / name))).document
    counts = doc.counts()
    for key in ("parts", "chapters", "sections", "articles"):
        assert counts[key] == label[key], key
    assert doc.year == label["year"]
    if label["number"]:
        assert doc.number == label["number"]


# ---------------------------------------------------------------- hostile and broken XML

def _refused(tmp_path, name, text, code):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == code, err.value.reason
    return err.value


def test_xxe_to_a_local_file_is_refused(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET-XXE", encoding="utf-8")
    err = _refused(tmp_path, "xxe.xml",
                   f'<?xml version="1.0"?><!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM "file://{secret}">]>'
                   '<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act><body>'
                   '<section><num>1</num><content><p>&xxe;</p></content></section></body></act></akomaNtoso>',
                   "read.xml_hostile")
    assert "TOPSECRET" not in str(err)


def test_billion_laughs_is_refused(tmp_path):
    ents = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10 if i > 1 else "&lol;" * 10}">'
                                     for i in range(1, 10)]
    _refused(tmp_path, "lol.xml", '<?xml version="1.0"?><!DOCTYPE lolz [' + "".join(ents) + ']><lolz>&lol9;</lolz>',
             "read.xml_hostile")


def test_external_dtd_is_refused(tmp_path):
    _refused(tmp_path, "dtd.xml", '<?xml version="1.0"?><!DOCTYPE akomaNtoso SYSTEM "http://example.invalid/x.dtd">'
                                  '<akomaNtoso xmlns="http://www.akomantoso.org/2.0"/>', "read.xml_hostile")


def test_utf16_xml_with_entities_is_refused(tmp_path):
    path = tmp_path / "wide.xml"
    text = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>'
    path.write_bytes(text.encode("utf-16"))
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert err.value.code == "read.xml_hostile"


def test_broken_deep_and_foreign_xml(tmp_path):
    _refused(tmp_path, "broken.xml", '<?xml version="1.0"?><akomaNtoso xmlns="http://www.akomantoso.org/2.0">'
                                     "<act><body>", "read.xml")
    _refused(tmp_path, "deep.xml", '<?xml version="1.0"?>' + "<a>" * 3000 + "</a>" * 3000, "read.depth")
    _refused(tmp_path, "other.xml", '<?xml version="1.0"?><rss><channel>Điều 1</channel></rss>',
             "read.xml_unknown")


def test_metadata_not_collected_in_the_first_pass_is_still_found(monkeypatch):
    # _metadata collects the metadata elements it reads in one pass over _META_NAMES; a name
    # asked for but not in that list is searched for then, not silently taken as missing.
    import lawscan.read.akn as akn

    want = read_source(str(READ / "akn3.xml")).document
    monkeypatch.setattr(akn, "_META_NAMES", ("FRBRcountry", "FRBRlanguage"))
    doc = read_source(str(READ / "akn3.xml")).document
    assert (doc.title, doc.number, doc.year, doc.date) == (want.title, want.number, want.year, want.date)
    assert doc.number == "2020 No. 7"


def _vietnamese_decree(tmp_path, subtype: str, alias: str = "", kind: str = "NGHỊ ĐỊNH") -> Path:
    """akn3.xml as a Vietnamese decree draft: its FRBRsubtype, a catalogue's short name for it
    (an FRBRalias), and a preface that prints its kind (unless ``kind`` is empty) and its title
    in capitals."""
    xml = (READ / "akn3.xml").read_text(encoding="utf-8")
    xml = xml.replace('<FRBRcountry value="xx"/>', '<FRBRcountry value="vn"/>'
                      f'<FRBRsubtype value="{subtype}"/>'
                      + (f'<FRBRalias value="{alias}" name="shortTitle"/>' if alias else "")).replace(
        "<p><shortTitle>Digital Records Act 2020</shortTitle></p>",
        (f"<longTitle><p><docType>{kind}</docType></p>" if kind else "<longTitle>")
        + "<p><docTitle>QUY ĐỊNH VỀ THUẾ ĐỐI VỚI NHÀ THẦU NƯỚC NGOÀI KINH DOANH TẠI VIỆT NAM</docTitle></p>"
        "</longTitle>")
    path = tmp_path / "vn.xml"
    path.write_text(xml, encoding="utf-8")
    return path


@pytest.mark.parametrize("subtype", ["nghi-dinh", "nghiDinh", "nghi_dinh", "NGHIDINH"])
def test_a_vietnamese_subtype_in_any_spelling(tmp_path, subtype):
    """An FRBRsubtype names the kind however it is spelt: Indigo's "nghi-dinh", AKN's camelCase
    "nghiDinh" (as the act's name attribute is written), "nghi_dinh" (here the preface prints
    no kind: the title alone would make it a law)."""
    doc = normalise(read_source(str(_vietnamese_decree(tmp_path, subtype, kind="")))).document
    assert doc.doc_kind == "decree"


def test_a_vietnamese_act_is_named_as_its_preface_prints_it(tmp_path):
    """A catalogue's short name in the metadata ("Dự thảo Nghị định về thuế nhà thầu nước
    ngoài") is not the title: the preface prints the kind and the title, and the names in it
    are spelt as written ("… TẠI VIỆT NAM" -> "tại Việt Nam"); the kind is the printed one
    (the short name's "Dự thảo" does not make it a law)."""
    path = _vietnamese_decree(tmp_path, "", alias="Dự thảo Nghị định về thuế nhà thầu nước ngoài")
    doc = load_document(path)
    assert doc.title == "Nghị định quy định về thuế đối với nhà thầu nước ngoài kinh doanh tại Việt Nam"
    assert doc.doc_kind == "decree"
