// The playground page: an editor with examples, a host picker, Run (one schedule, stepped
// through) and Check (every outcome with its witness; claims with verdicts and
// counterexamples). The model runs in worker.js (WebAssembly); nothing goes over the network.
// Share links carry the program, host, timing, schedule and claims in the URL fragment.

const BOOK = '../book/';
const $ = (id) => document.getElementById(id);
const examples = window.EVLOOP_EXAMPLES || [];

// --- the editor ----------------------------------------------------------------------------

const source = $('source');
const gutter = $('gutter');

function updateGutter() {
  const n = source.value.split('\n').length;
  let s = '';
  for (let i = 1; i <= n; i++) s += i + '\n';
  gutter.textContent = s;
  gutter.scrollTop = source.scrollTop;
}
source.addEventListener('input', () => { updateGutter(); $('example').value = ''; });
source.addEventListener('scroll', () => { gutter.scrollTop = source.scrollTop; });
source.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); doRun(); }
  if (e.key === 'Tab') {
    e.preventDefault();
    source.setRangeText('  ', source.selectionStart, source.selectionEnd, 'end');
    updateGutter();
  }
});

/** Selects line:col (1-based) in the editor. */
function selectAt(line, col) {
  const lines = source.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  offset += Math.max(0, col - 1);
  source.focus();
  source.setSelectionRange(offset, offset + 1);
  const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 18;
  source.scrollTop = Math.max(0, (line - 3) * lineHeight);
}

// --- examples ------------------------------------------------------------------------------

function fillExamples() {
  const select = $('example');
  const groups = new Map();
  for (const ex of examples) {
    if (!groups.has(ex.group)) {
      const g = document.createElement('optgroup');
      g.label = ex.group;
      groups.set(ex.group, g);
      select.appendChild(g);
    }
    const o = document.createElement('option');
    o.value = ex.name;
    o.textContent = ex.name;
    groups.get(ex.group).appendChild(o);
  }
  select.addEventListener('change', () => loadExample(select.value));
}

/** Puts the example named `name` in the editor, with its first host and its claims. */
function loadExample(name, host) {
  const ex = examples.find((e) => e.name === name);
  if (!ex) return false;
  source.value = ex.source;
  pendingName = null;
  $('example').value = name;
  $('host').value = host || ex.hosts[0] || 'html';
  $('claims-input').value = ex.claims.join('\n');
  $('schedule').value = 'default';
  $('timing').value = '';
  updateGutter();
  return true;
}

// --- share links ---------------------------------------------------------------------------

function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(s) {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)));
}

function fileName() {
  const ex = examples.find((e) => e.name === $('example').value);
  return ex ? ex.name : 'playground.js';
}

/** The link to this page with the program, host, timing, schedule and claims. */
function shareUrl() {
  const p = new URLSearchParams();
  p.set('h', $('host').value);
  if ($('timing').value) p.set('t', $('timing').value);
  p.set('s', $('schedule').value.trim() || 'default');
  p.set('n', fileName());
  if ($('claims-input').value.trim()) p.set('c', toBase64Url($('claims-input').value));
  p.set('p', toBase64Url(source.value));
  return location.href.split('#')[0] + '#' + p.toString();
}

/** Restores the page from the fragment: `p=` (a shared program) or `example=` (a litmus
 *  test opened from the book). Returns whether there was something to restore. */
function restoreFromFragment() {
  const p = new URLSearchParams(location.hash.slice(1));
  try {
    if (p.has('p')) {
      source.value = fromBase64Url(p.get('p'));
      const n = p.get('n');
      $('example').value = examples.some((e) => e.name === n) && examples.find((e) => e.name === n).source === source.value ? n : '';
      pendingName = n || 'playground.js';
      $('claims-input').value = p.has('c') ? fromBase64Url(p.get('c')) : '';
    } else if (p.has('example')) {
      if (!loadExample(p.get('example'), p.get('h'))) {
        showProblems([{ line: 0, col: 0, message: `no example named ${p.get('example')}` }]);
        return false;
      }
    } else {
      return false;
    }
  } catch (e) {
    showProblems([{ line: 0, col: 0, message: `the link is damaged: ${e}` }]);
    return false;
  }
  if (p.has('h')) $('host').value = p.get('h');
  $('timing').value = p.get('t') || '';
  $('schedule').value = p.get('s') || 'default';
  updateGutter();
  return true;
}
let pendingName = null;

