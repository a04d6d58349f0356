"""Differences between two versions of a draft.

``diff_documents(old, new)`` takes two parsed :class:`Document` objects and gives a
:class:`DocDiff`: chapters, articles and khoản aligned unit by unit - robust to renumbering:
articles are matched by number and heading, then by the same heading, then by heading and content
similarity (difflib), then by number - each change being ``added``, ``removed``, ``moved``
(renumbered or moved to another chapter) or ``changed`` (with a compact word-level diff), plus the
change in lawscan's verdict (status, rubric elements gained / lost) and findings (compared by rule
id + the aligned unit: ``closed`` = gone in the new version, ``new`` = appeared).

``render_diff(d, fmt)`` gives text (terminal), JSON (``DocDiff.to_dict()``: old, new, summary,
changes[{level, change, old, new, old_eid, new_eid, heading, words}], verdict{status_before,
status_after, elements_gained, elements_lost}, findings{closed, new}) or a self-contained HTML page.
"""

from __future__ import annotations

import difflib
import html
import json
import re
from collections import Counter
from dataclasses import asdict, dataclass, field

from lawscan.model import Document, Unit

MATCH_THRESHOLD = 0.6


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
    """Pairs (old, new); None on one side for an added / removed unit. Passes: same number and
    heading, same unique heading, similarity of heading + content, same number."""
    pairs: dict[int, int] = {}
    used: set[int] = set()

    def take(i: int, j: int):
        pairs[i] = j
        used.add(j)

    ho = [_norm(u.heading) for u in old]  # each heading normalised once
    hn = [_norm(u.heading) for u in new]
    for i, o in enumerate(old):  # 1. same number and heading
        for j, n in enumerate(new):
            if j not in used and o.num == n.num and ho[i] == hn[j]:
                take(i, j)
                break
    counts_o, counts_n = Counter(ho), Counter(hn)
    for i, h in enumerate(ho):  # 2. the same heading, unique on both sides (renumbered)
        if i in pairs or not h or counts_o[h] != 1 or counts_n.get(h) != 1:
            continue
        j = hn.index(h)
        if j not in used:
            take(i, j)
    if by_content:  # 3. similarity of heading and content, best pairs first
        left = [i for i in range(len(old)) if i not in pairs]
        right = [j for j in range(len(new)) if j not in used]
        if left and right and len(left) * len(right) <= 40000:
            bo = {i: _body(old[i])[:1500] for i in left}  # each body once, not once per pair
            bn = {j: _body(new[j])[:1500] for j in right}
            scored = []
            for i in left:
                for j in right:
                    titled = bool(old[i].heading or new[j].heading)
                    h = _ratio(ho[i], hn[j]) if titled else 1.0
                    b = _ratio(bo[i], bn[j])
                    score = 0.4 * h + 0.6 * b if titled else b
                    if score >= MATCH_THRESHOLD:
                        scored.append((score, -abs(i - j), i, j))
            for _, _, i, j in sorted(scored, reverse=True):
                if i not in pairs and j not in used:
                    take(i, j)
    for i, o in enumerate(old):  # 4. the same number
        if i in pairs:
            continue
        j = next((j for j, n in enumerate(new) if j not in used and n.num == o.num), None)
        if j is not None:
            take(i, j)
    out: list[tuple[Unit | None, Unit | None]] = []
    back = {j: i for i, j in pairs.items()}
    for j, n in enumerate(new):
        out.append((old[back[j]] if j in back else None, n))
    for i, o in enumerate(old):
        if i not in pairs:
            out.append((o, None))
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
    eid_map: dict[str, str] = {}
    for o, n in align(old.units("chapter"), new.units("chapter"), by_content=False):
        if o is not None and n is not None:
            eid_map[o.eid] = n.eid
            if o.num != n.num or _norm(o.heading) != _norm(n.heading):
                d.changes.append(Change("chapter", "moved" if o.num != n.num else "changed",
                                        o.label(), n.label(), o.eid, n.eid, n.heading,
                                        word_diff(o.heading, n.heading) if _norm(o.heading) != _norm(n.heading) else "",
                                        also_changed=o.num != n.num and _norm(o.heading) != _norm(n.heading)))
        else:
            u = o or n
            d.changes.append(Change("chapter", "removed" if n is None else "added",
                                    o.label() if o else "", n.label() if n else "",
                                    o.eid if o else "", n.eid if n else "", u.heading))
    po, pn = _parent(old), _parent(new)
    for o, n in align(old.units("article"), new.units("article")):
        if o is None or n is None:
            u = o or n
            d.changes.append(Change("article", "removed" if n is None else "added",
                                    o.label() if o else "", n.label() if n else "",
                                    o.eid if o else "", n.eid if n else "", u.heading))
            continue
        eid_map[o.eid] = n.eid
        moved = o.num != n.num or _chapter_of(o, po) != _chapter_of(n, pn)
        changed = _norm(o.full_text()) != _norm(n.full_text())
        if moved or changed:
            words = word_diff(f"{o.heading}\n{o.own_text()}", f"{n.heading}\n{n.own_text()}") if changed else ""
            d.changes.append(Change("article", "moved" if moved else "changed", o.label(), n.label(),
                                    o.eid, n.eid, n.heading, words, also_changed=moved and changed))
        if changed:
            d.changes.extend(_paragraph_changes(o, n, eid_map))
    _verdict_and_findings(d, old, new, old_result, new_result, eid_map)
    return d


