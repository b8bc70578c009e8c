// Bundle size of the release build (`dist/`): every file raw, gzip -9 and brotli 11; the
// widget's own payload (what an embedding page downloads) against the 120 KiB gzip aim (issue 14);
// the embedded claim database's share; and, from `twiggy top` on a build of the same wasm
// that kept its function names, what each crate costs.
//
// Prints figures and writes them as JSON; never fails on a size. Run by scripts/bench.sh,
// which builds the inputs; alone: `node bench/bundle.mjs` with
//   CROSSCHECK_DIST   the release build (default dist/)
//   BENCH_CLAIMS      the generated claims.bin (default: the newest in target/**/out/)
//   BENCH_WASM_NAMES  the same wasm, wasm-opt'ed with names kept (default target/bench/wasm/named.wasm)
//   BENCH_OUT         where bundle.json goes (default target/bench/)

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = resolve(process.env.CROSSCHECK_DIST || join(REPO, 'dist'));
const OUT = resolve(process.env.BENCH_OUT || join(REPO, 'target', 'bench'));
const NAMED = resolve(process.env.BENCH_WASM_NAMES || join(OUT, 'wasm', 'named.wasm'));
// The aim for what a reader's page loads before the first sentence (issue 14).
const AIM_GZIP = 120 * 1024;
// What an embedding page downloads: the loader, the wasm-bindgen glue and the module. The
// widget's CSS is compiled into the wasm (an adopted stylesheet); the demo page's own CSS and
// HTML are not part of the widget.
const WIDGET_FILES = ['crosscheck.js', 'crosscheck-widget.js', 'crosscheck-widget_bg.wasm'];
// The engine in the browser (Crosscheck.analyse): fetched only when a page first asks for an
// analysis, never by a reader's page, so reported beside the widget and not counted in it.
const ENGINE_FILES = ['analyse.js', 'analyse-worker.js', 'crosscheck-analyse.js', 'crosscheck-analyse_bg.wasm'];

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}
const kb = (n) => (n / 1024).toFixed(1);

/** The newest claims.bin a widget build script wrote (release wasm build first). */
function findClaims() {
  if (process.env.BENCH_CLAIMS) return resolve(process.env.BENCH_CLAIMS);
  let best = null;
  for (const profile of [
    join(REPO, 'target', 'wasm32-unknown-unknown', 'release', 'build'),
    join(REPO, 'target', 'release', 'build'),
  ]) {
    if (!existsSync(profile)) continue;
    for (const d of readdirSync(profile)) {
      if (!d.startsWith('crosscheck-widget-')) continue;
      const f = join(profile, d, 'out', 'claims.bin');
      if (existsSync(f) && (!best || statSync(f).mtimeMs > statSync(best).mtimeMs)) best = f;
    }
    if (best) return best;
  }
  return best;
}

// Crates of the Rust standard library (and what it links in on wasm32-unknown-unknown).
const STD = new Set(['core', 'alloc', 'std', 'compiler_builtins', 'dlmalloc', 'panic_abort', 'panic_unwind', 'rustc_demangle', '__rustc']);
const PRIMITIVE = new Set(['u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize', 'f32', 'f64', 'bool', 'char', 'str', 'T', 'impl', 'dyn', 'mut', 'const', 'as', 'for', 'fn', 'closure', 'unnamed']);

/**
 * The crate an item of `twiggy top` belongs to, from its demangled name. A generic std item
 * instantiated for another crate's type (`core::ptr::drop_in_place<yew::…>`, `Vec<crosscheck::…>`)
 * is charged to that crate: it exists because that crate uses it.
 */
