"""Reference extraction (lawscan.graph.refs) on real phrasings of Vietnamese laws
(tests/fixtures/graph/refs.jsonl: one sentence and the references a lawyer reads in it)."""

from __future__ import annotations

import json

import pytest

from conftest import FIXTURES, corpus_files
from lawscan.graph.refs import (extract_refs, extract_refs_lines, may_cite, normalise_title,
                                path_label)

CASES = [json.loads(line) for line in (FIXTURES / "graph" / "refs.jsonl").read_text(
    encoding="utf-8").splitlines() if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:50] for c in CASES])
def test_real_phrasings(case):
    text = case["text"]
    refs = extract_refs(text)
    assert len(refs) == len(case["refs"]), [r.text for r in refs]
    for ref, want in zip(refs, case["refs"]):
        assert text[ref.start:ref.end] == ref.text
        assert ref.kind == want["kind"]
        if "text" in want:
            assert ref.text == want["text"]
        labels = [path_label(p) for p in ref.targets]
        if "targets" in want:
            assert labels == want["targets"]
        if "n_targets" in want:
            assert len(labels) == want["n_targets"]
        for label in want.get("targets_include", []):
            assert label in labels
        if "number" in want:
            assert ref.doc_number == want["number"]
        if "name" in want:
            assert ref.doc_name == want["name"]
        if "type" in want:
            assert ref.doc_type == want["type"]
        if "field" in want:
            assert ref.law_field == want["field"]
        if "qualified" in want:
            assert ref.qualified == want["qualified"]
        if "self_type" in want:
            assert ref.self_type == want["self_type"]
        if "relative" in want:
            assert ref.relative == want["relative"]


def test_spans_do_not_overlap_and_follow_the_text():
    text = ("Trừ trường hợp quy định tại khoản 2 Điều 5 của Luật này và Điều 10 của Luật Đầu tư số "
            "61/2020/QH14, việc đăng ký thực hiện theo pháp luật về doanh nghiệp.")
    refs = extract_refs(text)
    assert [r.kind for r in refs] == ["internal", "external", "field"]
    assert all(a.end <= b.start for a, b in zip(refs, refs[1:]))
    assert refs[1].doc_key() == "doc:61/2020/QH14"
    assert refs[2].doc_key() == "field:doanh nghiệp"


def test_doc_key_without_number_is_the_normalised_name():
    (ref,) = extract_refs("theo quy định của Luật Giao dịch   điện tử và quy định khác")
    assert ref.doc_key() == "doc:luật giao dịch điện tử"


def test_helpers():
    assert normalise_title("LUẬT GIAO DỊCH ĐIỆN TỬ số 20/2023/QH15") == "luật giao dịch điện tử"


def _by_line(texts):
    return {i: refs for i, refs in enumerate(map(extract_refs, texts)) if refs}


def test_many_lines_at_once_give_what_each_line_gives():
    texts = [c["text"] for c in CASES] + [
        "", "Thời điểm này, địa điểm a", "mục tiêu và chương trình phát triển", "Điều",
        "theo pháp luật", "khoản 2", "Nghị quyết 57-NQ/TW", "số 20/2023/QH15 và 5a-CP", "Luật này",
        "các điểm a, b và c khoản 1 Điều 3", "Phần thứ hai", "pháp luật có liên quan về đất đai"]
    want = _by_line(texts)
    assert extract_refs_lines(texts) == want
    assert len(want) > sum(1 for c in CASES if c["refs"])  # the extra lines' references too
    texts.insert(3, "a NUL \0 inside: khoản 1 Điều 2")  # cannot be joined by NUL: one by one
    assert extract_refs_lines(texts) == _by_line(texts)


@pytest.mark.parametrize("path", [p for p in corpus_files() if p.suffix == ".txt"][:3],
                         ids=lambda p: p.name)
