// Browser benchmarks of the release build (`dist/`) in Debian's headless Chromium, driven by
// playwright-core (which downloads no browser), served behind the same strict CSP as the
// end-to-end test:
//
//   start-up  navigation start -> first clickable sentence, median over N loads, each in a
//             fresh browser context (empty cache, new renderer);
//   click     a sentence click -> its panel in the DOM -> laid out -> painted, for every
//             sentence of every article of the embedded cluster, in several passes; each
//             sentence's figure is its median over the passes, so a burst of load from other
//             processes on the machine does not pass for a slow sentence; then the Event
//             Timing API's figure for trusted clicks, and the same on a control page that only
//             toggles a paragraph's text (the floor any page meets on this machine);
//   per-story a database file loaded with `Crosscheck.mount(el, {database})`: the 200-article
//             bench cluster's binary form (`target/bench/claims-n200-*.bin` from
//             `scripts/bench.sh engine`) and the 20-article one's JSON export (built by the
//             release CLI when it is there): mount -> first sentence laid out, and how much of
//             it came after the (local) fetch. Skipped, with a line saying so, when there is
//             no such database.
//   analyse   `Crosscheck.analyse` in analyse.html (the engine in a worker): the five seed
//             articles, cold (a fresh page: worker start, module fetch and compile, then the
//             build) and warm (a second call in the same page), and the 50-article bench cluster
//             (`target/bench/clusters/n50` from `scripts/bench.sh engine`) when it is there.
//
// Prints figures and writes them as JSON; it never fails on a slow figure (only on a broken
// page). Run by scripts/bench.sh; alone: `node bench/browser.mjs` after `trunk build --release`.
// Env: CROSSCHECK_DIST (default dist/), CHROMIUM (default /usr/bin/chromium),
//      BENCH_LOADS (default 15), BENCH_CLICK_PASSES (default 5), BENCH_OUT (default target/bench/; writes browser.json).

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { copyFile, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS as E2E_CHROMIUM_ARGS, startServer } from '../e2e/static-server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.CROSSCHECK_DIST || join(REPO, 'dist'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LOADS = Math.max(1, Number(process.env.BENCH_LOADS) || 15);
const PASSES = Math.max(1, Number(process.env.BENCH_CLICK_PASSES) || 5);
const OUT = resolve(process.env.BENCH_OUT || join(REPO, 'target', 'bench'));
// The end-to-end test's flags: headless as root in a container, and nothing Chromium fetches
// on its own, so only the page's own work is timed.
const CHROMIUM_ARGS = [
  ...E2E_CHROMIUM_ARGS,
  // Extra flags for experiments, e.g. "--disable-frame-rate-limit --disable-gpu-vsync".
  ...(process.env.BENCH_CHROMIUM_ARGS || '').split(/\s+/).filter(Boolean),
];
const READY_MARK = 'crosscheck:ready';
const TIMEOUT_MS = 30_000;

const median = (xs) => quantile(xs, 0.5);
/** Nearest-rank quantile (no interpolation), so a reported p95 is a time that was measured. */
function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const stats = (xs) => ({
  n: xs.length,
  min: Math.min(...xs),
  median: median(xs),
  p95: quantile(xs, 0.95),
  max: Math.max(...xs),
});
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');

/**
 * Runs in the page before any of its scripts. The widget renders into shadow roots, which a
 * MutationObserver on the document cannot see into, so every shadow root attached is observed
 * on its own; the first `[data-segment]` to appear in any of them is timed (observer callbacks
 * run as microtasks right after the wasm call that inserted it, so this is within
 * microseconds of the DOM change). Its event handlers are in place from that moment (Yew
 * attaches them as it inserts the DOM). Then the frame that first shows it is timed: a
 * requestAnimationFrame callback runs before that frame's style, layout and paint, and a
 * message posted from it is handled after them.
 *
 * The page's own article, annotated in place (`data-crosscheck-annotate`), is watched too: its
 * first marker (`[data-segment]` in the light DOM) is a clickable sentence as well, and on the
 * demo story page it comes before the widget box's. The start-up figure is whichever comes
 * first; each is also reported on its own.
 *
 * This, not the widget's `crosscheck:ready` mark, is the start-up figure: the mark is set by
 * an effect, and Yew 0.23's scheduler yields to the browser (a `setTimeout(0)`) once a render
 * has run 16 ms, before it runs effects, so on this machine the mark lands a frame or two
 * after the sentences are in the DOM and painted. The mark is reported beside it.
 */
