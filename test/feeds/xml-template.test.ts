/** Feeds are built with an escaping `xml` template: no value from storage reaches the XML unescaped. */
import { describe, expect, it } from 'vitest';
import { atomFromEntries } from '../../src/web/feeds/atom';
import { rssFromEntries } from '../../src/web/feeds/rss';
import { xml } from '../../src/web/feeds/xml';
import { readFeed } from '../helpers';

const hostile = '</published><script>x</script>&\u0001';
const feed = { title: 'T <b>', description: 'D & d', link: 'http://redline.test/', self: 'http://redline.test/feed.atom', origin: 'http://redline.test' };
const entry = {
  id: 'urn:redline:x',
  link: 'http://redline.test/a?b=1&c=2',
  title: `Headline ${hostile}`,
  published: hostile,
  html: '<del>a</del> <ins>b</ins>',
  kinds: ['spelling' as const],
  articleUrl: 'http://news.test/"q',
};

describe('the xml template', () => {
  it('escapes every value, joins arrays, drops forbidden characters and nests its own fragments as they are', () => {
    expect(xml`<a x="${'"<&'}">${['<', xml`<b/>`, null, false, 1]}</a>`.markup).toBe('<a x="&quot;&lt;&amp;">&lt;<b/>1</a>');
    expect(xml`${'a\u0001b'}`.markup).toBe('ab');
  });

  it('keeps a hostile value in every field of Atom and RSS inside its element', async () => {
    for (const text of [atomFromEntries(feed, [entry]), rssFromEntries(feed, [entry])]) {
      expect(text).not.toContain('<script>');
      const read = await readFeed(text);
      expect(read.bozo, read.error ?? '').toBe(false);
      expect(read.entries[0].title).toBe('Headline </published><script>x</script>&');
      expect(read.entries[0].summary).toBe('<del>a</del> <ins>b</ins>');
    }
  });
});
