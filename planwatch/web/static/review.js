// A reviewer's controls (templates/review_form.html, review_commitment_form.html): confirm,
// correct or reject a fact or a commitment from its controls (or a fact with c, e, r on the
// focused row), and add a missed one by selecting its words in a document's text. Every
// write goes through planwatch.post; after it the page is loaded again, so it shows what
// every other page now shows.
(function () {
  "use strict";

  var text = document.getElementById("doc-text");
  var status = document.querySelector(".review-status");
  var words = JSON.parse(document.getElementById("review-words").textContent);
  var NOTICE = "planwatch.review.notice";   // a message kept across the reload that follows a write
  // What differs between the two record types: their form, fields and routes.
  var SUBJECTS = {
    fact: {
      form: document.querySelector("form.fact-form"), url: "/review/facts",
      addButton: document.querySelector("button.review-add"),
      flags: ["estimated", "stretch", "cumulative"],
      fields: ["indicator", "role", "period", "measure", "comparator", "value", "upper", "unit",
               "estimated", "stretch", "cumulative"]
    },
    commitment: {
      form: document.querySelector("form.commitment-form"), url: "/review/commitments",
      addButton: document.querySelector("button.review-add-commitment"),
      flags: [],
      fields: ["kind", "role", "period", "object", "stage", "action", "comparator", "value", "upper", "unit",
               "money", "names", "responsible"]
    }
  };
  var editing = null;   // {subject, mode: "correct", holder} or {subject, mode: "add", start, end}

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

  // The element holding a record's controls: a fact's row, or a commitment's controls.
  function subjectOf(holder) {
    return holder.dataset.commitment ? "commitment" : "fact";
  }

  function decide(holder, action) {
    var name = subjectOf(holder), id = holder.dataset[name];
    if (action === "correct") {
      return openForm({ subject: name, mode: "correct", holder: holder }, JSON.parse(holder.dataset.fields));
    }
    write(SUBJECTS[name].url + "/" + id + "/" + action, { expected: Number(holder.dataset.expected) });
  }

  function openForm(what, fields) {
    var subject = SUBJECTS[what.subject], form = subject.form;
    Object.keys(SUBJECTS).forEach(function (name) { if (SUBJECTS[name].form) SUBJECTS[name].form.hidden = true; });
    editing = what;
    var title = form.querySelector("h3");
    title.textContent = title.dataset[what.mode];
    form.querySelector(".evidence").textContent = "「" + (fields.evidence || "") + "」";
    subject.fields.forEach(function (name) {
      var input = form.elements[name];
      if (subject.flags.indexOf(name) >= 0) input.checked = Boolean(fields[name]);
      else if (fields[name] != null && fields[name] !== "") input.value = fields[name];
      else if (input.tagName !== "SELECT") input.value = "";
    });
    form.hidden = false;
    form.elements[subject.fields[0]].focus();
  }

  function typed(subject) {
    var fields = {};
    subject.fields.forEach(function (name) {
      var input = subject.form.elements[name];
      fields[name] = subject.flags.indexOf(name) >= 0 ? input.checked : input.value.trim();
    });
    return fields;
  }

  Object.keys(SUBJECTS).forEach(function (name) {
    var subject = SUBJECTS[name];
    if (!subject.form) return;
    subject.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var fields = typed(subject);
      if (editing.mode === "add") {
        subject.fields.forEach(function (field) { if (fields[field] === "") delete fields[field]; });
        fields.document_id = Number(text.dataset.document);
        fields.start = editing.start;
        fields.end = editing.end;
        return write(subject.url, fields);
      }
      var holder = editing.holder, before = JSON.parse(holder.dataset.fields), changes = {};
      subject.fields.forEach(function (field) {   // only what the reviewer changed
        if (String(fields[field]) !== String(before[field] == null ? "" : before[field])) {
          changes[field] = fields[field];
        }
      });
      changes.expected = Number(holder.dataset.expected);
      write(subject.url + "/" + holder.dataset[name] + "/correct", changes);
    });
    subject.form.querySelector("button.cancel").addEventListener("click", function () {
      subject.form.hidden = true;
      editing = null;
    });
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    var holder = button && button.closest("[data-expected]");
    if (holder) decide(holder, button.dataset.action);
  });

  var KEYS = { c: "confirm", e: "correct", r: "reject" };
  document.addEventListener("keydown", function (event) {
    var row = event.target.closest && event.target.closest("tr.fact-row");
    if (!row || event.ctrlKey || event.metaKey || event.altKey || !KEYS[event.key]) return;
    event.preventDefault();
    decide(row, KEYS[event.key]);
  });

  var notice = sessionStorage.getItem(NOTICE);
  if (notice) {
    sessionStorage.removeItem(NOTICE);
    show(notice);
  }

  if (!text || !SUBJECTS.fact.addButton) return;   // adding needs a document's text

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

  var factButton = SUBJECTS.fact.addButton, commitmentButton = SUBJECTS.commitment.addButton;
  document.addEventListener("selectionchange", function () {
    var span = selected();
    factButton.hidden = commitmentButton.hidden = !span;
    if (!span) return;
    [factButton, commitmentButton].forEach(function (button) {
      button.style.top = (window.scrollY + span.rect.bottom + 4) + "px";
      button.dataset.start = span.start;
      button.dataset.end = span.end;
    });
    factButton.style.left = (window.scrollX + span.rect.left) + "px";
    commitmentButton.style.left = (window.scrollX + span.rect.left + factButton.offsetWidth + 6) + "px";
  });

  // The selection's number, unit and comparator, read on the server by the extractor's grammar.
  Object.keys(SUBJECTS).forEach(function (name) {
    var button = SUBJECTS[name].addButton;
    button.addEventListener("mousedown", function (event) { event.preventDefault(); });   // keep the selection
    button.addEventListener("click", function () {
      var start = Number(button.dataset.start), end = Number(button.dataset.end);
      var query = "?document=" + text.dataset.document + "&start=" + start + "&end=" + end;
      fetch("/review/selection" + query, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.json().then(function (read) { return [response.ok, read]; }); })
        .then(function (result) {
          if (!result[0]) return show(words.failed + result[1].error.message);
          factButton.hidden = commitmentButton.hidden = true;
          openForm({ subject: name, mode: "add", start: start, end: end }, result[1]);
        });
    });
  });
})();
