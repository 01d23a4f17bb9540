/* Quiz ("Test yourself"): turns the questions written by macros/templates/quiz.html into a
 * quiz that checks answers and keeps a simple review schedule on the reader's device.
 *
 * Without JavaScript every question shows with its options and a "Show the answer" box. Here
 * we add a "Check my answer" button to each question, feedback (right or wrong, the reason and
 * a link to where the site explains it, all copied as text from the answer box), a topic
 * filter, a one-question-at-a-time mode, progress, and a reset with a confirm step.
 *
 * Review schedule (Leitner boxes): a new question starts in box 1. A right answer moves it up
 * one box, a wrong one back to box 1, and the box sets when it is due again (INTERVALS, in
 * days). "One at a time" asks due questions first, then new ones.
 *
 * Storage: one localStorage key (KEY) holding JSON {version, cards, settings}; cards maps a
 * question's data-question id to {box, due (a day number), right, wrong, last}. A different
 * version is ignored and replaced. Nothing leaves the browser.
 *
 * Words shown come from the quiz's data-labels (translated with the page) and go into the page
 * with textContent only. No network, no third-party code.
 */
(function () {
  "use strict";

  var fill = window.siteDom.fill;
  var element = window.siteDom.element;

  var KEY = "iliopsoas-quiz";
  var VERSION = 1;
  var INTERVALS = [0, 1, 3, 7, 14]; // days until due again, for boxes 1 to 5
  var DAY = 86400000;

  function today() {
    var now = new Date();
    return Math.floor((now.getTime() - now.getTimezoneOffset() * 60000) / DAY);
  }

  function own(object, key) {
    return Object.prototype.hasOwnProperty.call(object, key);
  }

  /* ------------------------------------------------------------ storage */

  function fresh() {
    return { version: VERSION, cards: {}, settings: { topic: "", mode: "all" } };
  }

  var storage = {
    works: true,
    load: function () {
      var raw = null;
      try {
        raw = window.localStorage.getItem(KEY);
      } catch (e) {
        this.works = false;
        return fresh();
      }
      try {
        var state = raw ? JSON.parse(raw) : null;
        if (state && state.version === VERSION && state.cards && typeof state.cards === "object") {
          state.settings = state.settings && typeof state.settings === "object" ? state.settings : fresh().settings;
          return state;
        }
      } catch (e) { /* unreadable: start again */ }
      return fresh();
    },
    save: function (state) {
      try {
        window.localStorage.setItem(KEY, JSON.stringify(state));
        this.works = true;
      } catch (e) {
        this.works = false;
      }
    },
    clear: function () {
      try { window.localStorage.removeItem(KEY); } catch (e) { this.works = false; }
    }
  };

  /* ------------------------------------------------------------ the quiz */

  function Quiz(root) {
    this.root = root;
    this.labels = JSON.parse(root.dataset.labels || "{}");
    this.state = storage.load();
    this.items = Array.prototype.slice.call(root.querySelectorAll("[data-question]"));
    this.sets = Array.prototype.slice.call(root.querySelectorAll("[data-quiz-set]"));
    this.status = root.querySelector("[data-quiz-status]");
    this.nextBox = root.querySelector(".quiz-next");
    this.current = null;
    this.items.forEach(this.enhance, this);
    this.controls();
    this.show(this.state.settings.topic || "", this.state.settings.mode || "all", false);
    this.progress();
    if (!storage.works) this.say(this.labels.no_storage);
    this.reveal();
  }

  Quiz.prototype.card = function (id) {
    return own(this.state.cards, id) ? this.state.cards[id] : null;
  };

  Quiz.prototype.say = function (text) {
    if (this.status) this.status.textContent = text || "";
  };

  Quiz.prototype.when = function (due) {
    var days = due - today();
    if (days <= 0) return this.labels.today;
    if (days === 1) return this.labels.tomorrow;
    return fill(this.labels.in_days, { n: days });
  };

  /** Give one question its Check button, feedback area and schedule note. */
  Quiz.prototype.enhance = function (item) {
    var self = this;
    var details = item.querySelector("details.quiz-answer");
    if (details) details.hidden = true; // the feedback says it all after an answer
    var actions = element("p", { class: "quiz-question__actions" });
    var check = element("button", { type: "button", class: "md-button md-button--primary quiz-check" }, this.labels.check);
    check.addEventListener("click", function () { self.check(item); });
    actions.appendChild(check);
    var feedback = element("div", { class: "quiz-feedback", role: "status", tabindex: "-1" });
    var note = element("p", { class: "quiz-question__when" });
    item.appendChild(actions);
    item.appendChild(feedback);
    item.appendChild(note);
    item.querySelectorAll("input[type=radio]").forEach(function (input) {
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault();
          self.check(item);
        }
      });
    });
    this.noteFor(item);
  };

  Quiz.prototype.noteFor = function (item) {
    var note = item.querySelector(".quiz-question__when");
    var card = this.card(item.dataset.question);
    note.textContent = card ? fill(this.labels.next_review, { when: this.when(card.due) }) : "";
  };

  Quiz.prototype.answerOf = function (item) {
    var answer = item.querySelector(".quiz-answer__text");
    var reason = item.querySelector(".quiz-answer__reason");
    var link = item.querySelector("a.quiz-answer__link");
    return {
      text: answer ? answer.textContent.trim() : "",
      reason: reason ? reason.textContent.trim() : "",
      href: link ? link.getAttribute("href") : "",
      linkText: link ? link.textContent.trim() : ""
    };
  };

  Quiz.prototype.check = function (item) {
    var chosen = item.querySelector("input[type=radio]:checked");
    var feedback = item.querySelector(".quiz-feedback");
    if (item.dataset.checked) return;
    if (!chosen) {
      feedback.textContent = "";
      feedback.appendChild(element("p", { class: "quiz-feedback__verdict" }, this.labels.pick));
      return;
    }
    var right = Number(chosen.value) === Number(item.dataset.answer);
    var id = item.dataset.question;
    var card = this.card(id) || { box: 1, due: today(), right: 0, wrong: 0, last: "" };
    card.box = right ? Math.min(card.box + 1, INTERVALS.length) : 1;
    card.due = today() + INTERVALS[card.box - 1];
    card[right ? "right" : "wrong"] += 1;
    card.last = right ? "right" : "wrong";
    this.state.cards[id] = card;
    storage.save(this.state);

    item.dataset.checked = right ? "right" : "wrong";
    item.querySelectorAll("input[type=radio]").forEach(function (input) {
      input.disabled = true;
      var label = input.closest("label");
      if (Number(input.value) === Number(item.dataset.answer)) label.classList.add("quiz-option--right");
      else if (input === chosen) label.classList.add("quiz-option--wrong");
    });
    item.querySelector(".quiz-check").hidden = true;

    var answer = this.answerOf(item);
    feedback.textContent = "";
    feedback.classList.toggle("quiz-feedback--right", right);
    feedback.classList.toggle("quiz-feedback--wrong", !right);
    feedback.appendChild(
      element("p", { class: "quiz-feedback__verdict" }, right ? this.labels.right : fill(this.labels.wrong, { answer: answer.text }))
    );
    if (answer.reason) feedback.appendChild(element("p", { class: "quiz-feedback__reason" }, answer.reason));
    if (answer.href) {
      var more = element("p");
      more.appendChild(element("a", { href: answer.href }, answer.linkText));
      feedback.appendChild(more);
    }
    this.noteFor(item);
    this.progress();
    feedback.focus();
  };

  /** Put a question back to unanswered (to ask it again). */
  Quiz.prototype.reset = function (item) {
    delete item.dataset.checked;
    item.querySelectorAll("input[type=radio]").forEach(function (input) {
      input.disabled = false;
      input.checked = false;
      input.closest("label").classList.remove("quiz-option--right", "quiz-option--wrong");
    });
    var feedback = item.querySelector(".quiz-feedback");
    feedback.textContent = "";
    feedback.classList.remove("quiz-feedback--right", "quiz-feedback--wrong");
    item.querySelector(".quiz-check").hidden = false;
    this.noteFor(item);
  };

  Quiz.prototype.progress = function () {
    var self = this;
    var now = today();
    var answered = 0;
    var right = 0;
    var due = 0;
    this.items.forEach(function (item) {
      var card = self.card(item.dataset.question);
      if (!card) return;
      answered += 1;
      if (card.last === "right") right += 1;
      if (card.due <= now) due += 1;
    });
    var text = this.root.querySelector("[data-quiz-progress]");
    if (text) text.textContent = fill(this.labels.progress, { answered: answered, total: this.items.length, right: right, due: due });
    var meter = this.root.querySelector("[data-quiz-meter]");
    if (meter) meter.value = answered;
  };

  /* ------------------------------------------------------------ what shows */

  Quiz.prototype.inTopic = function (item) {
    var topic = this.topic;
    return !topic || item.closest("[data-quiz-set]").dataset.quizSet === topic;
  };

  /** The next question to ask: due ones (oldest first), then new ones in page order. */
  Quiz.prototype.pick = function () {
    var self = this;
    var now = today();
    var pool = this.items.filter(function (item) { return self.inTopic(item) && item !== self.current; });
    var byDue = function (a, b) { return self.card(a.dataset.question).due - self.card(b.dataset.question).due; };
    var due = pool.filter(function (item) {
      var card = self.card(item.dataset.question);
      return card && card.due <= now;
    }).sort(byDue);
    if (due.length) return { item: due[0] };
    var unseen = pool.filter(function (item) { return !self.card(item.dataset.question); });
    if (unseen.length) return { item: unseen[0] };
    var later = pool.sort(byDue);
    var first = later[0] || this.current;
    var card = first && this.card(first.dataset.question);
    return { item: first, done: true, when: card ? this.when(card.due) : this.labels.today };
  };

  /** Show one topic (or all, "") in a mode ("all" or "one"); `remember` saves the choice. */
  Quiz.prototype.show = function (topic, mode, remember) {
    var self = this;
    this.topic = topic;
    this.mode = mode === "one" ? "one" : "all";
    this.state.settings = { topic: topic, mode: this.mode };
    if (remember) storage.save(this.state);
    this.root.querySelectorAll("[data-quiz-topic]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.quizTopic === topic));
    });
    this.root.querySelectorAll("[data-quiz-mode]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.dataset.quizMode === self.mode));
    });
    if (this.mode === "one") {
      if (!this.current || !this.inTopic(this.current)) this.current = null;
      if (!this.current) this.ask(this.pick(), false);
    } else {
      this.current = null;
    }
    this.layout();
  };

  Quiz.prototype.layout = function () {
    var self = this;
    var one = this.mode === "one";
    this.sets.forEach(function (set) {
      var inTopic = !self.topic || set.dataset.quizSet === self.topic;
      set.hidden = !inTopic || (one && self.current && !set.contains(self.current));
    });
    this.items.forEach(function (item) {
      item.hidden = one && item !== self.current;
    });
    this.nextBox.hidden = !one;
  };

  Quiz.prototype.ask = function (choice, focus) {
    this.say(choice.done ? fill(this.labels.all_done, { when: choice.when }) : "");
    this.current = choice.item;
    if (!this.current) return;
    if (this.current.dataset.checked) this.reset(this.current);
    this.layout();
    if (focus) {
      var first = this.current.querySelector("input[type=radio]");
      if (first) first.focus();
    }
  };

  Quiz.prototype.controls = function () {
    var self = this;
    var bar = this.root.querySelector("[data-quiz-bar]");
    if (bar) bar.hidden = false;
    this.root.querySelectorAll("[data-quiz-topic]").forEach(function (button) {
      button.addEventListener("click", function () { self.say(""); self.show(button.dataset.quizTopic, self.mode, true); });
    });
    this.root.querySelectorAll("[data-quiz-mode]").forEach(function (button) {
      button.addEventListener("click", function () { self.say(""); self.show(self.topic, button.dataset.quizMode, true); });
    });
    var next = this.root.querySelector("[data-quiz-next]");
    if (next) next.addEventListener("click", function () { self.ask(self.pick(), true); });

    var resetBox = this.root.querySelector("[data-quiz-reset-box]");
    var reset = this.root.querySelector("[data-quiz-reset]");
    var confirm = this.root.querySelector("[data-quiz-confirm]");
    var yes = this.root.querySelector("[data-quiz-reset-yes]");
    var no = this.root.querySelector("[data-quiz-reset-no]");
    if (resetBox) resetBox.hidden = false;
    if (reset && confirm) {
      reset.addEventListener("click", function () {
        confirm.hidden = false;
        reset.setAttribute("aria-expanded", "true");
        yes.focus();
      });
      no.addEventListener("click", function () {
        confirm.hidden = true;
        reset.setAttribute("aria-expanded", "false");
        reset.focus();
      });
      yes.addEventListener("click", function () {
        var settings = self.state.settings;
        storage.clear();
        self.state = fresh();
        self.state.settings = settings;
        self.items.forEach(function (item) { self.reset(item); });
        self.current = null;
        confirm.hidden = true;
        reset.setAttribute("aria-expanded", "false");
        self.show(self.topic, self.mode, false);
        self.progress();
        self.say(self.labels.reset_done);
        reset.focus();
      });
    }
  };

  Quiz.prototype.reveal = function () {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target || !this.root.contains(target) || target.offsetParent !== null) return;
    var item = target.closest("[data-question]");
    if (item && this.mode === "one") {
      this.current = item;
      this.show("", "one", false);
    } else {
      this.show("", "all", false);
    }
    target.scrollIntoView();
  };

  var active = null; // the quiz on the current page (instant navigation swaps pages)

  function init() {
    document.querySelectorAll("[data-quiz]").forEach(function (root) {
      if (!root.dataset.ready) {
        root.dataset.ready = "true";
        active = new Quiz(root);
      }
    });
  }

  // A link to a section or question the filter hides (the table of contents): show it.
  window.addEventListener("hashchange", function () {
    if (active && document.body.contains(active.root)) active.reveal();
  });

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
