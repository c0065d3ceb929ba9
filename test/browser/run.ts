/**
 * Browser tests: Debian's Chromium (/usr/bin/chromium) driven by playwright-core through the
 * pages a reader uses, against Redline started as a user starts it (wrangler dev) with the
 * founding story tracked and corrected on a local newsroom. Screenshots go to
 * artifacts/screenshots/. Ends with "N passed, N failed"; exits non-zero on any failure.
 *
 *   npm run test:browser
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { foundingStory, ROOT, startRedline, type FoundingStory, type Redline } from '../../scripts/lib/redline-dev';
import { startNewsroom, type Newsroom } from '../newsroom';
import { registerAdminTests } from './admin';
import { registerEvidenceTests } from './evidence';

// What page.evaluate's functions use in the page (this project compiles without the DOM library).
interface PageElement {
  tagName: string;
  className: string;
  getBoundingClientRect(): { right: number };
}
/** The few canvas calls the card test makes, inside the page. */
interface CardImage {
  naturalWidth: number;
  naturalHeight: number;
  decode(): Promise<void>;
}
interface Canvas2d {
  drawImage(image: CardImage, x: number, y: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}
declare const document: {
  documentElement: { scrollWidth: number };
  querySelectorAll(selector: string): Iterable<PageElement>;
  createElement(tag: 'canvas'): { width: number; height: number; getContext(kind: '2d'): Canvas2d | null };
};
declare const window: { innerWidth: number };
declare function getComputedStyle(element: unknown): { outlineStyle: string; fontSize: string };

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'artifacts', 'screenshots');
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

const tests: { name: string; run: () => Promise<void> }[] = [];
const test = (name: string, run: () => Promise<void>) => tests.push({ name, run });

let redline: Redline;
let story: FoundingStory;
/** A real webhook receiver (the newsroom's /__hooks/), set in WEBHOOK_URLS before wrangler dev starts. */
let receiver: Newsroom;
const HOOK_PATH = '/__hooks/browser-run';
let context: BrowserContext;

async function newPage(viewport = DESKTOP): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  page.setDefaultTimeout(10_000);
  return page;
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

/** The page fits its viewport: nothing wider than the screen but the text itself scrolls sideways. */
async function assertNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .slice(0, 5)
      .map((el) => `<${el.tagName.toLowerCase()} class="${el.className}"> right=${Math.round(el.getBoundingClientRect().right)}`),
  }));
  assert.ok(scrollWidth <= innerWidth + 1, `${page.url()} is ${scrollWidth}px wide in a ${innerWidth}px viewport: ${wide.join(', ')}`);
}

test('home → history → diff: a reader follows the change to the corrected words', async () => {
  const page = await newPage();
  const response = await page.goto(`${redline.origin}/`);
  assert.equal(response?.status(), 200);
  assert.match(response?.headers()['content-security-policy'] ?? '', /default-src 'none'/);
  await page.getByRole('main').waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Redline' }).count(), 1);
  assert.equal(await page.getByRole('banner').count(), 1);
  await shot(page, '01-home');
  await page.locator('#articles ~ ul a', { hasText: 'Russian Officials Were in Contact' }).first().click();
  await page.waitForURL(`**/articles/${story.id}`);
  assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Russian Officials Were in Contact With Trump Allies, Diplomat Says');
  assert.equal(await page.locator('ol.timeline > li').count(), 2);
  await shot(page, '02-history');
  await page.getByRole('link', { name: 'Version 2', exact: true }).click();
  await page.waitForURL(`**/articles/${story.id}/diff/1/2`);
  const deleted = await page.locator('article.diff del').allTextContents();
  const inserted = await page.locator('article.diff ins').allTextContents();
  assert.deepEqual(deleted, ['Rybakov', 'Rybakov', 'Rybakov']);
  assert.ok(inserted.filter((t) => t === 'Ryabkov').length === 3, `inserted: ${inserted.join(' | ')}`);
  assert.ok(inserted.some((t) => t.startsWith('Correction: November 11, 2016')));
  await shot(page, '03-diff-inline');
  await page.close();
});

