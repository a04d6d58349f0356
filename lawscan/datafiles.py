"""Reading lawscan's data files: the TOML and JSON files that hold its vocabulary, messages,
labels, model wording and schemas (Vietnamese lives there, not in the code).

``load_data_file(path)`` takes the path of a ``.toml`` or ``.json`` file and gives its parsed
content (a dict), read once per path: the result is shared by every caller, so treat it as
read-only. A file that does not parse raises ``ValueError`` naming the file. Every module of the
package reads its data through it; a rule reads its pack's data through
:func:`lawscan.engine.text.load_data`, which uses it. A shared lower layer: it imports nothing of
lawscan.
"""

from __future__ import annotations

import functools
import json
import tomllib
from pathlib import Path


@functools.lru_cache(maxsize=None)
def load_data_file(path: str | Path) -> dict:
    """The parsed content of the TOML (or, by its suffix, JSON) file at ``path``; cached by
    ``path`` as given (the callers keep theirs in a constant), shared: do not modify it."""
    path = Path(path)
    try:
        if path.suffix == ".json":
            return json.loads(path.read_text(encoding="utf-8"))
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ValueError(f"{path}: not a valid data file: {exc}") from exc