function crateOf(raw) {
  // v0-mangled names carry a crate disambiguator: `core[c5930c85a12de822]::fmt`.
  const name = raw.replace(/\[[0-9a-f]{6,}\]/g, '');
  if (/^data\[\d+\]$/.test(name) || /^data segment/.test(name)) return '(data: static bytes, incl. the claim database)';
  if (/^custom section/.test(name) || /^"[a-z ]+" subsection/.test(name) || name === 'name') return '(custom sections)';
  if (/^(__wbg_|__wbindgen|__externref|__wbg|wasm_bindgen_)/.test(name)) return 'wasm_bindgen';
  if (/^(import|export|type|table|elem|global|memory|func|start)\b/.test(name) || /^(type|table|elem|global)\[\d+\]$/.test(name)) {
    return '(module tables, types, imports, exports)';
  }
  if (/^code\[\d+\]$/.test(name)) return '(unnamed functions)';
  if (/^(memcpy|memmove|memset|memcmp|bcmp|__rust_|rust_|__rdl_|__rg_|__multi3|__udivti3|__umodti3|__ashlti3|__lshrti3|__divti3|__modti3|__muloti4)/.test(name)) {
    return 'std (core, alloc, compiler_builtins, dlmalloc)';
  }
  // The first segment of every path in the name (not `core::fmt`'s `fmt`).
  const idents = [...name.matchAll(/(?:^|[<&\s(\[,*;])([A-Za-z_][A-Za-z0-9_]*)::/g)].map((m) => m[1]);
  const crates = idents.filter((c) => !PRIMITIVE.has(c) && c !== 'self' && c !== 'Self' && c !== 'crate' && /^[a-z_][a-z0-9_]*$/.test(c));
  if (crates.length === 0) return '(other)';
  const own = crates.find((c) => !STD.has(c));
  if (own) {
    // The type a generic std item was made for, unless the item itself belongs to a crate.
    return STD.has(crates[0]) ? own : crates[0];
  }
  return 'std (core, alloc, compiler_builtins, dlmalloc)';
}
const CRATE_LABEL = { crosscheck: 'crosscheck (engine)', crosscheck_widget: 'crosscheck_widget (widget)' };

function twiggyByCrate(wasm) {
  let version;
  try {
    version = execFileSync('twiggy', ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return { skipped: 'twiggy not found (scripts/bench.sh installs it with `cargo install twiggy`)' };
  }
  if (!existsSync(wasm)) return { skipped: `${wasm} not found (scripts/bench.sh builds it)` };
  const json = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'json', wasm], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const items = JSON.parse(json);
  const byCrate = new Map();
  let total = 0;
  for (const it of items) {
    const name = it.name ?? '';
    const size = it.shallow_size ?? 0;
    const crate = crateOf(name);
    // The names section exists only because this copy kept names; the shipped wasm has none.
    if (crate === '(custom sections)') continue;
    total += size;
    const c = byCrate.get(crate) ?? { crate: CRATE_LABEL[crate] ?? crate, bytes: 0, items: 0, biggest: [] };
    c.bytes += size;
    c.items += 1;
    if (c.biggest.length < 3) c.biggest.push({ name: name.length > 110 ? name.slice(0, 107) + '...' : name, bytes: size });
    byCrate.set(crate, c);
  }
  const crates = [...byCrate.values()].sort((a, b) => b.bytes - a.bytes);
  const top = items
    .filter((it) => crateOf(it.name ?? '') !== '(custom sections)')
    .slice(0, 15)
    .map((it) => ({ name: it.name, bytes: it.shallow_size, crate: CRATE_LABEL[crateOf(it.name)] ?? crateOf(it.name) }));
  return { twiggy: version, file: wasm, total, crates, top };
}

async function main() {
  if (!existsSync(DIST)) throw new Error(`${DIST} is missing: run \`trunk build --release\` first (scripts/bench.sh does)`);
  const files = readdirSync(DIST)
    .filter((f) => statSync(join(DIST, f)).isFile())
    .sort()
    .map((f) => ({
      file: f,
      widget: WIDGET_FILES.includes(f),
      engine: ENGINE_FILES.includes(f),
      ...sizes(readFileSync(join(DIST, f))),
    }));
  const missing = WIDGET_FILES.filter((f) => !files.some((x) => x.file === f));
  if (missing.length) throw new Error(`dist/ lacks ${missing.join(', ')}: is it a release build of this widget?`);
  const sum = (xs, k) => xs.reduce((a, x) => a + x[k], 0);
  const widget = files.filter((f) => f.widget);
  const total = { raw: sum(widget, 'raw'), gzip: sum(widget, 'gzip'), brotli: sum(widget, 'brotli') };
  const engine = files.filter((f) => f.engine);
  const onDemand = engine.length
    ? { raw: sum(engine, 'raw'), gzip: sum(engine, 'gzip'), brotli: sum(engine, 'brotli') }
    : null;

  const claimsPath = findClaims();
  const claims = claimsPath ? { file: claimsPath, ...sizes(readFileSync(claimsPath)) } : null;
  const twiggy = twiggyByCrate(NAMED);

  console.log('bundle:   dist/ file                       raw KiB  gzip KiB  brotli KiB');
  for (const f of files) {
    console.log(
      `          ${(f.file + (f.widget ? '' : f.engine ? ' (on demand)' : ' (demo page)')).padEnd(32)} ${kb(f.raw).padStart(7)}  ${kb(f.gzip).padStart(8)}  ${kb(f.brotli).padStart(10)}`,
    );
  }
  console.log(
    `          ${'widget total (what a page loads)'.padEnd(32)} ${kb(total.raw).padStart(7)}  ${kb(total.gzip).padStart(8)}  ${kb(total.brotli).padStart(10)}` +
      `   aim <= ${kb(AIM_GZIP)} KiB gzip: ${total.gzip <= AIM_GZIP ? 'met' : 'not met'}`,
  );
  if (onDemand) {
    console.log(
      `          ${'engine, on demand (analyse)'.padEnd(32)} ${kb(onDemand.raw).padStart(7)}  ${kb(onDemand.gzip).padStart(8)}  ${kb(onDemand.brotli).padStart(10)}` +
        '   fetched only by Crosscheck.analyse; not in the widget total',
    );
  }
  if (claims) {
    console.log(
      `          embedded claim database (claims.bin): ${kb(claims.raw)} KiB raw, ${kb(claims.gzip)} KiB gzip ` +
        `(${((100 * claims.gzip) / total.gzip).toFixed(0)}% of the gzip total), ${kb(claims.brotli)} KiB brotli`,
    );
  }
  if (twiggy.skipped) {
    console.log(`          by crate: skipped: ${twiggy.skipped}`);
  } else {
    console.log(`          by crate (${twiggy.twiggy} top, shallow bytes of the -Oz wasm with names kept):`);
    for (const c of twiggy.crates.slice(0, 14)) {
      console.log(`            ${c.crate.padEnd(50)} ${kb(c.bytes).padStart(7)} KiB  ${((100 * c.bytes) / twiggy.total).toFixed(1).padStart(5)}%`);
    }
  }

  const result = {
    date: new Date().toISOString(),
    aimGzip: AIM_GZIP,
    files,
    widgetFiles: WIDGET_FILES,
    total,
    engineFiles: ENGINE_FILES,
    onDemand,
    claims,
    twiggy,
  };
  await mkdir(OUT, { recursive: true });
  await writeFile(join(OUT, 'bundle.json'), JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${join(OUT, 'bundle.json')}`);
}

main().catch((e) => {
  console.error(`bench/${basename(fileURLToPath(import.meta.url))}: ${e.stack || e}`);
  process.exit(1);
});
