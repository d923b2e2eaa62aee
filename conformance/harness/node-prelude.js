// The Node.js / Deno / Bun adapter's capture (after format.js in the same CommonJS file, which
// the runtime preloads before the main module: `node --require`, `bun --preload`,
// `deno run --preload`). It records, as JSON lines on fd 1 prefixed with "\u0001evloop ",
// written synchronously (nothing is lost when the process ends or crashes):
//   {"log": LINE}          one console.log/info/warn/error/debug call, formatted as the
//                          runtime formats it (FORMAT-2: Node's util.format, Deno's
//                          inspectArgs), on Bun by FORMAT-1
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
  // FORMAT-2: the runtime's own console text. evloop does not model stack frames, so each
  // error reachable from the arguments prints, for this one call, with a stand-in stack: its
  // stack's first line and one marked frame, which is then removed with its line break (the
  // model formats the same stand-in: model/src/host/console/inspect.rs).
  var runtimeFormat = null;
  if (process.env.EVLOOP_FORMAT === 'canonical') {
    // FORMAT-1 on any runtime (conformance/tests/format.rs compares format.js with the model).
  } else if (typeof Deno !== 'undefined') {
    var inspectArgs = Deno[Deno.internal].inspectArgs;
    runtimeFormat = function (args) {
      return inspectArgs(args, { colors: false });
    };
  } else if (typeof Bun === 'undefined') {
    var util = require('util');
    runtimeFormat = function (args) {
      return util.format.apply(null, args);
    };
  }
  var FRAME = '\n    at \u0000evloop-frame';
  var FRAME_LINE = /\n *at \u0000evloop-frame/g;
  function isError(v) {
    return Object.prototype.toString.call(v) === '[object Error]' || v instanceof Error;
  }
  // Gives every error reachable through data properties the stand-in stack (an own data
  // property, whatever `stack` was: Node 22+ keeps it as an accessor); records how to put
  // the real one back.
  function standInStacks(v, depth, seen, saved) {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function') || seen.has(v)) return;
    seen.add(v);
    if (isError(v)) {
      var own = Object.getOwnPropertyDescriptor(v, 'stack');
      var stack = v.stack;
      if (typeof stack === 'string' && (own === undefined || own.configurable)) {
        var at = stack.indexOf('\n    at ');
        saved.push([v, own]);
        Object.defineProperty(v, 'stack', {
          value: (at === -1 ? stack : stack.slice(0, at)) + FRAME,
          writable: true,
          enumerable: false,
          configurable: true,
        });
      }
    }
    if (depth > 8) return;
    var keys = Object.getOwnPropertyNames(v);
    for (var i = 0; i < keys.length; i++) {
      var p = Object.getOwnPropertyDescriptor(v, keys[i]);
      if (p && 'value' in p) standInStacks(p.value, depth + 1, seen, saved);
    }
  }
  function line(args) {
    if (runtimeFormat === null) return F.line(args);
    var saved = [];
    var seen = new Set();
    for (var i = 0; i < args.length; i++) standInStacks(args[i], 0, seen, saved);
    try {
      return runtimeFormat(args).replace(FRAME_LINE, '');
    } finally {
      for (var j = saved.length - 1; j >= 0; j--) {
        if (saved[j][1] === undefined) delete saved[j][0].stack;
        else Object.defineProperty(saved[j][0], 'stack', saved[j][1]);
      }
    }
  }
  ['log', 'info', 'warn', 'error', 'debug'].forEach(function (m) {
    console[m] = function () {
      emit({ log: line(Array.prototype.slice.call(arguments)) });
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
