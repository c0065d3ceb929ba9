/**
 * The JSON a webhook receives for one change, shaped for where it goes: Slack's incoming webhooks
 * read `text` (mrkdwn), Discord's read `content` (markdown); any other URL gets both plus the
 * change itself. Text from the article is escaped for each, and Discord is told to ping no one.
 */
import { contextSnippets } from '../diff';
import type { ChangeKind, ChangeRecord } from '../store';
import { changeGuid } from '../changes/links';
import { describeChange } from '../changes/describe';

export type WebhookFormat = 'slack' | 'discord' | 'generic';

export function formatFor(url: string): WebhookFormat {
  const { hostname, pathname } = new URL(url);
  if (hostname === 'hooks.slack.com') return 'slack';
  if (/(^|\.)discord(app)?\.com$/.test(hostname) && pathname.startsWith('/api/webhooks/')) return 'discord';
  return 'generic';
}

const slackEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const discordEscape = (text: string) => text.replace(/([\\*_~`|>[\]])/g, '\\$1');

interface Style {
  escape: (text: string) => string;
  del: (text: string) => string;
  ins: (text: string) => string;
  link: (url: string, label: string) => string;
}

const SLACK: Style = { escape: slackEscape, del: (t) => `~${t}~`, ins: (t) => `*${t}*`, link: (url, label) => `<${url}|${label}>` };
const DISCORD: Style = { escape: discordEscape, del: (t) => `~~${t}~~`, ins: (t) => `**${t}**`, link: (url, label) => `[${label}](<${url}>)` };

/** At most three snippets of the changed words, a few words of context each. */
function snippetLines(change: ChangeRecord, style: Style): string[] {
  const lines = contextSnippets(change.diff, 5)
    .slice(0, 3)
    .map((snippet) =>
      snippet
        .map((part, k) => {
          const text = part.text.replace(/\s+/g, ' ');
          if (part.op === 'equal') return style.escape(text);
          const core = text.trim();
          if (!core) return text;
          const marked = part.op === 'delete' ? style.del(style.escape(core)) : style.ins(style.escape(core));
          const gap = text.endsWith(' ') || (part.op === 'delete' && snippet[k + 1]?.op === 'insert') ? ' ' : '';
          return `${text.startsWith(' ') ? ' ' : ''}${marked}${gap}`;
        })
        .join('')
        .trim(),
    );
  const byline = change.diff.byline;
  if (byline)
    lines.unshift(
      `Byline: ${[byline.old ? style.del(style.escape(byline.old)) : '', byline.new ? style.ins(style.escape(byline.new)) : ''].filter(Boolean).join(' → ')}`,
    );
  if (change.diff.title) lines.unshift(`Headline: ${style.del(style.escape(change.diff.title.old))} → ${style.ins(style.escape(change.diff.title.new))}`);
  return lines.map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line));
}

function textFor(change: ChangeRecord, kinds: ChangeKind[], links: ChangeLinks, style: Style, max: number): string {
  const what = describeChange(change, kinds, Boolean(change.diff?.title), Boolean(change.diff?.byline));
  const headline = style.escape(change.title || change.url);
  const title = links.diff ? style.link(links.diff, headline) : headline;
  const lines = [`Redline: ${title} — ${style.escape(what)}`, ...snippetLines(change, style), `Article: ${change.url}`];
  let text = '';
  for (const line of lines) {
    if (text.length + line.length + 1 > max) break;
    text += (text ? '\n' : '') + line;
  }
  return text;
}

export interface ChangeLinks {
  diff: string | null;
  history: string | null;
}

export function webhookMessage(format: WebhookFormat, change: ChangeRecord, kinds: ChangeKind[], links: ChangeLinks): Record<string, unknown> {
  if (format === 'slack') return { text: textFor(change, kinds, links, SLACK, 3000), unfurl_links: false };
  if (format === 'discord') return { content: textFor(change, kinds, links, DISCORD, 2000), username: 'Redline', allowed_mentions: { parse: [] } };
  const { diff: _diff, ...summary } = change;
  return {
    // The change's feed guid: the same on every delivery of it, so a receiver can drop repeats
    // (a delivery is retried, and may arrive twice when an answer is lost).
    id: changeGuid(change),
    text: textFor(change, kinds, links, SLACK, 3000),
    content: textFor(change, kinds, links, DISCORD, 2000),
    allowed_mentions: { parse: [] },
    change: { ...summary, kinds, links },
  };
}
