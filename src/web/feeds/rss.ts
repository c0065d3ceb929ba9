/** RSS 2.0: one item per change, its guid, link, title, kinds as categories and the changed words as HTML. */
import type { FeedEntry, FeedInfo } from './entry';
import { xml } from './xml';

export { changeGuid } from '../../changes/links';
export type { FeedInfo } from './entry';

const item = (entry: FeedEntry) => xml`<item>
<title>${entry.title}</title>
<link>${entry.link}</link>
<guid isPermaLink="false">${entry.id}</guid>
<pubDate>${new Date(entry.published).toUTCString()}</pubDate>
${entry.kinds.map((kind) => xml`<category domain="urn:redline:kind">${kind}</category>\n`)}<description>${entry.html}</description>
</item>
`;

export function rssFromEntries(feed: FeedInfo, entries: FeedEntry[]): string {
  const updated = entries[0]?.published ?? new Date(0).toISOString();
  return xml`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${feed.title}</title>
<link>${feed.link}</link>
<description>${feed.description}</description>
<atom:link href="${feed.self}" rel="self" type="application/rss+xml"/>
<lastBuildDate>${new Date(updated).toUTCString()}</lastBuildDate>
<generator>Redline</generator>
${entries.map(item)}</channel>
</rss>
`.markup;
}
