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

  // Screen readers hear every message through one live region that is never replaced.
  function announce(text) {
    var region = document.getElementById("announce");
    if (!region) return;
    region.textContent = "";
    window.setTimeout(function () { region.textContent = text; }, 50);
  }

  function flash(text, kind) {
    var box = document.getElementById("flash");
    if (!box) return;
    var p = document.createElement("p");
    p.className = "message " + (kind || "error");
    p.textContent = text; // never innerHTML: messages may echo user text
    box.appendChild(p);
    announce(text);
  }

  // A message beside the form it is about (the status card's hint area), also announced.
  function hint(id, text) {
    var box = document.getElementById(id);
    if (!box) { flash(text, "info"); return; }
    box.textContent = text;
    box.hidden = false;
    announce(text);
  }

  // ---- The queue: j/k move a highlight over the rows, Enter opens the highlighted claim.

  var current = -1;
  function rows() { return Array.prototype.slice.call(document.querySelectorAll("tr.claim-row")); }
  function select(index, block) {
    var all = rows();
    if (!all.length) return;
    current = Math.max(0, Math.min(index, all.length - 1));
    all.forEach(function (row, i) {
      row.classList.toggle("current", i === current);
      if (i === current) row.setAttribute("aria-current", "true"); else row.removeAttribute("aria-current");
    });
    all[current].scrollIntoView({ block: block || "nearest" });
  }

  // Where the editor is in the queue survives a visit to the claims: the queue's address, its rows
  // as they were, and the claim last opened from it (moved on as decisions open the next one).
  var PLACE = "factdesk.queue";
  function readPlace() {
    try { return JSON.parse(window.sessionStorage.getItem(PLACE) || "null"); } catch (e) { return null; }
  }
  function writePlace(place) {
    try { window.sessionStorage.setItem(PLACE, JSON.stringify(place)); } catch (e) { /* private mode */ }
  }
  function rememberQueue(claimId) {
    writePlace({ url: window.location.href, rows: rows().map(function (row) { return row.dataset.id; }), at: claimId });
  }
  function restoreQueuePlace() {
    var place = readPlace();
    if (!place || place.url !== window.location.href) return;
    var present = {};
    rows().forEach(function (row, i) { present[row.dataset.id] = i; });
    // The claim last seen, or the first after it that is still listed (decided claims leave the queue).
    var start = place.rows.indexOf(String(place.at));
    var ids = start === -1 ? [String(place.at)] : place.rows.slice(start);
    for (var i = 0; i < ids.length; i++) {
      if (present[ids[i]] !== undefined) { select(present[ids[i]], "center"); return; }
    }
  }

  // ---- The claim page

  function button(key) { return document.querySelector('#workspace [data-key="' + key + '"]'); }

  // A verdict that needs a note and has none: the note field, with what to do, instead of a refusal.
  var pendingVerdict = null;
  function decide(target) {
    if (!target || target.disabled) return false;
    var note = document.getElementById("verdict-note");
    if (target.hasAttribute("data-needs-note") && note && !note.value.trim()) {
      pendingVerdict = target.value;
      note.focus();
      hint("status-hint", target.textContent.replace(/\s+\S$/, "").trim() + " needs a note: write why, then press Ctrl+Enter to save it (Esc leaves the field).");
      return true;
    }
    target.click();
    return true;
  }

  function submitPendingVerdict() {
    if (!pendingVerdict) return false;
    var target = document.querySelector('#workspace button[name="to"][value="' + pendingVerdict + '"]');
    pendingVerdict = null;
    if (!target) return false;
    target.click();
    return true;
  }

  function toggleHelp() {
    var dialog = document.getElementById("shortcuts");
    if (!dialog) return;
    if (dialog.open) dialog.close(); else dialog.showModal();
  }

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.metaKey || event.altKey) return;
    var key = event.key;
    if (isTyping(event.target)) {
      if (key === "Escape") { event.preventDefault(); event.target.blur(); return; }
      if (key === "Enter" && event.ctrlKey && event.target.id === "verdict-note" && submitPendingVerdict()) {
        event.preventDefault();
      }
      return;
    }
    if (event.ctrlKey) return;
    var page = document.body.dataset.page;
    if (key === "?") { event.preventDefault(); toggleHelp(); return; }
    if (page === "queue") {
      if (key === "j") { event.preventDefault(); select(current + 1); }
      else if (key === "k") { event.preventDefault(); select(current < 0 ? 0 : current - 1); }
      else if (key === "Enter" && current >= 0 && !/^(A|BUTTON)$/.test(event.target.tagName)) {
        event.preventDefault();
        var row = rows()[current];
        rememberQueue(row.dataset.id);
        window.location.href = row.dataset.href;
      }
      return;
    }
    if (page === "claim") {
      if (key === "n") {
        var note = document.getElementById("verdict-note");
        if (note) { event.preventDefault(); note.focus(); }
      } else if (key.length === 1 && "vfmudiayxc".indexOf(key) !== -1) {
        var target = button(key);
        if (!target || target.disabled) return;
        event.preventDefault();
        if (target.name === "to") decide(target); else target.click();
      }
    }
  });

  // Clicking a status button that needs a note behaves like its key.
  document.addEventListener("click", function (event) {
    var target = event.target.closest && event.target.closest('#workspace button[name="to"][data-needs-note]');
    if (!target) return;
    var note = document.getElementById("verdict-note");
    if (note && !note.value.trim()) { event.preventDefault(); decide(target); }
  }, true);

  // A claim opened from the queue keeps it: every request from the page carries the queue, so a
  // decision can open the next claim, and the queue remembers the claim it is at.
  var cameFrom = new URLSearchParams(window.location.search).get("queue");
  document.addEventListener("htmx:configRequest", function (event) {
    if (cameFrom !== null && event.detail.verb !== "get") event.detail.parameters.queue = cameFrom;
  });
  document.addEventListener("factdesk:open", function (event) {
    window.location.replace(event.detail.url); // no history entry per claim: Back goes to the queue
  });

  // ---- Nothing typed is lost: each card saves on its own, and the swap that shows the claim as it
  // now is puts back what the editor had typed, unsaved, in the other cards.

  function fieldKey(field) {
    var card = field.closest("section.card");
    return (card ? card.id : "") + ":" + (field.id || field.name);
  }
  function isDirty(field) {
    // Radio buttons are search results (the link box): they are drawn again, not kept.
    if (/^(hidden|submit|radio)$/.test(field.type) || field.disabled || !(field.id || field.name)) return false;
    if (field.type === "checkbox") return field.checked !== field.defaultChecked;
    if (field.tagName === "SELECT") {
      return Array.prototype.some.call(field.options, function (option) { return option.selected !== option.defaultSelected; });
    }
    return field.value !== field.defaultValue;
  }
  var unsaved = null;
  document.addEventListener("htmx:beforeSwap", function (event) {
    var workspace = document.getElementById("workspace");
    if (!workspace || event.detail.target !== workspace) return;
    var sent = event.detail.requestConfig && event.detail.requestConfig.elt;
    var sentForm = sent && (sent.tagName === "FORM" ? sent : sent.closest("form"));
    unsaved = [];
    workspace.querySelectorAll("input, textarea, select").forEach(function (field) {
      if (sentForm && field.form === sentForm) return; // the server answers for what was sent
      if (isDirty(field)) unsaved.push({ key: fieldKey(field), value: field.value, checked: field.checked });
    });
  });
  document.addEventListener("htmx:afterSwap", function () {
    var workspace = document.getElementById("workspace");
    if (unsaved === null || !workspace) return;
    unsaved.forEach(function (item) {
      workspace.querySelectorAll("input, textarea, select").forEach(function (field) {
        if (fieldKey(field) !== item.key) return;
        if (field.type === "checkbox") field.checked = item.checked; else field.value = item.value;
      });
    });
    unsaved = null;
    // The outcome is shown beside the form that was sent; bring it into view and read it out.
    var message = workspace.querySelector(".card-message");
    if (message) {
      message.scrollIntoView({ block: "nearest" });
      announce(message.textContent.replace(/\s+/g, " ").trim());
    }
  });

  // Filter forms leave empty fields out of the address, so it says only what is filtered.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute("data-drop-empty")) return;
    Array.prototype.forEach.call(form.elements, function (field) {
      if (field.name && !field.disabled && field.type !== "checkbox" && field.value === "") {
        field.disabled = true;
        window.setTimeout(function () { field.disabled = false; }, 0); // usable again if the page stays
      }
    });
  });

  // htmx swaps 400/409 workspaces in; other refusals (403, 500) get a message instead.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    flash(status === 403 ? "Refused: your account cannot change claims." : "The server could not do that (" + status + ").");
  });
  document.addEventListener("htmx:sendError", function () { flash("The server could not be reached. Nothing was saved."); });

  // The queue's folded filters: open or closed is part of the address (filters=open), so a link,
  // a reload or Back shows them as they were.
  function keepFoldInAddress(details) {
    details.addEventListener("toggle", function () {
      var url = new URL(window.location.href);
      if (details.open) url.searchParams.set("filters", "open"); else url.searchParams.delete("filters");
      window.history.replaceState(window.history.state, "", url);
      var flag = details.querySelector('input[name="filters"]');
      if (flag) flag.disabled = !details.open;
    });
  }

  function onLoad() {
    var page = document.body.dataset.page;
    var fold = document.getElementById("more-filters");
    if (fold) keepFoldInAddress(fold);
    if (page === "queue") {
      rows().forEach(function (row) {
        row.addEventListener("click", function (event) {
          if (event.target.closest("a")) rememberQueue(row.dataset.id);
        });
      });
      restoreQueuePlace();
    } else if (page === "claim" && cameFrom !== null) {
      var place = readPlace();
      var workspace = document.getElementById("workspace");
      if (place && workspace) { place.at = workspace.dataset.claim; writePlace(place); }
    }
    var messages = document.querySelectorAll("#flash .message");
    if (messages.length) announce(messages[messages.length - 1].textContent);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onLoad); else onLoad();
  // Back may show the queue from the browser's cache; show it as it is now instead.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && document.body.dataset.page === "queue") window.location.reload();
  });
})();
