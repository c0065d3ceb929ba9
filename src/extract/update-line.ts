/**
 * The article's own "Updated …" line. Editors change it when they edit ("Aktualisiert am 6. Januar
 * 2026, 16:37 Uhr" -> "… 13. Februar 2026, 18:57 Uhr"), and a reader sees it above the story, so it
 * is part of the text. It sits in a <time> in the article's <header>, which extraction otherwise
 * leaves out with the header (headline, byline, share bar), or in a line of its own near the body
 * (a dateline under the headline, "Stand: 1. März 2025" under a privacy policy). Kept only when it
 * says it is an update and names an absolute date or time: a relative "updated 3 minutes ago"
 * changes on every serve.
 */
import { RELATIVE, YEAR_OR_CLOCK as ABSOLUTE } from './dates';
import { textOf } from './node';
import { normalizeParagraph } from './normalize';
import type { Element, HeaderTime } from './tree';

/**
 * "updated" (or "last updated") in the languages newsrooms most write in, and German "Stand" (as
 * of); in Chinese (更新时间, 最后更新), Japanese (更新日, 最終更新), Korean (수정, 업데이트) and
 * Arabic (آخر تحديث).
 */
export const UPDATE_WORDS =
  /(?:last |zuletzt |dernière |ultima |última |laatst )?(?:updated|modified|aktualisiert|geändert|stand|mis à jour|mise à jour|actualisé|actualizado|actualizada|atualizado|atualizada|aggiornato|aggiornata|bijgewerkt|uppdaterad|opdateret|oppdatert|päivitetty|zaktualizowano|aktualizováno|aktualizované|frissítve|actualizat|обновлено|оновлено|güncellendi|güncelleme|(?:最后|最後|最終)?更新(?:时间|時間|日時|日|于|於)?|(?:최종 ?)?(?:수정|업데이트)(?:일시|일|시간)?|(?:آخر |تم ال)?تحديث)/;
/** Starts with an update word, then a space, a colon (：) or a comma, or a digit in a script without spaces (更新于2026年). */
const UPDATED = new RegExp(`^${UPDATE_WORDS.source}(?=[\\s:：,.，]|$|(?<=[\\p{scx=Han}\\p{scx=Kana}])\\d)`, 'iu');
/** Ends with an update word and maybe a preposition or a colon: a label just before a <time> ("Updated", "Stand:", "更新时间："). */
const LABEL = new RegExp(`(?:^|[\\s(|•·])(${UPDATE_WORDS.source}(?:\\s+(?:am|on|le|el|il|op|at))?\\s*[:：]?)$`, 'iu');
const MAX_LINE = 100;
const WIDE_END = /[：\p{scx=Han}\p{scx=Hira}\p{scx=Kana}]$/u;

/** Whether a line says the article was updated at an absolute date or time ("Last updated: March 12, 2025"). */
export function isUpdateLine(line: string): boolean {
  return line.length <= MAX_LINE && UPDATED.test(line) && ABSOLUTE.test(line) && !RELATIVE.test(line);
}

/** The update line of the article the body belongs to, normalized, or null when it has none. */
export function updateLine(headerTimes: readonly HeaderTime[], body: readonly Element[]): string | null {
  const bodyLen = body.reduce((sum, element) => sum + element.goodLen, 0);
  for (const { text, before, article } of headerTimes) {
    // The update word may stand before the <time> ("Updated <time>…</time>", "<span>Stand:</span> <time>…").
    const own = normalizeParagraph(text);
    const label = UPDATED.test(own) ? null : LABEL.exec(normalizeParagraph(before));
    // "Updated 4:30", but "更新时间：2026年…": Chinese and Japanese put no space after a label.
    const line = label ? `${label[1]}${WIDE_END.test(label[1]) ? '' : ' '}${own}` : own;
    if (!isUpdateLine(line)) continue;
    // The body is that article or inside it, or the article is most of the body: not a teaser's.
    if (body.some((element) => isWithin(element, article)) || article.goodLen * 2 > bodyLen) return line;
  }
  return null;
}

function isWithin(element: Element, ancestor: Element): boolean {
  for (let node: Element | null = element; node; node = node.parent) if (node === ancestor) return true;
  return false;
}