def _paragraph_changes(o: Unit, n: Unit, eid_map: dict) -> list[Change]:
    out = []
    old_p = [c for c in o.children if c.kind == "paragraph"]
    new_p = [c for c in n.children if c.kind == "paragraph"]
    where_o, where_n = o.label(), n.label()
    for a, b in align(old_p, new_p):
        if a is None or b is None:
            u = a or b
            out.append(Change("paragraph", "removed" if b is None else "added",
                              f"{a.label()} {where_o}" if a else "", f"{b.label()} {where_n}" if b else "",
                              a.eid if a else "", b.eid if b else "", "",
                              word_diff("", u.full_text()) if b is not None else ""))
            continue
        eid_map[a.eid] = b.eid
        ta = re.sub(r"^\s*\d+\.\s*", "", a.full_text())
        tb = re.sub(r"^\s*\d+\.\s*", "", b.full_text())
        if _norm(ta) != _norm(tb) or a.num != b.num:
            out.append(Change("paragraph", "changed" if a.num == b.num else "moved",
                              f"{a.label()} {where_o}", f"{b.label()} {where_n}", a.eid, b.eid, "",
                              word_diff(ta, tb), also_changed=a.num != b.num and _norm(ta) != _norm(tb)))
    return out


def _map_eid(eid: str, eid_map: dict) -> str:
    parts = eid.split("__")
    for k in range(len(parts), 0, -1):
        head = "__".join(parts[:k])
        if head in eid_map:
            return "__".join([eid_map[head], *parts[k:]])
    return eid


def _finding_key(f, eid: str) -> tuple:
    return (f.rule_id, eid, re.sub(r"\d+", "#", f.message_en))


def _verdict_and_findings(d: DocDiff, old: Document, new: Document, old_result, new_result,
                          eid_map: dict) -> None:
    if old_result is None or new_result is None:
        from lawscan.scan import ScanOptions, Scanner

        scanner = Scanner(ScanOptions())
        old_result = old_result or scanner.check_document(old)
        new_result = new_result or scanner.check_document(new)
    vo, vn = old_result.digital, new_result.digital
    d.status_before = vo.status if vo else ""
    d.status_after = vn.status if vn else ""
    present_o = {c.element for c in (vo.coverage if vo else []) if c.state == "present"}
    present_n = {c.element for c in (vn.coverage if vn else []) if c.state == "present"}
    order = [c.element for c in (vn or vo).coverage] if (vn or vo) else []
    d.elements_gained = [e for e in order if e in present_n - present_o]
    d.elements_lost = [e for e in order if e in present_o - present_n]
    old_keys = {}
    for f in old_result.findings:
        old_keys.setdefault(_finding_key(f, _map_eid(f.eid, eid_map)), f)
    new_keys = {}
    for f in new_result.findings:
        new_keys.setdefault(_finding_key(f, f.eid), f)

    def brief(f) -> dict:
        return {"rule_id": f.rule_id, "severity": f.severity, "eid": f.eid, "line": f.line,
                "message": f.message}

    d.findings_closed = [brief(f) for k, f in old_keys.items() if k not in new_keys]
    d.findings_new = [brief(f) for k, f in new_keys.items() if k not in old_keys]


