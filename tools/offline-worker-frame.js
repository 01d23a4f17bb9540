/* Runs inside the hidden frame that iframe-worker uses as a search worker in the offline copy
 * (file://, where real workers cannot load). It gives the frame the worker API the search
 * worker expects. iframe-worker writes these lines as an inline script; tools/offline.py
 * points it at this file instead, so the Content-Security-Policy needs no 'unsafe-inline'.
 */
/* eslint-disable no-global-assign */
var workerUrl = new URL(document.currentScript.src).searchParams.get("worker");
postMessage = function (message, origin) { parent.postMessage(message, origin || "*"); };
importScripts = function () {
  return Array.prototype.reduce.call(arguments, function (ready, src) {
    return ready.then(function () {
      return new Promise(function (resolve) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        document.body.appendChild(script);
      });
    });
  }, Promise.resolve());
};
addEventListener("error", function (event) {
  parent.dispatchEvent(new ErrorEvent("error", { filename: workerUrl, error: event.error }));
});
