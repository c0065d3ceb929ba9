/**
 * A local web server that plays a newsroom: pages are set over HTTP by tests, the demo and the
 * benchmarks (PUT /__pages/<path>), and served like any site, with the status, content type and
 * headers they were given (and, set `conditional`, answering 304 like a file server). Node only.
 *
 * Hostile answers for the outbound fetcher's tests (src/net), all generated as they are sent:
 * - GET|POST /__flood?name=N&bytes=B&type=T  B bytes, chunked (no Content-Length), written only as
 *   fast as the client reads; GET /__flood-stats?name=N says how many were written and whether the
 *   client hung up before the end. 200 MB costs no memory here.
 * - /__trickle?bytes=B&everyMs=M  headers at once, then one byte every M ms.
 * - /__drop  closes the connection without an answer.
 * - /__trap/<name>  records every request (method, origin) and answers a page, a feed or 204;
 *   GET /__trap-log/<name> lists them: proof that a refused redirect sent nothing there.
 * - PUT /__in-flight?prefix=/p/  starts counting the page requests under /p/ open at once; GET
 *   /__in-flight?prefix=/p/ answers {"peak": N}, the most there were: proof of a per-host limit.
 * The same server also listens on a second port (`otherOrigin`): another origin on loopback, for
 * "a redirect into loopback is refused" when only `origin` is allowed.
 *
 * Faults for the soak (scripts/soak.ts): a page set with `fault: 'reset'` closes the connection
 * without an answer, `fault: 'truncate'` promises its whole length and sends half; a webhook
 * receiver (`hookMode(name, mode)`) answers 204, or 500 ('fail'), or resets ('reset'), or waits
 * `slowMs` first ('slow'), and `received(name)` lists what it kept.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fakeArchive } from './fake-archive';

export type PageFault = 'reset' | 'truncate';
export type HookMode = 'ok' | 'fail' | 'reset' | 'slow';

interface Page {
  status: number;
  /** Milliseconds to wait before answering (to test timeouts). */
  delayMs: number;
  headers: Record<string, string>;
  body: Buffer;
  fault: PageFault | null;
  /** Answers conditional GETs like a file server (see `answersNotModified`). */
  conditional: boolean;
}

export interface PageOptions {
  status?: number;
  headers?: Record<string, string>;
  delayMs?: number;
  fault?: PageFault;
  /**
   * Answer 304 like a static file server (python's http.server, nginx): to an If-None-Match that
   * names the page's ETag, or, without If-None-Match, to an If-Modified-Since not earlier than the
   * page's Last-Modified, compared to the second. Off by default: the page is always served.
   */
  conditional?: boolean;
}

/** What a webhook receiver kept of one POST. */
export interface HookReceipt {
  contentType: string | undefined;
  body: unknown;
}

