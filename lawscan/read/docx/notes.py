"""Footnotes and endnotes (notes.xml parts) and the notes consolidated texts write as plain
paragraphs at the end of the body (see :mod:`lawscan.read.docx`, "Notes")."""

from __future__ import annotations

import re

from lawscan.read.docx.walker import Para, Walker, clean

NOTE_START_RE = re.compile(r"^\s*\[(\d{1,4})\]")
NOTE_MARK_RE = re.compile(r"\S\s*\[(\d{1,4})\]")
MAX_NOTE_TRIES = 16


def read_notes(root, w: str, kind: str) -> list[dict]:
    if root is None:
        return []
    out = []
    for note in root:
        tag = note.tag if isinstance(note.tag, str) else ""
        if not tag.endswith("}" + kind) or note.get(f"{{{w}}}type") not in (None, "normal"):
            continue
        walker = Walker.plain(w)
        walker.walk(note)
        text = "\n".join(clean(p.raw) for p in walker.paras).strip()
        out.append({"id": note.get(f"{{{w}}}id", ""), "text": text, "kind": kind})
    return out


def trailing_notes(paras: list[Para]) -> tuple[int | None, list[dict]]:
    """Find notes exported as plain paragraphs at the end of the body: the first paragraph
    starting "[1]" after which paragraphs start with increasing "[n]", each "[n]" also used
    inside the body before. Gives (index where the notes start, notes) or (None, []).
    Linear in the paragraphs: the marks of the body grow as the search goes, and at most
    MAX_NOTE_TRIES paragraphs starting "[1]" are tried (a real document has one or two)."""
    marks: set[int] = set()  # the [n] marks of paras[:seen]
    seen = tries = 0
    for i, para in enumerate(paras):
        m = NOTE_START_RE.match(para.raw)
        if not m or m.group(1) != "1" or para.in_table or i < len(paras) // 3:
            continue
        tries += 1
        if tries > MAX_NOTE_TRIES:
            break
        for p in paras[seen:i]:
            marks.update(int(x) for x in NOTE_MARK_RE.findall(p.raw))
        seen = i
        if 1 not in marks:
            continue
        notes = _notes_from(paras, i)
        if notes and all(int(n["id"]) in marks for n in notes):
            return i, notes
    return None, []


def _notes_from(paras: list[Para], start: int) -> list[dict] | None:
    """The notes "[1] …", "[2] …" from ``paras[start]`` on (a paragraph without a number goes on
    the note before), or None when a number is skipped."""
    notes, texts, expected = [], [], 1
    for para in paras[start:]:
        m = NOTE_START_RE.match(para.raw)
        if m and int(m.group(1)) == expected:
            notes.append({"id": m.group(1), "kind": "trailing"})
            texts.append([clean(para.raw[m.end():]).strip()])
            expected += 1
        elif m and int(m.group(1)) > expected:
            return None
        elif notes:
            part = clean(para.raw).rstrip()  # as (text + "\n" + part).strip(), without the copies
            if part:
                texts[-1].append(("\n" + part) if any(texts[-1]) else part.lstrip())
    for note, parts in zip(notes, texts):
        note["text"] = "".join(parts)
    return [{"id": n["id"], "text": n["text"], "kind": n["kind"]} for n in notes]
