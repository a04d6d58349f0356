"""Every corpus file except .docx reads without exception, quickly enough, with real law text."""

from __future__ import annotations

import json
import re

import pytest

from conftest import corpus_files
from lawscan.normalise import normalise
from lawscan.read import read_source

ARTICLE = re.compile(r"^Điều\s+(?:thứ\s+)?\d+")
FILES = [p for p in corpus_files() if p.suffix.lower() != ".docx"]


@pytest.mark.corpus
@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_corpus_file_reads(corpus_dir, path):
    src = normalise(read_source(str(path)))
    assert src.lines and all(ln.text and ln.lineno >= 1 and ln.raw is not None for ln in src.lines)
    if path.parent.name == "akn":
        assert src.format == "akn" and src.document is not None
        assert len(src.document.units()) >= 5
    else:
        assert sum(bool(ARTICLE.match(ln.text)) for ln in src.lines) >= 3  # amending laws have few
    assert all("\u00d0" not in ln.text and "\u00a0" not in ln.text for ln in src.lines)


@pytest.mark.corpus
def test_labelled_article_counts_are_reachable(corpus_dir, labels):
    """The readers give at least as many "Điều N" lines as the labelled article count
    (quoted text of amending laws and cross-reference lines may add more)."""
    short = []
    for label in labels:
        if label["file"].endswith((".docx", ".xml")):
            continue
        path = corpus_dir / label["file"]
        src = normalise(read_source(str(path)))
        found = sum(bool(ARTICLE.match(ln.text)) for ln in src.lines)
        expected = label["articles"]
        if path.suffix == ".json" and '"chapters"' in path.read_text(encoding="utf-8"):
            # a scraper may have dropped articles (Tòa án nhân dân: 148 records, numbered to 152)
            data = json.loads(path.read_text(encoding="utf-8"))
            expected = min(expected, sum(len(c.get("articles", [])) for c in data["chapters"]))
        if found < expected:
            short.append((label["file"], found, label["articles"]))
    assert not short


@pytest.mark.corpus
def test_formats_are_recognised(corpus_dir):
    expected = {"tvpl-": "html-tvpl", "vbpl-": "html-vbpl"}
    for path in (corpus_dir / "html").glob("*.html"):
        fmt = read_source(str(path)).format
        assert fmt == next(v for k, v in expected.items() if path.name.startswith(k)), path.name
    assert {read_source(str(p)).format for p in (corpus_dir / "json").glob("*.json")} == {"json"}
    assert {read_source(str(p)).format for p in (corpus_dir / "txt").glob("*.md")} == {"md"}
