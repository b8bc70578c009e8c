// A tiny static file server for the release build (`dist/`), used by the end-to-end test.
//
// Why not `trunk serve`: the test must check the build a reader actually gets (the release
// `dist/`), behind the strict Content-Security-Policy a news site would set, with no
// auto-reload websocket or other dev-server traffic muddying the network count.
//
// Library use:  const srv = await startServer({ root, csp: true }); ... await srv.close();
// Command line: node e2e/static-server.mjs [DIR] [--port N] [--no-csp]   (binds 127.0.0.1)

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The policy the widget must live with: nothing inline, nothing from elsewhere. */
// Chromium flags for every headless run (tests and benchmarks): root in a container needs
// --no-sandbox, and nothing Chromium fetches on its own (updates, sync, QUIC probes) may reach
// the network count.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

/**
 * Serves `root` on 127.0.0.1. `port: 0` (the default) takes a free port, so parallel runs
 * and a developer's own `trunk serve` on 8080 never collide.
 * Returns { url, port, close(), served } where `served` lists every path requested.
 */
export async function startServer({ root, csp = true, port = 0, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const served = [];
  const server = createServer(async (req, res) => {
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (csp) headers['Content-Security-Policy'] = STRICT_CSP;
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, headers).end('bad request');
      return;
    }
    served.push(pathname);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end('method not allowed');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    const file = resolve(join(base, pathname));
    // Refuse anything that escapes the served folder (`..`, encoded or not).
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403, headers).end('forbidden');
      return;
    }
    try {
      const info = await stat(file);
      if (!info.isFile()) throw new Error('not a file');
      const body = await readFile(file);
      headers['Content-Type'] = MIME[extname(file).toLowerCase()] ?? 'application/octet-stream';
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      // Chromium asks for /favicon.ico by itself; a real news site has one, and a 404 would
      // show up as a console error the widget did not cause. Answer "no content" instead.
      if (pathname === '/favicon.ico') {
        res.writeHead(204, headers).end();
        return;
      }
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, ok);
  });
  const actual = server.address().port;
  return {
    url: `http://${host}:${actual}/`,
    port: actual,
    served,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok());
      }),
  };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  let root = 'dist';
  let port = 8081;
  let csp = true;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--port') port = Number(args[++i]);
    else if (args[i] === '--no-csp') csp = false;
    else root = args[i];
  }
  const srv = await startServer({ root, port, csp });
  console.log(`serving ${resolve(root)} at ${srv.url}${csp ? ' (strict CSP)' : ''}`);
}
