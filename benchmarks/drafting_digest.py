"""The whole output of the drafting aids (``lawscan suggest``, ``lawscan diff``) on the samples,
the drafting fixtures and the corpus, saved and compared: the check that a refactoring of
lawscan/drafting/ changed nothing a drafter can see (``corpus_digest.py`` covers the scan).

Usage:  python benchmarks/drafting_digest.py [CORPUS_DIR] [--save FILE | --compare FILE]

Outputs: for every sample law, drafting fixture and corpus file (akn/ docx/ html/ json/ txt/),
the suggestion as Markdown, plain text, JSON (``Suggestion.to_dict()``) and the text of its .docx;
for pairs of versions (the drafting fixtures, consecutive samples, a sample and itself, and
corpus laws with a later or consolidated version) the diff as text, JSON and HTML. ``--save``
writes them all (JSON, name -> text); ``--compare`` lists every output that changed, with the
first lines of its difference (exit 1 if any). Without the corpus only the repository's files are
used. Prints the digest of everything.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import io
import json
import os
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corpus_digest import save_or_compare  # noqa: E402  (benchmarks/, the script's folder)

DEFAULT_CORPUS = Path(os.environ.get("LAWSCAN_CORPUS", REPO.parent / "shared" / "corpus"))
FOLDERS = ("akn", "docx", "html", "json", "txt")
SAMPLES = REPO / "sample_laws"
DRAFTING = REPO / "tests" / "fixtures" / "drafting"
# (old, new) relative to the corpus: a law and a later, amending or consolidated text of it
CORPUS_PAIRS = [
    ("docx/luat-dau-thau-22-2023-qh15.docx", "docx/vbhn-126-2025-luat-dau-thau.docx"),
    ("docx/luat-dau-thau-22-2023-qh15.docx", "docx/luat-sua-doi-dau-thau-va-7-luat-90-2025-qh15.docx"),
    ("html/vbpl-hien-phap-1992.html", "html/vbpl-hien-phap-2013.html"),
    ("html/tvpl-hien-phap-2013.html", "html/vbpl-hien-phap-2013.html"),
]


def _docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode("utf-8")


def suggestions(paths: list[Path]) -> dict[str, str]:
    from lawscan.drafting.suggest import render_docx, render_markdown, render_text, suggest
    from lawscan.errors import ReadError
    from lawscan.pipeline import load_document

    out = {}
    for path in paths:
        name = f"suggest:{path.parent.name}/{path.name}"
        try:
            s = suggest(load_document(str(path)))
        except ReadError as exc:
            out[name] = f"ReadError: {exc.reason}"
            continue
        out[f"{name}:md"] = render_markdown(s)
        out[f"{name}:txt"] = render_text(s)
        out[f"{name}:json"] = json.dumps(s.to_dict(), ensure_ascii=False, indent=1)
        out[f"{name}:docx"] = _docx_text(render_docx(s))
    return out


def diffs(pairs: list[tuple[Path, Path]]) -> dict[str, str]:
    from lawscan.drafting.diff import diff_documents, render_diff
    from lawscan.pipeline import load_document

    out = {}
    for old, new in pairs:
        d = diff_documents(load_document(str(old)), load_document(str(new)))
        for fmt in ("text", "json", "html"):
            out[f"diff:{old.parent.name}/{old.name}>{new.parent.name}/{new.name}:{fmt}"] = render_diff(d, fmt)
    return out


def outputs(corpus: Path | None) -> dict[str, str]:
    samples = sorted(p for p in SAMPLES.iterdir() if p.name != "README.md")
    drafts = sorted(DRAFTING.iterdir())
    laws = samples + drafts
    pairs = [(DRAFTING / "du-thao-1.txt", DRAFTING / "du-thao-2.txt"), (samples[1], samples[1])]
    pairs += list(zip(samples, samples[1:]))
    if corpus is not None:
        laws += [p for folder in FOLDERS for p in sorted((corpus / folder).glob("*"))]
        pairs += [(corpus / a, corpus / b) for a, b in CORPUS_PAIRS]
    return {**suggestions(laws), **diffs(pairs)}


def _first_lines_of_diff(before: str, after: str) -> list[str]:
    lines = difflib.unified_diff(before.splitlines(), after.splitlines(), "before", "after",
                                 lineterm="", n=1)
    return list(lines)[:12]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    group = ap.add_mutually_exclusive_group()
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    args = ap.parse_args(argv)
    corpus = args.corpus if (args.corpus / "MANIFEST.tsv").exists() else None
    if corpus is None:
        print(f"no corpus at {args.corpus}: samples and fixtures only", file=sys.stderr)
    got = outputs(corpus)
    total = hashlib.sha256(json.dumps(got, sort_keys=True).encode()).hexdigest()
    print(f"{len(got)} outputs, digest {total[:16]}")
    return save_or_compare(got, args.save, args.compare, detail=_first_lines_of_diff)

if __name__ == "__main__":
    raise SystemExit(main())
