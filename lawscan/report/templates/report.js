(function () {
  "use strict";
  var form = document.getElementById("filter");
  if (!form) { return; }
  var text = document.getElementById("filter-text");
  var status = document.getElementById("filter-status");
  var rows = document.querySelectorAll("[data-doc]");
  var count = document.getElementById("filter-count");
  function norm(s) { return (s || "").normalize("NFC").toLocaleLowerCase("vi"); }
  function apply() {
    var q = norm(text.value).trim();
    var st = status.value;
    var shown = 0;
    var visible = {};
    rows.forEach(function (el) {
      if (el.tagName !== "TR") { return; }
      var ok = (!st || el.getAttribute("data-status") === st) &&
               (!q || norm(el.getAttribute("data-search")).indexOf(q) !== -1);
      el.hidden = !ok;
      if (ok) { shown += 1; visible[el.getAttribute("data-doc")] = true; }
    });
    rows.forEach(function (el) {
      if (el.tagName !== "TR") { el.hidden = !visible[el.getAttribute("data-doc")]; }
    });
    count.textContent = String(shown);
  }
  form.hidden = false;
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  text.addEventListener("input", apply);
  status.addEventListener("change", apply);
  // Printing shows every law and every folded detail.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    rows.forEach(function (el) { el.hidden = false; });
    document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
    apply();
  });
  apply();
}());