$('share').addEventListener('click', async () => {
  const url = shareUrl();
  const box = $('share-url');
  box.hidden = false;
  box.value = url;
  box.select();
  history.replaceState(null, '', url);
  try { await navigator.clipboard.writeText(url); setStatus('Share link copied (and in the address bar).'); } catch (_) {
    setStatus('Share link in the address bar and the box below.');
  }
});

// --- the worker ----------------------------------------------------------------------------

let worker = null;
let pending = null;
let nextId = 1;
let loaded = false;

function startWorker() {
  worker = new Worker('worker.js', { type: 'module' });
  worker.onmessage = (e) => {
    const m = e.data;
    if (m.loaded) { loaded = true; if (!pending) setStatus('Ready.'); return; }
    if (m.loadError) { setStatus(`The model could not be loaded: ${m.loadError}`, true); return; }
    if (m.ready) return;
    if (!pending || m.id !== pending.id) return;
    const { resolve } = pending;
    pending = null;
    setBusy(false);
    if (m.error) {
      // The module may be unusable after a trap: start a fresh one.
      worker.terminate();
      startWorker();
      resolve({ ok: false, problems: [{ line: 0, col: 0, message: m.error }] });
    } else {
      resolve(JSON.parse(m.json));
    }
  };
  worker.onerror = (e) => setStatus(`The worker failed: ${e.message}`, true);
}

function call(op, args) {
  return new Promise((resolve) => {
    pending = { id: nextId++, resolve };
    setBusy(true);
    worker.postMessage({ id: pending.id, op, args });
  });
}

$('stop').addEventListener('click', () => {
  if (!pending) return;
  worker.terminate();
  const { resolve } = pending;
  pending = null;
  setBusy(false);
  startWorker();
  resolve(null);
  setStatus('Stopped. Nothing was decided: the exploration was cut off.', true);
});

function setBusy(busy) {
  $('run').disabled = busy;
  $('check').disabled = busy;
  $('stop').disabled = !busy;
  document.body.classList.toggle('busy', busy);
}

function setStatus(text, bad) {
  const s = $('status');
  s.textContent = text;
  s.className = bad ? 'bad' : '';
}

// --- rendering -----------------------------------------------------------------------------

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function showProblems(problems) {
  const box = $('problems');
  box.replaceChildren();
  for (const p of problems || []) {
    const where = p.line ? `${fileName()}:${p.line}:${p.col}: ` : '';
    const item = el('div', { class: 'problem' }, el('strong', {}, where + p.message));
    if (p.help) item.append(el('div', { class: 'help' }, 'help: ' + p.help));
    if (p.line) {
      item.classList.add('clickable');
      item.title = 'show in the editor';
      item.addEventListener('click', () => selectAt(p.line, p.col));
    }
    box.append(item);
  }
}

/** Hides the last answer while a new one is computed (so a stopped one leaves none shown). */
function clearResults() {
  $('run-panel').hidden = true;
  $('check-panel').hidden = true;
}

function options(extra) {
  const o = { name: pendingName || fileName() };
  if ($('timing').value) o.timing = $('timing').value;
  return JSON.stringify(Object.assign(o, extra || {}));
}

// --- Run -----------------------------------------------------------------------------------

async function doRun() {
  if (pending) return;
  showProblems([]);
  clearResults();
  setStatus('Running…');
  const started = performance.now();
  const a = await call('run', [source.value, $('host').value, $('schedule').value.trim() || 'default', options()]);
  if (!a) return;
  if (!a.ok) { setStatus('Not run: see the problems below.', true); showProblems(a.problems); return; }
  $('check-panel').hidden = true;
  $('run-panel').hidden = false;
  $('log').textContent = a.log.join('\n') + (a.log.length ? '\n' : '');
  for (const e of a.errors) $('log').append(el('span', { class: 'err' }, 'evloop: ' + e + '\n'));
  if (a.reason) $('log').append(el('span', { class: 'err' }, 'evloop: diverged: ' + a.reason + '\n'));
  $('run-meta').textContent = `${a.host}, status ${a.status}, schedule ${a.schedule.length ? a.schedule.join(',') : '(no choices)'}`;
  showSteps(a);
  setStatus(`Ran in ${Math.round(performance.now() - started)} ms.`);
}

/** The step-through: the explanation viewer of `evloop explain` (explain/assets/viewer.js)
 *  over the run's snapshots: source line, stack, queues, clock, log and the rule that fired,
 *  linked to the book; back, forward, jump, ← and →. */
