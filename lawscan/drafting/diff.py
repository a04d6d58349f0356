"""Differences between two versions of a draft.

``diff_documents(old, new)`` takes two parsed :class:`Document` objects and gives a
:class:`DocDiff`: chapters, articles and khoản aligned unit by unit - robust to renumbering:
articles are matched by number and heading, then by the same heading, then by heading and content
similarity (difflib), then by number - each change being ``added``, ``removed``, ``moved``
(renumbered or moved to another chapter) or ``changed`` (with a compact word-level diff), plus the
change in lawscan's verdict (status, rubric elements gained / lost) and findings (compared by rule
id + the aligned unit: ``closed`` = gone in the new version, ``new`` = appeared).

Unit labels come from :func:`lawscan.model.unit_name`; the HTML page is a template
(``templates/diff.html.j2``). ``_body`` strips khoản and điểm numbers with a pattern that keeps
"đ" among the point letters (``[a-zđ]``: the shape of a number reads best in the pattern).

``render_diff(d, fmt)`` gives text (terminal), JSON (``DocDiff.to_dict()``: old, new, summary,
changes[{level, change, old, new, old_eid, new_eid, heading, words}], verdict{status_before,
status_after, elements_gained, elements_lost}, findings{closed, new}) or a self-contained HTML page.
"""

from __future__ import annotations

import difflib
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lawscan.model import Document, Unit

TEMPLATES = Path(__file__).with_name("templates")
MATCH_THRESHOLD = 0.6
MAX_SIMILARITY_PAIRS = 40000  # more pairs left than this: no similarity pass (quadratic)


@dataclass
class Change:
    level: str  # chapter | article | paragraph
    change: str  # added | removed | moved | changed
    old: str = ""  # "Điều 5" (old version)
    new: str = ""  # "Điều 6" (new version)
    old_eid: str = ""
    new_eid: str = ""
    heading: str = ""
    words: str = ""  # compact word diff: "… [-cũ-] {+mới+} …"
    also_changed: bool = False  # a moved unit whose text changed too


@dataclass
class DocDiff:
    old: str
    new: str
    old_title: str = ""
    new_title: str = ""
    changes: list[Change] = field(default_factory=list)
    status_before: str = ""
    status_after: str = ""
    elements_gained: list[str] = field(default_factory=list)
    elements_lost: list[str] = field(default_factory=list)
    findings_closed: list[dict] = field(default_factory=list)
    findings_new: list[dict] = field(default_factory=list)

    def summary(self) -> dict:
        out: dict = {}
        for c in self.changes:
            key = f"{c.level}s_{c.change}"
            out[key] = out.get(key, 0) + 1
        return out

    def to_dict(self) -> dict:
        return {"old": {"path": self.old, "title": self.old_title},
                "new": {"path": self.new, "title": self.new_title},
                "summary": self.summary(),
                "changes": [asdict(c) for c in self.changes],
                "verdict": {"status_before": self.status_before, "status_after": self.status_after,
                            "elements_gained": self.elements_gained,
                            "elements_lost": self.elements_lost},
                "findings": {"closed": self.findings_closed, "new": self.findings_new}}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").casefold()).strip(" .:;")


def _body(u: Unit) -> str:
    """The unit's text without its heading and without khoản / điểm numbers."""
    text = "\n".join(x for x in [u.own_text(), *(c.full_text() for c in u.children)] if x)
    return re.sub(r"(?m)^\s*(\d+|[a-zđ])[.)]\s*", "", text)


def _ratio(a: str, b: str) -> float:
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if sm.real_quick_ratio() < MATCH_THRESHOLD:
        return sm.quick_ratio() * 0.5
    quick = sm.quick_ratio()
    return quick * 0.5 if quick < MATCH_THRESHOLD else sm.ratio()


