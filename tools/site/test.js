#!/usr/bin/env node
// The site in a real browser (web/README.md): serves target/site/ on 127.0.0.1, drives
// headless Chromium over the DevTools protocol through the playground, and saves a
// screenshot of each step under target/site-test/.
//   1. the page loads (and the wasm with it) in under 2 s; the wasm is under 5 MB
//   2. the seeds' async1/async2 quiz (read from ../shared/seeds/) is typed in, Run on node:
//      the log shown equals what `evloop run --host node` prints
//   3. step back and forward through the run
//   4. the seed's fetch race (from ../shared/seeds/ too), Check: both outcomes are listed;
//      clicking one steps through its witness schedule
//   5. a share link restores program, host and schedule, and runs
//   6. a litmus test opened from the book, and a rule link into the book
// Usage: node tools/site/test.js   (env: EVLOOP_BIN, the evloop binary, default
// target/release/evloop; SEEDS_DIR, default ../shared/seeds or /work/shared/seeds)
'use strict';
const http = require('http');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync, execFileSync } = require('child_process');

// Node 20 has WebSocket behind a flag (22 has it by default).
if (typeof WebSocket === 'undefined') {
  const r = spawnSync(process.execPath, ['--experimental-websocket', '--no-warnings', __filename, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(r.status === null ? 1 : r.status);
}

const ROOT = path.join(__dirname, '..', '..');
const SITE = path.join(ROOT, 'target', 'site');
const OUT = path.join(ROOT, 'target', 'site-test');
const SEEDS = process.env.SEEDS_DIR || [path.join(ROOT, '..', 'shared', 'seeds'), '/work/shared/seeds'].find((d) => fs.existsSync(d));
const EVLOOP = process.env.EVLOOP_BIN || path.join(ROOT, 'target', 'release', 'evloop');

let passed = 0, failed = 0;
function ok(cond, what, detail) {
  if (cond) { passed++; console.log(`ok: ${what}`); } else { failed++; console.log(`FAIL: ${what}${detail ? '\n  ' + detail : ''}`); }
  return cond;
}

// --- the seeds' programs ---------------------------------------------------------------------

/** The lines from the first matching `from` to the first matching `to` after it, in the seed
 *  that has them. */
function fromSeeds(from, to) {
  for (const f of fs.readdirSync(SEEDS).sort()) {
    const lines = fs.readFileSync(path.join(SEEDS, f), 'utf8').split('\n');
    const a = lines.findIndex((l) => from.test(l));
    if (a < 0) continue;
    const b = lines.findIndex((l, i) => i >= a && to.test(l));
    if (b < 0) continue;
    return { seed: f, text: lines.slice(a, b + 1).join('\n') + '\n' };
  }
  throw new Error(`no seed in ${SEEDS} has ${from} … ${to}`);
}

// --- a static server -------------------------------------------------------------------------

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff', '.ttf': 'font/ttf', '.txt': 'text/plain' };

function serve() {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(req.url.split('?')[0].split('#')[0]);
    let file = path.join(SITE, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
    if (file.endsWith(path.sep) || (fs.existsSync(file) && fs.statSync(file).isDirectory())) file = path.join(file, 'index.html');
    if (!file.startsWith(SITE) || !fs.existsSync(file)) { res.writeHead(404); res.end('not found'); return; }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// --- Chromium over the DevTools protocol -----------------------------------------------------

let ws, nextId = 1;
const waiting = new Map();
const events = [];
function send(method, params = {}) {
  const id = nextId++;
  ws.send(JSON.stringify({ id, method, params }));
  return new Promise((resolve, reject) => waiting.set(id, { resolve, reject, method }));
}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function evaluate(expression) {
  const r = await send('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
  if (r.exceptionDetails) throw new Error(`${expression}: ${JSON.stringify(r.exceptionDetails.exception || r.exceptionDetails)}`);
  return r.result.value;
}

async function waitFor(expression, ms = 20000) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await evaluate(expression).catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) return v;
    await sleep(50);
  }
}

async function screenshot(name) {
  const r = await send('Page.captureScreenshot', { format: 'png' });
  fs.writeFileSync(path.join(OUT, name), Buffer.from(r.data, 'base64'));
  console.log(`  screenshot: target/site-test/${name}`);
}

async function navigate(url) {
  const loaded = new Promise((resolve) => events.push({ method: 'Page.loadEventFired', resolve }));
  await send('Page.navigate', { url });
  await loaded;
}

async function startChromium() {
  const port = 9300 + Math.floor(Math.random() * 500);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'evloop-site-'));
  const child = spawn('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-extensions',
    `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, '--window-size=1400,1000', 'about:blank'],
  { stdio: 'ignore', detached: true });
  let target;
  for (let i = 0; i < 100 && !target; i++) {
    await sleep(100);
    try {
      const list = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
      target = list.find((t) => t.type === 'page');
    } catch (_) { /* not up yet */ }
  }
  if (!target) throw new Error('chromium did not start (is it installed? apt-get install -y chromium)');
  ws = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
  ws.onmessage = (m) => {
    const msg = JSON.parse(m.data);
    if (msg.id && waiting.has(msg.id)) {
      const w = waiting.get(msg.id);
      waiting.delete(msg.id);
      if (msg.error) w.reject(new Error(`${w.method}: ${msg.error.message}`)); else w.resolve(msg.result);
    } else if (msg.method) {
      const i = events.findIndex((e) => e.method === msg.method);
      if (i >= 0) events.splice(i, 1)[0].resolve(msg.params);
      if (msg.method === 'Runtime.exceptionThrown') console.log('  page exception:', JSON.stringify(msg.params.exceptionDetails.exception?.description || msg.params.exceptionDetails.text));
    }
  };
  await send('Page.enable');
  await send('Runtime.enable');
  await send('Emulation.setDeviceMetricsOverride', { width: 1400, height: 1000, deviceScaleFactor: 1, mobile: false });
  return { child, profile };
}

// --- the page --------------------------------------------------------------------------------

/** Types `text` into the editor as a user pasting it: select all, then insert the text. */
async function paste(text) {
  await evaluate(`(() => { const s = document.getElementById('source'); s.focus(); s.select(); })()`);
  await send('Input.insertText', { text });
}
const click = (sel) => evaluate(`document.querySelector(${JSON.stringify(sel)}).click()`);
const setHost = (h) => evaluate(`(() => { const s = document.getElementById('host'); s.value = ${JSON.stringify(h)}; s.dispatchEvent(new Event('change')); })()`);
const text = (sel) => evaluate(`(document.querySelector(${JSON.stringify(sel)}) || {}).textContent`);
const idle = () => waitFor(`!document.body.classList.contains('busy') && /^(Ran|Checked|Incomplete|Not)/.test(document.getElementById('status').textContent)`, 60000);

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  if (!fs.existsSync(path.join(SITE, 'play', 'index.html'))) throw new Error('no target/site/play: run tools/site/build.sh first');
  const server = await serve();
  const base = `http://127.0.0.1:${server.address().port}`;
  const { child, profile } = await startChromium();
  try {
    // 1. Load.
    const wasm = fs.statSync(path.join(SITE, 'play', 'pkg', 'evloop_wasm_bg.wasm')).size;
    ok(wasm < 5 * 1024 * 1024, `the wasm is under 5 MB (${(wasm / 1048576).toFixed(2)} MB)`);
    const t0 = Date.now();
    await navigate(`${base}/play/index.html`);
    const ready = await waitFor(`document.getElementById('status').textContent === 'Ready.'`, 10000);
    const loadMs = Date.now() - t0;
    ok(ready && loadMs < 2000, `the playground loads with its model in under 2 s (${loadMs} ms)`);
    await screenshot('01-loaded.png');

    // 2. The quiz, Run on node.
    const quiz = fromSeeds(/^async function async1\(\)/, /^console\.log\('script end'\);/);
    await paste(quiz.text);
    await setHost('node');
    await click('#run');
    await idle();
    const shown = (await text('#log')).trimEnd();
    const tmp = path.join(os.tmpdir(), 'evloop-site-quiz.js');
    fs.writeFileSync(tmp, quiz.text);
    const cli = execFileSync(EVLOOP, ['run', '--host', 'node', tmp], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trimEnd();
    ok(shown === cli && cli.split('\n').length === 8, `Run on node shows the log \`evloop run --host node\` prints (the quiz from seed ${quiz.seed})`,
      `page:\n${shown}\ncli:\n${cli}`);
    await screenshot('02-run-quiz.png');

    // 3. Step back and forward (the step-through's own buttons).
    const stepButton = (re) => `[...document.querySelectorAll('#viewer button')].find((b) => ${re}.test(b.textContent))`;
    const cur = () => evaluate('window.evloopStepper.current()');
    const last = await cur();
    await evaluate(`${stepButton('/back/i')}.click()`);
    await evaluate(`${stepButton('/back/i')}.click()`);
    const back = await cur();
    ok(back === last - 2, `two steps back (step ${last} -> ${back})`);
    await screenshot('03-step-back.png');
    await evaluate(`${stepButton('/forward/i')}.click()`);
    const fwd = await cur();
    ok(fwd === back + 1, `one step forward (step ${back} -> ${fwd})`);
    await screenshot('04-step-forward.png');

    // 4. The fetch race, Check.
    const race = fromSeeds(/^fetch\("a\.com"\)\.then\(\(\) => \{console\.log\("a"\)\}\);/, /^fetch\("b\.com"\)/);
    await paste(race.text);
    await setHost('html');
    await evaluate(`document.getElementById('claims-input').value = 'always "a" before "b"'`);
    await click('#check');
    await idle();
    const outcomes = await evaluate(`[...document.querySelectorAll('#outcomes > li')].map((li) => li.querySelector('.outcome-log').textContent)`);
    ok(outcomes.length === 2 && outcomes.includes('a\nb') && outcomes.includes('b\na'), `Check lists both outcomes of the fetch race (seed ${race.seed})`, JSON.stringify(outcomes));
    const verdict = await text('#claims .claim strong');
    ok(/FAILS/.test(verdict || ''), `the claim 'always "a" before "b"' fails with a counterexample`, verdict);
    await screenshot('05-check-fetch-race.png');
    await evaluate(`[...document.querySelectorAll('#outcomes > li')].find((li) => li.querySelector('.outcome-log').textContent === 'b\\na').click()`);
    await idle();
    const witnessLog = (await text('#log')).trimEnd();
    const schedule = await evaluate(`document.getElementById('schedule').value`);
    ok(witnessLog === 'b\na' && schedule.startsWith('replay:'), `clicking an outcome steps through its witness (${schedule})`, witnessLog);
    await screenshot('06-witness.png');

    // 5. A share link.
    await click('#share');
    const url = await evaluate(`document.getElementById('share-url').value`);
    await navigate('about:blank');
    await navigate(url);
    await waitFor(`document.getElementById('status').textContent.startsWith('Ran')`, 10000);
    const restored = await evaluate(`({ source: document.getElementById('source').value, host: document.getElementById('host').value, schedule: document.getElementById('schedule').value, log: document.getElementById('log').textContent.trimEnd() })`);
    ok(restored.source === race.text && restored.host === 'html' && restored.schedule === schedule && restored.log === 'b\na',
      'a share link restores the program, host and schedule, and runs it', JSON.stringify(restored));
    await screenshot('07-share-link.png');

    // 6. The book: a litmus test opens in the playground; rule links lead into the book.
    await navigate(`${base}/book/litmus-playground.html`);
    const href = await evaluate(`[...document.querySelectorAll('a')].map((a) => a.href).find((h) => h.includes('example=seed-001-fetch-race.js'))`);
    ok(!!href, 'the book lists the litmus tests with playground links');
    await screenshot('08-book-litmus.png');
    await navigate(href);
    await waitFor(`document.getElementById('status').textContent.startsWith('Ran')`, 10000);
    const opened = await evaluate(`document.getElementById('source').value`);
    ok(opened.includes('fetch("a.com")'), 'a litmus test opens from the book in the playground');
    const ruleHrefs = await evaluate(`[...new Set([...document.querySelectorAll('#viewer a[href*="book/"]')].map((a) => a.href))]`);
    const broken = [];
    for (const h of ruleHrefs) {
      const [page, anchor] = h.split('#');
      const r = await fetch(page);
      if (r.status !== 200 || (anchor && !(await r.text()).includes(`id="${anchor}"`))) broken.push(h);
    }
    ok(ruleHrefs.length > 0 && broken.length === 0, `rule IDs link to their headings in the book (${ruleHrefs.length} links)`, `broken: ${broken.join(' ')}`);
    await screenshot('09-opened-from-book.png');

    // 7. A big exploration: a state limit says "incomplete"; Stop cuts one off while the page
    //    stays responsive.
    await navigate(`${base}/play/index.html`);
    await waitFor(`document.getElementById('status').textContent === 'Ready.'`, 10000);
    await paste('for (let i = 0; i < 9; i++) fetch("u" + i).then(() => console.log(i));\n');
    await setHost('html');
    await evaluate(`document.getElementById('claims-input').value = ''; document.getElementById('max-states').value = '100'`);
    await click('#check');
    await idle();
    const limited = await text('#status');
    ok(/^Incomplete: the state limit \(100 states\)/.test(limited), 'a state limit makes the check say incomplete', limited);
    await screenshot('10-incomplete.png');
    await evaluate(`document.getElementById('max-states').value = '2000000'`);
    await click('#check');
    await sleep(700);
    const t1 = Date.now();
    const busy = await evaluate(`document.body.classList.contains('busy')`);
    const responsive = Date.now() - t1;
    await click('#stop');
    const stopped = await text('#status');
    ok(busy && responsive < 500 && /^Stopped/.test(stopped), `the page answers while a check runs (${responsive} ms) and Stop ends it`, `${busy} ${stopped}`);
    await screenshot('11-stopped.png');
    await click('#run');
    await idle();
    ok((await text('#log')).split('\n').length >= 9, 'after Stop, Run works again (a fresh worker)');
  } finally {
    try { ws.close(); } catch (_) { /* closed */ }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try { process.kill(-child.pid); } catch (_) { /* ended */ }
    await Promise.race([exited, sleep(3000)]);
    server.close();
    try { fs.rmSync(profile, { recursive: true, force: true }); } catch (_) { /* chromium still writing: left in tmp */ }
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => { console.error(`error: ${e.stack || e}`); console.log(`${passed} passed, ${failed + 1} failed`); process.exit(1); });
