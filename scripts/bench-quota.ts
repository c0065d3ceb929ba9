/**
 * `npm run bench:quota`: a modelled day of Redline on the Free profile (wrangler.toml's top level:
 * no queue, the cron checks inline), counted inside the Worker (BENCH_METRICS counters) per
 * request type and projected per resource beside the Free and Paid allowances (docs/platform.md
 * cites them).
 *
 * The day: 1,000 articles on the default schedule (ages spread over its 30 days, the steady state
 * of a newsroom watcher; 5% of them edited a day), 10,000 feed polls (half of them
 * conditional), 2,000 page views and 200 API calls. Ticks are run for real at 15-minute virtual
 * steps; feeds, pages and API calls are sampled (each kind of URL in turn) and scaled to the day.
 *
 * The Paid figure for 100,000 articles scales those per-article costs, with the queue's operations
 * and consumer invocations per check measured on the Paid profile (`--env=paid`: the CHECKS
 * queue and its consumer under wrangler dev) for a few ticks of the same newsroom.
 *
 * CPU is the user + system time of workerd, which also runs the local KV and Durable Object
 * simulators: an upper bound on the Worker's own. It also measures the tick alone at 1,000 due
 * articles (a second wrangler dev whose 1,000 due keys name no article, so each check it hands
 * out ends at once), and the tick's own code apart from the platform (scripts/lib/tick-own-cpu.ts:
 * the real runTick in Node against timed stand-ins), the figure the 5 ms goal is held to.
 *
 * How many articles a Free account carries: the first Free allowance the day's per-article costs
 * spend, or the checks the tick hands out (measured at 1,000 due with the Worker's own default
 * budget: groups of checks, each in one CheckDispatcher invocation) over the checks an article
 * gets a day, whichever is less. Subrequests are counted per invocation (the tick, a dispatcher)
 * against Free's 50.
 *
 * Prints, last: `largest free-plan share N% (resource)`.
 *
 *   npm run bench:quota -- [--articles 1000] [--ticks 8] [--paid-ticks 4]
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { slotOf, tickNumber } from '../src/schedule/tiers';
import { keys } from '../src/store/keys';
import {
  bundleWorker,
  type Counters,
  difference,
  peaks,
  metrics,
  Newsroom,
  openLocalKv,
  sleep,
  startWranglerDev,
  stopProcessGroup,
  TICK_MS,
  waitFor,
  workerdCpuMs,
} from './lib/bench-worker';
import { tickOwnCpu } from './lib/tick-own-cpu';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const ARTICLES = option('articles', 1_000);
const TICKS = option('ticks', 8);
/**
 * Changes a day per tracked article: 0.05 is 50 a day for 1,000 articles, about the 33 new
 * articles a day of a 30-day steady state (their first versions) and as many edits again.
 */
const CHANGES_PER_ARTICLE_DAY = 0.05;
const DAY = { feedPolls: 10_000, pageViews: 2_000, apiCalls: 200, ticks: 96 };
const SAMPLES = { feedPolls: 120, pageViews: 60, apiCalls: 40 };
const TOKEN = 'bench-token';
const ENV_ARG = '--env=';
const PAID_ENV_ARG = '--env=paid';
const PAID_TICKS = option('paid-ticks', 4);

/**
 * The allowances a day is held to (docs/platform.md: Workers, KV, Durable Objects and Queues
 * pricing and limits pages). Paid figures are monthly inclusions divided by 30, with the price
 * beyond them per million.
 */
const ALLOWANCES = {
  'worker requests': { free: 100_000, paidMonth: 10_000_000, perMillion: 0.3 },
  'kv reads': { free: 100_000, paidMonth: 10_000_000, perMillion: 0.5 },
  'kv writes': { free: 1_000, paidMonth: 1_000_000, perMillion: 5 },
  'kv deletes': { free: 1_000, paidMonth: 1_000_000, perMillion: 5 },
  'kv lists': { free: 1_000, paidMonth: 1_000_000, perMillion: 5 },
  'do requests': { free: 100_000, paidMonth: 1_000_000, perMillion: 0.15 },
  'queue operations': { free: 10_000, paidMonth: 1_000_000, perMillion: 0.4 },
  'cpu ms': { free: Number.POSITIVE_INFINITY, paidMonth: 30_000_000, perMillion: 0.02 },
} as const;
type Resource = keyof typeof ALLOWANCES;

