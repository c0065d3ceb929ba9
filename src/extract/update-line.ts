/**
 * The article's own "Updated …" line. Editors change it when they edit ("Aktualisiert am 6. Januar
 * 2026, 16:37 Uhr" -> "… 13. Februar 2026, 18:57 Uhr"), and a reader sees it above the story, so it
 * is part of the text. It sits in a <time> in the article's <header>, which extraction otherwise
 * leaves out with the header (headline, byline, share bar). Kept only when it says it is an update
 * and names an absolute date or time: a relative "updated 3 minutes ago" changes on every serve.
 */
import { RELATIVE, YEAR_OR_CLOCK as ABSOLUTE } from './dates';
import { normalizeParagraph } from './normalize';
import type { Element, HeaderTime } from './tree';

/** "updated" (or "last updated") in the languages newsrooms most write in, and German "Stand" (as of). */
export const UPDATE_WORDS =
  /(?:last |zuletzt |dernière |ultima |última |laatst )?(?:updated|modified|aktualisiert|geändert|stand|mis à jour|mise à jour|actualisé|actualizado|actualizada|atualizado|atualizada|aggiornato|aggiornata|bijgewerkt|uppdaterad|opdateret|oppdatert|päivitetty|zaktualizowano|aktualizováno|aktualizované|frissítve|actualizat|обновлено|оновлено|güncellendi|güncelleme)/;
/** Starts with an update word. */
const UPDATED = new RegExp(`^${UPDATE_WORDS.source}(?=[\\s:,.]|$)`, 'iu');
/** Ends with an update word and maybe a preposition or a colon: a label just before a <time> ("Updated", "Stand:"). */
const LABEL = new RegExp(`(?:^|[\\s(|•·])(${UPDATE_WORDS.source}(?:\\s+(?:am|on|le|el|il|op|at))?\\s*:?)$`, 'iu');
const MAX_LINE = 100;

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
    const line = label ? `${label[1]} ${own}` : own;
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