/** How far up from the body to look: the line sits beside the body in the article or main element. */
const LEVELS = 4;
/** Elements looked at before giving up, so a huge page costs no more than a small one. */
const SEARCH_LIMIT = 2_000;
/** The shortest line that can say "Updated" and a date. */
const MIN_LINE = 8;
/** What parts a byline's line: a dot, a bar, a bullet, a dash between spaces. */
const PARTS = /[⋅·•|]|\s[-–—]\s/;
/** Class names of blocks that hold other stories. */
const OTHER_STORIES = /teaser|related|recirc|promo|more-?stories|most-?read|trending|recommend/;
const SUBHEADING = /^h[2-6]$/;

/** A block that opens with a heading that is a link (or a link around a heading): a teaser. */
function headsAnotherStory(element: Element): boolean {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (SUBHEADING.test(child.tag) && child.linkLen * 2 > child.textLen) return true;
    if (child.tag === 'a' && child.headings > 0) return true;
  }
  return false;
}
/** A block with this much text of its own is a paragraph of the body (as tree.ts counts goodLen). */
const PARAGRAPH = 25;

export interface NearbyUpdateLine {
  line: string;
  /** True when it comes after the story in reading order (a policy's "Stand:" at its foot). */
  after: boolean;
}

/**
 * An update line in a block of its own in or beside the body `top` (a dateline cleaning left out as
 * furniture, a "Stand:" under the body), normalized, or null: searched in reading order in the
 * article or main element holding the body (at most LEVELS up). Blocks left out by tag or as hidden
 * are not searched, but for the article's own <footer>; nor is another <article> (a teaser's date is
 * not this story's).
 */
export function updateLineNear(top: Element): NearbyUpdateLine | null {
  let scope: Element = top;
  for (let level = 0; level < LEVELS && scope.parent && scope.tag !== 'article' && scope.tag !== 'main'; level++) scope = scope.parent;
  const ownFooter = scope.tag === 'article' || scope.tag === 'main';
  // null marks the end of the body's subtree: what is popped after it comes after the story.
  const stack: (Element | null)[] = [scope];
  let inTop = false;
  let after = false;
  // Paragraph text of the body passed so far: past half of it, a line closes the text. (Not the
  // first long paragraph: an author's bio above the story would put a dateline below it.)
  let passed = 0;
  let looked = 0;
  while (stack.length > 0 && looked++ < SEARCH_LIMIT) {
    const element = stack.pop();
    if (element === null || element === undefined) {
      inTop = false;
      after = true;
      continue;
    }
    if (element === top) {
      inTop = true;
      stack.push(null);
    } else if (element !== scope) {
      if (element.dropped && !(ownFooter && element.tag === 'footer')) continue;
      // Nor does another story's teaser: a linked headline and its date, or a block named for them.
      if (headsAnotherStory(element) || OTHER_STORIES.test(element.hint)) continue;
      // Another story's <article> (a teaser) lends no date; the story's own, inside the body, does.
      if (element.tag === 'article' && !inTop) continue;
      if (element.tag === 'article' && element.goodLen * 2 <= top.goodLen) continue;
      // A line of its own, or an inline <time> or <span> saying it ("By Ana Reyes <span>Updated March 12, 2026</span>").
      if (element.textLen >= MIN_LINE && element.textLen <= MAX_LINE && element.linkLen * 2 < element.textLen) {
        const line = normalizeParagraph(textOf(element, MAX_LINE + 20));
        if (isUpdateLine(line)) return { line, after };
        // Or a part of a byline's line: "By Ana Reyes ⋅ Senior Analyst ⋅ Updated March 5, 2025".
        const part = line.split(PARTS).find((segment) => isUpdateLine(segment.trim()));
        if (part) return { line: part.trim(), after };
      }
      if (inTop && element.flowLen >= PARAGRAPH) {
        passed += element.flowLen;
        if (passed * 2 > top.goodLen) after = true;
      }
    }
    for (let i = element.children.length - 1; i >= 0; i--) {
      const child = element.children[i];
      if (typeof child !== 'string') stack.push(child);
    }
  }
  return null;
}
