// The browser adapter's capture (after format.js, in a classic <script> in the page's <head>,
// before the markup and the program). `__evloop = {token, quiet, cap}` is set by the runner.
// It records console.log/info/warn/error/debug lines (FORMAT-1) and reported errors (the
// window's 'error' event and 'unhandledrejection' events not canceled by the program), and
// when the page has been quiet (no new line or error) for `quiet` ms after the load event, or
// `cap` ms after it started, POSTs {"token", "log", "errors", "capped"} to /result; the reply
// is the URL of the next page (a fresh top-level document) or /done.
(function () {
  'use strict';
  var F = evloopFormat;
  var C = window.__evloop;
  var lines = [];
  var errors = [];
  var start = performance.now();
  var last = start;
  var sent = false;
  function touch() {
    last = performance.now();
  }
  ['log', 'info', 'warn', 'error', 'debug'].forEach(function (m) {
    console[m] = function () {
      lines.push(F.line(Array.prototype.slice.call(arguments)));
      touch();
    };
  });
  // Whether a later listener canceled the event is known only after the dispatch: look in a
  // task of our own (the program's listeners run before it; the order of errors is kept).
  window.addEventListener('error', function (e) {
    setTimeout(function () {
      if (!e.defaultPrevented) errors.push(F.uncaught(e.error, false));
      touch();
    });
  });
  window.addEventListener('unhandledrejection', function (e) {
    setTimeout(function () {
      if (!e.defaultPrevented) errors.push(F.uncaught(e.reason, true));
      touch();
    });
  });
  function send(capped) {
    if (sent) return;
    sent = true;
    var body = JSON.stringify({ token: C.token, log: lines, errors: errors, capped: capped });
    var x = new XMLHttpRequest();
    x.open('POST', '/result');
    x.onload = function () {
      location.replace(x.responseText);
    };
    x.send(body);
  }
  function check() {
    var now = performance.now();
    if (now - start >= C.cap) return send(true);
    var idle = now - last;
    if (idle >= C.quiet) return send(false);
    setTimeout(check, C.quiet - idle);
  }
  window.addEventListener('load', function () {
    touch();
    setTimeout(check, C.quiet);
  });
})();
