/* Symptom guide: one question at a time.
 *
 * The guide ([data-symptom-path], macros/templates/symptom_guide.html) is a list of questions
 * whose answers are links to the next question or to an end, so it works without JavaScript.
 * Here we show only the current step, say where the reader is ("Question 3 of at most 11",
 * in a polite live region), list the answers so far, and add Back and Start again. Each new
 * step's heading takes focus, for keyboard and screen-reader users. Words come from the
 * guide's data-labels; text is set with textContent only. No network, no third-party code.
 */
(function () {
  "use strict";

  var fill = window.siteDom.fill;
  var element = window.siteDom.element;

  function setup(root) {
    var labels = JSON.parse(root.dataset.labels || "{}");
    var start = root.dataset.symptomPath;
    var steps = {};
    root.querySelectorAll("[data-step]").forEach(function (step) { steps[step.dataset.step] = step; });
    if (!steps[start]) return;
    var answered = [];  // {step, question, answer} for each answer given, in order
    var current = start;

    var status = element("p", { "class": "symptom-guide__status", "aria-live": "polite" });
    var controls = element("div", { "class": "symptom-guide__controls", role: "group", "aria-label": labels.controls });
    var back = element("button", { type: "button", "class": "md-button symptom-guide__back" }, labels.back);
    var again = element("button", { type: "button", "class": "md-button symptom-guide__restart" }, labels.restart);
    controls.appendChild(back);
    controls.appendChild(again);
    var trail = element("div", { "class": "symptom-guide__trail" });
    var trailTitle = element("p", { "class": "symptom-guide__trail-title", id: "symptom-guide-trail" }, labels.trail);
    var trailList = element("ol", { "aria-labelledby": "symptom-guide-trail" });
    trail.appendChild(trailTitle);
    trail.appendChild(trailList);

    var first = root.querySelector("[data-step]");
    root.insertBefore(status, first);
    root.appendChild(controls);
    root.appendChild(trail);
    root.classList.add("symptom-guide--interactive");

    function titleOf(step) {
      return steps[step].querySelector(".symptom-guide__title");
    }

    function show(id, focus) {
      current = id;
      Object.keys(steps).forEach(function (key) { steps[key].hidden = key !== id; });
      var atEnd = steps[id].hasAttribute("data-end");
      status.textContent = atEnd
        ? fill(labels.result, { n: answered.length })
        : fill(labels.question, { n: answered.length + 1, total: root.dataset.maxSteps });
      back.hidden = answered.length === 0;
      again.hidden = answered.length === 0;
      trailList.textContent = "";
      answered.forEach(function (item) {
        var li = element("li");
        li.appendChild(element("span", { "class": "symptom-guide__trail-question" }, item.question));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(element("strong", {}, item.answer));
        trailList.appendChild(li);
      });
      trail.hidden = answered.length === 0;
      if (focus) {
        var heading = titleOf(id);
        heading.focus({ preventScroll: true });
        // The heading at the top, clear of the sticky header (CSS scroll-margin-top).
        if (heading.getBoundingClientRect().top < 0 || heading.getBoundingClientRect().top > window.innerHeight / 2) {
          heading.scrollIntoView({ block: "start" });
        }
      }
    }

    // Answers are links to #sg-<step>; here they change the step in place. The event stops at
    // the guide, so Material's instant navigation does not also follow the link (and take focus).
    root.addEventListener("click", function (event) {
      var link = event.target.closest("a");
      if (!link || !root.contains(link)) return;
      var restart = link.hasAttribute("data-restart");
      if (!restart && !(link.dataset.next && steps[link.dataset.next])) return;
      event.preventDefault();
      event.stopPropagation();
      if (restart) {
        answered = [];
        show(start, true);
      } else {
        answered.push({ step: current, question: titleOf(current).textContent, answer: link.textContent });
        show(link.dataset.next, true);
      }
    });
    back.addEventListener("click", function () {
      var last = answered.pop();
      if (last) show(last.step, true);
    });
    again.addEventListener("click", function () {
      answered = [];
      show(start, true);
    });

    // A link to one step (#sg-<id>) opens the guide there; otherwise it starts at the beginning.
    var fromUrl = location.hash.indexOf("#sg-") === 0 ? decodeURIComponent(location.hash.slice(4)) : "";
    show(steps[fromUrl] ? fromUrl : start, false);
  }

  function init() {
    document.querySelectorAll("[data-symptom-path]").forEach(function (root) {
      if (!root.dataset.ready) { root.dataset.ready = "true"; setup(root); }
    });
  }

  // Material's instant navigation swaps pages: run on each new page. The offline copy (file://)
  // has no instant navigation, so also run on load (init is safe to run twice).
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
