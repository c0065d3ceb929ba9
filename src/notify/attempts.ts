/**
 * Retries with backoff for one step of a post (an upload, a status): a network error, a timeout,
 * 408, 429 or 5xx is tried again after the backoff (or the server's Retry-After, up to 10 s);
 * anything else is final. Every attempt is recorded for the delivery log.
 */
import type { OutboundAnswer } from './outbound';

export interface PostAttempt {
  /** Which call: "media", "media-ready", "status", "session", "blob", "record", "record-check". */
  step: string;
  at: string;
  status: number | null;
  error: string | null;
}

export interface RetryOptions {
  /** Waits before the second and later attempts. */
  backoffMs: readonly number[];
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
}

/**
 * `landed`, when given, runs before each retry: a call that is not idempotent (a post) may have
 * been done by the server although its answer was lost, and `landed` answers it when it was
 * (then nothing is sent again) or null when it was not.
 */
export async function withRetries(
  step: string,
  attempts: PostAttempt[],
  options: RetryOptions,
  call: () => Promise<OutboundAnswer>,
  landed?: () => Promise<OutboundAnswer | null>,
): Promise<OutboundAnswer> {
  let answer: OutboundAnswer;
  for (let k = 0; ; k++) {
    if (k > 0 && landed) {
      const found = await landed();
      if (found) return found;
    }
    const at = options.now().toISOString();
    answer = await call();
    attempts.push({ step, at, status: answer.status, error: answer.ok ? null : answer.error });
    if (answer.ok || !answer.retryable || k >= options.backoffMs.length) return answer;
    await options.sleep(answer.retryAfterMs ?? options.backoffMs[k]);
  }
}
