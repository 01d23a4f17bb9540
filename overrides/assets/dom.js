/* Two small helpers the site's scripts share (routine-player.js, symptom-guide.js, quiz.js,
 * plan.js), loaded before them (mkdocs.yml, extra_javascript). Text only ever goes in through
 * textContent, so nothing a script shows can become markup.
 */
(function () {
  "use strict";

  window.siteDom = {
    /** "{n} seconds" with {n} filled in; a name with no value is left as it is. */
    fill: function (template, values) {
      return String(template || "").replace(/\{(\w+)\}/g, function (all, key) {
        return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
      });
    },
    /** A new element with attributes and (as text) its content. */
    element: function (tag, attrs, text) {
      var el = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
      if (text) el.textContent = text;
      return el;
    }
  };
})();
