/**
 * The fonts a card's text gets (src/cards/fonts.ts), seen in what satori draws: a character with
 * no font is drawn as the missing-glyph box, the same outline for every such character (here
 * compared with a Hangul syllable, a script with no font on cards).
 */
import { describe, expect, it } from 'vitest';
import { cardEngine } from '../../src/cards/engine';

/** The SVG path satori draws for one character, with the fonts the card engine picks for `context`. */
async function glyphOutline(character: string, context: string): Promise<string> {
  const engine = await cardEngine();
  const fonts = await engine.fontsFor(`${context} ${character}`);
  const tree = { type: 'div', props: { style: { display: 'flex', fontFamily: 'Noto Sans', fontSize: 64 }, children: character } };
  const svg = await engine.toSvg(tree, { width: 100, height: 100, fonts });
  const path = svg.match(/<path[^>]* d="([^"]+)"/)?.[1];
  if (!path) throw new Error(`no glyph drawn for ${character}: ${svg}`);
  return path;
}

const JAPANESE = '東京都は木曜日、子ども向けの医療費助成制度を発表した。費用は年間約三百億円に上る見込みだという。';

describe('card fonts', () => {
  it('draw common Japanese kanji in Japanese text (曜 費 億 円), not as empty boxes', async () => {
    const box = await glyphOutline('한', JAPANESE);
    for (const kanji of ['曜', '費', '億', '円', '日', 'も']) {
      expect(await glyphOutline(kanji, JAPANESE), kanji).not.toBe(box);
    }
  });
});
