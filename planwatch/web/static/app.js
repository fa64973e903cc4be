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
