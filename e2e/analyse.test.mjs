// End-to-end tests of the engine in the browser, on the release build in `dist/`, in headless
// Chromium behind the strict CSP:
// 1. `Crosscheck.analyse` on the seeds gives exactly the native `crosscheck build --no-encoder`
//    export, and so does a cluster mixing text, a page's HTML and a windows-1252 page's bytes;
// 2. it runs in a worker that reports its progress while the page's own thread stays free;
// 3. a bad article is set aside with its reason and the others are analysed; nothing usable
//    rejects; an abort rejects and the next call still works;
// 4. a reader's page never fetches the engine;
// 5. the analysis page: files dropped and pasted text, keyboard use, per-article outcomes, the
//    widget over the result, the JSON download, axe-core.
//
// Run: `trunk build --release && node --test e2e/` (scripts/test.sh does both).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './static-server.mjs';
import { AXE, CHROMIUM, REPO, axe, open } from './support.mjs';

const DIST = resolve(process.env.CROSSCHECK_DIST || join(REPO, 'dist'));
const ENGINE_FILES = ['analyse.js', 'analyse-worker.js', 'crosscheck-analyse.js', 'crosscheck-analyse_bg.wasm'];

function requireBuild() {
  for (const f of ['analyse.html', ...ENGINE_FILES]) {
    assert.ok(existsSync(join(DIST, f)), `${DIST}/${f} is missing: run \`trunk build --release\` first`);
  }
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/install-deps.sh`);
  assert.ok(existsSync(AXE), `${AXE} is missing: run \`npm ci\` (scripts/install-deps.sh does)`);
}

