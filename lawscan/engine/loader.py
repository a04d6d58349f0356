"""Finding and loading rules. ``load_rules(extra_dirs=(), select=None, ignore=None,
severity=None)`` gives a :class:`RuleSet`: the built-in rules of ``lawscan._rules`` (the
repository's ``rules/`` directory) plus the ``.py`` files of each user directory, every
``Rule`` subclass with an id that the module itself defines.

* a module that fails to import, a rule with invalid metadata and a duplicate id are load
  errors (``RuleSet.errors``, codes ``rule.load_failed``, ``rule.invalid``,
  ``rule.duplicate_id``, severity error): reported, never a crash; the first rule of an id wins;
* ``select`` / ``ignore``: rule ids, names or tags (shell patterns allowed, e.g. ``LS10*``);
* ``severity``: {id or name: severity} overrides; every finding of that rule gets it.
Unknown selectors or severities raise :class:`lawscan.errors.ConfigError` (a usage error).
"""

from __future__ import annotations

import fnmatch
import hashlib
import importlib
import importlib.util
import inspect
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from lawscan.engine.rule import Rule
from lawscan.errors import ConfigError
from lawscan.model import SEVERITIES, Problem, RuleInfo

BUILTIN_PACKAGE = "lawscan._rules"


def builtin_rules_dir() -> Path:
    """The directory of the built-in rule pack (``rules/`` in the repository)."""
    return Path(importlib.import_module(BUILTIN_PACKAGE).__file__).parent


@dataclass
class RuleSet:
    """The rules to run, in id order, and what went wrong loading them."""

    rules: list[Rule] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)

    def __iter__(self):
        return iter(self.rules)

    def __len__(self):
        return len(self.rules)

    def get(self, key: str) -> Rule | None:
        """A rule by id or name (case-insensitive)."""
        k = key.casefold()
        return next((r for r in self.rules if k in (r.id.casefold(), r.name.casefold())), None)

    def infos(self) -> list[RuleInfo]:
        return [r.info() for r in self.rules]


def rule_classes(module) -> list[type[Rule]]:
    """The concrete Rule subclasses a module defines itself (imported ones are skipped)."""
    out = []
    for _, obj in inspect.getmembers(module, inspect.isclass):
        if (issubclass(obj, Rule) and obj is not Rule and obj.__module__ == module.__name__
                and getattr(obj, "id", "")):
            out.append(obj)
    return out


def _import_builtin() -> tuple[list, list[Problem]]:
    modules, errors = [], []
    for path in sorted(builtin_rules_dir().glob("*.py")):
        if path.name.startswith("_"):
            continue
        name = f"{BUILTIN_PACKAGE}.{path.stem}"
        try:
            modules.append((importlib.import_module(name), path))
        except Exception as exc:  # a broken rule module is reported, not fatal
            errors.append(_load_error(path, exc))
    return modules, errors


def _import_dir(directory: Path) -> tuple[list, list[Problem]]:
    modules, errors = [], []
    if not directory.is_dir():
        errors.append(Problem("rule.load_failed", f"{directory}: rules directory not found",
                              severity="error"))
        return modules, errors
    tag = hashlib.sha1(str(directory.resolve()).encode()).hexdigest()[:8]
    for path in sorted(directory.glob("*.py")):
        if path.name.startswith("_"):
            continue
        name = f"lawscan_user_rules_{tag}.{path.stem}"
        try:
            spec = importlib.util.spec_from_file_location(name, path)
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module  # dataclasses and pickling look modules up by name
            spec.loader.exec_module(module)
            modules.append((module, path))
        except Exception as exc:
            sys.modules.pop(name, None)
            errors.append(_load_error(path, exc))
    return modules, errors


def _load_error(path: Path, exc: BaseException) -> Problem:
    return Problem("rule.load_failed", f"{path}: cannot load rule module: "
                   f"{type(exc).__name__}: {exc}", severity="error")


def _matches(rule: Rule, patterns: Iterable[str]) -> bool:
    keys = [rule.id, rule.name, *rule.tags]
    return any(fnmatch.fnmatchcase(k.casefold(), p.casefold()) for p in patterns for k in keys)


def _check_selectors(rules: list[Rule], patterns: Iterable[str], what: str) -> None:
    unknown = [p for p in patterns if not any(_matches(r, [p]) for r in rules)]
    if unknown:
        raise ConfigError(f"{what}: no rule matches {', '.join(map(repr, unknown))} "
                          f"(use `lawscan rules` to list ids, names and tags)")


def load_rules(extra_dirs: Iterable[str | Path] = (), select: Iterable[str] | None = None,
               ignore: Iterable[str] | None = None,
               severity: dict[str, str] | None = None) -> RuleSet:
    """Load the built-in rules plus those in ``extra_dirs``, filtered and re-graded."""
    modules, errors = _import_builtin()
    for d in extra_dirs:
        more, errs = _import_dir(Path(d))
        modules += more
        errors += errs

    rules: list[Rule] = []
    seen: dict[str, Path] = {}
    for module, path in modules:
        for cls in rule_classes(module):
            try:
                rule = cls()
            except Exception as exc:
                errors.append(Problem("rule.invalid", f"{path}: {cls.__name__}: cannot create "
                                      f"the rule: {type(exc).__name__}: {exc}", severity="error"))
                continue
            bad = rule.problems()
            if bad:
                errors.append(Problem("rule.invalid", f"{path}: {cls.__name__}: "
                                      + "; ".join(bad), severity="error"))
                continue
            for key in (rule.id, rule.name):
                if key in seen:
                    errors.append(Problem("rule.duplicate_id", f"{path}: {cls.__name__}: "
                                          f"{key} is already defined in {seen[key]}",
                                          severity="error"))
                    break
            else:
                seen[rule.id] = seen[rule.name] = path
                rules.append(rule)

    all_rules = list(rules)
    select = list(select or [])
    ignore = list(ignore or [])
    _check_selectors(rules, select, "--select")
    _check_selectors(rules, ignore, "--ignore")
    if select:
        rules = [r for r in rules if _matches(r, select)]
    if ignore:
        rules = [r for r in rules if not _matches(r, ignore)]

    for key, sev in (severity or {}).items():
        if sev not in SEVERITIES:
            raise ConfigError(f"severity of {key}: {sev!r} is not one of {', '.join(SEVERITIES)}")
        if RuleSet(all_rules).get(key) is None:
            raise ConfigError(f"severity: no rule {key!r} (use `lawscan rules` to list them)")
        targets = [r for r in rules if key.casefold() in (r.id.casefold(), r.name.casefold())]
        for rule in targets:
            rule.severity = sev
            rule.severity_override = sev

    rules.sort(key=lambda r: r.id)
    return RuleSet(rules=rules, errors=errors)

