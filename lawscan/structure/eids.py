"""Akoma Ntoso element ids for a parsed tree.

Takes the root :class:`Unit` and gives every unit an ``eid``: ``part_1``, ``chp_XII``,
``chp_IV__sec_3``, ``chp_IV__sec_3__subsec_1``, ``chp_XII__art_163`` (articles are prefixed by
their chapter only), ``art_5`` without a chapter, ``…__para_2__point_a``, and quoted amendment text
``art_1__para_3__qstr_1__art_16a``. When chapter numbers start again in each Phần, chapters are
scoped under their part as Akoma Ntoso does (``part_2__chp_I``, ``part_2__chp_I__art_40``), so
the ids stay unique and do not depend on the order of the parts. Duplicate ids left get
``_dup2``, ``_dup3``… and a problem. A regulation issued with a decree is an attachment whose units
are named below it: ``att_1__chp_I__art_1``.
"""

from __future__ import annotations

from lawscan.model import KIND_PREFIX, Problem, Unit
from lawscan.structure.patterns import num_key


def _component(unit: Unit) -> str:
    num = "".join(unit.num.split())
    if unit.kind == "part":
        key = num_key(unit.num, "part")
        num = str(key[0]) if key else num
    return f"{KIND_PREFIX.get(unit.kind, unit.kind)}_{num or 'nn'}"


def chapters_restart(root: Unit) -> bool:
    """Chapter numbers start again in a Phần: a part after the first with chapters opens with
    Chương I."""
    parts = [u for u in root.children if u.kind == "part"
             and any(c.kind == "chapter" for c in u.children)]
    return any(num_key(next(c for c in p.children if c.kind == "chapter").num, "chapter") == (1, "")
               for p in parts[1:])


def assign_eids(root: Unit, problems: list[Problem]) -> None:
    seen: set[str] = set()
    scoped = chapters_restart(root)
    next_dup: dict[str, int] = {}  # eid -> the first _dup number not tried yet (n duplicates: O(n))

    def unique(eid: str, unit: Unit) -> str:
        """A new id for a unit whose ``eid`` is taken already (a warning says so)."""
        k = next_dup.get(eid, 2)
        while f"{eid}_dup{k}" in seen:
            k += 1
        next_dup[eid] = k + 1
        problems.append(Problem("structure.duplicate_eid",
                                f"{unit.label()} appears more than once here; id {eid}_dup{k} given",
                                unit.line, "warning"))
        seen.add(f"{eid}_dup{k}")
        return f"{eid}_dup{k}"

    def walk(unit: Unit, scope: str, chapter: str, parent: str) -> None:
        for child in unit.children:
            kind = child.kind
            comp = _component(child)
            if kind == "chapter" and scoped and parent:
                eid = f"{parent}__{comp}"
            elif kind in ("part", "chapter", "attachment"):
                eid = scope + comp
            elif kind in ("section", "article"):
                eid = f"{chapter}__{comp}" if chapter else scope + comp
            else:  # subsection, paragraph, point, quoted
                eid = f"{parent}__{comp}" if parent else scope + comp
            if eid in seen:
                eid = unique(eid, child)
            else:
                seen.add(eid)
            child.eid = eid
            if not child.children:
                continue  # a leaf (most khoản and điểm): nothing below to name
            if kind in ("quoted", "attachment"):  # a body of its own: att_1__chp_I__art_1
                walk(child, eid + "__", "", "")
            else:
                walk(child, scope, eid if kind == "chapter" else chapter,
                     "" if kind == "chapter" or (kind == "part" and not scoped) else eid)

    walk(root, "", "", "")
