/**
 * What the benchmarks that drive the real Worker share (bench:scale, bench:quota): a newsroom of
 * 12 hosts on loopback serving numbered stories (half answer conditional requests), a seed that
 * writes articles straight into the local KV with ages spread over the 30-day schedule, and
 * `wrangler dev` run on a bundle of the Worker with BENCH_METRICS counters. Node only.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { getPlatformProxy } from 'wrangler';
import { countWords } from '../../src/check/anomaly';
import { articleIdFor, versionHash } from '../../src/check/hash';
import { parseSchedule } from '../../src/settings';
import { extractArticle } from '../../src/extract';
import { slotOf, tierFor } from '../../src/schedule/tiers';
import { keys } from '../../src/store/keys';

export const HOSTS = 12;
export const TICK_MS = 15 * 60_000;
const DAY_MS = 86_400_000;
const QUIET = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };

const paragraphs = [
  'The city council voted on Tuesday to expand the bus network across the northern districts, officials said.',
  'The plan adds twelve routes and extends evening service, which residents had asked for at several public meetings.',
  'Opponents argued that the cost would strain a budget already stretched by repairs to aging bridges and tunnels.',
  'A final vote on funding is expected next month, after the transit authority publishes its revised estimates.',
];

/** The newsroom: story i lives on host 127.0.0.(2 + i mod 12); revision[i] counts its edits. */
export class Newsroom {
  readonly revision: Int32Array;
  readonly stats = { requests: 0, notModified: 0 };
  port = 0;
  private servers: Server[] = [];

  constructor(readonly articles: number) {
    this.revision = new Int32Array(articles);
  }

  hostOf = (i: number) => `127.0.0.${2 + (i % HOSTS)}`;
  conditional = (i: number) => i % HOSTS < HOSTS / 2;
  pathOf = (i: number) => `/news/2026/story-${i}.html`;
  urlOf = (i: number) => `http://${this.hostOf(i)}:${this.port}${this.pathOf(i)}`;
  etagOf = (i: number) => `"${i}-${this.revision[i]}"`;

  page(i: number, rev: number): string {
    const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n') + (rev > 0 ? `\n<p>Update ${rev}: officials revised the figures for district ${i}.</p>` : '');
    return `<!doctype html><html lang="en"><head><title>Story ${i} - Bench Times</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="ad">Ad ${Math.random()}</div>
<article><h1>Council story number ${i}</h1><div class="byline">By A. Reporter</div>${body}</article>
<footer>© Bench Times</footer></body></html>`;
  }

  /** Edits `count` random stories (each edit adds a paragraph). */
  edit(count: number): void {
    for (let c = 0; c < count; c++) this.revision[Math.floor(Math.random() * this.articles)]++;
  }

  private handle = (req: IncomingMessage, res: ServerResponse) => {
    this.stats.requests++;
    const match = /^\/news\/2026\/story-(\d+)\.html$/.exec(req.url ?? '');
    const i = match ? Number(match[1]) : -1;
    if (i < 0 || i >= this.articles) return void res.writeHead(404).end('not found');
    if (this.conditional(i) && req.headers['if-none-match'] === this.etagOf(i)) {
      this.stats.notModified++;
      return void res.writeHead(304, { etag: this.etagOf(i) }).end();
    }
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(this.conditional(i) ? { etag: this.etagOf(i) } : {}) })
      .end(this.page(i, this.revision[i]));
  };

  /** Listens on one port on all 12 loopback hosts. */
  start(): Promise<void> {
    return new Promise((resolve, reject) => {
      const first = createServer(this.handle);
      first.on('error', reject);
      first.listen(0, this.hostOf(0), () => {
        this.port = (first.address() as AddressInfo).port;
        this.servers = [first];
        let pending = HOSTS - 1;
        for (let h = 1; h < HOSTS; h++) {
          const server = createServer(this.handle);
          server.listen(this.port, this.hostOf(h), () => --pending === 0 && resolve());
          this.servers.push(server);
        }
      });
    });
  }

  close(): void {
    for (const s of this.servers) s.close();
  }

  /**
   * Writes every story with one version, its age spread evenly over 30 days (shuffled across
   * hosts), straight into the local KV that wrangler dev then opens: a steady-state newsroom
   * watcher. Each article's Durable Object adopts its KV record on first use.
   */
  async seed(now: number, persist: string, config: string): Promise<void> {
    const proxy = await openLocalKv(persist, config);
    const kv = proxy.env.REDLINE;
    const schedule = parseSchedule(undefined);
    const puts: Promise<void>[] = [];
    const flush = async () => void (await Promise.all(puts.splice(0)));
    for (let i = 0; i < this.articles; i++) {
      const url = this.urlOf(i);
      const id = await articleIdFor(url);
      const age = (((i * 7919) % this.articles) / this.articles) * 30 * DAY_MS;
      const at = new Date(now - age).toISOString();
      const extracted = extractArticle(this.page(i, 0), url);
      // Hashed as a check hashes it (headline, text and byline), so the first check finds the same version.
      const hash = await versionHash(extracted.title, extracted.text, extracted.byline);
      const summary = {
        n: 1,
        fetchedAt: at,
        title: extracted.title,
        byline: extracted.byline,
        hash,
        words: countWords(extracted.text),
        revertOf: null,
        ...(this.conditional(i) ? { etag: this.etagOf(i) } : {}),
      };
      const record = {
        id,
        url,
        finalUrl: url,
        createdAt: at,
        active: true,
        deletedAt: null,
        title: extracted.title,
        site: this.hostOf(i),
        versions: [summary],
        lastCheck: null,
        removedAt: null,
      };
      const listing = { url, site: this.hostOf(i), title: extracted.title, active: true, versions: 1, retryAt: null };
      const version = {
        n: 1,
        fetchedAt: at,
        title: extracted.title,
        byline: extracted.byline,
        text: extracted.text,
        hash,
        url,
        publishedAt: null,
        canonicalUrl: null,
        lang: 'en',
      };
      puts.push(kv.put(keys.version(id, 1), JSON.stringify(version)));
      puts.push(kv.put(keys.article(id), JSON.stringify(record), { metadata: listing }));
      const tier = tierFor(schedule, Date.parse(at), now);
      if (tier) puts.push(kv.put(keys.due(tier.everyMinutes, slotOf(id, tier.everyMinutes), id), '', { metadata: { h: this.hostOf(i) } }));
      if (puts.length >= 300) await flush();
    }
    await flush();
    await proxy.dispose();
  }
}

