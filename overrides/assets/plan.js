/* My plan ([data-plan-builder], macros/templates/plan_builder.html).
 *
 * The page already holds every exercise card and routine the sheet can show, hidden. This
 * script shows the chosen ones in the order they were chosen, keeps the address in step
 * (plan/?ex=glute-bridge,clamshell&routine=desk-break) so a link reopens the same plan, copies
 * that link, dates the sheet for printing, and saves a calendar file (.ics, RFC 5545) built in
 * the browser from each card's data-calendar. An optional session log lives in localStorage
 * and never leaves the device. Words shown come from data-labels; text is only ever set with
 * textContent. No request leaves the page.
 */
(function () {
  "use strict";

  var fill = window.siteDom.fill;

  var LOG_KEY = "iliopsoas-plan-log";

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function isoDate(date) {
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function each(root, selector, fn) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), fn);
  }

  // ------------------------------------------------------------------ calendar file (RFC 5545)

  var CODES = ["SU", "MO", "TU", "WE", "TH", "FR", "SA"];  // Date.getDay() order

  /** TEXT values: backslash, semicolon, comma and line breaks escaped (RFC 5545 3.3.11). */
  function escapeText(text) {
    return String(text).replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,")
      .replace(/\r\n|\r|\n/g, "\\n");
  }

  /** Lines longer than 75 octets are folded: CRLF then a space, never inside a character (3.1). */
  function fold(line) {
    var encoder = new TextEncoder();
    var parts = [], current = "", octets = 0;
    Array.from(line).forEach(function (ch) {
      var size = encoder.encode(ch).length;
      if (octets + size > 75) { parts.push(current); current = " "; octets = 1; }
      current += ch;
      octets += size;
    });
    parts.push(current);
    return parts.join("\r\n");
  }

  function stamp(date) {  // UTC, for DTSTAMP
    return date.toISOString().replace(/[-:]/g, "").replace(/\.\d+/, "");
  }

  function local(date, time) {  // floating local time: no zone, no Z
    return date.getFullYear() + pad(date.getMonth() + 1) + pad(date.getDate()) + "T" + time.replace(":", "") + "00";
  }

  /** The first day from today that is one of `days` (BYDAY codes). */
  function firstDay(days, today) {
    for (var i = 0; i < 7; i++) {
      var date = new Date(today.getFullYear(), today.getMonth(), today.getDate() + i);
      if (days.indexOf(CODES[date.getDay()]) >= 0) return date;
    }
    return today;
  }

  function calendarFile(items, options) {
    var now = new Date();
    var lang = (document.documentElement.lang || "en").toUpperCase();
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//" + escapeText(options.siteName) + "//plan//" + lang,
                 "CALSCALE:GREGORIAN", "METHOD:PUBLISH"];
    items.forEach(function (item) {
      var info = JSON.parse(item.dataset.calendar);
      var start = firstDay(info.days, now);
      var text = info.lines.concat([options.address]).join("\n");
      lines.push(
        "BEGIN:VEVENT",
        "UID:plan-" + item.dataset.planItem + "-" + item.dataset.id + "@" + options.domain,
        "DTSTAMP:" + stamp(now),
        "DTSTART:" + local(start, options.time),
        "DURATION:PT" + Number(info.minutes) + "M",
        "RRULE:FREQ=WEEKLY;BYDAY=" + info.days.join(","),
        "SUMMARY:" + escapeText(info.summary),
        "DESCRIPTION:" + escapeText(text),
        "URL:" + options.address,
        "BEGIN:VALARM", "ACTION:DISPLAY", "DESCRIPTION:" + escapeText(info.summary), "TRIGGER:PT0M", "END:VALARM",
        "END:VEVENT"
      );
    });
    lines.push("END:VCALENDAR");
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    window.setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  /** Today's date on the sheet, in the reader's own language and calendar. */
  function dateSheet(root) {
    var now = new Date();
    var time = root.querySelector("[data-plan-date]");
    time.dateTime = isoDate(now);
    time.textContent = now.toLocaleDateString(undefined, { year: "numeric", month: "long", day: "numeric" });
    root.querySelector("[data-plan-dated]").hidden = false;
  }

  // ------------------------------------------------------------------ the builder

  function Plan(root) {
    this.root = root;
    this.labels = JSON.parse(root.dataset.labels || "{}");
    this.items = {};
    each(root, "[data-plan-item]", function (el) { this.items[el.dataset.planItem + ":" + el.dataset.id] = el; }.bind(this));
    this.picks = Array.prototype.slice.call(root.querySelectorAll("[data-plan-pick]"));
    this.list = root.querySelector("[data-plan-items]");
    this.status = root.querySelector("[data-plan-status]");
    this.exercises = [];  // chosen ids, in the order chosen
    this.routine = "";
    root.querySelector(".plan-nojs").hidden = true;
    this.readAddress();
    this.wire();
    this.show();
    this.dateSheet();
    this.log = new Log(this);
  }

  /** Choices from ?ex=a,b&routine=c; ids the page does not have are left out, with a notice. */
  Plan.prototype.readAddress = function () {
    var params = new URLSearchParams(window.location.search);
    var unknown = [];
    var self = this;
    (params.get("ex") || "").split(",").forEach(function (id) {
      id = id.trim();
      if (!id || self.exercises.indexOf(id) >= 0) return;
      if (self.items["exercise:" + id]) self.exercises.push(id); else unknown.push(id);
    });
    var routine = (params.get("routine") || "").trim();
    if (routine && this.items["routine:" + routine]) this.routine = routine;
    else if (routine) unknown.push(routine);
    var notice = this.root.querySelector("[data-plan-notice]");
    if (unknown.length) {
      notice.textContent = fill(this.labels.unknown, { ids: unknown.join(", ") });
      notice.hidden = false;
    }
    this.picks.forEach(function (input) {
      if (input.dataset.planPick === "exercise") input.checked = self.exercises.indexOf(input.value) >= 0;
      else input.checked = input.value === self.routine;
    });
  };

  Plan.prototype.wire = function () {
    var self = this;
    this.picks.forEach(function (input) {
      input.addEventListener("change", function () {
        if (input.dataset.planPick === "routine") {
          if (input.checked) self.routine = input.value;
        } else {
          self.exercises = self.exercises.filter(function (id) { return id !== input.value; });
          if (input.checked) self.exercises.push(input.value);
        }
        self.show();
        self.writeAddress();
      });
    });
    var actions = {
      print: function () { self.dateSheet(); window.print(); },
      copy: function () { self.copy(); },
      calendar: function () { self.calendar(); }
    };
    each(this.root, "[data-plan-action]", function (button) {
      var act = actions[button.dataset.planAction];
      if (act) button.addEventListener("click", act);
    });
  };

  /** The chosen elements, routine first, exercises in the order chosen. */
  Plan.prototype.chosen = function () {
    var list = this.routine ? [this.items["routine:" + this.routine]] : [];
    return list.concat(this.exercises.map(function (id) { return this.items["exercise:" + id]; }, this));
  };

  Plan.prototype.show = function () {
    var chosen = this.chosen();
    Object.keys(this.items).forEach(function (key) { this.items[key].hidden = chosen.indexOf(this.items[key]) < 0; }, this);
    chosen.forEach(function (el) { this.list.appendChild(el); }, this);  // moves it to the end, in order
    this.root.querySelector("[data-plan-empty]").hidden = chosen.length > 0;
    this.root.querySelector("[data-plan-address]").textContent = this.address();
  };

  Plan.prototype.query = function () {
    var parts = [];
    if (this.exercises.length) parts.push("ex=" + this.exercises.map(encodeURIComponent).join(","));
    if (this.routine) parts.push("routine=" + encodeURIComponent(this.routine));
    return parts.length ? "?" + parts.join("&") : "";
  };

  Plan.prototype.address = function () {
    // Not location.origin: it is "null" in the offline copy (file://).
    return window.location.href.split("#")[0].split("?")[0] + this.query();
  };

  Plan.prototype.writeAddress = function () {
    var url = window.location.pathname + this.query() + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
    var field = this.root.querySelector("#plan-link-text");
    if (field) field.value = this.address();
  };

  /** A message in a status line (read out by screen readers); emptied first so a repeat is read again. */
  function say(status, text) {
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  Plan.prototype.say = function (text) { say(this.status, text); };

  Plan.prototype.copy = function () {
    var self = this, address = this.address();
    var box = this.root.querySelector("[data-plan-link]");
    var field = box.querySelector("input");
    function byHand() {
      field.value = address;
      box.hidden = false;
      field.focus();
      field.select();
      self.say(self.labels.copy_by_hand);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(address).then(function () { self.say(self.labels.copied); }, byHand);
    } else {
      byHand();
    }
  };

  Plan.prototype.dateSheet = function () { dateSheet(this.root); };

  Plan.prototype.calendar = function () {
    var chosen = this.chosen();
    if (!chosen.length) { this.say(this.labels.ics_empty); return; }
    var time = this.root.querySelector("#plan-time").value;
    if (!/^\d\d:\d\d$/.test(time)) time = "18:00";
    var text = calendarFile(chosen, {
      siteName: this.root.dataset.siteName,
      domain: this.root.dataset.domain,
      address: this.address(),
      time: time
    });
    download(this.labels.ics_file, "text/calendar;charset=utf-8", text);
    this.say(this.labels.ics_done);
  };

  // ------------------------------------------------------------------ the private log

  function Log(plan) {
    this.plan = plan;
    this.root = plan.root.querySelector("[data-plan-log]");
    if (!this.root) return;
    this.table = this.root.querySelector("[data-plan-log-table]");
    this.status = this.root.querySelector("[data-plan-log-status]");
    this.root.querySelector("[data-plan-log-date]").value = isoDate(new Date());
    var self = this;
    var actions = {
      "log-add": function () { self.add(); },
      "log-export": function () { self.exportCsv(); },
      "log-clear": function () { self.clear(); }
    };
    each(this.root, "[data-plan-action]", function (button) {
      button.addEventListener("click", actions[button.dataset.planAction]);
    });
    this.render();
  }

  Log.prototype.read = function () {
    try {
      var entries = JSON.parse(window.localStorage.getItem(LOG_KEY) || "[]");
      return Array.isArray(entries) ? entries.filter(function (e) { return e && typeof e === "object"; }) : [];
    } catch (e) { return null; }  // storage blocked (or unreadable): the log is off
  };

  Log.prototype.write = function (entries) {
    try {
      if (entries.length) window.localStorage.setItem(LOG_KEY, JSON.stringify(entries));
      else window.localStorage.removeItem(LOG_KEY);
      return true;
    } catch (e) { return false; }
  };

  /** What the reader has chosen, by the names on the page (the labels beside the boxes). */
  Log.prototype.done = function () {
    var root = this.plan.root;
    var names = [];
    var plan = this.plan;
    if (plan.routine) names.push(root.querySelector("label[for='plan-routine-" + plan.routine + "']").textContent);
    plan.exercises.forEach(function (id) { names.push(root.querySelector("label[for='plan-ex-" + id + "']").textContent); });
    return names.length ? names.join("; ") : this.plan.labels.log_nothing;
  };

  Log.prototype.add = function () {
    var entries = this.read();
    var feel = Math.round(Number(this.root.querySelector("[data-plan-log-feel]").value));
    var date = this.root.querySelector("[data-plan-log-date]").value || isoDate(new Date());
    if (!isFinite(feel)) feel = 0;
    feel = Math.min(10, Math.max(0, feel));
    if (entries === null || !this.write((entries || []).concat([{ date: date, done: this.done(), feel: feel }]))) {
      say(this.status, this.plan.labels.log_off);
      return;
    }
    this.render();
    say(this.status, this.plan.labels.log_saved);
  };

  Log.prototype.sorted = function () {
    return (this.read() || []).slice().sort(function (a, b) { return a.date < b.date ? 1 : a.date > b.date ? -1 : 0; });
  };

  Log.prototype.render = function () {
    var body = this.table.querySelector("tbody");
    var entries = this.sorted();
    body.textContent = "";
    entries.forEach(function (entry) {
      var row = document.createElement("tr");
      [entry.date, entry.done, String(entry.feel)].forEach(function (value) {
        var cell = document.createElement("td");
        cell.textContent = value;
        row.appendChild(cell);
      });
      body.appendChild(row);
    });
    this.table.hidden = entries.length === 0;
  };

  function csvField(value) {
    var text = String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // a spreadsheet must not read it as a formula
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  Log.prototype.exportCsv = function () {
    var rows = [this.plan.labels.log_head].concat(this.sorted().map(function (e) { return [e.date, e.done, e.feel]; }));
    var text = rows.map(function (row) { return row.map(csvField).join(","); }).join("\r\n") + "\r\n";
    download(this.plan.labels.log_file, "text/csv;charset=utf-8", "\ufeff" + text);
  };

  Log.prototype.clear = function () {
    if (!window.confirm(this.plan.labels.log_confirm)) return;
    this.write([]);
    this.render();
    say(this.status, this.plan.labels.log_cleared);
  };

  // ------------------------------------------------------------------ start

  function init() {
    each(document, "[data-plan-builder]", function (root) {
      if (!root.dataset.planReady) { root.dataset.planReady = "true"; new Plan(root); }
    });
  }

  // Material's instant navigation swaps pages without reloading; the offline copy has none.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // Printed from the browser's menu (not the button), or left open overnight: date it now.
  window.addEventListener("beforeprint", function () { each(document, "[data-plan-builder]", dateSheet); });
})();
