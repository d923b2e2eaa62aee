// FORMAT-1 in JavaScript: the canonical formatting of logged values, exactly as
// engine/src/format.rs formats them, so that a real runtime's console.log lines compare line for
// line with the model's. Plain script (no imports, no exports keyword): it defines
// `evloopFormat` (a global in a classic script, and `module.exports` under CommonJS), so the
// same text works in Node/Deno/Bun preludes and in browser pages.
// conformance/tests/format.rs runs a set of values through this file (in Node) and through the
// model and compares.
var evloopFormat = (function () {
  'use strict';
  // A top-level string argument prints raw; everything else as it appears nested.
  function line(args) {
    var out = [];
    for (var i = 0; i < args.length; i++) {
      out.push(typeof args[i] === 'string' ? args[i] : inspect(args[i]));
    }
    return out.join(' ');
  }

  function inspect(v) {
    return at(v, 0, []);
  }

  function quote(s) {
    var out = '"';
    for (var i = 0; i < s.length; i++) {
      var c = s[i];
      var code = s.charCodeAt(i);
      if (c === '"') out += '\\"';
      else if (c === '\\') out += '\\\\';
      else if (c === '\n') out += '\\n';
      else if (c === '\r') out += '\\r';
      else if (c === '\t') out += '\\t';
      else if (code < 0x20) out += '\\u' + ('000' + code.toString(16)).slice(-4);
      else out += c;
    }
    return out + '"';
  }

  var IDENT = /^[\p{Alphabetic}_$][\p{Alphabetic}\p{N}_$]*$/u;

  function isA(v, name) {
    var C = globalThis[name];
    return typeof C === 'function' && v instanceof C;
  }

  function ctorName(v) {
    var p = Object.getPrototypeOf(v);
    var c = p && Object.prototype.hasOwnProperty.call(p, 'constructor') ? p.constructor : null;
    return c && typeof c.name === 'string' ? c.name : '';
  }

  function ownString(o, k) {
    var d = Object.getOwnPropertyDescriptor(o, k);
    return d && 'value' in d && typeof d.value === 'string' ? d.value : null;
  }

  function errorString(e) {
    var name = ownString(e, 'name');
    if (name === null) name = typeof e.name === 'string' ? e.name : 'Error';
    var msg = ownString(e, 'message');
    return msg ? name + ': ' + msg : name;
  }

  function pad(n, w) {
    var s = String(n);
    while (s.length < w) s = '0' + s;
    return s;
  }

  function bufferString(b) {
    var shown = [];
    for (var i = 0; i < b.length && i < 50; i++) shown.push(pad(b[i].toString(16), 2));
    var more = b.length > 50 ? b.length - 50 : 0;
    var tail = more > 0 ? ' ... ' + more + ' more byte' + (more === 1 ? '' : 's') : '';
    return shown.length === 0 ? '<Buffer >' : '<Buffer ' + shown.join(' ') + tail + '>';
  }

  var WEB = ['MessagePort', 'IdleDeadline', 'MutationObserver', 'XMLHttpRequest', 'Response', 'Text'];

  function at(v, depth, seen) {
    if (v === undefined) return 'undefined';
    if (v === null) return 'null';
    if (typeof v === 'boolean') return String(v);
    if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
    if (typeof v === 'string') return quote(v);
    if (typeof v !== 'object' && typeof v !== 'function') return String(v);
    if (seen.indexOf(v) >= 0) return '[Circular]';
    if (Array.isArray(v)) {
      if (v.length === 0) return '[]';
      if (depth >= 3) return '[Array]';
      seen.push(v);
      // The elements present (an array's index keys come first, ascending), and each run
      // of holes between them as Node prints it: `<3 empty items>`.
      var parts = [], next = 0, keys = Object.keys(v);
      var empty = function (n) {
        if (n > 0) parts.push('<' + n + ' empty item' + (n === 1 ? '' : 's') + '>');
      };
      for (var k = 0; k < keys.length; k++) {
        var i = Number(keys[k]);
        if (String(i >>> 0) !== keys[k] || i === 4294967295) break;
        empty(i - next);
        parts.push(at(v[i], depth + 1, seen));
        next = i + 1;
      }
      empty(v.length - next);
      seen.pop();
      return '[' + parts.join(', ') + ']';
    }
    if (typeof v === 'function') {
      var n = ownString(v, 'name');
      return n ? '[Function ' + n + ']' : '[Function (anonymous)]';
    }
    if (v instanceof Promise) return 'Promise {}';
    if (v instanceof Error) return errorString(v);
    if (v instanceof Date) return v.toISOString();
    if (typeof Buffer === 'function' && Buffer.isBuffer && Buffer.isBuffer(v)) return bufferString(v);
    var cn = ctorName(v);
    if (cn === 'Timeout' || cn === 'Immediate' || cn === 'EventEmitter') return cn + ' {}';
    if (isA(v, 'Event')) return 'Event {}';
    if (isA(v, 'Element')) return '<' + v.localName + '>';
    if (isA(v, 'DOMTokenList')) return 'DOMTokenList {}';
    for (var w = 0; w < WEB.length; w++) if (isA(v, WEB[w])) return WEB[w] + ' {}';
    var keys = Object.keys(v);
    if (keys.length === 0) return '{}';
    if (depth >= 3) return '[Object]';
    seen.push(v);
    var props = [];
    for (var j = 0; j < keys.length; j++) {
      var k = keys[j];
      var key = IDENT.test(k) ? k : quote(k);
      var d = Object.getOwnPropertyDescriptor(v, k);
      var val;
      if (d && !('value' in d)) {
        val = d.get && d.set ? '[Getter/Setter]' : d.get ? '[Getter]' : '[Setter]';
      } else {
        val = at(d ? d.value : v[k], depth + 1, seen);
      }
      props.push(key + ': ' + val);
    }
    seen.pop();
    return '{' + props.join(', ') + '}';
  }

  // How an uncaught exception or unhandled rejection is reported (the model's `errors`).
  function uncaught(e, inPromise) {
    return (inPromise ? 'Uncaught (in promise) ' : 'Uncaught ') + inspect(e);
  }

  return { line: line, inspect: inspect, uncaught: uncaught };
})();
if (typeof module === 'object' && module && module.exports) module.exports = evloopFormat;
