/** Atom 1.0 (RFC 4287): the same entries as the RSS feed, kinds as categories, content as HTML. */
import type { FeedEntry, FeedInfo } from './entry';
import { xmlEscape } from './xml';

export function atomFromEntries(feed: FeedInfo, entries: FeedEntry[]): string {
  const updated = entries[0]?.published ?? new Date(0).toISOString();
  const items = entries.map(
    (entry) => `<entry>
<id>${xmlEscape(entry.id)}</id>
<title type="text">${xmlEscape(entry.title)}</title>
<link rel="alternate" type="text/html" href="${xmlEscape(entry.link)}"/>
${entry.articleUrl ? `<link rel="related" type="text/html" href="${xmlEscape(entry.articleUrl)}"/>\n` : ''}<published>${entry.published}</published>
<updated>${entry.published}</updated>
${entry.kinds.map((kind) => `<category term="${xmlEscape(kind)}" scheme="urn:redline:kind"/>\n`).join('')}<content type="html">${xmlEscape(entry.html)}</content>
</entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${xmlEscape(feed.self)}</id>
<title type="text">${xmlEscape(feed.title)}</title>
<subtitle type="text">${xmlEscape(feed.description)}</subtitle>
<updated>${updated}</updated>
<link rel="self" type="application/atom+xml" href="${xmlEscape(feed.self)}"/>
<link rel="alternate" type="text/html" href="${xmlEscape(feed.link)}"/>
<author><name>Redline</name></author>
<generator>Redline</generator>
${items.join('\n')}
</feed>
`;
}
