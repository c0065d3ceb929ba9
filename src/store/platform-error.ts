/**
 * Platform errors: a KV, Queue or Durable Object call that threw because of the platform, not
 * because of Redline: a spent daily allowance on the Free plan ("KV get() limit exceeded for the
 * day."), a rate limit (429), an overloaded or reset object, a lost connection. They pass; the
 * answer is to carry the work over (the cron) or to say "try again later" (503 with Retry-After),
 * never a 500.
 */

/** Seconds a reader is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 300;

const PLATFORM_MESSAGE =
  /limit exceeded|exceeded (?:the |your )?(?:daily |free[- ]tier |allowed )?(?:limit|quota|volume)|free tier|too many requests|\b429\b|\b503\b|overloaded|network connection lost|internal error; reference|durable object (?:reset|storage)|\b(?:KV|Queue|storage) \w+(?:\(\))? failed|(?:KV|Queue)\b.*\b(?:unavailable|timed? ?out)/i;

export function isPlatformError(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const flags = error as { retryable?: unknown; overloaded?: unknown; durableObjectReset?: unknown };
  if (flags.retryable === true || flags.overloaded === true || flags.durableObjectReset === true) return true;
  return error instanceof Error && PLATFORM_MESSAGE.test(error.message);
}

/** A short description for logs and notes. */
export function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}
