/* Pain map: with JavaScript, choosing a region shows its panel and hides the others.
 * Without it, every region is a plain link to its section further down the page.
 * Regions are SVG links, so Tab reaches them and Enter chooses them; the chosen panel
 * takes focus so screen readers read it straight away.
 */
(function () {
  "use strict";

  function setup(map) {
    var panels = map.querySelectorAll("[data-region-panel]");
    var regions = map.querySelectorAll("a[data-region]");

    function choose(id, focus) {
      panels.forEach(function (panel) { panel.hidden = panel.dataset.regionPanel !== id; });
      regions.forEach(function (link) {
        var chosen = link.dataset.region === id;
        link.classList.toggle("pain-map__region--chosen", chosen);
        if (chosen) link.setAttribute("aria-current", "true"); else link.removeAttribute("aria-current");
      });
      var panel = map.querySelector('[data-region-panel="' + id + '"]');
      if (panel && focus) {
        // Start of the panel at the top, clear of the sticky header (CSS scroll-margin-top).
        panel.focus({ preventScroll: true });
        panel.scrollIntoView({ block: "start" });
      }
    }

    regions.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        choose(link.dataset.region, true);
        if (history.replaceState) history.replaceState(null, "", "#region-" + link.dataset.region);
      });
    });
    map.classList.add("pain-map--interactive");
    var fromUrl = location.hash.indexOf("#region-") === 0 ? decodeURIComponent(location.hash.slice(8)) : "";
    var known = Array.prototype.some.call(panels, function (p) { return p.dataset.regionPanel === fromUrl; });
    choose(known ? fromUrl : "", false);
  }

  function init() {
    document.querySelectorAll("[data-pain-map]").forEach(function (map) {
      if (!map.dataset.ready) { map.dataset.ready = "true"; setup(map); }
    });
  }

  // Material's instant navigation swaps pages: run on each new page. The offline copy (file://)
  // has no instant navigation, so also run on load (init is safe to run twice).
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
