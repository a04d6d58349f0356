"""The charts of the HTML report, drawn server-side as inline SVG (no chart library, no network).

:class:`CorpusStats` takes each law's few figures as the report writer sees them (status, kind,
year, sector, rubric coverage, review flag) and keeps counts only; :func:`charts` gives, at the
end, the geometry of four charts that ``templates/charts.html.j2`` draws:

* ``status``  — how many laws have each status (horizontal bars);
* ``years``   — status by year of adoption (stacked columns, five-year periods);
* ``sectors`` — status by sector (stacked horizontal bars, largest sector first);
* ``rubric``  — for each rubric element, in how many laws it is present, absent, not applicable.

Every bar carries the filter it stands for (``filters``: status, sector, from/to year), so the report's
script can narrow the overview table to it when the bar is clicked; without the script the bar
is a link to the table. Coordinates are plain numbers in the SVG's own units (the SVG scales to
its box).
"""

from __future__ import annotations

import math
from collections import Counter

from lawscan.model import STATUSES
from lawscan.report import common

ALL_STATUSES = (*STATUSES, "unknown")
# bar colours, the same hues as the status badges of the stylesheet (green = has a chapter)
STATUS_FILL = {
    "digital_law": "#1f6f43", "dedicated_chapter": "#4caf6e", "section_only": "#c9a227",
    "articles_only": "#e08a2c", "none": "#cf4249", "unknown": "#aab1bd",
}
COVERAGE_FILL = {"present": "#2e9d57", "absent": "#d0454c", "not_applicable": "#b7bdc8"}
WIDTH = 640  # every chart's width in SVG units
PERIOD = 5  # years per column of the year chart
OLD_SHARE = 0.02  # the oldest laws (this share at most) share the first column ("before …")


class CorpusStats:
    """Running counts of the run's laws for the charts and the filter lists."""

    def __init__(self):
        self.statuses: Counter = Counter()
        self.by_year: Counter = Counter()  # (year or None, status)
        self.by_sector: Counter = Counter()  # (sector, status)
        self.kinds: Counter = Counter()
        self.coverage: dict[str, dict] = {}  # element -> {"label", present, absent, not_applicable}
        self.review = 0
        self.with_errors = 0

    def add(self, status: str, kind: str, year: int | None, sector: str, coverage, review: bool,
            errors: int) -> None:
        self.statuses[status] += 1
        self.by_year[(year, status)] += 1
        self.by_sector[(sector, status)] += 1
        self.kinds[kind] += 1
        self.review += bool(review)
        self.with_errors += errors > 0
        for item in coverage:
            row = self.coverage.setdefault(item.element, {"element": item.element, "label": item.label,
                                                          "present": 0, "absent": 0, "not_applicable": 0})
            if item.state in COVERAGE_FILL:
                row[item.state] += 1

    @property
    def years(self) -> list[int]:
        return sorted({y for y, _ in self.by_year if y is not None})

    @property
    def sectors(self) -> list[str]:
        return [s for s in sector_order() if any(k == s for k, _ in self.by_sector)]


def sector_order() -> list[str]:
    from lawscan.structure.sector import sector_keys

    return [*sector_keys(), ""]


def sector_label(key: str) -> dict:
    from lawscan.structure.sector import sector_label as label

    return label(key) if key else {"vi": "Chưa xác định", "en": "not derived"}


def nice_step(top: int, ticks: int = 4) -> int:
    """A round step (1, 2, 5 × 10^k) that divides 0..top into about ``ticks`` parts."""
    if top <= ticks:
        return 1
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def _pct(part: int, whole: int) -> str:
    if not whole:
        return "—"
    pct = round(100 * part / whole)
    return "<1%" if part and not pct else f"{pct}%"


