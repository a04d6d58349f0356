/* lawscan HTML report: sorting, filtering, grouping and opening the overview's rows. Without it the
   page is complete: a plain table, and every law's details further down. */
(function () {
  "use strict";
  var table = document.getElementById("laws");
  var form = document.getElementById("filter");
  if (!table || !form) { return; }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var byDoc = {};
  rows.forEach(function (r, i) {
    r.order = i;
    r.search = norm(r.cells[0].textContent + " " + r.cells[4].textContent);
    byDoc[r.getAttribute("data-doc")] = r;
  });
  var $ = function (id) { return document.getElementById(id); };
  var ctl = { q: $("f-q"), status: $("f-status"), kind: $("f-kind"), sector: $("f-sector"),
              from: $("f-from"), to: $("f-to"), errors: $("f-errors"), review: $("f-review"),
              group: $("f-group") };
  var count = $("f-count");
  var empty = $("f-empty");
  var collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });
  var sort = { key: "", dir: 1 };  // "" = the report's own order
  var opened = {};  // doc id -> { row: <tr class="detail-row">, home: placeholder }
  var COLS = table.tHead.rows[0].cells.length;

  function norm(s) { return (s || "").normalize("NFC").toLocaleLowerCase("vi").trim(); }
  function attr(r, name) { return r.getAttribute("data-" + name) || ""; }
  function num(r, name, missing) { var v = attr(r, name); return v === "" ? missing : Number(v); }
  function title(r) { return r.cells[0].querySelector("a.open").textContent; }

  // --- filtering -----------------------------------------------------------------------------
  function matches(r) {
    var q = norm(ctl.q.value);
    var from = ctl.from.value === "" ? -Infinity : Number(ctl.from.value);
    var to = ctl.to.value === "" ? Infinity : Number(ctl.to.value);
    var year = num(r, "year", NaN);
    if (ctl.status.value && attr(r, "status") !== ctl.status.value) { return false; }
    if (ctl.kind.value && attr(r, "kind") !== ctl.kind.value) { return false; }
    if (ctl.sector.value && attr(r, "sector") !== ctl.sector.value) { return false; }
    if ((ctl.from.value !== "" || ctl.to.value !== "") && !(year >= from && year <= to)) { return false; }
    if (ctl.errors.checked && num(r, "e", 0) === 0) { return false; }
    if (ctl.review.checked && attr(r, "review") !== "1") { return false; }
    return !q || r.search.indexOf(q) !== -1;
  }

  // --- sorting and grouping ------------------------------------------------------------------
  var KEYS = {
    title: function (a, b) { return collator.compare(title(a), title(b)); },
    status: function (a, b) { return num(a, "srank", 9) - num(b, "srank", 9); },
    kind: function (a, b) { return collator.compare(a.cells[2].firstChild.textContent, b.cells[2].firstChild.textContent); },
    year: function (a, b) { return num(a, "year", 9999) - num(b, "year", 9999); },
    sector: function (a, b) { return num(a, "sorder", 99) - num(b, "sorder", 99); },
    cov: function (a, b) { return ratio(a) - ratio(b); },
    e: function (a, b) { return num(a, "e", 0) - num(b, "e", 0); },
    w: function (a, b) { return num(a, "w", 0) - num(b, "w", 0); },
    i: function (a, b) { return num(a, "i", 0) - num(b, "i", 0); },
    conf: function (a, b) { return num(a, "conf", 2) - num(b, "conf", 2); }
  };
  // the direction a first click sorts in: counts from the largest, everything else ascending
  var FIRST_DIR = { e: -1, w: -1, i: -1 };
  function ratio(r) { var n = num(r, "ass", 0); return n ? num(r, "cov", 0) / n : -1; }
  function period(r) {
    var y = num(r, "year", NaN);
    if (isNaN(y)) { return ["~", "không rõ năm / no year"]; }
    var lo = y - y % 5;
    return [String(lo), lo + "–" + (lo + 4)];
  }
  var GROUPS = {
    status: function (r) { return [attr(r, "srank"), r.cells[1].querySelector(".badge").textContent + " / " + r.cells[1].querySelector(".sub").textContent]; },
    kind: function (r) { return [r.cells[2].firstChild.textContent, r.cells[2].firstChild.textContent + " / " + r.cells[2].querySelector(".sub").textContent]; },
    sector: function (r) { var s = attr(r, "sorder"); return [("00" + s).slice(-3), r.cells[4].firstChild.textContent + " / " + r.cells[4].querySelector(".sub").textContent]; },
    period: period
  };
  function compare(a, b) {
    var c = 0;
    if (sort.key) { c = KEYS[sort.key](a, b) * sort.dir; }
    return c || a.order - b.order;
  }

  function render() {
    var group = GROUPS[ctl.group.value];
    var shown = rows.filter(matches);
    shown.sort(group ? function (a, b) {
      var ga = group(a)[0], gb = group(b)[0];
      return (ga < gb ? -1 : ga > gb ? 1 : 0) || compare(a, b);
    } : compare);
    var visible = {};
    shown.forEach(function (r) { visible[r.getAttribute("data-doc")] = true; });
    Object.keys(opened).forEach(function (id) { if (!visible[id]) { collapse(id); } });
    var frag = document.createDocumentFragment();
    var current = null, header = null, n = 0;
    shown.forEach(function (r) {
      if (group) {
        var g = group(r);
        if (g[0] !== current) {
          if (header) { header.querySelector(".count").textContent = " (" + n + ")"; }
          current = g[0]; n = 0;
          header = groupRow(g[1]);
          frag.appendChild(header);
        }
        n += 1;
      }
      r.hidden = false;
      frag.appendChild(r);
      var id = r.getAttribute("data-doc");
      if (opened[id]) { frag.appendChild(opened[id].row); }
    });
    if (header) { header.querySelector(".count").textContent = " (" + n + ")"; }
    rows.forEach(function (r) {
      var id = r.getAttribute("data-doc");
      var det = $(id);
      if (det) { det.hidden = !visible[id]; }
      if (!visible[id]) { r.hidden = true; frag.appendChild(r); }
    });
    tbody.textContent = "";
    tbody.appendChild(frag);
    count.textContent = shown.length + " / " + rows.length;
    empty.hidden = shown.length > 0;
  }

  function groupRow(label) {
    var tr = document.createElement("tr");
    tr.className = "group";
    var th = document.createElement("th");
    th.colSpan = COLS;
    th.scope = "rowgroup";
    th.textContent = label;
    var c = document.createElement("span");
    c.className = "count";
    th.appendChild(c);
    tr.appendChild(th);
    return tr;
  }

  // --- header buttons ------------------------------------------------------------------------
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
    var key = th.getAttribute("data-sort");
    if (!key) { return; }
    var b = document.createElement("button");
    b.type = "button";
    while (th.firstChild) { b.appendChild(th.firstChild); }
    var arrow = document.createElement("span");
    arrow.className = "arrow";
    arrow.setAttribute("aria-hidden", "true");
    b.insertBefore(arrow, b.firstChild.nextSibling);  // after the Vietnamese label
    th.appendChild(b);
    th.setAttribute("aria-sort", "none");
    b.addEventListener("click", function () {
      if (sort.key === key) {
        if (sort.dir === (FIRST_DIR[key] || 1)) { sort.dir = -sort.dir; } else { sort.key = ""; }
      } else {
        sort.key = key;
        sort.dir = FIRST_DIR[key] || 1;
      }
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) {
        if (c.hasAttribute("data-sort")) { c.setAttribute("aria-sort", "none"); }
      });
      if (sort.key) { th.setAttribute("aria-sort", sort.dir > 0 ? "ascending" : "descending"); }
      render();
    });
  });

  // --- opening a row: its details move under it ----------------------------------------------
  function expand(id) {
    var det = $(id), row = byDoc[id];
    if (!det || !row || opened[id]) { return; }
    var home = document.createComment(id);
    det.parentNode.insertBefore(home, det);
    var tr = document.createElement("tr");
    tr.className = "detail-row";
    var td = document.createElement("td");
    td.colSpan = COLS;
    td.appendChild(det);
    tr.appendChild(td);
    row.parentNode.insertBefore(tr, row.nextSibling);
    det.open = true;
    opened[id] = { row: tr, home: home };
    row.querySelector("a.open").setAttribute("aria-expanded", "true");
  }
  function collapse(id) {
    var o = opened[id];
    if (!o) { return; }
    var det = $(id);
    delete opened[id];
    det.open = false;
    o.home.parentNode.replaceChild(det, o.home);
    if (o.row.parentNode) { o.row.parentNode.removeChild(o.row); }
    byDoc[id].querySelector("a.open").setAttribute("aria-expanded", "false");
  }
  rows.forEach(function (r) {
    var a = r.querySelector("a.open");
    var id = r.getAttribute("data-doc");
    a.setAttribute("role", "button");
    a.setAttribute("aria-expanded", "false");
    a.setAttribute("aria-controls", id);
    a.addEventListener("click", function (e) {
      e.preventDefault();
      if (opened[id]) { collapse(id); } else { expand(id); }
    });
    a.addEventListener("keydown", function (e) {
      if (e.key === " ") { e.preventDefault(); a.click(); }
    });
  });
  document.querySelectorAll("details.law").forEach(function (det) {
    det.addEventListener("toggle", function () {  // closed by its own summary: back home
      if (!det.open && opened[det.id] && !printing) { collapse(det.id); }
    });
  });

  // --- filters: the form, the charts and the summary cards -----------------------------------
  form.hidden = false;
  document.documentElement.classList.add("js");
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  form.addEventListener("input", render);
  form.addEventListener("change", render);
  form.addEventListener("reset", function () { setTimeout(render, 0); });
  function setFilters(f) {
    form.reset();
    ["status", "kind", "sector", "from", "to"].forEach(function (k) {
      if (f[k] !== undefined) { ctl[k].value = f[k]; }
    });
    ctl.errors.checked = f.errors === "1";
    ctl.review.checked = f.review === "1";
    render();
    form.scrollIntoView({ block: "start" });
  }
  document.querySelectorAll("[data-f]").forEach(function (el) {
    el.addEventListener("click", function (e) {
      e.preventDefault();
      var f = {};
      Array.prototype.forEach.call(el.attributes, function (a) {
        if (a.name.indexOf("data-f-") === 0) { f[a.name.slice(7)] = a.value; }
      });
      setFilters(f);
    });
  });
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    if (e.key === "/" && tag !== "input" && tag !== "select" && tag !== "textarea") {
      e.preventDefault();
      ctl.q.focus();
    }
  });

  // --- printing: the overview as filtered, then the shown laws' details, all open ------------
  var printing = false, reopen = [], wasOpen = [];
  window.addEventListener("beforeprint", function () {
    if (printing) { return; }
    printing = true;
    reopen = Object.keys(opened);
    reopen.forEach(collapse);
    wasOpen = [];
    document.querySelectorAll("#details details.law").forEach(function (d) {
      if (d.open) { wasOpen.push(d); } else if (!d.hidden) { d.open = true; }
    });
  });
  window.addEventListener("afterprint", function () {
    if (!printing) { return; }
    document.querySelectorAll("#details details.law").forEach(function (d) {
      d.open = wasOpen.indexOf(d) !== -1;
    });
    reopen.forEach(expand);
    printing = false;
  });

  render();
  if (location.hash && byDoc[location.hash.slice(1)]) { expand(location.hash.slice(1)); }
}());
