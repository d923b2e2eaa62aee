#!/usr/bin/env node
// Runs litmus programs in a real headless browser and prints the distinct outcomes with
// counts. Recipe: ../../../shared/notes/browsers.md. Usage:
//   node tools/browser/run.js --browser chromium|firefox [--runs N] [--wait MS]
//        [--click SELECTOR | --resize WxH] [--click-at MS] FILE.js...
// --click: a real user click (through the browser's input pipeline: DevTools protocol
// Input.dispatchMouseEvent in Chromium, WebDriver BiDi input.performActions in Firefox) on the
// first element matching SELECTOR, --click-at ms (default 300) after the page is served.
// --resize: the user resizes the viewport (Emulation.setDeviceMetricsOverride in Chromium,
// browsingContext.setViewport in Firefox) at the same moment. Both need Node >= 22 (global
// WebSocket).
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
let browser = 'chromium', runs = 5, wait = 1500, click = null, clickAt = 300, resize = null;
const files = [];
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--browser') browser = argv[++i];
  else if (argv[i] === '--runs') runs = +argv[++i];
  else if (argv[i] === '--wait') wait = +argv[++i];
  else if (argv[i] === '--click') click = argv[++i];
  else if (argv[i] === '--resize') resize = argv[++i].split('x').map(Number);
  else if (argv[i] === '--click-at') clickAt = +argv[++i];
  else files.push(argv[i]);
}

// The canonical formatter (FORMAT-1), shared with the conformance harness.
const FORMAT = require('fs').readFileSync(require('path').join(__dirname, '../../conformance/harness/format.js'), 'utf8') + `
function __fmt(v) { return evloopFormat.inspect(v); }
function __line(args) { return evloopFormat.line(args); }
`;

function stripFrontmatter(src) {
  const s = src.indexOf('/*---');
  const e = src.indexOf('---*/');
  if (s < 0 || e < 0) return src;
  return src.slice(0, s) + src.slice(e + 5);
}

