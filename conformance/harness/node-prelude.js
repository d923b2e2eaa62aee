// The Node.js / Deno / Bun adapter's capture (after format.js in the same CommonJS file, which
// the runtime preloads before the main module: `node --require`, `bun --preload`,
// `deno run --preload`). It records, as JSON lines on fd 1 prefixed with "\u0001evloop ",
// written synchronously (nothing is lost when the process ends or crashes):
//   {"log": LINE}          one console.log/info/warn/error/debug call, formatted by FORMAT-1
//   {"error": TEXT}        an exception or rejection that ends the process ("Uncaught …")
//   {"exit_called": CODE}  the program called process.exit
//   {"exit": CODE}         the process is exiting (its 'exit' event)
// The runner reads these lines; everything else on stdout and stderr is kept for diagnosis.
(function () {
  'use strict';
  var F = evloopFormat;
  // Bun: loading `fs` in a preload changes the order of its nextTick queue and promise jobs
  // (seen with Bun 1.4.5), so records go through its own synchronous console.log.
  var write;
  if (typeof Bun !== 'undefined') {
    var log = console.log.bind(console);
    write = function (s) {
      log(s);
    };
  } else {
    var fs = require('fs');
    write = function (s) {
      fs.writeSync(1, s + '\n');
    };
  }
  function emit(o) {
    write('\u0001evloop ' + JSON.stringify(o));
  }
  ['log', 'info', 'warn', 'error', 'debug'].forEach(function (m) {
    console[m] = function () {
      emit({ log: F.line(Array.prototype.slice.call(arguments)) });
    };
  });
  // A monitor sees every uncaught exception (and a rejection raised as one) without handling
  // it; the error ends the process only when no 'uncaughtException' listener handles it.
  process.on('uncaughtExceptionMonitor', function (err, origin) {
    if (process.listenerCount('uncaughtException') === 0) {
      emit({ error: F.uncaught(err, origin === 'unhandledRejection') });
    }
  });
  process.on('exit', function (code) {
    emit({ exit: code });
  });
  // The virtual network: a relative fetch URL resolves against the runner's loopback server
  // ($EVLOOP_BASE_URL), as it would against a page's URL in a browser.
  var base = process.env.EVLOOP_BASE_URL;
  var realFetch = globalThis.fetch;
  if (base && typeof realFetch === 'function') {
    globalThis.fetch = function fetch(input, init) {
      return realFetch(typeof input === 'string' ? new URL(input, base).href : input, init);
    };
  }
  var exit = process.exit;
  process.exit = function (code) {
    emit({ exit_called: code === undefined ? null : code });
    return exit.apply(process, arguments);
  };
})();
