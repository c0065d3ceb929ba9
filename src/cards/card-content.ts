/**
 * What a diff card says, decided apart from how it is drawn: the outlet, the headline (old and
 * new when it changed), when the change was seen, its kinds and counts, and the changed sentences
 * as runs of equal, deleted and inserted text, cut to what fits on a 1200x630 picture.
 * Pure: the same content gives the same card, and the alt text says the same in words.
 */
import { contextSnippets, ELLIPSIS } from '../diff/snippets';
import type { Diff, DiffChange } from '../model/diff';
import type { ArticleRecord, ChangeKind } from '../store';

export type CardRun = DiffChange;

export interface CardContent {
  outlet: string;
  headline: string;
  headlineChange: { old: string; new: string } | null;
  /** The byline before and after, when it changed. */
  bylineChange: { old: string; new: string } | null;
  /** When version `to` was first seen (ISO), or null. */
  seenAt: string | null;
  from: number;
  to: number;
  kinds: ChangeKind[];
  stats: { added: number; removed: number };
  /** The changed sentences, in reading order, within CARD_TEXT_BUDGET characters. */
  snippets: CardRun[][];
  /** Changed passages left off the card. */
  more: number;
  /** Said in place of the body text when there is none to show (the textless card). */
  notice?: string;
}

/** Characters of body text a card shows: about six lines at the card's type size. */
export const CARD_TEXT_BUDGET = 300;
const HEADLINE_BUDGET = 120;
/** Words of context contextSnippets gives before the sentence boundary is looked for. */
const CONTEXT_WORDS = 14;

const SENTENCE_END = /[.!?。！？؟](?:["'”’»)\]]*)(?=\s|$)/g;

/** Leading context from the start of the sentence the edit is in. */
function sentenceStart(text: string): string {
  let cut = -1;
  for (const match of text.matchAll(SENTENCE_END)) cut = match.index + match[0].length;
  if (cut >= 0 && cut < text.length) return text.slice(cut).trimStart();
  return text;
}

/** Trailing context up to the end of the sentence the edit is in. */
function sentenceEnd(text: string): string {
  const match = new RegExp(SENTENCE_END.source).exec(text);
  return match ? text.slice(0, match.index + match[0].length) : text;
}

/** `text` cut at a word boundary to at most `room` characters, with an ellipsis. */
function cutText(text: string, room: number): string {
  if (text.length <= room) return text;
  const slice = text.slice(0, Math.max(0, room));
  const space = slice.lastIndexOf(' ');
  return `${(space > room / 2 ? slice.slice(0, space) : slice).trimEnd()} ${ELLIPSIS}`;
}

export function cardSnippets(diff: Diff, budget = CARD_TEXT_BUDGET): { snippets: CardRun[][]; more: number } {
  const all = contextSnippets(diff, CONTEXT_WORDS).map((snippet) =>
    snippet.map((run, k) => {
      const text = run.text.replace(/\s+/g, ' ');
      if (run.op !== 'equal') return { op: run.op, text };
      if (k === 0) return { op: run.op, text: sentenceStart(text) };
      if (k === snippet.length - 1) return { op: run.op, text: sentenceEnd(text) };
      return { op: run.op, text };
    }),
  );
  const snippets: CardRun[][] = [];
  let room = budget;
  for (const snippet of all) {
    if (room < 40 && snippets.length) break;
    const kept: CardRun[] = [];
    for (const run of snippet) {
      if (room <= 0) break;
      const text = cutText(run.text, room);
      room -= text.length;
      if (text.trim()) kept.push({ op: run.op, text });
    }
    if (kept.some((run) => run.op !== 'equal')) snippets.push(kept);
  }
  return { snippets, more: all.length - snippets.length };
}

export interface CardInput {
  article: ArticleRecord;
  from: number;
  to: number;
  diff: Diff;
  kinds: ChangeKind[];
}

export function cardContent({ article, from, to, diff, kinds }: CardInput): CardContent {
  const version = article.versions[to - 1];
  const headline = version?.title || article.title || article.url;
  const { snippets, more } = cardSnippets(diff);
  return {
    outlet: article.site,
    headline: cutText(headline, HEADLINE_BUDGET),
    headlineChange: diff.title ? { old: cutText(diff.title.old, HEADLINE_BUDGET / 2), new: cutText(diff.title.new, HEADLINE_BUDGET / 2) } : null,
    bylineChange: diff.byline ? { old: cutText(diff.byline.old ?? '', 60), new: cutText(diff.byline.new ?? '', 60) } : null,
    seenAt: version?.fetchedAt ?? null,
    from,
    to,
    kinds,
    stats: { added: diff.stats.added, removed: diff.stats.removed },
    snippets,
    more,
  };
}

/**
 * The card drawn when the real one cannot be: no headline, byline or body text (the words the
 * renderer failed on are among them), only what Redline itself writes in Latin letters (the
 * outlet's host name is ASCII, punycode for IDNs), so only the always-loaded fonts are used.
 */
export function textlessContent(content: CardContent): CardContent {
  return {
    ...content,
    headline: '',
    headlineChange: null,
    bylineChange: null,
    snippets: [],
    more: 0,
    notice: 'The words of this change could not be drawn here: the diff page shows them.',
  };
}

const quote = (text: string) => `“${text.trim()}”`;

/** The card in words, for alt text: who, what, and each deletion and insertion. */
export function cardAltText(content: CardContent): string {
  const parts = [`Redline diff card: ${content.outlet}, “${content.headline}”, version ${content.from} to ${content.to}`];
  if (content.kinds.length) parts.push(`kinds: ${content.kinds.join(', ')}`);
  if (content.headlineChange) parts.push(`headline changed from ${quote(content.headlineChange.old)} to ${quote(content.headlineChange.new)}`);
  if (content.bylineChange) parts.push(`byline changed from ${quote(content.bylineChange.old || 'none')} to ${quote(content.bylineChange.new || 'none')}`);
  for (const snippet of content.snippets) {
    const deleted = snippet.filter((run) => run.op === 'delete').map((run) => quote(run.text));
    const inserted = snippet.filter((run) => run.op === 'insert').map((run) => quote(run.text));
    const edit = [deleted.length ? `deleted ${deleted.join(', ')}` : '', inserted.length ? `inserted ${inserted.join(', ')}` : '']
      .filter(Boolean)
      .join(' and ');
    if (edit) parts.push(edit);
  }
  // A headline- or byline-only change was said above: no "0 words added, 0 removed" after it.
  const wordsChanged = content.stats.added > 0 || content.stats.removed > 0;
  if (wordsChanged || (!content.headlineChange && !content.bylineChange)) {
    parts.push(`${content.stats.added} word${content.stats.added === 1 ? '' : 's'} added, ${content.stats.removed} removed`);
  }
  const text = `${parts.join('; ')}.`;
  // Mastodon and Bluesky both take alt text of 1,000+ characters; keep it readable aloud.
  return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
}
