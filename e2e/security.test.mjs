// End-to-end security and isolation checks of the release build (`dist/`), in Debian's
// chromium driven by playwright-core, every page served with exactly the strict
// Content-Security-Policy a news site would set:
//
// 1. The demo page under heavy use (every sentence of the first article, every article,
//    evidence jumps, matrix cells, keyboard, theme): the widget keeps working and styled,
//    makes zero network requests after its own files, and causes zero CSP violations; the
//    host page's own click and key handlers keep receiving what happens outside the widget,
//    and the arrow keys the widget uses do not also scroll the page.
// 2. A hostile host page generated here (its own global CSS file and script file, host
//    elements wearing the widget's class names, containers the widget cannot mount into,
//    hostile data-* options): the widgets that can mount work and look exactly as on the same
//    page without the hostile CSS, the ones that cannot fail quietly, and the host is intact.
//
// What e2e/widget.test.mjs already checks (panel entries against seeds/sources.toml, the
// screenshot) is not repeated here.
//
// Run: `trunk build --release && node --test e2e/security.test.mjs` (scripts/test.sh e2e).
// Env: CROSSCHECK_DIST (default dist/), CHROMIUM (default /usr/bin/chromium).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, STRICT_CSP, startServer } from './static-server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.CROSSCHECK_DIST || join(REPO, 'dist'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WIDGET_FILES = ['crosscheck.js', 'crosscheck-widget.js', 'crosscheck-widget_bg.wasm'];
const SETTLE_MS = 800;
const EXPECTED_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

/**
 * Opens a fresh browser profile on `url` with probes installed before any page script:
 * CSP violations, and the host page's own `document` click/keydown listeners (what a
 * publisher's script would have). Returns the page and what it recorded.
 */
async function open(t, server, path) {
  const profile = await mkdtemp(join(tmpdir(), 'crosscheck-sec-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 700 },
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
  });
  t.after(async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  });
  const rec = { requests: [], failed: [], errors: [], console: [] };
  context.on('request', (r) => rec.requests.push(r.url()));
  context.on('requestfailed', (r) => rec.failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  await context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => window.__csp.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      true,
    );
    window.__host = { clicks: [], keys: [] };
    const inWidget = (e) => e.composedPath().some((n) => n.hasAttribute?.('data-crosscheck'));
    document.addEventListener('click', (e) =>
      window.__host.clicks.push({ inWidget: inWidget(e), prevented: e.defaultPrevented }),
    );
    document.addEventListener('keydown', (e) =>
      window.__host.keys.push({ key: e.key, inWidget: inWidget(e), prevented: e.defaultPrevented }),
    );
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') rec.console.push(m.text());
  });
  page.on('pageerror', (e) => rec.errors.push(e.message));
  const response = await page.goto(server.url + path, { waitUntil: 'load' });
  assert.equal(response?.status(), 200, `${path} did not load`);
  assert.equal(
    response.headers()['content-security-policy'],
    EXPECTED_CSP,
    'the page must be served with exactly the strict CSP',
  );
  return { page, rec };
}

