/**
 * HTML -> Article. The one extraction entry point: the check, the CLI, eval and bench call this.
 * One parse into a pruned tree (tree.ts), the body found by scoring (score.ts) or a site rule
 * (site-rules.ts), its furniture left out (clean.ts), its paragraphs normalized (normalize.ts).
 */
export { type Article, BYLINE_READING, TEXT_READING, VISIBLE_BYLINE_READING } from './article';
export { sameNamesAsReadBefore } from './byline-names';
import { namesIn } from './byline-names';
export { comparisonForm, normalizeText, paragraphsOf } from './normalize';
export { isUpdateLine } from './update-line';
import { AD_LABEL } from './ad-labels';
import type { Article } from './article';
import { bodyFilter } from './clean';
import { linkedArticleBody, readMetadata } from './metadata';
import { normalizeParagraph, paragraphsOf } from './normalize';
import { keptTop, pathOf } from './body-path';
import { heldBefore } from './held';
import { findTop, withSiblings } from './score';
import { matches, selectAll } from './selector';
import { ruleFor } from './site-rules';
import { standfirstOf } from './standfirst';
import { isAboutReader } from './reader-lines';
import { paragraphTexts } from './text';
import { buildTree, type Element } from './tree';
import { isUpdateLine, updateLine, updateLineNear } from './update-line';

/**
 * A headline or byline longer than any a newsroom writes is a page abusing the field: it would be
 * repeated in every list, feed item and page that names the article. Cut at a word, with an ellipsis.
 */
const MAX_TITLE_CHARS = 400;
const MAX_BYLINE_CHARS = 300;

