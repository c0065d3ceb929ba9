/**
 * The CHECKS queue consumer: runs each message's check (the same checkDue the inline tick runs),
 * at most six at once and HOST_CONCURRENCY per host. A transient failure (network, timeout, 5xx)
 * is retried with exponential backoff before it is recorded; a check that keeps throwing, or a
 * message that is not a check at all (poison), goes to the dead-letter queue.
 */
import { OPEN_CONNECTIONS, settingsFrom, type Env, type Settings } from '../settings';
import { count } from '../metrics';
import { runBounded } from '../schedule/pick';
import { isCheckMessage, type CheckMessage } from './check-message';
import { runCheck } from './check-runner';

export interface BatchReport {
  checked: number;
  changed: number;
  retried: number;
  dead: number;
}

/** Delay before attempt `attempts + 1`: base, 2x base, 4x base... capped at 12 hours. */
export const backoffSeconds = (settings: Settings, attempts: number) =>
  Math.min(12 * 3600, Math.round(settings.queueRetrySeconds * 2 ** Math.max(0, attempts - 1)));

async function deadLetter(env: Env, message: Message<unknown>, reason: string): Promise<void> {
  console.error(`check message ${message.id} dead-lettered: ${reason}`);
  if (env.CHECKS_DLQ) {
    await env.CHECKS_DLQ.send({ body: message.body, reason, attempts: message.attempts, at: new Date().toISOString() });
    message.ack();
  } else {
    // No DLQ binding: let the platform's own dead_letter_queue setting take it after max_retries.
    message.retry();
  }
}

export async function consumeChecks(batch: MessageBatch<unknown>, env: Env, fetcher?: typeof fetch): Promise<BatchReport> {
  const settings = settingsFrom(env);
  const report: BatchReport = { checked: 0, changed: 0, retried: 0, dead: 0 };
  const valid: { message: Message<unknown>; body: CheckMessage; id: string; host: string | null }[] = [];
  for (const message of batch.messages) {
    if (isCheckMessage(message.body)) valid.push({ message, body: message.body, id: message.body.id, host: message.body.host });
    else {
      report.dead++;
      await deadLetter(env, message, 'not a check message');
    }
  }
  await runBounded(valid, OPEN_CONNECTIONS, settings.hostConcurrency, async ({ message, body }) => {
    count('consumed');
    const last = message.attempts >= settings.queueMaxAttempts;
    try {
      const outcome = await runCheck(env, settings, { id: body.id, every: body.every, host: body.host }, new Date(body.at), { deferTransient: !last, fetcher });
      if (outcome.transient) {
        report.retried++;
        message.retry({ delaySeconds: backoffSeconds(settings, message.attempts) });
        return;
      }
      if (!outcome.skipped) report.checked++;
      if (outcome.changed) report.changed++;
      message.ack();
    } catch (error) {
      if (last) {
        report.dead++;
        await deadLetter(env, message, `check failed ${message.attempts} times: ${error instanceof Error ? error.message : String(error)}`);
      } else {
        report.retried++;
        message.retry({ delaySeconds: backoffSeconds(settings, message.attempts) });
      }
    }
  });
  return report;
}
