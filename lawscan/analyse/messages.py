"""The analysis' reasons in Vietnamese and English, from data (rules/data/reasons.toml).

* ``reason(key, eid="", **fields) -> Reason`` - the ``[reason.<key>]`` templates filled in; the
  Reason's code is the table's ``code``, else ``key``;
* ``text(key, **fields) -> (vi, en)`` - a ``[text.<key>]`` piece, to put into a reason;
* ``label(key, **fields) -> str`` - a unit's name (``[label]``: "Chương {num}", ...).

A field may be one value for both languages or a ``(vi, en)`` pair (a piece made by
:func:`text`, or an inner reason's texts).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from lawscan.analyse.lexicon import data_path
from lawscan.datafiles import load_data_file
from lawscan.model import Reason


@lru_cache(maxsize=1)
def messages() -> dict:
    """The parsed reasons.toml, its strings NFC."""
    data = load_data_file(data_path("reasons.toml"))

    def nfc(value):
        if isinstance(value, dict):
            return {k: nfc(v) for k, v in value.items()}
        return unicodedata.normalize("NFC", value) if isinstance(value, str) else value

    return nfc(data)


def _fill(template: str, lang: int, fields: dict) -> str:
    return template.format(**{k: v[lang] if isinstance(v, tuple) else v for k, v in fields.items()})


def text(key: str, **fields) -> tuple[str, str]:
    """The ``[text.<key>]`` piece in Vietnamese and English."""
    entry = messages()["text"][key]
    return _fill(entry["vi"], 0, fields), _fill(entry["en"], 1, fields)


def reason(key: str, eid: str = "", **fields) -> Reason:
    """The Reason of ``[reason.<key>]`` (see the module docstring)."""
    entry = messages()["reason"][key]
    return Reason(entry.get("code", key), _fill(entry["vi"], 0, fields), _fill(entry["en"], 1, fields),
                  eid)


def label(key: str, **fields) -> str:
    """A unit's name from ``[label]`` (the same in both languages)."""
    return messages()["label"][key].format(**fields)
