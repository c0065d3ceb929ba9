/**
 * Pairs edited paragraphs with their old selves when a run of changed paragraphs is too big for
 * one word diff: each paragraph gets a 512-bit signature of its words, and a dynamic programme
 * picks the in-order pairing with the most total similarity (Jaccard of the signatures).
 * Unpaired paragraphs read as wholly deleted or inserted.
 */

/** Pairs scoring below this are not the same paragraph rewritten. */
const MIN_SIMILARITY = 0.3;
/** Above this many cells (old x new paragraphs) we do not align. */
export const MAX_ALIGN_CELLS = 250_000;
const SIGNATURE_WORDS = 16;
/** How far (in paragraphs) from the proportional diagonal a pairing is looked for. */
const BAND = 24;
/** A signature reads at most this much of a paragraph. */
const SIGNATURE_CHARS = 20_000;

/** In-order pairs [oldIndex, newIndex] of similar paragraphs, or [] when too many to align. */
export function alignParagraphs(oldParagraphs: readonly string[], newParagraphs: readonly string[]): Array<[number, number]> {
  const rows = oldParagraphs.length;
  const cols = newParagraphs.length;
  if (rows === 0 || cols === 0 || rows * cols > MAX_ALIGN_CELLS) return [];
  const oldSigs = oldParagraphs.map(signature);
  const newSigs = newParagraphs.map(signature);
  const oldBits = oldSigs.map(bitCount);
  const newBits = newSigs.map(bitCount);
  const width = cols + 1;
  const slope = cols / rows;
  const score = new Float64Array((rows + 1) * width);
  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= cols; j++) {
      const skip = Math.max(score[(i - 1) * width + j], score[i * width + j - 1]);
      // Only pairs near the proportional diagonal are compared: a paragraph far from its old
      // place reads as removed and added anyway.
      if (Math.abs(j - i * slope) > BAND) {
        score[i * width + j] = skip;
        continue;
      }
      const both = sharedBits(oldSigs[i - 1], newSigs[j - 1]);
      const either = oldBits[i - 1] + newBits[j - 1] - both;
      const sim = oldParagraphs[i - 1] === newParagraphs[j - 1] ? 1 : either === 0 ? 0 : both / either;
      score[i * width + j] = sim >= MIN_SIMILARITY ? Math.max(skip, score[(i - 1) * width + j - 1] + sim) : skip;
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    const here = score[i * width + j];
    if (here === score[(i - 1) * width + j]) i--;
    else if (here === score[i * width + j - 1]) j--;
    else pairs.push([--i, --j]);
  }
  return pairs.reverse();
}

function signature(paragraph: string): Uint32Array {
  const bits = new Uint32Array(SIGNATURE_WORDS);
  const text = paragraph.slice(0, SIGNATURE_CHARS);
  if (ASCII.test(text)) return asciiSignature(text, bits);
  for (const word of paragraph
    .slice(0, SIGNATURE_CHARS)
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) {
    let hash = 2166136261;
    for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), 16777619);
    const bit = (hash >>> 0) % (SIGNATURE_WORDS * 32);
    bits[bit >>> 5] |= 1 << (bit & 31);
  }
  return bits;
}

const ASCII = /^[\x00-\x7f]*$/;

/** The same signature for ASCII text, without lower-casing or matching: words are runs of [a-z0-9]. */
function asciiSignature(text: string, bits: Uint32Array): Uint32Array {
  let hash = 2166136261;
  let inWord = false;
  for (let k = 0; k <= text.length; k++) {
    let c = k < text.length ? text.charCodeAt(k) : 32;
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      hash = Math.imul(hash ^ c, 16777619);
      inWord = true;
    } else if (inWord) {
      const bit = (hash >>> 0) % (SIGNATURE_WORDS * 32);
      bits[bit >>> 5] |= 1 << (bit & 31);
      hash = 2166136261;
      inWord = false;
    }
  }
  return bits;
}

function sharedBits(a: Uint32Array, b: Uint32Array): number {
  let both = 0;
  for (let k = 0; k < SIGNATURE_WORDS; k++) if (a[k] & b[k]) both += popcount(a[k] & b[k]);
  return both;
}

function bitCount(a: Uint32Array): number {
  let count = 0;
  for (let k = 0; k < SIGNATURE_WORDS; k++) count += popcount(a[k]);
  return count;
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}