/**
 * Queue operations (queues/platform/pricing/): one per 64 KB unit written, read and deleted, so 3
 * per unit sent (the tick's messages, the checks the consumer sends again, dead letters, counted
 * as if someone drains the DLQ), and one read more per retried delivery.
 */
const queueOperations = (d: Counters) => 3 * (d.queueUnits ?? 0) + (d.queueRetries ?? 0);

/** What one request of each kind costs, from the counters. */
function perResource(d: Counters, cpuMs: number, requests: number): Record<Resource, number> {
  return {
    'worker requests': requests,
    'kv reads': d.kvReads ?? 0,
    'kv writes': d.kvWrites ?? 0,
    'kv deletes': d.kvDeletes ?? 0,
    'kv lists': d.kvLists ?? 0,
    'do requests':
      (d.runnerCalls ?? 0) +
      (d.dispatcherCalls ?? 0) +
      (d.readerCalls ?? 0) +
      (d.objectCalls ?? 0) +
      (d.indexCalls ?? 0) +
      (d.agendaCalls ?? 0) +
      (d.guardCalls ?? 0),
    'queue operations': queueOperations(d),
    'cpu ms': cpuMs,
  };
}

const scale = (r: Record<Resource, number>, by: number) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v * by])) as Record<Resource, number>;
const add = (a: Record<Resource, number>, b: Record<Resource, number>) =>
  Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v + b[k as Resource]])) as Record<Resource, number>;

async function startWorker(persist: string, vars: string[]) {
  const port = 8700 + Math.floor(Math.random() * 100);
  const config = bundleWorker(persist, ENV_ARG);
  return { port, config, origin: `http://127.0.0.1:${port}`, start: () => startWranglerDev(config, ENV_ARG, port, join(persist, 'state'), vars) };
}

/** Runs `requests` against the Worker, one at a time, and answers the counters and workerd CPU they cost. */
async function measure(origin: string, pid: number, run: () => Promise<void>): Promise<{ d: Counters; cpuMs: number }> {
  const before = await metrics(origin);
  const cpu = workerdCpuMs(pid);
  await run();
  return { d: difference(await metrics(origin), before), cpuMs: workerdCpuMs(pid) - cpu };
}

/** Waits until the background work (alarms) has stopped moving the counters; answers what it cost. */
async function settle(origin: string): Promise<Counters> {
  const first = await metrics(origin);
  let last = first;
  for (let still = 0, i = 0; still < 4 && i < 600; i++) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = await metrics(origin);
    still = now.kvLists === last.kvLists && now.kvReads === last.kvReads ? still + 1 : 0;
    last = now;
  }
  return difference(last, first);
}

