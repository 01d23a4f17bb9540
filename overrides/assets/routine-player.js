/* Routine player: turns each routine list ([data-routine]) into a guided timer.
 *
 * The list is built from data/routines.yml and reads (and prints) fine without JavaScript:
 * every step with its time, drawing and how-to. Here we add a player above it: the current
 * step's drawing and how-to, a large countdown, a progress bar that moves every second,
 * Back / Start / Next, left and right sides, optional spoken cues (the browser's own speech,
 * off by default) and chime, a finish screen, and a screen kept awake while it runs where the
 * browser allows. Everything stops when the reader leaves the page, instant navigation
 * included. Text shown comes from the list's data-labels (translated with the page) and is
 * always set with textContent. No network, no third-party code.
 * Tests may speed the clock with window.routinePlayerTickMs.
 */
(function () {
  "use strict";

  var fill = window.siteDom.fill;
  var element = window.siteDom.element;

  var players = [];

  /** The phases a routine runs through: each step (twice for "each" side), with a short rest before. */
  function phases(root, labels) {
    var rest = Number(root.dataset.restSeconds || 10);
    var items = Array.prototype.slice.call(root.querySelectorAll("li[data-exercise]"));
    var list = [];
    items.forEach(function (li, index) {
      var sides = li.dataset.sides === "each" ? [labels.left, labels.right] : [""];
      sides.forEach(function (side, sideIndex) {
        var reps = li.dataset.reps ? Number(li.dataset.reps) : 0;
        list.push({
          item: li,
          step: index + 1,
          steps: items.length,
          name: li.dataset.name,
          side: side,
          amount: reps ? fill(labels.reps, { n: reps }) : fill(labels.seconds, { n: li.dataset.seconds }),
          note: sideIndex === 0 ? li.dataset.note || "" : "",
          seconds: Number(li.dataset.seconds),
          rest: list.length === 0 ? 0 : rest
        });
      });
    });
    return list;
  }

  /** A copy of a step's drawing without its ids (they must stay unique on the page). */
  function drawing(li) {
    var svg = li.querySelector(".routine-step__figure svg");
    if (!svg) return null;
    var copy = svg.cloneNode(true);
    var title = copy.querySelector("title");
    copy.setAttribute("aria-label", title ? title.textContent : "");
    copy.removeAttribute("aria-labelledby");
    copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    return copy;
  }

  function Player(root) {
    this.root = root;
    this.labels = JSON.parse(root.dataset.labels || "{}");
    this.phases = phases(root, this.labels);
    this.total = this.phases.reduce(function (sum, p) { return sum + p.rest + p.seconds; }, 0);
    this.index = 0;
    this.left = 0;          // seconds left in the current part
    this.resting = false;   // in the short "get ready" pause before a phase
    this.timer = null;
    this.wakeLock = null;
    this.build();
    this.show(true);
  }

  Player.prototype.build = function () {
    var L = this.labels;
    var id = "player-" + this.root.dataset.routine;
    var box = element("section", { "class": "routine-player", "aria-labelledby": id + "-title", "tabindex": "-1" });
    box.appendChild(element("h2", { id: id + "-title", "class": "routine-player__title" }, L.player));
    var stage = element("div", { "class": "routine-player__stage" });
    this.figure = element("div", { "class": "routine-player__figure" });
    var info = element("div", { "class": "routine-player__info" });
    // The one status line: shown, and read out by screen readers when it changes.
    this.now = element("p", { "class": "routine-player__now", role: "status", "aria-live": "polite" });
    this.clock = element("p", { "class": "routine-player__clock", "aria-hidden": "true" });
    this.bar = element("div", { "class": "routine-player__bar", role: "progressbar", "aria-label": L.progress,
                                "aria-valuemin": "0", "aria-valuemax": String(this.total), "aria-valuenow": "0" });
    this.fillBar = element("div", { "class": "routine-player__fill" });
    this.bar.appendChild(this.fillBar);
    this.how = element("ol", { "class": "routine-player__how" });
    [this.now, this.clock, this.bar, this.how].forEach(function (el) { info.appendChild(el); });
    stage.appendChild(this.figure);
    stage.appendChild(info);
    this.done = element("div", { "class": "routine-player__done", hidden: "" });
    this.done.appendChild(element("p", { "class": "routine-player__done-title" }, L.finished_title));
    this.done.appendChild(element("p", {}, L.finished_text));
    var buttons = element("div", { "class": "routine-player__buttons", role: "group", "aria-label": L.controls });
    this.back = element("button", { type: "button", "class": "md-button" }, L.back);
    this.play = element("button", { type: "button", "class": "md-button md-button--primary", "aria-pressed": "false" }, L.start);
    this.next = element("button", { type: "button", "class": "md-button" }, L.next);
    [this.back, this.play, this.next].forEach(function (b) { buttons.appendChild(b); });
    var options = element("div", { "class": "routine-player__options" });
    this.speak = this.toggle(options, id + "-speak", L.speak);
    this.chime = this.toggle(options, id + "-chime", L.chime);
    if (!("speechSynthesis" in window)) this.speak.disabled = true;
    [stage, this.done, buttons, options].forEach(function (el) { box.appendChild(el); });
    this.box = box;
    this.root.insertBefore(box, this.root.querySelector(".routine-steps"));

    var self = this;
    this.play.addEventListener("click", function () {
      if (self.finished) self.restart();
      else if (self.running()) self.pause();
      else self.start();
    });
    this.next.addEventListener("click", function () { self.go(self.index + 1); });
    this.back.addEventListener("click", function () { self.go(self.index - 1); });
    box.addEventListener("keydown", function (event) {
      if (event.target.tagName === "BUTTON" || event.target.tagName === "INPUT") {
        if (event.key === " " || event.key === "Enter") return;  // native activation
      }
      if (event.key === " ") { event.preventDefault(); self.play.click(); }
      if (event.key === "ArrowRight") { event.preventDefault(); self.next.click(); }
      if (event.key === "ArrowLeft") { event.preventDefault(); self.back.click(); }
    });
  };

  Player.prototype.toggle = function (parent, id, label) {
    var wrap = element("label", { "for": id });
    var box = element("input", { type: "checkbox", id: id });
    wrap.appendChild(box);
    wrap.appendChild(document.createTextNode(" " + label));
    parent.appendChild(wrap);
    return box;
  };

  Player.prototype.running = function () { return this.timer !== null; };

  Player.prototype.describe = function (phase) {
    return fill(this.labels.step, { n: phase.step, total: phase.steps }) + ": " + phase.name +
      (phase.side ? ", " + phase.side : "") + ", " + phase.amount + "." + (phase.note ? " " + phase.note : "");
  };

  /** Seconds of the whole routine already behind the reader, for the progress bar. */
  Player.prototype.elapsed = function () {
    var before = 0;
    for (var i = 0; i < this.index; i++) before += this.phases[i].rest + this.phases[i].seconds;
    var phase = this.phases[this.index];
    if (!this.running() && !this.left) return before;
    return this.resting ? before + phase.rest - this.left : before + phase.rest + phase.seconds - this.left;
  };

  Player.prototype.progress = function () {
    var done = this.finished ? this.total : this.elapsed();
    this.bar.setAttribute("aria-valuenow", String(done));
    this.fillBar.style.width = (this.total ? 100 * done / this.total : 0) + "%";
  };

  /** Show the current phase; `quiet` skips speaking it (first render). */
  Player.prototype.show = function (quiet) {
    var phase = this.phases[this.index];
    if (!phase) return;
    var text = (this.resting ? this.labels.ready + ": " : "") + this.describe(phase);
    this.now.textContent = text;
    this.clock.textContent = (this.running() || this.left ? this.left : phase.seconds) + " s";
    this.back.disabled = this.index === 0;
    this.next.disabled = this.index >= this.phases.length - 1;
    if (this.shownItem !== phase.item) {
      if (this.shownItem) { this.shownItem.classList.remove("routine-step--current"); this.shownItem.removeAttribute("aria-current"); }
      phase.item.classList.add("routine-step--current");
      phase.item.setAttribute("aria-current", "step");
      this.figure.textContent = "";
      var picture = drawing(phase.item);
      if (picture) this.figure.appendChild(picture);
      this.how.textContent = "";
      phase.item.querySelectorAll(".routine-step__how > li").forEach(function (li) {
        this.how.appendChild(element("li", {}, li.textContent));
      }, this);
      this.shownItem = phase.item;
    }
    this.progress();
    if (!quiet) this.say(text);
  };

  Player.prototype.say = function (text) {
    if (this.speak.checked && window.speechSynthesis) {
      window.speechSynthesis.cancel();
      var utterance = new SpeechSynthesisUtterance(text);
      var lang = document.documentElement.lang || "en";
      utterance.lang = lang;
      // A voice in the page's language when the device has one (a Spanish page is read in Spanish).
      var voice = window.speechSynthesis.getVoices().filter(function (v) {
        return v.lang.toLowerCase().split("-")[0] === lang.toLowerCase().split("-")[0];
      })[0];
      if (voice) utterance.voice = voice;
      window.speechSynthesis.speak(utterance);
    }
  };

  Player.prototype.announce = function (text) {
    this.now.textContent = text;
    this.say(text);
  };

  Player.prototype.beep = function () {
    if (!this.chime.checked) return;
    var Ctx = window.AudioContext || window.webkitAudioContext;
    if (!Ctx) return;
    this.audio = this.audio || new Ctx();
    var osc = this.audio.createOscillator(), gain = this.audio.createGain();
    osc.frequency.value = 660;
    gain.gain.value = 0.1;
    osc.connect(gain).connect(this.audio.destination);
    osc.start();
    osc.stop(this.audio.currentTime + 0.2);
  };

  Player.prototype.enter = function (index) {
    this.index = index;
    var phase = this.phases[index];
    this.resting = phase.rest > 0;
    this.left = this.resting ? phase.rest : phase.seconds;
    this.beep();
    this.show(false);
  };

  Player.prototype.go = function (index) {
    if (index < 0 || index >= this.phases.length) return;
    if (this.finished) this.unfinish();
    this.enter(index);
    if (!this.running()) { this.resting = false; this.left = this.phases[index].seconds; this.show(true); }
  };

  Player.prototype.start = function () {
    var self = this;
    if (!this.left) this.enter(this.index); else this.show(false);
    this.play.textContent = this.labels.pause;
    this.play.setAttribute("aria-pressed", "true");
    this.timer = window.setInterval(function () { self.tick(); }, window.routinePlayerTickMs || 1000);
    if (navigator.wakeLock && navigator.wakeLock.request) {
      navigator.wakeLock.request("screen").then(function (lock) { self.wakeLock = lock; }, function () {});
    }
  };

  /** Stop the clock, the voice and the wake lock; `quiet` when the reader has left the page. */
  Player.prototype.stop = function (quiet) {
    window.clearInterval(this.timer);
    this.timer = null;
    if (window.speechSynthesis) window.speechSynthesis.cancel();
    if (this.wakeLock) { this.wakeLock.release().catch(function () {}); this.wakeLock = null; }
    if (this.audio && this.audio.close) { this.audio.close().catch(function () {}); this.audio = null; }
    if (!quiet) {
      this.play.textContent = this.left ? this.labels.resume : this.labels.start;
      this.play.setAttribute("aria-pressed", "false");
    }
  };

  Player.prototype.pause = function () {
    this.stop(false);
    this.announce(this.labels.paused);
  };

  Player.prototype.tick = function () {
    this.left -= 1;
    this.progress();
    if (this.left > 0) { this.clock.textContent = this.left + " s"; return; }
    if (this.resting) {
      this.resting = false;
      this.left = this.phases[this.index].seconds;
      this.beep();
      this.show(false);
      return;
    }
    if (this.index < this.phases.length - 1) { this.enter(this.index + 1); return; }
    this.finish();
  };

  Player.prototype.finish = function () {
    this.left = 0;
    this.stop(false);
    this.finished = true;
    this.box.classList.add("routine-player--done");
    this.done.hidden = false;
    this.clock.textContent = "";
    this.play.textContent = this.labels.again;
    if (this.shownItem) { this.shownItem.classList.remove("routine-step--current"); this.shownItem.removeAttribute("aria-current"); }
    this.shownItem = null;
    this.progress();
    this.announce(this.labels.finished);
    this.root.dataset.finished = "true";
  };

  Player.prototype.unfinish = function () {
    this.finished = false;
    this.box.classList.remove("routine-player--done");
    this.done.hidden = true;
    delete this.root.dataset.finished;
  };

  Player.prototype.restart = function () {
    this.unfinish();
    this.index = 0;
    this.left = 0;
    this.start();
  };

  /** Players of pages the reader has left (instant navigation swaps the page) stop at once. */
  function stopDeparted() {
    players = players.filter(function (player) {
      if (document.contains(player.root)) return true;
      player.stop(true);
      return false;
    });
  }

  function init() {
    stopDeparted();
    document.querySelectorAll("[data-routine]").forEach(function (root) {
      if (!root.dataset.player) { root.dataset.player = "ready"; players.push(new Player(root)); }
    });
  }

  // Material's instant navigation swaps pages without reloading: run on each new page, and stop
  // the old page's player. The offline copy (file://) has no instant navigation, so also run on load.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  window.addEventListener("pagehide", function () { players.forEach(function (p) { p.stop(true); }); });
})();
