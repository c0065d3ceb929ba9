/** The test feed reader is strict: a feed that a subscriber's reader would choke on is `bozo`. */
import { describe, expect, it } from 'vitest';
import { readFeed } from '../helpers';

const rss = (items: string, channel = '<title>t</title><link>http://x/</link><description>d</description>') =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>${channel}${items}</channel></rss>`;

describe('the strict feed reader the tests use', () => {
  it('reads a valid RSS item with its HTML decoded once', async () => {
    const feed = await readFeed(
      rss('<item><title>a ]]&gt;</title><guid>urn:x</guid><link>http://x/a</link><description>&lt;del&gt;x&lt;/del&gt; &amp;lt;b&amp;gt;</description></item>'),
    );
    expect(feed).toMatchObject({
      bozo: false,
      version: 'rss20',
      entries: [{ title: 'a ]]>', id: 'urn:x', link: 'http://x/a', summary: '<del>x</del> &lt;b&gt;' }],
    });
  });

  it('flags XML that is not well-formed', async () => {
    for (const xml of [rss('<item><title>a & b</title></item>'), rss('<item><title>open</item>'), rss('').replace('</rss>', '')]) {
      expect((await readFeed(xml)).bozo, xml).toBe(true);
    }
  });

  it('flags elements RSS 2.0 and Atom 1.0 require', async () => {
    expect((await readFeed(rss('', '<title>t</title><link>http://x/</link>'))).error).toContain('channel has no <description>');
    const atom =
      '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><id>u</id><title>t</title><updated>2020-01-01T00:00:00Z</updated><entry><id>e</id><title>x</title></entry></feed>';
    expect((await readFeed(atom)).error).toContain('entry 1 has no <updated>');
  });
});
