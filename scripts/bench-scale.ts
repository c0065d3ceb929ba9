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
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bundleWorker,
  type Counters,
  HOSTS,
  metrics as readMetrics,
  Newsroom,
  sleep,
  startWranglerDev,
  stopProcessGroup,
  TICK_MS,
  waitFor,
  workerdCpuMs,
} from './lib/bench-worker';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const ARTICLES = option('articles', 10_000);
const TICKS = option('ticks', 8);
const INLINE = args.includes('--inline');
const CHANGE_SHARE = 0.01;
const TOKEN = 'bench-token';
/** The queue path runs the Paid profile of wrangler.toml (`[env.paid]`), --inline the Free one. */
const ENV_ARG = INLINE ? '--env=' : '--env=paid';

async function main() {
  const newsroom = new Newsroom(ARTICLES);
  await newsroom.start();
  const persist = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'redline-bench-'));
  const port = 8800 + Math.floor(Math.random() * 100);
  const origin = `http://127.0.0.1:${port}`;
  const config = bundleWorker(persist, ENV_ARG);
  let t = Date.now();
  await newsroom.seed(Date.now(), join(persist, 'state'), config);
  console.log(`seeded ${ARTICLES} articles into local KV in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  const vars = [`ADMIN_TOKEN:${TOKEN}`, 'ALLOW_PRIVATE_URLS:true', 'MAX_PER_HOST_PER_TICK:200', ...(INLINE ? ['FANOUT:inline'] : [])];
  const wrangler = startWranglerDev(config, ENV_ARG, port, join(persist, 'state'), vars);
  const stop = () => {
    stopProcessGroup(wrangler);
    newsroom.close();
    rmSync(persist, { recursive: true, force: true });
  };
  process.on('SIGINT', () => (stop(), process.exit(130)));
  try {
    await waitFor(`${origin}/__metrics`);
    const metrics = () => readMetrics(origin);
    const start = Math.ceil(Date.now() / TICK_MS) * TICK_MS;
    console.log(
      `bench:scale: ${ARTICLES} articles on ${HOSTS} hosts (${HOSTS / 2} answer conditional requests), ${INLINE ? 'inline checks' : 'CHECKS queue'}, ${TICKS} ticks, ${CHANGE_SHARE * 100}% of pages change per tick`,
    );

    const rows: (Counters & { cpuMs: number; wallMs: number; changedPages: number })[] = [];
    console.log('tick  due/checked  changed  failed  KV reads  writes  deletes  lists  subrequests  304s  CPU ms  wall s');
    for (let k = 0; k < TICKS; k++) {
      newsroom.edit(ARTICLES * CHANGE_SHARE);
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
      const d = Object.fromEntries(Object.keys(after).map((key) => [key, after[key] - (before[key] ?? 0)])) as Counters;
      const row = { ...d, cpuMs: workerdCpuMs(wrangler.pid!) - cpuBefore, wallMs, changedPages: ARTICLES * CHANGE_SHARE };
      rows.push(row);
      const sub = d.fetches + d.runnerCalls + d.objectCalls;
      console.log(
        `${String(k + 1).padStart(4)}  ${`${d.queuedChecks || d.checks}/${d.checks}`.padStart(11)}  ${String(d.checks - d.unchanged - d.failed).padStart(7)}  ${String(d.failed).padStart(6)}  ${String(d.kvReads).padStart(8)}  ${String(d.kvWrites).padStart(6)}  ${String(d.kvDeletes).padStart(7)}  ${String(d.kvLists).padStart(5)}  ${String(sub).padStart(11)}  ${String(d.notModified).padStart(4)}  ${String(row.cpuMs).padStart(6)}  ${(wallMs / 1000).toFixed(1).padStart(6)}`,
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
      perDay: {
        checks,
        kvReads: perDay((r) => r.kvReads),
        kvWrites: perDay((r) => r.kvWrites),
        kvDeletes: perDay((r) => r.kvDeletes),
        kvLists: perDay((r) => r.kvLists),
        queueMessages: perDay((r) => r.queueSends),
      },
      cpuMsPerCheck: Number(
        (
          mean((r) => r.cpuMs) /
          Math.max(
            1,
            mean((r) => r.checks),
          )
        ).toFixed(2),
      ),
      newsroomRequests: newsroom.stats.requests,
      newsroom304s: newsroom.stats.notModified,
    };
    console.log(`per day for ${ARTICLES} articles (x96 ticks): ${JSON.stringify(summary.perDay)}`);
    // Lists are per tick (one per schedule interval), not per article: they do not scale down.
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
