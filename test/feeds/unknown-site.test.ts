/**
 * A site Redline does not know has no feed and no page: 404, as an unknown article has, in every
 * format and with every filter. A site it knows answers 200, even before its first change.
 */
import { describe, expect, it } from 'vitest';
import { page, post, publish } from '../helpers';
import { trackFoundingStory } from './story';

const FORMATS = ['xml', 'atom', 'json'];

describe('per-site feeds and pages', () => {
  it('answer 404 for a site with no tracked article, whatever the format or filter', async () => {
    await trackFoundingStory('/unknown-site/2016/11/11/russia.html');
    for (const path of [
      ...FORMATS.flatMap((ext) => [`/sites/unknown.example/feed.${ext}`, `/sites/unknown.example/feed.${ext}?kind=spelling`]),
      '/sites/unknown.example',
    ]) {
      const response = await page(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('unknown.example');
    }
  });

  it('answer 200 for a site it tracks, before and after its first change', async () => {
    // Tracked at "localhost" (the same newsroom): a site with an article and no change yet.
    const url = (await publish('/unknown-site/quiet.html', '<html><body><article><h1>Quiet</h1><p>Words.</p></article></body></html>')).replace(
      '127.0.0.1',
      'localhost',
    );
    expect((await post('/articles', { url })).status).toBe(201);
    for (const path of [...FORMATS.map((ext) => `/sites/localhost/feed.${ext}`), '/sites/localhost']) {
      expect((await page(path)).status, path).toBe(200);
    }
    for (const path of [...FORMATS.map((ext) => `/sites/127.0.0.1/feed.${ext}`), '/sites/127.0.0.1']) {
      expect((await page(path)).status, path).toBe(200);
    }
  });
});
