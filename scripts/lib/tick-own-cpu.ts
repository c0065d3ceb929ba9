/**
 * The tick's own CPU, apart from the platform: the real `runTick` (src/cron/tick.ts) run in this
 * Node process (V8, as in workerd) against in-memory stand-ins for KV, the queue and the Durable
 * Objects. Every stand-in call is timed in two parts: the service's work (finding and sorting
 * keys, storing), which on Cloudflare runs outside the Worker and is left out, and decoding its
 * answer into JavaScript values (KV answers a list as JSON; an RPC answer is deserialised), which
 * runs in the Worker's isolate on Cloudflare too and is reported beside the tick's own code.
 * workerd's process CPU (bench:quota's other tick lines) also counts its local KV and Durable
 * Object simulators and the scheduled event's dispatch, which is why it is only an upper bound.
 *
 * Node cannot load `cloudflare:workers`: a module hook answers it with a bare DurableObject class
 * (the tick only imports modules that define objects; it never constructs one here).
 */
import { register } from 'node:module';
import { cpuUsage } from 'node:process';

const STUB = 'export class DurableObject { constructor(ctx, env) { this.ctx = ctx; this.env = env; } }';
const HOOKS = `export async function resolve(specifier, context, next) {
  if (specifier === 'cloudflare:workers') return { url: 'data:text/javascript,${encodeURIComponent(STUB)}', shortCircuit: true };
  return next(specifier, context);
}`;

const cpuMicros = () => {
  const u = cpuUsage();
  return u.user + u.system;
};

/**
 * CPU spent in the stand-ins since the last reset, in microseconds, in two parts: `service` is
 * the KV and Durable Object services' own work (finding keys, sorting, storing), which on
 * Cloudflare runs elsewhere; `decode` is turning their answers into JavaScript values (KV's list
 * and JSON answers are parsed, a Durable Object's answer is deserialised), which runs in the
 * Worker's isolate on Cloudflare too and so counts toward the tick.
 */
const spent = { service: 0, decode: 0 };

/** Answers what `work` computes as a platform call would: computed by the service, then decoded in the isolate. */
function platform<T>(work: () => T, decode: (answer: T) => unknown = (answer) => answer): Promise<unknown> {
  let start = cpuMicros();
  const answer = work();
  spent.service += cpuMicros() - start;
  start = cpuMicros();
  const decoded = decode(answer);
  spent.decode += cpuMicros() - start;
  return Promise.resolve(decoded);
}

/** An in-memory KV namespace: values kept as strings, lists answered as KV's API does (JSON, 1,000 keys a page). */
function memoryKv() {
  const store = new Map<string, { value: string; metadata: string | null }>();
  const asJson = (type: unknown) => (typeof type === 'string' ? type : (type as { type?: string } | undefined)?.type) === 'json';
  const get = (key: string, type?: unknown) =>
    platform(
      () => store.get(key)?.value ?? null,
      (value) => (value !== null && asJson(type) ? JSON.parse(value) : value),
    );
  return {
    store,
    get,
    getWithMetadata: (key: string, type?: unknown) =>
      platform(
        () => store.get(key) ?? null,
        (entry) => ({
          value: entry && asJson(type) ? JSON.parse(entry.value) : (entry?.value ?? null),
          metadata: entry?.metadata ? JSON.parse(entry.metadata) : null,
        }),
      ),
    put: (key: string, value: string, options?: { metadata?: unknown }) =>
      platform(
        () => void store.set(key, { value: String(value), metadata: options?.metadata === undefined ? null : JSON.stringify(options.metadata) }),
        () => undefined,
      ),
    delete: (key: string) => platform(() => void store.delete(key)),
    list: (options: { prefix?: string; cursor?: string; limit?: number } = {}) =>
      platform(
        () => {
          const names = [...store.keys()].filter((k) => k.startsWith(options.prefix ?? '')).sort();
          const from = options.cursor ? Number(options.cursor) : 0;
          const page = names.slice(from, from + (options.limit ?? 1_000));
          const done = from + page.length >= names.length;
          const keys = page.map((name) => `{"name":${JSON.stringify(name)}${store.get(name)?.metadata ? `,"metadata":${store.get(name)?.metadata}` : ''}}`);
          return `{"keys":[${keys.join(',')}],"list_complete":${done}${done ? '' : `,"cursor":"${from + page.length}"`},"cacheStatus":null}`;
        },
        (text) => JSON.parse(text),
      ),
  };
}

/** A Durable Object namespace whose objects answer every method with `answer(method, args)` (deserialised as an RPC answer is). */
function memoryObjects(answer: (method: string, args: unknown[]) => unknown) {
  const stub = new Proxy(
    {},
    {
      get:
        (_, method) =>
        (...args: unknown[]) =>
          platform(() => answer(String(method), args), structuredClone),
    },
  );
  return {
    idFromName: (name: string) => ({ name, toString: () => name }),
    get: () => stub,
  };
}

