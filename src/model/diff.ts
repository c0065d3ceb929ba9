/** The contract's Diff: joining equal+delete texts rebuilds the old body, equal+insert the new. */
export type DiffOp = 'equal' | 'insert' | 'delete';

export interface DiffChange {
  op: DiffOp;
  text: string;
}

export interface DiffStats {
  /** Words inserted. */
  added: number;
  /** Words deleted. */
  removed: number;
}

export interface Diff {
  /**
   * False when both versions say the same words: the same texts, titles and bylines, or texts that
   * differ only in whitespace, paragraph breaks or joiners (a re-flow; `changes` still shows it).
   */
  changed: boolean;
  title: { old: string; new: string } | null;
  /** The byline before and after, when it changed (null: the same, or not known for the old version). */
  byline?: { old: string | null; new: string | null } | null;
  stats: DiffStats;
  changes: DiffChange[];
}

/** The side of a comparison: one version's headline and body text. */
export interface TextVersion {
  title: string;
  text: string;
  /** The byline; undefined when not known (a version stored before bylines were compared). */
  byline?: string | null;
}