async function modelledDay() {
  const newsroom = new Newsroom(ARTICLES);
  await newsroom.start();
  const persist = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'redline-quota-'));
  const worker = await startWorker(persist, [`ADMIN_TOKEN:${TOKEN}`, 'ALLOW_PRIVATE_URLS:true', 'MAX_PER_HOST_PER_TICK:200']);
  const now = Date.now();
  await newsroom.seed(now, join(persist, 'state'), worker.config);
  const wrangler = worker.start();
  try {
    await waitFor(`${worker.origin}/__metrics`);
    const pid = wrangler.pid ?? 0;
    const start = Math.ceil(now / TICK_MS) * TICK_MS;
    console.log(
      `bench:quota: ${ARTICLES} articles on the Free profile (inline checks), ${TICKS} ticks after one to warm up, ${CHANGES_PER_ARTICLE_DAY * ARTICLES} edits a day`,
    );
    const tickAt = async (at: number) => {
      const fired = await fetch(`${worker.origin}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('*/15 * * * *')}&time=${at}`);
      if (!fired.ok) throw new Error(`scheduled failed: ${fired.status} ${await fired.text()}`);
    };
    // The first tick meets every object for the first time (an article writer adopts its KV
    // record, the read index builds itself): once in a deployment's life, not once a day.
    await tickAt(start - TICK_MS);
    // The read index backfills articles written straight into KV (as the seed does, or an
    // import) in the background, by alarm: wait until it is done, since it happens once, not daily.
    await (await fetch(`${worker.origin}/feed.xml`)).arrayBuffer();
    const backfill = await settle(worker.origin);
    console.log(`read index backfilled from KV (once per seeded or imported archive): ${backfill.kvLists ?? 0} lists, ${backfill.kvReads ?? 0} reads`);
    let owed = 0;
    // Subrequests per invocation (Free allows 50 each): the tick's own, and the most one of its dispatchers made.
    console.log('tick  checked  KV reads  writes  deletes  lists  DO calls  dispatchers  subrequests: tick  dispatcher  CPU ms');
    let ticks = perResource({}, 0, 0);
    let checks = 0;
    const subrequestsMax = { tick: 0, dispatcher: 0 };
    for (let k = 0; k < TICKS; k++) {
      owed += (ARTICLES * CHANGES_PER_ARTICLE_DAY) / 96;
      newsroom.edit(Math.floor(owed));
      owed -= Math.floor(owed);
      await peaks(worker.origin, true);
      const { d, cpuMs } = await measure(worker.origin, pid, () => tickAt(start + k * TICK_MS));
      const r = perResource(d, cpuMs, 1);
      ticks = add(ticks, r);
      checks += d.checks;
      // Counted per invocation inside the Worker (src/metrics.ts): each KV call, fetch and Durable Object call.
      const most = await peaks(worker.origin);
      subrequestsMax.tick = Math.max(subrequestsMax.tick, most.tick ?? 0);
      subrequestsMax.dispatcher = Math.max(subrequestsMax.dispatcher, most.dispatcher ?? 0);
      console.log(
        `${String(k + 1).padStart(4)}  ${String(d.checks).padStart(7)}  ${String(d.kvReads).padStart(8)}  ${String(d.kvWrites).padStart(6)}  ${String(d.kvDeletes).padStart(7)}  ${String(d.kvLists).padStart(5)}  ${String(r['do requests']).padStart(8)}  ${String(d.dispatches ?? 0).padStart(11)}  ${String(most.tick ?? 0).padStart(17)}  ${String(most.dispatcher ?? 0).padStart(10)}  ${String(cpuMs).padStart(6)}`,
      );
    }
    const perTick = scale(ticks, 1 / TICKS);
    const checksPerTick = checks / TICKS;

    // What readers touch: the URLs a feed reader, a browser and an API client ask for.
    const articles = (await (await fetch(`${worker.origin}/api/v1/articles?limit=20`)).json()) as { articles: { id: string }[] };
    const changes = (await (await fetch(`${worker.origin}/api/v1/changes?limit=20`)).json()) as { changes: { id: string; from: number; to: number }[] };
    const ids = articles.articles.map((a) => a.id);
    const changed = changes.changes[0];
    const site = newsroom.hostOf(0);
    const feeds = [
      '/feed.xml',
      '/feed.atom',
      '/feed.json',
      '/feed.xml?kind=correction',
      `/sites/${site}/feed.xml`,
      ...ids.slice(0, 3).map((id) => `/articles/${id}/feed.xml`),
    ];
    const pages = [
      '/',
      `/articles/${changed?.id ?? ids[0]}`,
      changed ? `/articles/${changed.id}/diff/${changed.from}/${changed.to}` : `/articles/${ids[1]}`,
      `/sites/${site}`,
      `/articles/${ids[2]}`,
    ];
    const apis = [
      '/api/v1/changes',
      '/api/v1/articles',
      `/api/v1/articles/${ids[0]}`,
      changed ? `/api/v1/articles/${changed.id}/diff` : `/api/v1/articles/${ids[1]}`,
      `/api/v1/sites/${site}`,
    ];
    const etags = new Map<string, string>();
    const kinds = {
      feedPolls: async (i: number) => {
        const path = feeds[i % feeds.length];
        // Half the polls are conditional, as feed readers send what they were given.
        const headers: Record<string, string> = Math.floor(i / feeds.length) % 2 === 1 && etags.has(path) ? { 'if-none-match': etags.get(path) ?? '' } : {};
        const response = await fetch(`${worker.origin}${path}`, { headers });
        await response.arrayBuffer();
        const etag = response.headers.get('etag');
        if (etag) etags.set(path, etag);
      },
      pageViews: async (i: number) => void (await (await fetch(`${worker.origin}${pages[i % pages.length]}`)).arrayBuffer()),
      apiCalls: async (i: number) => void (await (await fetch(`${worker.origin}${apis[i % apis.length]}`)).arrayBuffer()),
    };
    const perRequest = {} as Record<keyof typeof kinds, Record<Resource, number>>;
    for (const kind of Object.keys(kinds) as (keyof typeof kinds)[]) {
      const n = SAMPLES[kind];
      const { d, cpuMs } = await measure(worker.origin, pid, async () => {
        for (let i = 0; i < n; i++) await kinds[kind](i);
      });
      perRequest[kind] = scale(perResource(d, cpuMs, n), 1 / n);
    }
    return { perTick, perRequest, checksPerTick, subrequestsMax };
  } finally {
    stopProcessGroup(wrangler);
    newsroom.close();
    rmSync(persist, { recursive: true, force: true });
  }
}

