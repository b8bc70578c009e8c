// Crosscheck.analyse, the page's half: hands articles to the analysis worker and turns its
// messages into a Promise, progress callbacks and per-article reports. crosscheck.js imports
// this module only when a page first calls Crosscheck.analyse, so a reader's page never
// fetches it, the worker or the engine's WebAssembly.
//
//   const db = await Crosscheck.analyse(
//     [{ id: 'a', text: '…' }, { id: 'b', text: '<!doctype html>…' }],
//     { onProgress: ({ stage, unit, done, total }) => …, onSkip: ({ id, message }) => …,
//       signal: abortController.signal });
//   Crosscheck.mount(el, { database: db });
//
// The result is the JSON export object (`crosscheck build --no-encoder --format json`).

let worker = null;
/** Resolves when the current worker's module is compiled and warmed up (see prepare()). */
let workerReady = null;
let nextId = 1;
/** Jobs sent and not yet answered, by id: {articles, options, resolve, reject}. */
const pending = new Map();

function call(fn, arg) {
  if (typeof fn !== 'function') return;
  try {
    fn(arg);
  } catch (err) {
    console.error('Crosscheck.analyse: a callback threw', err);
  }
}

function startWorker() {
  const w = new Worker(new URL('./analyse-worker.js', import.meta.url));
  let ready;
  workerReady = new Promise((resolve) => { ready = resolve; });
  w.onmessage = (event) => {
    const m = event.data || {};
    if (m.type === 'ready' || m.type === 'failed') {
      ready(m.type === 'ready');
      return;
    }
    const job = pending.get(m.id);
    if (!job) return;
    if (m.type === 'progress') {
      call(job.options.onProgress, { stage: m.stage, unit: m.unit, done: m.done, total: m.total });
      return;
    }
    pending.delete(m.id);
    if (m.type === 'done') {
      for (const s of m.skipped) call(job.options.onSkip, s);
      if (m.skipped.length && typeof job.options.onSkip !== 'function') {
        console.warn(`Crosscheck.analyse: ${m.skipped.length} article(s) set aside:`,
          m.skipped.map((s) => `${s.id}: ${s.message}`).join('; '));
      }
      job.resolve(m.database);
    } else {
      job.reject(new Error(`Crosscheck.analyse: ${m.message}`));
      if (m.fatal) dropWorker(w, null);
    }
  };
  // The worker script or its module could not load (a missing file, a CSP that forbids it).
  w.onerror = (event) => {
    event.preventDefault();
    dropWorker(w, new Error(`Crosscheck.analyse: the analysis worker failed: ${event.message || 'it did not load'}`));
  };
  return w;
}

/** Ends a worker; with `err` its jobs fail, without it they move to a fresh worker. */
function dropWorker(w, err) {
  w.terminate();
  if (worker === w) {
    worker = null;
    workerReady = null;
  }
  for (const [id, job] of pending) {
    if (err) {
      pending.delete(id);
      job.reject(err);
    } else {
      send(id, job);
    }
  }
}

function send(id, job) {
  if (!worker) worker = startWorker();
  worker.postMessage({ id, articles: job.articles });
}

/**
 * Starts the worker and its module ahead of a first analysis (Crosscheck.prepareAnalysis): a
 * page that expects to analyse calls it early, for example when the first file is added, and
 * the fetch, compile and warm-up happen while the user is still choosing. Resolves to true when
 * the engine is ready, false if it could not start (analyse then rejects with the reason).
 */
export function prepare() {
  if (!worker) worker = startWorker();
  const w = worker;
  return Promise.race([
    workerReady,
    new Promise((resolve) => w.addEventListener('error', () => resolve(false), { once: true })),
  ]);
}

export function analyse(articles, options = {}) {
  options = options ?? {};
  return new Promise((resolve, reject) => {
    if (!Array.isArray(articles)) {
      throw new TypeError('Crosscheck.analyse takes an array of {id, text} articles');
    }
    const { signal } = options;
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const id = nextId++;
    const job = { articles, options, resolve, reject };
    pending.set(id, job);
    try {
      send(id, job);
    } catch (err) {
      // postMessage could not clone an article (a function, a DOM node...).
      pending.delete(id);
      reject(new TypeError(`Crosscheck.analyse: the articles cannot be sent to the worker: ${err.message}`));
      return;
    }
    // The engine cannot be interrupted mid-build: an abort ends its worker, and any other
    // page job on it starts again in a fresh one.
    signal?.addEventListener('abort', () => {
      if (!pending.has(id)) return;
      pending.delete(id);
      reject(signal.reason);
      if (worker) dropWorker(worker, null);
    }, { once: true });
  });
}
