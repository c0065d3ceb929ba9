/**
 * The CHECKS queue consumer: runs the checks of every message in the batch (the same checkDue the
 * inline tick runs), at most six at once and HOST_CONCURRENCY per host. A transient failure
 * (network, timeout, 5xx) is retried with exponential backoff before it is recorded; a check that
 * keeps throwing, or a message that is not a check at all (poison), goes to the dead-letter queue.
 *
 * A message carries up to ten checks (check-message.ts), and the retry unit of Queues is the
 * message: so a message whose checks all need another try is retried as it is (one read
 * operation), while one where some succeeded is acknowledged and only the checks that failed are
 * sent again, as a message of their own with the backoff as its delay. Their attempt count travels
 * in the body (`attempt`), since a message sent again starts at the platform's attempt 1.
 */
import { OPEN_CONNECTIONS, settingsFrom, type Env, type Settings } from '../settings';
import { count } from '../metrics';
import { runBounded } from '../schedule/pick';
import { type CheckPack, packChecks, readCheckPack } from './check-message';
import type { DueCheck } from './check-due';
import { runCheck } from './check-runner';

export interface BatchReport {
  checked: number;
  changed: number;
  /** Checks that will run again (the message retried, or sent again). */
  retried: number;
  /** Checks and poison messages sent to the dead-letter queue. */
  dead: number;
}

/** Delay before attempt `attempts + 1`: base, 2x base, 4x base... capped at 12 hours. */
export const backoffSeconds = (settings: Settings, attempts: number) =>
  Math.min(12 * 3600, Math.round(settings.queueRetrySeconds * 2 ** Math.max(0, attempts - 1)));

/** One message's checks and what became of each. */
interface Delivery {
  message: Message<unknown>;
  pack: CheckPack;
  /** The attempt at these checks this delivery is. */
  attempt: number;
  again: DueCheck[];
  dead: { check: DueCheck; reason: string }[];
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Retries the message for the platform's own dead-letter queue (after max_retries) when no DLQ is bound. */
async function deadLetter(env: Env, message: Message<unknown>, body: unknown, reason: string): Promise<void> {
  console.error(`check message ${message.id} dead-lettered: ${reason}`);
  if (env.CHECKS_DLQ) {
    await env.CHECKS_DLQ.send({ body, reason, attempts: message.attempts, at: new Date().toISOString() });
    message.ack();
  } else {
    retry(message);
  }
}

function retry(message: Message<unknown>, delaySeconds?: number): void {
  count('queueRetries');
  message.retry(delaySeconds === undefined ? undefined : { delaySeconds });
}

/** Acknowledges `d`'s message once what failed in it is sent on: again (with backoff) or to the dead-letter queue. */
async function settle(env: Env, settings: Settings, d: Delivery): Promise<void> {
  const delaySeconds = backoffSeconds(settings, d.attempt);
  // Nothing in it succeeded: the message itself is retried or dead-lettered as it is, which re-runs no finished check.
  if (d.again.length === d.pack.checks.length) return retry(d.message, delaySeconds);
  if (d.dead.length === d.pack.checks.length) return deadLetter(env, d.message, d.message.body, d.dead.map((x) => x.reason).join('; '));
  try {
    if (d.again.length > 0) await sendAgain(env, packChecks(d.again, d.pack.at, d.attempt + 1), delaySeconds);
    if (d.dead.length > 0) {
      const dead = d.dead.map((x) => x.check);
      const reason = d.dead.map((x) => x.reason).join('; ');
      console.error(`check message ${d.message.id}: ${dead.length} of its checks dead-lettered: ${reason}`);
      if (env.CHECKS_DLQ) {
        await env.CHECKS_DLQ.send({ body: { checks: dead, at: d.pack.at, attempt: d.attempt }, reason, attempts: d.attempt, at: new Date().toISOString() });
      } else {
        // No DLQ bound: alone in a message, still on their last attempt, they take the platform's route (retried until max_retries).
        await sendAgain(env, packChecks(dead, d.pack.at, d.attempt), 0);
      }
    }
    d.message.ack();
  } catch (error) {
    // They could not be sent on: the whole message runs again later (a repeated check of an unchanged page writes nothing).
    console.error(`check message ${d.message.id}: the failed checks could not be sent on (${errorText(error)}); the message is retried whole`);
    retry(d.message, delaySeconds);
  }
}

async function sendAgain(env: Env, packs: CheckPack[], delaySeconds: number): Promise<void> {
  if (!env.CHECKS) throw new Error('no CHECKS binding to send them with');
  await env.CHECKS.sendBatch(packs.map((body) => ({ body, delaySeconds })));
}

export async function consumeChecks(batch: MessageBatch<unknown>, env: Env, fetcher?: typeof fetch): Promise<BatchReport> {
  const settings = settingsFrom(env);
  const report: BatchReport = { checked: 0, changed: 0, retried: 0, dead: 0 };
  count('queueBatches');
  const deliveries: Delivery[] = [];
  for (const message of batch.messages) {
    const pack = readCheckPack(message.body);
    if (pack) deliveries.push({ message, pack, attempt: pack.attempt + message.attempts - 1, again: [], dead: [] });
    else {
      report.dead++;
      await deadLetter(env, message, message.body, 'not a check message');
      count('consumed');
    }
  }
  // Every check of the batch in one pool, so the per-host limit holds across messages.
  const work = deliveries.flatMap((delivery) => delivery.pack.checks.map((check) => ({ id: check.id, host: check.host, check, delivery })));
  await runBounded(work, OPEN_CONNECTIONS, settings.hostConcurrency, async ({ check, delivery }) => {
    const last = delivery.attempt >= settings.queueMaxAttempts;
    try {
      const outcome = await runCheck(env, settings, check, new Date(delivery.pack.at), { deferTransient: !last, fetcher });
      if (outcome.transient) return void delivery.again.push(check);
      if (!outcome.skipped) report.checked++;
      if (outcome.changed) report.changed++;
    } catch (error) {
      if (last) delivery.dead.push({ check, reason: `check failed ${delivery.attempt} times: ${errorText(error)}` });
      else delivery.again.push(check);
    }
  });
  for (const delivery of deliveries) {
    report.retried += delivery.again.length;
    report.dead += delivery.dead.length;
    if (delivery.again.length === 0 && delivery.dead.length === 0) delivery.message.ack();
    else await settle(env, settings, delivery);
    // Counted once its checks are done, not on arrival: the benchmarks wait on it for a tick's work to end.
    count('consumed');
  }
  return report;
}
