/**
 * Operation counters for the scale benchmark (BENCH_METRICS=true only): KV reads, writes,
 * deletes and lists, outgoing fetches, queue sends and checks run, counted by wrapping the KV
 * binding's prototype and the global fetch once per isolate, and answered at GET /__metrics.
 * Off (the default), nothing is wrapped and /__metrics is an ordinary 404.
 */
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
  consumed: 0,
  ticks: 0,
  indexCalls: 0,
  agendaCalls: 0,
};

let installed = false;

function wrap(target: Record<string, unknown>, method: string, counter: keyof typeof counters, by: (args: unknown[]) => number = () => 1) {
  const original = target[method] as ((...args: unknown[]) => unknown) | undefined;
  if (typeof original !== 'function') return;
  target[method] = function (this: unknown, ...args: unknown[]) {
    counters[counter] += by(args);
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
    return fetchOriginal(...args);
  }) as typeof fetch;
}

export function count(counter: keyof typeof counters, by = 1): void {
  if (installed) counters[counter] += by;
}

/** The counters as JSON at /__metrics when metrics are on; null otherwise. */
export function metricsResponse(request: Request, env: Env): Response | null {
  if (env.BENCH_METRICS !== 'true' || new URL(request.url).pathname !== '/__metrics') return null;
  installMetrics(env);
  return Response.json(counters);
}