export interface Newsroom {
  origin: string;
  /** The same newsroom on another port: a different origin on loopback. */
  otherOrigin: string;
  set(path: string, body: string | Buffer, options?: PageOptions): void;
  /** How the receiver at /__hooks/<name> answers from now on (default 'ok'). */
  hookMode(name: string, mode: HookMode, slowMs?: number): void;
  /** What the receiver at /__hooks/<name> kept (only POSTs it answered 204). */
  received(name: string): HookReceipt[];
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
      fault: options.fault ?? null,
      conditional: options.conditional ?? false,
    });
  };
  // A webhook receiver too: POST /__hooks/<name> keeps the body, GET /__hooks/<name> lists them.
  const hooks = new Map<string, HookReceipt[]>();
  const hookModes = new Map<string, { mode: HookMode; slowMs: number }>();
  const traps = new Map<string, { method: string; origin: string }[]>();
  const floods = new Map<string, { sent: number; finished: boolean; hungUp: boolean }>();
  const archive = fakeArchive();
  const inFlight = new Map<string, { open: number; peak: number }>();
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://newsroom');
    if (archive(req, res, url.pathname)) return;
    if (url.pathname === '/__in-flight') {
      const prefix = url.searchParams.get('prefix') ?? '/';
      if (req.method === 'PUT') inFlight.set(prefix, { open: 0, peak: 0 });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ peak: inFlight.get(prefix)?.peak ?? 0 }));
      return;
    }
    if (url.pathname === '/__flood') {
      flood(req, res, url, floods);
      return;
    }
    if (url.pathname === '/__flood-stats') {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(floods.get(url.searchParams.get('name') ?? '') ?? null));
      return;
    }
    if (url.pathname === '/__trickle') {
      trickle(res, Number(url.searchParams.get('bytes') ?? 100), Number(url.searchParams.get('everyMs') ?? 100), url.searchParams.get('type') ?? 'text/html');
      return;
    }
    if (url.pathname.startsWith('/__hooks/')) {
      const received = hooks.get(url.pathname) ?? [];
      hooks.set(url.pathname, received);
      if (req.method !== 'POST') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(received));
        return;
      }
      const { mode, slowMs } = hookModes.get(url.pathname) ?? { mode: 'ok', slowMs: 0 };
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (mode === 'reset') return void req.socket.destroy();
        if (mode === 'fail') return void res.writeHead(500, { 'content-type': 'text/plain' }).end('receiver down');
        const keep = () => {
          if (res.destroyed) return; // the sender gave up waiting: not received
          received.push({ contentType: req.headers['content-type'], body: JSON.parse(Buffer.concat(chunks).toString() || 'null') });
          res.writeHead(204).end();
        };
        if (mode === 'slow') setTimeout(keep, slowMs);
        else keep();
      });
      return;
    }
    if (url.pathname.startsWith('/__trap/')) {
      const log = traps.get(url.pathname) ?? [];
      traps.set(url.pathname, log);
      log.push({ method: req.method ?? 'GET', origin: `http://${req.headers.host}` });
      req.resume();
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(TRAP_PAGE);
      return;
    }
    if (url.pathname.startsWith('/__trap-log/')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(traps.get(`/__trap/${url.pathname.slice('/__trap-log/'.length)}`) ?? []));
      return;
    }
    if (url.pathname === '/__drop') {
      req.socket.destroy(); // a connection that ends with no answer: a network error for the client
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
          conditional: req.headers['x-page-conditional'] === 'true',
        });
        res.writeHead(204).end();
      });
      return;
    }
    for (const [prefix, count] of inFlight) {
      if (!url.pathname.startsWith(prefix)) continue;
      count.open++;
      count.peak = Math.max(count.peak, count.open);
      res.on('close', () => count.open--);
    }
    const page = pages.get(url.pathname + url.search);
    if (!page) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      return;
    }
    const answer = () => {
      if (res.destroyed) return;
      if (page.fault === 'reset') return void req.socket.destroy();
      if (page.fault === 'truncate') {
        // The whole length promised, half of it sent, then the connection closed.
        res.writeHead(page.status, { ...page.headers, 'content-length': String(page.body.length) });
        res.write(page.body.subarray(0, Math.floor(page.body.length / 2)), () => req.socket.destroy());
        return;
      }
      if (page.conditional && answersNotModified(req, page.headers)) return void res.writeHead(304, page.headers).end();
      res.writeHead(page.status, page.headers).end(page.body);
    };
    if (page.delayMs > 0) setTimeout(answer, page.delayMs);
    else answer();
  };
  const server: Server = createServer(handler);
  const other: Server = createServer(handler);
  // workerd keeps idle connections open and reuses them; Node closes them after 5 s by default,
  // so a request sent after a long test could meet a connection closed under it ("Network
  // connection lost"). Keep them longer than any test runs.
  for (const s of [server, other]) s.keepAliveTimeout = 120_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const closeOne = (s: Server) =>
    new Promise<void>((resolve) => {
      s.close(() => resolve());
      s.closeAllConnections();
    });
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    otherOrigin: `http://127.0.0.1:${(other.address() as AddressInfo).port}`,
    set,
    hookMode: (name, mode, slowMs = 0) => void hookModes.set(`/__hooks/${name}`, { mode, slowMs }),
    received: (name) => hooks.get(`/__hooks/${name}`) ?? [],
    close: async () => {
      await Promise.all([closeOne(server), closeOne(other)]);
    },
  };
}

const TRAP_PAGE = `<html><head><title>Trap</title></head><body><article><h1>Trap</h1><p>${'A request that should never have been sent reached this page. '.repeat(10)}</p></article></body></html>`;

const FLOOD_CHUNK = Buffer.alloc(64 * 1024, '<item>flood</item>\n');

/** Writes `bytes` bytes in 64 KB chunks, each only once the client has taken the one before. */
function flood(req: IncomingMessage, res: ServerResponse, url: URL, floods: Map<string, { sent: number; finished: boolean; hungUp: boolean }>) {
  const total = Number(url.searchParams.get('bytes') ?? 200 * 1024 * 1024);
  const stats = { sent: 0, finished: false, hungUp: false };
  floods.set(url.searchParams.get('name') ?? 'flood', stats);
  req.resume(); // a POST's body is read and dropped
  res.on('close', () => {
    if (!stats.finished) stats.hungUp = true;
  });
  res.writeHead(200, { 'content-type': url.searchParams.get('type') ?? 'text/html; charset=utf-8' }); // no Content-Length: chunked
  const pump = () => {
    while (stats.sent < total && !res.destroyed) {
      const chunk = FLOOD_CHUNK.subarray(0, Math.min(FLOOD_CHUNK.length, total - stats.sent));
      stats.sent += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', pump);
    }
    if (!res.destroyed) {
      stats.finished = true;
      res.end();
    }
  };
  pump();
}

/** Headers at once, then one byte every `everyMs` ms: a body that never arrives in time. */
function trickle(res: ServerResponse, bytes: number, everyMs: number, type: string) {
  res.writeHead(200, { 'content-type': type });
  let left = bytes;
  const timer = setInterval(() => {
    if (res.destroyed || left-- <= 0) {
      clearInterval(timer);
      if (!res.destroyed) res.end();
      return;
    }
    res.write('x');
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

/**
 * What a static file server answers a conditional GET: an If-None-Match decides alone (RFC 9110
 * §13.1.2); else an If-Modified-Since at or after the Last-Modified is "not modified". Dates have
 * one-second precision, so a file replaced within the second it was served looks unchanged.
 */
function answersNotModified(req: IncomingMessage, headers: Record<string, string>): boolean {
  const header = (name: string) => Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  const etag = header('etag');
  const ifNoneMatch = req.headers['if-none-match'];
  if (ifNoneMatch !== undefined) return etag !== undefined && ifNoneMatch.split(',').some((tag) => tag.trim() === etag);
  const lastModified = Date.parse(header('last-modified') ?? '');
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return Number.isFinite(lastModified) && Number.isFinite(since) && since >= lastModified;
}
