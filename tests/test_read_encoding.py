"""Decoding: UTF-8/16, legacy Vietnamese 8-bit encodings (TCVN3, VNI, Windows-1258), refusals."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from lawscan.errors import ReadError
from lawscan.normalise import normalise
from lawscan.read import read_source
from lawscan.read.encoding import decode, encode_legacy, is_vietnamese_syllable

SENTENCE = ("Chương I\nNHỮNG QUY ĐỊNH CHUNG\nĐiều 1. Phạm vi điều chỉnh\n"
            "Luật này quy định về hoạt động ứng dụng và phát triển công nghệ thông tin, quyền và "
            "nghĩa vụ của cơ quan, tổ chức, cá nhân tại Việt Nam; khuyến khích giữ gìn thuở trước.\n")


@pytest.mark.parametrize("name", ["tcvn3", "vni", "cp1258"])
def test_legacy_file_is_converted_with_a_problem(tmp_path, name):
    path = tmp_path / f"luat-{name}.txt"
    path.write_bytes(encode_legacy(SENTENCE, name))
    src = normalise(read_source(str(path)))
    assert [ln.text for ln in src.lines] == SENTENCE.strip().split("\n")
    assert src.encoding == name
    assert any(p.code == "read.encoding" for p in src.problems)


def test_known_legacy_byte_strings():
    # the well-known look of these encodings when shown in a Latin-1 font
    tcvn3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam, §iÒu 1".encode("latin-1")
    vni = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam, Ñieàu 1".encode("cp1252")
    assert decode(tcvn3, "x")[0] == "Cộng hoà xã hội chủ nghĩa Việt Nam, Điều 1"
    assert decode(vni, "x")[0] == "Cộng hòa xã hội chủ nghĩa Việt Nam, Điều 1"


def test_tcvn3_capital_headings_are_recapitalised():
    data = encode_legacy("NHỮNG QUY ĐỊNH CHUNG VỀ TỔ CHỨC, Điều 1. Phạm vi", "tcvn3")
    text, _, _ = decode(data, "x")
    assert text == "NHỮNG QUY ĐỊNH CHUNG VỀ TỔ CHỨC, Điều 1. Phạm vi"


def test_vietnamese_syllables():
    for word in ["nghiêng", "quyết", "khuỷu", "Điều", "người", "giữ", "hoặc", "thuở", "ĐỊNH"]:
        assert is_vietnamese_syllable(word), word
    for word in ["vieọt", "chươg", "đèc", "xyz", "hoàá", "cápt", "ủangx"]:
        assert not is_vietnamese_syllable(word), word


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                                       (codecs.BOM_UTF16_BE, "utf-16-be")])
def test_byte_order_marks(tmp_path, bom, codec):
    path = tmp_path / "luat.txt"
    path.write_bytes(bom + SENTENCE.encode(codec))
    src = normalise(read_source(str(path)))
    assert src.lines[0].text == "Chương I"
    assert src.lines[2].text == "Điều 1. Phạm vi điều chỉnh"


def test_utf16_without_bom(tmp_path):
    path = tmp_path / "luat.txt"
    path.write_bytes(SENTENCE.encode("utf-16-le"))
    assert read_source(str(path)).lines[2].text == "Điều 1. Phạm vi điều chỉnh"


def test_damaged_utf8_is_refused_with_its_position(tmp_path):
    path = tmp_path / "luat.txt"
    good = SENTENCE.encode("utf-8")
    path.write_bytes(good[:40] + b"\xff" + good[40:])
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert "invalid UTF-8 at byte 40" in err.value.reason and err.value.code == "read.encoding"


def test_unknown_encoding_is_refused(tmp_path):
    path = tmp_path / "luat.txt"
    path.write_bytes("Привет мир, это не вьетнамский текст вообще".encode("koi8-r"))
    with pytest.raises(ReadError) as err:
        read_source(str(path))
    assert "unknown encoding" in err.value.reason


def test_round_trip_of_every_vietnamese_letter():
    letters = "".join(sorted(set(unicodedata.normalize("NFC", c) for c in
                                 "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợ"
                                 "uùúủũụưừứửữựyỳýỷỹỵđ")))
    for name in ("tcvn3", "vni", "cp1258"):
        from lawscan.read.encoding import decode_cp1258, decode_tcvn3, decode_vni
        decoder = {"tcvn3": decode_tcvn3, "vni": decode_vni, "cp1258": decode_cp1258}[name]
        text, bad = decoder(encode_legacy(letters, name))
        assert (unicodedata.normalize("NFC", text), bad) == (letters, 0), name
        if name == "vni":
            text, _ = decoder(encode_legacy(letters.upper(), name))
            assert unicodedata.normalize("NFC", text) == letters.upper()
