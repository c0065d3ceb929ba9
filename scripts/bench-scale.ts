/**
 * The scale benchmark: 10,000 tracked articles, served by a local newsroom on 12 hosts (half of
 * them answer conditional requests), checked through the real tick, queue and schedule code in
 * `wrangler dev` (miniflare, local KV, local queues). Articles are seeded with ages spread
 * evenly over the 30-day schedule, as a newsroom watcher's would be in steady state; then each
 * tick 1% of all pages change and the cron runs at a virtual time 15 minutes after the last.
 *
 * Per tick it prints: due, checked, changed, KV reads / writes / deletes / lists, subrequests
 * (fetches + service-binding calls + Durable Object calls), CPU ms of workerd, wall time.
 * Then the per-day projection. Counting is done inside the Worker (BENCH_METRICS=true).
 *
 *   npm run bench:scale -- [--articles 10000] [--ticks 8] [--inline]
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countWords } from '../src/check/anomaly';
import { articleIdFor, versionHash } from '../src/check/hash';
import { getPlatformProxy } from 'wrangler';
import { parseSchedule } from '../src/env';
import { extractArticle } from '../src/extract';
import { slotOf, tierFor } from '../src/schedule/tiers';
import { keys } from '../src/store/keys';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ARTICLES = option('articles', 10_000);
const TICKS = option('ticks', 8);
const INLINE = args.includes('--inline');
const HOSTS = 12;
const CHANGE_SHARE = 0.01;
const TOKEN = 'bench-token';
const TICK_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

// ---- the newsroom: 12 hosts (127.0.0.2 ... 127.0.0.13), one port, pages by index and revision ----
const revision = new Int32Array(ARTICLES);
const hostOf = (i: number) => `127.0.0.${2 + (i % HOSTS)}`;
const conditional = (i: number) => i % HOSTS < HOSTS / 2;
const paragraphs = [
  'The city council voted on Tuesday to expand the bus network across the northern districts, officials said.',
  'The plan adds twelve routes and extends evening service, which residents had asked for at several public meetings.',
  'Opponents argued that the cost would strain a budget already stretched by repairs to aging bridges and tunnels.',
  'A final vote on funding is expected next month, after the transit authority publishes its revised estimates.',
];
function page(i: number, rev: number): string {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n') + (rev > 0 ? `\n<p>Update ${rev}: officials revised the figures for district ${i}.</p>` : '');
  return `<!doctype html><html lang="en"><head><title>Story ${i} - Bench Times</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav><div class="ad">Ad ${Math.random()}</div>
<article><h1>Council story number ${i}</h1><div class="byline">By A. Reporter</div>${body}</article>
<footer>© Bench Times</footer></body></html>`;
}
const pathOf = (i: number) => `/news/2026/story-${i}.html`;
const urlOf = (i: number, port: number) => `http://${hostOf(i)}:${port}${pathOf(i)}`;
const etagOf = (i: number) => `"${i}-${revision[i]}"`;

function startNewsroom(): Promise<{ port: number; servers: Server[]; stats: { requests: number; notModified: number } }> {
  const stats = { requests: 0, notModified: 0 };
  const handler = (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    stats.requests++;
    const match = /^\/news\/2026\/story-(\d+)\.html$/.exec(req.url ?? '');
    const i = match ? Number(match[1]) : -1;
    if (i < 0 || i >= ARTICLES) return void res.writeHead(404).end('not found');
    if (conditional(i) && req.headers['if-none-match'] === etagOf(i)) {
      stats.notModified++;
      return void res.writeHead(304, { etag: etagOf(i) }).end();
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(conditional(i) ? { etag: etagOf(i) } : {}) }).end(page(i, revision[i]));
  };
  return new Promise((resolve, reject) => {
    const first = createServer(handler);
    first.on('error', reject);
    first.listen(0, hostOf(0), () => {
      const port = (first.address() as import('node:net').AddressInfo).port;
      const servers = [first];
      let pending = HOSTS - 1;
      for (let h = 1; h < HOSTS; h++) {
        const server = createServer(handler);
        server.listen(port, hostOf(h), () => --pending === 0 && resolve({ port, servers, stats }));
        servers.push(server);
      }
    });
  });
}

// ---- the seed: 10,000 articles with one version each, ages spread evenly over 30 days ----
// Written straight into the local KV that wrangler dev then opens (an import of 10,000 articles
// in one request exceeds workerd's subrequest limit). Each article's Durable Object adopts its KV
// record on first use, as it does for any article it has not seen.
async function seed(port: number, now: number, persist: string, config: string): Promise<void> {
  // Only the KV binding: the platform proxy runs no Worker code, so the Durable Objects cannot resolve.
  const kvOnly = join(persist, '..', 'seed.toml');
  const kvBlock = /\[\[kv_namespaces\]\][^[]*/.exec(readFileSync(config, 'utf8'))![0];
  writeFileSync(kvOnly, `name = "redline"\ncompatibility_date = "2026-04-01"\n${kvBlock}`);
  const proxy = await getPlatformProxy<{ REDLINE: KVNamespace }>({ configPath: kvOnly, persist: { path: join(persist, 'v3') }, remoteBindings: false });
  const kv = proxy.env.REDLINE;
  const schedule = parseSchedule(undefined);
  const puts: Promise<void>[] = [];
  const flush = async () => void (await Promise.all(puts.splice(0)));
  for (let i = 0; i < ARTICLES; i++) {
    const url = urlOf(i, port);
    const id = await articleIdFor(url);
    const age = (((i * 7919) % ARTICLES) / ARTICLES) * 30 * DAY_MS; // spread evenly, shuffled across hosts
    const at = new Date(now - age).toISOString();
    const extracted = extractArticle(page(i, 0), url);
    const hash = await versionHash(extracted.title, extracted.text, extracted.byline);
    const summary = { n: 1, fetchedAt: at, title: extracted.title, hash, words: countWords(extracted.text), revertOf: null, ...(conditional(i) ? { etag: etagOf(i) } : {}) };
    const record = { id, url, finalUrl: url, createdAt: at, active: true, deletedAt: null, title: extracted.title, site: hostOf(i), versions: [summary], lastCheck: null, removedAt: null };
    const listing = { url, site: hostOf(i), title: extracted.title, active: true, versions: 1, retryAt: null };
    const version = { n: 1, fetchedAt: at, title: extracted.title, byline: null, text: extracted.text, hash, url, publishedAt: null, canonicalUrl: null, lang: 'en' };
    puts.push(kv.put(keys.version(id, 1), JSON.stringify(version)));
    puts.push(kv.put(keys.article(id), JSON.stringify(record), { metadata: listing }));
    const tier = tierFor(schedule, Date.parse(at), now);
    if (tier) puts.push(kv.put(keys.due(tier.everyMinutes, slotOf(id, tier.everyMinutes), id), '', { metadata: { h: hostOf(i) } }));
    if (puts.length >= 300) await flush();
  }
  await flush();
  await proxy.dispose();
}

