/**
 * The card as a tree of satori elements (plain objects: no JSX, no React): a 1200x630 picture
 * that reads as a social preview and on its own. Deleted words are struck through in red on pink,
 * inserted ones green on pale green, the colours of the diff page.
 *
 * Text is laid out word by word (one flex item a word, CJK one item a character) so each word
 * keeps its own colour and lines wrap between words; a right-to-left paragraph is laid out from
 * the right with its words shaped and put in visual order (bidi.ts). Pure: no Workers APIs.
 */
import type { ChangeKind } from '../store';
import { paragraphDirection, visualWord } from './bidi';
import type { CardContent, CardRun } from './card-content';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: CardNode | CardNode[] | string };
}

export const COLOURS = {
  ink: '#1a1a1a',
  muted: '#595959',
  accent: '#a11212',
  delInk: '#8f0000',
  delPaper: '#ffd0d0',
  insInk: '#00531a',
  insPaper: '#c6efce',
  rule: '#d9d9d9',
};

/** Kind badge colours, as on the pages (src/web/pages/layout.ts). */
const KIND_COLOURS: Record<ChangeKind, [string, string]> = {
  spelling: ['#e8eefc', '#1e3a7a'],
  correction: ['#fff1c7', '#6b4a00'],
  headline: ['#f3e3ff', '#5a1f80'],
  byline: ['#dff3f1', '#0b4f4a'],
  addition: ['#dcf5e0', '#00531a'],
  removal: ['#ffe3e3', '#7a0000'],
  rewrite: ['#ffd9c2', '#7a2e00'],
  minor: ['#eeeeee', '#444444'],
};

const FONT = 'Noto Sans';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const node = (style: Record<string, string | number>, children: CardNode['props']['children']): CardNode => ({ type: 'div', props: { style, children } });

