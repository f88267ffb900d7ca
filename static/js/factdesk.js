// factdesk: keyboard shortcuts and small helpers. Plain JS; every page also works without it.
(function () {
  "use strict";

  function isTyping(target) {
    var el = target || document.activeElement;
    if (!el || el === document.body) return false;
    if (el.isContentEditable) return true;
    var tag = el.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
  }

  function flash(text, kind) {
    var box = document.getElementById("flash");
    if (!box) return;
    var p = document.createElement("p");
    p.className = "message " + (kind || "error");
    p.textContent = text; // never innerHTML: messages may echo user text
    box.appendChild(p);
  }

  // Queue: j/k move a highlight over the rows, Enter opens the highlighted claim.
  var current = -1;
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.claim-row")); }
  function select(index) {
    var all = rows();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) { row.classList.toggle("current", i === current); });
    all[current].setAttribute("aria-current", "true");
    all[current].scrollIntoView({ block: "nearest" });
  }

  function clickKey(key) {
    var button = document.querySelector('#workspace [data-key="' + key + '"]');
    if (button && !button.disabled) { button.click(); return true; }
    return false;
  }

  function toggleHelp() {
    var dialog = document.getElementById("shortcuts");
    if (!dialog) return;
    if (dialog.open) dialog.close(); else dialog.showModal();
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    var key = event.key;
    var page = document.body.dataset.page;
    if (key === "?") { event.preventDefault(); toggleHelp(); return; }
    if (page === "queue") {
      if (key === "j") { event.preventDefault(); select(current + 1); }
      else if (key === "k") { event.preventDefault(); select(current < 0 ? 0 : current - 1); }
      else if (key === "Enter" && current >= 0 && !/^(A|BUTTON)$/.test(event.target.tagName)) {
        event.preventDefault();
        window.location.href = rows()[current].dataset.href;
      }
      return;
    }
    if (page === "claim") {
      if (key === "n") {
        var note = document.getElementById("verdict-note");
        if (note) { event.preventDefault(); note.focus(); }
      } else if ("vfmuidayx".indexOf(key) !== -1 && key.length === 1) {
        if (clickKey(key)) event.preventDefault();
      }
    }
  });

  // htmx swaps 400/409 workspaces in; other refusals (403, 500) get a message instead.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    flash(status === 403 ? "Refused: your account cannot change claims." : "The server could not do that (" + status + ").");
  });
  document.addEventListener("htmx:sendError", function () { flash("The server could not be reached. Nothing was saved."); });
})();
