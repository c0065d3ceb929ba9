/**
 * Inside the body, which blocks are furniture after all: named as such by class/id/role, lists of
 * links, widgets with more inputs or images than text, header blocks (headline, byline, date).
 * Decided per element from the counts the tree already holds. A block is never furniture for being
 * short: a label ("Step 1") whose paragraph was cut is still the page's text, and the lines that are
 * furniture whatever holds them ("Advertisement") go by their words (index.ts).
 */
import { classWeight, isFurniture } from './hints';
import { kindOf, textOf } from './node';
import { StoryNotices } from './notice-blocks';
import { linkDensity } from './score';
import { isAdBlock, isPoll, isTeaserLine } from './story-inserts';
import type { Element } from './tree';

/**
 * A hidden block (or one dropped by tag) stays only when it holds this share of the body's text: the
 * article itself sits in a hidden streaming slot. Half was too little: a page with one hidden and one
 * visible block of the same size flipped between keeping and losing the hidden one with a paragraph.
 */
const HIDDEN_BODY_SHARE = 0.8;
const LISTS = new Set(['ul', 'ol', 'dl']);
const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'dl', 'table', 'form', 'header', 'figure', 'center', 'article']);

/**
 * A keep-predicate for `paragraphTexts` over a body whose text totals `bodyLen` characters. With
 * `recall`, the read of a body that the link rules cleaned to next to nothing (index.ts): a block
 * goes only for being hidden, dropped by its tag, named as furniture, a short header or links alone.
 */
export function bodyFilter(body: Element[], { recall = false } = {}): (element: Element) => boolean {
  const bodyLen = body.reduce((sum, element) => sum + element.goodLen, 0);
  const roots = new Set(body);
  let kinds: Set<string> | null = null;
  let headline: Element | null | undefined;
  const notices = new StoryNotices();
  return (element) => {
    if (roots.has(element)) return true;
    // A correction or editor's note in an aside or footer of the story, and the blocks leading to it.
    const notice = notices.verdict(element);
    if (notice !== undefined) return notice;
    if (element.dropped && element.goodLen <= bodyLen * HIDDEN_BODY_SHARE) return notices.enter(element);
    const tag = element.tag;
    // The body's first h1 is the headline (kept apart as the title); a later one heads a section.
    if (tag === 'h1') {
      if (headline === undefined) headline = firstH1(body);
      return element !== headline;
    }
    if (tag === 'br' || tag === 'hr') return true;
    if (!element.block) return true;
    // A teaser, native ad or poll between the story's paragraphs (story-inserts.ts).
    if (isTeaserLine(element) || isAdBlock(element) || isPoll(element)) return false;
    if (isFurniture(element) && element.goodLen <= bodyLen * 0.5) return false;
    if (tag === 'header' && element.paragraphs < 3) return false;
    if (!CONDITIONAL.has(tag)) return true;
    // Read for recall, a block of a label and a link (a card, a row of a calendar) is text; a
    // block of links alone (a menu, teasers) is still furniture, unless it is a list read as text.
    const kept = recall && linkDensity(element) <= LINKS_ONLY;
    if (
      kept ||
      element.goodLen > bodyLen * 0.5 ||
      !looksLikeFurniture(element) ||
      isIntroducedList(element) ||
      isListOfTitles(element) ||
      isListOfNames(element)
    )
      return true;
    kinds ??= proseKinds(body);
    return kinds.has(kindOf(element));
  };
}

/** The first h1 in the body, in document order: the search enters only subtrees that hold headings. */
function firstH1(body: Element[]): Element | null {
  const stack = [...body].reverse();
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    if (element.tag === 'h1') return element;
    const children = element.children;
    for (let k = children.length - 1; k >= 0; k--) {
      const child = children[k];
      if (typeof child !== 'string' && child.headings > 0) stack.push(child);
    }
  }
  return null;
}

/**
 * Blocks of a kind (same tag, same classes) that read as prose somewhere in the body: cards, steps,
 * teasers and sections a page repeats. One of them that is left with its label and links (its
 * paragraph cut) is still one of them, not a menu: kept when at least two of its kind are prose, or
 * when its kind comes in a pair or a few, at least half of them prose (two columns side by side, one
 * of which lost its paragraph). A kind of which one instance in many reads as prose ("See also: …"
 * among a dozen "Main article: …" notes) does not make the others text.
 */
function proseKinds(body: Element[]): Set<string> {
  const prose = new Map<string, number>();
  const linkOnly = new Map<string, number>();
  const stack = [...body];
  while (stack.length > 0) {
    const element = stack.pop() as Element;
    if (element.dropped || isFurniture(element)) continue;
    const kind = kindOf(element);
    if (kind !== '' && CONDITIONAL.has(element.tag)) {
      const counts = looksLikeFurniture(element) ? linkOnly : prose;
      counts.set(kind, (counts.get(kind) ?? 0) + 1);
    }
    for (const child of element.children) if (typeof child !== 'string' && child.block) stack.push(child);
  }
  const kinds = new Set<string>();
  for (const [kind, count] of prose) {
    // Not for lists: a list of links beside one prose list of its class (a CMS gives every list
    // the same class) is a "Related content" menu.
    const isList = LISTS.has(kind.slice(0, kind.indexOf(' ')));
    if (count >= PROSE_KIND_MINIMUM || (!isList && count >= (linkOnly.get(kind) ?? 0))) kinds.add(kind);
  }
  return kinds;
}

