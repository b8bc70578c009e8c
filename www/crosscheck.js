// Crosscheck widget loader: the one script an embedding page includes, as
//   <script type="module" src="crosscheck.js"></script>
// It loads the WebAssembly module that sits next to it (no network beyond these files and a
// same-origin database a page names, no eval, no inline script); the module's start function
// mounts a widget into every [data-crosscheck] element of the page and annotates every
// [data-crosscheck-annotate] article.
//
// It also publishes the JS API as window.Crosscheck (declared in crosscheck.d.ts):
//   await Crosscheck.ready;                       // the module has started
//   const w = Crosscheck.mount(el, { source, theme, database });
//   w.select(12); w.verdicts(12); w.destroy();
//   const a = Crosscheck.annotate(article, { source, database });   // the page's own text
//   await a.ready; a.tally(); a.select(12); a.destroy();
//   const db = await Crosscheck.analyse([{ id, text }, …], { onProgress, onSkip, signal });
//   Crosscheck.prepareAnalysis();                  // fetch and warm the engine ahead of time
// and fires `crosscheck:ready` on document once the API is usable.

const api = window.Crosscheck && typeof window.Crosscheck === 'object' ? window.Crosscheck : {};
window.Crosscheck = api;
api.version = 1;
// The engine itself is a separate module run in a worker (analyse.js), fetched on first use only:
// a reader's page never loads it.
api.analyse = (articles, options) => import('./analyse.js').then((m) => m.analyse(articles, options));
api.prepareAnalysis = () => import('./analyse.js').then((m) => m.prepare());

function showFailure(err) {
  console.error('Crosscheck could not load this comparison.', err);
  for (const el of document.querySelectorAll('[data-crosscheck]')) {
    if (el.shadowRoot) continue;
    const root = el.attachShadow({ mode: 'open' });
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(':host { display: block !important; color: initial !important; font: initial !important; }' +
        ' div { font: 15px/1.5 system-ui, sans-serif; color: #1b1b1f; background: #fff;' +
        ' border: 2px solid #d55e00; border-radius: 8px; padding: 12px; }');
      root.adoptedStyleSheets = [sheet];
    } catch (_) { /* an unstyled message is still a message */ }
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-error', '');
    box.textContent = 'Crosscheck could not load this comparison: its code did not start.';
    root.append(box);
  }
}

// The module's bytes are requested at once, beside the glue's import rather than after it (a
// static import would fetch the glue first and the wasm only when it ran): one round trip less
// before the first sentence. The glue's init takes the pending response as it is.
const wasm = fetch(new URL('./crosscheck-widget_bg.wasm', import.meta.url));
wasm.catch(() => {}); // reported through `ready` below, not as an unhandled rejection

api.ready = import('./crosscheck-widget.js').then(
  (glue) => glue.default({ module_or_path: wasm }).then(() => {
    api.mount = (element, options) => glue.mount(element, options ?? {});
    api.mountAll = () => glue.mountAll();
    api.annotate = (element, options) => glue.annotate(element, options ?? {});
    api.annotateAll = () => glue.annotateAll();
    document.dispatchEvent(new CustomEvent('crosscheck:ready', { detail: api }));
    return api;
  }),
).catch((err) => {
  showFailure(err);
  throw err;
});
// The page sees the failure in each widget and in the console; a script that awaits `ready`
// still gets the rejection, but nobody is told of an "unhandled" one.
api.ready.catch(() => {});