/**
 * The local KV namespace that `wrangler dev --persist-to persist` will open, for writing a seed
 * before it starts. Only the KV binding: the platform proxy runs no Worker code, so the Durable
 * Objects could not resolve.
 */
export async function openLocalKv(persist: string, config: string) {
  const kvOnly = join(persist, '..', 'seed.toml');
  const kvBlock = /\[\[kv_namespaces\]\][^[]*/.exec(readFileSync(config, 'utf8'))?.[0] ?? '';
  writeFileSync(kvOnly, `name = "redline"\ncompatibility_date = "2026-04-01"\n${kvBlock}`);
  return getPlatformProxy<{ REDLINE: KVNamespace }>({ configPath: kvOnly, persist: { path: join(persist, 'v3') }, remoteBindings: false });
}

/**
 * Bundles the Worker once (others may edit the tree while a benchmark runs, and wrangler dev
 * reloads on every change) and writes a copy of wrangler.toml into `dir` that runs the bundle.
 */
export function bundleWorker(dir: string, envArg: string): string {
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', envArg, '--outdir', join(dir, 'dist')], { env: QUIET, stdio: 'ignore' });
  // The copy runs the bundle as it is: module aliases (relative to the real config) no longer apply.
  const config = readFileSync('wrangler.toml', 'utf8')
    .replace(/^main = .*$/m, 'main = "dist/index.js"\nno_bundle = true')
    .replace(/^\[alias\]\n(?:".*\n)*/m, '')
    // The bundle's other modules (the card engine, wasm, fonts) sit beside it in dist/, built already.
    .replace(/^base_dir = .*$/m, 'base_dir = "dist"')
    .replace(/^\[build\]\ncommand = .*\n/m, '');
  writeFileSync(join(dir, 'wrangler.toml'), config);
  return join(dir, 'wrangler.toml');
}

/** wrangler dev on the bundled copy, metrics on, in its own process group. */
export function startWranglerDev(config: string, envArg: string, port: number, persist: string, vars: string[]): ChildProcess {
  const child = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--config',
      config,
      envArg,
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--persist-to',
      persist,
      '--test-scheduled',
      '--log-level',
      'warn',
      ...['BENCH_METRICS:true', ...vars].flatMap((v) => ['--var', v]),
    ],
    { env: QUIET, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stderr?.on('data', (d) => process.env.BENCH_VERBOSE && process.stderr.write(d));
  child.stdout?.on('data', (d) => process.env.BENCH_VERBOSE && process.stdout.write(d));
  return child;
}

export function stopProcessGroup(child: ChildProcess): void {
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(url: string, timeoutMs = 90_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // not up yet
    }
    await sleep(300);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/** User + system CPU, in ms, of the workerd processes under our wrangler (Linux /proc), not anyone else's. */
export function workerdCpuMs(root: number): number {
  const parents = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const under = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parents.get(p) ?? 0, hops++) if (p === root) return true;
    return false;
  };
  let total = 0;
  for (const [pid, name] of names) {
    if (!name.startsWith('workerd') || !under(pid)) continue;
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime in 10 ms ticks
    } catch {
      // gone
    }
  }
  return total;
}

/** The BENCH_METRICS counters (src/metrics.ts), read at /__metrics. */
export type Counters = Record<string, number>;

export async function metrics(origin: string): Promise<Counters> {
  return (await fetch(`${origin}/__metrics`)).json() as Promise<Counters>;
}

/** The counters that grew between two answers of /__metrics (its `peaks`, maxima rather than sums, are left out). */
export function difference(after: Counters, before: Counters): Counters {
  return Object.fromEntries(
    Object.keys(after)
      .filter((key) => typeof after[key] === 'number')
      .map((key) => [key, after[key] - (before[key] ?? 0)]),
  );
}

/** The most subrequests one invocation of each kind (tick, dispatcher) made since the last reset; `reset` starts them over. */
export async function peaks(origin: string, reset = false): Promise<Record<string, number>> {
  return ((await (await fetch(`${origin}/__metrics${reset ? '?reset-peaks' : ''}`)).json()) as { peaks?: Record<string, number> }).peaks ?? {};
}