/** Kept instances of a kind that make a link-only one of it text too, however many link-only ones there are. */
const PROSE_KIND_MINIMUM = 2;

/** Readability's conditional cleaning, on precomputed counts. */
function looksLikeFurniture(element: Element): boolean {
  const weight = classWeight(element);
  if (weight + element.score < 0) return true;
  // Text with many commas is a list a reader reads (names of a desk, services, sources), not a menu:
  // Readability keeps such a block whatever its links, and so do we.
  if (element.commas >= PROSE_COMMAS) return false;
  const density = linkDensity(element);
  // Lists and tables (a staff table: desks and their editors' linked names) go by the same rule.
  const isList = element.tag === 'ul' || element.tag === 'ol' || element.tag === 'dl' || element.tag === 'table';
  // A list with words of its own beside its links is text, as Readability keeps every list: a change
  // log, services and what they are for, names and roles, skills of which two link to a guide. One
  // of links alone (a menu, teasers) goes as furniture.
  const widget = element.inputs > 0 && element.inputs > element.paragraphs / 3 && element.textLen < 1500;
  if (isList) return density > LINKS_ONLY || widget;
  if (density > 0.5 && element.textLen < 600) return true;
  if (weight < 25 && density > 0.33 && element.paragraphs < 2) return true;
  return widget;
}

/** Link density above which a list is links alone (a menu, teasers) and may be furniture. */
const LINKS_ONLY = 0.9;

/** Commas that make a block of links read as text. */
const PROSE_COMMAS = 10;

/**
 * A list that a sentence of the text introduces ("… the following services:") is part of that
 * sentence, even when its items are all links (names of services, of sources, of documents).
 */
function isIntroducedList(element: Element): boolean {
  if (element.tag !== 'ul' && element.tag !== 'ol' && element.tag !== 'dl') return false;
  if (isFurniture(element) || element.dropped) return false;
  const siblings = element.parent?.children;
  if (!siblings) return false;
  for (let k = siblings.indexOf(element) - 1; k >= 0; k--) {
    const sibling = siblings[k];
    if (typeof sibling === 'string') {
      if (sibling.trim() === '') continue;
      return /:\s*$/.test(sibling);
    }
    if (sibling.textLen === 0) continue;
    return sibling.flowLen >= 25 && endsWithColon(sibling);
  }
  return false;
}

function endsWithColon(element: Element): boolean {
  let node: Element | string | undefined = element;
  while (node && typeof node !== 'string') {
    const children: (Element | string)[] = node.children;
    let k = children.length - 1;
    while (k >= 0 && typeof children[k] === 'string' && (children[k] as string).trim() === '') k--;
    node = children[k];
  }
  return typeof node === 'string' && /:\s*$/.test(node);
}

/**
 * A list whose items are each a linked title, in the body: a change log's entries, a reference
 * list's sources, the steps of a checklist that link to their guides. Readability keeps every such
 * list; editors add and rewrite its lines. A menu's items are a word or two, so a list of titles
 * needs at least TITLE_WORDS words an item on average, and two items. One that its label offers as
 * more reading ("Related", "Lesen Sie auch", "À lire aussi") is teasers, and stays out.
 */
function isListOfTitles(element: Element): boolean {
  if (element.tag !== 'ul' && element.tag !== 'ol') return false;
  if (isFurniture(element) || element.dropped || element.inputs > 0) return false;
  let items = 0;
  let words = 0;
  for (const child of element.children) {
    if (typeof child === 'string' || child.tag !== 'li') continue;
    const text = textOf(child, TITLE_MAX_CHARS).trim();
    if (text === '') continue;
    items++;
    words += wordCount(text);
  }
  if (items < 2 || words < items * TITLE_WORDS) return false;
  return !MORE_READING.test(labelOf(element));
}

/**
 * A list of people under a label that says so: an imprint's staff under "Editorial staff" or
 * "Redaktion", a desk's reporters. Editors add and remove names there. The label is what tells
 * people from places and topics ("New York", "Foreign Policy" look the same); most items must read
 * as a name, so one unusual name ("Nadia al-Rashid") does not flip the whole list out.
 */
function isListOfNames(element: Element): boolean {
  if (element.tag !== 'ul' && element.tag !== 'ol') return false;
  if (isFurniture(element) || element.dropped || element.inputs > 0) return false;
  let items = 0;
  let names = 0;
  for (const child of element.children) {
    if (typeof child === 'string') {
      if (child.trim() !== '') return false;
      continue;
    }
    if (child.tag !== 'li') return false;
    const text = textOf(child, TITLE_MAX_CHARS).replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    items++;
    const name = text.replace(ROLE_AFTER, '');
    if (PERSON.test(name) || PERSON_UNSPACED.test(name)) names++;
  }
  if (names < NAMES_MIN || names < items * 0.8) return false;
  const label = labelOf(element);
  return STAFF_LABEL.test(label) && !MORE_READING.test(label);
}

