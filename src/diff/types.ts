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
  /** False exactly when both texts and both titles are the same. */
  changed: boolean;
  title: { old: string; new: string } | null;
  stats: DiffStats;
  changes: DiffChange[];
}

/** The side of a comparison: one version's headline and body text. */
export interface TextVersion {
  title: string;
  text: string;
}
