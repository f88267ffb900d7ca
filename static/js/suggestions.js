// The suggestions inbox: j/k move a highlight over the suggestions, y confirms and x rejects the
// highlighted one (the first one when none is). Plain JS; without it every button still works.
(function () {
  "use strict";

  var current = -1;
  var decided = null; // the id of the row last sent, found again once htmx has swapped it

  function rows() { return Array.prototype.slice.call(document.querySelectorAll("#inbox li.suggestion-row")); }
  function pending() { return rows().filter(function (row) { return row.querySelector("[data-decide]"); }); }

  function select(index) {
    var all = rows();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) {
      row.classList.toggle("current", i === current);
      if (i === current) row.setAttribute("aria-current", "true"); else row.removeAttribute("aria-current");
    });
    all[current].scrollIntoView({ block: "nearest" });
  }

  function decide(key) {
    var all = rows();
    var row = current >= 0 ? all[current] : pending()[0];
    if (!row) return false;
    var button = row.querySelector('[data-decide="' + key + '"]');
    if (!button || button.disabled) return false;
    current = all.indexOf(row);
    decided = row.id;
    button.click();
    return true;
  }

  document.addEventListener("keydown", function (event) {
    if (document.body.dataset.page !== "suggestions") return;
    if (event.defaultPrevented || event.metaKey || event.altKey || event.ctrlKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === "j") { event.preventDefault(); select(current + 1); }
    else if (event.key === "k") { event.preventDefault(); select(current < 0 ? 0 : current - 1); }
    else if ((event.key === "y" || event.key === "x") && decide(event.key)) event.preventDefault();
  });

  // After a decision the row comes back decided: the highlight moves on to the next suggestion left.
  document.addEventListener("htmx:afterSettle", function (event) {
    var elt = event.detail.elt;
    var id = elt && elt.classList && elt.classList.contains("suggestion-row") ? elt.id : decided;
    var row = id && document.getElementById(id);
    decided = null;
    if (!row) return;
    var all = rows();
    var at = all.indexOf(row);
    for (var i = at + 1; i < all.length; i++) {
      if (all[i].querySelector("[data-decide]")) { select(i); return; }
    }
    select(at);
  });
})();