/** The native CLI's JSON export of a cluster folder, without the encoder (the browser's path). */
function nativeExport(dir) {
  const out = execFileSync('cargo', ['run', '-q', '-p', 'crosscheck', '--', 'build', dir, '--no-encoder'],
    { cwd: REPO, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.toString('utf8'));
}

async function seedArticles() {
  const files = (await readdir(join(REPO, 'seeds'))).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(files.map(async (f) => ({
    id: f.replace(/\.txt$/, ''),
    text: await readFile(join(REPO, 'seeds', f), 'utf8'),
  })));
}

/** A saved page around an article's text: a template with furniture, headline first. */
function asPage(text, { charset = 'utf-8', outlet = 'The Example Post' } = {}) {
  const [headline, ...rest] = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<!doctype html><html lang="en"><head><meta charset="${charset}"><title>${esc(headline)}</title>
<meta property="og:site_name" content="${outlet}"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>${esc(headline)}</h1>${rest.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
<footer><p>© The Example Post. All rights reserved. Contact us. Privacy policy.</p></footer>
</body></html>`;
}

/** Runs Crosscheck.analyse in the page; returns the export, the progress and skip reports. */
function analyseIn(page, articles) {
  return page.evaluate(async (articles) => {
    const progress = [];
    const skipped = [];
    let frames = 0;
    let waiting = true;
    const tick = () => { frames += 1; if (waiting) setTimeout(tick, 0); };
    tick();
    // Page files arrive as bytes, as a dropped file's would.
    const given = articles.map((a) => (a.bytes ? { ...a, text: new Uint8Array(a.bytes), bytes: undefined } : a));
    try {
      const database = await window.Crosscheck.analyse(given, {
        onProgress: (p) => progress.push(p),
        onSkip: (s) => skipped.push(s),
      });
      return { database, progress, skipped, frames };
    } finally {
      waiting = false;
    }
  }, articles);
}

test('Crosscheck.analyse gives the native export, in a worker with progress', { timeout: 240_000 }, async (t) => {
  requireBuild();
  const server = await startServer({ root: DIST, csp: true });
  t.after(() => server.close());
  const { page, rec } = await open(t, `${server.url}analyse.html`);
  await page.evaluate(() => window.Crosscheck.ready);

  // The seeds, with the metadata their sources.toml gives the native build.
  const native = nativeExport(join(REPO, 'seeds'));
  const meta = Object.fromEntries(native.sources.map((s) => [s.id, s]));
  const seeds = (await seedArticles()).map((a) => ({
    ...a,
    ...Object.fromEntries(['title', 'outlet', 'url', 'published', 'language']
      .filter((k) => meta[a.id][k] != null).map((k) => [k, meta[a.id][k]])),
  }));
  const got = await analyseIn(page, seeds);
  assert.deepEqual(got.skipped, []);
  assert.equal(got.database.verdicts.length, native.verdicts.length, 'as many verdicts as the native build');
  assert.deepEqual(got.database, native, 'the browser\'s export equals `crosscheck build --no-encoder`');
  t.diagnostic(`seeds: ${got.database.verdicts.length} verdicts, identical to the native export`);

  // Progress: every stage reported, counts within their totals, each stage ending at its total.
  const stages = [...new Set(got.progress.map((p) => p.stage))];
  assert.deepEqual(stages, ['analysing', 'matching'], 'stages in order (no encoding in the browser; verdicts are decided while matching)');
  for (const stage of stages) {
    const steps = got.progress.filter((p) => p.stage === stage);
    assert.ok(steps.every((p, i) => p.done <= p.total && (i === 0 || p.done >= steps[i - 1].done)), `${stage} counts up`);
    assert.equal(steps.at(-1).done, steps.at(-1).total, `${stage} ends at its total`);
  }
  // The page's own thread ran while the engine worked (it is in a worker, not on this thread).
  assert.ok(got.frames > 1, `the page's thread was blocked during the analysis (${got.frames} tasks ran)`);
  assert.ok(server.served.includes('/crosscheck-analyse_bg.wasm'), 'the engine module was fetched');

  // A mixed cluster: two texts, a page's HTML as a string, a windows-1252 page's bytes.
  const dir = await mkdtemp(join(tmpdir(), 'crosscheck-analyse-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const raw = await seedArticles();
  const html3 = asPage(raw[3].text);
  const html4 = Buffer.from(asPage(raw[4].text, { charset: 'windows-1252', outlet: 'Café Courier' }), 'latin1');
  await writeFile(join(dir, `${raw[0].id}.txt`), raw[0].text);
  await writeFile(join(dir, `${raw[1].id}.txt`), raw[1].text);
  await writeFile(join(dir, `${raw[3].id}.html`), html3);
  await writeFile(join(dir, `${raw[4].id}.htm`), html4);
  const mixedNative = nativeExport(dir);
  const mixed = await analyseIn(page, [
    raw[0], raw[1],
    { id: raw[3].id, text: html3 },
    { id: raw[4].id, bytes: [...html4] },
  ]);
  assert.deepEqual(mixed.skipped, []);
  assert.equal(mixed.database.sources[3].outlet, 'Café Courier', 'the windows-1252 page was decoded as it declares');
  assert.deepEqual(mixed.database, mixedNative, 'text, HTML and page bytes give the native export');
  assert.deepEqual(rec.problems, [], 'no console error, uncaught exception or CSP violation');
  assert.ok(rec.requests.every((u) => u.startsWith(server.url)), 'nothing fetched from another origin');
});

test('Crosscheck.analyse sets a bad article aside, rejects when nothing is usable, and can be aborted', { timeout: 120_000 }, async (t) => {
  requireBuild();
  const server = await startServer({ root: DIST, csp: true });
  t.after(() => server.close());
  const { page, rec } = await open(t, `${server.url}analyse.html`);
  const seeds = (await seedArticles()).slice(0, 3);
  const got = await analyseIn(page, [
    ...seeds,
    { id: 'menu-only', text: '<html><body><nav><a href="/">Home</a></nav></body></html>' },
    { id: 'no-text' },
  ]);
  assert.deepEqual(got.skipped.map((s) => s.id), ['no-text', 'menu-only']);
  assert.match(got.skipped.find((s) => s.id === 'menu-only').message, /no article found/);
  assert.match(got.skipped.find((s) => s.id === 'no-text').message, /text must be/);
  assert.deepEqual(got.database.sources.map((s) => s.id), seeds.map((s) => s.id), 'the others were analysed');

  const failure = await page.evaluate(() => window.Crosscheck.analyse([{ id: 'x', text: '   ' }]).then(
    () => 'resolved', (e) => e.message));
  assert.match(failure, /no article could be read/);
  const notArray = await page.evaluate(() => window.Crosscheck.analyse('text').then(() => 'resolved', (e) => e.message));
  assert.match(notArray, /array/);

  // An abort ends the worker; the promise rejects with the signal's reason, the next call works.
  const aborted = await page.evaluate(async (seeds) => {
    const c = new AbortController();
    const p = window.Crosscheck.analyse(seeds, { signal: c.signal });
    c.abort(new Error('stopped by the page'));
    const first = await p.then(() => 'resolved', (e) => e.message);
    const again = await window.Crosscheck.analyse(seeds);
    return { first, again: again.sources.length };
  }, seeds);
  assert.deepEqual(aborted, { first: 'stopped by the page', again: 3 });
  assert.deepEqual(rec.problems, []);
});

test('a reader\'s page never fetches the engine', { timeout: 60_000 }, async (t) => {
  requireBuild();
  const server = await startServer({ root: DIST, csp: true });
  t.after(() => server.close());
  const { page } = await open(t, server.url);
  await page.evaluate(() => window.Crosscheck.ready);
  await page.locator('#story crosscheck-mark').first().waitFor({ state: 'attached', timeout: 30_000 });
  const fetched = ENGINE_FILES.filter((f) => server.served.includes(`/${f}`));
  assert.deepEqual(fetched, [], 'the story page loaded part of the engine');
});

test('analysis page: dropped and pasted articles, by keyboard, widget and download, axe-clean', { timeout: 180_000 }, async (t) => {
  requireBuild();
  const server = await startServer({ root: DIST, csp: true });
  t.after(() => server.close());
  const { page, rec } = await open(t, `${server.url}analyse.html`, { viewport: { width: 1280, height: 1000 } });
  const seeds = await seedArticles();

  // Three seeds and a page with no article dropped as files, as a fact-checker drags them in.
  const files = [
    ...seeds.slice(0, 3).map((s) => ({ name: `${s.id}.txt`, type: 'text/plain', text: s.text })),
    { name: 'menu.html', type: 'text/html', text: '<!doctype html><html><body><nav>Home</nav></body></html>' },
    { name: `${seeds[3].id}.html`, type: 'text/html', text: asPage(seeds[3].text) },
  ];
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, files);
  await page.locator('#drop').dispatchEvent('drop', { dataTransfer: transfer });
  await page.locator('#list tbody tr').nth(4).waitFor({ timeout: 10_000 });

  // The fifth seed pasted, with the keyboard only.
  await page.locator('#paste-id').focus();
  await page.keyboard.type('pasted-seed');
  await page.keyboard.press('Tab');
  await page.locator('#paste-text').fill(seeds[4].text);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.locator('#list tbody tr').nth(5).waitFor({ timeout: 10_000 });
  const kinds = await page.locator('#list tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(kinds, ['text', 'text', 'text', 'web page', 'web page', 'text']);

  await page.locator('#run').focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /^Done:/.test(document.getElementById('progress-text').textContent), null,
    { timeout: 60_000 });
  const status = await page.locator('#progress-text').textContent();
  assert.match(status, /5 article\(s\) analysed, 1 set aside/);
  const rows = await page.locator('#list tbody tr td:nth-child(4)').allTextContents();
  assert.match(rows[3], /^set aside: no article found/, 'the empty page is set aside with its reason');
  assert.equal(rows.filter((r) => /^analysed: \d+ sentences$/.test(r)).length, 5, rows.join(' | '));

  // The widget shows the result: a sentence opens its panel with the four other reports.
  const sentence = page.locator('#widget [data-segment]').first();
  await sentence.waitFor({ timeout: 20_000 });
  await sentence.click();
  await page.locator('#widget [data-panel] [data-verdict]').first().waitFor({ timeout: 10_000 });
  assert.equal(await page.locator('#widget [data-panel] [data-verdict]').count(), 4, 'the panel lists the four other reports');

  // The download is the JSON export, usable as a per-story database.
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#download').click()]);
  assert.equal(download.suggestedFilename(), 'claims.json');
  const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(saved.version, 2, 'data model 2: omissions implicit');
  assert.deepEqual(saved.sources.map((s) => s.id), [...seeds.slice(0, 4).map((s) => s.id), 'pasted-seed']);

  assert.deepEqual(await axe(page, ['body']), [], 'axe-core over the analysis page with its result');
  assert.deepEqual(rec.problems, [], 'no console error, uncaught exception or CSP violation');
  assert.ok(rec.requests.every((u) => u.startsWith(server.url) || u.startsWith('blob:')), 'nothing fetched from another origin');
});
