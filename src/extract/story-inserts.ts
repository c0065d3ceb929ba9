/**
 * Blocks a page inserts between a story's paragraphs that are not the story: a teaser for another
 * article ("Read more: <a>…</a>", "Lesen Sie auch: <a>…</a>", "» <a>…</a>"), a native ad (a
 * block opening with its label, "Advertisement", then the advertiser's copy) and a reader poll
 * ("Yes 54%", "No 46%", "1,203 votes"). Sites rotate or recount them on every serve, so a check that kept them published versions nobody wrote. They go by their
 * shape wherever they sit in the body.
 */
import { AD_LABEL } from './ad-labels';
import { textOf } from './node';
import type { Element } from './tree';

/** A teaser is one short line: a paragraph of the story says more. */
const TEASER_MAX_CHARS = 200;
/** Share of the text after the label that is link text: a teaser links its title, a sentence mostly does not. */
const TEASER_LINKED = 0.8;

/** The label that offers another article, opening the line and ended by a colon, or a pointer (», ›, →, ▶). */
const TEASER_LABEL = new RegExp(
  `^(?:(?:${[
    'read (?:more|also|next)|also read|see also|more on this(?: story| topic)?|recommended|watch|listen',
    'lesen sie (?:auch|mehr|hier)|mehr zum thema|mehr dazu|auch interessant|zum thema|passend dazu|siehe auch',
    '(?:à )?lire (?:aussi|également|la suite)|voir aussi|sur le même sujet',
    'le[ea] (?:también|más)|ver también|te puede interesar',
    'leggi anche|leggi (?:di più|pure)|vedi anche',
    'leia (?:também|mais)|veja também|lees ook|lees meer',
    '相关阅读|延伸阅读|相关文章|相关新闻|推荐阅读|關聯閱讀|相關閱讀|関連記事|あわせて読みたい|관련 ?기사|اقرأ أيضا|اقرأ أيضاً',
  ].join('|')})\\s*[:：]|(?:read more|also read|see also)\\s+|[»›→▶►➤]\\s*)`,
  'iu',
);
/** "RELATED:" in capitals opens a teaser; "Related:" may open a line of the story's own links (cnn). */
const RELATED_CAPS = /^RELATED\s*:\s*/u;

/**
 * A paragraph that is a teaser label followed by a link: the rest of its text (after the label)
 * is mostly link text. "Read more: <a>Ferry operator warns …</a>" and "<a>READ MORE: Ferry …</a>"
 * are teasers; "Read more: the council's statement says …" with a link on two words is a sentence.
 */
export function isTeaserLine(element: Element): boolean {
  if (element.linkLen === 0 || element.textLen > TEASER_MAX_CHARS || element.flowLen < element.textLen) return false;
  const text = textOf(element, TEASER_MAX_CHARS + 1)
    .replace(/\s+/g, ' ')
    .trim();
  const label = TEASER_LABEL.exec(text) ?? RELATED_CAPS.exec(text);
  if (!label) return false;
  // Without a colon, the linked title starts with a capital ("Read more Ferry operator warns …");
  // "Read more about how many calories …" is a sentence.
  if (/\s$/.test(label[0]) && !/[:：»›→▶►➤]\s*$/.test(label[0]) && !/^\p{Lu}/u.test(text.slice(label[0].length))) return false;
  const rest = text.length - label[0].length;
  return rest > 0 && element.linkLen >= rest * TEASER_LINKED;
}

/** A native ad is a small block, a line or two of copy: a section of the story that opens with an ad slot is more. */
const AD_BLOCK_MAX_CHARS = 400;
const AD_BLOCK_MAX_PARAGRAPHS = 2;
/** Characters of a first line read to compare it with the ad labels. */
const LABEL_MAX_CHARS = 40;

/** A small block whose first line is an ad label ("Advertisement", "Anzeige", "广告"): the ad, label and copy. */
export function isAdBlock(element: Element): boolean {
  if (element.textLen === 0 || element.textLen > AD_BLOCK_MAX_CHARS || element.paragraphs > AD_BLOCK_MAX_PARAGRAPHS || element.headings > 0) return false;
  const first = firstLine(element);
  return first !== '' && first.length <= LABEL_MAX_CHARS && AD_LABEL.test(first);
}

/** The text of a block's first line: its inline text up to the first block, or its first block's first line. */
function firstLine(element: Element): string {
  let line = '';
  for (const child of element.children) {
    if (typeof child === 'string') line += child;
    else if (child.dropped) continue;
    else if (!child.block) line += textOf(child, LABEL_MAX_CHARS + 1);
    else if (line.trim() !== '') break;
    else if (child.tag === 'br') continue;
    else return firstLine(child);
    if (line.length > LABEL_MAX_CHARS * 2) break;
  }
  return line.replace(/\s+/g, ' ').trim();
}

/** A poll is a question and its answers: a block with more of the story's prose is not one. */
const POLL_MAX_CHARS = 600;
const POLL_MAX_PROSE = 100;
/** A share of the votes ("54%", "54 %"). */
const PERCENT = /\d{1,3}(?:[.,]\d+)?\s?%/g;
/** The count of votes that closes a poll: "1,203 votes", "1.203 Stimmen", "Votes: 1203". */
const VOTES =
  /(?:\d[\d.,  ]*\s*(?:votes?|stimmen|abstimmungen|teilnehmer(?:innen)?|votos|voti|participants?|réponses|respuestas|risposte)|(?:votes?|stimmen|teilnehmer|votos|voti)\s*:?\s*\d[\d.,]*)\s*\.?$/iu;

/**
 * A reader poll: a small block of lines (its answers), two or more of them percentages, whose text
 * ends with its count of votes. A paragraph that gives a vote's result is one line, and stays.
 */
export function isPoll(element: Element): boolean {
  if (element.textLen === 0 || element.textLen > POLL_MAX_CHARS || element.goodLen > POLL_MAX_PROSE) return false;
  if (element.listItems + element.paragraphs < 2) return false;
  const text = textOf(element, POLL_MAX_CHARS + 1).trim();
  return VOTES.test(text) && (text.match(PERCENT)?.length ?? 0) >= 2;
}
