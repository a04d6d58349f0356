"""Roman numerals (lawscan.numerals): one reading for the OCR reader, the parser, the graph and
the drafting aids."""

from lawscan.numerals import int_to_roman, is_roman, roman_to_int


def test_roman_numbers_read_both_ways():
    assert [roman_to_int(r) for r in ("IX", "XII", "XIV", "XL", "iv")] == [9, 12, 14, 40, 4]
    assert all(roman_to_int(int_to_roman(n)) == n for n in range(1, 400))


def test_ill_formed_numerals_are_not_numbers():
    # a scan's or a typist's slip is not a chapter number: the parser's sequence checks and the
    # OCR mending decide what it was
    for s in ("", "Im", "IIII", "VX", "IC", "XXXX", "1"):
        assert roman_to_int(s) is None, s


def test_a_heading_numeral_is_printed_in_capitals():
    assert is_roman("XIV") and is_roman("I")
    assert not is_roman("iv") and not is_roman("IIII") and not is_roman("") and not is_roman("TV")
    assert not is_roman("l")  # a lower-case L, as scans print a one
