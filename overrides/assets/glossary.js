/* Glossary terms: the first time a term from data/glossary.yml appears in an article, it
 * becomes a link to its glossary entry, and hovering or focusing it shows the definition.
 *
 * The terms arrive as JSON (#glossary-terms, written by overrides/main.html). Every piece of
 * text goes into the page with textContent, never as markup, so nothing in the data can run.
 * Headings, links, code, buttons and drawings are left alone. Without JavaScript the page
 * simply has no term links; the glossary page lists everything.
 */
(function () {
  "use strict";

  var SKIP = "h1, h2, h3, h4, h5, h6, a, code, pre, button, label, svg, script, style, summary, " +
             ".glossary, .bibliography, .term, .cite, .md-source-file, .page-review, .callout, [data-no-glossary]";
  var tip = null;

  function terms() {
    var el = document.getElementById("glossary-terms");
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  /* Each word as written, and with a capital first letter (sentences start with one). */
  function forms(words) {
    var all = [];
    words.forEach(function (word) {
      all.push(word);
      var capital = word.charAt(0).toUpperCase() + word.slice(1);
      if (capital !== word) all.push(capital);
    });
    return all;
  }

  function tooltip() {
    if (tip && document.body.contains(tip)) return tip;
    tip = document.createElement("div");
    tip.className = "term-tip";
    tip.id = "term-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseleave", hide);
    document.body.appendChild(tip);
    return tip;
  }

  function show(link) {
    var box = tooltip();
    box.textContent = link.dataset.definition;
    box.hidden = false;
    link.setAttribute("aria-describedby", box.id);
    var rect = link.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    box.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(rect.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8));
    box.style.left = left + "px";
    box.style.top = (rect.bottom + window.scrollY + 6) + "px";
  }

  function hide() {
    if (!tip) return;
    tip.hidden = true;
    document.querySelectorAll(".term[aria-describedby]").forEach(function (link) {
      link.removeAttribute("aria-describedby");
    });
  }

  function textNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        if (!node.nodeValue.trim()) return NodeFilter.FILTER_REJECT;
        return node.parentElement.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    return nodes;
  }

  function link(word, term, page) {
    var a = document.createElement("a");
    a.className = "term";
    a.href = new URL(page + "#term-" + term.id, window.__md_scope || location.href).href;
    a.dataset.definition = term.definition;
    a.textContent = word;
    a.addEventListener("mouseenter", function () { show(a); });
    a.addEventListener("focus", function () { show(a); });
    a.addEventListener("mouseleave", function (event) { if (event.relatedTarget !== tip) hide(); });
    a.addEventListener("blur", hide);
    return a;
  }

  function enhance(article, data) {
    var byWord = {};
    data.terms.forEach(function (term) {
      forms(term.words).forEach(function (word) { byWord[word] = term; });
    });
    var words = Object.keys(byWord).sort(function (a, b) { return b.length - a.length; });
    if (!words.length) return;
    var pattern = new RegExp("(^|[^\\p{L}\\p{N}])(" + words.map(escapeRegExp).join("|") + ")(?![\\p{L}\\p{N}])", "u");
    var done = {};
    textNodes(article).forEach(function (node) {
      var rest = node;
      for (;;) {
        var match = pattern.exec(rest.nodeValue);
        if (!match) return;
        var term = byWord[match[2]];
        var start = match.index + match[1].length;
        if (done[term.id]) {
          // Already linked once on this page: look further along this text.
          var after = rest.splitText(start + match[2].length);
          rest = after;
          continue;
        }
        done[term.id] = true;
        var word = rest.splitText(start);
        rest = word.splitText(match[2].length);
        word.parentNode.replaceChild(link(match[2], term, data.page), word);
      }
    });
  }

  function init() {
    hide();
    var data = terms();
    var article = document.querySelector("article.md-content__inner");
    if (data && article && !article.dataset.glossary) {
      article.dataset.glossary = "done";
      enhance(article, data);
    }
  }

  document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
