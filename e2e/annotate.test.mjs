// End-to-end tests of what a publisher uses, on the release build in `dist/`, in Debian's
// headless chromium behind the strict CSP:
// 1. the demo story page (`index.html`): the publisher's own article annotated in place,
//    nothing moved, a sentence opened by mouse and by a keyboard-only walk, Escape, the
//    bottom sheet at 360 px, axe-core with each panel open, the README's screenshot;
// 2. six host layouts written here to look like real publishers' templates (one of them under
//    the demo's hostile global CSS), each holding the five seed articles: at least 95% of the
//    claim sentences anchored in each, nothing moved, no marker inside a link, a pull quote
//    placed first not taking the body's sentence, and the panel shown and hidden;
// 3. a database per story: a same-origin `.json` and `.bin` file (built by the CLI), an inline
//    JSON script, and the JS API (`Crosscheck.mount`, `select`, `verdicts`, the
//    `crosscheck:select` event), plus axe-core over the hostile demo page.
//
// Run: `trunk build --release && node --test e2e/` (scripts/test.sh does both).
// Env: CROSSCHECK_DIST (default dist/), CHROMIUM (default /usr/bin/chromium),
//      CROSSCHECK_ANNOTATE_SCREENSHOT (default docs/annotate.png; "0" to skip).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './static-server.mjs';
import { AXE, CHROMIUM, axe, open } from './support.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.CROSSCHECK_DIST || join(REPO, 'dist'));
const SCREENSHOT = process.env.CROSSCHECK_ANNOTATE_SCREENSHOT ?? join(REPO, 'docs', 'annotate.png');
const WIDGET_FILES = ['crosscheck.js', 'crosscheck-widget.js', 'crosscheck-widget_bg.wasm'];
const TIMEOUT_MS = 30_000;

function requireBuild() {
  assert.ok(existsSync(join(DIST, 'index.html')), `${DIST}/index.html is missing: run \`trunk build --release\` first`);
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/install-deps.sh`);
  assert.ok(existsSync(AXE), `${AXE} is missing: run \`npm ci\` (scripts/install-deps.sh does)`);
}

/** Waits until the annotated element has its `found/total` tally; returns it. */
async function anchoredOn(page, selector) {
  const el = page.locator(selector);
  await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('data-crosscheck-anchored'),
    selector, { timeout: TIMEOUT_MS });
  const [found, total] = (await el.getAttribute('data-crosscheck-anchored')).split('/').map(Number);
  return { found, total };
}

/** The page's text boxes: where each paragraph and heading of `selector` lies. */
function boxes(page, selector) {
  return page.evaluate((sel) => [...document.querySelectorAll(`${sel} p, ${sel} h1, ${sel} figcaption`)]
    .map((e) => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height].map(Math.round).join(','); }),
  selector);
}

const popoverSel = '[data-crosscheck-popover]:not([hidden])';
const inPopover = (page, sel) => page.locator(`${popoverSel} >> ${sel}`);

