"""The base class of every rule: metadata (id, name, severity, titles, messages, rationale,
suggestion, tags, examples, options) plus ``check(ctx) -> Iterable[Finding]``.

A rule module (``rules/*.py`` or a user's ``--rules DIR``) defines subclasses::

    class NoDigitalChapter(Rule):
        id = "LS101"
        name = "no-digital-chapter"
        severity = "error"
        title = "Luật chưa có chương về môi trường số"
        title_en = "The law has no digital-environment chapter"
        messages = {"default": ("… {status} …", "… {status} …")}
        def check(self, ctx):
            yield self.finding(ctx, unit, status=ctx.verdict.status)

The texts (title, title_en, messages, why, basis, suggestion, doc_kinds_why, example_bad,
example_good, and ``words``: the vocabulary and labels the rule's code uses) live in data: a TOML file beside the module with its name
(``rules/ls101_no_digital_chapter.toml``), one table per rule id::

    [LS101]
    title = "Luật chưa có chương về môi trường số"
    title_en = "The law has no digital-environment chapter"
    [LS101.messages]
    default = ["… {status} …", "… {status} …"]

Each is read onto the class when the class is made (:meth:`Rule.__init_subclass__`); a text the
class body sets itself is kept (a rule written in one file still works). A file that does not
parse, or a key that is not a text, makes the module fail to load (``rule.load_failed``).
Messages are ``str.format`` templates, Vietnamese first, English second. Options are read from
the settings dict with :meth:`Rule.option` (documented defaults in ``options``). ``doc_kinds`` says
what the rule means for each kind of document (off, or at most some severity: see
:mod:`lawscan.engine.kinds`).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Iterable

from lawscan.datafiles import load_data_file
from lawscan.model import DOC_KINDS, SEVERITIES, Evidence, Finding, RuleInfo, Unit
from lawscan.wording import both, word

ID_RE = re.compile(r"^[A-Z]{1,8}\d{1,5}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# the texts a rule's data file gives (see the module docstring), and how each is held
TEXT_KEYS = {"title": str, "title_en": str, "messages": dict, "why": str, "basis": tuple,
             "suggestion": str, "doc_kinds_why": str, "example_bad": str, "example_good": str,
             "words": dict}


class Rule:
    """One check. Subclasses set the metadata below and implement :meth:`check`."""

    id: str = ""  # stable, e.g. "LS101"
    name: str = ""  # slug, e.g. "no-digital-chapter"
    severity: str = "warning"  # default severity of the findings: error | warning | info
    title: str = ""  # Vietnamese
    title_en: str = ""
    # message key -> (Vietnamese template, English template); "default" is used unless told
    messages: dict[str, tuple[str, str]] = {}
    why: str = ""  # rationale, Vietnamese or English, with the legal basis
    basis: tuple[str, ...] = ()  # legal basis, one instrument per item
    suggestion: str = ""
    tags: tuple[str, ...] = ()
    example_bad: str = ""  # a snippet that triggers the rule
    example_good: str = ""  # a snippet that does not
    options: dict[str, tuple[object, str]] = {}  # settings key -> (default, description)
    needs_verdict: bool = False  # skipped (silently) when the analysis gave no verdict
    skip_doc_kinds: tuple[str, ...] = ("foreign",)  # document kinds the rule does not apply to
    # document kind -> "off" or the highest severity of the rule's findings there; kinds not
    # listed: the rule as written; a consolidated text is judged as the kind it consolidates
    # (lawscan.engine.kinds)
    doc_kinds: dict[str, str] = {}
    doc_kinds_why: str = ""  # why the rule means what it means for each kind (RULES.md)
    words: dict = {}  # the rule's own vocabulary and labels its code uses (from its data file)

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        cls._read_texts()

    @classmethod
    def texts_file(cls) -> Path | None:
        """The data file of the module that defines the rule: its path with ``.toml``."""
        module = sys.modules.get(cls.__module__)
        file = getattr(module, "__file__", None)
        return Path(file).with_suffix(".toml") if file else None

    @classmethod
    def _read_texts(cls) -> None:
        """Set the texts of the table ``[<id>]`` of :meth:`texts_file` that the class body does
        not set itself."""
        path = cls.texts_file()
        if not cls.__dict__.get("id") or path is None or not path.is_file():
            return
        table = load_data_file(path).get(cls.id, {})
        unknown = sorted(set(table) - set(TEXT_KEYS))
        if unknown:
            raise ValueError(f"{path}: [{cls.id}]: not a rule text: {', '.join(unknown)} "
                             f"(one of {', '.join(TEXT_KEYS)})")
        for key, value in table.items():
            if key in cls.__dict__:
                continue
            if key == "messages":
                value = {msg: tuple(pair) for msg, pair in value.items()}
            setattr(cls, key, TEXT_KEYS[key](value) if key != "messages" else value)

    def __init__(self, severity: str | None = None):
        # an override from the configuration; when set, every finding gets this severity
        self.severity_override = severity
        if severity:
            self.severity = severity

    # -- to implement -------------------------------------------------------------------------
    def check(self, ctx) -> Iterable[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError

    # -- helpers for subclasses ---------------------------------------------------------------
    def option(self, ctx, key: str):
        """The value of option ``key``: ``settings[rule id][key]``, ``settings[rule name][key]``,
        then ``settings[key]``, else the documented default."""
        settings = ctx.settings or {}
        for scope in (self.id, self.name):
            nested = settings.get(scope)
            if isinstance(nested, dict) and key in nested:
                return nested[key]
        if key in settings:
            return settings[key]
        default = self.options.get(key, (None, ""))[0]
        return default

    def finding(self, ctx, unit: Unit | str | None = None, *, line: int | None = None,
                msg: str = "default", key: str = "", severity: str | None = None,
                evidence: Iterable[Evidence] = (), suggestion: str | None = None,
                extra: dict | None = None, **fmt) -> Finding:
        """Build a Finding at ``unit`` (a Unit, an eid, or None for the whole document).
        ``key`` tells apart two findings of this rule on the same unit (kept in
        ``extra["key"]`` and used by the fingerprint); ``fmt`` fills the message templates."""
        if isinstance(unit, Unit):
            eid, uline = unit.eid, unit.line
        else:
            eid, uline = (unit or ""), None
        vi, en = self.messages.get(msg) or self.messages.get("default") or (self.title, self.title_en)
        data = dict(extra or {})
        if key:
            data["key"] = key
        return Finding(
            rule_id=self.id,
            severity=severity or self.severity,
            message=vi.format(**fmt),
            message_en=en.format(**fmt),
            eid=eid,
            line=line if line is not None else uline,
            evidence=list(evidence),
            suggestion=self.suggestion if suggestion is None else suggestion,
            extra=data,
        )

    # -- metadata -----------------------------------------------------------------------------
    def info(self) -> RuleInfo:
        why = self.why
        if self.basis:
            why = why + ("\n" if why else "") + f"{both(word('basis'))}: " + "; ".join(self.basis)
        return RuleInfo(id=self.id, name=self.name, severity=self.severity, title=self.title,
                        title_en=self.title_en, why=why, suggestion=self.suggestion,
                        tags=list(self.tags))

    def problems(self) -> list[str]:
        """What is wrong with this rule's metadata (empty when it is valid)."""
        out = []
        if not ID_RE.match(self.id or ""):
            out.append(f"invalid id {self.id!r} (expected e.g. 'LS101')")
        if not NAME_RE.match(self.name or ""):
            out.append(f"invalid name {self.name!r} (expected a slug such as 'no-digital-chapter')")
        if self.severity not in SEVERITIES:
            out.append(f"invalid severity {self.severity!r} (one of {', '.join(SEVERITIES)})")
        bad = {k: v for k, v in (self.doc_kinds or {}).items()
               if k not in DOC_KINDS or v not in (*SEVERITIES, "off")}
        if bad:
            out.append(f"invalid doc_kinds {bad!r} (a document kind -> off | {' | '.join(SEVERITIES)})")
        if type(self).check is Rule.check:
            out.append("no check() method")
        if not self.title:
            out.append("no title")
        return out

    def __repr__(self) -> str:
        return f"<Rule {self.id} {self.name} {self.severity}>"
