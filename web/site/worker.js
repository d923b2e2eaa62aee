// The playground's worker: runs the model (WebAssembly, ./pkg/) off the page's thread, so the
// page stays responsive while a check explores; the page's Stop button terminates it.
// Messages in: {id, op: 'run' | 'check', args: [...]}; out: {id, json} or {id, error}.
import init, { run, check, last_panic } from './pkg/evloop_wasm.js';

const ready = init();

self.onmessage = async (e) => {
  const { id, op, args } = e.data;
  try {
    await ready;
    const json = op === 'run' ? run(...args) : check(...args);
    self.postMessage({ id, json });
  } catch (err) {
    // A trap: a panic (a bug in evloop; its message was kept) or the stack ran out.
    let panic = null;
    try { panic = last_panic(); } catch (_) { /* the module is unusable after a trap */ }
    self.postMessage({ id, error: panic ? `evloop failed (a bug): ${panic}` : `evloop failed: ${err}` });
  }
};
self.postMessage({ ready: true });
ready.then(() => self.postMessage({ loaded: true }),
  (err) => self.postMessage({ loadError: String(err) }));
