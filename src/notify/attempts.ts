/**
 * Retries with backoff for one step of a post (an upload, a status): a network error, a timeout,
 * 408, 429 or 5xx is tried again after the backoff (or the server's Retry-After, up to 10 s);
 * anything else is final. Every attempt is recorded for the delivery log.
 */
import type { OutboundAnswer } from './outbound';

export interface PostAttempt {
  /** Which call: "media", "status", "session", "blob", "record". */
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

export async function withRetries(step: string, attempts: PostAttempt[], options: RetryOptions, call: () => Promise<OutboundAnswer>): Promise<OutboundAnswer> {
  let answer: OutboundAnswer;
  for (let k = 0; ; k++) {
    const at = options.now().toISOString();
    answer = await call();
    attempts.push({ step, at, status: answer.status, error: answer.ok ? null : answer.error });
    if (answer.ok || !answer.retryable || k >= options.backoffMs.length) return answer;
    await options.sleep(answer.retryAfterMs ?? options.backoffMs[k]);
  }
}