function requireBuild() {
  assert.ok(
    existsSync(join(DIST, 'index.html')),
    `${DIST}/index.html is missing: run \`trunk build --release\` first (scripts/test.sh does)`,
  );
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/install-deps.sh`);
}

/** Waits for the widget in `host` to show sentences; returns its locator. */
async function widgetIn(page, host, rec) {
  const widget = page.locator(host);
  try {
    await widget.locator('[data-segment]').first().waitFor({ state: 'visible', timeout: 30_000 });
  } catch {
    assert.fail(`no sentence in ${host}: console ${rec.console.join(' | ')}; errors ${rec.errors.join(' | ')}`);
  }
  return widget;
}

/** The look of the first element matching `sel` inside the widget in `host`. */
function lookIn(page, host, sel) {
  return page.evaluate(
    ([host, sel]) => {
      const el = document.querySelector(host)?.shadowRoot?.querySelector(sel);
      if (!el) return null;
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      const props = ['display', 'visibility', 'color', 'background-color', 'font-size', 'font-family',
        'line-height', 'letter-spacing', 'text-transform', 'border-top-width', 'border-top-style',
        'padding-top', 'fill', 'opacity'];
      return Object.fromEntries([...props.map((p) => [p, s.getPropertyValue(p)]),
        ['width', Math.round(r.width)], ['height', Math.round(r.height)]]);
    },
    [host, sel],
  );
}

test('hostile demo page under heavy use: zero requests, zero CSP violations, host handlers intact', { timeout: 240_000 }, async (t) => {
  requireBuild();
  assert.equal(STRICT_CSP, EXPECTED_CSP, 'the test server sends the policy this test expects');
  const server = await startServer({ root: DIST, csp: true });
  t.after(() => server.close());
  const { page, rec } = await open(t, server, 'hostile.html');
  const widget = await widgetIn(page, '[data-crosscheck]', rec);
  const shadow = (sel) => widget.locator(sel);

  // The page's own files, all from the local server's origin; then silence.
  await page.waitForTimeout(SETTLE_MS);
  const foreign = rec.requests.filter((u) => !u.startsWith(server.url));
  assert.deepEqual(foreign, [], 'requests before the widget was ready left the local origin');
  assert.deepEqual(rec.failed, [], 'some of the page\'s own files failed');
  const own = rec.requests.length;
  const since = () => rec.requests.slice(own);

  // Styles applied under style-src 'self': the sheet is adopted, not blocked.
  const first = shadow('[data-segment]').first();
  await first.click();
  await shadow('[data-panel]').waitFor({ state: 'visible', timeout: 10_000 });
  const panelLook = await lookIn(page, '[data-crosscheck]', '[data-panel]');
  assert.notEqual(panelLook['border-top-width'], '0px', `the panel has its border: ${JSON.stringify(panelLook)}`);
  assert.notEqual(panelLook['background-color'], 'rgba(0, 0, 0, 0)', 'the panel has its background');
  const svg = await lookIn(page, '[data-crosscheck]', '.matrix svg');
  assert.ok(svg && svg.display !== 'none' && svg.width > 20 && svg.height > 5, `matrix visible: ${JSON.stringify(svg)}`);
  assert.equal(since().length, 0, `requests after the first click: ${since()}`);

  /** Clicks sentence `s` until its panel is open (a click on an open sentence closes it). */
  const openSentence = async (s) => {
    const id = await s.getAttribute('data-segment');
    await s.scrollIntoViewIfNeeded();
    await s.click();
    if ((await shadow(`[data-panel="${id}"]`).count()) === 0) await s.click();
    await shadow(`[data-panel="${id}"]`).waitFor({ state: 'attached', timeout: 10_000 });
    return id;
  };

  // Every sentence of the first article.
  const n = await shadow('[data-segment]').count();
  assert.ok(n >= 3, `the first article shows ${n} sentences`);
  for (let i = 0; i < n; i++) {
    const id = await openSentence(shadow('[data-segment]').nth(i));
    assert.ok((await shadow('[data-panel] [data-verdict]').count()) >= 1, `sentence ${id}: panel entries`);
  }
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(since(), [], `requests after clicking all ${n} sentences of the first article`);

  // Every other article, a sentence in each, an evidence jump, matrix cells, the theme.
  const tabs = shadow('[data-source-tab]');
  const nTabs = await tabs.count();
  assert.ok(nTabs >= 2, `${nTabs} articles`);
  for (let i = 0; i < nTabs; i++) {
    await tabs.nth(i).click();
    const src = await tabs.nth(i).getAttribute('data-source-tab');
    await shadow(`[data-article="${src}"]`).waitFor({ state: 'attached', timeout: 10_000 });
    await openSentence(shadow('[data-segment]').nth(1));
    const ev = shadow('[data-evidence]');
    if ((await ev.count()) > 0) await ev.first().click();
  }
  const cells = shadow('[data-cell-segment]');
  const nCells = await cells.count();
  for (const i of [0, Math.floor(nCells / 2), nCells - 1]) {
    await cells.nth(i).scrollIntoViewIfNeeded();
    await cells.nth(i).click();
  }
  await shadow('[data-theme-toggle]').click();
  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(since(), [], 'requests after switching articles, jumps, matrix and theme');

  // Host handlers: a click and keys outside the widget reach the host's document listeners,
  // uncancelled; clicks inside the widget bubble out to the host as usual.
  await page.evaluate(() => { window.__host.clicks = []; window.__host.keys = []; });
  await page.locator('h1.headline').click();
  await page.locator('p.outlet').click();
  await page.keyboard.press('x');
  await page.keyboard.press('Tab');
  const host = await page.evaluate(() => window.__host);
  assert.equal(host.clicks.filter((c) => !c.inWidget && !c.prevented).length, 2, `host clicks: ${JSON.stringify(host)}`);
  assert.ok(host.keys.some((k) => k.key === 'x' && !k.prevented), `host keys: ${JSON.stringify(host)}`);

  // The arrow keys a reader uses inside the widget move its focus and do not scroll the
  // page; the same key on the host page does scroll it (the host's default is untouched).
  await page.evaluate(() => window.scrollTo(0, 0));
  await shadow('[data-source-tab]').first().click();
  const s0 = shadow('[data-segment]').first();
  await s0.focus();
  await page.keyboard.press('Escape');
  const y0 = await page.evaluate(() => window.scrollY);
  const before = await page.evaluate(() =>
    document.querySelector('[data-crosscheck]').shadowRoot.activeElement?.getAttribute('data-segment'));
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  const after = await page.evaluate(() =>
    document.querySelector('[data-crosscheck]').shadowRoot.activeElement?.getAttribute('data-segment'));
  assert.ok(before && after && before !== after, `ArrowDown moved the widget's focus (${before} -> ${after})`);
  const y1 = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(y1 - y0) < 60, `arrows inside the widget scrolled the page from ${y0} to ${y1}`);
  const scrollable = await page.evaluate(() => document.documentElement.scrollHeight > innerHeight + 100);
  if (scrollable) {
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    await page.locator('h1.headline').click();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300);
    const y2 = await page.evaluate(() => window.scrollY);
    assert.ok(y2 > 0, 'ArrowDown on the host page still scrolls it');
  } else {
    t.diagnostic('the demo page does not scroll at 1280x700: host ArrowDown check skipped');
  }

  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(since(), [], 'requests after keyboard use');
  t.diagnostic(`page's own files: ${own} requests, all from ${server.url}; after load, ${n} sentences, ` +
    `${nTabs} articles, evidence jumps, ${Math.min(3, nCells)} matrix cells, theme and keys: ${since().length} requests`);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'securitypolicyviolation events');
  assert.deepEqual(rec.console, [], 'console errors (CSP reports among them)');
  assert.deepEqual(rec.errors, [], 'uncaught exceptions');
  assert.equal(await shadow('[data-error]').count(), 0, 'the widget shows an error box');
});

