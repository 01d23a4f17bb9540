/* Material's script bundle on the reader's first action.
 *
 * Reading a page needs only its HTML and CSS. Material's bundle (instant navigation, search,
 * palette toggle, table-of-contents tracking) is about 35 KiB compressed and, on a slow phone,
 * several long tasks of work before the page answers a tap. So the page loads without it and
 * starts it the first time the reader touches, clicks, presses a key, scrolls, moves the
 * pointer or focuses something; its file is fetched in the background once the page has
 * loaded, so starting it costs no download. overrides/main.html writes this file in place of
 * Material's own <script> tag and names the bundle in data-bundle.
 *
 * - Until the bundle runs, window.document$ is a stand-in with Material's subscribe(fn): fn
 *   runs once the page is parsed, as with Material. When the bundle arrives, each subscriber
 *   moves to the real document$ and runs again for every page instant navigation brings.
 *   Site scripts (extra_javascript) need nothing else; see CONTRIBUTING, "Performance budget".
 * - Material starts its components on DOMContentLoaded, which has already passed: the one
 *   listener its bundle adds for it is kept aside and called once the bundle has run.
 * - A tap on the palette toggle or the search button, or one of Material's keyboard shortcuts,
 *   before the bundle is ready is held and replayed when it is, so none is lost. Links are never
 *   held: a link followed before the bundle is ready is an ordinary page load.
 * - <html data-bundle> is "loading", then "ready" (tests wait for it).
 */
/* eslint-disable no-var */
(function () {
  "use strict";

  var script = document.currentScript;
  var src = script && script.getAttribute("data-bundle");
  if (!src) return;
  var root = document.documentElement;
  var TRIGGERS = ["pointerdown", "pointermove", "touchstart", "keydown", "wheel", "scroll", "focusin", "click"];
  var HOLD = "[data-md-component=palette] label, label[for=__search]";
  var SHORTCUTS = ["f", "s", "/", "n", "p", ",", "."];  // Material's keys: search, next and previous page
  var subscribers = [];
  var held = [];
  var state = "waiting";

  // What the bundle would first do to the page, done now: show the palette toggle for the
  // reader's choice (theme-early.js has already put the page in script mode). The toggle
  // appears here rather than in theme-early.js so that nothing already painted in the header
  // moves: it takes its place beside the search button in one step.
  var form = document.querySelector("[data-md-component=palette]");
  if (form && window.__md_get) {
    var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
    var saved = __md_get("__palette");
    var index = saved && typeof saved.index === "number" ? saved.index : inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    index = Math.max(0, Math.min(index, inputs.length - 1));
    inputs.forEach(function (input, i) {
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    });
  }

  window.document$ = {
    subscribe: function (fn) {
      subscribers.push(fn);
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () { fn(document); }, { once: true });
      } else {
        fn(document);
      }
      return { unsubscribe: function () { subscribers = subscribers.filter(function (f) { return f !== fn; }); } };
    }
  };

  function listen(add) {
    TRIGGERS.forEach(function (type) {
      (add ? window.addEventListener : window.removeEventListener)
        .call(window, type, start, { capture: true, passive: true });
    });
  }

  /* The palette toggle's visible label changes with each choice: replay "a tap on the toggle". */
  function tap(el) {
    return function () {
      var palette = el.closest("[data-md-component=palette]");
      (palette && palette.querySelector("label:not([hidden])") || el).click();
    };
  }

  function press(key) {
    return function () { window.dispatchEvent(new KeyboardEvent("keydown", { key: key })); };
  }

  function ready() {
    delete document.addEventListener;
    state = "ready";
    root.setAttribute("data-bundle", "ready");
    held.splice(0).forEach(function (action) { action(); });
  }

  function load() {
    var material = [];
    document.addEventListener = function (type, listener) {
      if (type === "DOMContentLoaded") return void material.push(listener);
      return EventTarget.prototype.addEventListener.apply(this, arguments);
    };
    var bundle = document.createElement("script");
    bundle.src = src;
    bundle.onload = function () {
      var real = window.document$;
      if (real && real.subscribe) {
        subscribers.forEach(function (fn) {
          var first = true;  // the page the stand-in already gave fn
          real.subscribe(function (doc) { if (first) first = false; else fn(doc); });
        });
      }
      var event = new Event("DOMContentLoaded");
      material.forEach(function (listener) {
        if (typeof listener === "function") listener.call(document, event);
        else listener.handleEvent(event);
      });
      ready();
    };
    bundle.onerror = ready;
    document.body.appendChild(bundle);
  }

  function start() {
    if (state !== "waiting") return;
    state = "loading";
    root.setAttribute("data-bundle", "loading");
    listen(false);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", load, { once: true });
    else load();
  }

  document.addEventListener("click", function (event) {
    if (state === "ready" || event.button !== 0) return;
    var target = event.target instanceof Element && event.target.closest(HOLD);
    if (!target) return;
    event.preventDefault();
    held.push(tap(target));
    start();
  }, true);

  window.addEventListener("keydown", function (event) {
    var el = event.target;
    if (state === "ready" || event.metaKey || event.ctrlKey || event.altKey) return;
    if (SHORTCUTS.indexOf(event.key) < 0 || el.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) return;
    event.preventDefault();
    held.push(press(event.key));
    start();
  }, true);

  listen(true);
  // Material follows a change of the system's colour scheme; its bundle starts to do so.
  matchMedia("(prefers-color-scheme: light)").addEventListener("change", start);
  // A search link (?q=) opens the search at once.
  if (/[?&]q=/.test(location.search)) start();

  // Fetch the bundle (not run it) once the page has loaded, so the first action finds it cached.
  window.addEventListener("load", function () {
    if (state !== "waiting") return;
    var hint = document.createElement("link");
    hint.rel = "prefetch";
    hint.as = "script";
    hint.href = src;
    document.head.appendChild(hint);
  });
})();