function capped(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** What a check knows of the page from its previous version. */
export interface ExtractOptions {
  /** The `bodyPath` the previous version was read from: its block is kept while it holds the story. */
  previousBodyPath?: string | null;
  /** The previous version's text: a block it held stays in while it is on the page unchanged (held.ts). */
  previousText?: string | null;
}

export function extractArticle(html: string, url?: string, options: ExtractOptions = {}): Article {
  try {
    const { root, head } = buildTree(html);
    const metadata = readMetadata(head, url);
    const rule = ruleFor(hostOf(url ?? metadata.canonicalUrl));
    const ruled = rule ? selectAll(root, rule.body) : [];
    const top = ruled.length > 0 ? null : keptTop(root, findTop(root), options.previousBodyPath);
    const body = top ? withSiblings(top) : ruled;
    let bodyPath = top ? pathOf(top) : null;
    const generic = bodyFilter(body);
    const drop = rule?.drop;
    const byRules = drop ? (element: Element) => !matches(element, drop) && generic(element) : generic;
    const keep = options.previousText ? heldBefore(options.previousText, body, byRules, isLineFurniture) : byRules;
    const heldLines = options.previousText ? countLines(paragraphsOf(options.previousText)) : undefined;
    let text = dropBoilerplateLines(paragraphTexts(body, keep).map(normalizeParagraph), metadata.title, heldLines).join('\n\n');
    // The block the previous version was read from is a short story's, not a caption or teaser
    // chosen by mistake: a paragraph gone from it must not turn the read into the whole page's.
    const keptPrevious = bodyPath !== null && bodyPath === options.previousBodyPath;
    if (!rule && !keptPrevious && text.length < NEAR_EMPTY_CHARS) {
      // Never near-empty: a page that plainly holds more text than the body found (the body chosen
      // was a caption or a teaser) is read again for recall, every paragraph outside furniture.
      const recall = dropBoilerplateLines(paragraphTexts([root], bodyFilter([root])).map(normalizeParagraph), metadata.title).join('\n\n');
      if (recall.length >= RECALL_MINIMUM && recall.length >= text.length * RECALL_GAIN) {
        text = recall;
        bodyPath = null;
      } else {
        // Cleaning took the body's blocks for menus: cards of a label and a link each (a race
        // calendar, a list of practices), of which one at most scored as a paragraph. Read the
        // article or main region that holds the body again, keeping every block but hidden ones,
        // furniture by tag or name, and blocks of links alone.
        const region = top ? regionOf(top) : body;
        const kept = dropBoilerplateLines(paragraphTexts(region, bodyFilter(region, { recall: true })).map(normalizeParagraph), metadata.title).join('\n\n');
        if (kept.length >= CLEANED_AWAY_MINIMUM && kept.length >= text.length * RECALL_GAIN) {
          text = kept;
          bodyPath = null;
        }
      }
    }
    if (!rule && head.jsonLd.length > 0) {
      // The page may render its story by script: JSON-LD's articleBody is then the only full copy.
      const linked = dropBoilerplateLines(linkedArticleBody(head.jsonLd).map(normalizeParagraph)).join('\n\n');
      if (linked.length >= LINKED_BODY_MINIMUM && text.length < linked.length * 0.5) {
        text = linked;
        bodyPath = null;
      }
    }
    // The standfirst under the headline opens the text: editors rewrite it as the story develops.
    const standfirst = text && top ? standfirstOf(top) : null;
    if (standfirst && !text.includes(standfirst)) text = `${standfirst}\n\n${text}`;
    // The article's own "Updated …" line opens the text: editors change it when they edit.
    const updated = text ? updateLine(head.headerTimes, body) : null;
    if (updated && !text.includes(updated)) text = `${updated}\n\n${text}`;
    // Or one in a line of its own beside the body: above it ("Updated 4:30 p.m.") or below it ("Stand: März 2025").
    const nearby = text && !updated && top ? updateLineNear(top) : null;
    if (nearby && !text.includes(nearby.line)) text = nearby.after ? `${text}\n\n${nearby.line}` : `${nearby.line}\n\n${text}`;
    return {
      ...metadata,
      title: capped(metadata.title, MAX_TITLE_CHARS),
      byline: metadata.byline === null ? null : capped(metadata.byline, MAX_BYLINE_CHARS),
      text,
      bodyPath,
    };
  } catch {
    // Extraction must never take a check down: an unreadable page is an empty article.
    return { title: '', byline: null, text: '', publishedAt: null, canonicalUrl: null, lang: null, bodyPath: null };
  }
}

/** A body shorter than this is near-empty: the page is read again for recall. */
const NEAR_EMPTY_CHARS = 300;
/** The recall read replaces it when it finds at least this much text, and this many times more. */
const RECALL_MINIMUM = 500;
const RECALL_GAIN = 3;
/** The body read without its link rules replaces a near-empty text when it holds at least this much. */
const CLEANED_AWAY_MINIMUM = 100;

/** The <article> or main region that holds the body's top, else the body itself. */
function regionOf(top: Element): Element[] {
  for (let element: Element | null = top; element; element = element.parent) {
    if (element.tag === 'article' || element.tag === 'main' || element.attrs.role === 'main') return [element];
  }
  return withSiblings(top);
}

/** A JSON-LD articleBody shorter than this is a summary, never a replacement for the page's body. */
const LINKED_BODY_MINIMUM = 500;

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/**
 * Whole paragraphs that are page furniture in any article ("Advertisement", "Continue reading"), and
 * the label of an ad slot in the languages of the news ("Anzeige", "Publicité", "Publicidad"): a
 * slot labelled in another language published a version of a page nobody edited.
 */
const BOILERPLATE = new RegExp(
  `^(?:${[
    'advertisements?|ad|sponsored|supported by|skip advertisement',
    'continue reading(?: the main story| below| below the ad)?|story continues below(?: advertisement)?|article continues below(?: advertisement)?',
    'skip to (?:main )?content|share(?: this(?: article| story| post)?)?|read more|loading\\W*|scroll to continue(?: with content)?',
    // German, French, Spanish, Italian, Portuguese, Dutch, then Nordic, Polish, Czech, Finnish, Russian.
    'anzeigen?|werbung|gesponsert|(?:weiterlesen|lesen sie weiter|weiter) nach der (?:anzeige|werbung)',
    'publicit[ée]|sponsoris[ée]|contenu sponsoris[ée]|la suite (?:après|apr[eè]s) (?:cette|la) publicit[ée]',
    'publicidad|anuncio|patrocinado|contenido patrocinado',
    'pubblicit[àa]|sponsorizzato|contenuto sponsorizzato',
    'publicidade|an[úu]ncio|conte[úu]do patrocinado',
    'advertentie|reclame|gesponsord',
    'annons|annonse|reklame|reklama|mainos|реклама',
  ].join('|')})$`,
  'iu',
);

/** A line the line filters take out by its words wherever it sits: an ad label, or one about the reader or the render. */
function isPageLine(line: string): boolean {
  return (line.length < 60 && (BOILERPLATE.test(line) || AD_LABEL.test(line))) || isAboutReader(line);
}

/**
 * A line of counters only ("137 shares", "4 min read · 1.2k views · 12 comments"): the numbers
 * change on every serve while the story does not, so such a line is furniture wherever it sits.
 */
const COUNTER = String.raw`\d[\d.,]*\s*[kKmM]?\s*(?:shares?|comments?|views?|likes?|reactions?|retweets?|reposts?|replies|claps?|reads?|votes?|min(?:ute)?s?\.?(?: read| reading)?|Kommentare?|Aufrufe|Leser|Stimmen|commentaires?|partages?|vues|lectures?|comentarios?|compartidos|visitas|votos|voti|تعليقا?|تعليقات|条评论|條評論|件のコメント|개의 댓글)`;
const COUNTERS_ONLY = new RegExp(`^${COUNTER}(?:\\s*[·•|/,]\\s*${COUNTER})*$`, 'iu');
const COUNTERS_MAX = 120;

/**
 * The same counts written the other way round, with their label first: "Comments (12)", "Viewed
 * 1,204 times", "评论 (123)", "コメント 12件", "댓글 12개", "Seen by 4,532 readers", "♥ 12", and a reading time in the languages of the news ("Lesezeit: 4 Min.", "Temps de
 * lecture : 4 min"); each published a version every time it ticked.
 */
const LABELLED_COUNT =
  /^(?:(?:(?:reader |user )?comments?|(?:leser)?kommentare?|commentaires?|comentarios?|comentários|commenti|reacties|views?|aufrufe|vues|visitas|shares?|评论|評論|留言|コメント|댓글|تعليقات?)\s*[:：(（]?\s*\d[\d.,]*\s*[kKmM]?\s*(?:件|条|條|개)?\s*[)）]?|(?:seen|read|viewed|liked) by\s+\d[\d.,]*\s*[kKmM]?\s+(?:readers|people|users|visitors|subscribers)|(?:gelesen von|vu par|lu par|visto por|letto da)\s+\d[\d.,]*\s*[kKmM]?\s+(?:lesern|personen|lecteurs|personnes|lectores|personas|lettori|persone)|[♥♡❤👍👁💬🔥★]\uFE0F?\s*\d[\d.,]*\s*[kKmM]?|(?:viewed|read|gelesen|aufgerufen|vu|lu|visto|leído|letto)\s+\d[\d.,]*\s*[kKmM]?\s*(?:times|mal|fois|veces|volte|vezes|keer)\.?|(?:reading time|read time|lesezeit|lesedauer|temps de lecture|tiempo de lectura|tempo di lettura|tempo de leitura|leestijd)\s*:?\s*(?:ca\.\s*)?\d+\s*(?:min(?:ute[ns]?|utos|uti)?\.?|minutes?|mn)?)$/iu;

function isCounterLine(line: string): boolean {
  return line.length < COUNTERS_MAX && (COUNTERS_ONLY.test(line) || LABELLED_COUNT.test(line));
}

/**
 * Short lines that are furniture when they open or close the body (a tag list, a copyright line,
 * "Share this:", "Leave a comment"), though the same words could be prose in the middle of it.
 */
const EDGE_FURNITURE =
  /^(?:(?:copyright|©|\(c\))\s.*|.*\ball rights reserved\b.*|(?:follow us|sign up|subscribe|more from|you may also like|recommended for you|read more|read next|up next|leave a (?:comment|reply))\b.*|(?:tags?|topics?|filed under|posted in|categories|category|related(?: (?:articles?|stories|posts|content|reading|topics))?|share(?: this)?(?: article| story| post)?|like this|print|email|\d* ?comments?|was this (?:article|page|post) helpful\??)\s*(?::.*)?)$/i;
const EDGE_LINE_MAX = 120;

/** A byline, a dateline or a reading time: what sits between the headline and the story. */
const STORY_META =
  /^(?:(?:written |words |story )?by\s+(?:(?:[\p{Lu}][\p{L}'’.-]*\s*){1,4}|[\p{Lu}][\p{L}'’.-]*\s+(?:[\p{Lu}][\p{L}'’.-]*\s*){1,3}(?:[,|·•]|and\b|\s*[-–—]).*)|(?:published|updated|last updated|posted|modified|first published)(?: on| at)?:?\s+(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|today|yesterday).*|\d+\s*(?:min|mins|minute|minutes)(?: read| reading)?|reading time\b.*|(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b.{0,30})$/iu;
const STORY_META_MAX = 90;
/** Lines of a body's lead (a standfirst, a byline, a dateline) where a byline or dateline is left out wherever it sits. */
const LEAD_LINES = 3;

/**
 * A byline, dateline or reading time; not an "Updated <date>" line, which changes when editors edit
 * (an imprint's "Last updated: March 12, 2025", a story's "Updated 17:31, 3 March 2025").
 */
function isStoryMeta(line: string): boolean {
  if (line.length >= STORY_META_MAX || isUpdateLine(line)) return false;
  // "By A. Reporter Updated March 12, 2026, 6:40 p.m.": a byline with what shares its line (not a
  // closing credit, "Reporting by …; editing by …", which is part of the story).
  return STORY_META.test(line) || (BY_NAMES.test(line) && namesIn(line).length > 0);
}

/** A line that opens with "By" and a capital, as a byline does ("Von", "Par", "Por", "Door", "di" elsewhere). */
const BY_NAMES = /^(?:[Bb]y|BY|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]oor|DOOR|di)\s*:?\s+\p{Lu}/u;

/** A line the line filters may take out by its words alone, wherever it sits. */
function isLineFurniture(line: string): boolean {
  return isPageLine(line) || isCounterLine(line) || isEdgeFurniture(line, '');
}

function isEdgeFurniture(line: string, title: string): boolean {
  if (line.length >= EDGE_LINE_MAX) return false;
  if (EDGE_FURNITURE.test(line)) return true;
  if (isStoryMeta(line)) return true;
  // The headline again, as the first line of the body: it is the article's title, not its text.
  // The title may still carry the site's name after it ("Headline | Site").
  if (title === '' || line.length < 10) return false;
  const lower = line.toLowerCase();
  return lower === title || (title.startsWith(lower) && lower.length * 2 >= title.length && /^\W/.test(title.slice(lower.length).trimStart()));
}

function countLines(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return counts;
}

/**
 * `held`: the lines of the previous version's text, counted. Furniture by where it stands, a line
 * that was text there is not taken out because it now stands at an edge or in the lead: a
 * paragraph gone above a subheading that repeats the headline, or above a byline-like line, would
 * take that line with it, and the diff would show it removed though nobody touched it. A line the
 * page now shows more often than the previous text held it (a "Sign up" box at the top and another
 * in the text) is judged by where it stands.
 */
function trimEdges(lines: string[], title: string, held?: ReadonlyMap<string, number>): string[] {
  const headline = title.toLowerCase();
  let counts: Map<string, number> | undefined;
  const wasText = (line: string): boolean => {
    const before = held?.get(line);
    if (before === undefined) return false;
    counts ??= countLines(lines);
    return (counts.get(line) ?? 0) <= before;
  };
  let start = 0;
  let end = lines.length;
  while (start < end && isEdgeFurniture(lines[start], headline) && !wasText(lines[start])) start++;
  while (end > start && isEdgeFurniture(lines[end - 1], '') && !wasText(lines[end - 1])) end--;
  const kept = start === 0 && end === lines.length ? lines : lines.slice(start, end);
  return kept.filter((line, k) => !(k < LEAD_LINES && isStoryMeta(line) && !wasText(line)));
}

/**
 * A block rendered more than once: responsive sites render the same paragraphs (a whole body, an
 * FAQ) once per screen size and hide all but one with CSS. Its copies are a run of at least
 * COPIED_RUN different long lines seen before, or, for a body whose copies come interleaved, at
 * least COPIED_SHARE of its text. A line repeated on its own, such as a subheading in every
 * section of a privacy policy ("1. Beschreibung und Umfang der Datenverarbeitung"), a pull quote,
 * a refrain or filler text, is what a reader sees, and stays.
 */
const COPIED_RUN = 3;
const COPIED_SHARE = 0.3;
/** Lines shorter than this are never taken for copies ("Read more", a short question). */
const COPY_MIN_CHARS = 40;

/** Drops furniture lines, and the second and later renderings of a block (see COPIED_RUN). */
function dropBoilerplateLines(paragraphs: string[], title = '', held?: ReadonlyMap<string, number>): string[] {
  const lines = trimEdges(
    paragraphs.filter((line) => line !== '' && !isPageLine(line) && !isCounterLine(line)),
    title,
    held,
  );
  const seen = new Set<string>();
  let total = 0;
  let copied = 0;
  // A copy: a long line seen before.
  const copy = lines.map((line) => {
    total += line.length;
    if (line.length < COPY_MIN_CHARS) return false;
    if (!seen.has(line)) {
      seen.add(line);
      return false;
    }
    copied += line.length;
    return true;
  });
  if (copied === 0) return lines;
  const repeated = new Set(lines.filter((_, k) => copy[k]));
  if (repeated.size >= COPIED_RUN && copied >= total * COPIED_SHARE) return lines.filter((_, k) => !copy[k]);
  // Runs of copies (short lines between them allowed) holding COPIED_RUN different lines.
  const drop = new Array<boolean>(lines.length).fill(false);
  let dropped = false;
  for (let k = 0; k < lines.length; ) {
    if (!copy[k]) {
      k++;
      continue;
    }
    let end = k;
    const inRun = new Set<string>();
    for (let j = k; j < lines.length && (copy[j] || lines[j].length < COPY_MIN_CHARS); j++) {
      if (copy[j]) {
        inRun.add(lines[j]);
        end = j + 1;
      }
    }
    if (inRun.size >= COPIED_RUN) {
      for (let j = k; j < end; j++) if (copy[j]) drop[j] = true;
      dropped = true;
    }
    k = end;
  }
  return dropped ? lines.filter((_, k) => !drop[k]) : lines;
}
