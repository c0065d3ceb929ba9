/**
 * Wrong admin tokens are bounded per client address: after 10 in a window, every call of that
 * address that needs the token, the right one too, answers 429 with Retry-After until the window
 * ends; public reads, other addresses are not touched; no KV write is spent on any of it.
 */
import { env, runDurableObjectAlarm, SELF } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { clientKey, MAX_FAILURES, WINDOW_SECONDS } from '../../src/web/auth-guard';
import { kvSnapshot, TOKEN } from '../helpers';

const call = (ip: string, token: string | null, path = '/api/v1/webhooks') =>
  SELF.fetch(`http://redline.test${path}`, { headers: { 'cf-connecting-ip': ip, ...(token === null ? {} : { authorization: `Bearer ${token}` }) } });

/** Signs in through the admin form from `ip` with `token`: the status it answers. */
async function signIn(ip: string, token: string) {
  const form = await SELF.fetch('http://redline.test/admin', { headers: { 'cf-connecting-ip': ip } });
  const csrf = /name="csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const cookie = form.headers
    .getAll('set-cookie')
    .map((line) => line.split(';')[0])
    .join('; ');
  const response = await SELF.fetch('http://redline.test/admin/sign-in', {
    method: 'POST',
    redirect: 'manual',
    headers: { 'cf-connecting-ip': ip, cookie, origin: 'http://redline.test', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, token }).toString(),
  });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.text() };
}

describe('the bound on wrong admin tokens', () => {
  it('refuses an address with 429 after 10 wrong bearer tokens, right token or not, and no other address', async () => {
    const before = await kvSnapshot();
    for (let k = 0; k < MAX_FAILURES; k++) expect((await call('203.0.113.7', `guess-${k}`)).status).toBe(401);
    const refused = await call('203.0.113.7', 'guess-again');
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(WINDOW_SECONDS - 120);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect((await refused.json<{ error: string }>()).error).toContain('too many wrong tokens');
    // The right token from the refused address is refused too: the guard tells a guesser nothing.
    expect((await call('203.0.113.7', TOKEN)).status).toBe(429);
    // Another address, and a request with no token at all, are not affected.
    expect((await call('203.0.113.8', TOKEN)).status).toBe(200);
    expect((await call('203.0.113.7', null)).status).toBe(401);
    // Public reads ignore the token: they answer as usual to the refused address, right token or not.
    expect((await call('203.0.113.7', TOKEN, '/api/v1/changes')).status).toBe(200);
    expect((await call('203.0.113.7', 'guess-more', '/feed.xml')).status).toBe(200);
    expect(await kvSnapshot()).toEqual(before);
  });

  it('lets the address in again once its window has ended', async () => {
    for (let k = 0; k <= MAX_FAILURES; k++) await call('198.51.100.20', `guess-${k}`);
    expect((await call('198.51.100.20', TOKEN)).status).toBe(429);
    const guard = env.AUTH_GUARD.get(env.AUTH_GUARD.idFromName('198.51.100.20'));
    expect(await runDurableObjectAlarm(guard)).toBe(true);
    expect((await call('198.51.100.20', TOKEN)).status).toBe(200);
  });

  it('counts an IPv6 subscriber by its /64', async () => {
    expect(clientKey(new Request('http://x', { headers: { 'cf-connecting-ip': '2001:db8:0:12::1' } }))).toBe('2001:db8:0:12::/64');
    expect(clientKey(new Request('http://x', { headers: { 'cf-connecting-ip': '2001:DB8::12:0:0:0:7' } }))).toBe('2001:db8:0:12::/64');
    expect(clientKey(new Request('http://x'))).toBe('unknown');
    for (let k = 0; k < MAX_FAILURES; k++) await call(`2001:db8:0:99::${k + 1}`, `guess-${k}`);
    expect((await call('2001:db8:0:99:ffff::1', 'one-more')).status).toBe(429);
    expect((await call('2001:db8:0:98::1', TOKEN)).status).toBe(200);
  });

  it('bounds the admin sign-in form the same way', async () => {
    for (let k = 0; k < MAX_FAILURES; k++) expect((await signIn('192.0.2.55', `guess-${k}`)).status).toBe(401);
    const refused = await signIn('192.0.2.55', TOKEN);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.body).toContain('too many wrong tokens');
    expect((await signIn('192.0.2.56', TOKEN)).status).toBe(303);
  });
});
