"""The normaliser: NFC, Đ lookalikes, spaces, CR/LF; raw text and line numbers kept."""

from __future__ import annotations

import unicodedata

from hypothesis import given, strategies as st

from lawscan.model import Document, Line, Source, Unit
from lawscan.normalise import normalise, normalise_text


def test_nfd_and_nfc_input_give_the_same_text():
    text = "Điều 5. Cơ sở dữ liệu quốc gia về hoá đơn điện tử của Uỷ ban"
    nfd = unicodedata.normalize("NFD", text)
    mixed = text[:20] + unicodedata.normalize("NFD", text[20:])
    assert nfd != text
    assert normalise_text(nfd) == normalise_text(mixed) == normalise_text(text) == text


def test_eth_and_lookalikes_become_d_with_stroke():
    assert normalise_text("NHỮNG QUY ÐỊNH CHUNG") == "NHỮNG QUY ĐỊNH CHUNG"
    assert normalise_text("ðiều") == "điều"
    assert normalise_text("\u0189IỀU") == "ĐIỀU"


def test_spaces_and_invisible_characters():
    raw = "\ufeffĐiều\u00a01.\u200b\tPhạm\u00advi\u2003 điều   chỉnh\r\n"
    assert normalise_text(raw) == "Điều 1. Phạmvi điều chỉnh"


def test_spelling_variants_are_not_folded():
    assert normalise_text("hoá đơn, thuỷ lợi") == "hoá đơn, thuỷ lợi"


def test_raw_and_lineno_are_kept_and_blank_lines_dropped():
    src = Source(path="x", format="txt", lines=[Line("Ðiều  1", 3), Line(" \u00a0 ", 4), Line("b", 7, raw="**b**")])
    out = normalise(src)
    assert [(ln.text, ln.lineno, ln.raw) for ln in out.lines] == [("Điều 1", 3, "Ðiều  1"), ("b", 7, "**b**")]


def test_document_units_are_normalised():
    doc = Document(path="x", format="akn", title="Lua\u0323\u0302t")
    unit = Unit(kind="article", num=" 1\u00a0", heading="Ðiều", content=[Line("a\u00a0 b", 2)])
    doc.root.children.append(unit)
    src = normalise(Source(path="x", format="akn", document=doc))
    assert (unit.num, unit.heading, unit.content[0].text, doc.title) == ("1", "Điều", "a b", "Luật")


@given(st.text(alphabet=st.sampled_from(list("aăâeêioôơuưyđĐÐ \u00a0\t\u0300\u0301\u0303\u0309\u0323")),
               max_size=40))
def test_idempotent_and_nfc(text):
    once = normalise_text(text)
    assert normalise_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\u00d0" not in once and "  " not in once and once == once.strip()


def test_every_character_of_the_table_is_translated_inside_a_line():
    """The quick test that skips str.translate must let no character of the table through:
    each one, put inside ordinary Vietnamese text, comes out as the table says."""
    from lawscan.normalise import _TABLE

    for code, replacement in _TABLE.items():
        text = f"Cơ sở dữ liệu{chr(code)}điện tử"
        assert normalise_text(text) == normalise_text(f"Cơ sở dữ liệu{replacement or ''}điện tử"), \
            hex(code)
