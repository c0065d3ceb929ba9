/**
 * Kinds of change: what a reader wants to know about an edit before opening it. A diff is read
 * hunk by hunk (a run of deletions and insertions between unchanged text):
 *
 *   minor       the hunk differs only in punctuation or whitespace
 *   spelling    a few short words swapped for near-identical ones (Rybakov -> Ryabkov), but never
 *               a fact: a number, scale, weekday, month or direction swapped for another, a negation
 *               added or dropped, a word in a script without spaces, or a short name with one letter
 *               substituted (Iran -> Iraq)
 *   correction  an inserted paragraph that is a correction, clarification or editor's note (in the
 *               languages extract/notices.ts reads), or an English update note
 *   headline    the headline changed
 *   byline      the byline changed (a reporter's name added or removed)
 *   rewrite     a large share of the text was replaced
 *   addition    words added (beyond the above)
 *   removal     words removed (beyond the above)
 *
 * `classifyChange` returns every kind that applies, most telling first; [] for no change.
 * Pure: no Workers, KV or HTTP, so the check, the pages and the CLI share it.
 */
import { CHANGE_KINDS, type ChangeKind } from '../model/records';
import { isEditorialNotice } from '../extract/notices';
import { countWords } from './tokens';
import type { Diff } from '../model/diff';

/** The order kinds are listed in: the first is the one a feed title names. */
export const KIND_ORDER: readonly ChangeKind[] = ['correction', 'headline', 'byline', 'rewrite', 'removal', 'addition', 'spelling', 'minor'];

export { CHANGE_KINDS };

export function isChangeKind(value: unknown): value is ChangeKind {
  return typeof value === 'string' && (CHANGE_KINDS as readonly string[]).includes(value);
}

/** Most words a hunk may have on either side to read as a spelling fix. */
const SPELLING_MAX_WORDS = 3;
/** Share of the old text replaced (and of the new text written) from which a change is a rewrite. */
const REWRITE_SHARE = 0.4;

/**
 * An update a newsroom announces in English ("Update, 6:40 p.m.: The House speaker said …", "This
 * story has been updated to include …", "Updated on March 13 to add …"): an open note of the edit,
 * as a correction is. Not the
 * article's update line ("Updated March 12, 2025, 4:05 p.m. ET", "Last updated: …"), which says
 * when, not what: a page that gains one has no notice. Other languages' update words are left out
 * on purpose: there they are mostly that line (update-line.ts), and an update is no correction.
 */
const UPDATE_NOTE = /^[\s"“'‘(*_–—-]*updated?\b.{0,40}?(?::|\s[–—-])\s+(.*)$/isu;
const CHANGED_NOTE =
  /^[\s"“'‘(*_–—-]*(?:this (?:article|story|post|report) (?:has been|was) (?:updated|corrected|amended|changed)|(?:updated|corrected|amended) (?:\S+ ){0,4}?to (?:include|add|reflect|correct|clarify|remove|note|show)\b)/iu;
/** Words of a sentence, not of a date or time ("at", "p.m." and month names do not count). */
const SENTENCE_WORDS = 3;
const SENTENCE_WORD = /(?<![\p{L}.])\p{Ll}{2,}(?![\p{L}.])/gu;
const TIME_WORDS = new Set(['at', 'on', 'am', 'pm', 'et', 'gmt', 'utc', 'bst', 'est', 'edt', 'pst', 'pdt']);

function isUpdateNote(paragraph: string): boolean {
  if (CHANGED_NOTE.test(paragraph)) return true;
  const note = UPDATE_NOTE.exec(paragraph);
  if (!note) return false;
  const words = (note[1].match(SENTENCE_WORD) ?? []).filter((word) => !TIME_WORDS.has(word));
  return words.length >= SENTENCE_WORDS;
}

/**
 * A paragraph that notes an edit openly: a correction, clarification or editor's note in any of the
 * languages `isEditorialNotice` reads, or an English update note.
 */
export function isCorrectionNotice(paragraph: string): boolean {
  return isEditorialNotice(paragraph) || isUpdateNote(paragraph);
}

// Marks too: a Devanagari vowel sign is part of its word (गुरुवार, not गरवर).
const LETTERS_AND_DIGITS = /[^\p{L}\p{M}\p{N}]+/gu;
const bare = (text: string) => text.replace(LETTERS_AND_DIGITS, '');
const wordsOf = (text: string) => text.match(/\S+/g) ?? [];

interface Hunk {
  removed: string;
  added: string;
}

function hunksOf(diff: Diff): Hunk[] {
  const hunks: Hunk[] = [];
  let current: Hunk | null = null;
  for (const change of diff.changes) {
    if (change.op === 'equal') {
      current = null;
      continue;
    }
    if (!current) hunks.push((current = { removed: '', added: '' }));
    if (change.op === 'delete') current.removed += change.text;
    else current.added += change.text;
  }
  return hunks;
}

/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), by code point. */
export function editDistance(a: string, b: string): number {
  const s = [...a];
  const t = [...b];
  const rows = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) rows[0][j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, rows[i - 2][j - 2] + 1);
      rows[i][j] = best;
    }
  }
  return rows[s.length][t.length];
}