// ------------------------------------------------------------------- hostile host page

const HOSTILE_CSS = `
* { color: red !important; font-size: 40px !important; display: block; }
button { display: none !important; }
mark { background: black; }
svg { display: none; }
span, li, p { color: magenta !important; letter-spacing: 6px !important; }
.cc, .panel, .sent, .tab, .matrix, [data-segment], [data-panel] { display: none !important; }
[data-crosscheck] { border: 9px solid lime; padding: 30px; font-family: serif; }
:focus { outline: none !important; }
* { box-sizing: content-box !important; }
head, script, style, link, title, meta { display: none !important; }
`;

const HOST_JS = `
// The host page's own script (a file: the CSP allows no inline script).
window.__hostButton = 0;
document.addEventListener('DOMContentLoaded', () => {
  // A container that already has a closed shadow root: the widget cannot mount there.
  document.getElementById('closed').attachShadow({ mode: 'closed' }).textContent = 'host owned';
  document.getElementById('host-click').addEventListener('click', () => { window.__hostButton += 1; });
});
`;

const pageHtml = (hostile) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Hostile host</title>
  ${hostile ? '<link rel="stylesheet" href="hostile-host.css">' : ''}
  <script src="host.js" defer></script>
  <script type="module" src="crosscheck.js"></script>
</head>
<body>
  <p id="host-text" class="sent">Host text with the widget's class names.</p>
  <div id="host-panel" class="panel cc">Host panel</div>
  <div id="host-plain">Host plain</div>
  <p id="host-click">Click me (host handler)</p>
  <input id="host-input" value="">
  <div id="w1" data-crosscheck data-theme="light"></div>
  <div id="w2" data-crosscheck data-source='"><img src=x onerror="window.__pwned=1">'
       data-theme="javascript:window.__pwned=1"></div>
  <input id="bad-input" data-crosscheck>
  <div id="closed" data-crosscheck></div>
