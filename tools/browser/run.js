#!/usr/bin/env node
// Runs litmus programs in a real headless browser and prints the distinct outcomes with
// counts. Recipe: ../../../shared/notes/browsers.md. Usage:
//   node tools/browser/run.js --browser chromium|firefox [--runs N] [--wait MS] FILE.js...
// Each run loads a fresh page from a loopback server; the page records console.log lines
// with the canonical formatter (FORMAT-1), reported errors and unhandled rejections, and
// POSTs them back after --wait ms (default 1500); the server then sends the next page.
'use strict';
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, execFileSync } = require('child_process');

const argv = process.argv.slice(2);
let browser = 'chromium', runs = 5, wait = 1500;
const files = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--browser') browser = argv[++i];
  else if (argv[i] === '--runs') runs = +argv[++i];
  else if (argv[i] === '--wait') wait = +argv[++i];
  else files.push(argv[i]);
}

const FORMAT = `
function __fmt(v, depth, seen) {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined || v === null || typeof v === 'boolean') return String(v);
  if (typeof v === 'function') return '[Function ' + (v.name || '(anonymous)') + ']';
  if (v instanceof Promise) return 'Promise {}';
  if (v instanceof Error) return v.message ? v.name + ': ' + v.message : v.name;
  if (seen.includes(v)) return '[Circular]';
  if (Array.isArray(v)) {
    if (depth > 2) return '[Array]';
    if (v.length === 0) return '[]';
    return '[' + v.map(x => __fmt(x, depth + 1, seen.concat([v]))).join(', ') + ']';
  }
  if (typeof v === 'object') {
    if (depth > 2) return '[Object]';
    const ks = Object.keys(v);
    if (ks.length === 0) return '{}';
    return '{' + ks.map(k => (/^[A-Za-z_$][\\w$]*$/.test(k) ? k : JSON.stringify(k)) + ': ' + __fmt(v[k], depth + 1, seen.concat([v]))).join(', ') + '}';
  }
  return String(v);
}
function __line(args) { return args.map(a => typeof a === 'string' ? a : __fmt(a, 0, [])).join(' '); }
`;

function stripFrontmatter(src) {
  const s = src.indexOf('/*---');
  const e = src.indexOf('---*/');
  if (s < 0 || e < 0) return src;
  return src.slice(0, s) + src.slice(e + 5);
}

function page(file, run, dom) {
  const src = stripFrontmatter(fs.readFileSync(file, 'utf8'));
  return `<!doctype html><html><head><meta charset="utf-8"><title>${path.basename(file)}</title></head><body>${dom}<script>
${FORMAT}
window.__lines = []; window.__errors = [];
for (const m of ['log', 'info', 'warn', 'error', 'debug']) console[m] = (...a) => window.__lines.push(__line(a));
window.addEventListener('error', e => window.__errors.push('Uncaught ' + (e.error instanceof Error ? (e.error.message ? e.error.name + ': ' + e.error.message : e.error.name) : __fmt(e.error, 0, []))));
window.addEventListener('unhandledrejection', e => window.__errors.push('Uncaught (in promise) ' + (e.reason instanceof Error ? (e.reason.message ? e.reason.name + ': ' + e.reason.message : e.reason.name) : __fmt(e.reason, 0, []))));
setTimeout(() => {
  const body = JSON.stringify({ file: ${JSON.stringify(file)}, run: ${run}, lines: window.__lines, errors: window.__errors });
  const x = new XMLHttpRequest(); x.open('POST', '/result'); x.onload = () => { location.href = x.responseText; }; x.send(body);
}, ${wait});
</script><script>
${src}
</script></body></html>`;
}

function domOf(file) {
  const src = fs.readFileSync(file, 'utf8');
  const m = src.match(/^dom:\s*'(.*)'\s*$/m) || src.match(/^\/\/ dom:\s*(.*)$/m);
  return m ? m[1] : '';
}

const queue = [];
for (let r = 0; r < runs; r++) for (const f of files) queue.push({ file: f, run: r });
let next = 0;
const results = new Map();

const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/result') {
    let body = '';
    req.on('data', d => (body += d));
    req.on('end', () => {
      const r = JSON.parse(body);
      const key = JSON.stringify({ log: r.lines, errors: r.errors });
      if (!results.has(r.file)) results.set(r.file, new Map());
      const m = results.get(r.file);
      m.set(key, (m.get(key) || 0) + 1);
      res.end(next < queue.length ? `/t/${next++}` : '/done');
      if (next >= queue.length && [...results.values()].reduce((a, m) => a + [...m.values()].reduce((x, y) => x + y, 0), 0) >= queue.length) finish();
    });
    return;
  }
  const m = req.url.match(/^\/t\/(\d+)/);
  if (m) {
    const q = queue[+m[1]];
    res.setHeader('content-type', 'text/html');
    res.end(page(q.file, q.run, domOf(q.file)));
    return;
  }
  if (req.url === '/data.json') { res.setHeader('content-type', 'application/json'); res.end('{"x":1}'); return; }
  res.setHeader('content-type', 'text/html');
  res.end('<!doctype html><p>done</p>');
});

let child;
function finish() {
  const out = {};
  for (const [f, m] of results) out[f] = [...m].map(([k, n]) => ({ ...JSON.parse(k), count: n }));
  console.log(JSON.stringify({ browser: version, results: out }, null, 1));
  try { process.kill(-child.pid, 'SIGKILL'); } catch (e) { try { child.kill('SIGKILL'); } catch (e2) {} }
  server.close();
  process.exit(0);
}

let version = '';
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const url = `http://127.0.0.1:${port}/t/${next++}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evb-'));
  if (browser === 'chromium') {
    version = 'chromium ' + execFileSync('chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().split(' ')[1] + ' headless';
    child = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      `--user-data-dir=${tmp}`, url], { stdio: 'ignore', detached: true });
  } else {
    version = 'firefox ' + execFileSync('firefox-esr', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, HOME: tmp } }).toString().trim().split(' ').pop() + ' headless';
    child = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', tmp, url],
      { stdio: 'ignore', detached: true, env: { ...process.env, HOME: tmp } });
  }
  setTimeout(() => { console.error('timeout; partial results'); finish(); }, 30000 + queue.length * (wait + 2000));
});
