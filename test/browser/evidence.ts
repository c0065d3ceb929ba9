/**
 * Browser tests of the evidence (registered by test/browser/run.ts, which turns Save Page Now on
 * against the fake on the webhook receiver): the history page links each version's text, its raw
 * HTML and its Internet Archive capture; the raw HTML arrives as a download, never as a page.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { fixture, type FoundingStory, type Redline } from '../../scripts/lib/redline-dev';
import { CAPTURE_TIMESTAMP } from '../fake-archive';

export interface EvidenceTestContext {
  redline: Redline;
  story: FoundingStory;
  /** Where the fake Save Page Now answers (SAVE_PAGE_NOW_ORIGIN). */
  archiveOrigin: string;
  newPage(): Promise<Page>;
  shot(page: Page, name: string): Promise<unknown>;
}

type Register = (name: string, run: () => Promise<void>) => void;

export function registerEvidenceTests(test: Register, t: () => EvidenceTestContext) {
  test("evidence: the history page links each version's text, source and Internet Archive capture", async () => {
    const { redline, story, archiveOrigin, newPage, shot } = t();
    const page = await newPage();
    const capture = `${archiveOrigin}/web/${CAPTURE_TIMESTAMP}/${story.url}`;
    // The capture is asked for after the version is stored, and polled: give it a few seconds.
    for (let attempt = 0; attempt < 30; attempt++) {
      await page.goto(`${redline.origin}/articles/${story.id}`);
      if (await page.getByRole('link', { name: "The Internet Archive's capture of version 2" }).count()) break;
      await page.waitForTimeout(300);
    }
    assert.equal(await page.getByRole('link', { name: "The Internet Archive's capture of version 2" }).getAttribute('href'), capture);
    assert.equal(await page.getByRole('link', { name: 'The HTML of version 1 as fetched' }).getAttribute('href'), `/articles/${story.id}/versions/1/source`);
    await shot(page, '30-history-evidence');
    await page.getByRole('link', { name: 'The text of version 2' }).click();
    await page.waitForURL(`**/articles/${story.id}/versions/2`);
    assert.match((await page.locator('article.version-text').textContent()) ?? '', /Ryabkov/);
    assert.equal(await page.getByRole('link', { name: "The Internet Archive's capture" }).getAttribute('href'), capture);
    assert.equal(await page.locator('script').count(), 0);
    await shot(page, '31-version-page');
    const received = (await (await fetch(`${archiveOrigin}/requests`)).json()) as { url: string; authorization: string }[];
    assert.ok(
      received.some((r) => r.url === story.url && r.authorization === 'LOW browser-key:browser-secret'),
      JSON.stringify(received),
    );
    await page.close();
  });

  test('evidence: the source of a version downloads byte for byte and never opens as a page', async () => {
    const { redline, story, newPage } = t();
    const page = await newPage();
    await page.goto(`${redline.origin}/articles/${story.id}/versions/2`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the HTML as fetched' }).click()]);
    assert.equal(download.suggestedFilename(), `redline-${story.id}-v2.html`);
    const path = await download.path();
    assert.deepEqual(await readFile(path), fixture('v2'));
    assert.equal(page.url(), `${redline.origin}/articles/${story.id}/versions/2`, 'the page did not navigate to the source');
    // Typed into the address bar, the source still is a download, not a document on our origin.
    const direct = await newPage();
    const [again] = await Promise.all([
      direct.waitForEvent('download'),
      direct.goto(`${redline.origin}/articles/${story.id}/versions/1/source`).catch(() => null),
    ]);
    assert.deepEqual(await readFile(await again.path()), fixture('v1'));
    await direct.close();
    await page.close();
  });
}