test('story page: the publisher\'s article is annotated in place, by mouse and keyboard, axe-clean', { timeout: 240_000 }, async (t) => {
  requireBuild();
  const server = await startServer({ root: DIST, csp: true });
  t.after(() => server.close());

  // The article as the publisher lays it out, without the widget (no script at all).
  const bare = await open(t, server.url, { javaScriptEnabled: false });
  const before = await boxes(bare.page, '#story');

  const { page, rec } = await open(t, server.url);
  const { found, total } = await anchoredOn(page, '#story');
  t.diagnostic(`story page: ${found}/${total} claim and headline sentences anchored`);
  assert.ok(found / total >= 0.95, `only ${found}/${total} sentences anchored`);
  assert.deepEqual(await boxes(page, '#story'), before, 'annotating moved the article\'s paragraphs');
  const style = await page.evaluate(() => {
    const p = document.querySelector('#story .story-body p');
    const s = getComputedStyle(p);
    return [s.fontFamily, s.fontSize, s.lineHeight, s.letterSpacing, s.wordSpacing].join('|');
  });
  const bareStyle = await bare.page.evaluate(() => {
    const p = document.querySelector('#story .story-body p');
    const s = getComputedStyle(p);
    return [s.fontFamily, s.fontSize, s.lineHeight, s.letterSpacing, s.wordSpacing].join('|');
  });
  assert.equal(style, bareStyle, 'the article\'s typography changed');

  // A click on a sentence of the article opens the panel beside it.
  const sentence = page.locator('#story .story-body crosscheck-sentence').first();
  const id = await sentence.getAttribute('data-crosscheck-part');
  await sentence.click();
  await inPopover(page, `[data-panel="${id}"]`).waitFor({ state: 'visible', timeout: 10_000 });
  const entries = await inPopover(page, '[data-panel] [data-verdict]').count();
  assert.equal(entries, 4, 'the panel lists the four other reports');
  // Beside the article when the window has room for it, else under the sentence.
  const placed = await page.evaluate((id) => {
    const p = document.querySelector('[data-crosscheck-popover]').getBoundingClientRect();
    const a = document.querySelector('#story').getBoundingClientRect();
    const m = document.querySelector(`crosscheck-mark[data-segment="${id}"]`).getBoundingClientRect();
    return { left: p.left, top: p.top, articleRight: a.right, markBottom: m.bottom, vw: innerWidth };
  }, id);
  if (placed.vw - placed.articleRight >= 420 + 24) {
    assert.ok(placed.left >= placed.articleRight, `beside the article: ${JSON.stringify(placed)}`);
  } else {
    assert.ok(placed.top >= placed.markBottom, `under the sentence: ${JSON.stringify(placed)}`);
  }
  if (SCREENSHOT && SCREENSHOT !== '0') {
    await mkdir(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    t.diagnostic(`screenshot saved to ${SCREENSHOT}`);
  }
  const violations = await axe(page, ['#story', '[data-crosscheck-popover]', '[data-crosscheck]']);
  assert.deepEqual(violations, [], 'axe-core with the annotate panel open');

  // Escape closes it and gives focus to the sentence's marker.
  await page.keyboard.press('Escape');
  await page.locator('[data-crosscheck-popover]').waitFor({ state: 'hidden', timeout: 5_000 });
  assert.equal(await page.locator('[data-crosscheck-popover]').isVisible(), false, 'Escape closed the panel');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-segment')), id,
    'focus returned to the sentence\'s marker');

  // A keyboard-only walk from the top of the page: Tab to the first marker, Enter, walk the
  // panel's controls with Tab and come out on the next marker.
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  let onMarker = false;
  for (let i = 0; i < 40 && !onMarker; i++) {
    await page.keyboard.press('Tab');
    onMarker = await page.evaluate(() => document.activeElement?.tagName === 'CROSSCHECK-MARK');
  }
  assert.ok(onMarker, 'Tab reaches a marked sentence');
  const first = await page.evaluate(() => document.activeElement.getAttribute('data-segment'));
  await page.keyboard.press('Enter');
  await inPopover(page, `[data-panel="${first}"]`).waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-crosscheck-popover')), true,
    'focus moved into the panel');
  let next = null;
  for (let i = 0; i < 40 && !next; i++) {
    await page.keyboard.press('Tab');
    next = await page.evaluate(() => (document.activeElement?.tagName === 'CROSSCHECK-MARK'
      ? document.activeElement.getAttribute('data-segment') : null));
  }
  assert.ok(next && next !== first, `Tab out of the panel lands on the next marked sentence (${first} -> ${next})`);
  assert.equal(await page.locator('[data-crosscheck-popover]').isVisible(), false, 'leaving the panel closed it');
  await page.keyboard.press(' ');
  await inPopover(page, `[data-panel="${next}"]`).waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Escape');

  // The reader box beside it, its panel open, axe-clean too.
  const box = page.locator('[data-crosscheck]');
  await box.locator('[data-segment]').nth(2).click();
  await box.locator('[data-panel]').waitFor({ state: 'visible', timeout: 10_000 });
  assert.deepEqual(await axe(page, ['[data-crosscheck]', '#story']), [], 'axe-core with the reader box panel open');

  assert.deepEqual(rec.requests.filter((u) => !u.startsWith(server.url)), [], 'requests to another origin');
  assert.deepEqual(rec.problems, [], 'console errors, uncaught exceptions or CSP violations');
});

