/**
 * What the tick sends to the CHECKS queue. Queues bills per message (a write, a read and a delete
 * each, per 64 KB), not per byte, so the tick packs up to PACK_SIZE due checks into one message
 * (a few hundred bytes), a host's checks side by side so the consumer that runs them keeps that
 * host's concurrency limit. The one-check body sent before packing is still read (messages in
 * flight during an upgrade).
 */
import type { DueCheck } from './check-due';

/** Checks per message: ten costs a tenth of the queue operations and keeps a retry's unit small. */
export const PACK_SIZE = 10;
/** The most checks a message is read with (a bound against a hostile or corrupt body). */
const MOST_CHECKS = 100;

/** The body sent before packing: one due article, with what the consumer needs to be polite. */
export interface CheckMessage {
  id: string;
  /** The interval of the tier it was listed under (to notice it aged out); null when newly tracked. */
  every: number | null;
  /** The outlet, for per-host limits; null when the tick did not know it. */
  host: string | null;
  /** The scheduled time of the tick that found it due. */
  at: string;
}

/** The body sent now: several due checks of one tick. */
export interface CheckPack {
  checks: DueCheck[];
  /** The scheduled time of the tick that found them due. */
  at: string;
  /**
   * Which attempt at these checks the message's first delivery is: 1 from the tick; more when
   * the consumer sent failed checks again (a platform retry of the message adds to it).
   */
  attempt: number;
}

const isDueCheck = (c: unknown): c is DueCheck => {
  if (!c || typeof c !== 'object') return false;
  const m = c as Record<string, unknown>;
  return (
    typeof m.id === 'string' &&
    /^[0-9a-f]{16}$/.test(m.id) &&
    (m.every === null || (typeof m.every === 'number' && m.every > 0)) &&
    (m.host === null || typeof m.host === 'string')
  );
};

const isTime = (at: unknown): at is string => typeof at === 'string' && !Number.isNaN(Date.parse(at));

export function isCheckMessage(body: unknown): body is CheckMessage {
  return isDueCheck(body) && isTime((body as unknown as Record<string, unknown>).at);
}

/** The checks a message body carries, in either format; null for anything else (poison). */
export function readCheckPack(body: unknown): CheckPack | null {
  if (isCheckMessage(body)) return { checks: [{ id: body.id, every: body.every, host: body.host }], at: body.at, attempt: 1 };
  if (!body || typeof body !== 'object') return null;
  const m = body as Record<string, unknown>;
  if (!Array.isArray(m.checks) || m.checks.length === 0 || m.checks.length > MOST_CHECKS || !m.checks.every(isDueCheck)) return null;
  if (!isTime(m.at) || !Number.isInteger(m.attempt) || (m.attempt as number) < 1) return null;
  return { checks: m.checks.map(({ id, every, host }) => ({ id, every, host })), at: m.at, attempt: m.attempt as number };
}

/**
 * Packs `checks` into messages of at most `size`, a host's checks next to each other (hosts in
 * the order they first appear): n checks make ceil(n / size) messages, and a host's checks are
 * spread over as few of them as its count allows.
 */
export function packChecks(checks: DueCheck[], at: string, attempt = 1, size = PACK_SIZE): CheckPack[] {
  const byHost = new Map<string | null, DueCheck[]>();
  for (const check of checks) {
    const same = byHost.get(check.host);
    if (same) same.push(check);
    else byHost.set(check.host, [check]);
  }
  const ordered = [...byHost.values()].flat();
  const packs: CheckPack[] = [];
  for (let i = 0; i < ordered.length; i += size) packs.push({ checks: ordered.slice(i, i + size), at, attempt });
  return packs;
}

/** One sendBatch call takes at most 100 messages and 256 KB in all (Queues limits); each message carries ~100 bytes of metadata. */
const SEND_BATCH_MESSAGES = 100;
const SEND_BATCH_BYTES = 250_000;
const MESSAGE_OVERHEAD_BYTES = 100;
const utf8 = new TextEncoder();

/** Splits `packs` into groups that one sendBatch call accepts. */
export function sendBatches(packs: CheckPack[]): CheckPack[][] {
  const batches: CheckPack[][] = [];
  let batch: CheckPack[] = [];
  let bytes = 0;
  for (const pack of packs) {
    const size = utf8.encode(JSON.stringify(pack)).length + MESSAGE_OVERHEAD_BYTES;
    if (batch.length > 0 && (batch.length >= SEND_BATCH_MESSAGES || bytes + size > SEND_BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(pack);
    bytes += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