def align(old: list[Unit], new: list[Unit], by_content: bool = True) -> list[tuple[Unit | None, Unit | None]]:
    """Pairs (old, new) of the units of two versions; None on one side for an added / removed
    unit. Passes: same number and heading, same unique heading, similarity of heading + content
    (unless ``by_content`` is False), same number. New units in order, then the removed ones."""
    alignment = _Alignment(old, new)
    alignment.by_number_and_heading()
    alignment.by_unique_heading()
    if by_content:
        alignment.by_similarity()
    alignment.by_number()
    return alignment.pairs()


class _Alignment:
    """The indices of old units matched so far to indices of new ones; each pass matches some of
    the units left."""

    def __init__(self, old: list[Unit], new: list[Unit]):
        self.old, self.new = old, new
        self.match: dict[int, int] = {}  # old index -> new index
        self.used: set[int] = set()  # new indices matched
        self.old_headings = [_norm(u.heading) for u in old]  # each heading normalised once
        self.new_headings = [_norm(u.heading) for u in new]

    def take(self, i: int, j: int) -> None:
        self.match[i] = j
        self.used.add(j)

    def by_number_and_heading(self) -> None:
        """1. The same number and heading."""
        for i, o in enumerate(self.old):
            for j, n in enumerate(self.new):
                if j not in self.used and o.num == n.num and self.old_headings[i] == self.new_headings[j]:
                    self.take(i, j)
                    break

    def by_unique_heading(self) -> None:
        """2. The same heading, found once on each side (a renumbered unit)."""
        count_old, count_new = Counter(self.old_headings), Counter(self.new_headings)
        for i, h in enumerate(self.old_headings):
            if i in self.match or not h or count_old[h] != 1 or count_new.get(h) != 1:
                continue
            j = self.new_headings.index(h)
            if j not in self.used:
                self.take(i, j)

    def by_similarity(self) -> None:
        """3. Heading and content alike (score at least MATCH_THRESHOLD), best pairs first; skipped
        when more than MAX_SIMILARITY_PAIRS pairs are left to compare."""
        left = [i for i in range(len(self.old)) if i not in self.match]
        right = [j for j in range(len(self.new)) if j not in self.used]
        if not left or not right or len(left) * len(right) > MAX_SIMILARITY_PAIRS:
            return
        for _, _, i, j in sorted(self._scored(left, right), reverse=True):
            if i not in self.match and j not in self.used:
                self.take(i, j)

    def _scored(self, left: list[int], right: list[int]) -> list[tuple[float, int, int, int]]:
        """(score, -distance, i, j) of each pair alike enough."""
        old_bodies = {i: _body(self.old[i])[:1500] for i in left}  # each body once, not per pair
        new_bodies = {j: _body(self.new[j])[:1500] for j in right}
        scored = []
        for i in left:
            for j in right:
                score = _ratio(old_bodies[i], new_bodies[j])
                if self.old[i].heading or self.new[j].heading:
                    score = 0.4 * _ratio(self.old_headings[i], self.new_headings[j]) + 0.6 * score
                if score >= MATCH_THRESHOLD:
                    scored.append((score, -abs(i - j), i, j))
        return scored

    def by_number(self) -> None:
        """4. The same number."""
        for i, o in enumerate(self.old):
            if i in self.match:
                continue
            j = next((j for j, n in enumerate(self.new) if j not in self.used and n.num == o.num), None)
            if j is not None:
                self.take(i, j)

    def pairs(self) -> list[tuple[Unit | None, Unit | None]]:
        back = {j: i for i, j in self.match.items()}
        out: list[tuple[Unit | None, Unit | None]] = [
            (self.old[back[j]] if j in back else None, n) for j, n in enumerate(self.new)]
        out += [(o, None) for i, o in enumerate(self.old) if i not in self.match]
        return out


