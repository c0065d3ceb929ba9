/**
 * Right-to-left text for the card renderer. satori lays every run of text out left to right and
 * its font parser cannot shape Noto Sans Arabic (it throws on the font's required ligatures), so
 * Arabic words are shaped here: each letter is replaced by its contextual presentation form
 * (isolated, final, initial, medial; lam-alef ligatures) and the word is put in visual order.
 * The card then lays an RTL paragraph's words out from the right (flex row-reverse).
 *
 * Covers Arabic and Persian letters; Hebrew needs no shaping and is only reordered (no Hebrew
 * font is bundled, see docs/cards-posting.md). Pure: no Workers APIs.
 */

/** [isolated, final, initial, medial]; letters that join only to the right have two forms. */
const FORMS = new Map<number, readonly number[]>([
  [0x0621, [0xfe80]],
  [0x0622, [0xfe81, 0xfe82]],
  [0x0623, [0xfe83, 0xfe84]],
  [0x0624, [0xfe85, 0xfe86]],
  [0x0625, [0xfe87, 0xfe88]],
  [0x0626, [0xfe89, 0xfe8a, 0xfe8b, 0xfe8c]],
  [0x0627, [0xfe8d, 0xfe8e]],
  [0x0628, [0xfe8f, 0xfe90, 0xfe91, 0xfe92]],
  [0x0629, [0xfe93, 0xfe94]],
  [0x062a, [0xfe95, 0xfe96, 0xfe97, 0xfe98]],
  [0x062b, [0xfe99, 0xfe9a, 0xfe9b, 0xfe9c]],
  [0x062c, [0xfe9d, 0xfe9e, 0xfe9f, 0xfea0]],
  [0x062d, [0xfea1, 0xfea2, 0xfea3, 0xfea4]],
  [0x062e, [0xfea5, 0xfea6, 0xfea7, 0xfea8]],
  [0x062f, [0xfea9, 0xfeaa]],
  [0x0630, [0xfeab, 0xfeac]],
  [0x0631, [0xfead, 0xfeae]],
  [0x0632, [0xfeaf, 0xfeb0]],
  [0x0633, [0xfeb1, 0xfeb2, 0xfeb3, 0xfeb4]],
  [0x0634, [0xfeb5, 0xfeb6, 0xfeb7, 0xfeb8]],
  [0x0635, [0xfeb9, 0xfeba, 0xfebb, 0xfebc]],
  [0x0636, [0xfebd, 0xfebe, 0xfebf, 0xfec0]],
  [0x0637, [0xfec1, 0xfec2, 0xfec3, 0xfec4]],
  [0x0638, [0xfec5, 0xfec6, 0xfec7, 0xfec8]],
  [0x0639, [0xfec9, 0xfeca, 0xfecb, 0xfecc]],
  [0x063a, [0xfecd, 0xfece, 0xfecf, 0xfed0]],
  [0x0641, [0xfed1, 0xfed2, 0xfed3, 0xfed4]],
  [0x0642, [0xfed5, 0xfed6, 0xfed7, 0xfed8]],
  [0x0643, [0xfed9, 0xfeda, 0xfedb, 0xfedc]],
  [0x0644, [0xfedd, 0xfede, 0xfedf, 0xfee0]],
  [0x0645, [0xfee1, 0xfee2, 0xfee3, 0xfee4]],
  [0x0646, [0xfee5, 0xfee6, 0xfee7, 0xfee8]],
  [0x0647, [0xfee9, 0xfeea, 0xfeeb, 0xfeec]],
  [0x0648, [0xfeed, 0xfeee]],
  [0x0649, [0xfeef, 0xfef0]],
  [0x064a, [0xfef1, 0xfef2, 0xfef3, 0xfef4]],
  [0x067e, [0xfb56, 0xfb57, 0xfb58, 0xfb59]],
  [0x0686, [0xfb7a, 0xfb7b, 0xfb7c, 0xfb7d]],
  [0x0698, [0xfb8a, 0xfb8b]],
  [0x06a9, [0xfb8e, 0xfb8f, 0xfb90, 0xfb91]],
  [0x06af, [0xfb92, 0xfb93, 0xfb94, 0xfb95]],
  [0x06cc, [0xfbfc, 0xfbfd, 0xfbfe, 0xfbff]],
]);

