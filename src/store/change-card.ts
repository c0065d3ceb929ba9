/**
 * A change card: everything a list, a feed item or a history entry shows of one change, built
 * once when the change is written, so a read never loads the change's diff. It is the change's
 * summary with its kinds filled in, its headline change, and the changed words with a little
 * context (the feed snippets), capped so one card stays small whatever the diff.
 */
import { contextSnippets } from '../diff';
import { classifyChange, isChangeKind } from '../diff/kind';
import type { DiffChange } from '../model/diff';
import type { ChangeKind, ChangeRecord, ChangeSummary } from '../model/records';

export interface ChangeCard extends ChangeSummary {
  kinds: ChangeKind[];
  /** The headline before and after, when it changed. */
  titleDiff: { old: string; new: string } | null;
  /** The byline before and after, when it changed (absent on cards stored before bylines were compared). */
  bylineDiff?: { old: string | null; new: string | null } | null;
  /** The feed snippets: each cluster of edits with a few words of context. */
  snippets: DiffChange[][];
  /** True when snippets were left out to keep the card small (the diff page has them all). */
  snippetsCut: boolean;
}

/** Text characters of snippets one card keeps. */
const MAX_SNIPPET_CHARS = 16_000;
/** Words of context either side of an edit in a snippet. */
export const SNIPPET_CONTEXT_WORDS = 8;

/** Whether a change carries a text change of its own (an edit, a revert, a restore with new text). */
export const hasTextChange = (change: Pick<ChangeSummary, 'event' | 'from' | 'to'>) => change.event !== 'removed' && change.from < change.to;

/** The kinds of a stored change, classified from its diff when it was stored without them. */
export function kindsOfChange(change: ChangeRecord): ChangeKind[] {
  if (change.kinds?.length || !hasTextChange(change)) return change.kinds ?? [];
  return classifyChange(change.diff);
}

const isCount = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n >= 0;
const isText = (s: unknown) => typeof s === 'string';

/**
 * Why a stored change cannot be shown, or null when it can. KV holds what was written by every
 * version of Redline and by imports: a page skips (and logs) a record that fails this instead of
 * answering 500.
 */
export function changeRecordProblem(change: unknown): string | null {
  if (!change || typeof change !== 'object') return 'not an object';
  const c = change as Partial<ChangeRecord>;
  if (!isText(c.id) || !isText(c.seq) || !isText(c.url) || !isText(c.site) || !isText(c.at) || !isText(c.hash)) return 'id, seq, url, site, at or hash missing';
  if (typeof c.title !== 'string') return 'title missing';
  if (!Number.isInteger(c.from) || !Number.isInteger(c.to)) return 'from or to missing';
  if (!c.stats || !isCount(c.stats.added) || !isCount(c.stats.removed)) return 'stats missing';
  if (!Number.isFinite(Date.parse(c.at!))) return 'at is not a time';
  if (c.kinds !== undefined && !(Array.isArray(c.kinds) && c.kinds.every(isChangeKind))) return 'unknown kinds';
  if (
    !c.diff ||
    typeof c.diff !== 'object' ||
    !Array.isArray(c.diff.changes) ||
    !c.diff.changes.every((d) => d && isText(d.text) && (d.op === 'equal' || d.op === 'insert' || d.op === 'delete'))
  )
    return 'diff missing';
  return null;
}

/** The card of a well-formed change record (check it with changeRecordProblem first). */
export function cardOf(change: ChangeRecord): ChangeCard {
  const { diff, ...summary } = change;
  const snippets: DiffChange[][] = [];
  let chars = 0;
  let cut = false;
  for (const snippet of hasTextChange(change) ? contextSnippets(diff, SNIPPET_CONTEXT_WORDS) : []) {
    const size = snippet.reduce((n, part) => n + part.text.length, 0);
    if (chars + size > MAX_SNIPPET_CHARS) {
      cut = true;
      break;
    }
    chars += size;
    snippets.push(snippet);
  }
  const title = diff.title && isText(diff.title.old) && isText(diff.title.new) ? { old: diff.title.old, new: diff.title.new } : null;
  const isName = (s: unknown) => s === null || isText(s);
  const byline = diff.byline && isName(diff.byline.old) && isName(diff.byline.new) ? { old: diff.byline.old, new: diff.byline.new } : null;
  return {
    ...summary,
    event: change.event ?? 'edit',
    revertOf: change.revertOf ?? null,
    kinds: kindsOfChange(change),
    titleDiff: title,
    bylineDiff: byline,
    snippets,
    snippetsCut: cut,
  };
}