def status_chart(stats: CorpusStats) -> dict:
    """Laws per status, then (below a gap) laws per kind of document."""
    total = sum(stats.statuses.values())
    label_w, bar_w, row_h = 190, 330, 30
    top = max(stats.statuses.values(), default=0) or 1
    rows = []
    for i, status in enumerate(s for s in ALL_STATUSES if stats.statuses[s]):
        n = stats.statuses[status]
        label = common.status_label(status)
        rows.append({"status": status, "label": label["short"], "label_en": label["short_en"],
                     "full": label["vi"], "n": n, "pct": _pct(n, total), "y": i * row_h,
                     "x": label_w, "w": round(n * bar_w / top, 1), "fill": STATUS_FILL[status],
                     "filters": {"status": status}})
    kinds_y = len(rows) * row_h + 30
    kinds_top = max(stats.kinds.values(), default=0) or 1
    kinds = []
    for i, kind in enumerate(k for k in common.labels()["kind"] if stats.kinds[k]):
        n = stats.kinds[kind]
        label = common.labels()["kind"][kind]
        kinds.append({"kind": kind, "label": label["vi"], "label_en": label["en"], "n": n,
                      "pct": _pct(n, total), "y": kinds_y + 4 + i * 27, "x": label_w,
                      "w": round(n * bar_w / kinds_top, 1), "filters": {"kind": kind}})
    return {"rows": rows, "kinds": kinds, "kinds_y": kinds_y, "width": WIDTH,
            "height": kinds_y + 8 + len(kinds) * 27, "label_x": label_w - 8, "value_x": label_w + 6,
            "row_h": row_h, "total": total}


def year_periods(years: list[int], counts: Counter) -> list[tuple[int | None, int | None]]:
    """Column ranges (first year, last year) of the year chart: five-year periods from the one
    holding the oldest laws beyond the first ``OLD_SHARE`` (older ones join that first column,
    "before …"), to the newest; (None, None) for laws without a year."""
    periods: list[tuple[int | None, int | None]] = []
    if years:
        per_year = Counter()
        for (year, _), n in counts.items():
            if year is not None:
                per_year[year] += n
        total, seen, start = sum(per_year.values()), 0, years[0]
        for year in years:
            seen += per_year[year]
            if seen > OLD_SHARE * total:
                start = year
                break
        first = start - start % PERIOD
        last = years[-1] - years[-1] % PERIOD
        if years[0] < first:
            periods.append((None, first - 1))
        periods += [(y, y + PERIOD - 1) for y in range(first, last + 1, PERIOD)]
    if any(year is None for year, _ in counts):
        periods.append((None, None))
    return periods


def _period_label(lo: int | None, hi: int | None) -> tuple[str, str]:
    if lo is None and hi is None:
        no_year = common.word("no_year")
        return "không rõ", f'{no_year["vi"]} / {no_year["en"]}'
    if lo is None:
        return f"< {hi + 1}", f"before {hi + 1}"
    return f"{lo}–{str(hi)[-2:]}", f"{lo}–{hi}"


def _in_period(year: int | None, lo: int | None, hi: int | None) -> bool:
    if lo is None and hi is None:
        return year is None
    return year is not None and (lo is None or year >= lo) and year <= hi