/** Lam followed by one of these alefs is one ligature: [isolated, final]. */
const LAM_ALEF = new Map<number, readonly [number, number]>([
  [0x0622, [0xfef5, 0xfef6]],
  [0x0623, [0xfef7, 0xfef8]],
  [0x0625, [0xfef9, 0xfefa]],
  [0x0627, [0xfefb, 0xfefc]],
]);

const LAM = 0x0644;
const TATWEEL = 0x0640;

/** Harakat and other marks: they sit on a letter and do not break its joining. */
const isMark = (cp: number) => (cp >= 0x064b && cp <= 0x065f) || cp === 0x0670 || (cp >= 0x06d6 && cp <= 0x06ed);
const joinsBothSides = (cp: number) => cp === TATWEEL || (FORMS.get(cp)?.length ?? 0) === 4;
const joinsRight = (cp: number) => cp === TATWEEL || (FORMS.get(cp)?.length ?? 0) >= 2;

const RTL_CHAR = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/;
const STRONG_CHAR = /[\p{L}]/u;

export const isRtlChar = (ch: string) => RTL_CHAR.test(ch);

/** The direction of a paragraph: that of its first strong (letter) character. */
export function paragraphDirection(text: string): 'ltr' | 'rtl' {
  for (const ch of text) if (STRONG_CHAR.test(ch)) return isRtlChar(ch) ? 'rtl' : 'ltr';
  return 'ltr';
}

/** Replaces Arabic letters with their contextual presentation forms (logical order kept). */
export function shapeArabic(text: string): string {
  const cps = [...text].map((ch) => ch.codePointAt(0) ?? 0);
  const out: number[] = [];
  const neighbour = (from: number, step: 1 | -1): number | null => {
    for (let k = from + step; k >= 0 && k < cps.length; k += step) if (!isMark(cps[k])) return cps[k];
    return null;
  };
  for (let k = 0; k < cps.length; k++) {
    const cp = cps[k];
    const forms = FORMS.get(cp);
    if (!forms) {
      out.push(cp);
      continue;
    }
    const before = neighbour(k, -1);
    const joinedBefore = before !== null && joinsBothSides(before);
    if (cp === LAM) {
      // lam + alef: one ligature, which joins only to the letter before it.
      let next = k + 1;
      while (next < cps.length && isMark(cps[next])) next++;
      const ligature = LAM_ALEF.get(cps[next]);
      if (ligature) {
        out.push(joinedBefore ? ligature[1] : ligature[0]);
        for (let m = k + 1; m < next; m++) out.push(cps[m]);
        k = next;
        continue;
      }
    }
    const after = neighbour(k, 1);
    const joinsAfter = forms.length === 4 && after !== null && joinsRight(after);
    const form = joinedBefore && joinsAfter ? 3 : joinedBefore ? 1 : joinsAfter ? 2 : 0;
    out.push(forms[Math.min(form, forms.length - 1)] ?? forms[0]);
  }
  return String.fromCodePoint(...out);
}

/**
 * One word (no spaces) as it is drawn left to right: right-to-left runs reversed and the runs in
 * reverse order, digits and Latin letters inside it kept as they read. A word with no RTL
 * character is returned unchanged.
 */
export function visualWord(word: string): string {
  if (!RTL_CHAR.test(word)) return word;
  const runs: { rtl: boolean; chars: string[] }[] = [];
  for (const ch of shapeArabic(word)) {
    const rtl = RTL_CHAR.test(ch) || (isMark(ch.codePointAt(0) ?? 0) && runs.at(-1)?.rtl === true);
    const last = runs.at(-1);
    if (last && (last.rtl === rtl || !/[\p{L}\p{N}]/u.test(ch))) last.chars.push(ch);
    else runs.push({ rtl, chars: [ch] });
  }
  return runs
    .reverse()
    .map((run) => (run.rtl ? run.chars.reverse().join('') : run.chars.join('')))
    .join('');
}
