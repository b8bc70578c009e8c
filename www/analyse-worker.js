// Crosscheck's analysis worker: runs the engine (crosscheck-analyse, a WebAssembly module of
// its own) off the page's main thread, so a page stays responsive while a cluster is analysed.
// Started by analyse.js on the first Crosscheck.analyse call; never loaded by a reader's page.
//
// Messages in:  {id, articles}
// Messages out: {type: 'ready'} once, when the module is compiled and warmed up
//               {type: 'failed', message} instead, when it could not start
//               {id, type: 'progress', stage, unit, done, total}
//               {id, type: 'done', database, skipped: [{id, message}]}
//               {id, type: 'error', message, fatal}
// A classic worker (importScripts) rather than a module one, so it runs in every browser that
// runs the widget; the glue is wasm-bindgen's no-modules build, which defines `wasm_bindgen`.
/* global wasm_bindgen */
'use strict';

importScripts('./crosscheck-analyse.js');

// Two made-up reports of a made-up event. The engine's code starts in the browser's baseline
// tier and is recompiled optimised only once it has run for a while; one small analysis at
// start-up does much of that before a page's first real one (the five seed articles: about 450
// ms first, 250 ms after this warm-up, under Node's V8).
const WARM_UP = [
  { id: 'a', text: 'Storm hits the coast\n\nA storm hit the coast on Monday, killing three people, '
    + 'officials said.\n\n"It was the worst in 20 years," the mayor, Ann Lee, told reporters.\n' },
  { id: 'b', text: 'Four dead as storm strikes\n\nFour people died when a storm struck the coast on '
    + 'Monday night, police said on Tuesday. About 1,200 homes lost power.\n' },
];

let asked = false;
const started = wasm_bindgen({
  module_or_path: new URL('./crosscheck-analyse_bg.wasm', self.location.href),
}).then(() => {
  // Only ahead of time: a page already waiting for its analysis is better served at once.
  if (!asked) wasm_bindgen.analyse(WARM_UP, null);
  self.postMessage({ type: 'ready' });
});
started.catch((err) => self.postMessage({ type: 'failed', message: String(err && err.message ? err.message : err) }));

self.onmessage = async (event) => {
  asked = true;
  const { id, articles } = event.data || {};
  try {
    await started;
  } catch (err) {
    self.postMessage({ id, type: 'error', fatal: true,
      message: `the analysis module did not start: ${err && err.message ? err.message : err}` });
    self.close();
    return;
  }
  try {
    const out = wasm_bindgen.analyse(articles, (stage, unit, done, total) =>
      self.postMessage({ id, type: 'progress', stage, unit, done, total }));
    // The engine hands its JSON export as text, parsed here: every number is the one
    // `crosscheck build --format json` writes, and the page's thread gets a ready object.
    const database = JSON.parse(out.json);
    self.postMessage({ id, type: 'done', database, skipped: out.skipped });
  } catch (err) {
    // A trap (a bug of ours) leaves the module's memory in an unknown state: this worker ends
    // and the next call starts a fresh one. A thrown Error is an input problem, told as is.
    const fatal = err instanceof WebAssembly.RuntimeError;
    const message = err && err.message ? err.message : String(err);
    self.postMessage({ id, type: 'error', fatal, message: fatal ? `the analysis failed: ${message}` : message });
    if (fatal) self.close();
  }
};
