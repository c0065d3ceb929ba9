/**
 * The fonts a card is drawn with, all from npm (@fontsource WOFF files: satori reads WOFF, not
 * WOFF2). Each file is a separate Data module of the Worker (wrangler.toml [[rules]]), imported
 * only when a card's text needs it: Latin and Cyrillic always; Latin Extended, Arabic, Japanese
 * (30 slices of Noto Sans JP, for text with kana) and Simplified Chinese (20 slices, about 3,760
 * of the most used Han characters, with kana and CJK punctuation) only for text that has them.
 * Scripts with no font here (Hebrew, Hangul, Thai, Devanagari...) draw as empty boxes;
 * docs/cards-posting.md lists them.
 */
export interface CardFont {
  name: string;
  data: ArrayBuffer;
  weight: 400 | 700;
  style: 'normal';
}

type FontModule = Promise<{ default: ArrayBuffer }>;

const font = async (name: string, weight: 400 | 700, module: FontModule): Promise<CardFont> => ({
  name,
  weight,
  style: 'normal',
  data: (await module).default,
});

const base = () =>
  Promise.all([
    font('Noto Sans', 400, import('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff')),
    font('Noto Sans', 700, import('@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff')),
    font('Noto Sans Cyrillic', 400, import('@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff')),
    font('Noto Sans Cyrillic', 700, import('@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff')),
  ]);

const latinExtended = () => Promise.all([font('Noto Sans Latin Ext', 400, import('@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff'))]);

const arabic = () => Promise.all([font('Noto Sans Arabic', 400, import('@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff'))]);

// Google Fonts' CJK slices are numbered by how often their characters are used: 100-119 are the
// most common ones. Each import is written out so the bundler sees every file.
const chinese = () =>
  Promise.all([
    font('Noto Sans SC 119', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-119-400-normal.woff')),
    font('Noto Sans SC 118', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-118-400-normal.woff')),
    font('Noto Sans SC 117', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-117-400-normal.woff')),
    font('Noto Sans SC 116', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-116-400-normal.woff')),
    font('Noto Sans SC 115', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-115-400-normal.woff')),
    font('Noto Sans SC 114', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-114-400-normal.woff')),
    font('Noto Sans SC 113', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-113-400-normal.woff')),
    font('Noto Sans SC 112', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-112-400-normal.woff')),
    font('Noto Sans SC 111', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-111-400-normal.woff')),
    font('Noto Sans SC 110', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-110-400-normal.woff')),
    font('Noto Sans SC 109', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-109-400-normal.woff')),
    font('Noto Sans SC 108', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-108-400-normal.woff')),
    font('Noto Sans SC 107', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-107-400-normal.woff')),
    font('Noto Sans SC 106', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-106-400-normal.woff')),
    font('Noto Sans SC 105', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-105-400-normal.woff')),
    font('Noto Sans SC 104', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-104-400-normal.woff')),
    font('Noto Sans SC 103', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-103-400-normal.woff')),
    font('Noto Sans SC 102', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-102-400-normal.woff')),
    font('Noto Sans SC 101', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-101-400-normal.woff')),
    font('Noto Sans SC 100', 400, import('@fontsource/noto-sans-sc/files/noto-sans-sc-100-400-normal.woff')),
  ]);

// Japanese text (it has kana) is drawn with Noto Sans JP's 30 most used slices first (about 1,700
// characters by Japanese frequency: kana and the common kanji, 曜 費 億 円 among them, which the
// SC slices lack or draw in their Chinese forms), then the SC slices for rarer kanji.
const japanese = () =>
  Promise.all([
    font('Noto Sans JP 119', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-119-400-normal.woff')),
    font('Noto Sans JP 118', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-118-400-normal.woff')),
    font('Noto Sans JP 117', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-117-400-normal.woff')),
    font('Noto Sans JP 116', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-116-400-normal.woff')),
    font('Noto Sans JP 115', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-115-400-normal.woff')),
    font('Noto Sans JP 114', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-114-400-normal.woff')),
    font('Noto Sans JP 113', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-113-400-normal.woff')),
    font('Noto Sans JP 112', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-112-400-normal.woff')),
    font('Noto Sans JP 111', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-111-400-normal.woff')),
    font('Noto Sans JP 110', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-110-400-normal.woff')),
    font('Noto Sans JP 109', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-109-400-normal.woff')),
    font('Noto Sans JP 108', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-108-400-normal.woff')),
    font('Noto Sans JP 107', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-107-400-normal.woff')),
    font('Noto Sans JP 106', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-106-400-normal.woff')),
    font('Noto Sans JP 105', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-105-400-normal.woff')),
    font('Noto Sans JP 104', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-104-400-normal.woff')),
    font('Noto Sans JP 103', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-103-400-normal.woff')),
    font('Noto Sans JP 102', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-102-400-normal.woff')),
    font('Noto Sans JP 101', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-101-400-normal.woff')),
    font('Noto Sans JP 100', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-100-400-normal.woff')),
    font('Noto Sans JP 99', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-99-400-normal.woff')),
    font('Noto Sans JP 98', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-98-400-normal.woff')),
    font('Noto Sans JP 97', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-97-400-normal.woff')),
    font('Noto Sans JP 96', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-96-400-normal.woff')),
    font('Noto Sans JP 95', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-95-400-normal.woff')),
    font('Noto Sans JP 94', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-94-400-normal.woff')),
    font('Noto Sans JP 93', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-93-400-normal.woff')),
    font('Noto Sans JP 92', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-92-400-normal.woff')),
    font('Noto Sans JP 91', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-91-400-normal.woff')),
    font('Noto Sans JP 90', 400, import('@fontsource/noto-sans-jp/files/noto-sans-jp-90-400-normal.woff')),
  ]);

const NEEDS = {
  latinExtended: /[\u0100-\u024f\u1e00-\u1eff]/,
  arabic: /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]/,
  japanese: /[\u3040-\u30ff\u31f0-\u31ff]/,
  chinese: /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/,
} as const;

/** One array per set of scripts, kept for the isolate's life: satori caches parsed fonts by array. */
const loaded = new Map<string, Promise<CardFont[]>>();

export function fontsFor(text: string): Promise<CardFont[]> {
  const wanted = (Object.keys(NEEDS) as (keyof typeof NEEDS)[]).filter((script) => NEEDS[script].test(text));
  const key = wanted.join('+');
  let fonts = loaded.get(key);
  if (!fonts) {
    const loaders = { latinExtended, arabic, japanese, chinese };
    fonts = Promise.all([base(), ...wanted.map((script) => loaders[script]())]).then((sets) => sets.flat());
    fonts.catch(() => loaded.delete(key));
    loaded.set(key, fonts);
  }
  return fonts;
}