test("a permalink per edit: the edit's number links to it and highlights it", async () => {
  const page = await newPage();
  await page.goto(`${redline.origin}/articles/${story.id}/diff/1/2`);
  await page.getByRole('link', { name: 'Link to edit 2' }).click();
  assert.match(page.url(), /#edit-2$/);
  const outline = await page.locator('#edit-2').evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(outline, 'solid');
  assert.equal((await page.locator('#edit-2 del').textContent())?.trim(), 'Rybakov');
  await page.close();
});

test('the side-by-side toggle works without script and puts the old words beside the new', async () => {
  const page = await newPage();
  await page.goto(`${redline.origin}/articles/${story.id}/diff/1/2`);
  assert.equal(await page.getByRole('link', { name: 'Inline' }).getAttribute('aria-current'), 'page');
  await page.getByRole('link', { name: 'Side by side' }).click();
  await page.waitForURL('**/diff/1/2?view=side');
  assert.equal(await page.getByRole('link', { name: 'Side by side' }).getAttribute('aria-current'), 'page');
  const row = page.locator('table.sbs tr.changed', { has: page.locator('del', { hasText: 'Rybakov' }) }).first();
  const [left, right] = await Promise.all([row.locator('td').nth(0).boundingBox(), row.locator('td').nth(1).boundingBox()]);
  assert.ok(left && right && right.x > left.x + left.width - 1, 'the new text sits to the right of the old');
  assert.equal(await row.locator('td').nth(1).locator('ins', { hasText: 'Ryabkov' }).count(), 1);
  await shot(page, '04-diff-side-by-side');
  await page.getByRole('link', { name: 'Inline' }).click();
  await page.waitForURL(/\/diff\/1\/2$/);
  await page.close();
});

test('the home page filters by kind of change and by site, without script', async () => {
  const page = await newPage();
  await page.goto(`${redline.origin}/`);
  await page.getByLabel('Kind of change').selectOption('spelling');
  await page.getByLabel('Site', { exact: true }).selectOption('127.0.0.1');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/kind=spelling/);
  assert.match(page.url(), /site=127\.0\.0\.1/);
  assert.equal(await page.locator(`a[href="/articles/${story.id}/diff/1/2"]`).count(), 1);
  await page.getByLabel('Kind of change').selectOption('rewrite');
  await page.getByRole('button', { name: 'Show' }).click();
  await page.waitForURL(/kind=rewrite/);
  assert.equal(await page.locator(`a[href="/articles/${story.id}/diff/1/2"]`).count(), 0);
  await shot(page, '05-home-filtered');
  await page.close();
});

test('on a phone: no sideways scrolling, and side by side stacks the old text above the new', async () => {
  const page = await newPage(PHONE);
  for (const [path, name] of [
    ['/', '06-phone-home'],
    [`/articles/${story.id}`, '07-phone-history'],
    [`/articles/${story.id}/diff/1/2`, '08-phone-diff-inline'],
    [`/articles/${story.id}/diff/1/2?view=side`, '09-phone-diff-side-by-side'],
    ['/sites/127.0.0.1', '10-phone-site-record'],
  ]) {
    await page.goto(`${redline.origin}${path}`);
    await assertNoSidewaysScroll(page);
    await shot(page, name);
    await page.screenshot({ path: join(SHOTS, `${name}-first-screen.png`) });
  }
  await page.goto(`${redline.origin}/articles/${story.id}/diff/1/2?view=side`);
  const row = page.locator('table.sbs tr.changed', { has: page.locator('del', { hasText: 'Rybakov' }) }).first();
  const [top, bottom] = await Promise.all([row.locator('td').nth(0).boundingBox(), row.locator('td').nth(1).boundingBox()]);
  assert.ok(top && bottom && bottom.y >= top.y + top.height - 1, 'the new text sits below the old on a phone');
  const fontSize = await page
    .locator('table.sbs td')
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize >= 14, `text is ${fontSize}px`);
  await page.close();
});

test('the site record and the API docs read as pages', async () => {
  const page = await newPage();
  await page.goto(`${redline.origin}/sites/127.0.0.1`);
  assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /The record of 127\.0\.0\.1/);
  assert.match((await page.locator('.stats').textContent()) ?? '', /silent edits/);
  await shot(page, '11-site-record');
  await page.goto(`${redline.origin}/api/docs`);
  assert.equal(await page.getByRole('heading', { name: 'GET /changes' }).count(), 1);
  await shot(page, '12-api-docs');
  await page.close();
});