/**
 * The Paid profile's queue, measured: the same newsroom under `wrangler dev --env=paid` (the CHECKS
 * queue and its consumer, run locally), a few ticks, each waited out until the consumer has taken
 * every message. Answers the queue operations and consumer invocations per check sent.
 */
async function paidQueue(ticks: number): Promise<{ opsPerCheck: number; invocationsPerCheck: number; d: Counters }> {
  const newsroom = new Newsroom(ARTICLES);
  await newsroom.start();
  const persist = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'redline-paid-'));
  const port = 8700 + Math.floor(Math.random() * 100);
  const origin = `http://127.0.0.1:${port}`;
  const config = bundleWorker(persist, PAID_ENV_ARG);
  const now = Date.now();
  await newsroom.seed(now, join(persist, 'state'), config);
  const wrangler = startWranglerDev(config, PAID_ENV_ARG, port, join(persist, 'state'), ['ALLOW_PRIVATE_URLS:true', 'MAX_PER_HOST_PER_TICK:200']);
  try {
    await waitFor(`${origin}/__metrics`);
    const start = Math.ceil(now / TICK_MS) * TICK_MS;
    const tickAndDrain = async (at: number) => {
      const before = await metrics(origin);
      const fired = await fetch(`${origin}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('*/15 * * * *')}&time=${at}`);
      if (!fired.ok) throw new Error(`scheduled failed: ${fired.status} ${await fired.text()}`);
      // The consumer takes a batch after up to max_batch_timeout (5 s); wait until every message sent has been delivered.
      let after = await metrics(origin);
      for (let idle = 0; after.consumed - before.consumed < after.queueSends - before.queueSends && idle < 240; ) {
        await sleep(250);
        const next = await metrics(origin);
        idle = next.consumed === after.consumed ? idle + 1 : 0;
        after = next;
      }
    };
    await tickAndDrain(start - TICK_MS); // every object met for the first time, as in the Free run
    const before = await metrics(origin);
    for (let k = 0; k < ticks; k++) {
      newsroom.edit(Math.round((ARTICLES * CHANGES_PER_ARTICLE_DAY) / 96));
      await tickAndDrain(start + k * TICK_MS);
    }
    const d = difference(await metrics(origin), before);
    const checks = Math.max(1, d.queuedChecks ?? 0);
    return { opsPerCheck: queueOperations(d) / checks, invocationsPerCheck: (d.queueBatches ?? 0) / checks, d };
  } finally {
    stopProcessGroup(wrangler);
    newsroom.close();
    rmSync(persist, { recursive: true, force: true });
  }
}

