"""lawscan.joined: the lines of a joined text that hold a phrase or a regex match are those a
search of each line finds (checked against a loop over the lines on random texts)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from lawscan.joined import join, lines_with

LINES = st.lists(st.text(alphabet="ab ", max_size=8), max_size=12)


@given(LINES, st.text(alphabet="ab ", max_size=3))
def test_phrase_lines_are_those_a_loop_finds(texts, phrase):
    joined, starts = join(texts)
    assert joined == "\0".join(texts) and [joined[s:s + len(t)] for s, t in zip(starts, texts)] == texts
    assert lines_with(joined, starts, phrase) == [k for k, t in enumerate(texts) if phrase in t]


@given(LINES)
def test_regex_lines_are_those_a_loop_finds(texts):
    rx = re.compile(r"a b+")
    assert lines_with(*join(texts), rx) == [k for k, t in enumerate(texts) if rx.search(t)]


def test_a_text_holding_the_separator_is_refused():
    assert join(["khoản 1", "Điều\x005"]) is None
    assert join(["khoản 1", "Điều 5"], "\n") == ("khoản 1\nĐiều 5", [0, 8])
    assert join([]) == ("", []) and lines_with("", [], "x") == []