def word_diff(a: str, b: str, context: int = 3) -> str:
    """Changed words only, with a few words of context: "… quy định [-tại-] {+theo+} khoản …"."""
    aw, bw = a.split(), b.split()
    sm = difflib.SequenceMatcher(None, aw, bw, autojunk=False)
    parts = []
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            continue
        before = aw[max(0, i1 - context):i1]
        after = aw[i2:i2 + context]
        piece = " ".join(before)
        if i2 > i1:
            piece += f" [-{' '.join(aw[i1:i2])}-]"
        if j2 > j1:
            piece += f" {{+{' '.join(bw[j1:j2])}+}}"
        parts.append((piece + " " + " ".join(after)).strip())
    return " … ".join(parts)


def _parent(doc: Document) -> dict[int, Unit]:
    out = {}
    for u in doc.root.walk(include_quoted=False):
        for c in u.children:
            out[id(c)] = u
    return out


def _chapter_of(u: Unit, parents: dict[int, Unit]) -> str:
    p = parents.get(id(u))
    while p is not None and p.kind not in ("chapter", "root"):
        p = parents.get(id(p))
    return _norm(p.heading) if p is not None and p.kind == "chapter" else ""


def diff_documents(old: Document, new: Document, old_result=None, new_result=None) -> DocDiff:
    """The :class:`DocDiff` of two versions; ``*_result`` (DocumentResult) are computed by
    :class:`lawscan.scan.Scanner` when not given."""
    d = DocDiff(old=old.path, new=new.path, old_title=old.title, new_title=new.title)
    eid_map: dict[str, str] = {}  # eid in the old version -> eid of the same unit in the new one
    d.changes = _chapter_changes(old, new, eid_map) + _article_changes(old, new, eid_map)
    old_result, new_result = _results(old, new, old_result, new_result)
    _verdict_change(d, old_result.digital, new_result.digital)
    d.findings_closed, d.findings_new = _finding_changes(old_result.findings, new_result.findings, eid_map)
    return d


def _label(u: Unit | None, where: str = "") -> str:
    """"Điều 5", or "khoản 2 Điều 5" with ``where``; "" for no unit."""
    if u is None:
        return ""
    return f"{u.label()} {where}" if where else u.label()


def _unmatched(level: str, o: Unit | None, n: Unit | None, heading: str = "", words: str = "",
               where: tuple[str, str] = ("", "")) -> Change:
    """The change of a unit found in one version only: ``removed`` (``n`` is None) or ``added``."""
    return Change(level, "removed" if n is None else "added", _label(o, where[0]), _label(n, where[1]),
                  o.eid if o else "", n.eid if n else "", heading, words)


def _matched(level: str, o: Unit, n: Unit, moved: bool, changed: bool, heading: str = "",
             words: str = "", where: tuple[str, str] = ("", "")) -> Change | None:
    """The change of a unit found in both versions: ``moved`` (renumbered or in another chapter;
    ``also_changed`` when its text changed too) or ``changed``; None when neither."""
    if not (moved or changed):
        return None
    return Change(level, "moved" if moved else "changed", _label(o, where[0]), _label(n, where[1]),
                  o.eid, n.eid, heading, words, also_changed=moved and changed)


def _chapter_changes(old: Document, new: Document, eid_map: dict[str, str]) -> list[Change]:
    """Chapters added, removed, renumbered or retitled (aligned by number and title only);
    matched chapters go into ``eid_map``."""
    out = []
    for o, n in align(old.units("chapter"), new.units("chapter"), by_content=False):
        if o is None or n is None:
            out.append(_unmatched("chapter", o, n, (o or n).heading))
            continue
        eid_map[o.eid] = n.eid
        retitled = _norm(o.heading) != _norm(n.heading)
        change = _matched("chapter", o, n, o.num != n.num, retitled, n.heading,
                          word_diff(o.heading, n.heading) if retitled else "")
        if change:
            out.append(change)
    return out