def test_many_lines_on_corpus_documents(path):
    from lawscan.pipeline import load_document

    texts = [line.text for line in load_document(path).lines]
    found = extract_refs_lines(texts)
    assert found == _by_line(texts)
    assert found


def test_chains_only_keeps_the_references_that_begin_with_a_unit_word():
    texts = [c["text"] for c in CASES]
    unit_words = ("điểm", "khoản", "điều", "mục", "chương", "phần", "tiểu mục", "các", "từ")
    for text in texts:
        every = extract_refs(text)
        chains = [r for r in every if r.text.split()[0].lower() in unit_words]
        assert extract_refs(text, chains_only=True) == chains
        # a text that cannot cite a document has no external reference
        assert may_cite(text) or not [r for r in every if r.kind == "external"]
    whole = extract_refs_lines(texts)
    chains = {i: [r for r in refs if r.text.split()[0].lower() in unit_words]
              for i, refs in whole.items()}
    assert extract_refs_lines(texts, chains_only=True) == {i: r for i, r in chains.items() if r}
    assert any(r.kind == "external" for refs in chains.values() for r in refs)  # "… của Luật X"
    assert sum(map(len, chains.values())) < sum(map(len, whole.values()))  # documents, fields
    assert may_cite("khoản 2 Điều 5 của Nghị quyết này")
    assert not may_cite("theo quy định tại khoản 2 Điều 5")


def test_parse_chain_uses_a_given_start_match_only_where_it_was_found():
    """_parse_chain may be handed the unit-word match at its start (to avoid matching twice);
    it must be that match, and a group separator not followed by a unit word ends the chain."""
    from lawscan.graph.refs import _parse_chain, patterns

    p = patterns()
    text = "theo Điều 5 và Điều 7, và các quy định khác"
    at = text.index("Điều 5")
    ref = _parse_chain(text, at, p, p["start"].match(text, at))
    assert ref.text == "Điều 5 và Điều 7"
    assert [path_label(t) for t in ref.targets] == ["Điều 5", "Điều 7"]
    assert _parse_chain(text, at, p).text == ref.text  # same without the given match
    with pytest.raises(AssertionError):  # a match found elsewhere is refused, not used
        _parse_chain(text, at, p, p["start"].match(text, text.index("Điều 7")))


def test_a_long_line_of_references_is_read_whole():
    """A text of one line holding thousands of references (a record that lost its line breaks):
    each reference is found once, with its place, and those inside quotes are marked so. (The
    spans taken and the quotes are looked up by bisection; a look at each made such a line of
    a few megabytes take minutes: benchmarks/README.md.)"""
    piece = "“khoản {n} Điều 2 của Luật này” và khoản {n} Điều 3 của Luật Đất đai số 31/2024/QH15, "
    text = "Sửa đổi " + "".join(piece.format(n=i % 9 + 1) for i in range(3000))
    refs = extract_refs(text)
    assert len(refs) == 2 * 3000  # the quoted chain; the chain naming the other law and its number
    assert all(text[r.start:r.end] == r.text for r in refs)
    assert all(a.end <= b.start for a, b in zip(refs, refs[1:]))
    quoted = [r for r in refs if r.in_quote]
    assert len(quoted) == 3000 and all(r.text.endswith("Điều 2 của Luật này") for r in quoted)
    assert all(r.kind == "external" and r.text.endswith("31/2024/QH15") for r in refs if not r.in_quote)


def test_quote_marks_of_both_kinds_nested():
    """A straight-quoted span holding a curly-quoted one (and text after it): a reference is in a
    quote when it starts inside either."""
    text = 'Thay cụm từ "tại “khoản 1 Điều 5” và khoản 2 Điều 6" bằng cụm từ khoản 3 Điều 7.'
    refs = extract_refs(text)
    assert [(r.text[-14:], r.in_quote) for r in refs] == [("khoản 1 Điều 5", True), ("khoản 2 Điều 6", True),
                                                          ("khoản 3 Điều 7", False)]
