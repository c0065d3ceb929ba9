/** Atom 1.0 (RFC 4287): the same entries as the RSS feed, kinds as categories, content as HTML. */
import type { FeedEntry, FeedInfo } from './entry';
import { xml } from './xml';

const entryXml = (entry: FeedEntry) => xml`<entry>
<id>${entry.id}</id>
<title type="text">${entry.title}</title>
<link rel="alternate" type="text/html" href="${entry.link}"/>
${entry.articleUrl ? xml`<link rel="related" type="text/html" href="${entry.articleUrl}"/>\n` : null}<published>${entry.published}</published>
<updated>${entry.published}</updated>
${entry.kinds.map((kind) => xml`<category term="${kind}" scheme="urn:redline:kind"/>\n`)}<content type="html">${entry.html}</content>
</entry>
`;

export function atomFromEntries(feed: FeedInfo, entries: FeedEntry[]): string {
  const updated = entries[0]?.published ?? new Date(0).toISOString();
  return xml`<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${feed.self}</id>
<title type="text">${feed.title}</title>
<subtitle type="text">${feed.description}</subtitle>
<updated>${updated}</updated>
<link rel="self" type="application/atom+xml" href="${feed.self}"/>
<link rel="alternate" type="text/html" href="${feed.link}"/>
<author><name>Redline</name></author>
<generator>Redline</generator>
${entries.map(entryXml)}</feed>
`.markup;
}