def _article_changes(old: Document, new: Document, eid_map: dict[str, str]) -> list[Change]:
    """Articles added, removed, moved (renumbered or in another chapter) or changed, each changed
    article followed by the changes of its khoản; matched units go into ``eid_map``."""
    out = []
    parents_old, parents_new = _parent(old), _parent(new)
    for o, n in align(old.units("article"), new.units("article")):
        if o is None or n is None:
            out.append(_unmatched("article", o, n, (o or n).heading))
            continue
        eid_map[o.eid] = n.eid
        moved = o.num != n.num or _chapter_of(o, parents_old) != _chapter_of(n, parents_new)
        changed = _norm(o.full_text()) != _norm(n.full_text())
        words = word_diff(f"{o.heading}\n{o.own_text()}", f"{n.heading}\n{n.own_text()}") if changed else ""
        change = _matched("article", o, n, moved, changed, n.heading, words)
        if change:
            out.append(change)
        if changed:
            out.extend(_paragraph_changes(o, n, eid_map))
    return out


def _paragraph_changes(o: Unit, n: Unit, eid_map: dict[str, str]) -> list[Change]:
    """The khoản of two versions of an article, aligned: added, removed, renumbered or changed
    (with their word diff); matched khoản go into ``eid_map``."""
    out = []
    where = (o.label(), n.label())
    old_p = [c for c in o.children if c.kind == "paragraph"]
    new_p = [c for c in n.children if c.kind == "paragraph"]
    for a, b in align(old_p, new_p):
        if a is None or b is None:
            words = word_diff("", b.full_text()) if b is not None else ""
            out.append(_unmatched("paragraph", a, b, words=words, where=where))
            continue
        eid_map[a.eid] = b.eid
        ta, tb = _without_number(a.full_text()), _without_number(b.full_text())
        moved, changed = a.num != b.num, _norm(ta) != _norm(tb)
        words = word_diff(ta, tb) if moved or changed else ""
        change = _matched("paragraph", a, b, moved, changed, words=words, where=where)
        if change:
            out.append(change)
    return out


def _without_number(text: str) -> str:
    """A khoản's text without its number ("2. Hồ sơ…" -> "Hồ sơ…")."""
    return re.sub(r"^\s*\d+\.\s*", "", text)


def _map_eid(eid: str, eid_map: dict) -> str:
    """The eid in the new version of the unit at ``eid`` in the old one: its longest matched
    ancestor (or itself) mapped, the rest of the eid kept."""
    parts = eid.split("__")
    for k in range(len(parts), 0, -1):
        head = "__".join(parts[:k])
        if head in eid_map:
            return "__".join([eid_map[head], *parts[k:]])
    return eid


def _results(old: Document, new: Document, old_result, new_result) -> tuple:
    """The DocumentResult (verdict and findings) of each version: those given, else a scan's."""
    if old_result is None or new_result is None:
        from lawscan.scan import ScanOptions, Scanner

        scanner = Scanner(ScanOptions())
        old_result = old_result or scanner.check_document(old)
        new_result = new_result or scanner.check_document(new)
    return old_result, new_result


def _present(verdict) -> set[str]:
    """The rubric elements a verdict finds present (none without a verdict)."""
    return {c.element for c in (verdict.coverage if verdict else []) if c.state == "present"}


def _verdict_change(d: DocDiff, before, after) -> None:
    """Fill ``d``'s status before and after and the rubric elements gained and lost (in the
    rubric's order) from the two verdicts (either may be None)."""
    d.status_before = before.status if before else ""
    d.status_after = after.status if after else ""
    order = [c.element for c in (after or before).coverage] if (after or before) else []
    gained, lost = _present(after) - _present(before), _present(before) - _present(after)
    d.elements_gained = [e for e in order if e in gained]
    d.elements_lost = [e for e in order if e in lost]


def _finding_key(f, eid: str) -> tuple:
    """What makes two findings of two versions the same: rule, unit and message, numbers aside."""
    return (f.rule_id, eid, re.sub(r"\d+", "#", f.message_en))


