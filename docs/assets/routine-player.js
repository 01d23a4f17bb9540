/* Routine player: turns each routine list ([data-routine]) into a guided timer.
 *
 * The list itself is built from data/routines.yml and stays readable without JavaScript.
 * Here we add start / pause / back / next, a countdown, left and right sides, progress,
 * optional spoken cues (the browser's own speech synthesis, off by default) and an optional
 * chime, and we keep the screen awake while it runs where the browser allows. No network,
 * no third-party code. Tests may speed the clock with window.routinePlayerTickMs.
 */
(function () {
  "use strict";

  /** The phases a routine runs through: each step (twice for "each" side), with a short rest before. */
  function phases(root) {
    var rest = Number(root.dataset.restSeconds || 10);
    var items = Array.prototype.slice.call(root.querySelectorAll("li[data-exercise]"));
    var list = [];
    items.forEach(function (li, index) {
      var sides = li.dataset.sides === "each" ? ["left side", "right side"] : [""];
      sides.forEach(function (side, sideIndex) {
        var reps = li.dataset.reps ? Number(li.dataset.reps) : 0;
        var amount = reps ? reps + " repetitions" : li.dataset.seconds + " seconds";
        list.push({
          step: index + 1,
          steps: items.length,
          name: li.dataset.name,
          side: side,
          amount: amount,
          note: sideIndex === 0 ? li.dataset.note || "" : "",
          seconds: Number(li.dataset.seconds),
          rest: list.length === 0 ? 0 : rest
        });
      });
    });
    return list;
  }

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text) el.textContent = text;
    return el;
  }

  function Player(root) {
    this.root = root;
    this.phases = phases(root);
    this.index = 0;
    this.left = 0;          // seconds left in the current part
    this.resting = false;   // in the short "get ready" pause before a phase
    this.timer = null;
    this.wakeLock = null;
    this.build();
    this.show(true);
  }

  Player.prototype.build = function () {
    var id = "player-" + this.root.dataset.routine;
    var box = element("section", { "class": "routine-player", "aria-labelledby": id + "-title", "tabindex": "-1" });
    box.appendChild(element("h2", { id: id + "-title", "class": "routine-player__title" }, "Routine player"));
    this.now = element("p", { "class": "routine-player__now" });
    this.clock = element("p", { "class": "routine-player__clock", "aria-hidden": "true" });
    this.progress = element("progress", { max: String(this.phases.length), value: "0", "aria-label": "Progress through the routine" });
    this.live = element("p", { "class": "routine-player__live", "aria-live": "polite", "role": "status" });
    var buttons = element("div", { "class": "routine-player__buttons", role: "group", "aria-label": "Routine controls" });
    this.back = element("button", { type: "button", "class": "md-button" }, "Back");
    this.play = element("button", { type: "button", "class": "md-button md-button--primary", "aria-pressed": "false" }, "Start");
    this.next = element("button", { type: "button", "class": "md-button" }, "Next");
    [this.back, this.play, this.next].forEach(function (b) { buttons.appendChild(b); });
    var options = element("div", { "class": "routine-player__options" });
    this.speak = this.toggle(options, id + "-speak", "Spoken cues");
    this.chime = this.toggle(options, id + "-chime", "Chime between steps");
    if (!("speechSynthesis" in window)) this.speak.disabled = true;
    [this.now, this.clock, this.progress, buttons, options, this.live].forEach(function (el) { box.appendChild(el); });
    this.root.insertBefore(box, this.root.firstChild);

    var self = this;
    this.play.addEventListener("click", function () { self.running() ? self.pause() : self.start(); });
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
    return "Step " + phase.step + " of " + phase.steps + ": " + phase.name +
      (phase.side ? ", " + phase.side : "") + ", " + phase.amount + "." + (phase.note ? " " + phase.note : "");
  };

  /** Show the current phase; `quiet` skips the announcement (first render). */
  Player.prototype.show = function (quiet) {
    var phase = this.phases[this.index];
    if (!phase) return;
    this.now.textContent = this.resting ? "Get ready: " + this.describe(phase) : this.describe(phase);
    this.clock.textContent = this.running() || this.left ? this.left + " s" : phase.seconds + " s";
    this.progress.value = this.index;
    this.back.disabled = this.index === 0;
    this.next.disabled = this.index >= this.phases.length - 1;
    if (!quiet) this.announce(this.now.textContent);
  };

  Player.prototype.announce = function (text) {
    this.live.textContent = text;
    if (this.speak.checked && window.speechSynthesis) {
      window.speechSynthesis.cancel();
      window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
    }
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
    this.enter(index);
    if (!this.running()) this.resting = false, this.left = this.phases[index].seconds, this.show(true);
  };

  Player.prototype.start = function () {
    var self = this;
    if (!this.left) this.enter(this.index); else this.show(false);
    this.play.textContent = "Pause";
    this.play.setAttribute("aria-pressed", "true");
    this.timer = window.setInterval(function () { self.tick(); }, window.routinePlayerTickMs || 1000);
    if (navigator.wakeLock && navigator.wakeLock.request) {
      navigator.wakeLock.request("screen").then(function (lock) { self.wakeLock = lock; }, function () {});
    }
  };

  Player.prototype.pause = function () {
    window.clearInterval(this.timer);
    this.timer = null;
    this.play.textContent = "Start";
    this.play.setAttribute("aria-pressed", "false");
    if (this.wakeLock) this.wakeLock.release().catch(function () {}), this.wakeLock = null;
    this.announce("Paused.");
  };

  Player.prototype.tick = function () {
    this.left -= 1;
    if (this.left > 0) { this.clock.textContent = this.left + " s"; return; }
    if (this.resting) {
      this.resting = false;
      this.left = this.phases[this.index].seconds;
      this.beep();
      this.show(false);
      return;
    }
    if (this.index < this.phases.length - 1) { this.enter(this.index + 1); return; }
    this.pause();
    this.progress.value = this.phases.length;
    this.left = 0;
    this.announce("Routine finished. Well done.");
    this.root.dataset.finished = "true";
  };

  function init() {
    document.querySelectorAll("[data-routine]").forEach(function (root) {
      if (!root.dataset.player) { root.dataset.player = "ready"; new Player(root); }
    });
  }

  // Material's instant navigation swaps pages without reloading: re-run on each new page.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