function installReadyProbe() {
  const attach = Element.prototype.attachShadow;
  window.__ccFirstSegment = null;
  window.__ccFirstPainted = null;
  window.__ccFirstMarked = null;
  const article = new MutationObserver(() => {
    if (window.__ccFirstMarked === null && document.querySelector('[data-crosscheck-annotate] [data-segment]')) {
      window.__ccFirstMarked = performance.now();
      article.disconnect();
    }
  });
  article.observe(document, { childList: true, subtree: true });
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const obs = new MutationObserver(() => {
      if (window.__ccFirstSegment === null && root.querySelector('[data-segment]')) {
        window.__ccFirstSegment = performance.now();
        obs.disconnect();
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            window.__ccFirstPainted = performance.now();
          };
          ch.port2.postMessage(0);
        });
      }
    });
    obs.observe(root, { childList: true, subtree: true });
    return root;
  };
}

/** One cold load in a fresh context: navigation start is performance.now()'s zero. */
async function oneLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  try {
    await context.addInitScript(installReadyProbe);
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(
      (mark) => performance.getEntriesByName(mark).length > 0 && window.__ccFirstPainted !== null,
      READY_MARK,
      { timeout: TIMEOUT_MS, polling: 50 },
    );
    // One more frame so first paint after the sentence lands in the paint timings.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const t = await page.evaluate((mark) => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource');
      const wasm = res.find((r) => r.name.endsWith('.wasm'));
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const m = performance.getEntriesByName(mark)[0];
      return {
        mark: m ? m.startTime : null,
        probe: window.__ccFirstSegment,
        marked: window.__ccFirstMarked,
        painted: window.__ccFirstPainted,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? null,
        load: nav?.loadEventEnd ?? null,
        wasmFetched: wasm ? wasm.responseEnd : null,
        firstContentfulPaint: fcp ? fcp.startTime : null,
      };
    }, READY_MARK);
    if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
    // The first clickable sentence: the article's first marker or the box's first sentence.
    const ready = t.marked === null ? t.probe : Math.min(t.marked, t.probe);
    return { ...t, box: t.probe, ready };
  } finally {
    await context.close();
  }
}

/**
 * In the page: clicks every sentence of every article in the first widget and times each
 * click to the panel being in the DOM, laid out, and painted. Returns one record per click.
 */
