"""Bounds on what one document's results may hold, so that the memory and the reports of a scan
grow with its input and not with a power of it (one sentence naming "khoản 1, khoản 2, …
khoản 1000" must not give a thousand findings each quoting the whole sentence).

* a rule keeps at most :data:`MAX_FINDINGS_PER_RULE` findings per document (the rest are counted
  in one note among the document's problems);
* a finding keeps at most :data:`MAX_EVIDENCE` quotes;
* a quote, a label or any text put into a message or a problem is cut at :data:`MAX_TEXT`
  characters, a whole message at :data:`MAX_MESSAGE` (``clip`` marks the cut with "…");
* a document keeps at most :data:`MAX_PROBLEMS_PER_CODE` problems of one kind (``code``), the
  rest counted in one note (:func:`bound_problems`): 120,000 articles all numbered "Điều 1" give
  200 "duplicate id" warnings and a count, not 120,000 warnings in memory and in every report.

On the corpus nothing comes near them (at most 12 findings of one rule in a law, 6 quotes in a
finding, quotes of 160 characters, messages of 274, a reference of 499 characters, 27 problems in a
document), so they change no real report.
"""

from __future__ import annotations

MAX_FINDINGS_PER_RULE = 100
MAX_EVIDENCE = 20
MAX_TEXT = 1000
MAX_MESSAGE = 2000
MAX_PROBLEMS_PER_CODE = 200


def clip(text: str, limit: int = MAX_TEXT) -> str:
    """``text`` cut to at most ``limit`` characters, the cut marked with "…"."""
    return text if len(text) <= limit else text[:limit - 1] + "…"


def clip_values(value, limit: int = MAX_TEXT):
    """``value`` with every string in it (in dicts and lists too) clipped."""
    if isinstance(value, str):
        return clip(value, limit)
    if isinstance(value, dict):
        return {k: clip_values(v, limit) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clip_values(v, limit) for v in value)
    return value


def bound_problems(problems: list) -> list:
    """``problems`` (lawscan.model.Problem) with at most MAX_PROBLEMS_PER_CODE of each code, in
    their order, and for each code that had more, an info note saying how many were left out."""
    from collections import Counter

    counts = Counter(p.code for p in problems)
    if max(counts.values(), default=0) <= MAX_PROBLEMS_PER_CODE:
        return problems
    from lawscan.model import Problem

    kept, seen = [], Counter()
    for p in problems:
        seen[p.code] += 1
        if seen[p.code] <= MAX_PROBLEMS_PER_CODE:
            kept.append(p)
    for code, n in counts.items():
        if n > MAX_PROBLEMS_PER_CODE:
            kept.append(Problem("problems.truncated", f"{n - MAX_PROBLEMS_PER_CODE} more {code} problems "
                                f"(of {n}) are not listed", None, "info"))
    return kept
