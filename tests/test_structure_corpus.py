"""Structure parser on the real corpus: Phần/Chương/Mục/Điều counts and metadata against the hand
labels of labels-dev.jsonl (Vietnamese documents, every format the readers take), through
lawscan.pipeline.load_document. Skipped when the corpus is absent."""

from __future__ import annotations

import pytest

from conftest import CORPUS, load_labels
from lawscan.pipeline import load_document

pytestmark = pytest.mark.corpus

LABELS = [lab for lab in load_labels() if lab.get("doc_kind") != "foreign"]

# The source file itself lacks what the label counts (the label describes the law as enacted).
# The vbpl.vn "chapters" JSON scrapes lost every "Mục 1" heading; the parser infers Mục 1 from
# "Mục 2" (a chapter divided into Mục has all its articles in Mục), so those counts match. The Tòa
# án record also lost the heading lines of Điều 35 and 111 (their text is there, under Điều 34 and
# 110), which nothing can bring back; its "Diều 10" and "Đièu 34" are read as misspelt labels.
SOURCE_LACKS_HEADINGS = {
    "json/vbpl-luat-to-chuc-toa-an-nhan-dan-so-34-2024-qh15.json",
}
# A text whose header (with its number) was cut off by the site it came from. (The records that
# carry no title, only their page's address, are named by it: structure/address_title.py.)
SOURCE_LACKS_NUMBER = {"txt/tvpl-luat-bien-gioi-quoc-gia-2003-06-2003-qh11.txt"}

_cache: dict[str, object] = {}


def doc_of(corpus_dir, rel):
    if rel not in _cache:
        _cache[rel] = load_document(corpus_dir / rel)
    return _cache[rel]


def _id(lab):
    return lab["file"]


@pytest.mark.parametrize("lab", LABELS, ids=_id)
def test_structure_counts_match_labels(corpus_dir, lab):
    if lab["file"] in SOURCE_LACKS_HEADINGS:
        pytest.xfail("the source record lacks headings the label counts (see SOURCE_LACKS_HEADINGS)")
    doc = doc_of(corpus_dir, lab["file"])
    c = doc.counts()
    got = {k: c[k + "s"] for k in ("part", "chapter", "section", "article")}
    want = {k: lab[k + "s"] for k in ("part", "chapter", "section", "article")}
    assert got == want
    nums = [a.num for a in doc.units("article")]
    if lab.get("first_article") is not None:
        assert nums[0] == str(lab["first_article"]) and nums[-1] == str(lab["last_article"])
    for ins in lab.get("inserted_articles") or []:
        assert ins in nums
    titles = [[ch.num, ch.heading] for ch in doc.units("chapter")]
    if lab.get("chapter_titles"):
        assert [t[0] for t in titles] == [t[0] for t in lab["chapter_titles"]]


@pytest.mark.parametrize("lab", LABELS, ids=_id)
def test_metadata_matches_labels(corpus_dir, lab):
    doc = doc_of(corpus_dir, lab["file"])
    assert doc.doc_kind == lab["doc_kind"]
    assert doc.year == lab["year"]
    if lab["file"] not in SOURCE_LACKS_NUMBER:
        assert doc.number == lab["number"]
    assert doc.title.casefold() == lab["title"].casefold()


def test_amending_law_quotes_do_not_count(corpus_dir):
    doc = doc_of(corpus_dir, "docx/vbpl-luat-51-2019-qh14.docx")
    own = [a.num for a in doc.units("article")]
    quoted = [a.num for a in doc.units("article", include_quoted=True) if a.num not in own]
    assert own == ["1", "2"]
    assert {"16a", "16b", "19a"} <= set(quoted)
    q = next(u for u in doc.root.walk() if u.kind == "quoted" and any(c.kind == "article" and c.num == "16a" for c in u.children))
    assert q.attrs["action"] == "insert" and q.attrs["target"] == "Điều 16a"
    assert "Luật Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam" in q.attrs["law"]


def test_every_corpus_file_parses_with_unique_eids(corpus_dir):
    from conftest import corpus_files
    from lawscan.errors import ReadError

    for path in corpus_files():
        try:
            doc = load_document(path)
        except ReadError:
            continue
        eids = [u.eid for u in doc.root.walk() if u.kind != "root"]
        assert len(eids) == len(set(eids)), path
        assert not [p for p in doc.problems if p.code == "structure.internal"], path