function clickAll(readyMark) {
  const host = document.querySelector('[data-crosscheck]');
  const root = host?.shadowRoot;
  if (!root) throw new Error('no widget shadow root on [data-crosscheck]');
  const nextFrame = () => new Promise((r) => requestAnimationFrame(r));
  // Resolves when `test()` holds, checking at once and then on every DOM change.
  const whenDom = (test) =>
    new Promise((ok, fail) => {
      if (test()) return ok();
      const timer = setTimeout(() => {
        obs.disconnect();
        fail(new Error('timed out waiting for the widget'));
      }, 10_000);
      const obs = new MutationObserver(() => {
        if (test()) {
          clearTimeout(timer);
          obs.disconnect();
          ok();
        }
      });
      obs.observe(root, { childList: true, subtree: true, attributes: true });
    });
  return (async () => {
    const records = [];
    const tabs = [...root.querySelectorAll('[data-source-tab]')];
    const articles = tabs.length ? tabs : [null];
    for (const tab of articles) {
      if (tab) {
        const id = tab.getAttribute('data-source-tab');
        tab.click();
        await whenDom(() => root.querySelector(`[data-article="${CSS.escape(id)}"]`));
        await nextFrame();
        await nextFrame();
      }
      const ids = [...root.querySelectorAll('[data-segment]')].map((el) => el.getAttribute('data-segment'));
      for (const id of ids) {
        const sel = `[data-segment="${CSS.escape(id)}"]`;
        let el = root.querySelector(sel);
        if (!el) continue;
        if (el.getAttribute('aria-expanded') === 'true') {
          // Already open (a click would close it): close it first, untimed.
          el.click();
          await whenDom(() => !root.querySelector(`[data-panel="${CSS.escape(id)}"]`));
          await nextFrame();
          el = root.querySelector(sel);
        }
        // Start from a settled frame so one click's work does not spill into the next.
        await nextFrame();
        const panelSel = `[data-panel="${CSS.escape(id)}"]`;
        const t0 = performance.now();
        el.click();
        const sync = root.querySelector(panelSel) !== null;
        await whenDom(() => root.querySelector(panelSel));
        const tDom = performance.now();
        // Forces style and layout of the new panel now: the main-thread work the frame needs,
        // without waiting for the next vsync.
        root.querySelector(panelSel).getBoundingClientRect();
        const tLayout = performance.now();
        // The next paint: a message posted from the next frame's rAF callback is delivered
        // once that frame has been painted (the usual "time to next paint" probe).
        await new Promise((ok) =>
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => ok();
            ch.port2.postMessage(0);
          }),
        );
        const tNext = performance.now();
        // Two frames, as the brief asks: the second callback runs after the frame that shows
        // the panel was painted, so this includes up to two vsync waits.
        await nextFrame();
        const tPaint = performance.now();
        records.push({
          segment: id,
          synchronous: sync,
          dom: tDom - t0,
          layout: tLayout - t0,
          nextPaint: tNext - t0,
          painted: tPaint - t0,
          entries: root.querySelectorAll(`${panelSel} [data-source][data-verdict]`).length,
        });
      }
    }
    const frames = [];
    let last = performance.now();
    for (let i = 0; i < 30; i++) {
      await nextFrame();
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    return { records, articles: articles.length, frameIntervals: frames, markSet: performance.getEntriesByName(readyMark).length > 0 };
  })();
}

/**
 * Click latency as the browser reports it (Event Timing API): trusted mouse clicks from
 * Playwright on every sentence (`element.click()` makes untrusted events, which the API does
 * not time), each followed by its panel, then the `event` entries of the clicks. An entry's
 * `duration` runs from the input to the paint that shows its effect (rounded to 8 ms); its
 * processing time is the handlers' main-thread work. The API only reports events of 16 ms or
 * more, so a click without an entry was presented in under 16 ms.
 */
async function eventTiming(page) {
  await page.evaluate(() => {
    window.__ccEvents = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'click') {
          window.__ccEvents.push({
            start: e.startTime,
            duration: e.duration,
            processing: e.processingEnd - e.processingStart,
            delay: e.processingStart - e.startTime,
          });
        }
      }
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  const clicks = [];
  const tabs = page.locator('[data-crosscheck] [data-source-tab]');
  const nTabs = Math.max(await tabs.count(), 1);
  for (let t = 0; t < nTabs; t++) {
    if ((await tabs.count()) > 0) {
      await tabs.nth(t).click();
      await page.waitForTimeout(50);
    }
    const sentences = page.locator('[data-crosscheck] [data-segment]');
    const n = await sentences.count();
    for (let i = 0; i < n; i++) {
      const s = sentences.nth(i);
      const id = await s.getAttribute('data-segment');
      if ((await s.getAttribute('aria-expanded')) === 'true') {
        await s.click();
        await page.waitForTimeout(30);
      }
      await s.scrollIntoViewIfNeeded();
      await page.waitForTimeout(30);
      const t0 = await page.evaluate(() => performance.now());
      await s.click();
      await page.locator(`[data-crosscheck] [data-panel="${id}"]`).waitFor();
      // Two frames: the entry is queued once the click's paint has happened.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const t1 = await page.evaluate(() => performance.now());
      clicks.push({ segment: id, t0, t1 });
    }
  }
  await page.waitForTimeout(100);
  const entries = await page.evaluate(() => window.__ccEvents);
  // One entry per click at most: the first click entry that starts within the click's window.
  const matched = clicks.map((c) => entries.find((e) => e.start >= c.t0 && e.start <= c.t1) ?? null);
  const timed = matched.filter(Boolean);
  // Over all clicks, a click with no entry counts as 16 ms (an upper bound), so the p95 is an
  // upper bound too when fewer than 5 % of clicks have entries.
  const upTo16 = matched.map((e) => (e ? e.duration : 16));
  return {
    clicks: clicks.length,
    withEntry: timed.length,
    duration: stats(upTo16),
    durationOfEntries: timed.length ? stats(timed.map((e) => e.duration)) : null,
    processing: timed.length ? stats(timed.map((e) => e.processing)) : null,
    inputDelay: timed.length ? stats(timed.map((e) => e.delay)) : null,
  };
}

