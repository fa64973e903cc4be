// Every page: bring a fact's or a commitment's evidence into view when the address names
// it (#fact-ID, #commitment-ID).
(function () {
  "use strict";

  function show(kind, id) {
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    var marks = Array.prototype.filter.call(document.querySelectorAll("mark." + kind), function (m) {
      return (m.getAttribute("data-" + kind + "s") || "").split(" ").indexOf(id) >= 0;
    });
    marks.forEach(function (m) { m.classList.add("current"); });
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
  }

  function fromHash() {
    var match = /^#(fact|commitment)-(\d+)$/.exec(window.location.hash);
    if (match) show(match[1], match[2]);
  }

  window.addEventListener("hashchange", fromHash);
  document.addEventListener("DOMContentLoaded", fromHash);
})();

// Tables of periods: a year's button folds its part-year columns (上半年, 1—9月) away and back.
document.addEventListener("click", function (event) {
  "use strict";
  var button = event.target.closest("button.fold");
  if (!button) return;
  var open = button.getAttribute("aria-expanded") !== "true";
  button.setAttribute("aria-expanded", String(open));
  button.textContent = open ? "−" : "+";
  button.closest("table").querySelectorAll("[data-part][data-year='" + button.dataset.year + "']")
    .forEach(function (cell) { cell.hidden = !open; });
});

// Our scripts write with planwatch.post(url, body): the session's CSRF token goes in a
// header, which no page of another site can set.
window.planwatch = {
  post: function (url, body) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json",
                 "X-CSRF-Token": meta ? meta.content : "" },
      body: JSON.stringify(body || {})
    });
  }
};
