// End-to-end test of the release build: Debian's chromium (driven by playwright-core, which
// downloads no browser) loads the reader-box demo page (`hostile.html`, with hostile global
// CSS) from `dist/` behind a strict CSP, a reader clicks
// a sentence, and the panel must list every other seed source with a verdict.
//
// It also guards the promises the widget makes to a news site embedding it: no network
// traffic once its own files are in (the claim database is embedded), no console errors, and
// nothing the strict Content-Security-Policy has to block.
//
// Run: `trunk build --release && node --test e2e/` (scripts/test.sh does both).
// Env: CROSSCHECK_DIST (default dist/), CHROMIUM (default /usr/bin/chromium),
//      CROSSCHECK_SCREENSHOT (default docs/screenshot.png; "0" to skip).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, startServer } from './static-server.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.CROSSCHECK_DIST || join(REPO, 'dist'));
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SCREENSHOT = process.env.CROSSCHECK_SCREENSHOT ?? join(REPO, 'docs', 'screenshot.png');
const VERDICTS = new Set(['corroborates', 'differs', 'omits']);
const WIDGET_TIMEOUT_MS = 30_000;
// How long to keep listening for late traffic (a lazy fetch, a timer) before counting.
const SETTLE_MS = 1_000;

/** The seed source ids, read from the `[id]` tables of seeds/sources.toml. */
async function seedSourceIds() {
  const toml = await readFile(join(REPO, 'seeds', 'sources.toml'), 'utf8');
  return [...toml.matchAll(/^\s*\[\s*"?([^\]"]+)"?\s*\]\s*$/gm)].map((m) => m[1]);
}

test('demo page: click a sentence, see the other sources; offline, quiet, CSP-clean', { timeout: 180_000 }, async (t) => {
  assert.ok(
    existsSync(join(DIST, 'index.html')),
    `${DIST}/index.html is missing: run \`trunk build --release\` first (scripts/test.sh does)`,
  );
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/install-deps.sh (Debian's chromium)`);
  const sources = await seedSourceIds();
  assert.ok(sources.length >= 2, `expected several sources in seeds/sources.toml, found ${sources.length}`);

  const server = await startServer({ root: DIST, csp: true });
  const profile = await mkdtemp(join(tmpdir(), 'crosscheck-e2e-'));
  let context;
  // One hook, in order: the browser must be gone before its profile folder is removed.
  t.after(async () => {
    await context?.close().catch(() => {});
    await server.close();
    await rm(profile, { recursive: true, force: true });
  });

  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
  });

  const requests = []; // every request the page makes, in order
  const failed = [];
  const problems = []; // console errors, uncaught exceptions, CSP violations
  context.on('request', (r) => requests.push(r.url()));
  context.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText}`));
  // A CSP violation is reported both as this event and as a console error; the event also
  // catches ones raised inside the shadow root (it is composed, so it reaches document).
  await context.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`),
      true,
    );
  });

  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console.error: ${m.text()} (${m.location()?.url ?? '?'})`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));

  const diagnose = async () => {
    const errorBox = await page
      .locator('[data-error]')
      .allTextContents()
      .catch(() => []);
    return [
      `requests: ${requests.join(', ') || '(none)'}`,
      `failed requests: ${failed.join('; ') || '(none)'}`,
      `console/page errors: ${problems.join(' | ') || '(none)'}`,
      `widget error box: ${errorBox.join(' | ') || '(none)'}`,
    ].join('\n  ');
  };

  // 1. Load the page and wait for the widget's first sentence inside its shadow root.
  const response = await page.goto(server.url + 'hostile.html', { waitUntil: 'load' });
  assert.equal(response?.status(), 200, 'the demo page itself did not load');
  assert.match(
    response.headers()['content-security-policy'] ?? '',
    /script-src 'self' 'wasm-unsafe-eval'/,
    'the test server did not send the strict CSP, so the CSP check would prove nothing',
  );
  // The demo page may embed several widgets; the whole check runs inside the first one, so
  // another instance's sentences or panel never mix in.
  const widget = page.locator('[data-crosscheck]').first();
  const segments = widget.locator('[data-segment]');
  try {
    await segments.first().waitFor({ state: 'visible', timeout: WIDGET_TIMEOUT_MS });
  } catch (e) {
    assert.fail(`no [data-segment] appeared within ${WIDGET_TIMEOUT_MS} ms.\n  ${await diagnose()}`);
  }

  const hosts = await page.evaluate(() =>
    [...document.querySelectorAll('[data-crosscheck]')].map((el) => ({
      open: el.shadowRoot?.mode === 'open',
      sentences: el.shadowRoot?.querySelectorAll('[data-segment]').length ?? 0,
      source: el.getAttribute('data-source'),
    })),
  );
  // Annotate mode's markers carry data-segment in the page's own article by design; the
  // reader box's sentences must stay inside its shadow root.
  const lightDom = await page.evaluate(() => document.querySelectorAll('[data-segment]:not(crosscheck-mark)').length);
  assert.ok(hosts.length > 0, 'no <div data-crosscheck> container on the demo page');
  hosts.forEach((h, i) => {
    assert.ok(h.open, `widget ${i} must render inside an OPEN shadow root on its [data-crosscheck]`);
    assert.ok(h.sentences > 0, `widget ${i} shows no [data-segment] sentences in its shadow root`);
  });
  assert.equal(lightDom, 0, 'sentences leak into the host page (outside the shadow root)');

  // Everything fetched so far must be the page's own files, from the page's own origin.
  await page.waitForTimeout(SETTLE_MS);
  const ownFiles = requests.length;
  const foreign = requests.filter((u) => !u.startsWith(server.url));
  assert.deepEqual(foreign, [], `requests left the page's origin:\n  ${await diagnose()}`);
  assert.deepEqual(failed, [], `some of the page's own files failed to load:\n  ${await diagnose()}`);

  // 2. Click real sentences (not one-word headings) and read the panel each time. Every
  // panel is checked; the one showing the most kinds of verdict goes in the screenshot.
  const texts = await segments.allTextContents();
  assert.ok(texts.length >= 2, `only ${texts.length} sentence(s) rendered`);
  const expected = sources.length - 1;
  const panel = widget.locator('[data-panel]').first();
  const entries = widget.locator('[data-panel] [data-source][data-verdict]');

  /** Clicks sentence `i`, waits for its panel, checks it and returns its entries. */
  const openPanel = async (i) => {
    const segment = segments.nth(i);
    const id = await segment.getAttribute('data-segment');
    await segment.click();
    await panel.waitFor({ state: 'visible', timeout: 10_000 });
    // The panel names the sentence it explains (data-panel="<segment id>"); wait for it to
    // follow this click, then for its entries.
    const deadline = Date.now() + 10_000;
    const ready = async () => {
      const of = await panel.getAttribute('data-panel').catch(() => null);
      return (!of || of === id) && (await entries.count()) >= expected;
    };
    while (!(await ready()) && Date.now() < deadline) await page.waitForTimeout(50);
    const of = await panel.getAttribute('data-panel');
    assert.ok(!of || of === id, `clicked sentence ${id} but the panel explains ${of}`);
    const shown = await entries.evaluateAll((els) =>
      els.map((e) => ({ source: e.getAttribute('data-source'), verdict: e.getAttribute('data-verdict') })),
    );
    assert.equal(
      shown.length,
      expected,
      `sentence ${id}: the panel lists ${shown.length} other sources, expected ${expected}: ${JSON.stringify(shown)}\n  ${await diagnose()}`,
    );
    const ids = shown.map((e) => e.source);
    assert.equal(new Set(ids).size, ids.length, `sentence ${id}: a source appears twice in the panel: ${ids}`);
    for (const { source, verdict } of shown) {
      assert.ok(sources.includes(source), `sentence ${id}: unknown source "${source}" (known: ${sources})`);
      assert.ok(VERDICTS.has(verdict), `sentence ${id}: ${source} has verdict "${verdict}", not one of ${[...VERDICTS]}`);
    }
    if (hosts[0].source) {
      assert.ok(!ids.includes(hosts[0].source), `sentence ${id}: the panel lists the article's own source`);
    }
    return shown;
  };

  const candidates = texts
    .map((s, i) => [i, s.trim().split(/\s+/).length])
    .filter(([, words]) => words >= 6)
    .map(([i]) => i)
    .slice(0, 12);
  if (candidates.length === 0) candidates.push(0);
  let best = { index: -1, kinds: 0 };
  let last = -1;
  for (const i of candidates) {
    const shown = await openPanel(i);
    last = i;
    const kinds = new Set(shown.map((e) => e.verdict)).size;
    t.diagnostic(`sentence ${i}: ${shown.map((e) => `${e.source}=${e.verdict}`).join(' ')}`);
    if (kinds > best.kinds) best = { index: i, kinds };
    if (kinds === VERDICTS.size) break;
  }
  assert.ok(best.index >= 0, 'no sentence could be opened');

  if (SCREENSHOT && SCREENSHOT !== '0') {
    if (last !== best.index) await openPanel(best.index);
    await panel.scrollIntoViewIfNeeded();
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    t.diagnostic(`screenshot of sentence ${best.index} saved to ${SCREENSHOT}`);
  }

  await page.waitForTimeout(SETTLE_MS);
  assert.deepEqual(
    requests.slice(ownFiles),
    [],
    'the widget made network requests after its own files had loaded (the database must be embedded)',
  );
  const errorBox = (await page.locator('[data-error]:visible').allTextContents()).filter((s) => s.trim());
  assert.deepEqual(errorBox, [], 'the widget shows an error box');
  assert.deepEqual(problems, [], 'console errors, uncaught exceptions or CSP violations');
});