/** Clicks on the control page of `eventTimingFloor`. */
const FLOOR_CLICKS = 40;

/**
 * The floor under the Event Timing row: the same kind of trusted clicks, timed the same way,
 * on a control page whose click handler only toggles one short paragraph's text. What any click
 * costs this headless, software-rastered browser on this machine, whatever the page does: the
 * widget's figure is read against it (a widget cannot present faster than the floor).
 */
async function eventTimingFloor(browser) {
  const root = await mkdtemp(join(os.tmpdir(), 'crosscheck-floor-'));
  try {
    await writeFile(join(root, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title>' +
      '<script type="module" src="floor.js"></script></head><body><p id="s">A sentence to click.</p><p id="out"></p></body></html>');
    await writeFile(join(root, 'floor.js'), "const out = document.getElementById('out');\n" +
      "document.getElementById('s').addEventListener('click', () => {\n" +
      "  out.textContent = out.textContent ? '' : 'Three other reports corroborate this sentence.';\n});\n");
    const server = await startServer({ root, csp: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: 'load' });
      await page.evaluate(() => {
        window.__floor = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.name === 'click') window.__floor.push(e.duration);
        }).observe({ type: 'event', durationThreshold: 16 });
      });
      for (let i = 0; i < FLOOR_CLICKS; i++) {
        await page.locator('#s').click();
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(100);
      const entries = await page.evaluate(() => window.__floor);
      // As for the widget's clicks: a click without an entry took under 16 ms and counts as 16.
      const durations = [...entries, ...Array(Math.max(0, FLOOR_CLICKS - entries.length)).fill(16)];
      return { clicks: FLOOR_CLICKS, withEntry: entries.length, duration: stats(durations) };
    } finally {
      await context.close();
      await server.close();
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const PER_STORY_LOADS = Math.max(1, Number(process.env.BENCH_PER_STORY_LOADS) || 5);

const PER_STORY_JS = `
const db = new URL(location.href).searchParams.get('db');
window.Crosscheck.ready.then(async (api) => {
  const host = document.getElementById('w');
  const t0 = performance.now();
  window.__perStoryT0 = t0;
  const w = api.mount(host, { database: db });
  const ok = await w.ready;
  const seg = host.shadowRoot.querySelector('[data-segment]');
  if (seg) seg.getBoundingClientRect();
  const t1 = performance.now();
  // The widget reads the file as it arrives, so its resource entry (queued once the body is
  // done) may come a task after the sentence is shown: wait for it rather than miss it.
  let res = null;
  for (let i = 0; i < 100 && !res; i++) {
    res = performance.getEntriesByType('resource').find((r) => r.name.includes(db));
    if (!res) await new Promise((r) => setTimeout(r, 10));
  }
  window.__perStory = { ok, shown: !!seg, total: t1 - t0, fetched: res ? res.responseEnd - t0 : null };
});
`;

/** Sentences of the shown article clicked for `bigStoryUse`. */
const BIG_CLICKS = 12;

/**
 * What a reader of a 200-article story meets after the first sentence: the coverage overview
 * drawn (from `mount`, polled every 10 ms), then trusted clicks on the shown article's first
 * sentences, each opening its panel, timed by the Event Timing API as `eventTiming` times the
 * seeds (a click without an entry counts as 16 ms).
 */
async function bigStoryUse(page) {
  const overview = await page.evaluate(async () => {
    const host = document.getElementById('w');
    const start = performance.now();
    while (!host.shadowRoot.querySelector('[data-overview-ready]')) {
      if (performance.now() - start > 60_000) return null;
      await new Promise((r) => setTimeout(r, 10));
    }
    return {
      drawnFromMount: performance.now() - window.__perStoryT0,
      cells: host.shadowRoot.querySelectorAll('[data-cell-segment]').length,
    };
  });
  await page.evaluate(() => {
    window.__bigEvents = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.name === 'click') window.__bigEvents.push({ start: e.startTime, duration: e.duration, processing: e.processingEnd - e.processingStart });
      }
    }).observe({ type: 'event', durationThreshold: 16 });
  });
  const sentences = page.locator('#w [data-article] [data-segment]');
  const n = Math.min(await sentences.count(), BIG_CLICKS);
  const windows = [];
  for (let i = 0; i < n; i++) {
    const s = sentences.nth(i);
    await s.scrollIntoViewIfNeeded();
    await page.waitForTimeout(50);
    const t0 = await page.evaluate(() => performance.now());
    await s.click();
    await page.locator(`#w [data-panel="${await s.getAttribute('data-segment')}"]`).waitFor();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    windows.push([t0, await page.evaluate(() => performance.now())]);
  }
  await page.waitForTimeout(100);
  const entries = await page.evaluate(() => window.__bigEvents);
  const matched = windows.map(([a, b]) => entries.find((e) => e.start >= a && e.start <= b) ?? null);
  const timed = matched.filter(Boolean);
  return {
    overview,
    clicks: n,
    duration: stats(matched.map((e) => (e ? e.duration : 16))),
    processing: timed.length ? stats(timed.map((e) => e.processing)) : null,
  };
}

