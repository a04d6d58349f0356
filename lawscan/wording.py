"""Wording every output shares: the bilingual labels (``data/labels.toml``: statuses, severities,
coverage states, words, counts, the Markdown report's phrases) and :func:`clean`, which makes
document-derived text safe to show (terminal control sequences and other control characters
removed).

A shared lower layer under the reports, the drafting aids and the commands: it imports nothing
of lawscan but the data loader. ``labels()`` gives the whole table; ``word(key)``,
``status_label(status)``, ``severity_label(severity)``, ``coverage_label(state)`` a
{"vi", "en"} label each; ``both(label)`` writes one as "Gợi ý / suggestion" (``capital=True``:
"Gợi ý / Suggestion"), ``upper_first`` / ``lower_first`` change the case of a label's first letter.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lawscan.datafiles import load_data_file

LABELS_PATH = Path(__file__).parent / "data" / "labels.toml"

# Escape sequences: CSI (ESC [ or 8-bit 0x9b), OSC/DCS/SOS/PM/APC strings (up to BEL or ST), and
# two-character ESC sequences. Whatever is left of C0/C1 controls is removed afterwards.
_ESCAPES = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]?"
)
# C0 and C1 controls (tab and newline are handled separately), DEL, and the Unicode bidi
# embedding/override/isolate controls that can make text display in a misleading order.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_NEWLINES = re.compile(r"\r\n|[\r\n\u2028\u2029\x85]")


def clean(text: object, multiline: bool = False) -> str:
    """Document-derived text made safe for a terminal or a log: escape sequences and control
    characters removed, tabs as spaces, and (unless ``multiline``) line breaks as spaces."""
    if text is None:
        return ""
    s = str(text)
    s = _NEWLINES.sub("\n" if multiline else " ", s)
    s = s.replace("\t", " ")
    s = _ESCAPES.sub("", s)
    s = _CONTROLS.sub("", s)
    return s


@functools.lru_cache(maxsize=1)  # asked for in every label of every report: the cheapest lookup
def labels() -> dict:
    """The labels (``data/labels.toml``; shared: read-only)."""
    return load_data_file(LABELS_PATH)


def word(key: str) -> dict:
    """A {"vi", "en"} label of the ``[word]`` table."""
    return labels()["word"][key]


def status_label(status: str) -> dict:
    """The label of a verdict status ("unknown"'s for a status it does not know)."""
    return labels()["status"].get(status, labels()["status"]["unknown"])


def severity_label(severity: str) -> dict:
    """The label of a finding's severity (the severity itself for one it does not know)."""
    return labels()["severity"].get(severity, {"vi": severity, "en": severity})


def coverage_label(state: str) -> dict:
    """The label of a rubric element's state (present, absent, not_applicable)."""
    return labels()["coverage"].get(state, {"vi": state, "en": state})


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def both(label: dict, capital: bool = False) -> str:
    """"Gợi ý / suggestion": a label in Vietnamese and English; ``capital``: both halves with a
    capital first letter ("Phát hiện / Findings"), as a heading."""
    if capital:
        return f"{upper_first(label['vi'])} / {upper_first(label['en'])}"
    return f"{label['vi']} / {label['en']}"
