"""The gold data as training and evaluation read it: every Vietnamese document of the corpus and
its pool, parsed by lawscan, with its labelled units found again, its classifier candidates, the
rule-only verdict, and the law it is a version of (for law-grouped cross-validation).

Used by ``training/train.py`` and ``benchmarks/eval_verdict.py``:

    laws = load_laws(corpus, labels)          # list[Law], corpus order then pool order
    groups(laws)                               # law identity of each document (see below)
    fold_of = folds(laws, k=5, seed=0)         # fold of each document, whole groups together
    silver(law)                                # the status the unit labels give the document

Nothing here writes anything: the parsed documents stay in memory (``Law.doc``; the trained
verdict of a document is made by analysing it again with a classifier that gives stored
probabilities: ``cv.verdicts``), the repository keeps only labels.
"""

from __future__ import annotations

import collections
import itertools
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from training.merge_labels import heading_key  # noqa: E402 - finds a labelled unit again
from training.select_units import DEFAULT_CORPUS  # noqa: E402

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
    doc: object  # the parsed lawscan.model.Document
    units: list[LabelledUnit]
    rules: dict  # the rule-only verdict: status, chapters, sections, articles
    heading_keys: frozenset = frozenset()  # of the own article titles (law identity)
    gold: dict | None = None  # labels-dev.jsonl entry (status, digital_chapters ...)
    group: int = -1
    judged: dict = field(default_factory=dict)  # eid -> kind of the units the verdict judges
    topic: bool = False  # the status is digital_law by the lexicon's topic test
    silver: tuple = ("", False)  # see silver()


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
    from lawscan.analyse import analyse_document
    from lawscan.analyse.classifier import UnitContext
    from lawscan.analyse.classify import candidates, unit_text

    a = analyse_document(doc)
    lex = a.scan.lexicon  # the document's own: the built-in one and its short names (aliases.py)
    j = a.judgements
    rule_ids = {id(x.unit) for k in ("article", "section", "chapter") for x in j.digital(k)}
    cands = candidates(UnitContext(a.outline, a.scan, lex))
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
    records = [LabelledUnit(u.eid, u.kind, unit_text(u, a.scan, lex), id(u) in cands,
                            labels.get(id(u), {}).get("label"), labels.get(id(u), {}).get("chosen"),
                            id(u) in rule_ids)
               for u in units if id(u) in cands or id(u) in labels]
    own_titles = frozenset(heading_key(x.heading) for x in doc.units("article") if x.heading)
    v = a.verdict
    judged = {x.unit.eid: k for k in ("article", "section", "chapter") for x in j.kind(k)}
    law = Law(rel, number or doc.number or "", doc.doc_kind, doc, records,
              {"status": v.status, "chapters": v.chapters, "sections": v.sections,
               "articles": v.articles, "confidence": v.confidence, "review": v.review},
              own_titles, gold, judged=judged,
              topic=any(r.code in ("title_topic", "scope_topic") for r in v.reasons))
    law.silver = silver(law)
    return law, missing


def load_laws(corpus: Path = DEFAULT_CORPUS, labels: Path = DEFAULT_LABELS,
              progress: bool = False) -> list[Law]:
    """Every Vietnamese document of the corpus (MANIFEST.tsv, foreign Akoma Ntoso acts left out)
    and of its pool, in that order, as :class:`Law` records with their labels."""
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


class StoredProbabilities:
    """A :class:`~lawscan.analyse.classifier.UnitClassifier` giving stored probabilities by eid
    (``default`` for the others; an article carrying quoted articles takes the highest, as the
    shipped one does): the trained verdict of a document from out-of-fold scores, or the status
    its unit labels give."""

    name = "stored"

    def __init__(self, probs: dict[str, float], default: float):
        self.probs, self.default = probs, default

    def predict(self, kind, units, context) -> list[float]:
        from lawscan.analyse.classify import best_of_carried

        best = best_of_carried(units, kind, lambda u: self.probs.get(u.eid))
        return [self.default if b is None else b for b in best]


def analysed(law: Law, probs: dict[str, float], default: float | None = None):
    """The :class:`~lawscan.analyse.Analysis` of the law's document with the trained verdict,
    the classifier's probabilities being ``probs`` (by eid; ``default`` for the others, the
    classifier's floor ``judge.P_NO_CUE`` when None). Token patterns and word segmentation are
    left out: they add reasons, never change the status."""
    from lawscan.analyse import analyse_document
    from lawscan.analyse.judge import P_NO_CUE

    clf = StoredProbabilities(probs, P_NO_CUE if default is None else default)
    return analyse_document(law.doc, {"tokens": False, "segment": False}, classifier=clf)


def silver(law: Law) -> tuple[str, bool]:
    """(status, borderline) the unit labels give the document: the trained verdict run with
    probability 1 for the units labelled yes and 0 for the others (unlabelled units count as
    no: their share of yes is under 1%); borderline when counting the units labelled borderline
    as yes gives another status."""
    labels = {u.eid: u.label for u in law.units if u.label is not None}
    strict = {e: 1.0 if lab == "yes" else 0.0 for e, lab in labels.items()}
    status = analysed(law, strict, 0.0).verdict.status
    if "borderline" not in labels.values():  # the loose reading is the strict one
        return status, False
    loose = {e: 1.0 if lab in ("yes", "borderline") else 0.0 for e, lab in labels.items()}
    other = analysed(law, loose, 0.0).verdict.status
    return status, other != status
