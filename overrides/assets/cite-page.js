/* "Cite this page" (overrides/partials/cite-page.html): shows the Copy button and copies the
 * citation with the browser's Clipboard API. Where that API is missing or refused, it selects
 * the citation so the reader can copy it by hand, and says so. The words it shows come from the
 * button's data-labels and are set with textContent. Works across instant navigation: the
 * click is handled on the document, and each new page's button is shown by init.
 */
(function () {
  "use strict";

  function labels(button) {
    try {
      return JSON.parse(button.getAttribute("data-labels") || "{}");
    } catch (error) {
      return {};
    }
  }

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(button) {
    var box = button.closest(".cite-page");
    var text = box && box.querySelector(".cite-page__text");
    var status = box && box.querySelector(".cite-page__status");
    if (!text) return;
    var words = labels(button);
    function say(message) {
      if (status) status.textContent = message || "";
    }
    function byHand() {
      select(text);
      say(words.select);
    }
    say("");
    if (!navigator.clipboard || !navigator.clipboard.writeText) {
      byHand();
      return;
    }
    navigator.clipboard.writeText(text.textContent.trim()).then(function () {
      say(words.copied);
    }, byHand);
  }

  function init() {
    document.querySelectorAll(".cite-page__copy[hidden]").forEach(function (button) {
      button.hidden = false;
    });
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest(".cite-page__copy") : null;
    if (button) copy(button);
  });
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
