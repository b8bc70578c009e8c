// What the end-to-end tests share: a fresh headless Chromium on a page of the release build,
// recording what a test must check (requests, console errors, CSP violations), and axe-core.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './static-server.mjs';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const AXE = join(REPO, 'node_modules', 'axe-core', 'axe.min.js');

/** A fresh browser on `url`, recording requests, console errors and CSP violations. */
export async function open(t, url, { viewport = { width: 1280, height: 900 }, javaScriptEnabled = true } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'crosscheck-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
    javaScriptEnabled,
  });
  t.after(async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  });
  const rec = { requests: [], problems: [], warnings: [] };
  context.on('request', (r) => rec.requests.push(r.url()));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation',
      (e) => console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'}`), true);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (m) => {
    if (m.type() === 'error') rec.problems.push(`console.error: ${m.text()}`);
    if (m.type() === 'warning') rec.warnings.push(m.text());
  });
  page.on('pageerror', (e) => rec.problems.push(`uncaught: ${e.message}`));
  const response = await page.goto(url, { waitUntil: 'load' });
  assert.equal(response?.status(), 200, `${url} did not load`);
  return { page, rec };
}


/** Runs axe-core (loaded into the page by the test driver, not by the page) over `include`. */
export async function axe(page, include) {
  const source = await readFile(AXE, 'utf8');
  await page.evaluate(source);
  const result = await page.evaluate(async (include) => {
    const r = await window.axe.run({ include }, { resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, include);
  return result;
}

