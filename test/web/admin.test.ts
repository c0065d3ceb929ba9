/**
 * The admin pages through the requests a browser sends: sign in with the token (an HttpOnly,
 * Secure, SameSite=Strict session cookie), then plain form posts, each with its CSRF token. No
 * form does anything without a session, with a forged token or from another origin.
 * (test/browser/admin.ts drives the same pages in Chromium.)
 */
import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import worker from '../../src/index';
import { describe, expect, it } from 'vitest';
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import { api, auth, publish, TOKEN } from '../helpers';
import { issueSignInToken } from '../../src/web/admin/session';

const ORIGIN = 'http://redline.test';

/** A tiny browser: keeps cookies, sends forms, follows nothing. */
class Browser {
  cookies = new Map<string, string>();
  setCookies: string[] = [];
  /** Settings this browser's Worker runs with instead of the test configuration's (as a deploy with other vars). */
  vars: Record<string, string> | null = null;

  async request(path: string, init: { method?: string; form?: Record<string, string>; origin?: string } = {}) {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    if (init.origin !== undefined) headers.origin = init.origin;
    else if (init.method === 'POST') headers.origin = ORIGIN;
    const request = new Request(`${ORIGIN}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.form ? new URLSearchParams(init.form).toString() : undefined,
      redirect: 'manual',
    });
    const response = this.vars ? await withVars(request, this.vars) : await SELF.fetch(request);
    this.setCookies = response.headers.getAll('set-cookie');
    for (const line of this.setCookies) {
      const [pair] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
      if (/Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { response, body: await response.text() };
  }

  post(path: string, form: Record<string, string>, origin?: string) {
    return this.request(path, { method: 'POST', form, origin });
  }
}

/** The Worker's own fetch handler, run with `vars` over the test configuration's settings. */
async function withVars(request: Request, vars: Record<string, string>): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch!(request as never, { ...env, ...vars }, ctx);
  await waitOnExecutionContext(ctx);
  return response as unknown as Response;
}

const csrfOf = (body: string) => /name="csrf" value="([^"]+)"/.exec(body)?.[1] ?? '';

async function signedIn(): Promise<{ browser: Browser; csrf: string }> {
  const browser = new Browser();
  const form = await browser.request('/admin');
  const signIn = await browser.post('/admin/sign-in', { csrf: csrfOf(form.body), token: TOKEN });
  expect(signIn.response.status).toBe(303);
  const dashboard = await browser.request('/admin');
  expect(dashboard.body).toContain('<h1>Admin</h1>');
  return { browser, csrf: csrfOf(dashboard.body) };
}

async function isTracked(url: string): Promise<boolean> {
  const { articles } = await (await api('/articles?limit=1000')).json<{ articles: { url: string; active: boolean }[] }>();
  return articles.some((a) => a.url === url && a.active);
}

describe('signing in', () => {
  it('the sign-in page sets no session, and signing in sets an HttpOnly, Secure, SameSite=Strict cookie whose id KV does not hold', async () => {
    const browser = new Browser();
    const form = await browser.request('/admin');
    expect(form.response.status).toBe(200);
    expect(form.response.headers.get('cache-control')).toBe('no-store');
    expect(form.response.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(form.body).toContain('name="token" type="password"');
    expect(browser.cookies.has('__Host-redline-admin')).toBe(false);
    const signIn = await browser.post('/admin/sign-in', { csrf: csrfOf(form.body), token: TOKEN });
    expect(signIn.response.status).toBe(303);
    expect(signIn.response.headers.get('location')).toBe('/admin');
    const session = browser.setCookies.find((line) => line.startsWith('__Host-redline-admin='));
    expect(session).toMatch(/; Path=\/; Max-Age=28800; HttpOnly; Secure; SameSite=Strict$/);
    const id = browser.cookies.get('__Host-redline-admin') ?? '';
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = (await env.REDLINE.list({ prefix: 'admin-session:' })).keys.map((k) => k.name);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((key) => key.includes(id))).toBe(false);
  });

  it('a wrong token answers 401, a missing or foreign sign-in token 403, and neither opens a session', async () => {
    const browser = new Browser();
    const form = await browser.request('/admin');
    expect((await browser.post('/admin/sign-in', { csrf: csrfOf(form.body), token: 'wrong' })).response.status).toBe(401);
    const again = await browser.request('/admin');
    expect((await browser.post('/admin/sign-in', { csrf: 'forged', token: TOKEN })).response.status).toBe(403);
    expect((await browser.post('/admin/sign-in', { csrf: csrfOf(again.body), token: TOKEN }, 'https://evil.example')).response.status).toBe(403);
    const stranger = new Browser(); // no sign-in cookie at all
    expect((await stranger.post('/admin/sign-in', { csrf: csrfOf(again.body), token: TOKEN })).response.status).toBe(403);
    expect(browser.cookies.has('__Host-redline-admin')).toBe(false);
    expect(stranger.cookies.has('__Host-redline-admin')).toBe(false);
  });

  it('two sign-ins get different session ids and CSRF tokens', async () => {
    const [a, b] = [await signedIn(), await signedIn()];
    expect(a.browser.cookies.get('__Host-redline-admin')).not.toBe(b.browser.cookies.get('__Host-redline-admin'));
    expect(a.csrf).not.toBe(b.csrf);
  });
});

describe('the admin forms', () => {
  it("every form on the dashboard posts to /admin and carries the session's CSRF token", async () => {
    const { browser, csrf } = await signedIn();
    await publish('/admin/listed.html', v1);
    await browser.post('/admin/track', { csrf, url: `${(await publish('/admin/listed.html', v1)).replace('/admin/listed.html', '')}/admin/listed.html` });
    const { body } = await browser.request('/admin');
    const forms = body.match(/<form[^>]*>/g) ?? [];
    expect(forms.length).toBeGreaterThanOrEqual(5);
    for (const form of forms) expect(form).toMatch(/method="post" action="\/admin\//);
    expect(body.match(/name="csrf" value="([^"]+)"/g)?.length).toBe(forms.length);
    expect(new Set([...body.matchAll(/name="csrf" value="([^"]+)"/g)].map((m) => m[1]))).toEqual(new Set([csrf]));
  });

  it('track, check now and untrack work with the session; without it, with a forged token or from another origin nothing happens', async () => {
    const url = await publish('/admin/story.html', v1);
    const outsider = new Browser();
    expect((await outsider.post('/admin/track', { csrf: 'anything', url })).response.status).toBe(403);
    const { browser, csrf } = await signedIn();
    expect((await browser.post('/admin/track', { csrf: 'forged', url })).response.status).toBe(403);
    expect((await browser.post('/admin/track', { url })).response.status).toBe(403);
    expect((await browser.post('/admin/track', { csrf, url }, 'https://evil.example')).response.status).toBe(403);
    expect(await isTracked(url)).toBe(false);

    const tracked = await browser.post('/admin/track', { csrf, url });
    expect(tracked.response.status).toBe(303);
    expect(decodeURIComponent(tracked.response.headers.get('location') ?? '')).toContain(`tracking ${url}`);
    expect(await isTracked(url)).toBe(true);
    const { articles } = await (await api('/articles?limit=1000')).json<{ articles: { id: string; url: string }[] }>();
    const id = articles.find((a) => a.url === url)?.id ?? '';

    expect((await outsider.post(`/admin/articles/${id}/check`, { csrf })).response.status).toBe(403);
    expect((await (await api(`/articles/${id}`)).json<{ versions: unknown[] }>()).versions).toHaveLength(0);
    const checked = await browser.post(`/admin/articles/${id}/check`, { csrf });
    expect(decodeURIComponent(checked.response.headers.get('location') ?? '')).toContain('stored version 1');
    const dashboard = await browser.request(checked.response.headers.get('location') ?? '/admin');
    expect(dashboard.body).toContain('stored version 1');

    expect((await browser.post(`/admin/articles/${id}/untrack`, { csrf: 'forged' })).response.status).toBe(403);
    expect(await isTracked(url)).toBe(true);
    expect((await browser.post(`/admin/articles/${id}/untrack`, { csrf })).response.status).toBe(303);
    expect(await isTracked(url)).toBe(false);
  });

  it('a URL that cannot be tracked comes back as a notice, escaped', async () => {
    const { browser, csrf } = await signedIn();
    const refused = await browser.post('/admin/track', { csrf, url: 'javascript:alert(1)//<b>' });
    const page = await browser.request(refused.response.headers.get('location') ?? '/admin');
    expect(page.body).toContain('Not done:');
    expect(page.body).not.toContain('<b>');
  });

  it('adds a feed, which tracks its articles, and removes it; only with the session and its token', async () => {
    const story = await publish('/admin/feed-story-2026', v1);
    const feed = await publish(
      '/admin/feed.xml',
      `<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>S</title><link>${story}</link></item></channel></rss>`,
      {
        headers: { 'content-type': 'application/rss+xml' },
      },
    );
    const { browser, csrf } = await signedIn();
    expect((await new Browser().post('/admin/sources', { csrf, url: feed })).response.status).toBe(403);
    const added = await browser.post('/admin/sources', { csrf, url: feed });
    expect(decodeURIComponent(added.response.headers.get('location') ?? '')).toContain('started tracking 1 article');
    expect(await isTracked(story)).toBe(true);
    const dashboard = await browser.request('/admin');
    const remove = new RegExp(
      `action="(/admin/sources/[0-9a-f]{16}/remove)"[^]*?aria-label="Remove source ${feed.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}"`,
    ).exec(dashboard.body);
    expect(remove).not.toBeNull();
    expect((await browser.post(remove?.[1] ?? '', { csrf: 'forged' })).response.status).toBe(403);
    expect((await browser.post(remove?.[1] ?? '', { csrf })).response.status).toBe(303);
    expect((await browser.request('/admin')).body).not.toContain(`Remove source ${feed}`);
  });

  it('signing out ends the session: its cookie no longer works for any form', async () => {
    const { browser, csrf } = await signedIn();
    const cookie = browser.cookies.get('__Host-redline-admin') ?? '';
    const out = await browser.post('/admin/sign-out', { csrf });
    expect(out.response.status).toBe(303);
    expect(browser.setCookies.some((line) => line.startsWith('__Host-redline-admin=;') && /Max-Age=0/.test(line))).toBe(true);
    const replay = new Browser();
    replay.cookies.set('__Host-redline-admin', cookie);
    const url = await publish('/admin/after-sign-out.html', v1);
    expect((await replay.post('/admin/track', { csrf, url })).response.status).toBe(403);
    expect(await isTracked(url)).toBe(false);
    expect((await replay.request('/admin')).body).toContain('Admin: sign in');
  });
});

describe('webhooks on the dashboard', () => {
  it('names each WEBHOOK_URLS entry that is no http(s) URL, escaped and cut to its first 20 characters as GET /api/v1/webhooks does', async () => {
    const { browser } = await signedIn();
    const WEBHOOK_URLS = '<img src=x onerror=alert(1)>, https://hooks.example/one\nftp://files.example/hook?token=SECRET';
    browser.vars = { WEBHOOK_URLS };
    const { response, body } = await browser.request('/admin');
    expect(response.status).toBe(200);
    const listed = await (await withVars(new Request(`${ORIGIN}/api/v1/webhooks`, { headers: auth }), { WEBHOOK_URLS })).json<{
      invalid: { position: number; start: string }[];
    }>();
    expect(listed.invalid.map((e) => e.start)).toEqual(['<img src=x onerror=a…', 'ftp://files.example/…']);
    expect(body).toContain('webhooks configured: 1 · <a class="error" href="#webhooks-heading">2 WEBHOOK_URLS entries ignored</a>');
    expect(body).toContain('<li>entry 1: <code>&lt;img src=x onerror=a…</code> <span class="meta error">not an http(s) URL</span></li>');
    expect(body).toContain('<li>entry 3: <code>ftp://files.example/…</code> <span class="meta error">not an http(s) URL</span></li>');
    expect(body).not.toContain('<img src=x');
    expect(body).not.toContain('SECRET');
    // With only valid entries the dashboard says nothing of them.
    browser.vars = { WEBHOOK_URLS: 'https://hooks.example/one' };
    expect((await browser.request('/admin')).body).not.toContain('ignored');
  });
});

describe('what a tester tried', () => {
  it('a sign-in CSRF pair the server did not issue (cookie and field chosen by the client) is refused', async () => {
    const forged = async (csrf: string) => {
      const browser = new Browser();
      browser.cookies.set('__Host-redline-sign-in', csrf);
      const answer = await browser.post('/admin/sign-in', { csrf, token: TOKEN });
      expect(browser.cookies.has('__Host-redline-admin')).toBe(answer.response.status === 303);
      return answer.response.status;
    };
    expect(await forged('AAAA')).toBe(403);
    // The shape of a real one, but a MAC of someone's choosing.
    const issued = csrfOf((await new Browser().request('/admin')).body);
    const [when, nonce] = issued.split('.');
    expect(await forged(`${when}.${nonce}.${'A'.repeat(43)}`)).toBe(403);
    expect(await forged(`${when}.${'B'.repeat(43)}.${issued.split('.')[2]}`)).toBe(403);
    // A real one from more than 15 minutes ago.
    expect(await forged(await issueSignInToken(TOKEN, new Date(Date.now() - 16 * 60_000)))).toBe(403);
    // And one signed with another ADMIN_TOKEN.
    expect(await forged(await issueSignInToken('another-token'))).toBe(403);
    // A pair the server issued still works.
    expect(await forged(issued)).toBe(303);
  });

  it('a post from an opaque origin (Origin: null) is refused even with the session and its CSRF token, sign-in too', async () => {
    const { browser, csrf } = await signedIn();
    const url = await publish('/admin/opaque-origin', v1);
    expect((await browser.post('/admin/track', { csrf: 'forged', url }, 'null')).response.status).toBe(403);
    expect((await browser.post('/admin/track', { csrf, url }, 'null')).response.status).toBe(403);
    expect(await isTracked(url)).toBe(false);
    const stranger = new Browser();
    const form = await stranger.request('/admin');
    expect((await stranger.post('/admin/sign-in', { csrf: csrfOf(form.body), token: TOKEN }, 'null')).response.status).toBe(403);
    expect(stranger.cookies.has('__Host-redline-admin')).toBe(false);
  });

  it('admin pages tell the browser to send their origin on their own forms (Referrer-Policy: same-origin, header and meta)', async () => {
    for (const page of [await new Browser().request('/admin'), await (await signedIn()).browser.request('/admin')]) {
      expect(page.response.headers.get('referrer-policy')).toBe('same-origin');
      expect(page.body).toContain('<meta name="referrer" content="same-origin">');
      expect(page.body).not.toContain('no-referrer');
    }
  });

  it('the dashboard shows only notices its own forms signed, not words from a link', async () => {
    const { browser } = await signedIn();
    const spoof = await browser.request(`/admin?done=${encodeURIComponent('Session expired: re-enter your token at https://evil.example')}`);
    expect(spoof.body).not.toContain('evil.example');
    const forged = await browser.request(`/admin?failed=${encodeURIComponent('re-enter your token')}&sig=0123456789abcdef01234567`);
    expect(forged.body).not.toContain('re-enter your token');
  });
});
