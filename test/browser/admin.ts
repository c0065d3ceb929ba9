/**
 * Browser tests of /admin (registered by test/browser/run.ts): Chromium signs in with the token,
 * keeps the HttpOnly, Secure, SameSite=Strict cookie on http://127.0.0.1 (a secure context for
 * browsers), and uses every form without script: track, check now, untrack, add and remove a
 * feed, failures and webhook deliveries, sign out. Forms posted from another origin, forged or
 * without the session do nothing.
 */
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { fixture, type FoundingStory, type Redline } from '../../scripts/lib/redline-dev';

export interface AdminTestContext {
  redline: Redline;
  story: FoundingStory;
  context: BrowserContext;
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  shot(page: Page, name: string): Promise<unknown>;
  assertNoSidewaysScroll(page: Page): Promise<void>;
}

type Register = (name: string, run: () => Promise<void>) => void;

const PHONE = { width: 390, height: 844 };

async function trackedUrls(redline: Redline): Promise<string[]> {
  const { articles } = await redline.api<{ articles: { url: string; active: boolean }[] }>('/articles?limit=1000');
  return articles.filter((a) => a.active).map((a) => a.url);
}

/** Opens the dashboard, signing in first when the browser has no session yet. */
async function signIn(page: Page, t: AdminTestContext) {
  await page.goto(`${t.redline.origin}/admin`);
  if (await page.getByLabel('Admin token').count()) {
    await page.getByLabel('Admin token').fill(t.redline.token);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await page.getByRole('heading', { level: 1, name: 'Admin' }).waitFor();
}

export function registerAdminTests(test: Register, t: () => AdminTestContext) {
  test('admin: a wrong token is refused; the right one opens a session Chromium keeps as HttpOnly, Secure, SameSite=Strict', async () => {
    const ctx = t();
    await ctx.context.clearCookies();
    const page = await ctx.newPage();
    await page.goto(`${ctx.redline.origin}/admin`);
    assert.equal(await page.locator('script').count(), 0);
    await ctx.shot(page, '20-admin-sign-in');
    await page.getByLabel('Admin token').fill('not-the-token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('that is not the admin token').waitFor();
    assert.equal((await ctx.context.cookies()).filter((c) => c.name === '__Host-redline-admin').length, 0);
    await signIn(page, ctx);
    const [session] = (await ctx.context.cookies(ctx.redline.origin)).filter((c) => c.name === '__Host-redline-admin');
    assert.ok(session, 'Chromium kept the Secure session cookie on http://127.0.0.1');
    assert.deepEqual(
      { httpOnly: session.httpOnly, secure: session.secure, sameSite: session.sameSite, path: session.path },
      { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' },
    );
    await ctx.shot(page, '21-admin-dashboard');
    await page.close();
  });

  test('admin: track a URL, check it now, see it fail and recover, untrack it — all by forms, no script', async () => {
    const ctx = t();
    const page = await ctx.newPage();
    await signIn(page, ctx);
    const url = `${ctx.story.newsroom.origin}/admin/browser-story.html`;
    ctx.story.newsroom.set('/admin/browser-story.html', '<h1>Gone</h1>', { status: 500 });
    await page.getByLabel('Article URL').fill(url);
    // The admin pages' Referrer-Policy (same-origin) makes Chromium name our origin on our own
    // forms; under no-referrer it sent "Origin: null", which the admin now refuses.
    const [posted] = await Promise.all([
      page.waitForRequest(`${ctx.redline.origin}/admin/track`),
      page.getByRole('button', { name: 'Track', exact: true }).click(),
    ]);
    assert.equal(await posted.headerValue('origin'), ctx.redline.origin);
    await page.getByText(`tracking ${url}`).waitFor();
    assert.ok((await trackedUrls(ctx.redline)).includes(url));
    await page.getByRole('button', { name: `Check ${url} now` }).click();
    await page.getByText('HTTP 500').first().waitFor();
    assert.match((await page.locator('section', { has: page.getByRole('heading', { name: 'Failures' }) }).textContent()) ?? '', /HTTP 500/);
    await ctx.shot(page, '22-admin-failure');
    ctx.story.newsroom.set('/admin/browser-story.html', fixture('v1'));
    await page.getByRole('button', { name: `Check ${url} now` }).click();
    await page.getByText('stored version 1').waitFor();
    assert.equal(await page.locator('script').count(), 0);
    await page.getByRole('button', { name: `Untrack ${url}` }).click();
    await page.getByText(`stopped checking ${url}`).waitFor();
    assert.ok(!(await trackedUrls(ctx.redline)).includes(url));
    await page.close();
  });

  test('admin: add a feed (its article is tracked) and remove it; webhook deliveries are listed', async () => {
    const ctx = t();
    const page = await ctx.newPage();
    await signIn(page, ctx);
    const storyUrl = `${ctx.story.newsroom.origin}/admin/from-feed-2026.html`;
    ctx.story.newsroom.set('/admin/from-feed-2026.html', fixture('v1'));
    ctx.story.newsroom.set(
      '/admin/feed.xml',
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Admin feed</title><item><title>One</title><link>${storyUrl}</link></item></channel></rss>`,
      {
        headers: { 'content-type': 'application/rss+xml' },
      },
    );
    const feedUrl = `${ctx.story.newsroom.origin}/admin/feed.xml`;
    await page.getByLabel('Feed or sitemap URL').fill(feedUrl);
    await page.getByRole('button', { name: 'Add source' }).click();
    await page.getByText('started tracking 1 article').waitFor();
    assert.ok((await trackedUrls(ctx.redline)).includes(storyUrl));
    await page.getByRole('button', { name: `Remove source ${feedUrl}` }).click();
    await page.getByText(`stopped reading ${feedUrl}`).waitFor();
    assert.equal(await page.getByRole('button', { name: `Remove source ${feedUrl}` }).count(), 0);
    const webhooks = (await page.locator('section', { has: page.getByRole('heading', { name: 'Webhook deliveries' }) }).textContent()) ?? '';
    assert.match(webhooks, /delivered after 1 attempt/);
    await page.close();
  });

  test('admin: forms posted from another origin, with a forged token or without the session do nothing', async () => {
    const ctx = t();
    const page = await ctx.newPage();
    await signIn(page, ctx);
    const csrf = (await page.locator('input[name="csrf"]').first().getAttribute('value')) ?? '';
    const target = `${ctx.story.newsroom.origin}/admin/forged-target.html`;
    const forms = [
      ['with the real token, from another origin', csrf],
      ['with a forged token', 'forged'],
    ] as const;
    // Another origin (the newsroom) serves a form aimed at Redline's admin; a user clicks it.
    ctx.story.newsroom.set(
      '/admin/forged.html',
      `<!doctype html><title>Forged</title>${forms.map(([name, token]) => `<form method="post" action="${ctx.redline.origin}/admin/track"><input type="hidden" name="csrf" value="${token}"><input type="hidden" name="url" value="${target}"><button>${name}</button></form>`).join('')}`,
    );
    for (const [name] of forms) {
      await page.goto(`${ctx.story.newsroom.origin}/admin/forged.html`);
      const [response] = await Promise.all([page.waitForResponse(`${ctx.redline.origin}/admin/track`), page.getByRole('button', { name }).click()]);
      assert.equal(response.status(), 403, name);
    }
    // The same form with the real token from a page under no-referrer: Chromium sends Origin: null.
    ctx.story.newsroom.set(
      '/admin/forged-opaque.html',
      `<!doctype html><meta name="referrer" content="no-referrer"><title>Forged</title><form method="post" action="${ctx.redline.origin}/admin/track"><input type="hidden" name="csrf" value="${csrf}"><input type="hidden" name="url" value="${target}"><button>opaque origin</button></form>`,
    );
    await page.goto(`${ctx.story.newsroom.origin}/admin/forged-opaque.html`);
    const [opaque] = await Promise.all([
      page.waitForResponse(`${ctx.redline.origin}/admin/track`),
      page.getByRole('button', { name: 'opaque origin' }).click(),
    ]);
    assert.equal(await opaque.request().headerValue('origin'), 'null');
    assert.equal(opaque.status(), 403, 'opaque origin');
    // Same origin, the session's cookie, but no token at all.
    const bare = await page.request.post(`${ctx.redline.origin}/admin/track`, {
      form: { url: target },
      headers: { origin: ctx.redline.origin },
      maxRedirects: 0,
    });
    assert.equal(bare.status(), 403);
    assert.ok(!(await trackedUrls(ctx.redline)).includes(target));
    await ctx.shot(page, '23-admin-forged-refused');

    // Signed out, the token of the old session opens nothing either.
    await page.goto(`${ctx.redline.origin}/admin`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const after = await page.request.post(`${ctx.redline.origin}/admin/track`, {
      form: { url: target, csrf },
      headers: { origin: ctx.redline.origin },
      maxRedirects: 0,
    });
    assert.equal(after.status(), 403);
    assert.ok(!(await trackedUrls(ctx.redline)).includes(target));
    await page.close();
  });

  test('admin: on a phone the dashboard fits the screen', async () => {
    const ctx = t();
    const page = await ctx.newPage(PHONE);
    await signIn(page, ctx);
    await ctx.assertNoSidewaysScroll(page);
    await ctx.shot(page, '24-phone-admin');
    await page.close();
  });
}