def years_chart(stats: CorpusStats) -> dict:
    periods = year_periods(stats.years, stats.by_year)
    left, bottom, plot_h, top_pad = 40, 40, 290, 18
    plot_w = WIDTH - left - 8
    slot = plot_w / max(len(periods), 1)
    bar_w = min(34.0, slot * 0.72)
    totals, columns = [], []
    for lo, hi in periods:
        counts = Counter()
        for (year, status), n in stats.by_year.items():
            if _in_period(year, lo, hi):
                counts[status] += n
        totals.append(sum(counts.values()))
        columns.append(counts)
    top = max(totals, default=0) or 1
    step = nice_step(top)
    top = step * math.ceil(top / step)
    scale = plot_h / top
    cols = []
    for i, ((lo, hi), counts) in enumerate(zip(periods, columns)):
        x = left + i * slot + (slot - bar_w) / 2
        y = top_pad + plot_h
        # a column of laws without a year filters nothing (the year range cannot say "none")
        filters = {"from": lo or "", "to": hi} if hi is not None else None
        segments = []
        for status in ALL_STATUSES:  # stacked from the bottom: greens first, then the gaps
            n = counts[status]
            if not n:
                continue
            h = n * scale
            y -= h
            segments.append({"status": status, "n": n, "y": round(y, 1), "h": round(h, 1),
                             "fill": STATUS_FILL[status], "label": common.status_label(status)["short"],
                             "filters": {**filters, "status": status} if filters else None})
        label, label_en = _period_label(lo, hi)
        cols.append({"x": round(x, 1), "w": round(bar_w, 1), "cx": round(x + bar_w / 2, 1),
                     "label": label, "label_en": label_en, "total": totals[i],
                     "top_y": round(y - 4, 1), "segments": segments, "filters": filters})
    ticks = [{"v": v, "y": round(top_pad + plot_h - v * scale, 1)} for v in range(0, top + 1, step)]
    return {"columns": cols, "ticks": ticks, "width": WIDTH, "height": top_pad + plot_h + bottom,
            "left": left, "right": WIDTH - 8, "base_y": top_pad + plot_h, "label_y": top_pad + plot_h + 16}


def sectors_chart(stats: CorpusStats) -> dict:
    label_w, bar_w, row_h = 240, 340, 24
    totals = Counter()
    for (sector, _), n in stats.by_sector.items():
        totals[sector] += n
    order = {key: i for i, key in enumerate(sector_order())}
    keys = sorted(totals, key=lambda k: (-totals[k], order.get(k, len(order))))
    top = max(totals.values(), default=0) or 1
    rows = []
    for i, key in enumerate(keys):
        x = label_w
        segments = []
        for status in ALL_STATUSES:
            n = stats.by_sector[(key, status)]
            if not n:
                continue
            w = n * bar_w / top
            segments.append({"status": status, "n": n, "x": round(x, 1), "w": round(w, 1),
                             "fill": STATUS_FILL[status], "label": common.status_label(status)["short"],
                             "filters": {"sector": key, "status": status}})
            x += w
        label = sector_label(key)
        rows.append({"sector": key, "label": label["vi"], "label_en": label["en"], "y": i * row_h,
                     "total": totals[key], "end_x": round(x + 6, 1), "segments": segments,
                     "filters": {"sector": key}})
    return {"rows": rows, "width": WIDTH, "height": len(rows) * row_h + 4, "label_x": label_w - 8,
            "row_h": row_h, "axis_x": label_w}


def rubric_chart(stats: CorpusStats) -> dict:
    label_w, bar_w, row_h = 372, 158, 26
    rows = []
    laws = max((r["present"] + r["absent"] + r["not_applicable"] for r in stats.coverage.values()), default=0)
    scale = bar_w / (laws or 1)
    for i, r in enumerate(stats.coverage.values()):
        x, segments = label_w, []
        for state in COVERAGE_FILL:
            w = r[state] * scale
            segments.append({"state": state, "n": r[state], "x": round(x, 1), "w": round(w, 1),
                             "fill": COVERAGE_FILL[state]})
            x += w
        assessed = r["present"] + r["absent"]
        rows.append({**r, "y": i * row_h, "segments": segments, "assessed": assessed,
                     "pct": _pct(r["present"], assessed)})
    return {"rows": rows, "laws": laws, "width": WIDTH, "height": len(rows) * row_h + 4,
            "label_x": label_w - 8, "value_x": label_w + bar_w + 8, "row_h": row_h, "axis_x": label_w}


def charts(stats: CorpusStats) -> dict:
    """Everything ``templates/charts.html.j2`` draws."""
    return {"status": status_chart(stats), "years": years_chart(stats), "sectors": sectors_chart(stats),
            "rubric": rubric_chart(stats),
            "legend": [(s, common.status_label(s), STATUS_FILL[s]) for s in ALL_STATUSES if stats.statuses[s]]}
