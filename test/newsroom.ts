/**
 * A local web server that plays a newsroom: pages are set over HTTP by tests, the demo and the
 * benchmarks (PUT /__pages/<path>), and served like any site, with the status, content type and
 * headers they were given. Node only.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

interface Page {
  status: number;
  /** Milliseconds to wait before answering (to test timeouts). */
  delayMs: number;
  headers: Record<string, string>;
  body: Buffer;
}

export interface PageOptions {
  status?: number;
  headers?: Record<string, string>;
  delayMs?: number;
}

export interface Newsroom {
  origin: string;
  set(path: string, body: string | Buffer, options?: PageOptions): void;
  close(): Promise<void>;
}

export async function startNewsroom(port = 0): Promise<Newsroom> {
  const pages = new Map<string, Page>();
  const set: Newsroom['set'] = (path, body, options = {}) => {
    pages.set(path, {
      status: options.status ?? 200,
      delayMs: options.delayMs ?? 0,
      headers: { 'content-type': 'text/html; charset=utf-8', ...options.headers },
      body: Buffer.isBuffer(body) ? body : Buffer.from(body),
    });
  };
  // A webhook receiver too: POST /__hooks/<name> keeps the body, GET /__hooks/<name> lists them.
  const hooks = new Map<string, unknown[]>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://newsroom');
    if (url.pathname.startsWith('/__hooks/')) {
      const received = hooks.get(url.pathname) ?? [];
      hooks.set(url.pathname, received);
      if (req.method !== 'POST') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
        return;
      }
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received.push({ contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString() || 'null') });
        res.writeHead(204).end();
      });
      return;
    }
    if (url.pathname.startsWith('/__pages/') && req.method === 'PUT') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers: Record<string, string> = {};
        const given = req.headers['x-page-headers'];
        if (typeof given === 'string') Object.assign(headers, JSON.parse(given));
        set(url.pathname.slice('/__pages'.length) + url.search, Buffer.concat(chunks), {
          status: Number(req.headers['x-page-status'] ?? 200),
          delayMs: Number(req.headers['x-page-delay-ms'] ?? 0),
          headers,
        });
        res.writeHead(204).end();
      });
      return;
    }
    const page = pages.get(url.pathname + url.search);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    const answer = () => {
      if (!res.destroyed) res.writeHead(page.status, page.headers).end(page.body);
    };
    if (page.delayMs > 0) setTimeout(answer, page.delayMs);
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: bound } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${bound}`,
    set,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
