/**
 * AuthGuard: failed admin-token guesses are bounded per client. One Durable Object per client
 * address (CF-Connecting-IP; an IPv6 address by its /64, which one subscriber usually holds
 * whole) counts the wrong tokens it sent in a 15-minute window; after MAX_FAILURES, every call
 * of that client that needs the token, right or wrong, answers 429 with Retry-After until the
 * window ends, so guessing gains nothing from carrying on (public reads ignore tokens). The comparison itself stays
 * constant-time (src/web/auth.ts).
 *
 * Why a Durable Object: it counts exactly and at once wherever the guesses land, and it costs no
 * KV write (the Free plan has 1,000 a day, and a guesser could spend them all). A request without
 * any token is not a guess and costs no call; one with a token costs one call to its client's
 * object. The object forgets the client when its window ends (an alarm deletes the count).
 */
import { DurableObject } from 'cloudflare:workers';
import { count } from '../metrics';

/** Wrong tokens a client may send in one window before it is refused. */
export const MAX_FAILURES = 10;
export const WINDOW_SECONDS = 15 * 60;

export interface GuardVerdict {
  /** Seconds until the client may try again; null when it is not refused. */
  retryAfterSeconds: number | null;
}

interface Window {
  startedAt: number;
  failures: number;
}

export class AuthGuard extends DurableObject {
  /** Whether the client is refused now (it sent too many wrong tokens in this window). */
  async verdict(): Promise<GuardVerdict> {
    return this.judge(await this.current(), Date.now());
  }

  /** A wrong token: refused when the client already sent its last allowed one, else counted and let through (to a 401). */
  async failed(): Promise<GuardVerdict> {
    const now = Date.now();
    const window = (await this.current()) ?? { startedAt: now, failures: 0 };
    const verdict = this.judge(window, now);
    // A refused client's guesses are not counted: nothing to write until its window ends.
    if (verdict.retryAfterSeconds !== null) return verdict;
    window.failures++;
    await this.ctx.storage.put('window', window);
    if (window.failures === 1) await this.ctx.storage.setAlarm(window.startedAt + WINDOW_SECONDS * 1000);
    return { retryAfterSeconds: null };
  }

  /** The window ended: forget the client. */
  async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  private async current(): Promise<Window | null> {
    const window = (await this.ctx.storage.get<Window>('window')) ?? null;
    return window && Date.now() < window.startedAt + WINDOW_SECONDS * 1000 ? window : null;
  }

  private judge(window: Window | null, now: number): GuardVerdict {
    if (!window || window.failures < MAX_FAILURES) return { retryAfterSeconds: null };
    return { retryAfterSeconds: Math.max(1, Math.ceil((window.startedAt + WINDOW_SECONDS * 1000 - now) / 1000)) };
  }
}

/**
 * The client a request comes from, as its guard is named: CF-Connecting-IP (set by Cloudflare,
 * which a client cannot override), an IPv6 address cut to its /64; "unknown" without the header
 * (local runs and tests).
 */
export function clientKey(request: Request): string {
  const ip = request.headers.get('cf-connecting-ip')?.trim().toLowerCase() ?? '';
  if (!ip) return 'unknown';
  if (!ip.includes(':')) return ip;
  // Expand "::" to find the first four groups of the address.
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export function authGuard(env: { AUTH_GUARD: DurableObjectNamespace<AuthGuard> }, request: Request): DurableObjectStub<AuthGuard> {
  count('guardCalls');
  return env.AUTH_GUARD.get(env.AUTH_GUARD.idFromName(clientKey(request)));
}
