/**
 * Operation counters for the scale benchmark (BENCH_METRICS=true only): KV reads, writes,
 * deletes and lists, outgoing fetches, queue sends and checks run, counted by wrapping the KV
 * binding's prototype and the global fetch once per isolate, and answered at GET /__metrics.
 * Off (the default), nothing is wrapped and /__metrics is an ordinary 404.
 *
 * Besides the sums, `peaks` keeps the most subrequests one invocation of each kind made (the cron
 * tick, a check dispatcher): Workers Free allows 50 per invocation. An invocation is tallied while
 * it runs inside `tallied()`; each KV call, fetch, queue send and Durable Object call made in it
 * (counted here) is one subrequest, whatever it carried (a bulk get of 100 keys is one call).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Env } from './settings';

export const counters = {
  kvReads: 0,
  kvWrites: 0,
  kvDeletes: 0,
  kvLists: 0,
  fetches: 0,
  /** Messages written to CHECKS (by the tick, and by the consumer sending failed checks again) and to its DLQ (the same prototype). */
  queueSends: 0,
  /** The 64 KB units those messages bill as (Queues counts an operation per 64 KB written, read or deleted). */
  queueUnits: 0,
  /** Checks the tick sent to CHECKS (several to a message). */
  queuedChecks: 0,
  /** Messages the consumer retried (each a read more). */
  queueRetries: 0,
  /** Consumer invocations (each a Worker request). */
  queueBatches: 0,
  checks: 0,
  unchanged: 0,
  failed: 0,
  notModified: 0,
  objectCalls: 0,
  runnerCalls: 0,
  readerCalls: 0,
  /** Messages the consumer is done with (their checks run, then acked, retried or dead-lettered). */
  consumed: 0,
  ticks: 0,
  indexCalls: 0,
  agendaCalls: 0,
  /** Calls from a tick to a CheckDispatcher object, and the dispatcher invocations that ran. */
  dispatcherCalls: 0,
  dispatches: 0,
  /** Calls to an AuthGuard object (a request that presented an admin token). */
  guardCalls: 0,
};

/** Counters whose every increment is one subrequest of the invocation that made it. */
const SUBREQUESTS = new Set<keyof typeof counters>([
  'kvReads',
  'kvWrites',
  'kvDeletes',
  'kvLists',
  'fetches',
  'queueSends',
  'objectCalls',
  'runnerCalls',
  'readerCalls',
  'indexCalls',
  'agendaCalls',
  'dispatcherCalls',
  'guardCalls',
]);

/** The most subrequests one invocation of each kind made (a maximum, not a sum). */
export const peaks: Record<string, number> = {};
const invocation = new AsyncLocalStorage<{ subrequests: number }>();

/** Runs `work` as one invocation of `kind`, and keeps its subrequests in `peaks[kind]` when it made the most so far. */
export async function tallied<T>(kind: string, work: () => Promise<T>): Promise<T> {
  if (!installed) return work();
  const tally = { subrequests: 0 };
  try {
    return await invocation.run(tally, work);
  } finally {
    peaks[kind] = Math.max(peaks[kind] ?? 0, tally.subrequests);
  }
}

export function resetPeaks(): void {
  for (const kind of Object.keys(peaks)) delete peaks[kind];
}

function subrequest(counter: keyof typeof counters) {
  const tally = invocation.getStore();
  if (tally && SUBREQUESTS.has(counter)) tally.subrequests++;
}

let installed = false;

function wrap(target: Record<string, unknown>, method: string, counter: keyof typeof counters, by: (args: unknown[]) => number = () => 1) {
  const original = target[method] as ((...args: unknown[]) => unknown) | undefined;
  if (typeof original !== 'function') return;
  target[method] = function (this: unknown, ...args: unknown[]) {
    counters[counter] += by(args);
    subrequest(counter);
    return original.apply(this, args);
  };
}

export function installMetrics(env: Env): void {
  if (installed || env.BENCH_METRICS !== 'true') return;
  installed = true;
  const kv = Object.getPrototypeOf(env.REDLINE) as Record<string, unknown>;
  wrap(kv, 'get', 'kvReads', (args) => (Array.isArray(args[0]) ? args[0].length : 1));
  wrap(kv, 'getWithMetadata', 'kvReads', (args) => (Array.isArray(args[0]) ? args[0].length : 1));
  wrap(kv, 'put', 'kvWrites');
  wrap(kv, 'delete', 'kvDeletes');
  wrap(kv, 'list', 'kvLists');
  if (env.CHECKS) {
    const queue = Object.getPrototypeOf(env.CHECKS) as Record<string, unknown>;
    const bodies = (args: unknown[]): unknown[] => [...(args[0] as Iterable<{ body: unknown }>)].map((m) => m.body);
    // ~100 bytes of metadata ride with each message; a KB is 1,000 bytes (Queues pricing).
    const units = (body: unknown) => Math.ceil((new TextEncoder().encode(JSON.stringify(body)).length + 100) / 64_000);
    wrap(queue, 'send', 'queueSends');
    wrap(queue, 'sendBatch', 'queueSends', (args) => bodies(args).length);
    wrap(queue, 'send', 'queueUnits', (args) => units(args[0]));
    wrap(queue, 'sendBatch', 'queueUnits', (args) => bodies(args).reduce((sum: number, body) => sum + units(body), 0));
  }
  const fetchOriginal = globalThis.fetch;
  globalThis.fetch = ((...args: Parameters<typeof fetch>) => {
    counters.fetches++;
    subrequest('fetches');
    return fetchOriginal(...args);
  }) as typeof fetch;
}

/** Adds `by` to a counter; a subrequest counter's call is one subrequest of this invocation, whatever `by` is. */
export function count(counter: keyof typeof counters, by = 1): void {
  if (!installed) return;
  counters[counter] += by;
  subrequest(counter);
}

/** The counters as JSON at /__metrics when metrics are on; null otherwise. */
export function metricsResponse(request: Request, env: Env): Response | null {
  if (env.BENCH_METRICS !== 'true' || new URL(request.url).pathname !== '/__metrics') return null;
  installMetrics(env);
  const answer = Response.json({ ...counters, peaks });
  // `?reset-peaks`: the peaks start over after this answer (the benchmark reads them tick by tick).
  if (new URL(request.url).searchParams.has('reset-peaks')) resetPeaks();
  return answer;
}