# --------------------------------------------------------------------------- rendering

def _line(c: Change) -> str:
    what = {"added": "+", "removed": "-", "moved": "~", "changed": "*"}[c.change]
    label = c.new if c.change == "added" else c.old if c.change == "removed" else \
        (f"{c.old} -> {c.new}" if c.old != c.new else c.new)
    text = f"{what} {c.level:<9} {c.change:<8} {label}"
    if c.heading:
        text += f". {c.heading}"
    if c.also_changed:
        text += "  (text changed too)"
    if c.words:
        text += f"\n      {c.words}"
    return text


def render_text(d: DocDiff) -> str:
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


def _words_html(words: str) -> str:
    text = html.escape(words)
    text = re.sub(r"\[-(.*?)-\]", r"<del>\1</del>", text)
    return re.sub(r"\{\+(.*?)\+\}", r"<ins>\1</ins>", text)


def render_html(d: DocDiff) -> str:
    e = html.escape
    rows = []
    for c in d.changes:
        label = c.new if c.change == "added" else c.old if c.change == "removed" else \
            (f"{c.old} → {c.new}" if c.old != c.new else c.new)
        rows.append(f"<tr class=\"{e(c.change)}\"><td>{e(c.level)}</td><td>{e(c.change)}"
                    f"{' *' if c.also_changed else ''}</td><td>{e(label)}</td><td>{e(c.heading)}</td>"
                    f"<td class=\"words\">{_words_html(c.words)}</td></tr>")
    closed = "".join(f"<li>[{e(f['rule_id'])}] {e(f['eid'] or '(document)')}: {e(f['message'])}</li>"
                     for f in d.findings_closed)
    new = "".join(f"<li>[{e(f['rule_id'])}] {e(f['eid'] or '(document)')}: {e(f['message'])}</li>"
                  for f in d.findings_new)
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>lawscan diff</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<style>
body{{font-family:system-ui,sans-serif;margin:2em;max-width:75em}}
table{{border-collapse:collapse;width:100%}}td,th{{border:1px solid #ccc;padding:.3em;vertical-align:top}}
tr.added{{background:#eaffea}}tr.removed{{background:#ffecec}}tr.moved{{background:#eef4ff}}
del{{background:#fbb;text-decoration:line-through}}ins{{background:#bfb;text-decoration:none}}
</style></head><body>
<h1>lawscan diff</h1>
<p>Cũ / old: <code>{e(d.old)}</code> ({e(d.old_title)})<br>Mới / new: <code>{e(d.new)}</code> ({e(d.new_title)})</p>
<h2>Thay đổi / changes ({len(d.changes)})</h2>
<table><tr><th>level</th><th>change</th><th>unit</th><th>heading</th><th>words</th></tr>
{''.join(rows)}</table>
<h2>Đánh giá / verdict</h2>
<p>status: {e(d.status_before)} → {e(d.status_after)}<br>
gained: {e(', '.join(d.elements_gained) or '-')}<br>lost: {e(', '.join(d.elements_lost) or '-')}</p>
<h2>Phát hiện đã khắc phục / findings closed ({len(d.findings_closed)})</h2><ul>{closed}</ul>
<h2>Phát hiện mới / new findings ({len(d.findings_new)})</h2><ul>{new}</ul>
</body></html>
"""


def render_diff(d: DocDiff, fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps(d.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "html":
        return render_html(d)
    return render_text(d)
