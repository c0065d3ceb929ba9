import { describe, expect, it } from 'vitest';
import { fetchPage, retryAfterSeconds } from '../../src/check/fetch-page';
import { settingsFrom } from '../../src/settings';
import { timingSafeEqual } from '../../src/web/auth';

describe('how Redline presents itself', () => {
  it('sends a User-Agent that names Redline and the contact URL setting', async () => {
    const seen: string[] = [];
    const fetcher = (async (_url: string, init: RequestInit) => {
      seen.push(new Headers(init.headers).get('user-agent') ?? '');
      return new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } });
    }) as typeof fetch;
    const settings = settingsFrom({ CONTACT_URL: 'https://newsroom-watch.example/contact' } as never);
    await fetchPage('https://news.example/a', settings, fetcher);
    expect(seen[0]).toMatch(/^Redline\/\S+ .*\+https:\/\/newsroom-watch\.example\/contact/);
  });

  it('reads Retry-After as seconds or as a date, caps it at a day, and waits an hour on a bare 429', () => {
    const now = Date.parse('2026-11-25T00:00:00Z');
    expect(retryAfterSeconds('120', 429, now)).toBe(120);
    expect(retryAfterSeconds('Wed, 25 Nov 2026 00:10:00 GMT', 503, now)).toBe(600);
    expect(retryAfterSeconds('999999', 429, now)).toBe(86_400);
    expect(retryAfterSeconds(null, 429, now)).toBe(3600);
    expect(retryAfterSeconds(null, 503, now)).toBeNull();
    expect(retryAfterSeconds('120', 500, now)).toBeNull();
  });
});

describe('token comparison', () => {
  it('matches only the same token', () => {
    expect(timingSafeEqual('s3cret-token', 's3cret-token')).toBe(true);
    for (const other of ['s3cret-tokem', 's3cret-toke', 's3cret-token!', '', 'S3cret-token']) expect(timingSafeEqual(other, 's3cret-token'), other).toBe(false);
  });
});
