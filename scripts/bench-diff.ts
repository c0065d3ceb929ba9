/**
 * Diff speed: Redline's diffVersions beside whole-text jsdiff diffWords on generated articles
 * (seeded, so every run compares the same texts). One line per case, median of several runs.
 * Run directly with `npx tsx scripts/bench-diff.ts`; stays under about a minute.
 */
import { diffWords } from 'diff';
import { pathToFileURL } from 'node:url';
import { diffVersions } from '../src/diff';

type Rng = () => number;

/** mulberry32: a small seeded PRNG. */
function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'etaoinshrdlcumwfgypbvkjxqz';

function word(random: Rng): string {
  // English-like lengths: mostly 2-7 letters, sometimes long, sometimes with punctuation.
  const length = 1 + (Math.floor(-Math.log(1 - random()) * 4) % 12);
  let w = '';
  for (let k = 0; k < length; k++) w += LETTERS[Math.floor(random() ** 1.8 * LETTERS.length)];
  const r = random();
  return r < 0.06 ? `${w},` : r < 0.1 ? `${w}.` : r < 0.12 ? `${w[0].toUpperCase()}${w.slice(1)}` : w;
}

/** An article of `words` words in paragraphs of 40-120 words. */
function article(words: number, random: Rng): string[][] {
  const paragraphs: string[][] = [];
  let left = words;
  while (left > 0) {
    const size = Math.min(left, 40 + Math.floor(random() * 81));
    paragraphs.push(Array.from({ length: size }, () => word(random)));
    left -= size;
  }
  return paragraphs;
}

const textOf = (paragraphs: string[][]) => paragraphs.map((p) => p.join(' ')).join('\n\n');

/** A copy with each word replaced with probability `share`. */
function edited(paragraphs: string[][], share: number, random: Rng): string[][] {
  return paragraphs.map((p) => p.map((w) => (random() < share ? word(random) : w)));
}

/** A copy with exactly one word changed, about two thirds of the way in. */
function oneEdit(paragraphs: string[][]): string[][] {
  const copy = paragraphs.map((p) => [...p]);
  const p = copy[Math.floor((copy.length * 2) / 3)];
  p[Math.floor(p.length / 2)] = 'Ryabkov';
  return copy;
}

/** A few local edits: a word here, a sentence there, a paragraph added and one removed. */
function localEdits(paragraphs: string[][], random: Rng): string[][] {
  const copy = paragraphs.map((p) => [...p]);
  for (let k = 0; k < 5; k++) copy[Math.floor(random() * copy.length)][3] = 'corrected';
  copy[10].splice(5, 12, 'a', 'new', 'sentence', 'replaced', 'the', 'old', 'one.');
  copy.splice(20, 1);
  copy.splice(40, 0, ['Correction:', 'an', 'earlier', 'version', 'misspelled', 'a', 'name.']);
  return copy;
}

function median(runs: number, fn: () => unknown): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

const ms = (t: number) => `${(t < 10 ? t.toFixed(2) : t.toFixed(0)).padStart(7)} ms`;

interface Case {
  name: string;
  oldText: string;
  newText: string;
  /** Whole-text diffWords: run it, or why not. */
  jsdiff: 'run' | string;
}

export async function benchDiff(log: (line: string) => void): Promise<void> {
  const a3500 = article(3_500, rng(1));
  const a8000 = article(8_000, rng(2));
  const a20000 = article(20_000, rng(3));
  const cases: Case[] = [
    { name: 'one word edit, 3,500 words', oldText: textOf(a3500), newText: textOf(oneEdit(a3500)), jsdiff: 'run' },
    { name: 'identical, 8,000 words', oldText: textOf(a8000), newText: textOf(a8000), jsdiff: 'run' },
    { name: 'a third changed, 3,500 words', oldText: textOf(a3500), newText: textOf(edited(a3500, 1 / 3, rng(4))), jsdiff: 'run' },
    { name: 'a third changed, 8,000 words', oldText: textOf(a8000), newText: textOf(edited(a8000, 1 / 3, rng(5))), jsdiff: 'skipped (~74 s)' },
    { name: 'local edits, 20,000 words', oldText: textOf(a20000), newText: textOf(localEdits(a20000, rng(6))), jsdiff: 'run' },
    { name: 'a third changed, 20,000 words', oldText: textOf(a20000), newText: textOf(edited(a20000, 1 / 3, rng(7))), jsdiff: 'skipped (minutes)' },
    { name: 'full rewrite, 20,000 words', oldText: textOf(a20000), newText: textOf(article(20_000, rng(8))), jsdiff: 'skipped (minutes)' },
  ];
  log('case                               redline      jsdiff diffWords (whole text)');
  for (const c of cases) {
    const oldVersion = { title: 't', text: c.oldText };
    const newVersion = { title: 't', text: c.newText };
    diffVersions(oldVersion, newVersion); // warm-up
    const ours = median(9, () => diffVersions(oldVersion, newVersion));
    const diff = diffVersions(oldVersion, newVersion);
    const theirs = c.jsdiff === 'run' ? ms(median(3, () => diffWords(c.oldText, c.newText))) : c.jsdiff;
    const shape = `+${diff.stats.added}/-${diff.stats.removed} words`;
    log(`${c.name.padEnd(32)} ${ms(ours)}   ${theirs.padEnd(18)} ${shape}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await benchDiff((line) => console.log(line));
}