def _finding_changes(old: list, new: list, eid_map: dict[str, str]) -> tuple[list[dict], list[dict]]:
    """(closed, new): the findings of the old version with no counterpart in the new one, and
    those of the new version with none in the old one (old eids mapped through ``eid_map``);
    each as a brief dict."""
    old_keys: dict = {}
    for f in old:
        old_keys.setdefault(_finding_key(f, _map_eid(f.eid, eid_map)), f)
    new_keys: dict = {}
    for f in new:
        new_keys.setdefault(_finding_key(f, f.eid), f)
    return ([_brief(f) for k, f in old_keys.items() if k not in new_keys],
            [_brief(f) for k, f in new_keys.items() if k not in old_keys])


def _brief(f) -> dict:
    """A finding as the diff reports it."""
    return {"rule_id": f.rule_id, "severity": f.severity, "eid": f.eid, "line": f.line,
            "message": f.message}


# --------------------------------------------------------------------------- rendering

def _unit_label(c: Change, arrow: str) -> str:
    """The unit a change is about: its new label ("Điều 6"), its old one for a removed unit, or
    "Điều 5 -> Điều 6" when it was renumbered."""
    if c.change == "added":
        return c.new
    if c.change == "removed":
        return c.old
    return f"{c.old} {arrow} {c.new}" if c.old != c.new else c.new


def _line(c: Change) -> str:
    """One change as terminal text: "~ article   moved    Điều 5 -> Điều 6. Heading", with its
    word diff on the next line."""
    what = {"added": "+", "removed": "-", "moved": "~", "changed": "*"}[c.change]
    text = f"{what} {c.level:<9} {c.change:<8} {_unit_label(c, '->')}"
    if c.heading:
        text += f". {c.heading}"
    if c.also_changed:
        text += "  (text changed too)"
    if c.words:
        text += f"\n      {c.words}"
    return text


def render_text(d: DocDiff) -> str:
    """The diff as terminal text: paths, summary, one line per change, verdict and findings."""
    out = [f"--- {d.old}  ({d.old_title})", f"+++ {d.new}  ({d.new_title})", ""]
    summary = d.summary()
    out.append("summary: " + (", ".join(f"{k} {v}" for k, v in sorted(summary.items())) or "no change"))
    out.append("")
    out += [_line(c) for c in d.changes]
    out += ["", f"status: {d.status_before} -> {d.status_after}"]
    if d.elements_gained:
        out.append("rubric elements gained: " + ", ".join(d.elements_gained))
    if d.elements_lost:
        out.append("rubric elements lost: " + ", ".join(d.elements_lost))
    out.append(f"findings closed ({len(d.findings_closed)}):")
    out += [f"  - [{f['rule_id']}] {f['eid'] or '(document)'}: {f['message']}" for f in d.findings_closed]
    out.append(f"findings new ({len(d.findings_new)}):")
    out += [f"  + [{f['rule_id']}] {f['eid'] or '(document)'}: {f['message']}" for f in d.findings_new]
    return "\n".join(out) + "\n"


def _words_html(words: str):
    """A word diff as HTML (Markup): escaped, "[-old-]" as <del>, "{+new+}" as <ins>."""
    from markupsafe import Markup, escape

    text = str(escape(words))
    text = re.sub(r"\[-(.*?)-\]", r"<del>\1</del>", text)
    return Markup(re.sub(r"\{\+(.*?)\+\}", r"<ins>\1</ins>", text))


def render_html(d: DocDiff) -> str:
    """The diff as one self-contained HTML page (``templates/diff.html.j2``, autoescaped)."""
    import jinja2

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    env.filters["words"] = _words_html
    rows = [{"c": c, "label": _unit_label(c, "→")} for c in d.changes]
    return env.get_template("diff.html.j2").render(d=d, rows=rows)


def render_diff(d: DocDiff, fmt: str = "text") -> str:
    """``d`` as ``fmt``: text, json or html."""
    if fmt == "json":
        return json.dumps(d.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return render_html(d)
    return render_text(d)