/** The 200-article database, in each form there is, loaded by a page through the JS API. */
async function perStory(browser) {
  const bins = ['claims-n200-encoder.bin', 'claims-n200-surface.bin'].map((f) => join(OUT, f)).filter(existsSync);
  if (bins.length === 0) {
    console.log('per-story: no 200-article database in target/bench (scripts/bench.sh engine makes one): not measured');
    return null;
  }
  const root = await mkdtemp(join(os.tmpdir(), 'crosscheck-per-story-'));
  try {
    for (const f of ['crosscheck.js', 'crosscheck-widget.js', 'crosscheck-widget_bg.wasm']) await copyFile(join(DIST, f), join(root, f));
    // The 200-article cluster's binary form (the aim is held against it) and, because the JSON
    // export of 200 articles is hundreds of MiB (every verdict pretty-printed), the 20-article
    // cluster's JSON export, built here by the release CLI when it is there.
    const forms = { 'bin-n200': bins[0] };
    const json = join(OUT, 'claims-n20.json');
    const cli = join(REPO, 'target', 'release', 'crosscheck');
    // Rebuilt every run: a copy left by an older engine may be of another data model version.
    if (existsSync(join(OUT, 'clusters', 'n20')) && existsSync(cli)) {
      execFileSync(cli, ['build', join(OUT, 'clusters', 'n20'), '--no-encoder', '--format', 'json', '-o', json], { stdio: 'ignore' });
    }
    if (existsSync(json)) forms['json-n20'] = json;
    for (const [form, file] of Object.entries(forms)) await copyFile(file, join(root, `claims.${form}`));
    await writeFile(join(root, 'per-story.js'), PER_STORY_JS);
    await writeFile(join(root, 'per-story.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>per-story</title>' +
      '<script type="module" src="crosscheck.js"></script><script type="module" src="per-story.js"></script></head>' +
      '<body><div id="w"></div></body></html>');
    const server = await startServer({ root, csp: true });
    const out = {};
    try {
      for (const [form, file] of Object.entries(forms)) {
        const runs = [];
        let use = null;
        for (let i = 0; i < PER_STORY_LOADS + 1; i++) {
          const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
          try {
            const page = await context.newPage();
            await page.goto(`${server.url}per-story.html?db=claims.${form}`, { waitUntil: 'load' });
            await page.waitForFunction(() => window.__perStory, null, { timeout: 120_000, polling: 50 });
            const r = await page.evaluate(() => window.__perStory);
            if (!r.ok || !r.shown) throw new Error(`per-story ${form}: the database did not show`);
            if (i > 0) runs.push(r); // the first load warms the file cache
            if (i === PER_STORY_LOADS && form === 'bin-n200') use = await bigStoryUse(page);
          } finally {
            await context.close();
          }
        }
        const size = (await stat(file)).size;
        const total = stats(runs.map((r) => r.total));
        const parse = stats(runs.filter((r) => r.fetched !== null).map((r) => r.total - r.fetched));
        out[form] = { bytes: size, loads: runs.length, total, parseAndShow: parse, use };
        if (use) {
          const o = use.overview;
          console.log(`per-story: ${form}: coverage overview drawn ${o ? `${f1(o.drawnFromMount)} ms after mount (${o.cells} cells)` : 'not within 60 s'}; ` +
            `click -> panel presented (Event Timing, ${use.clicks} trusted clicks) median ${f1(use.duration.median)} ms, p95 ${f1(use.duration.p95)} ms` +
            (use.processing ? `, handlers p95 ${f1(use.processing.p95)} ms` : ''));
        }
        console.log(`per-story: database ${form} (${(size / 1048576).toFixed(1)} MiB): mount -> first sentence ` +
          `laid out median ${f1(total.median)} ms (max ${f1(total.max)}), of which after the local fetch ` +
          `${f1(parse.median)} ms (${runs.length} fresh-context loads)`);
      }
    } finally {
      await server.close();
    }
    return out;
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const ANALYSE_RUNS = Math.max(1, Number(process.env.BENCH_ANALYSE_RUNS) || 5);

/** A cluster folder's .txt articles as `Crosscheck.analyse` takes them. */
function clusterArticles(dir) {
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()
    .map((f) => ({ id: f.replace(/\.txt$/, ''), text: readFileSync(join(dir, f), 'utf8') }));
}

/** `Crosscheck.analyse` in the analysis page: call -> export object back on the page's thread. */
async function analyseBench(browser, server) {
  const clusters = [['seeds', join(REPO, 'seeds'), ANALYSE_RUNS]];
  const n50 = join(OUT, 'clusters', 'n50');
  if (existsSync(n50)) clusters.push(['n50', n50, 3]);
  else console.log('analyse:  no 50-article cluster in target/bench/clusters (scripts/bench.sh engine makes one): not measured');
  const out = {};
  for (const [name, dir, runs] of clusters) {
    const articles = clusterArticles(dir);
    const cold = [];
    const prepared = [];
    const warm = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
      try {
        const page = await context.newPage();
        await page.goto(`${server.url}analyse.html`, { waitUntil: 'load' });
        const r = await page.evaluate(async (articles) => {
          const time = async () => {
            const t0 = performance.now();
            const db = await window.Crosscheck.analyse(articles);
            return { ms: performance.now() - t0, verdicts: db.verdicts.length };
          };
          const first = await time();
          const second = await time();
          return { first, second };
        }, articles);
        cold.push(r.first.ms);
        warm.push(r.second.ms);
        // A page that prepared the engine (Crosscheck.prepareAnalysis, as analyse.html does
        // when the first file is added): the first analysis after it.
        await page.goto(`${server.url}analyse.html`, { waitUntil: 'load' });
        prepared.push(await page.evaluate(async (articles) => {
          await window.Crosscheck.prepareAnalysis();
          const t0 = performance.now();
          await window.Crosscheck.analyse(articles);
          return performance.now() - t0;
        }, articles));
        out[name] = { articles: articles.length, verdicts: r.first.verdicts };
      } finally {
        await context.close();
      }
    }
    Object.assign(out[name], { cold: stats(cold), prepared: stats(prepared), warm: stats(warm) });
    const aim = name === 'seeds' ? 300 : 10_000;
    console.log(`analyse:  ${articles.length} articles (${name}, ${out[name].verdicts} verdicts) in the browser: ` +
      `cold median ${f1(out[name].cold.median)} ms (worker start and module compile included), after ` +
      `Crosscheck.prepareAnalysis ${f1(out[name].prepared.median)} ms, warm (second call) ${f1(out[name].warm.median)} ms, ` +
      `${runs} fresh pages; aim < ${aim} ms: cold ${out[name].cold.median < aim ? 'met' : 'not met'}, prepared ` +
      `${out[name].prepared.median < aim ? 'met' : 'not met'}`);
  }
  return out;
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: run \`trunk build --release\` first (scripts/bench.sh does)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/install-deps.sh`);
  const server = await startServer({ root: DIST, csp: true });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  try {
    const version = browser.version();
    // --- start-up ---------------------------------------------------------------------------
    // One throw-away load first: it warms the OS file cache and Chromium's own start-up, which
    // a reader's already-running browser has done long before.
    await oneLoad(browser, server.url);
    const loads = [];
    for (let i = 0; i < LOADS; i++) loads.push(await oneLoad(browser, server.url));
    const pick = (k) => loads.map((l) => l[k]).filter((x) => typeof x === 'number');
    const startup = {
      loads: LOADS,
      measuredBy:
        'MutationObservers on the widget\'s shadow root and on the page (the first `[data-segment]` ' +
        'inserted in the widget box or in the annotated article, whichever comes first)',
      ready: stats(pick('ready')),
      box: stats(pick('box')),
      marked: stats(pick('marked')),
      painted: stats(pick('painted')),
      mark: stats(pick('mark')),
      // Compile, instantiate, decode the database and render (or annotate): what the widget
      // itself costs.
      wasmToReady: stats(loads.filter((l) => l.wasmFetched !== null).map((l) => l.ready - l.wasmFetched)),
      wasmFetched: stats(pick('wasmFetched')),
      domContentLoaded: stats(pick('domContentLoaded')),
      firstContentfulPaint: stats(pick('firstContentfulPaint')),
    };
    console.log(
      `start-up: navigation start -> first clickable sentence: median ${f1(startup.ready.median)} ms ` +
        `(min ${f1(startup.ready.min)}, p95 ${f1(startup.ready.p95)}, max ${f1(startup.ready.max)}; ` +
        `${LOADS} fresh-context loads; ${startup.measuredBy})`,
    );
    console.log(
      `          the annotated article's first marker: median ${f1(startup.marked.median)} ms; ` +
        `the widget box's first sentence: median ${f1(startup.box.median)} ms`,
    );
    console.log(
      `          the box's sentence painted: median ${f1(startup.painted.median)} ms (p95 ${f1(startup.painted.p95)}); ` +
        `the widget's ${READY_MARK} mark: median ${f1(startup.mark.median)} ms`,
    );
    console.log(
      `          wasm fetched at median ${f1(startup.wasmFetched.median)} ms, ` +
        `first contentful paint ${f1(startup.firstContentfulPaint.median)} ms; ` +
        `wasm fetched -> first sentence: median ${f1(startup.wasmToReady.median)} ms`,
    );

    // --- click latency ----------------------------------------------------------------------
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    let click;
    try {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForFunction(
        () => document.querySelector('[data-crosscheck]')?.shadowRoot?.querySelector('[data-segment]'),
        null,
        { timeout: TIMEOUT_MS },
      );
      const runs = [];
      for (let p = 0; p < PASSES; p++) runs.push(await page.evaluate(clickAll, READY_MARK));
      if (errors.length) throw new Error(`page errors: ${errors.join(' | ')}`);
      const run = runs[0];
      // Per sentence (in click order), the median of each figure over the passes.
      const recs = run.records.map((r, i) => {
        const same = runs.map((x) => x.records[i]).filter((x) => x && x.segment === r.segment);
        const m = (k) => median(same.map((x) => x[k]));
        return { ...r, dom: m('dom'), layout: m('layout'), nextPaint: m('nextPaint'), painted: m('painted') };
      });
      const all = runs.flatMap((x) => x.records);
      if (recs.length === 0) throw new Error('no sentence to click');
      const frame = median(run.frameIntervals);
      click = {
        sentences: recs.length,
        passes: PASSES,
        rawClicks: all.length,
        rawLayout: stats(all.map((r) => r.layout)),
        articles: run.articles,
        synchronousRender: all.filter((r) => r.synchronous).length,
        emptyPanels: recs.filter((r) => r.entries === 0).length,
        dom: stats(recs.map((r) => r.dom)),
        layout: stats(recs.map((r) => r.layout)),
        nextPaint: stats(recs.map((r) => r.nextPaint)),
        painted: stats(recs.map((r) => r.painted)),
        frameInterval: frame,
        slowest: [...recs].sort((a, b) => b.layout - a.layout).slice(0, 3),
      };
      console.log(
        `click:    ${recs.length} sentences (every sentence of all ${run.articles} articles) x ${PASSES} passes; ` +
          `per-sentence median over the passes (${click.synchronousRender}/${all.length} clicks rendered before click() returned)`,
      );
      for (const [k, label] of [
        ['dom', 'click -> panel in DOM          '],
        ['layout', 'click -> panel styled+laid out '],
        ['nextPaint', 'click -> next paint (rAF+msg)  '],
        ['painted', 'click -> painted (2 rAF)       '],
      ]) {
        console.log(
          `          ${label}: median ${f1(click[k].median)} ms, p95 ${f1(click[k].p95)} ms, max ${f1(click[k].max)} ms`,
        );
      }
      console.log(
        `          (all ${all.length} raw clicks, click -> laid out: median ${f1(click.rawLayout.median)} ms, ` +
          `p95 ${f1(click.rawLayout.p95)} ms; frame interval ${f1(frame)} ms: the paint figures include vsync waits)`,
      );
    } finally {
      await context.close();
    }

    // --- click latency, as the browser's Event Timing API reports it -------------------------
    const etContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
    try {
      const page = await etContext.newPage();
      await page.goto(server.url, { waitUntil: 'load' });
      await page.waitForFunction(
        () => document.querySelector('[data-crosscheck]')?.shadowRoot?.querySelector('[data-segment]'),
        null,
        { timeout: TIMEOUT_MS },
      );
      const et = await eventTiming(page);
      click.eventTiming = et;
      console.log(
        `          Event Timing (${et.clicks} trusted clicks, ${et.withEntry} with an entry of >= 16 ms): ` +
          `click -> panel presented p95 ${f1(et.duration.p95)} ms (median ${f1(et.duration.median)}; ` +
          `a click without an entry counts as 16)` +
          (et.processing ? `; handler processing p95 ${f1(et.processing.p95)} ms, input delay p95 ${f1(et.inputDelay.p95)} ms` : ''),
      );
    } finally {
      await etContext.close();
    }
    click.eventTimingFloor = await eventTimingFloor(browser);
    console.log(
      `          Event Timing on a control page (${FLOOR_CLICKS} clicks, a paragraph's text toggled): ` +
        `presented p95 ${f1(click.eventTimingFloor.duration.p95)} ms (median ${f1(click.eventTimingFloor.duration.median)}): this machine's floor`,
    );

    const perStoryDb = await perStory(browser);
    const analyse = await analyseBench(browser, server);

    const result = {
      date: new Date().toISOString(),
      loadavg: os.loadavg(),
      chromium: version,
      args: CHROMIUM_ARGS,
      startup,
      click,
      perStory: perStoryDb,
      analyse,
    };
    await mkdir(OUT, { recursive: true });
    await writeFile(join(OUT, 'browser.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(`wrote ${join(OUT, 'browser.json')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((e) => {
  console.error(`bench/browser.mjs: ${e.stack || e}`);
  process.exit(1);
});
