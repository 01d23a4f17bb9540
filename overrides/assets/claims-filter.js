/* Myths page: buttons above the claims table show one verdict at a time, in the table and in
 * the full entries below. Without JavaScript every claim shows. */
(function () {
  "use strict";

  function setup(box) {
    var rows = box.querySelectorAll("tr[data-verdict]");
    var verdicts = [];
    rows.forEach(function (row) { if (verdicts.indexOf(row.dataset.verdict) < 0) verdicts.push(row.dataset.verdict); });
    var labels = {};
    rows.forEach(function (row) {
      var badge = row.querySelector(".verdict");
      if (badge) labels[row.dataset.verdict] = badge.textContent;
    });
    var bar = document.createElement("div");
    bar.className = "claims-filter";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", box.dataset.filterLabel || "");
    var buttons = [];
    function show(verdict) {
      rows.forEach(function (row) { row.hidden = verdict !== "" && row.dataset.verdict !== verdict; });
      document.querySelectorAll(".claims .claim").forEach(function (claim) {
        claim.hidden = verdict !== "" && !claim.classList.contains("claim--" + verdict);
      });
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.dataset.verdict === verdict)); });
    }
    [""].concat(verdicts).forEach(function (verdict) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "md-button";
      button.dataset.verdict = verdict;
      button.textContent = verdict ? labels[verdict] : (box.dataset.allLabel || "");
      button.addEventListener("click", function () { show(verdict); });
      buttons.push(button);
      bar.appendChild(button);
    });
    box.insertBefore(bar, box.firstChild);
    show("");
  }

  function init() {
    document.querySelectorAll("[data-claims-filter]").forEach(function (box) {
      if (!box.dataset.ready) { box.dataset.ready = "true"; setup(box); }
    });
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