/** Names a staff list has at least. */
const NAMES_MIN = 3;
/** Two to five words, capitalized or name particles: "Anna Albers", "Jan van der Berg", "Nadia al-Rashid". */
const PERSON =
  /^\p{Lu}[\p{L}'’.-]*(?:\s(?:\p{Lu}[\p{L}'’.-]*|(?:al|el|ibn|bin|ben|ter|ten|van|von|der|den|de|da|di|du|la|le|del|dos|zu|vom|y)(?:-\p{Lu}[\p{L}'’.-]*)?)){1,4}$/u;
/** A name in Chinese, Japanese or Korean: two to four characters, no spaces (张伟, 佐藤健, 김민준). */
const PERSON_UNSPACED = /^(?:[\p{Script=Han}]{2,4}|[\p{Script=Hangul}]{2,4}|[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]{2,6})$/u;
/** A role after a name: "Anna Albers (Leitung)", "Bernd Brandt, Politik". */
const ROLE_AFTER = /\s*(?:\([^)]{1,40}\)|[,–—-]\s[^,]{1,40})$/;
/** A label over a list of people, in the languages of the news. */
const STAFF_LABEL =
  /staff|editors?\b|editorial|newsroom|team|reporters|correspondents|contributors|authors|writers|masthead|redaktion|chefredaktion|ressort|leitung|mitarbeit|autor|herausgeber|geschäftsführ|vorstand|rédaction|journalistes|équipe|redacción|equipo|periodistas|redazione|giornalisti|redactie|redação|equipe|редакц|главный редактор|корреспондент|编辑|記者|记者|編集|편집|기자|هيئة التحرير|المحرر/i;

/** Average words an item of a list of titles has at least ("Fix volatile loads and stores"). */
const TITLE_WORDS = 4;
/** Characters of an item read to count its words. */
const TITLE_MAX_CHARS = 200;

/** Words of a line; in scripts written without spaces (Han, Kana, Thai …), two characters a word. */
function wordCount(text: string): number {
  let words = 0;
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    const unspaced = token.match(UNSPACED)?.length ?? 0;
    words += unspaced > 0 ? Math.max(1, unspaced / 2) : 1;
  }
  return words;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/gu;

/**
 * The label of a block: the text just before it (a heading, an intro line), looked for among its
 * siblings and then its ancestors' siblings, the last LABEL_CHARS characters of it.
 */
function labelOf(element: Element): string {
  let node: Element = element;
  for (let level = 0; level < LABEL_LEVELS && node.parent; level++, node = node.parent) {
    const siblings = node.parent.children;
    for (let k = siblings.indexOf(node) - 1; k >= 0; k--) {
      const sibling = siblings[k];
      const text = (typeof sibling === 'string' ? sibling : textEnd(sibling, LABEL_CHARS)).trim();
      if (text !== '') return text.slice(-LABEL_CHARS);
    }
  }
  return '';
}

/** The last characters of a subtree's text (at least `chars` of them, when it has that many). */
function textEnd(element: Element, chars: number): string {
  let text = '';
  const stack: (Element | string)[] = [element];
  while (stack.length > 0 && text.trim().length < chars) {
    const node = stack.pop() as Element | string;
    if (typeof node === 'string') text = node + text;
    else for (const child of node.children) stack.push(child);
  }
  return text;
}

const LABEL_LEVELS = 3;
const LABEL_CHARS = 80;

/** A label that offers other pages to read, in the languages of the news. */
const MORE_READING = new RegExp(
  `(?:^|[^\\p{L}])(?:${[
    'related|you (?:might|may) (?:also )?(?:like|enjoy)|(?:more|other) (?:[\\p{L}-]+ ){0,3}(?:articles|stories|posts|news|insights|guides|coverage|reading)|(?:more|other) (?:from|on|about|to read)|read (?:also|more|next)|also read|see also|recommended|popular|trending|most read|further reading|keep reading|up next',
    'lesen sie (?:auch|mehr)|auch interessant|mehr zum thema|(?:das )?könnte sie (?:auch )?interessieren|weitere (?:artikel|themen|nachrichten|beiträge)|meistgelesen|empfehlungen|passend zum thema|zum weiterlesen',
    '(?:à )?lire (?:aussi|également)|sur le même sujet|voir aussi|à découvrir|nos articles',
    'te puede interesar|lee también|noticias relacionadas|más noticias|relacionad[oa]s|ver también',
    'leggi anche|potrebbe interessarti|articoli correlati|leia também|veja também|lees ook|meer over',
  ].join('|')})(?:$|[^\\p{L}])`,
  'iu',
);
