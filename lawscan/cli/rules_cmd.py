"""``lawscan rules`` lists every rule (id, severity, name, title); ``lawscan explain ID`` prints
one rule's rationale, legal basis, options, what it means for each kind of document, a
triggering and a non-triggering example.

Both take ``--rules DIR`` (user rule directories, repeatable); ``rules`` also ``--format json``
and ``--lang en``. Exit codes: 0 ok, 2 unknown rule or rule load errors with ``--strict``.
"""

from __future__ import annotations

import json
import textwrap

import click


def _ruleset(rules_dirs):
    from lawscan.engine import load_rules
    from lawscan.errors import ConfigError

    try:
        ruleset = load_rules(extra_dirs=rules_dirs)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    for problem in ruleset.errors:
        click.echo(f"lawscan: {problem.code}: {problem.message}", err=True)
    return ruleset


@click.command("rules")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Also load rules from this directory (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True)
@click.option("--lang", type=click.Choice(["vi", "en"]), default="vi", show_default=True,
              help="Language of the titles.")
def rules(rules_dirs, fmt, lang):
    """List the rules: id, severity, name and title."""
    ruleset = _ruleset(rules_dirs)
    if fmt == "json":
        click.echo(json.dumps([r.info().to_dict() for r in ruleset], ensure_ascii=False, indent=2))
    else:
        for r in ruleset:
            title = r.title if lang == "vi" else r.title_en
            click.echo(f"{r.id:<7} {r.severity:<8} {r.name:<28} {title}")
    if ruleset.errors:
        raise SystemExit(2)


@click.command("explain")
@click.argument("rule_id")
@click.option("--rules", "rules_dirs", multiple=True, type=click.Path(file_okay=False),
              help="Also load rules from this directory (repeatable).")
def explain(rule_id, rules_dirs):
    """Explain one rule (by id or name): why, legal basis, examples."""
    ruleset = _ruleset(rules_dirs)
    rule = ruleset.get(rule_id)
    if rule is None:
        raise click.UsageError(f"no rule {rule_id!r}; `lawscan rules` lists them")
    click.echo(explain_text(rule))


def explain_text(rule) -> str:
    """The plain-text explanation of a rule (also used by tools/gen_rules_md.py)."""
    from lawscan.engine.kinds import effects
    from lawscan.wording import labels

    heads = {key: f"{label['en']} / {label['vi']}:" for key, label in labels()["explain"].items()}
    wrap = lambda s, indent="  ": textwrap.fill(s, 96, initial_indent=indent,  # noqa: E731
                                                subsequent_indent=indent)
    out = [f"{rule.id} {rule.name} ({rule.severity})", f"  {rule.title}", f"  {rule.title_en}", ""]
    if rule.tags:
        out += [f"Tags: {', '.join(rule.tags)}", ""]
    out += [heads["why"], wrap(rule.why), ""]
    if rule.basis:
        out += [heads["basis"]] + [f"  - {b}" for b in rule.basis] + [""]
    if rule.suggestion:
        out += [heads["suggestion"], wrap(rule.suggestion), ""]
    if rule.options:
        out.append("Options (settings):")
        for key, (default, doc) in rule.options.items():
            out.append(f"  {key} = {json.dumps(default, ensure_ascii=False)}")
            out.append(wrap(doc, "      "))
        out.append("")
    out += [heads["doc_kinds"]]
    out += [f"  {kind:<13} {effect}" for kind, effect in effects(rule)]
    if rule.doc_kinds_why:
        out.append(wrap(rule.doc_kinds_why))
    out.append("")
    out += [heads["bad"], textwrap.indent(rule.example_bad or "(none)", "  | "), "",
            heads["good"],
            textwrap.indent(rule.example_good or "(none)", "  | ")]
    return "\n".join(out)
