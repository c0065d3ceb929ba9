/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the same entries, kinds as tags. */
import type { FeedEntry, FeedInfo } from './entry';

export function jsonFeedFromEntries(feed: FeedInfo, entries: FeedEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.link,
    feed_url: feed.self,
    description: feed.description,
    language: 'en',
    authors: [{ name: 'Redline' }],
    items: entries.map((entry) => ({
      id: entry.id,
      url: entry.link,
      external_url: entry.articleUrl ?? undefined,
      title: entry.title,
      content_html: entry.html,
      date_published: entry.published,
      tags: entry.kinds,
    })),
  });
}
