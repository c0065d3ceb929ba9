/** A change in words, for feed titles, lists, pages and webhook messages: "3 words changed, 33 added (correction, spelling)". */
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "1 word added, 3 removed": the diff's counts as pages print them. */
export function wordsAddedRemoved(stats: { added: number; removed: number }): string {
  return `${plural(stats.added, 'word')} added, ${stats.removed} removed`;
}

/** "3 words changed, 33 added": substitutions first, then what was only added or removed. */
export function describeWords(stats: { added: number; removed: number }): string {
  const changed = Math.min(stats.added, stats.removed);
  const parts: string[] = [];
  if (changed) parts.push(`${plural(changed, 'word')} changed`);
  if (stats.added > changed) parts.push(changed ? `${stats.added - changed} added` : `${plural(stats.added - changed, 'word')} added`);
  if (stats.removed > changed) parts.push(changed ? `${stats.removed - changed} removed` : `${plural(stats.removed - changed, 'word')} removed`);
  return parts.join(', ');
}

/** "headline changed", "byline changed", both, or '': what changed besides the body's words. */
export function headlineBylineChanged(titleChanged: boolean, bylineChanged: boolean): string {
  if (titleChanged && bylineChanged) return 'headline and byline changed';
  return titleChanged ? 'headline changed' : bylineChanged ? 'byline changed' : '';
}

/**
 * The counts as the diff and history pages print them: "1 word added, 3 removed (1 word changed,
 * 2 removed)", after "headline changed; " when it did; only "headline changed" (or "byline
 * changed") when no body word changed, not "0 words added, 0 removed (no words changed)".
 */
export function describeCounts(stats: { added: number; removed: number }, titleChanged: boolean, bylineChanged: boolean): string {
  const besides = headlineBylineChanged(titleChanged, bylineChanged);
  const words = describeWords(stats);
  if (!words && besides) return besides;
  const counts = `${wordsAddedRemoved(stats)} (${words || 'no words changed'})`;
  return besides ? `${besides}; ${counts}` : counts;
}

/** What a change did, for feed titles and lists: "3 words changed, 33 added (correction, spelling)". */
export function describeChange(
  change: { event?: string; from: number; to: number; revertOf?: number | null; stats: { added: number; removed: number } },
  kinds: readonly string[],
  titleChanged = false,
  bylineChanged = false,
): string {
  const words = describeWords(change.stats);
  const what = [titleChanged ? 'headline changed' : '', bylineChanged ? 'byline changed' : '', words].filter(Boolean).join('; ');
  const kindText = kinds.length ? ` (${kinds.join(', ')})` : '';
  switch (change.event) {
    case 'removed':
      return 'removed from the site';
    case 'restored':
      return change.from === change.to ? 'back on the site, unchanged' : `back on the site: ${what || 'changed'}${kindText}`;
    case 'revert':
      return `reverted to the text of version ${change.revertOf ?? '?'}${what ? `: ${what}` : ''}${kindText}`;
    default:
      return `${what || 'no visible change'}${kindText}`;
  }
}