export function cardDate(iso: string | null): string {
  const date = iso ? new Date(iso) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Han, kana and hangul break between any two characters; everything else between words. */
const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/;

interface Piece {
  text: string;
  op: CardRun['op'];
  /** A space follows (the end of a word). */
  gap: boolean;
}

/** Runs cut into the pieces a line may break between. */
export function pieces(runs: readonly CardRun[]): Piece[] {
  const out: Piece[] = [];
  for (const run of runs) {
    const words = run.text.split(/(\s+)/);
    for (const word of words) {
      if (!word) continue;
      if (/^\s+$/.test(word)) {
        if (out.length) out[out.length - 1].gap = true;
        continue;
      }
      let buffer = '';
      for (const ch of word) {
        if (CJK.test(ch)) {
          if (buffer) out.push({ text: buffer, op: run.op, gap: false });
          buffer = '';
          out.push({ text: ch, op: run.op, gap: false });
        } else buffer += ch;
      }
      if (buffer) out.push({ text: buffer, op: run.op, gap: false });
    }
  }
  return out;
}

function paragraph(runs: readonly CardRun[], fontSize: number, weight: number, extra: Record<string, string | number> = {}): CardNode {
  const rtl = paragraphDirection(runs.map((run) => run.text).join('')) === 'rtl';
  const space = Math.round(fontSize * 0.28);
  const all = pieces(runs);
  const items = all.map((piece, k) => {
    const style: Record<string, string | number> = { fontSize, fontWeight: weight, color: COLOURS.ink };
    if (piece.op === 'delete') Object.assign(style, { color: COLOURS.delInk, backgroundColor: COLOURS.delPaper, textDecoration: 'line-through' });
    if (piece.op === 'insert') Object.assign(style, { color: COLOURS.insInk, backgroundColor: COLOURS.insPaper });
    // The space after a word: inside its coloured box when the next word is marked the same way,
    // so a run of inserted words reads as one highlight.
    const sameMarkFollows = piece.op !== 'equal' && all[k + 1]?.op === piece.op;
    if (piece.gap) style[`${sameMarkFollows ? 'padding' : 'margin'}${rtl ? 'Left' : 'Right'}`] = space;
    // A word replaced in place ("RybakovRyabkov" in the diff) still shows as two words.
    else if (piece.op === 'delete' && all[k + 1]?.op === 'insert') style[`margin${rtl ? 'Left' : 'Right'}`] = Math.round(space / 2);
    return node(style, visualWord(piece.text));
  });
  return node({ display: 'flex', flexWrap: 'wrap', flexDirection: rtl ? 'row-reverse' : 'row', lineHeight: 1.4, ...extra }, items);
}

function badge(kind: ChangeKind): CardNode {
  const [paper, ink] = KIND_COLOURS[kind];
  return node(
    { backgroundColor: paper, color: ink, fontSize: 22, fontWeight: 700, padding: '2px 12px', borderRadius: 6, marginLeft: 10, textTransform: 'uppercase' },
    kind,
  );
}

function wordCounts(stats: CardContent['stats']): string {
  const parts = [];
  if (stats.added) parts.push(`${stats.added} word${stats.added === 1 ? '' : 's'} added`);
  if (stats.removed) parts.push(`${stats.removed} removed`);
  return parts.join(', ');
}

export function cardTree(content: CardContent): CardNode {
  const headline = content.headlineChange
    ? paragraph(
        [
          { op: 'delete', text: content.headlineChange.old },
          { op: 'equal', text: ' ' },
          { op: 'insert', text: content.headlineChange.new },
        ],
        34,
        700,
      )
    : paragraph([{ op: 'equal', text: content.headline }], 42, 700);
  const meta = [cardDate(content.seenAt) ? `Changed ${cardDate(content.seenAt)}` : '', `version ${content.from} to ${content.to}`, wordCounts(content.stats)]
    .filter(Boolean)
    .join(' · ');
  const body = content.snippets.length
    ? content.snippets.map((snippet, k) => paragraph(snippet, 28, 400, { marginTop: k ? 14 : 0 }))
    : [
        node(
          { fontSize: 28, color: COLOURS.muted },
          content.notice ?? (content.headlineChange ? 'Only the headline changed.' : 'No words changed in the body.'),
        ),
      ];
  return node(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      display: 'flex',
      flexDirection: 'column',
      backgroundColor: '#ffffff',
      fontFamily: FONT,
      color: COLOURS.ink,
      padding: '34px 56px 30px',
    },
    [
      node({ display: 'flex', justifyContent: 'space-between', alignItems: 'center', borderBottom: `5px solid ${COLOURS.accent}`, paddingBottom: 12 }, [
        node({ fontSize: 30, fontWeight: 700, color: COLOURS.accent, letterSpacing: 1 }, 'REDLINE'),
        node({ fontSize: 26, color: COLOURS.muted }, content.outlet),
      ]),
      node({ display: 'flex', flexDirection: 'column', marginTop: 18, maxHeight: content.headlineChange ? 146 : 124, overflow: 'hidden' }, [headline]),
      content.bylineChange
        ? paragraph(
            [
              { op: 'equal', text: 'By ' },
              ...(content.bylineChange.old ? [{ op: 'delete' as const, text: content.bylineChange.old }] : []),
              { op: 'equal', text: ' ' },
              ...(content.bylineChange.new ? [{ op: 'insert' as const, text: content.bylineChange.new }] : []),
            ],
            22,
            400,
            { marginTop: 6 },
          )
        : node({ display: 'flex', height: 0 }, []),
      node({ display: 'flex', flexWrap: 'wrap', alignItems: 'center', marginTop: 10, fontSize: 22, color: COLOURS.muted }, [
        node({ display: 'flex' }, meta),
        ...content.kinds.map(badge),
      ]),
      node(
        {
          display: 'flex',
          flexDirection: 'column',
          marginTop: 20,
          paddingTop: 16,
          borderTop: `1px solid ${COLOURS.rule}`,
          flexGrow: 1,
          flexShrink: 1,
          flexBasis: 0,
          overflow: 'hidden',
        },
        body,
      ),
      content.more
        ? node(
            { display: 'flex', fontSize: 20, color: COLOURS.muted, marginTop: 8 },
            `and ${content.more} more change${content.more === 1 ? '' : 's'} in the article`,
          )
        : node({ display: 'flex', height: 0 }, []),
    ],
  );
}
