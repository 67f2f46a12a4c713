// Serves dist/ on 127.0.0.1 (a free port) for the whole test run and exports
// its address as DOUDI_BASE_URL, which the config's baseURL and the workers
// read. A tiny static server: no dependencies, correct MIME types (.wasm as
// application/wasm, which WebAssembly.instantiateStreaming requires), and the
// precompressed copies the build writes (NAME.br, NAME.gz) with Content-Encoding, as
// scripts/serve.py sends them: the bytes the tests count are the bytes a person gets.
//
// When DOUDI_BASE_URL is already set, the tests use that server instead.
import type { FullConfig } from '@playwright/test';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
export const DIST = process.env.DOUDI_DIST || path.join(ROOT, 'dist');

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The policy of a page's <meta http-equiv="Content-Security-Policy">, if any. */
function metaPolicy(page: string): string | undefined {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(page);
  return match?.[1].replace(/&#x27;|&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

export interface StaticServerOptions {
  /** Rewrites a file's body before it is sent (tests use it to fake a release). */
  transform?: (pathname: string, body: Buffer) => Buffer;
}

/** Serves `dir`. An HTML page's Content-Security-Policy meta is also sent as the
 * header, as a real host would, so the tests run under both. */
export function startStaticServer(dir: string, port = 0, options: StaticServerOptions = {}): Promise<http.Server> {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    let file = path.join(root, pathname);
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, data) => {
      if (err) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const body = options.transform ? options.transform(pathname, data) : data;
      const type = MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
      // The precompressed copy the build wrote (scripts/compress.mjs), as scripts/serve.py
      // and a static host send it, unless a test rewrote the file.
      const accepted = String(req.headers['accept-encoding'] ?? '');
      let sent = body;
      let coding: string | undefined;
      if (body === data || body.equals(data)) {
        for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
          if (new RegExp(`\\b${name}\\b`).test(accepted) && fs.existsSync(file + suffix)) {
            sent = fs.readFileSync(file + suffix);
            coding = name;
            break;
          }
        }
      }
      const headers: http.OutgoingHttpHeaders = {
        'Content-Type': type,
        'Content-Length': sent.length,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      };
      if (coding) headers['Content-Encoding'] = coding;
      const policy = type.startsWith('text/html') ? metaPolicy(body.toString('utf8')) : undefined;
      if (policy) headers['Content-Security-Policy'] = `${policy}; frame-ancestors 'none'`;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : sent);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

export default async function globalSetup(_config: FullConfig): Promise<(() => Promise<void>) | void> {
  if (process.env.DOUDI_BASE_URL) return;
  if (!fs.existsSync(path.join(DIST, 'index.html'))) {
    throw new Error(`${DIST}/index.html is missing: build the site first (bash scripts/build-web.sh)`);
  }
  const server = await startStaticServer(DIST);
  const { port } = server.address() as AddressInfo;
  process.env.DOUDI_BASE_URL = `http://127.0.0.1:${port}/`;
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