interface TickAtThousand {
  cpuMsPerTick: number;
  emptyMsPerTick: number;
  runs: number;
  /** Checks the tick handed to CheckRunner objects, and dispatcher invocations, per tick (counted inside the Worker). */
  handedPerTick: number;
  dispatchersPerTick: number;
  /** The most subrequests one invocation made: the tick, a dispatcher. */
  most: Record<string, number>;
}

/**
 * The tick alone at 1,000 due articles: due keys that name no article, so every check handed out
 * ends at once. `checksPerTick` null: the Worker's own default budget, which this measures.
 */
async function tickAtThousandDue(checksPerTick: number | null): Promise<TickAtThousand> {
  const persist = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'redline-tick-'));
  const vars = ['ALLOW_PRIVATE_URLS:true', 'MAX_PER_HOST_PER_TICK:2000', ...(checksPerTick === null ? [] : [`CHECKS_PER_TICK:${checksPerTick}`])];
  const worker = await startWorker(persist, vars);
  const at = Date.UTC(2026, 2, 1, 12, 0);
  const proxy = await openLocalKv(join(persist, 'state'), worker.config);
  const slot = tickNumber(at) % 96;
  const puts: Promise<void>[] = [];
  // Ids whose first 8 hex digits are in this slot of the daily tier (slotOf: that number mod 96).
  const base = 96 * 2_796_203;
  for (let n = 0; n < 1_000; n++) {
    const id = `${(base + n * 96 + slot).toString(16)}00000000`;
    if (slotOf(id, 1440) !== slot) throw new Error('slot arithmetic');
    puts.push(proxy.env.REDLINE.put(keys.due(1440, slot, id), '', { metadata: { h: `host-${n % 20}.example` } }));
  }
  await Promise.all(puts);
  await proxy.dispose();
  const wrangler = worker.start();
  try {
    await waitFor(`${worker.origin}/__metrics`);
    const runs = 20;
    const fire = async (time: number) =>
      void (await (await fetch(`${worker.origin}/cdn-cgi/handler/scheduled?cron=${encodeURIComponent('*/15 * * * *')}&time=${time}`)).text());
    const mean = async (time: number) => {
      await fire(time); // warms the isolate
      const cpu = workerdCpuMs(wrangler.pid ?? 0);
      for (let i = 0; i < runs; i++) await fire(time);
      return (workerdCpuMs(wrangler.pid ?? 0) - cpu) / runs;
    };
    // First a tick an hour earlier, whose slots hold nothing (and leaves no carry-over): the same calls, nothing due.
    const emptyMsPerTick = await mean(at - 4 * 15 * 60_000);
    const before = await metrics(worker.origin);
    await peaks(worker.origin, true);
    const cpuMsPerTick = await mean(at);
    const d = difference(await metrics(worker.origin), before);
    const ticks = runs + 1;
    return {
      cpuMsPerTick,
      emptyMsPerTick,
      runs,
      handedPerTick: (d.runnerCalls ?? 0) / ticks,
      dispatchersPerTick: (d.dispatches ?? 0) / ticks,
      most: await peaks(worker.origin),
    };
  } finally {
    stopProcessGroup(wrangler);
    rmSync(persist, { recursive: true, force: true });
  }
}

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2));

