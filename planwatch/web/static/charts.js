// Draw every chart of the page: the option is JSON built by the server (charts.py).
(function () {
  "use strict";
  document.querySelectorAll(".chart[data-option]").forEach(function (el) {
    var source = document.getElementById(el.dataset.option);
    if (!source || typeof echarts === "undefined") return;
    var option = JSON.parse(source.textContent);
    if (!option.series || !option.series.length) {
      el.classList.add("empty");
      return;
    }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption(option);
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
