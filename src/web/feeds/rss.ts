/**
 * RSS 2.0: one item per change, a guid that no other change will ever have (article id, version
 * pair and the new version's hash), a link to the diff page, and the changed words as HTML.
 */
import type { ChangeRecord } from '../../store';
import { describeStats, renderSnippets } from '../render-diff';
import { xmlEscape } from './xml';

export interface FeedInfo {
  title: string;
  description: string;
  /** Absolute URL of the page the feed belongs to. */
  link: string;
  /** Absolute URL of the feed itself. */
  self: string;
  origin: string;
}

export function changeGuid(change: ChangeRecord): string {
  return `urn:redline:${change.id}:${change.from}-${change.to}:${change.hash.slice(0, 12)}`;
}

export async function rssFeed(feed: FeedInfo, changes: ChangeRecord[]): Promise<string> {
  const items = await Promise.all(
    changes.map(async (change) => {
      const link = `${feed.origin}/articles/${change.id}/diff/${change.from}/${change.to}`;
      const body = String(await renderSnippets(change.diff));
      return `<item>
<title>${xmlEscape(`${change.title} — ${describeStats(change.diff)}`)}</title>
<link>${xmlEscape(link)}</link>
<guid isPermaLink="false">${xmlEscape(changeGuid(change))}</guid>
<pubDate>${new Date(change.at).toUTCString()}</pubDate>
<description>${xmlEscape(body)}</description>
</item>`;
    }),
  );
  const updated = changes[0]?.at ?? new Date(0).toISOString();
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