/**
 * Closed classes of words that carry a fact: a swap between two of them is a different fact however
 * close their spelling (million -> billion, Monday -> Sunday, June -> July, Mio -> Mrd), never a
 * spelling fix. English, German, French, Spanish, Portuguese, Italian, Hindi, Korean, Arabic and
 * Persian (weekdays; numbers and months where a reader spells them); compared in lower case.
 */
const MEANING_WORDS = new Set(
  [
    // Numbers and scales.
    'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens',
    'eins ein zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig dreißig vierzig fünfzig hundert tausend mio mrd million millionen milliarde milliarden billion billionen',
    'un deux trois quatre cinq six sept huit neuf dix onze douze vingt trente quarante cinquante cent cents mille millier milliers million millions milliard milliards',
    'uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta cien ciento mil millón millones millardo millardos billón billones',
    'dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn treize quatorze quinze seize',
    'um uma dois duas três quatro cinco seis sete oito nove dez onze doze treze catorze quatorze quinze vinte trinta cem mil milhão milhões bilhão bilhões',
    'uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici venti trenta cento mille milione milioni miliardo miliardi',
    'एक दो तीन चार पाँच पांच छह छः सात आठ नौ दस ग्यारह बारह तेरह चौदह पंद्रह सोलह सत्रह अठारह उन्नीस बीस सौ हज़ार हजार लाख करोड़',
    '하나 둘 셋 넷 다섯 여섯 일곱 여덟 아홉 열 스물 서른 백 천 만 억 조',
    'k m bn mn tn',
    // Weekdays.
    'monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun',
    'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag',
    'lundi mardi mercredi jeudi vendredi samedi dimanche',
    'lunes martes miércoles jueves viernes sábado domingo',
    'segunda terça quarta quinta sexta sábado domingo lunedì martedì mercoledì giovedì venerdì sabato domenica',
    'सोमवार मंगलवार बुधवार गुरुवार शुक्रवार शनिवार रविवार',
    'الاثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد',
    'شنبه یکشنبه دوشنبه سه‌شنبه چهارشنبه پنجشنبه پنج‌شنبه جمعه',
    // Months.
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
    'januar jänner februar märz april mai juni juli august september oktober november dezember',
    'janvier février mars avril mai juin juillet août septembre octobre novembre décembre',
    'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre',
    'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro',
    'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre',
    'जनवरी फ़रवरी फरवरी मार्च अप्रैल मई जून जुलाई अगस्त सितंबर अक्टूबर नवंबर दिसंबर',
    // Directions and sides.
    'north south east west northern southern eastern western left right',
  ]
    .join(' ')
    .split(' '),
);
/** Korean weekdays, which take their particle in the same word (목요일에 "on Thursday"). */
const KOREAN_WEEKDAYS = ['월요일', '화요일', '수요일', '목요일', '금요일', '토요일', '일요일'];

/** The word of fact a word is, or null: itself when listed, or a Korean weekday it opens with. */
function meaningOf(word: string): string | null {
  if (MEANING_WORDS.has(word)) return word;
  return KOREAN_WEEKDAYS.find((day) => word.startsWith(day)) ?? null;
}

