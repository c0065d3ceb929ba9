/**
 * Myers' O(ND) diff over integer arrays, bounded by an edit length: the same algorithm as
 * jsdiff's diffArrays (and the same minimal edit count), on typed arrays instead of one object
 * per path step. Measured on 80-word paragraphs with a third of the words changed, jsdiff takes
 * about 0.4 ms per pair, which alone would spend 100 ms on a 20,000-word article; this takes a
 * few microseconds. Memory is about D^2/2 integers for D edits.
 */

export interface Run {
  op: 'equal' | 'insert' | 'delete';
  count: number;
}

/** Frontier of round d lives at [d*d, d*d + 2d + 1): rounds 0..d-1 take exactly d*d cells. */
let shared = new Int32Array(1 << 14);
/** A trace buffer bigger than this is not kept between calls. */
const KEEP_CELLS = 1 << 20;

/** Runs turning `a` into `b`, or undefined when that needs more than `maxEditLength` edits. */
export function myersDiff(a: ArrayLike<number>, b: ArrayLike<number>, maxEditLength: number): Run[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, Math.max(0, Math.floor(maxEditLength)));
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  let trace = shared;
  for (let d = 0; d <= max; d++) {
    const base = d * d;
    if (base + 2 * d + 1 > trace.length) {
      const grown = new Int32Array(Math.max(trace.length * 2, base + 2 * d + 1));
      grown.set(trace.subarray(0, base));
      trace = grown;
      if (grown.length <= KEEP_CELLS) shared = grown;
    }
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      trace[base + k + d] = x;
      if (x >= n && y >= m) return backtrack(trace, d, n, m);
    }
  }
  return undefined;
}

/** Walks the saved frontiers back from (n, m) to (0, 0); round e's x on diagonal k is at e*e + k + e. */
function backtrack(trace: Int32Array, rounds: number, n: number, m: number): Run[] {
  const reversed: Run[] = [];
  const push = (op: Run['op'], count: number) => {
    if (count <= 0) return;
    const last = reversed[reversed.length - 1];
    if (last && last.op === op) last.count += count;
    else reversed.push({ op, count });
  };
  let x = n;
  let y = m;
  for (let d = rounds; d > 0; d--) {
    const previous = (d - 1) * (d - 1) + d - 1;
    const k = x - y;
    const down = k === -d || (k !== d && trace[previous + k - 1] < trace[previous + k + 1]);
    const previousK = down ? k + 1 : k - 1;
    const previousX = trace[previous + previousK];
    const previousY = previousX - previousK;
    const snakeStart = down ? previousX : previousX + 1;
    push('equal', x - snakeStart);
    push(down ? 'insert' : 'delete', 1);
    x = previousX;
    y = previousY;
  }
  push('equal', x);
  return reversed.reverse();
}