</body>
</html>
`;

test('hostile host page: widgets work and look the same, unmountable containers fail quietly', { timeout: 240_000 }, async (t) => {
  requireBuild();
  // The widget's three files beside two generated pages, served like the demo.
  const root = await mkdtemp(join(tmpdir(), 'crosscheck-hostile-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  for (const f of WIDGET_FILES) await copyFile(join(DIST, f), join(root, f));
  await writeFile(join(root, 'hostile-host.css'), HOSTILE_CSS);
  await writeFile(join(root, 'host.js'), HOST_JS);
  await writeFile(join(root, 'hostile-host.html'), pageHtml(true));
  await writeFile(join(root, 'clean-host.html'), pageHtml(false));
  const server = await startServer({ root, csp: true });
  t.after(() => server.close());

  const probes = ['.cc', '[data-segment]', '[data-panel]', '[data-panel] button', '[data-source-tab]',
    '.matrix svg', '[data-theme-toggle]'];
  const looks = {};
  for (const variant of ['clean-host.html', 'hostile-host.html']) {
    const { page, rec } = await open(t, server, variant);
    const w1 = await widgetIn(page, '#w1', rec);
    const w2 = await widgetIn(page, '#w2', rec);
    await page.waitForTimeout(SETTLE_MS);
    const own = rec.requests.length;
    assert.deepEqual(rec.requests.filter((u) => !u.startsWith(server.url)), [], `${variant}: foreign requests`);

    // w2's hostile options fall back to the defaults; nothing ran.
    const firstTab = await w1.locator('[data-source-tab]').first().getAttribute('data-source-tab');
    assert.equal(await w2.locator('[data-article]').getAttribute('data-article'), firstTab, `${variant}: w2 falls back to the first article`);
    assert.ok(await w2.locator('.cc.theme-auto').count(), `${variant}: an unknown theme falls back to auto`);

    // Use w1; w2 keeps its own state.
    await w2.locator('[data-segment]').nth(2).click();
    const w2open = await w2.locator('[data-panel]').getAttribute('data-panel');
    for (let i = 0; i < 4; i++) await w1.locator('[data-segment]').nth(i).click();
    await w1.locator('[data-source-tab]').nth(1).click();
    await w1.locator('[data-segment]').first().click();
    await w1.locator('[data-panel]').waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(await w2.locator('[data-panel]').getAttribute('data-panel'), w2open, `${variant}: w2's panel`);
    assert.equal(await w2.locator('[data-article]').getAttribute('data-article'), firstTab, `${variant}: w2's article`);

    looks[variant] = {};
    for (const sel of probes) looks[variant][sel] = await lookIn(page, '#w1', sel);

    // The unmountable containers stay as the host left them; the host element styles are
    // the page's own (the widget's sheet does not reach them).
    const host = await page.evaluate(() => ({
      input: document.getElementById('bad-input').shadowRoot === null,
      closed: document.getElementById('closed').shadowRoot === null,
      pwned: window.__pwned,
      text: getComputedStyle(document.getElementById('host-text')).borderTopWidth,
      panel: [getComputedStyle(document.getElementById('host-panel')).borderTopWidth,
        getComputedStyle(document.getElementById('host-panel')).backgroundColor,
        getComputedStyle(document.getElementById('host-panel')).paddingTop],
      plain: [getComputedStyle(document.getElementById('host-plain')).borderTopWidth,
        getComputedStyle(document.getElementById('host-plain')).backgroundColor,
        getComputedStyle(document.getElementById('host-plain')).paddingTop],
    }));
    assert.ok(host.input && host.closed, `${variant}: unmountable containers untouched: ${JSON.stringify(host)}`);
    assert.equal(host.pwned, undefined, `${variant}: a hostile option ran`);
    assert.deepEqual(host.panel, host.plain, `${variant}: a host .panel.cc looks like a plain div`);
    assert.equal(host.text, '0px', `${variant}: a host .sent has no widget style`);

    // The host's own handlers still work.
    await page.locator('#host-click').click();
    await page.locator('#host-input').click();
    await page.keyboard.type('abc');
    assert.equal(await page.evaluate(() => window.__hostButton), 1, `${variant}: host click handler`);
    assert.equal(await page.locator('#host-input').inputValue(), 'abc', `${variant}: host input`);
    const keys = await page.evaluate(() => window.__host.keys.filter((k) => !k.inWidget && !k.prevented).length);
    assert.ok(keys >= 3, `${variant}: host keydown listener heard ${keys} keys`);

    await page.waitForTimeout(SETTLE_MS);
    assert.deepEqual(rec.requests.slice(own), [], `${variant}: requests after load`);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], `${variant}: CSP violations`);
    assert.deepEqual(rec.errors, [], `${variant}: uncaught exceptions`);
    // The only console errors: the two containers the widget could not mount into.
    const unexpected = rec.console.filter((m) => !m.includes('Crosscheck could not load this comparison'));
    assert.deepEqual(unexpected, [], `${variant}: console errors`);
    assert.equal(rec.console.length, 2, `${variant}: one console error per unmountable container: ${rec.console}`);
    t.diagnostic(`${variant}: ${own} requests to load, ${rec.requests.length - own} after; console: ${rec.console.map((m) => m.split('\n')[0]).join(' | ')}`);
  }
  for (const sel of probes) {
    assert.deepEqual(
      looks['hostile-host.html'][sel],
      looks['clean-host.html'][sel],
      `the hostile page's CSS changed the widget's ${sel}`,
    );
  }
});
