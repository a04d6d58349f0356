"""Akoma Ntoso element ids for a parsed tree.

Takes the root :class:`Unit` and gives every unit an ``eid``: ``part_1``, ``chp_XII``,
``chp_IV__sec_3``, ``chp_IV__sec_3__subsec_1``, ``chp_XII__art_163`` (articles are prefixed by
their chapter only), ``art_5`` without a chapter, ``…__para_2__point_a``, and quoted amendment text
``art_1__para_3__qstr_1__art_16a``. Duplicate ids get ``_dup2``, ``_dup3``… and a problem.
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


def assign_eids(root: Unit, problems: list[Problem]) -> None:
    seen: set[str] = set()

    def unique(eid: str, unit: Unit) -> str:
        """A new id for a unit whose ``eid`` is taken already (a warning says so)."""
        k = 2
        while f"{eid}_dup{k}" in seen:
            k += 1
        problems.append(Problem("structure.duplicate_eid",
                                f"{unit.label()} appears more than once here; id {eid}_dup{k} given",
                                unit.line, "warning"))
        seen.add(f"{eid}_dup{k}")
        return f"{eid}_dup{k}"

    def walk(unit: Unit, scope: str, chapter: str, parent: str) -> None:
        for child in unit.children:
            kind = child.kind
            comp = _component(child)
            if kind in ("part", "chapter"):
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
            if kind == "quoted":
                walk(child, eid + "__", "", "")
            else:
                walk(child, scope, eid if kind == "chapter" else chapter,
                     "" if kind in ("part", "chapter") else eid)

    walk(root, "", "", "")