/** Negations: adding, dropping or swapping one turns a statement around, whatever the other word. */
const NEGATIONS = new Set(
  'not no never none nor neither nothing nobody nowhere nicht nichts kein keine keinen keinem keiner keines nie niemals niemand weder ne pas jamais rien aucun aucune non nunca nada nadie ningún ninguno ninguna jamás tampoco'.split(
    ' ',
  ),
);
/** Scripts written without spaces: one character there is a word or a syllable, so a one-character change is a different word (木曜日 -> 水曜日). */
const SPACELESS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
/** Longest proper noun in which one letter substituted reads as another name (Iran -> Iraq, Mali -> Bali). */
const SHORT_NAME_LETTERS = 5;
const isCapitalised = (word: string) => /^\p{Lu}\p{Ll}+$/u.test(word);

/** Both are capitalised short names of the same length differing in exactly one letter. */
function isShortNameSwap(a: string, b: string): boolean {
  const s = [...a];
  const t = [...b];
  if (s.length !== t.length || s.length > SHORT_NAME_LETTERS || !isCapitalised(a) || !isCapitalised(b)) return false;
  return s.filter((ch, k) => ch !== t[k]).length === 1;
}

/** A misspelt word and its fix: letters only, close in spelling, no number, no fact and no name changed. */
function isSpellingPair(oldWord: string, newWord: string): boolean {
  const a = bare(oldWord);
  const b = bare(newWord);
  if (!a || !b || a === b) return a === b && a !== '';
  if (/\p{N}/u.test(a) || /\p{N}/u.test(b)) return false;
  if (SPACELESS.test(a) || SPACELESS.test(b)) return false;
  const lowerA = a.toLowerCase();
  const lowerB = b.toLowerCase();
  if (lowerA !== lowerB && (NEGATIONS.has(lowerA) || NEGATIONS.has(lowerB))) return false;
  if (meaningOf(lowerA) && meaningOf(lowerB) && meaningOf(lowerA) !== meaningOf(lowerB)) return false;
  if (isShortNameSwap(a, b)) return false;
  const longest = Math.max([...a].length, [...b].length);
  if (longest < 3) return false;
  const distance = editDistance(lowerA, lowerB);
  return distance <= 2 && distance <= Math.ceil(longest * 0.34);
}

function isSpellingHunk(hunk: Hunk): boolean {
  const oldWords = wordsOf(hunk.removed);
  const newWords = wordsOf(hunk.added);
  if (oldWords.length === 0 || oldWords.length !== newWords.length || oldWords.length > SPELLING_MAX_WORDS) return false;
  return oldWords.every((word, k) => isSpellingPair(word, newWords[k]));
}

export function classifyChange(diff: Diff): ChangeKind[] {
  if (!diff.changed) return [];
  const kinds = new Set<ChangeKind>();
  if (diff.title) kinds.add('headline');
  if (diff.byline) kinds.add('byline');

  let oldWords = 0;
  let newWords = 0;
  for (const change of diff.changes) {
    const words = countWords(change.text);
    if (change.op !== 'insert') oldWords += words;
    if (change.op !== 'delete') newWords += words;
  }

  let added = 0;
  let removed = 0;
  for (const hunk of hunksOf(diff)) {
    if (bare(hunk.removed) === bare(hunk.added)) {
      kinds.add('minor');
      continue;
    }
    if (isSpellingHunk(hunk)) {
      kinds.add('spelling');
      continue;
    }
    for (const paragraph of hunk.added.split(/\n\n+/)) {
      if (isCorrectionNotice(paragraph)) kinds.add('correction');
      else added += countWords(paragraph);
    }
    removed += countWords(hunk.removed);
  }

  if (removed >= REWRITE_SHARE * Math.max(1, oldWords) && added >= REWRITE_SHARE * Math.max(1, newWords) && removed > 0 && added > 0) kinds.add('rewrite');
  else {
    if (added > 0) kinds.add('addition');
    if (removed > 0) kinds.add('removal');
  }
  // Punctuation beside a real edit is not worth naming.
  if (kinds.size > 1) kinds.delete('minor');
  if (kinds.size === 0) kinds.add('minor');

  // Of addition and removal, the larger reads first (removal on a tie).
  const order = added > removed ? KIND_ORDER.map((k) => (k === 'removal' ? 'addition' : k === 'addition' ? 'removal' : k)) : KIND_ORDER;
  return order.filter((kind) => kinds.has(kind));
}
