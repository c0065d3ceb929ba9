/**
 * Save Page Now: the capture request and its polling, over real HTTP to the fake SPN2 server on
 * the local newsroom (test/fake-archive.ts). The whole path (a new version under wrangler dev, the
 * link on the history page) runs in the browser tests, which turn the setting on.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it, inject } from 'vitest';
import { captureSettingsFrom, requestCapture, type CaptureSettings } from '../../src/evidence/archive';

const settings = (): CaptureSettings => ({
  origin: `${inject('newsroom')}/__spn`,
  auth: 'test-key:test-secret',
  pollMs: 1,
  maxPolls: 3,
  allowPrivateUrls: true,
});

describe('Save Page Now', () => {
  it('is off unless SAVE_PAGE_NOW is "true"', () => {
    expect(captureSettingsFrom(env)).toBeNull();
    expect(captureSettingsFrom({ ...env, SAVE_PAGE_NOW: 'yes' })).toBeNull();
    expect(captureSettingsFrom({ ...env, SAVE_PAGE_NOW: 'true' })).toMatchObject({ origin: 'https://web.archive.org', auth: null, pollMs: 10_000 });
  });

  it('asks for a capture with the LOW authorization, polls the job, and answers the Wayback URL of the capture', async () => {
    const page = 'https://www.example.com/2026/11/26/story.html';
    const capture = await requestCapture(page, settings());
    expect(capture).toMatchObject({ status: 'success', url: `${inject('newsroom')}/__spn/web/20261126120000/${page}`, error: null });
    expect(capture.jobId).toMatch(/^spn2-\d+$/);
    const received = await (await fetch(`${inject('newsroom')}/__spn/requests`)).json<
      { url: string; authorization: string; contentType: string; accept: string }[]
    >();
    expect(received.find((r) => r.url === page)).toMatchObject({
      authorization: 'LOW test-key:test-secret',
      contentType: expect.stringMatching(/^application\/x-www-form-urlencoded/),
      accept: 'application/json',
    });
  });

  it('a capture the archive refuses is recorded as an error with its message; one still pending after the polls stays pending', async () => {
    const refused = await requestCapture('https://www.example.com/spn-fail.html', settings());
    expect(refused).toMatchObject({ status: 'error', url: null, error: 'This URL is in the Wayback Machine block list.' });
    const pending = await requestCapture('https://www.example.com/slow.html', { ...settings(), maxPolls: 1 });
    expect(pending).toMatchObject({ status: 'pending', url: null, error: null });
  });

  it('an archive that cannot be reached is an error, not a throw', async () => {
    const down = await requestCapture('https://www.example.com/x.html', { ...settings(), origin: 'http://127.0.0.1:9' });
    expect(down.status).toBe('error');
    expect(down.error).toBeTruthy();
  });
});