export interface TickCpu {
  /** Mean CPU of the tick's own code (everything but the stand-ins), ms. */
  ownMs: number;
  /** Mean CPU decoding the platform's answers, which on Cloudflare runs in the isolate too, ms. */
  decodeMs: number;
  /** Mean CPU of the stand-in services (left out: on Cloudflare it runs elsewhere), ms. */
  serviceMs: number;
  runs: number;
}

/**
 * The tick at `due` due articles (ids in the daily tier's slot of `at`, 20 hosts): with `handed` a
 * number, the Free profile's tick hands that many out in groups to CheckDispatcher objects (each
 * answers at once for its group: no such article) and carries the rest; with 'queue', the Paid profile's sends them all to CHECKS.
 */
let hooked = false;

export async function tickOwnCpu(due: number, handed: number | 'queue', runs: number): Promise<TickCpu> {
  if (!hooked) register(`data:text/javascript,${encodeURIComponent(HOOKS)}`);
  hooked = true;
  const { runTick } = await import('../../src/cron/tick');
  const { settingsFrom } = await import('../../src/settings');
  const { slotOf, tickNumber } = await import('../../src/schedule/tiers');
  const { keys } = await import('../../src/store/keys');

  const at = new Date(Date.UTC(2026, 2, 1, 12, 0));
  const kv = memoryKv();
  const slot = tickNumber(at.getTime()) % 96;
  // Ids whose first 8 hex digits are in this slot of the daily tier (slotOf: that number mod 96).
  const base = 96 * 2_796_203;
  for (let n = 0; n < due; n++) {
    const id = `${(base + n * 96 + slot).toString(16)}00000000`;
    if (slotOf(id, 1440) !== slot) throw new Error('slot arithmetic');
    kv.store.set(keys.due(1440, slot, id), { value: '', metadata: JSON.stringify({ h: `host-${n % 20}.example` }) });
  }
  const missing = { changed: false, version: null, error: null, skipped: 'missing' };
  const queue = handed === 'queue';
  const vars = { ALLOW_PRIVATE_URLS: 'true', MAX_PER_HOST_PER_TICK: String(due * 2), CHECKS_PER_TICK: String(queue ? 40 : handed) };
  const sent = { messages: 0 };
  const checksQueue = {
    // Serialising the bodies happens in the isolate (the runtime's structured clone), storing them in the service.
    send: (body: unknown) =>
      platform(
        () => void sent.messages++,
        () => void structuredClone(body),
      ),
    sendBatch: (messages: Iterable<{ body: unknown }>) =>
      platform(
        () => void (sent.messages += [...messages].length),
        () => void [...messages].map((m) => structuredClone(m.body)),
      ),
  };
  const env = {
    ...vars,
    ...(queue ? { CHECKS: checksQueue } : {}),
    REDLINE: kv,
    CHECK_RUNNER: memoryObjects(() => missing),
    // A dispatcher runs its group in the runners (elsewhere) and answers each check's outcome.
    CHECK_DISPATCHER: memoryObjects((_, args) => (args[0] as { id: string }[]).map((check) => ({ check, outcome: missing, threw: false, trouble: null }))),
    ARTICLE_WRITER: memoryObjects(() => null),
    READ_INDEX: memoryObjects(() => null),
    // The agenda: no newly tracked article and no source due (the 1,000 are all in the due index).
    AGENDA: memoryObjects((method) => (method === 'due' ? { pending: [], sources: [] } : null)),
    SOURCE_READER: memoryObjects(() => ({ found: false, tracked: 0 })),
  } as never;
  const settings = settingsFrom(env);
  const once = async () => {
    const report = await runTick(env, settings, at);
    if (report.troubles.length) throw new Error(`the tick met trouble: ${report.troubles.join('; ')}`);
    if (report.due !== due || report.carried !== (queue ? 0 : due - handed) || report.queued !== (queue ? due : 0))
      throw new Error(`unexpected tick: ${JSON.stringify(report)}`);
  };
  for (let i = 0; i < 5; i++) await once(); // warm: compiled and optimised, as a warm isolate's
  spent.service = 0;
  spent.decode = 0;
  const start = cpuMicros();
  for (let i = 0; i < runs; i++) await once();
  const totalMs = (cpuMicros() - start) / 1_000 / runs;
  const serviceMs = spent.service / 1_000 / runs;
  const decodeMs = spent.decode / 1_000 / runs;
  return { ownMs: totalMs - serviceMs - decodeMs, decodeMs, serviceMs, runs };
}
