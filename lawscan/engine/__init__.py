"""Stage 6 — the rule engine. Takes a :class:`~lawscan.model.Document` and its
:class:`~lawscan.model.Verdict`, gives :class:`~lawscan.model.Finding` objects.

Public API::

    from lawscan.engine import Rule, RuleContext, load_rules, run_rules

    ruleset = load_rules(extra_dirs=("my_rules",), select=None, ignore=["LS104"],
                         severity={"LS103": "info"})
    findings, problems = run_rules(doc, verdict, ruleset, settings={"status_severity": {...}})

Rules are small classes with metadata (see :mod:`lawscan.engine.rule`); built-in ones live in the
``rules/`` directory of the repository, installed as ``lawscan._rules``.
"""

from lawscan.engine.context import RuleContext
from lawscan.engine.loader import RuleSet, builtin_rules_dir, load_rules
from lawscan.engine.rule import Rule
from lawscan.engine.runner import document_identity, fingerprint, run_rules

__all__ = ["Rule", "RuleContext", "RuleSet", "builtin_rules_dir", "load_rules", "run_rules",
           "fingerprint", "document_identity"]
