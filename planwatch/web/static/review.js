// A reviewer's controls on a document's page (templates/review_form.html): confirm, correct
// or reject a fact from its row (or with c, e, r on the focused row), and add a missed fact
// by selecting its words in the text. Every write goes through planwatch.post; after it the
// page is loaded again, so it shows what every other page now shows.
(function () {
  "use strict";

  var text = document.getElementById("doc-text");
  var form = document.querySelector("form.fact-form");
  var status = document.querySelector(".review-status");
  var addButton = document.querySelector("button.review-add");
  var words = JSON.parse(document.getElementById("review-words").textContent);
  var FLAGS = ["estimated", "stretch", "cumulative"];
  var FIELDS = ["indicator", "role", "period", "measure", "comparator", "value", "upper", "unit"].concat(FLAGS);
  var NOTICE = "planwatch.review.notice";   // a message kept across the reload that follows a write
  var editing = null;   // {mode: "correct", row} or {mode: "add", start, end}

  function show(message) {
    status.textContent = message;
    status.hidden = !message;
  }

  function conflictMessage(error) {
    var theirs = (error.details || [])[0] || {};
    var after = theirs.after || {};
    var value = after.value != null ? " " + after.value + (after.unit || "") : "";
    return words.conflict.replace("{actor}", theirs.actor || "?")
      .replace("{at}", (theirs.decided_at || "").replace("T", " ").slice(0, 19))
      .replace("{action}", words.actions[theirs.action] || theirs.action || "")
      .replace("{value}", value);
  }

  // Write, then show the page as stored; a conflict or a refusal is said after the reload
  // (a conflict's page shows the other reviewer's decision), a bad field at once.
  function write(url, body) {
    return window.planwatch.post(url, body).then(function (response) {
      return response.json().then(function (answer) {
        if (response.ok) {
          window.location.reload();
        } else if (response.status === 409) {
          sessionStorage.setItem(NOTICE, conflictMessage(answer.error));
          window.location.reload();
        } else {
          show(words.failed + ((answer.error && answer.error.message) || response.status));
        }
      });
    }, function (problem) { show(words.failed + problem); });
  }

  function decide(row, action) {
    if (action === "correct") return openForm({ mode: "correct", row: row }, JSON.parse(row.dataset.fields));
    write("/review/facts/" + row.dataset.fact + "/" + action, { expected: Number(row.dataset.expected) });
  }

  function openForm(what, fields) {
    editing = what;
    var title = form.querySelector("h3");
    title.textContent = title.dataset[what.mode];
    form.querySelector(".evidence").textContent = "「" + (fields.evidence || "") + "」";
    FIELDS.forEach(function (name) {
      var input = form.elements[name];
      if (FLAGS.indexOf(name) >= 0) input.checked = Boolean(fields[name]);
      else if (fields[name] != null && fields[name] !== "") input.value = fields[name];
      else if (input.tagName !== "SELECT") input.value = "";
    });
    form.hidden = false;
    form.elements.indicator.focus();
  }

  function typed() {
    var fields = {};
    FIELDS.forEach(function (name) {
      var input = form.elements[name];
      fields[name] = FLAGS.indexOf(name) >= 0 ? input.checked : input.value.trim();
    });
    return fields;
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var fields = typed();
    if (editing.mode === "add") {
      FIELDS.forEach(function (name) { if (fields[name] === "") delete fields[name]; });
      fields.document_id = Number(text.dataset.document);
      fields.start = editing.start;
      fields.end = editing.end;
      return write("/review/facts", fields);
    }
    var row = editing.row, before = JSON.parse(row.dataset.fields), changes = {};
    FIELDS.forEach(function (name) {   // only what the reviewer changed
      if (String(fields[name]) !== String(before[name] == null ? "" : before[name])) changes[name] = fields[name];
    });
    changes.expected = Number(row.dataset.expected);
    write("/review/facts/" + row.dataset.fact + "/correct", changes);
  });

  form.querySelector("button.cancel").addEventListener("click", function () {
    form.hidden = true;
    editing = null;
  });

  document.querySelector("table.reviewable").addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (button) decide(button.closest("tr"), button.dataset.action);
  });

  var KEYS = { c: "confirm", e: "correct", r: "reject" };
  document.addEventListener("keydown", function (event) {
    var row = event.target.closest && event.target.closest("tr.fact-row");
    if (!row || event.ctrlKey || event.metaKey || event.altKey || !KEYS[event.key]) return;
    event.preventDefault();
    decide(row, KEYS[event.key]);
  });

  // Offsets in the document's text as Python counts them (code points), from the start of
  // the text container, whose text content is the document's text (marks add no characters).
  function offset(node, at) {
    var range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, at);
    return Array.from(range.toString()).length;
  }

  function selected() {
    var selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return null;
    var range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    var start = offset(range.startContainer, range.startOffset), end = offset(range.endContainer, range.endOffset);
    return end > start ? { start: start, end: end, rect: range.getBoundingClientRect() } : null;
  }

  document.addEventListener("selectionchange", function () {
    var span = selected();
    addButton.hidden = !span;
    if (!span) return;
    addButton.style.top = (window.scrollY + span.rect.bottom + 4) + "px";
    addButton.style.left = (window.scrollX + span.rect.left) + "px";
    addButton.dataset.start = span.start;
    addButton.dataset.end = span.end;
  });

  addButton.addEventListener("mousedown", function (event) { event.preventDefault(); });   // keep the selection

  // The selection's number, unit and comparator, read on the server by the extractor's grammar.
  addButton.addEventListener("click", function () {
    var start = Number(addButton.dataset.start), end = Number(addButton.dataset.end);
    var query = "?document=" + text.dataset.document + "&start=" + start + "&end=" + end;
    fetch("/review/selection" + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.json().then(function (read) { return [response.ok, read]; }); })
      .then(function (result) {
        if (!result[0]) return show(words.failed + result[1].error.message);
        addButton.hidden = true;
        openForm({ mode: "add", start: start, end: end }, result[1]);
      });
  });

  var notice = sessionStorage.getItem(NOTICE);
  if (notice) {
    sessionStorage.removeItem(NOTICE);
    show(notice);
  }
})();
