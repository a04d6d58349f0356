"""The gold data as training and evaluation read it: every Vietnamese document of the corpus and
its pool, parsed by lawscan, with its labelled units found again, its classifier candidates, the
rule-only verdict, and the law it is a version of (for law-grouped cross-validation).

Used by ``training/train.py`` and ``benchmarks/eval_verdict.py``:

    laws = load_laws(corpus, labels)          # list[Law], corpus order then pool order
    groups(laws)                               # law identity of each document (see below)
    fold_of = folds(laws, k=5, seed=0)         # fold of each document, whole groups together
    silver(law)                                # the status the unit labels give the document

Nothing here writes anything: the law text stays in memory (``Unit.text`` is what the classifier
reads), the repository keeps only labels.
"""

from __future__ import annotations

import collections
import hashlib
import itertools
import json
import os
import random
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lawscan.analyse.rollup import RollupParams, UnitEvidence, roll_up  # noqa: E402

DEFAULT_CORPUS = Path(os.environ.get("LAWSCAN_CORPUS", REPO.parent / "shared" / "corpus"))
DEFAULT_LABELS = REPO / "training" / "labels" / "units.jsonl"
TARGET = {"yes": 1.0, "no": 0.0, "borderline": 0.5}


@dataclass
class LabelledUnit:
    """A chapter, section or article the classifier reads: a candidate, a labelled unit, or both."""

    eid: str
    kind: str
    text: str  # classify.unit_text
    candidate: bool  # scored at inference (has a cue)
    label: str | None = None  # yes | no | borderline (first pass); None: not labelled
    chosen: str | None = None  # cue | sample: why the unit was labelled
    rule: bool = False  # the rule-only verdict counts it as digital


@dataclass
class Law:
    """One document of the corpus or the pool."""

    file: str
    number: str  # as listed in MANIFEST.tsv / pool INDEX.tsv, else as parsed ("" unknown)
    doc_kind: str
    topic: str  # digital topic named by the title (lexicon), "" when none
    scope_topic: str  # when the title is unknown: the topic of the scope article
    evidence: list[UnitEvidence]  # every chapter, section, article (prob 0)
    units: list[LabelledUnit]
    rules: dict  # the rule-only verdict: status, chapters, sections, articles
    heading_keys: frozenset = frozenset()  # of the own article titles (law identity)
    gold: dict | None = None  # labels-dev.jsonl entry (status, digital_chapters ...)
    group: int = -1


def heading_key(heading: str) -> str:
    """As training/merge_labels.py: sha1[:8] of the lower-cased, space-collapsed heading."""
    return hashlib.sha1(" ".join(heading.lower().split()).encode("utf-8")).hexdigest()[:8]


def _listed_numbers(corpus: Path) -> dict[str, str]:
    out = {}
    manifest = corpus / "MANIFEST.tsv"
    for line in manifest.read_text(encoding="utf-8").splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) > 2:
            out[cols[0]] = cols[2]
    index = corpus / "pool" / "INDEX.tsv"
    if index.is_file():
        for line in index.read_text(encoding="utf-8").splitlines()[1:]:
            cols = line.split("\t")
            if len(cols) > 1:
                out[f"pool/{cols[0]}"] = cols[1]
    return out


def read_labels(path: Path = DEFAULT_LABELS) -> dict[str, list[dict]]:
    """First-pass labels by file."""
    by_file: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["pass"] == 1:
            by_file.setdefault(row["file"], []).append(row)
    return by_file


def find_unit(index: dict, row: dict):
    """The unit a label row names: by eid, else by kind + number + heading key."""
    u = index["eid"].get(row["eid"])
    if u is not None and u.kind == row["kind"]:
        return u
    found = index["key"].get((row["kind"], row["num"], row["heading_key"]), [])
    return found[0] if len(found) == 1 else None


def load_law(rel: str, doc, rows: list[dict], number: str, gold: dict | None) -> tuple[Law, int]:
    """A :class:`Law` from a parsed document and its label rows; also how many rows were not
    found in it."""
    from lawscan.analyse import analyse
    from lawscan.analyse.classify import candidates, unit_evidence, unit_text
    from lawscan.analyse.matcher import digital_units, last_scan, load_lexicon
    from lawscan.analyse.verdict import law_title, scope_topic, title_topic

    lex = load_lexicon()
    v = analyse(doc)
    du = digital_units(doc, lex)
    sc = last_scan(doc)
    rule_ids = {id(d.unit) for d in du.articles + du.sections + du.chapters}
    cands = {id(u) for u in candidates(doc)}
    units = [u for u in doc.root.walk() if u.kind in ("chapter", "section", "article")]
    index = {"eid": {u.eid: u for u in units}, "key": collections.defaultdict(list)}
    for u in units:
        index["key"][(u.kind, u.num, heading_key(u.heading))].append(u)
    labels: dict[int, dict] = {}
    missing = 0
    for row in rows:
        u = find_unit(index, row)
        if u is None:
            missing += 1
        else:
            labels[id(u)] = row
    records = [LabelledUnit(u.eid, u.kind, unit_text(u, sc, lex), id(u) in cands,
                            labels.get(id(u), {}).get("label"), labels.get(id(u), {}).get("chosen"),
                            id(u) in rule_ids)
               for u in units if id(u) in cands or id(u) in labels]
    own_titles = frozenset(heading_key(a.heading) for a in doc.units("article") if a.heading)
    topic = title_topic(doc, lex) or ""
    scope = "" if law_title(doc) else (scope_topic(doc, lex) or "")
    law = Law(rel, number or doc.number or "", doc.doc_kind, topic, scope,
              unit_evidence(doc, {}), records,
              {"status": v.status, "chapters": v.chapters, "sections": v.sections,
               "articles": v.articles}, own_titles, gold)
    return law, missing


