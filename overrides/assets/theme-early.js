/* Material for MkDocs' two early inline scripts, as a file, so the site's Content-Security-Policy
 * can forbid inline scripts. Same behaviour as Material 9.8.1 (MIT licence, (c) Martin Donath):
 * storage helpers scoped to the site, then the reader's saved colour scheme (or, with none
 * saved, the system's), applied before the first paint. The scope is the site root, found from this file's own address
 * (it lives in <root>/assets/), which also works from file:// in the offline copy.
 */
/* eslint-disable no-var */
var __md_scope = new URL("..", document.currentScript.src);
var __md_hash = function (value) {
  return Array.from(value).reduce(function (hash, c) { return (hash << 5) - hash + c.charCodeAt(0); }, 0);
};
var __md_get = function (key, storage, scope) {
  storage = storage || localStorage;
  scope = scope || __md_scope;
  return JSON.parse(storage.getItem(scope.pathname + "." + key));
};
var __md_set = function (key, value, storage, scope) {
  storage = storage || localStorage;
  scope = scope || __md_scope;
  try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* private mode */ }
};

/* Script mode before anything is painted (Material's bundle does this when it starts, and
 * starts later: overrides/assets/theme-loader.js); the search button shows from the first paint. */
document.documentElement.classList.remove("no-js");
document.documentElement.classList.add("js");

(function () {
  var palette = __md_get("__palette");
  // Nothing saved yet: Material's own rule picks the first option whose media query matches
  // (the "follow the system" option), so a dark system gets the dark scheme from the first
  // paint rather than when Material's bundle starts (overrides/assets/theme-loader.js).
  if (!palette || !palette.color) {
    palette = null;
    var inputs = document.querySelectorAll("[data-md-component=palette] input");
    for (var i = 0; i < inputs.length && !palette; i++) {
      var media = inputs[i].getAttribute("data-md-color-media");
      if (media && matchMedia(media).matches) palette = { index: i, color: { media: media } };
    }
  }
  if (!palette || !palette.color) return;
  if (palette.color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(light
      ? "[data-md-color-media='(prefers-color-scheme: light)']"
      : "[data-md-color-media='(prefers-color-scheme: dark)']");
    palette.color.media = input.getAttribute("data-md-color-media");
    palette.color.scheme = input.getAttribute("data-md-color-scheme");
    palette.color.primary = input.getAttribute("data-md-color-primary");
    palette.color.accent = input.getAttribute("data-md-color-accent");
  }
  Object.keys(palette.color).forEach(function (key) {
    document.body.setAttribute("data-md-color-" + key, palette.color[key]);
  });
})();

/* The search index is fetched on first use of search, not on every page load: it is the
 * largest file a page would otherwise download, and most readers never search. Material
 * requests it (with XMLHttpRequest) as soon as its bundle starts; that one request is held
 * here until the reader focuses the search box (by tap, click or keyboard shortcut).
 */
(function () {
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var wanted = null;
  var ready = new Promise(function (resolve) { wanted = resolve; });
  function isSearch(target) {
    return target && target.matches && target.matches(".md-search__input, #__search");
  }
  document.addEventListener("focusin", function (event) { if (isSearch(event.target)) wanted(); });
  document.addEventListener("change", function (event) { if (isSearch(event.target)) wanted(); });
  XMLHttpRequest.prototype.open = function (method, url) {
    this.searchIndex = /\/search\/search_index\.json$/.test(new URL(url, location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (!request.searchIndex) return send.apply(request, args);
    ready.then(function () { send.apply(request, args); });
  };
})();
