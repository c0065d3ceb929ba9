/** RSS 2.0: one item per change, its guid, link, title, kinds as categories and the changed words as HTML. */
import type { ChangeCard } from '../../store/change-card';
import { feedEntry, type FeedEntry, type FeedInfo } from './entry';
import { xmlEscape } from './xml';

export { changeGuid } from '../../changes/links';
export type { FeedInfo } from './entry';

export function rssFromEntries(feed: FeedInfo, entries: FeedEntry[]): string {
  const items = entries.map(
    (entry) => `<item>
<title>${xmlEscape(entry.title)}</title>
<link>${xmlEscape(entry.link)}</link>
<guid isPermaLink="false">${xmlEscape(entry.id)}</guid>
<pubDate>${new Date(entry.published).toUTCString()}</pubDate>
${entry.kinds.map((kind) => `<category domain="urn:redline:kind">${xmlEscape(kind)}</category>\n`).join('')}<description>${xmlEscape(entry.html)}</description>
</item>`,
  );
  const updated = entries[0]?.published ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${xmlEscape(feed.title)}</title>
<link>${xmlEscape(feed.link)}</link>
<description>${xmlEscape(feed.description)}</description>
<atom:link href="${xmlEscape(feed.self)}" rel="self" type="application/rss+xml"/>
<lastBuildDate>${new Date(updated).toUTCString()}</lastBuildDate>
<generator>Redline</generator>
${items.join('\n')}
</channel>
</rss>
`;
}

export async function rssFeed(feed: FeedInfo, changes: ChangeCard[]): Promise<string> {
  return rssFromEntries(feed, await Promise.all(changes.map((change) => feedEntry(feed.origin, change))));
}
