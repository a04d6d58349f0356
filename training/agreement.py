"""How far two annotators agree on the units both labelled (training/labels/units.jsonl).

Usage:  python training/agreement.py [LABELS_FILE]

Prints, over the units that have a first-pass and a second-pass label: raw agreement and Cohen's
kappa on the three labels (yes / no / borderline), the same on yes vs not-yes, and the
confusion table, by kind of unit and by why the unit was chosen (a digital cue, or the random
sample).
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

LABELS = ("yes", "no", "borderline")
DEFAULT = Path(__file__).resolve().parent / "labels" / "units.jsonl"


def kappa(pairs: list[tuple[str, str]], labels) -> float:
    """Cohen's kappa of the (first, second) label pairs."""
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(first[x] * second[x] for x in labels) / (n * n)
    return 1.0 if expected == 1 else (observed - expected) / (1 - expected)


def report(name: str, pairs: list[tuple[str, str]]) -> None:
    if not pairs:
        return
    binary = [(a == "yes", b == "yes") for a, b in pairs]
    raw = sum(a == b for a, b in pairs) / len(pairs)
    print(f"{name}: {len(pairs)} units; agreement {raw:.1%}, kappa {kappa(pairs, LABELS):.3f}; "
          f"yes vs not-yes: agreement {sum(a == b for a, b in binary) / len(binary):.1%}, "
          f"kappa {kappa(binary, (True, False)):.3f}")


def main(argv=None) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    rows = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
    first = {(r["file"], r["eid"]): r for r in rows if r["pass"] == 1}
    both = [(first[(r["file"], r["eid"])], r) for r in rows
            if r["pass"] == 2 and (r["file"], r["eid"]) in first]
    pairs = [(a["label"], b["label"]) for a, b in both]
    report("all", pairs)
    for kind in ("article", "chapter", "section"):
        report(f"  {kind}", [(a["label"], b["label"]) for a, b in both if a["kind"] == kind])
    for chosen in ("cue", "sample"):
        report(f"  chosen by {chosen}", [(a["label"], b["label"]) for a, b in both
                                         if a["chosen"] == chosen])
    table = Counter(pairs)
    print("\nfirst \\ second " + "".join(f"{x:>12}" for x in LABELS))
    for a in LABELS:
        print(f"{a:<15}" + "".join(f"{table[(a, b)]:>12}" for b in LABELS))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
