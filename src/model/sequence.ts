/**
 * The sequence of a change within its article: the new version's number in 6 digits ("000002"),
 * with a suffix for an event that makes no version ("000002-removed-<ms>"). It names the change
 * in keys, feed ids and permalinks, and sorts in the order the changes happened.
 */
const pad6 = (n: number) => String(n).padStart(6, '0');

export const versionSeq = (n: number) => pad6(n);

export const eventSeq = (n: number, event: string, atMs: number) => `${pad6(n)}-${event}-${atMs}`;
