"""Choose the units of the corpus and its pool to annotate, and write them out for annotators.

Usage:  python training/select_units.py OUT_DIR [--corpus DIR] [--sample 0.08] [--batch 400]

Reads every Vietnamese document of ``../shared/corpus`` (MANIFEST.tsv, foreign Akoma Ntoso acts
left out) and of its ``pool/`` (INDEX.tsv) with lawscan's own reader and parser, and lists:

* every article (own or inserted by quoted amending text) that has a digital cue in its title or
  body (``CUES``, rules/data/cues.toml: broader than the lexicon on purpose, so that misses can be counted), and a
  seeded random sample (``--sample``) of the articles without any cue;
* every chapter and section heading with a cue, and a seeded sample (``--heading-sample``) of
  the others.

OUT_DIR gets ``units.jsonl`` (one unit a line: key, file, kind, num, eid, heading, a short excerpt
of the body, the cues found) and ``batch-NNN.tsv`` files for annotators (key, kind, heading,
excerpt). OUT_DIR must be outside the repository: it holds text of the laws, which the repository
never does (training/labels/*.jsonl keep only file, unit number, label and reason).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from lawscan.datafiles import load_data_file  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("LAWSCAN_CORPUS",
                                     Path(__file__).resolve().parents[2] / "shared" / "corpus"))

# Lower-cased (NFC) cues: any of them in a heading or body makes the unit a candidate. The list is
# rules/data/cues.toml, which lawscan.analyse.classify reads too (the units it scores).
CUES = load_data_file(Path(__file__).resolve().parents[1] / "rules" / "data" / "cues.toml")["cues"]
_CUE_RE = re.compile("|".join(re.escape(c) for c in sorted(CUES, key=len, reverse=True)))


def fold(text: str) -> str:
    return " ".join(text.lower().split())


def cues(text: str) -> list[str]:
    return sorted(set(_CUE_RE.findall(fold(text))))


def excerpt(unit, limit: int = 320, around: int = 110) -> str:
    """One line for an annotator: for an article, the start of its text and khoản/điểm (quoted
    text of an amending law included) cut at ``limit`` characters, then up to two passages around
    cues further on ("… passage …"); for a chapter or section, the titles of its articles."""
    if unit.kind != "article":
        titles = [f"Điều {a.num}. {a.heading.strip()}" for a in unit.walk(include_quoted=False)
                  if a.kind == "article"]
        more = f" (+{len(titles) - 8})" if len(titles) > 8 else ""
        return " | ".join(titles[:8]) + more
    parts = []
    for u in unit.walk():
        if u is not unit and u.kind in ("article", "chapter", "section"):
            parts.append(f"[{u.label()}. {u.heading}]")
        parts.extend(line.text for line in u.content if line.text.strip())
    text = " ".join(" ".join(parts).split())
    if len(text) <= limit:
        return text
    head, rest = text[:limit], text[limit:]
    passages = []
    for m in _CUE_RE.finditer(rest.lower()):
        if passages and m.start() < passages[-1][1]:
            continue
        start = max(0, m.start() - around, passages[-1][1] if passages else 0)
        passages.append((start, min(len(rest), m.end() + around)))
        if len(passages) == 2:
            break
    return head + "…" + "".join(f" «{rest[a:b]}» …" for a, b in passages)


def documents(corpus: Path):
    """(relative path, Document) for every Vietnamese document of the corpus and the pool."""
    from lawscan.pipeline import load_document

    rows = [ln.split("\t") for ln in (corpus / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    files = [r[0] for r in rows if r and not r[0].startswith("akn/")]
    pool = [ln.split("\t")[0] for ln in (corpus / "pool" / "INDEX.tsv").read_text(
        encoding="utf-8").splitlines()[1:] if ln.strip()]
    files += [f"pool/{name}" for name in pool]
    for rel in files:
        try:
            yield rel, load_document(corpus / rel)
        except Exception as exc:  # noqa: BLE001 - one unreadable file does not stop the listing
            print(f"{rel}: {exc}", file=sys.stderr)


def units_of(rel: str, doc):
    """Every article (own, or inside quoted text), chapter and section of ``doc``."""
    for unit in doc.root.walk(include_quoted=True):
        if unit.kind in ("article", "chapter", "section"):
            quoted = "__qstr_" in unit.eid
            body = excerpt(unit)
            found = cues(unit.heading + "\n" + (unit.full_text() if unit.kind == "article" else ""))
            key = hashlib.sha1(f"{rel}|{unit.eid}".encode()).hexdigest()[:10]
            yield {"key": key, "file": rel, "kind": unit.kind, "num": unit.num, "eid": unit.eid,
                   "quoted": quoted, "heading": unit.heading.strip(), "excerpt": body,
                   "cues": found}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--heading-sample", type=float, default=0.15,
                    help="share of the chapter and section headings without a cue to list too")
    ap.add_argument("--sample", type=float, default=0.04,
                    help="share of the articles without a cue to list too (seeded)")
    ap.add_argument("--batch", type=int, default=400)
    ap.add_argument("--seed", type=int, default=57)
    args = ap.parse_args(argv)
    repo = Path(__file__).resolve().parents[1]
    if args.out.resolve().is_relative_to(repo):
        ap.error("OUT_DIR must be outside the repository (it holds text of the laws)")
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    chosen, stats = [], {"articles": 0, "with_cue": 0, "sampled": 0, "headings": 0,
                         "headings_with_cue": 0, "headings_sampled": 0}
    for rel, doc in documents(args.corpus):
        for u in units_of(rel, doc):
            if u["kind"] != "article":
                stats["headings"] += 1
                if u["cues"]:
                    stats["headings_with_cue"] += 1
                    u["why"] = "cue"
                    chosen.append(u)
                elif rng.random() < args.heading_sample:
                    stats["headings_sampled"] += 1
                    u["why"] = "sample"
                    chosen.append(u)
                continue
            stats["articles"] += 1
            if u["cues"]:
                stats["with_cue"] += 1
                u["why"] = "cue"
                chosen.append(u)
            elif rng.random() < args.sample:
                stats["sampled"] += 1
                u["why"] = "sample"
                chosen.append(u)
    with open(args.out / "units.jsonl", "w", encoding="utf-8") as fh:
        for u in chosen:
            fh.write(json.dumps(u, ensure_ascii=False) + "\n")
    order = chosen[:]
    rng.shuffle(order)  # batches mix laws, kinds and years
    for i in range(0, len(order), args.batch):
        with open(args.out / f"batch-{i // args.batch:03d}.tsv", "w", encoding="utf-8") as fh:
            fh.write("key\tkind\theading\texcerpt\n")
            for u in order[i:i + args.batch]:
                fh.write("\t".join([u["key"], u["kind"] + (" (quoted)" if u["quoted"] else ""),
                                    u["heading"].replace("\t", " "),
                                    u["excerpt"].replace("\t", " ")]) + "\n")
    print(json.dumps(stats | {"chosen": len(chosen)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
