"""The HTML report of a generated 48-document result in a real headless Chromium (driven over the
DevTools protocol on a pipe, tools/chromium.py; no network): sorting, filtering, grouping, chart
and card links, opening a row with the mouse and the keyboard, printing, and the page without its
script. Skipped when Chromium is not installed."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from conftest import REPO
from fixtures.report.corpus import make_corpus
from lawscan.report import write_report

_spec = importlib.util.spec_from_file_location("lawscan_tools_chromium", REPO / "tools" / "chromium.py")
chromium = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(chromium)

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(chromium.find_chromium() is None, reason="chromium not installed")]

VISIBLE = "[...document.querySelectorAll('#laws tbody tr[data-doc]:not([hidden])')]"


@pytest.fixture(scope="module")
def result(tmp_path_factory):
    return make_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def report(result, tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("report") / "report.html"
    write_report(result, "html", out, base_dir=Path(result.documents[0].document.path).parents[1])
    return out.as_uri()


@pytest.fixture(scope="module")
def browser():
    with chromium.Chromium(width=1280, height=900) as b:
        yield b


@pytest.fixture
def page(browser, report):
    browser.open(report)
    return browser


def visible(b, attr: str) -> list:
    return b.eval(f"{VISIBLE}.map(r => r.getAttribute('data-{attr}'))")


def choose(b, control: str, value: str) -> None:
    b.eval(f"""(() => {{ const c = document.getElementById({json.dumps(control)});
        c.value = {json.dumps(value)}; c.dispatchEvent(new Event('change', {{bubbles: true}})); }})()""")


def test_script_runs_without_errors(page, result):
    assert page.eval("document.documentElement.classList.contains('js')")
    assert page.eval("document.getElementById('filter').hidden") is False
    assert page.eval("document.getElementById('f-count').textContent") == f"{len(result.documents)} / {len(result.documents)}"
    assert not [m for m in page.console() if "Refused" in m or "Error" in m], page.console()


def test_sort_by_column(page):
    server_order = visible(page, "doc")
    page.click("#laws thead th[data-sort=year] button")
    years = [int(y) if y else None for y in visible(page, "year")]
    known = [y for y in years if y is not None]
    assert known == sorted(known) and years[len(known):] == [None] * (len(years) - len(known))
    assert page.eval("document.querySelector('th[data-sort=year]').getAttribute('aria-sort')") == "ascending"
    page.click("#laws thead th[data-sort=year] button")
    known = [int(y) for y in visible(page, "year") if y]
    assert known == sorted(known, reverse=True)
    page.click("#laws thead th[data-sort=year] button")  # a third click: the report's own order again
    assert visible(page, "doc") == server_order
    page.click("#laws thead th[data-sort=e] button")  # counts: largest first
    errors = [int(e) for e in visible(page, "e")]
    assert errors == sorted(errors, reverse=True) and errors[0] > 0
    page.click("#laws thead th[data-sort=conf] button")  # confidence: the least sure first
    conf = [float(c) for c in visible(page, "conf")]
    assert conf == sorted(conf)
    page.click("#laws thead th[data-sort=title] button")
    titles = page.eval(f"{VISIBLE}.map(r => r.querySelector('a.open').textContent)")
    collator = page.eval(f"(() => {{ const t = {json.dumps(titles)}; const c = new Intl.Collator('vi', "
                         "{numeric: true, sensitivity: 'base'}); return t.every((x, i) => i == 0 || c.compare(t[i-1], x) <= 0); })()")
    assert collator


def test_filters(page, result):
    expect = [dr.document.meta["expect"] for dr in result.documents]
    choose(page, "f-status", "none")
    assert set(visible(page, "status")) == {"none"}
    assert len(visible(page, "doc")) == sum(e["status"] == "none" for e in expect)
    choose(page, "f-sector", "land")
    assert len(visible(page, "doc")) == sum(e["status"] == "none" and e["sector"] == "land" for e in expect)
    assert page.eval("document.getElementById('f-count').textContent").startswith(f"{len(visible(page, 'doc'))} / ")
    # the details of laws filtered out are hidden too (they would print)
    hidden = page.eval("[...document.querySelectorAll('#details details.law')].filter(d => !d.hidden).length")
    assert hidden == len(visible(page, "doc"))
    page.click("#f-reset")
    page.eval("new Promise(r => setTimeout(r, 50))")
    assert len(visible(page, "doc")) == len(expect)
    choose(page, "f-kind", "decree")
    assert set(visible(page, "kind")) == {"decree"}
    page.click("#f-reset")
    page.eval("new Promise(r => setTimeout(r, 50))")
    page.eval("document.getElementById('f-from').value = '2014'; document.getElementById('f-to').value = '2020';"
              "document.getElementById('f-to').dispatchEvent(new Event('input', {bubbles: true}))")
    years = [int(y) for y in visible(page, "year")]
    assert years and all(2014 <= y <= 2020 for y in years)
    assert len(years) == sum(e["year"] is not None and 2014 <= e["year"] <= 2020 for e in expect)
    page.click("#f-reset")
    page.eval("new Promise(r => setTimeout(r, 50))")
    page.click("#f-errors")
    assert len(visible(page, "doc")) == sum(e["errors"] > 0 for e in expect)
    page.click("#f-errors")
    page.click("#f-review")
    assert set(visible(page, "review")) == {"1"}
    assert len(visible(page, "doc")) == sum(e["review"] for e in expect)
    page.click("#f-review")
    # text search: case-insensitive, Vietnamese letters as typed
    page.click("#f-q")
    page.type("đất đai")
    titles = page.eval(f"{VISIBLE}.map(r => r.querySelector('a.open').textContent)")
    assert titles and all("đất đai" in t.lower() for t in titles)
    page.type("không có văn bản này")
    assert visible(page, "doc") == []
    assert page.eval("document.getElementById('f-empty').hidden") is False


def test_group_by_sector(page):
    choose(page, "f-group", "sector")
    groups = page.eval("[...document.querySelectorAll('#laws tbody tr.group')].map(g => g.textContent)")
    counts = [int(re.search(r"\((\d+)\)$", g).group(1)) for g in groups]
    assert sum(counts) == len(visible(page, "doc"))
    # rows under each heading share its sector, and no sector appears under two headings
    sectors = page.eval("""(() => { const out = []; let cur = null;
        for (const tr of document.querySelectorAll('#laws tbody tr:not([hidden])')) {
          if (tr.classList.contains('group')) { cur = []; out.push(cur); } else { cur.push(tr.getAttribute('data-sector')); } }
        return out; })()""")
    assert all(len(set(s)) == 1 for s in sectors)
    assert len({s[0] for s in sectors}) == len(sectors)
    choose(page, "f-group", "")
    assert page.eval("document.querySelectorAll('#laws tbody tr.group').length") == 0


def test_chart_and_card_links_filter_the_table(page, result):
    page.click("#chart-sectors a.bar[data-f-sector='banking'][data-f-status='none']")
    assert set(visible(page, "sector")) == {"banking"} and set(visible(page, "status")) == {"none"}
    assert page.eval("document.getElementById('f-sector').value") == "banking"
    page.click("#chart-status a.bar[data-f-kind='foreign']")
    assert set(visible(page, "kind")) == {"foreign"}
    assert page.eval("document.getElementById('f-sector').value") == ""  # a new choice, not added to the last
    page.click("a.card-review")
    assert set(visible(page, "review")) == {"1"}
    assert page.eval("document.getElementById('f-review').checked") is True


def test_open_a_row_with_the_mouse(page):
    first = visible(page, "doc")[0]
    page.click(f"#laws tr[data-doc='{first}'] a.open")
    state = page.eval(f"""(() => {{ const row = document.querySelector("#laws tr[data-doc='{first}']");
        const next = row.nextElementSibling, det = document.getElementById('{first}');
        return {{detail: next.classList.contains('detail-row'), inside: next.contains(det), open: det.open,
                 expanded: row.querySelector('a.open').getAttribute('aria-expanded'),
                 reasons: det.querySelectorAll('ul.reasons li').length,
                 height: det.querySelector('.law-body').getBoundingClientRect().height}}; }})()""")
    assert state == {"detail": True, "inside": True, "open": True, "expanded": "true", "reasons": 2,
                     "height": state["height"]} and state["height"] > 100
    # sorting keeps an open row's details under it
    page.click("#laws thead th[data-sort=year] button")
    assert page.eval(f"document.querySelector(\"#laws tr[data-doc='{first}']\").nextElementSibling.contains("
                     f"document.getElementById('{first}'))")
    page.click(f"#laws tr[data-doc='{first}'] a.open")
    assert page.eval(f"document.getElementById('{first}').parentElement.id") == "details"
    assert page.eval("document.querySelectorAll('#laws tr.detail-row').length") == 0


def test_keyboard(page):
    first = visible(page, "doc")[0]
    page.eval(f"document.querySelector(\"#laws tr[data-doc='{first}'] a.open\").focus()")
    page.key("Enter")
    assert page.eval(f"document.getElementById('{first}').open") is True
    page.key(" ")
    assert page.eval(f"document.getElementById('{first}').open") is False
    assert page.eval("document.activeElement.getAttribute('aria-expanded')") == "false"
    # "/" jumps to the search box, Tab goes on to the filters
    page.eval("document.activeElement.blur()")
    page.key("/")
    assert page.eval("document.activeElement.id") == "f-q"
    page.key("Tab")
    assert page.eval("document.activeElement.id") == "f-status"
    # a column heading sorts from the keyboard
    page.eval("document.querySelector('th[data-sort=kind] button').focus()")
    page.key("Enter")
    assert page.eval("document.querySelector('th[data-sort=kind]').getAttribute('aria-sort')") == "ascending"


def test_print(page, tmp_path):
    choose(page, "f-status", "dedicated_chapter")
    first = visible(page, "doc")[0]
    page.click(f"#laws tr[data-doc='{first}'] a.open")
    page.eval("window.dispatchEvent(new Event('beforeprint'))")
    state = page.eval("""(() => { const laws = [...document.querySelectorAll('#details details.law')];
        return {open: laws.filter(d => d.open).map(d => d.id), shown: laws.filter(d => !d.hidden).map(d => d.id),
                inline: document.querySelectorAll('#laws tr.detail-row').length}; })()""")
    assert state["inline"] == 0 and state["open"] == state["shown"] == visible(page, "doc")
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    shown = page.eval("""(() => ({form: getComputedStyle(document.getElementById('filter')).display,
        details: getComputedStyle(document.getElementById('details')).display,
        body: document.querySelector('#details details.law:not([hidden]) .law-body').getBoundingClientRect().height}))()""")
    assert shown["form"] == "none" and shown["details"] == "block" and shown["body"] > 0
    pdf = page.pdf(tmp_path / "report.pdf")
    data = pdf.read_bytes()
    assert data[:5] == b"%PDF-"
    assert len(re.findall(rb"/Type\s*/Page[^s]", data)) >= 2  # the overview, then the details
    page.send("Emulation.setEmulatedMedia", {"media": ""})
    page.eval("window.dispatchEvent(new Event('afterprint'))")
    assert page.eval(f"document.getElementById('{first}').closest('tr.detail-row') !== null")
    shot = page.screenshot(tmp_path / "shot.png")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_without_script_everything_is_readable(browser, report, result):
    browser.send("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.open(report)
        state = browser.eval("""(() => ({rows: document.querySelectorAll('#laws tbody tr').length,
            form: getComputedStyle(document.getElementById('filter')).display,
            details: getComputedStyle(document.getElementById('details')).display,
            laws: document.querySelectorAll('#details details.law').length,
            link: document.querySelector('#laws a.open').getAttribute('href'),
            charts: document.querySelectorAll('svg.chart').length}))()""")
    finally:
        browser.send("Emulation.setScriptExecutionDisabled", {"value": False})
    n = len(result.documents)
    assert state["rows"] == n and state["laws"] == n and state["charts"] == 4
    assert state["form"] == "none" and state["details"] == "block"
    assert state["link"].startswith("#doc")