test('the diff card: named as og:image on the diff page, a 1200x630 PNG with red deletions and green insertions', async () => {
  const page = await newPage();
  await page.goto(`${redline.origin}/articles/${story.id}/diff/1/2`);
  const ogImage = await page.locator('meta[property="og:image"]').getAttribute('content');
  assert.equal(await page.locator('meta[name="twitter:image"]').getAttribute('content'), ogImage);
  assert.ok(ogImage?.endsWith(`/articles/${story.id}/diff/1/2.png`), `og:image is ${ogImage}`);
  await page.getByRole('link', { name: 'Diff card (PNG)' }).click();
  await page.waitForURL(`**/articles/${story.id}/diff/1/2.png`);
  const image = page.locator('img').first();
  await image.waitFor();
  // Count the card's pixels by colour in a canvas: the deletion and insertion highlights of the
  // card's palette (src/cards/card-layout.ts COLOURS), and everything that is not white paper.
  const stats = await image.evaluate(async (element) => {
    const img = element as unknown as CardImage;
    return (async () => {
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.naturalWidth;
      canvas.height = img.naturalHeight;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(img, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let red = 0;
      let green = 0;
      let ink = 0;
      for (let k = 0; k < data.length; k += 4) {
        const [r, g, b] = [data[k], data[k + 1], data[k + 2]];
        if (r > 240 && g > 195 && g < 215 && b > 195 && b < 215) red++;
        if (r > 185 && r < 215 && g > 230 && b > 195 && b < 220) green++;
        if (r < 240 || g < 240 || b < 240) ink++;
      }
      return { width: img.naturalWidth, height: img.naturalHeight, red, green, ink, total: data.length / 4 };
    })();
  });
  assert.deepEqual([stats.width, stats.height], [1200, 630]);
  assert.ok(stats.ink > stats.total * 0.03, `the card is nearly blank: ${JSON.stringify(stats)}`);
  assert.ok(stats.red > 2000, `no red deletion highlight: ${JSON.stringify(stats)}`);
  assert.ok(stats.green > 2000, `no green insertion highlight: ${JSON.stringify(stats)}`);
  await page.screenshot({ path: join(SHOTS, '13-diff-card.png') });
  await page.close();
});

test('no script runs: the CSP allows none and the pages carry none', async () => {
  const page = await newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused/.test(message.text())) violations.push(message.text());
  });
  for (const path of ['/', `/articles/${story.id}`, `/articles/${story.id}/diff/1/2?view=side`]) {
    await page.goto(`${redline.origin}${path}`);
    assert.equal(await page.locator('script').count(), 0, path);
  }
  assert.deepEqual(violations, []);
  await page.close();
});

// Not a page, but it needs what only this run has: the Worker under `wrangler dev`, where the
// global fetch is workerd's own (the test pool wraps it, and hid an Illegal invocation).
test('under wrangler dev, the correction is delivered to a real webhook receiver', async () => {
  let received: { body: { change?: { id: string; from: number; to: number } } }[] = [];
  const deadline = Date.now() + 15_000; // the delivery runs in waitUntil after the check answered
  while (Date.now() < deadline && received.length === 0) {
    received = await (await fetch(`${receiver.origin}${HOOK_PATH}`)).json();
    if (received.length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const deliveries = await redline.api<{ deliveries: { ok: boolean; attempts: { error: string | null }[] }[] }>('/webhooks');
  assert.equal(received.length, 1, `nothing reached the receiver; recorded deliveries: ${JSON.stringify(deliveries)}`);
  const { id, from, to } = received[0].body.change ?? {};
  assert.deepEqual({ id, from, to }, { id: story.id, from: 1, to: 2 });
  assert.ok(deliveries.deliveries.length >= 1 && deliveries.deliveries.every((d) => d.ok), JSON.stringify(deliveries));
});

registerEvidenceTests(test, () => ({ redline, story, archiveOrigin: `${receiver.origin}/__spn`, newPage: () => newPage(), shot }));
registerAdminTests(test, () => ({ redline, story, context, newPage, shot, assertNoSidewaysScroll }));

async function main(): Promise<number> {
  mkdirSync(SHOTS, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), 'redline-chromium-'));
  const started = Date.now();
  let passed = 0;
  let failed = 0;
  try {
    receiver = await startNewsroom();
    redline = await startRedline({
      token: 'browser-token',
      // Save Page Now on, against the fake on the receiver (test/fake-archive.ts), polled every 0.2 s.
      vars: {
        WEBHOOK_URLS: `${receiver.origin}${HOOK_PATH}`,
        SAVE_PAGE_NOW: 'true',
        SAVE_PAGE_NOW_ORIGIN: `${receiver.origin}/__spn`,
        SAVE_PAGE_NOW_AUTH: 'browser-key:browser-secret',
        SAVE_PAGE_NOW_POLL_SECONDS: '0.2',
      },
    });
    story = await foundingStory(redline);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-quic',
        '--no-first-run',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    for (const { name, run } of tests) {
      const t0 = Date.now();
      try {
        await run();
        passed++;
        console.log(`✓ ${name} (${Date.now() - t0} ms)`);
      } catch (error) {
        failed++;
        console.log(`✗ ${name}\n  ${error instanceof Error ? (error.stack ?? error.message).replace(/\n/g, '\n  ') : error}`);
      }
    }
  } catch (error) {
    failed = Math.max(1, tests.length - passed);
    console.log(`✗ setup failed: ${error instanceof Error ? error.message : error}`);
  } finally {
    await context?.close().catch(() => {});
    await story?.newsroom.close().catch(() => {});
    await receiver?.close().catch(() => {});
    await redline?.stop().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`screenshots in ${SHOTS} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

// Stopped early, stop what was started (wrangler dev runs in its own process group).
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    void Promise.allSettled([context?.close(), story?.newsroom.close(), receiver?.close(), redline?.stop()]).then(() => process.exit(130));
  });
}

main().then((code) => process.exit(code));
