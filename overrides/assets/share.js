/* Share this page (overrides/partials/share.html): the device's share sheet where the browser
 * has one (navigator.share), otherwise copy the page's address and say "Link copied" in a
 * live region. The words come from the button's data-labels, never from this file. Nothing
 * leaves the page: the browser or the reader decides where the link goes. */
(function () {
  "use strict";

  function labelsOf(box) {
    try { return JSON.parse(box.dataset.labels || "{}"); } catch (e) { return {}; }
  }

  function say(status, text) {
    // Empty first, so saying the same words twice is announced twice.
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text || ""; }, 60);
  }

  function address() {
    return window.location.href.split("#")[0];
  }

  function setup(box) {
    var canShare = typeof navigator.share === "function";
    var canCopy = !!(navigator.clipboard && navigator.clipboard.writeText);
    if (!canShare && !canCopy) return; // stays hidden: it could do nothing here
    var labels = labelsOf(box);
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    if (!button || !status) return;
    if (!canShare && labels.copy) button.textContent = labels.copy;

    function copy() {
      if (!canCopy) { say(status, labels.failed); return; }
      navigator.clipboard.writeText(address()).then(
        function () { say(status, labels.copied); },
        function () { say(status, labels.failed); }
      );
    }

    button.addEventListener("click", function () {
      if (!canShare) { copy(); return; }
      navigator.share({ title: document.title, url: address() }).catch(function (error) {
        // The reader closed the share sheet: nothing to do. Anything else: copy instead.
        if (!error || error.name !== "AbortError") copy();
      });
    });
    box.hidden = false;
  }

  function init() {
    document.querySelectorAll("[data-share]").forEach(function (box) {
      if (!box.dataset.ready) { box.dataset.ready = "true"; setup(box); }
    });
  }

  // Instant navigation swaps the page without reloading this script.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
