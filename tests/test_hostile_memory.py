"""Inputs that once made memory (or time) grow faster than their size, through the command line,
each scan run in a subprocess under an address-space cap so that a regression fails here instead
of taking the machine: a chain "khoản 1, khoản 2, … khoản 5000", Word list numbering starting at
2,600,000 in letters (and a level text of 500,000 characters), paragraphs that made the search
for end notes quadratic, a .docx that unzips past the limit, a 200 MB sparse file with --cache.
What is checked is what comes out: bounded findings, quotes and labels. The memory each shape
takes is measured by benchmarks/bench_hostile_memory.py."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from hostile import generators as gen
from lawscan.bounds import MAX_EVIDENCE, MAX_FINDINGS_PER_RULE, MAX_MESSAGE, MAX_PROBLEMS_PER_CODE, MAX_TEXT

CAP = 1500 * 1024 * 1024  # address space of each scan: far above what it needs, far below the machine


def scan(path: Path, tmp_path: Path, *extra) -> tuple[subprocess.CompletedProcess, dict | None]:
    out = tmp_path / "r.json"

    def limit():
        resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP))

    done = subprocess.run([sys.executable, "-m", "lawscan", "scan", "--no-config", "--fail-on", "never",
                           str(path), "-f", "json", "-o", str(out), *map(str, extra)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=600, preexec_fn=limit)
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr, done.stderr[-2000:]
    return done, (json.loads(out.read_text(encoding="utf-8")) if out.exists() else None)


def test_a_chain_of_khoan_is_bounded(tmp_path):
    path = gen.khoan_chain(tmp_path, 5000)
    done, data = scan(path, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    (doc,) = data["documents"]
    ls109 = [f for f in doc["findings"] if f["rule_id"] == "LS109"]
    assert len(ls109) == MAX_FINDINGS_PER_RULE
    for f in doc["findings"]:
        assert len(f["message"]) <= MAX_MESSAGE and len(f["message_en"]) <= MAX_MESSAGE
        assert len(f["evidence"]) <= MAX_EVIDENCE
        assert all(len(e["quote"]) <= MAX_TEXT for e in f["evidence"])
        assert all(len(v) <= MAX_TEXT for v in f["extra"].values() if isinstance(v, str))
    codes = [p["code"] for p in doc["problems"]]
    assert codes.count("refs.unresolved") == MAX_PROBLEMS_PER_CODE
    assert "rule.truncated" in codes and "problems.truncated" in codes
    assert all(len(p["message"]) <= MAX_MESSAGE for p in doc["problems"])
    assert os.path.getsize(tmp_path / "r.json") < 2_000_000  # not 100 MB


@pytest.mark.parametrize("start, level_text", [(2_600_000, "%1)"), (5, "%1" + "x" * 500_000)],
                         ids=["start-2600000", "level-text-500000-chars"])
def test_word_list_numbering_is_read_within_words_bounds(tmp_path, start, level_text):
    path = gen.docx_numbering(tmp_path, 3000, start=start, level_text=level_text)
    assert path.stat().st_size < 10_000
    done, data = scan(path, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    done = subprocess.run([sys.executable, "-m", "lawscan", "parse", "--format", "json", str(path)],
                          cwd=tmp_path, capture_output=True, text=True, timeout=600,
                          preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_AS, (CAP, CAP)))
    assert done.returncode == 0 and len(done.stdout) < 2_000_000


def test_end_notes_search_is_linear(tmp_path):
    path = gen.docx_trailing_notes(tmp_path, 9000)
    done, data = scan(path, tmp_path, "--timeout", "120")  # it took over 300 s
    assert done.returncode == 0, done.stderr[-2000:]
    assert data["errors"] == [] and len(data["documents"]) == 1


def test_a_docx_that_unzips_past_the_limit(tmp_path):
    import base64
    import zipfile

    # 13 MB of paragraphs with enough random text to stay under 100:1
    para = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>"
    noise = base64.b64encode(os.urandom(200_000)).decode()
    doc = gen.document_xml(gen.LAW + noise + "\n").replace(b"</w:body>", para * 370_000 + b"</w:body>")
    path = tmp_path / "lon.docx"
    path.write_bytes(gen.docx_parts({"word/document.xml": doc}))
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("word/document.xml")
        assert info.file_size / info.compress_size < 100 and path.stat().st_size < 1_000_000
    done, data = scan(path, tmp_path)
    assert done.returncode == 2
    assert "too large once unzipped" in data["errors"][0]["message"]


def test_cache_reads_no_huge_file_whole(tmp_path):
    huge = gen.huge_text(tmp_path)  # 200 MB, sparse
    done, data = scan(huge, tmp_path, "--cache", tmp_path / "cache")
    assert done.returncode == 2 and "file too large" in data["errors"][0]["message"]


def test_short_names_on_one_long_line_are_read_in_linear_time(tmp_path):
    """A 1 MB line introducing a short name for a digital thing 17,000 times: each full name is
    looked for just before its parenthesis (the whole line before it was read each time: 280 KB
    took 35 s), and only the first of them become terms and reasons."""
    from lawscan.analyse.aliases import MAX_ALIASES

    path = gen.short_names_on_one_line(tmp_path, 1_000_000)
    done, data = scan(path, tmp_path, "--timeout", "120")
    assert done.returncode == 0, done.stderr[-2000:]
    assert data["errors"] == []
    (doc,) = data["documents"]
    said = [r for r in doc["digital"]["reasons"] if r["code"] == "own_name"]
    assert len(said) == MAX_ALIASES and "“Hệ thống HS1”" in said[0]["vi"]
