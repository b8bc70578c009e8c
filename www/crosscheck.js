// Crosscheck widget loader: the one script an embedding page includes, as
//   <script type="module" src="crosscheck.js"></script>
// It loads the WebAssembly module that sits next to it (no network beyond these files, no
// eval, no inline script); the module's start function mounts a widget into every
// [data-crosscheck] element of the page.
import init from './crosscheck-widget.js';

init({ module_or_path: new URL('./crosscheck-widget_bg.wasm', import.meta.url) }).catch((err) => {
  console.error('Crosscheck could not load this comparison.', err);
  for (const el of document.querySelectorAll('[data-crosscheck]')) {
    if (el.shadowRoot) continue;
    const root = el.attachShadow({ mode: 'open' });
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.setAttribute('data-error', '');
    box.textContent = 'Crosscheck could not load this comparison: its code did not start.';
    root.append(box);
  }
});