test('story page at 360 px: the panel is a bottom sheet', { timeout: 120_000 }, async (t) => {
  requireBuild();
  const server = await startServer({ root: DIST, csp: true });
  t.after(() => server.close());
  const { page, rec } = await open(t, server.url, { viewport: { width: 360, height: 740 } });
  await anchoredOn(page, '#story');
  const sentence = page.locator('#story .story-body crosscheck-sentence').nth(3);
  await sentence.click();
  await inPopover(page, '[data-panel]').waitFor({ state: 'visible', timeout: 10_000 });
  const r = await page.evaluate(() => {
    const b = document.querySelector('[data-crosscheck-popover]').getBoundingClientRect();
    return { left: b.left, right: b.right, bottom: b.bottom, top: b.top, vw: innerWidth, vh: innerHeight };
  });
  assert.ok(Math.abs(r.left) <= 1 && Math.abs(r.right - r.vw) <= 1, `full width: ${JSON.stringify(r)}`);
  assert.ok(Math.abs(r.bottom - r.vh) <= 1 && r.top > r.vh * 0.3, `at the bottom, at most 65vh tall: ${JSON.stringify(r)}`);
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= 361, `nothing widens the page (${scrollWidth} px)`);
  assert.deepEqual(rec.problems, []);
});

// ------------------------------------------------------------------- five host layouts

