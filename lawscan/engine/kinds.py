"""What a rule means for each kind of document (law, decree, circular, …: ``model.DOC_KINDS``).

A rule says it in its ``doc_kinds`` table: for a document kind, ``"off"`` (the rule does not apply)
or the highest severity its findings get there (``"info"``: a note that fails no build at the
default ``--fail-on error``); a kind it does not list gets the rule as written. A consolidated
text is judged as the kind of the text it consolidates (``Document.meta["consolidates"]``),
unless the table lists ``"consolidated"`` itself. The configuration may change a rule's table:
``[tool.lawscan.settings.LS101] doc_kinds = {decree = "off"}``.

* :func:`judged_kind` - the kind a document is judged as;
* :func:`policy` - "off", a severity cap, or None for a rule and a document;
* :func:`cap` - a severity lowered to a cap;
* :func:`kind_name` - what messages call the document ("Nghị định", "the decree"), from
  ``rules/data/kinds.toml``.
"""

from __future__ import annotations

from lawscan.model import SEVERITIES, Document

RANK = {sev: i for i, sev in enumerate(reversed(SEVERITIES))}  # info 0, warning 1, error 2
OFF = "off"


def judged_kind(doc: Document) -> str:
    """The document's kind; a consolidated text's is that of the text it consolidates."""
    if doc.doc_kind == "consolidated":
        return (doc.meta or {}).get("consolidates") or doc.doc_kind
    return doc.doc_kind


def table(rule, settings: dict | None = None) -> dict[str, str]:
    """The rule's doc_kinds table with the configuration's changes
    (``settings[id or name]["doc_kinds"]``)."""
    out = dict(getattr(rule, "doc_kinds", None) or {})
    for scope in (rule.id, rule.name):
        nested = (settings or {}).get(scope)
        if isinstance(nested, dict) and isinstance(nested.get("doc_kinds"), dict):
            out.update(nested["doc_kinds"])
    return out


def policy(rule, doc: Document, settings: dict | None = None) -> str | None:
    """"off", the severity cap for ``doc``'s kind, or None (the rule as written)."""
    if doc.doc_kind in rule.skip_doc_kinds:
        return OFF
    kinds = table(rule, settings)
    if doc.doc_kind in kinds:
        return kinds[doc.doc_kind]
    return kinds.get(judged_kind(doc))


def cap(severity: str, limit: str | None) -> str:
    """``severity`` lowered to ``limit`` when it is above it."""
    if limit not in RANK or RANK.get(severity, 0) <= RANK[limit]:
        return severity
    return limit


def kind_name(doc: Document) -> tuple[str, str]:
    """("Nghị định", "the decree"): what messages call the document; a consolidated text by the
    kind it consolidates ("Luật": the law is what a finding asks to change)."""
    from lawscan.engine.text import load_data

    names = load_data("kinds")
    entry = names.get(judged_kind(doc)) or names["unknown"]
    return entry["vi"], entry["en"]


# the kinds RULES.md and `lawscan explain` show, in this order
SHOWN = ("law", "code", "amending_law", "constitution", "decree", "circular", "resolution",
         "decision", "consolidated", "unknown", "foreign")


def effects(rule) -> list[tuple[str, str]]:
    """(kind, effect) for every shown kind: "off", "at most <severity>", "as written", or for a
    consolidated text not listed, "as the kind it consolidates"."""
    kinds = table(rule)
    out = []
    for kind in SHOWN:
        if kind in rule.skip_doc_kinds:
            effect = OFF
        elif kind in kinds:
            effect = OFF if kinds[kind] == OFF else f"at most {kinds[kind]}"
        elif kind == "consolidated":
            effect = "as the kind it consolidates"
        else:
            effect = "as written"
        out.append((kind, effect))
    return out