async function main() {
  const { perTick, perRequest, checksPerTick, subrequestsMax } = await modelledDay();
  const day = add(
    add(scale(perTick, DAY.ticks), scale(perRequest.feedPolls, DAY.feedPolls)),
    add(scale(perRequest.pageViews, DAY.pageViews), scale(perRequest.apiCalls, DAY.apiCalls)),
  );

  console.log('\nper request, counted inside the Worker:');
  console.log(`${'resource'.padEnd(18)}${'tick'.padStart(10)}${'feed poll'.padStart(11)}${'page view'.padStart(11)}${'API call'.padStart(10)}`);
  for (const r of Object.keys(ALLOWANCES) as Resource[]) {
    console.log(
      `${r.padEnd(18)}${fmt(perTick[r]).padStart(10)}${fmt(perRequest.feedPolls[r]).padStart(11)}${fmt(perRequest.pageViews[r]).padStart(11)}${fmt(perRequest.apiCalls[r]).padStart(10)}`,
    );
  }

  console.log(`\na day: ${ARTICLES} articles, ${DAY.ticks} ticks, ${DAY.feedPolls} feed polls, ${DAY.pageViews} page views, ${DAY.apiCalls} API calls`);
  console.log(`${'resource'.padEnd(18)}${'per day'.padStart(10)}${'Free/day'.padStart(10)}${'share'.padStart(7)}${'Paid incl./day'.padStart(16)}`);
  const shares: [Resource, number][] = [];
  for (const r of Object.keys(ALLOWANCES) as Resource[]) {
    const a = ALLOWANCES[r];
    const share = Number.isFinite(a.free) ? day[r] / a.free : 0;
    if (Number.isFinite(a.free)) shares.push([r, share]);
    console.log(
      `${r.padEnd(18)}${fmt(day[r]).padStart(10)}${(Number.isFinite(a.free) ? fmt(a.free) : 'per call').padStart(10)}${(Number.isFinite(a.free) ? `${Math.round(share * 100)}%` : '-').padStart(7)}${fmt(a.paidMonth / 30).padStart(16)}`,
    );
  }

  // Articles a Free account carries at this traffic: reader traffic fixed, the tick's per-article
  // costs scaled (its fixed list calls stay), until the first allowance is spent.
  const perArticle = scale(perTick, DAY.ticks / ARTICLES);
  const traffic = add(scale(perRequest.feedPolls, DAY.feedPolls), add(scale(perRequest.pageViews, DAY.pageViews), scale(perRequest.apiCalls, DAY.apiCalls)));
  const fixedLists = DAY.ticks * perTick['kv lists'];
  let carried = Number.POSITIVE_INFINITY;
  let binding: Resource = 'kv reads';
  for (const [r] of shares) {
    const fixed = traffic[r] + (r === 'kv lists' ? fixedLists : 0) + (r === 'worker requests' ? DAY.ticks : 0);
    const each = r === 'kv lists' || r === 'worker requests' ? 0 : perArticle[r];
    const room = (ALLOWANCES[r].free - fixed) / each;
    if (each > 0 && room < carried) {
      carried = room;
      binding = r;
    }
  }
  // Checks without a queue: as many a tick as the Worker hands out with 1,000 due (its default
  // CHECKS_PER_TICK, in dispatcher groups), measured, at the schedule's checks per article a day.
  const full = await tickAtThousandDue(null);
  const checksPerArticleDay = (checksPerTick * DAY.ticks) / ARTICLES;
  const inlineCap = Math.floor((full.handedPerTick * DAY.ticks) / Math.max(0.001, checksPerArticleDay));
  console.log(
    `checks: ${fmt(checksPerTick)} a tick, ${fmt(checksPerArticleDay)} per article a day; subrequests per invocation, at most: the tick ${subrequestsMax.tick}, a dispatcher ${subrequestsMax.dispatcher} (Free allows 50 each)`,
  );
  console.log(
    `with 1,000 due the tick hands out ${fmt(full.handedPerTick)} checks in ${Math.round(full.dispatchersPerTick)} dispatcher invocations; subrequests per invocation, at most: the tick ${full.most.tick ?? 0}, a dispatcher ${full.most.dispatcher ?? 0}`,
  );
  console.log(
    `\na Free account carries about ${fmt(Math.min(carried, inlineCap))} articles at this traffic (${carried <= inlineCap ? `${binding} run out first` : `the inline budget of ${fmt(full.handedPerTick)} checks a tick binds first`}; KV alone would allow ${fmt(carried)}, the budget ${fmt(inlineCap)})`,
  );
  // What 10,000 articles (the design goal) would need of each Free allowance at this traffic.
  const tenThousand = add(scale(perArticle, 10_000), traffic);
  const short = shares
    .map(([r]) => r)
    .filter((r) => r !== 'kv lists' && r !== 'worker requests' && tenThousand[r] > ALLOWANCES[r].free)
    .map((r) => `${r} ${fmt(tenThousand[r])} a day (${fmt(perArticle[r] * 10_000)} from the ticks)`);
  console.log(
    `10,000 articles at this traffic would need: ${short.length ? short.join(', ') : 'nothing past a Free allowance'} (Free allows 1,000 writes and 1,000 deletes a day)`,
  );

  // Paid, 100,000 articles, same reader traffic: per-article costs scaled; the tick's list calls
  // grow only with the due ids (one more per 1,000 due in a tier); the queue's operations and
  // consumer invocations a check are those measured on the Paid profile (at 1,000 articles a
  // tick's last message is often part-full, so per check this slightly overstates 100,000).
  const paid = await paidQueue(PAID_TICKS);
  console.log(
    `\nPaid profile (CHECKS queue), ${PAID_TICKS} ticks: ${paid.d.queuedChecks} checks sent in ${paid.d.queueSends} messages (${paid.d.queueUnits} units of 64 KB), ${paid.d.queueRetries} retried, ${paid.d.queueBatches} consumer invocations: ${paid.opsPerCheck.toFixed(2)} queue operations a check`,
  );
  const bigChecksDay = checksPerArticleDay * 100_000;
  const big = add(scale(perArticle, 100_000), traffic);
  big['kv lists'] = traffic['kv lists'] + DAY.ticks * (perTick['kv lists'] + Math.ceil(bigChecksDay / DAY.ticks / 1_000));
  big['queue operations'] += paid.opsPerCheck * bigChecksDay;
  big['worker requests'] += DAY.ticks + paid.invocationsPerCheck * bigChecksDay;
  let dollars = 5;
  const lines: string[] = [];
  for (const r of Object.keys(ALLOWANCES) as Resource[]) {
    const month = big[r] * 30;
    const over = Math.max(0, month - ALLOWANCES[r].paidMonth);
    const cost = (over / 1_000_000) * ALLOWANCES[r].perMillion;
    dollars += cost;
    if (cost > 0.005) lines.push(`${r} $${cost.toFixed(2)}`);
  }
  console.log(`Paid, 100,000 articles: about $${dollars.toFixed(2)} a month ($5 base${lines.length ? ` + ${lines.join(' + ')}` : ''})`);

  for (const tick of [full, await tickAtThousandDue(1)]) {
    const handed = Math.round(tick.handedPerTick);
    console.log(
      `tick at 1,000 due articles, ${handed} handed to CheckRunner objects${tick.dispatchersPerTick ? ` by ${Math.round(tick.dispatchersPerTick)} dispatchers` : ''} and ${1_000 - handed} carried, warm, mean of ${tick.runs}: ${tick.cpuMsPerTick.toFixed(1)} ms of workerd CPU (upper bound: includes the local KV and Durable Object simulators and the runner and dispatcher invocations); with nothing due ${tick.emptyMsPerTick.toFixed(1)} ms`,
    );
  }

  // The tick's own code, apart from the platform (scripts/lib/tick-own-cpu.ts): the honest figure for the 5 ms goal.
  const ownRuns = 200;
  for (const [handed, what] of [
    [1, 'Free, 1 handed to a CheckRunner and 999 carried'],
    [
      full.handedPerTick,
      `Free, ${fmt(full.handedPerTick)} handed to ${Math.round(full.dispatchersPerTick)} dispatchers and ${fmt(1_000 - full.handedPerTick)} carried`,
    ],
    ['queue', 'Paid, 1,000 sent to CHECKS in 100 messages'],
  ] as const) {
    const own = await tickOwnCpu(1_000, handed, ownRuns);
    console.log(
      `tick's own CPU at 1,000 due articles (${what}), warm, mean of ${ownRuns}: ${(own.ownMs + own.decodeMs).toFixed(2)} ms (its code ${own.ownMs.toFixed(2)} ms + decoding the platform's answers ${own.decodeMs.toFixed(2)} ms; KV and Durable Object services left out, ${own.serviceMs.toFixed(2)} ms in the stand-ins)`,
    );
  }

  shares.sort((a, b) => b[1] - a[1]);
  console.log(`largest free-plan share ${Math.round(shares[0][1] * 100)}% (${shares[0][0]})`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