function page(file, run, dom, idx) {
  const src = stripFrontmatter(fs.readFileSync(file, 'utf8'));
  return `<!doctype html><html><head><meta charset="utf-8"><title>${path.basename(file)}</title></head><body>${dom}<script>
${FORMAT}
window.__lines = []; window.__errors = [];
for (const m of ['log', 'info', 'warn', 'error', 'debug']) console[m] = (...a) => window.__lines.push(__line(a));
window.addEventListener('error', e => setTimeout(() => e.defaultPrevented || window.__errors.push('Uncaught ' + (e.error instanceof Error ? (e.error.message ? e.error.name + ': ' + e.error.message : e.error.name) : __fmt(e.error)))));
window.addEventListener('unhandledrejection', e => setTimeout(() => e.defaultPrevented || window.__errors.push('Uncaught (in promise) ' + (e.reason instanceof Error ? (e.reason.message ? e.reason.name + ': ' + e.reason.message : e.reason.name) : __fmt(e.reason)))));
setTimeout(() => {
  const body = JSON.stringify({ idx: ${idx}, file: ${JSON.stringify(file)}, run: ${run}, lines: window.__lines, errors: window.__errors });
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
const total = queue.length;
const results = new Map();

const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url === '/result') {
    let body = '';
    req.on('data', d => (body += d));
    req.on('end', () => {
      const r = JSON.parse(body);
      if ((click || resize) && !clicked.has(r.idx)) {
        // The click did not happen before the page reported: run it again.
        console.error(`no click in run ${r.idx}; retrying`);
        queue.push(queue[r.idx]);
        res.end(`/t/${next++}`);
        return;
      }
      const key = JSON.stringify({ log: r.lines, errors: r.errors });
      if (!results.has(r.file)) results.set(r.file, new Map());
      const m = results.get(r.file);
      m.set(key, (m.get(key) || 0) + 1);
      res.end(next < queue.length ? `/t/${next++}` : '/done');
      if (next >= queue.length && [...results.values()].reduce((a, m) => a + [...m.values()].reduce((x, y) => x + y, 0), 0) >= total) finish();
    });
    return;
  }
  const m = req.url.match(/^\/t\/(\d+)/);
  if (m) {
    const q = queue[+m[1]];
    res.setHeader('content-type', 'text/html');
    res.end(page(q.file, q.run, domOf(q.file), +m[1]));
    const idx = +m[1];
    if (click || resize) setTimeout(() => doClick(idx).then(() => clicked.add(idx)).catch(e => console.error('click failed:', e.message)), clickAt);
    return;
  }
  if (req.url === '/warmup') { res.setHeader('content-type', 'text/html'); res.end(`<!doctype html><script>setTimeout(() => location.href = '/t/${next++}', 500)</script>`); return; }
  if (req.url === '/data.json') { res.setHeader('content-type', 'application/json'); res.end('{"x":1}'); return; }
  // The model's virtual network (HTML-15): GET /net/NAME answers 200 with {"path": "/net/NAME"}.
  if (req.url.startsWith('/net/') && req.url.endsWith('.js')) { res.setHeader('content-type', 'text/javascript'); res.end('// an empty script'); return; }
  if (req.url.startsWith('/net/')) { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ path: req.url })); return; }
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
const clicked = new Set();
const debugPort = 9300 + Math.floor(Math.random() * 500);
let ws = null, wsId = 0, bidiContext = null;
const pending = new Map();
function send(method, params) {
  const id = ++wsId;
  ws.send(JSON.stringify({ id, method, params }));
  return new Promise((res, rej) => pending.set(id, { res, rej }));
}
async function connect() {
  if (ws) return;
  let url;
  for (let i = 0; i < 50 && !url; i++) {
    try {
      if (browser === 'chromium') {
        const list = await (await fetch(`http://127.0.0.1:${debugPort}/json/list`)).json();
        url = (list.find(t => t.type === 'page') || {}).webSocketDebuggerUrl;
      } else {
        url = `ws://127.0.0.1:${debugPort}/session`;
        await fetch(`http://127.0.0.1:${debugPort}/`).catch(() => { url = null; });
      }
    } catch (e) { url = null; }
    if (!url) await new Promise(r => setTimeout(r, 200));
  }
  ws = new WebSocket(url);
  await new Promise((res, rej) => { ws.onopen = res; ws.onerror = rej; });
  ws.onmessage = m => {
    const d = JSON.parse(m.data);
    const p = pending.get(d.id);
    if (!p) return;
    pending.delete(d.id);
    if (d.error) p.rej(new Error(JSON.stringify(d.error) + ' ' + (d.message || ''))); else p.res(d.result);
  };
  if (browser === 'firefox') {
    await send('session.new', { capabilities: {} });
    const tree = await send('browsingContext.getTree', {});
    bidiContext = tree.contexts[0].context;
  }
}
async function doClick(idx) {
  await connect();
  if (browser === 'firefox' && !bidiContext) bidiContext = (await send('browsingContext.getTree', {})).contexts[0].context;
  if (resize) {
    // A different size in each run, so that every run really resizes.
    const width = resize[0] + (idx % 2) * 10, height = resize[1];
    if (browser === 'chromium') await send('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });
    else await send('browsingContext.setViewport', { context: bidiContext, viewport: { width, height } });
    return;
  }
  const expr = `(() => { const e = document.querySelector(${JSON.stringify(click)}); if (!e) return '[]'; const r = e.getBoundingClientRect(); return JSON.stringify([Math.round(r.x + r.width / 2), Math.round(r.y + r.height / 2)]); })()`;
  if (browser === 'chromium') {
    const r = await send('Runtime.evaluate', { expression: expr, returnByValue: true });
    const [x, y] = JSON.parse(r.result.value);
    if (x === undefined) throw new Error('no element ' + click);
    await send('Input.dispatchMouseEvent', { type: 'mousePressed', x, y, button: 'left', clickCount: 1 });
    await send('Input.dispatchMouseEvent', { type: 'mouseReleased', x, y, button: 'left', clickCount: 1 });
  } else {
    const r = await send('script.evaluate', { expression: expr, target: { context: bidiContext }, awaitPromise: false });
    const [x, y] = JSON.parse(r.result.value);
    if (x === undefined) throw new Error('no element ' + click);
    await send('input.performActions', { context: bidiContext, actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' },
      actions: [{ type: 'pointerMove', x, y }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }] }] });
  }
}
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  // A warm-up page first (the browser's own start-up resizes and loads happen there).
  const url = `http://127.0.0.1:${port}/warmup`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'evb-'));
  if (browser === 'chromium') {
    version = 'chromium ' + execFileSync('chromium', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().split(' ')[1] + ' headless';
    child = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-breakpad', '--disable-crash-reporter',
      `--user-data-dir=${tmp}`, ...(click || resize ? [`--remote-debugging-port=${debugPort}`] : []), url], { stdio: 'ignore', detached: true });
  } else {
    version = 'firefox ' + execFileSync('firefox-esr', ['--version'], { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, HOME: tmp } }).toString().trim().split(' ').pop() + ' headless';
    child = spawn('firefox-esr', ['--headless', '--no-remote', '--profile', tmp, ...(click || resize ? ['--remote-debugging-port', String(debugPort)] : []), url],
      { stdio: 'ignore', detached: true, env: { ...process.env, HOME: tmp, MOZ_CRASHREPORTER_DISABLE: '1' } });
  }
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.error(sig + '; partial results'); finish(); });
  setTimeout(() => { console.error('timeout; partial results'); finish(); }, 30000 + queue.length * (wait + 2000));
});