def load_laws(corpus: Path = DEFAULT_CORPUS, labels: Path = DEFAULT_LABELS,
              progress: bool = False) -> list[Law]:
    """Every Vietnamese document of the corpus (MANIFEST.tsv, foreign Akoma Ntoso acts left out)
    and of its pool, in that order, as :class:`Law` records with their labels."""
    from lawscan.analyse.matcher import forget
    from training.select_units import documents

    by_file = read_labels(labels)
    numbers = _listed_numbers(corpus)
    gold = {}
    dev = corpus / "labels-dev.jsonl"
    if dev.is_file():
        for line in dev.read_text(encoding="utf-8").splitlines():
            if line.strip():
                g = json.loads(line)
                if g.get("status"):
                    gold[g["file"]] = g
    laws, missing = [], 0
    for rel, doc in documents(corpus):
        law, miss = load_law(rel, doc, by_file.get(rel, []), numbers.get(rel, ""), gold.get(rel))
        forget()
        laws.append(law)
        missing += miss
        if progress and len(laws) % 50 == 0:
            print(f"  {len(laws)} documents read", file=sys.stderr)
    if missing:
        print(f"warning: {missing} labelled units not found in the parsed documents",
              file=sys.stderr)
    groups(laws)
    return laws


def _normal_number(number: str) -> str:
    return number.upper().replace("Đ", "D").replace(" ", "")


def groups(laws: list[Law], shared: float = 0.8, common: int = 10) -> list[int]:
    """Give each law its ``group``: documents that are the same law share one. Two documents are
    the same law when they have the same number (the corpus and the pool hold some laws twice,
    in different formats), or when at least ``shared`` of the smaller one's article titles are
    titles of the other (a consolidated text and the law it consolidates; the successive
    versions of a regulation that kept its articles), titles found in ``common`` documents or
    more ("Phạm vi điều chỉnh", "Hiệu lực thi hành") left out."""
    parent = list(range(len(laws)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_with: dict[str, int] = {}
    for i, law in enumerate(laws):
        key = _normal_number(law.number)
        if key:
            parent[find(i)] = find(first_with.setdefault(key, i))
    df = collections.Counter(k for law in laws for k in law.heading_keys)
    titles = [{k for k in law.heading_keys if df[k] < common} for law in laws]
    for i, j in itertools.combinations(range(len(laws)), 2):
        a, b = titles[i], titles[j]
        if len(a) >= 5 and len(b) >= 5 and len(a & b) >= shared * min(len(a), len(b)):
            parent[find(i)] = find(j)
    for i, law in enumerate(laws):
        law.group = find(i)
    return [law.group for law in laws]


def folds(laws: list[Law], k: int = 5, seed: int = 0) -> list[int]:
    """The fold of each law: whole groups, shuffled (seeded), then given largest first to the
    fold with the fewest labelled units so far."""
    size = collections.Counter()
    for law in laws:
        size[law.group] += sum(1 for u in law.units if u.label is not None)
    order = sorted(size)
    random.Random(seed).shuffle(order)
    order.sort(key=lambda g: -size[g])  # stable: equal sizes stay shuffled
    load = [0] * k
    fold_of_group = {}
    for g in order:
        f = min(range(k), key=lambda j: (load[j], j))
        fold_of_group[g] = f
        load[f] += size[g]
    return [fold_of_group[law.group] for law in laws]


def with_probs(law: Law, probs: dict[str, float]) -> list[UnitEvidence]:
    """The law's evidence with the given probabilities (by eid; the others 0)."""
    return [replace(e, prob=probs.get(e.eid, 0.0)) for e in law.evidence]


def silver(law: Law) -> tuple[str, bool]:
    """(status, borderline) the unit labels give the document: the roll-up run with probability 1
    for the units labelled yes and 0 for the others (unlabelled units count as no: their share
    of yes is about 0.35%), thresholds 0.5, the same topic evidence; borderline when counting the
    units labelled borderline as yes gives another status."""
    labels = {u.eid: u.label for u in law.units if u.label is not None}
    params = RollupParams()
    strict = {e: 1.0 if lab == "yes" else 0.0 for e, lab in labels.items()}
    loose = {e: 1.0 if lab in ("yes", "borderline") else 0.0 for e, lab in labels.items()}
    status = roll_up(with_probs(law, strict), params, law.topic, law.scope_topic).status
    other = roll_up(with_probs(law, loose), params, law.topic, law.scope_topic).status
    return status, other != status
