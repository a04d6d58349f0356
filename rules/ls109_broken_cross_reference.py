"""LS109 broken-cross-reference: an internal reference ("khoản 3 Điều 45 của Luật này") to a
unit the law does not have.

Takes the broken references the graph stage finds (``ctx.references.broken``: typed
:class:`lawscan.graph.build.BrokenReference` records, each once) and gives one finding per
broken reference, at the unit holding the line, the reference text as discriminator.
"""

from lawscan.engine import Rule
from lawscan.model import Evidence


class BrokenCrossReference(Rule):
    id = "LS109"
    name = "broken-cross-reference"
    severity = "warning"
    tags = ("structure", "references")
    skip_doc_kinds = ()

    def check(self, ctx):
        for ref in ctx.references.broken:
            unit = ctx.unit_at_line(ref.line)
            at = ctx.anchor(unit) if unit is not None else None
            yield self.finding(ctx, at, line=ref.line, key=ref.text, ref=ref.text,
                               target=ref.target,
                               evidence=[Evidence(at.eid if at else "", ref.line, ref.text)],
                               extra={"reference": ref.text, "problem": ref.message})