// ---- wrangler dev ----
/** The queue path runs the Paid profile of wrangler.toml (`[env.paid]`), --inline the Free one. */
const ENV_ARG = INLINE ? '--env=' : '--env=paid';

/**
 * Others may edit the tree while the benchmark runs, and wrangler dev reloads on every change:
 * bundle once, and run wrangler dev on a copy of wrangler.toml that points at the bundle.
 */
function bundle(dir: string): string {
  const env = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' };
  execFileSync('npx', ['wrangler', 'deploy', '--dry-run', ENV_ARG, '--outdir', join(dir, 'dist')], { env, stdio: 'ignore' });
  // The copy runs the bundle as it is: module aliases (relative to the real config) no longer apply.
  const config = readFileSync('wrangler.toml', 'utf8').replace(/^main = .*$/m, 'main = "dist/index.js"\nno_bundle = true').replace(/^\[alias\]\n(?:".*\n)*/m, '');
  writeFileSync(join(dir, 'wrangler.toml'), config);
  return join(dir, 'wrangler.toml');
}

function startWrangler(port: number, persist: string, config: string): ChildProcess {
  const vars = ['ADMIN_TOKEN:' + TOKEN, 'ALLOW_PRIVATE_URLS:true', 'BENCH_METRICS:true', `MAX_PER_HOST_PER_TICK:200`, ...(INLINE ? ['FANOUT:inline'] : [])];
  const child = spawn('npx', ['wrangler', 'dev', '--config', config, ENV_ARG, '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persist, '--test-scheduled', '--log-level', 'warn', ...vars.flatMap((v) => ['--var', v])], {
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stderr?.on('data', (d) => process.env.BENCH_VERBOSE && process.stderr.write(d));
  child.stdout?.on('data', (d) => process.env.BENCH_VERBOSE && process.stdout.write(d));
  return child;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(url: string, timeoutMs = 90_000) {
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
function workerdCpuMs(root: number): number {
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
  const pids = [...names].filter(([pid, name]) => name.startsWith('workerd') && under(pid)).map(([pid]) => pid);
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime in 10 ms ticks
    } catch {
      // gone
    }
  }
  return total;
}

type Counters = Record<'kvReads' | 'kvWrites' | 'kvDeletes' | 'kvLists' | 'fetches' | 'queueSends' | 'checks' | 'unchanged' | 'failed' | 'notModified' | 'objectCalls' | 'runnerCalls' | 'consumed' | 'ticks', number>;

async function main() {
  const newsroom = await startNewsroom();
  const persist = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'redline-bench-'));
  const port = 8800 + Math.floor(Math.random() * 100);
  const origin = `http://127.0.0.1:${port}`;
  const config = bundle(persist);
  let t = Date.now();
  await seed(newsroom.port, Date.now(), join(persist, 'state'), config);
  console.log(`seeded ${ARTICLES} articles into local KV in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const wrangler = startWrangler(port, join(persist, 'state'), config);
  const stop = () => {
    try {
      if (wrangler.pid) process.kill(-wrangler.pid, 'SIGTERM');
    } catch {
      // already gone
    }
    for (const s of newsroom.servers) s.close();
    rmSync(persist, { recursive: true, force: true });
  };
  process.on('SIGINT', () => (stop(), process.exit(130)));
  try {
    await waitFor(`${origin}/__metrics`);
    const metrics = async (): Promise<Counters> => (await fetch(`${origin}/__metrics`)).json() as Promise<Counters>;
    const start = Math.ceil(Date.now() / TICK_MS) * TICK_MS;
    console.log(`bench:scale: ${ARTICLES} articles on ${HOSTS} hosts (${HOSTS / 2} answer conditional requests), ${INLINE ? 'inline checks' : 'CHECKS queue'}, ${TICKS} ticks, ${CHANGE_SHARE * 100}% of pages change per tick`);

    const rows: (Counters & { cpuMs: number; wallMs: number; changedPages: number })[] = [];
    console.log('tick  due/checked  changed  failed  KV reads  writes  deletes  lists  subrequests  304s  CPU ms  wall s');
    for (let k = 0; k < TICKS; k++) {
      for (let c = 0; c < ARTICLES * CHANGE_SHARE; c++) revision[Math.floor(Math.random() * ARTICLES)]++;
      const before = await metrics();
      const cpuBefore = workerdCpuMs(wrangler.pid!);
      t = Date.now();
      const at = start + k * TICK_MS;
      const fired = await fetch(`${origin}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('*/15 * * * *')}&time=${at}`);
      if (!fired.ok) throw new Error(`scheduled failed: ${fired.status} ${await fired.text()}`);
      // Wait until the queue has consumed what the tick sent (inline: the tick itself did the work).
      let after = await metrics();
      let idle = 0;
      while (!INLINE && after.consumed - before.consumed < after.queueSends - before.queueSends && idle < 600) {
        await sleep(250);
        const next = await metrics();
        idle = next.consumed === after.consumed ? idle + 1 : 0;
        after = next;
      }
      const wallMs = Date.now() - t;
      const d = Object.fromEntries(Object.keys(after).map((key) => [key, after[key as keyof Counters] - before[key as keyof Counters]])) as Counters;
      const row = { ...d, cpuMs: workerdCpuMs(wrangler.pid!) - cpuBefore, wallMs, changedPages: ARTICLES * CHANGE_SHARE };
      rows.push(row);
      const sub = d.fetches + d.runnerCalls + d.objectCalls;
      console.log(
        `${String(k + 1).padStart(4)}  ${`${d.queueSends || d.checks}/${d.checks}`.padStart(11)}  ${String(d.checks - d.unchanged - d.failed).padStart(7)}  ${String(d.failed).padStart(6)}  ${String(d.kvReads).padStart(8)}  ${String(d.kvWrites).padStart(6)}  ${String(d.kvDeletes).padStart(7)}  ${String(d.kvLists).padStart(5)}  ${String(sub).padStart(11)}  ${String(d.notModified).padStart(4)}  ${String(row.cpuMs).padStart(6)}  ${(wallMs / 1000).toFixed(1).padStart(6)}`,
      );
    }
    const mean = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
    const perDay = (f: (r: (typeof rows)[number]) => number) => Math.round(mean(f) * 96);
    const checks = perDay((r) => r.checks);
    const summary = {
      articles: ARTICLES,
      ticks: TICKS,
      perTick: {
        checked: Math.round(mean((r) => r.checks)),
        kvReads: Math.round(mean((r) => r.kvReads)),
        kvWrites: Math.round(mean((r) => r.kvWrites)),
        kvDeletes: Math.round(mean((r) => r.kvDeletes)),
        kvLists: Math.round(mean((r) => r.kvLists)),
        subrequests: Math.round(mean((r) => r.fetches + r.runnerCalls + r.objectCalls)),
        cpuMs: Math.round(mean((r) => r.cpuMs)),
        wallMs: Math.round(mean((r) => r.wallMs)),
      },
      perDay: { checks, kvReads: perDay((r) => r.kvReads), kvWrites: perDay((r) => r.kvWrites), kvDeletes: perDay((r) => r.kvDeletes), kvLists: perDay((r) => r.kvLists), queueMessages: perDay((r) => r.queueSends) },
      cpuMsPerCheck: Number((mean((r) => r.cpuMs) / Math.max(1, mean((r) => r.checks))).toFixed(2)),
      newsroomRequests: newsroom.stats.requests,
      newsroom304s: newsroom.stats.notModified,
    };
    console.log(`per day for ${ARTICLES} articles (x96 ticks): ${JSON.stringify(summary.perDay)}`);
    // Lists are per tick (one per tier, pending, sources), not per article: they do not scale down.
    const per1000 = Object.fromEntries(Object.entries(summary.perDay).map(([k, v]) => [k, k === 'kvLists' ? v : Math.round((v * 1000) / ARTICLES)]));
    console.log(`per day for 1,000 articles: ${JSON.stringify(per1000)}`);
    console.log(JSON.stringify(summary));
  } finally {
    stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