/** The seed articles as paragraphs: the headline first. */
async function seedStories() {
  const names = (await readdir(join(REPO, 'seeds'))).filter((f) => f.endsWith('.txt')).sort();
  return Promise.all(names.map(async (f) => {
    const text = await readFile(join(REPO, 'seeds', f), 'utf8');
    const [headline, ...paragraphs] = text.split(/\n+/).map((p) => p.trim()).filter(Boolean);
    return { id: f.replace(/\.txt$/, ''), headline, paragraphs };
  }));
}

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Print typography, as a CMS applies it: curly quotes, em dashes, soft hyphens. */
function typeset(p) {
  let open = true;
  return p.replace(/"/g, () => ((open = !open) ? '\u201d' : '\u201c'))
    .replace(/'/g, '\u2019').replace(/ - /g, ' \u2014 ')
    .replace(/\b([A-Za-z]{4})([A-Za-z]{6,})\b/g, '$1\u00ad$2');
}

/** Splits a paragraph between two elements in the middle of a sentence. */
function splitInTwo(p) {
  const w = typeset(p).split(' ');
  const mid = Math.floor(w.length / 2);
  return `<span class="line">${esc(w.slice(0, mid).join(' '))}</span> <span class="line">${esc(w.slice(mid).join(' '))}</span>`;
}

/** Links and emphasis inside sentences. */
function inlineMarkup(p) {
  const w = p.split(' ');
  if (w.length < 9) return esc(p);
  const a = Math.floor(w.length / 3);
  return `${esc(w.slice(0, a).join(' '))} <a href="#x">${esc(w.slice(a, a + 3).join(' '))}</a> ` +
    `<em>${esc(w[a + 3])}</em> <strong>${esc(w.slice(a + 4).join(' '))}</strong>`;
}

const LAYOUTS = {
  // A wire-style story: one column, plain paragraphs.
  'single-column': (s) => `<h1>${esc(s.headline)}</h1>${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}`,
  // A big publisher's component tree: every paragraph in nested wrappers, links inside sentences.
  'nested-components': (s) => `<div class="c-headline"><div class="c-headline__inner"><h1>${esc(s.headline)}</h1></div></div>
    <div class="c-body">${s.paragraphs.map((p) => `<div class="c-block"><div class="c-rich"><p class="c-para">${inlineMarkup(p)}</p></div></div>`).join('\n')}</div>`,
  // A drop cap, ad slots and related-story asides between paragraphs.
  'ads-and-asides': (s) => `<h1>${esc(s.headline)}</h1>${s.paragraphs.map((p, i) => {
    const body = i === 0 ? `<span class="dropcap">${esc(p[0])}</span>${esc(p.slice(1))}` : esc(p);
    const extra = i % 3 === 1
      ? '<div class="ad" aria-label="Advertisement"><span>Advertisement</span><div>Sponsored: compare savings accounts</div></div>'
      : i % 3 === 2 ? '<aside class="related"><h2>Read more</h2><ul><li><a href="#">Markets close higher as investors weigh the outlook</a></li></ul></aside>' : '';
    return `<p>${body}</p>${extra}`;
  }).join('\n')}`,
  // Magazine typography, and every paragraph split over two elements mid-sentence.
  'typeset-split': (s) => `<header><h1>${esc(typeset(s.headline))}</h1><p class="dek">Our correspondents report</p></header>
    ${s.paragraphs.map((p) => `<p>${splitInTwo(p)}</p>`).join('\n')}`,
  // The plain story under the demo's deliberately hostile global CSS (every element unset,
  // red 40 px divs, hidden [role=button]).
  'hostile-css': (s) => `<h1>${esc(s.headline)}</h1>${s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}`,
  // A feature template: a share bar, a pull quote repeating a sentence *before* the body
  // has it, a figure, and paragraphs separated by <br> inside one block.
  'feature-br': (s) => `<ul class="share"><li>Share</li><li>Save</li><li>Comments (12)</li></ul><h1>${esc(s.headline)}</h1>
    <blockquote class="pull">${esc(s.paragraphs[2] ?? '')}</blockquote>
    <div class="text">${s.paragraphs.slice(0, 2).map(esc).join('<br><br>')}</div>
    <figure><div class="img"></div><figcaption>A view of the scene. Photograph: Staff</figcaption></figure>
    <div class="text">${s.paragraphs.slice(2).map(esc).join('<br><br>')}</div>`,
};

const hostPage = (name, stories) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Layout ${name}</title>
<link rel="stylesheet" href="host.css">${name === 'hostile-css' ? '\n<link rel="stylesheet" href="hostile.css">' : ''}
<script type="module" src="crosscheck.js"></script></head>
<body class="${name}">
${stories.map((s) => `<article class="story" data-crosscheck-annotate data-source="${s.id}">${LAYOUTS[name](s)}</article>`).join('\n')}
</body></html>`;

const HOST_CSS = `body { font: 18px/1.6 Georgia, serif; max-width: 720px; margin: 0 auto; padding: 16px; }
.dropcap { float: left; font-size: 3em; line-height: 1; margin-right: 6px; }
.ad { margin: 16px 0; padding: 30px; background: #eee; font: 12px sans-serif; }
.related { border-top: 2px solid; font: 14px sans-serif; }
.pull { font-size: 1.4em; font-style: italic; }
.img { height: 120px; background: #789; }
.share { display: flex; gap: 8px; list-style: none; padding: 0; }`;

test('six host layouts: at least 95% of claim sentences anchored in each, nothing moved', { timeout: 240_000 }, async (t) => {
  requireBuild();
  const stories = await seedStories();
  const root = await mkdtemp(join(tmpdir(), 'crosscheck-layouts-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  for (const f of WIDGET_FILES) await copyFile(join(DIST, f), join(root, f));
  await writeFile(join(root, 'host.css'), HOST_CSS);
  await copyFile(join(DIST, 'hostile.css'), join(root, 'hostile.css'));
  for (const name of Object.keys(LAYOUTS)) await writeFile(join(root, `${name}.html`), hostPage(name, stories));
  const server = await startServer({ root, csp: true });
  t.after(() => server.close());

  for (const name of Object.keys(LAYOUTS)) {
    const bare = await open(t, `${server.url}${name}.html`, { javaScriptEnabled: false });
    const before = await boxes(bare.page, 'body');
    const { page, rec } = await open(t, `${server.url}${name}.html`);
    await page.waitForFunction(() => [...document.querySelectorAll('[data-crosscheck-annotate]')]
      .every((a) => a.hasAttribute('data-crosscheck-anchored')), null, { timeout: TIMEOUT_MS });
    // Claims alone, from the JS API (annotating again replaces the marks).
    const tallies = await page.evaluate(async () => {
      const out = [];
      for (const el of document.querySelectorAll('[data-crosscheck-annotate]')) {
        const a = window.Crosscheck.annotate(el, {});
        await a.ready;
        out.push(a.tally());
      }
      return out;
    });
    const claims = tallies.reduce((n, x) => n + x.claims, 0);
    const found = tallies.reduce((n, x) => n + x.claimsAnchored, 0);
    t.diagnostic(`layout ${name}: ${found}/${claims} claim sentences anchored (${(100 * found / claims).toFixed(1)}%)`);
    assert.ok(found / claims >= 0.95, `${name}: ${found}/${claims} claims anchored`);
    const after = await boxes(page, 'body');
    const moved = after.findIndex((b, i) => b !== before[i]);
    assert.deepEqual(after, before, `${name}: annotating moved the layout (first at box ${moved}: ${before[moved]} -> ${after[moved]})`);
    // No marker inside a link or another control; pull quotes do not take the body's marks.
    assert.equal(await page.locator('a crosscheck-mark, button crosscheck-mark').count(), 0, `${name}: a marker in a control`);
    assert.equal(await page.locator('blockquote.pull crosscheck-sentence').count(), 0, `${name}: the pull quote took a sentence`);
    // A sentence opens its panel in every layout, and Escape hides it again, whatever the
    // page's CSS does to elements.
    const sentence = page.locator('crosscheck-sentence').nth(5);
    await sentence.scrollIntoViewIfNeeded();
    await sentence.click();
    await inPopover(page, '[data-panel]').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Escape');
    await page.locator('[data-crosscheck-popover]').waitFor({ state: 'hidden', timeout: 5_000 });
    assert.deepEqual(rec.problems, [], `${name}: console errors`);
  }
});

// ------------------------------------------------------------------- a database per story

test('a database per story: same-origin json and bin files, inline JSON, the JS API and its event', { timeout: 240_000 }, async (t) => {
  requireBuild();
  const stories = await seedStories();
  const root = await mkdtemp(join(tmpdir(), 'crosscheck-perstory-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  for (const f of WIDGET_FILES) await copyFile(join(DIST, f), join(root, f));
  // Three of the seed articles make "another story": the embedded database has five.
  const cluster = join(root, 'cluster');
  await mkdir(cluster);
  const three = stories.slice(0, 3);
  for (const s of three) await copyFile(join(REPO, 'seeds', `${s.id}.txt`), join(cluster, `${s.id}.txt`));
  await mkdir(join(root, 'claims'));
  const cli = (...args) => execFileSync('cargo', ['run', '-q', '-p', 'crosscheck', '--', 'build', cluster, '--no-encoder', ...args],
    { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  cli('--format', 'json', '-o', join(root, 'claims', 'three.json'));
  cli('--format', 'bin', '-o', join(root, 'claims', 'three.bin'));
  // The same file cut short, as a broken transfer leaves it: read as it arrives, it is refused whole.
  const bin = await readFile(join(root, 'claims', 'three.bin'));
  await writeFile(join(root, 'claims', 'cut.bin'), bin.subarray(0, bin.length - 1000));
  const json = await readFile(join(root, 'claims', 'three.json'), 'utf8');
  const db = JSON.parse(json);
  await writeFile(join(root, 'host.js'), `
window.__events = [];
document.addEventListener('crosscheck:select', (e) => window.__events.push({ host: e.target.id, detail: e.detail }));
window.Crosscheck.ready.then((api) => {
  window.__api = api.mount(document.getElementById('api'), { database: 'claims/three.json', theme: 'dark' });
});
`);
  await writeFile(join(root, 'story.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Per-story databases</title>
<script type="module" src="crosscheck.js"></script>
<script type="module" src="host.js"></script></head>
<body>
<script type="application/json" data-crosscheck-db id="inline">${json.replace(/<\//g, '<\\/')}</script>
<div id="file-json" data-crosscheck data-database="claims/three.json"></div>
<div id="file-bin" data-crosscheck data-database="claims/three.bin"></div>
<div id="inline-db" data-crosscheck data-database="#inline"></div>
<div id="page-default" data-crosscheck></div>
<div id="embedded" data-crosscheck data-database="embedded"></div>
<div id="api"></div>
<div id="missing" data-crosscheck data-database="claims/nope.json"></div>
<div id="cut" data-crosscheck data-database="claims/cut.bin"></div>
<div id="foreign" data-crosscheck data-database="https://example.org/claims.json"></div>
<article id="annotated" data-crosscheck-annotate data-source="${three[1].id}" data-database="claims/three.bin">
<h1>${esc(three[1].headline)}</h1>
${three[1].paragraphs.map((p) => `<p>${esc(p)}</p>`).join('\n')}</article>
</body></html>`);
  const server = await startServer({ root, csp: true });
  t.after(() => server.close());
  const { page, rec } = await open(t, `${server.url}story.html`);

  const tabsIn = (id) => page.locator(`#${id}`).locator('[data-source-tab]');
  for (const id of ['file-json', 'file-bin', 'inline-db', 'page-default', 'api']) {
    await tabsIn(id).first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.equal(await tabsIn(id).count(), 3, `#${id} shows the three-article database`);
  }
  await tabsIn('embedded').first().waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  assert.equal(await tabsIn('embedded').count(), 5, '#embedded shows the built-in seeds');
  for (const [id, words] of [['missing', 'could not be fetched (HTTP 404)'], ['foreign', 'on another site'],
    ['cut', 'damaged or cut short']]) {
    const box = page.locator(`#${id}`).locator('[data-error]');
    await box.waitFor({ state: 'visible', timeout: TIMEOUT_MS });
    assert.match(await box.textContent(), new RegExp(words.replace(/[()]/g, '\\$&')), `#${id}'s message`);
  }
  const { found, total } = await anchoredOn(page, '#annotated');
  assert.ok(found / total >= 0.95, `annotate with a database file: ${found}/${total}`);

  // The JS API: select opens a sentence (of another article), verdicts are the export's.
  const claim = db.segments.find((s) => s.source === three[2].id && s.kind === 'claim');
  const selected = await page.evaluate((id) => window.__api.select(id), claim.id);
  assert.equal(selected, true);
  await page.locator('#api').locator(`[data-panel="${claim.id}"]`).waitFor({ state: 'visible', timeout: 10_000 });
  const verdicts = await page.evaluate((id) => window.__api.verdicts(id), claim.id);
  // One per other source: the export's verdict, else the omission it leaves implicit, filled in
  // with no score (data model 2).
  const expected = db.sources.filter((s) => s.id !== claim.source).map((s) =>
    db.verdicts.find((v) => v.segment === claim.id && v.other === s.id)
      ?? { other: s.id, label: 'omits', score: null, evidence: [] });
  assert.equal(verdicts.length, 2);
  assert.deepEqual(verdicts.map((v) => [v.other, v.label, v.score, v.evidence]), expected.map((v) => [v.other, v.label, v.score, v.evidence]));
  // A reader's click fires the event too, on its own host.
  await page.locator('#file-bin').locator('[data-segment]').nth(1).click();
  await page.waitForFunction(() => window.__events.length >= 2, null, { timeout: 5_000 });
  const events = await page.evaluate(() => window.__events.map((e) => ({ host: e.host, id: e.detail.segment.id, n: e.detail.verdicts.length })));
  assert.equal(events[0].host, 'api');
  assert.equal(events[0].id, claim.id);
  assert.equal(events[0].n, 2);
  assert.equal(events[1].host, 'file-bin');

  const foreign = rec.requests.filter((u) => !u.startsWith(server.url));
  assert.deepEqual(foreign, [], 'nothing was requested from another origin (the foreign database was refused)');
  const fetched = rec.requests.filter((u) => u.includes('/claims/')).map((u) => u.slice(server.url.length)).sort();
  t.diagnostic(`database files fetched: ${fetched.join(', ')}`);
  assert.ok(fetched.includes('claims/three.json') && fetched.includes('claims/three.bin'));
  const unexpected = rec.problems.filter((p) => !/could not load this comparison/.test(p) && !/404/.test(p));
  assert.deepEqual(unexpected, [], 'console errors other than the two bad databases\' own');
});

test('hostile demo page: both modes work under hostile CSS, axe-core finds nothing in the widget', { timeout: 120_000 }, async (t) => {
  requireBuild();
  const server = await startServer({ root: DIST, csp: true });
  t.after(() => server.close());
  const { page, rec } = await open(t, `${server.url}hostile.html`);
  // Reader box, its panel open. axe looks at what the widget adds, not at the hostile page's
  // own (deliberately unreadable) text.
  const box = page.locator('[data-crosscheck]');
  await box.locator('[data-segment]').nth(3).click();
  await box.locator('[data-panel]').waitFor({ state: 'visible', timeout: TIMEOUT_MS });
  assert.deepEqual(await axe(page, ['[data-crosscheck]']), [], 'axe-core over the reader box on the hostile page');
  // Annotate mode on the reprinted wire story, its panel open.
  const { found, total } = await anchoredOn(page, '#reprint');
  t.diagnostic(`hostile page reprint: ${found}/${total} sentences anchored`);
  assert.ok(found / total >= 0.95, `${found}/${total} anchored under hostile CSS`);
  const marker = page.locator('#reprint crosscheck-mark').nth(2);
  await marker.focus();
  await page.keyboard.press('Enter');
  await inPopover(page, '[data-panel]').waitFor({ state: 'visible', timeout: 10_000 });
  assert.deepEqual(await axe(page, ['[data-crosscheck-popover]', '#reprint crosscheck-mark']), [],
    'axe-core over annotate mode on the hostile page');
  await page.keyboard.press('Escape');
  await page.locator('[data-crosscheck-popover]').waitFor({ state: 'hidden', timeout: 5_000 });
  assert.deepEqual(rec.problems, [], 'console errors, uncaught exceptions or CSP violations');
});