function showSteps(a) {
  const box = $('viewer');
  if (window.evloopStepper) window.evloopStepper.destroy();
  window.evloopStepper = null;
  box.replaceChildren();
  if (!window.EvloopViewer) {
    box.append(el('p', { class: 'problem' }, 'The step-through viewer (viewer.js) is missing from this build of the site.'));
    return;
  }
  if (a.explanation.truncated) box.append(el('p', { class: 'incomplete' }, a.explanation.truncated));
  const mount = el('div');
  box.append(mount);
  // { go, step, back, current, snapshot, destroy }; opens at the last step (the whole run).
  window.evloopStepper = window.EvloopViewer.mount(mount, a.explanation, { bookBase: BOOK });
  window.evloopStepper.go(a.explanation.steps.length - 1);
}

// --- Check ---------------------------------------------------------------------------------

async function doCheck() {
  if (pending) return;
  showProblems([]);
  clearResults();
  setStatus('Exploring every schedule… (Stop cuts it off)');
  const claims = $('claims-input').value.split('\n').map((c) => c.trim()).filter((c) => c);
  const limits = { max_states: Math.max(1, +$('max-states').value || 200000) };
  if (+$('timeout').value > 0) limits.timeout_ms = Math.round(+$('timeout').value * 1000);
  const a = await call('check', [source.value, $('host').value, JSON.stringify(claims), options(limits)]);
  if (!a) return;
  if (!a.ok) { setStatus('Not checked: see the problems below.', true); showProblems(a.problems); return; }
  $('run-panel').hidden = true;
  $('check-panel').hidden = false;
  const n = a.outcomes.length;
  $('check-meta').textContent = `${a.host}: ${n} outcome${n === 1 ? '' : 's'} over ${a.states} states (${(a.elapsed_ms / 1000).toFixed(2)} s)` +
    (a.complete ? '' : ' — INCOMPLETE');
  const list = $('outcomes');
  list.replaceChildren();
  a.outcomes.forEach((o) => list.append(outcomeItem(o)));
  const claimsBox = $('claims');
  claimsBox.replaceChildren();
  if (!a.complete) claimsBox.append(el('p', { class: 'incomplete' }, `Incomplete: ${a.incomplete}; the outcomes above are the ones found so far, and a claim they do not decide is unknown.`));
  for (const c of a.claims) {
    const v = el('div', { class: 'claim ' + c.verdict },
      el('code', {}, c.claim), ' — ',
      el('strong', {}, c.verdict === 'holds' ? 'holds on every schedule' : c.verdict === 'fails' ? 'FAILS' : 'unknown (incomplete exploration)'));
    if (c.counterexample) {
      v.append(el('div', { class: 'hint' }, 'shortest counterexample (click to step through):'));
      const ol = el('ol', { class: 'outcomes' });
      ol.append(outcomeItem(c.counterexample));
      v.append(ol);
    }
    claimsBox.append(v);
  }
  setStatus(a.complete ? `Checked: ${n} outcome${n === 1 ? '' : 's'}.` : `Incomplete: ${a.incomplete}.`, !a.complete);
}

function outcomeItem(o) {
  const log = el('pre', { class: 'outcome-log' }, o.log.length ? o.log.join('\n') : '(nothing logged)');
  const meta = [`status ${o.status}`];
  if (o.errors.length) meta.push(o.errors.join('; '));
  if (o.reason) meta.push('diverged: ' + o.reason);
  const vars = Object.entries(o.vars).map(([k, v]) => `${k} = ${v}`);
  if (vars.length) meta.push(vars.join(', '));
  const witness = o.witness.length
    ? el('ol', { class: 'witness' }, ...o.witness.map((w, k) => el('li', {}, `${o.witness_words[k]} `, el('code', {}, `[${w}]`))))
    : el('div', { class: 'witness' }, 'no choices (the only way the program can run)');
  const schedule = o.witness.length ? 'replay:' + o.witness.join(',') : 'default';
  const li = el('li', { class: 'outcome', title: 'step through this schedule', 'data-schedule': schedule },
    log, el('div', { class: 'meta' }, meta.join(' · ')), witness);
  li.addEventListener('click', () => { $('schedule').value = schedule; doRun(); });
  return li;
}

$('run').addEventListener('click', doRun);
$('check').addEventListener('click', doCheck);
window.addEventListener('hashchange', () => { if (restoreFromFragment()) doRun(); });

// --- start ---------------------------------------------------------------------------------

fillExamples();
startWorker();
if (!restoreFromFragment()) loadExample(examples.some((e) => e.name === 'seed-002-async1-async2.js') ? 'seed-002-async1-async2.js' : (examples[0] || {}).name);
updateGutter();
// A shared link (or a litmus test opened from the book) runs as soon as the model is loaded.
if (location.hash && source.value) doRun();
