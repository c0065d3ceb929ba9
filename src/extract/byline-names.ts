/**
 * Where a byline's names begin and end. A byline is the people who wrote the story: the words
 * around them on the page (a relative time, an "Updated …" time, a date, a reads counter, a
 * reading time, a role) change between serves or edits of other things, and are never part of it.
 */
import { bylineForm } from './normalize';
import { UPDATE_WORDS } from './update-line';

/**
 * What opens a byline before the names: "By", "Written by", "Von", "Par", "Por", "Door", "Author:"
 * (alone, it names no one), and Italian "di" in lower case only: "Di Maio" is a name.
 */
export const NAMES_PREFIX =
  /^(?:(?:(?:[Ww]ritten|WRITTEN|[Rr]eporting|REPORTING|[Ss]tory|STORY|[Ww]ords|WORDS)\s+)?(?:[Bb][Yy]|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|POR|[Dd]oor|DOOR|[Aa]uthor|AUTHOR)|di)(?:\s*:\s*|\s+|$)/;
/** A "By" later in a byline element's line, where its names start ("Heard on All Things Considered By …"). */
const BY_LATER = /\s(?:[Bb]y|BY)\s*:?\s+\p{Lu}/u;

const MONTHS =
  'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|januar|februar|märz|mai|juni|juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre';
const WEEKDAYS =
  '(?:mon|tues|wednes|thurs|fri|satur|sun)day|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche';
/** A time said in words, with no digit to end the names at: "an hour ago", "yesterday", "vor einer Stunde". */
const TIME_IN_WORDS =
  "(?:an?|one|a few|few|several)\\s+(?:second|minute|hour|day|week|month|year)s?\\s+ago|moments?\\s+ago|just now|yesterday|today|vor|il y a|hace|gestern|heute|hier|aujourd'hui|ayer|hoy";
/** A label that opens what follows the names: a date's, an update's, a reading time's. */
const LABELS = `on|published|posted|reviewed|fact[- ]checked|le|am|reading time|lesezeit|temps de lecture|${UPDATE_WORDS.source}`;

/**
 * Where the names end: a separator, a digit (a date, a clock time, "3 hours ago", "1,204 reads",
 * "4 min read"), a handle, a parenthesis (unless it names more: "(avec Damien Leloup)"), a label, a
 * time in words, a weekday, a month before its day.
 */
const NAMES_END = new RegExp(
  `\\s[-–—]\\s|[|•⋅·∙@\\d]|\\((?!(?:with|and|avec|et|mit|und)\\s)|\\s(?:${LABELS}|${TIME_IN_WORDS}|${WEEKDAYS})(?=[\\s:,.]|$)|\\s(?:${MONTHS})\\.?\\s+\\d`,
  'iu',
);
export const NAMES_SPLIT = /\s*(?:[,;&]|\s(?:and|und|et|y|e|en)\s)\s*/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|van|von|der|den|de|da|di|du|la|le|del|dos|bin|al)$/u;
/** Words that are never part of a person's name in a byline: roles, desks, date labels, months. */
/** (Months that are also given names are left out: Jan Jansen, August Modersohn, June Carter, April Ryan; a month before a day ends the names anyway.) */
const ROLE =
  /\b(?:authors?|editors?|reporters?|writers?|correspondents?|contributors?|columnists?|professor|analyst|staff|expert|senior|chief|news|press|team|desk|ceo|dr|updated|published|posted|modified|last|january|february|march|july|september|october|november|december|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b/i;
const TRAILING = /[\s,;:.–—-]+$/;
/** A name that opens with an initial is a person's, whatever its surname says: "A. Reporter", "B. Writer". */
const INITIAL = /^\p{Lu}\.\s/u;

/** The text after "By" up to where the names end: "By Jane Doe and John Roe | May 3" -> "Jane Doe and John Roe". */
export function namesPart(line: string): string {
  const rest = line.replace(NAMES_PREFIX, '');
  // A space in front, so a line that opens with a label or a time ("Updated 4:05 p.m.") names no one.
  const end = ` ${rest}`.search(NAMES_END);
  return (end < 0 ? rest : rest.slice(0, Math.max(0, end - 1))).replace(TRAILING, '').trim();
}

/** The people a byline names: parts of two to five capitalized words (name particles allowed), no role. */
export function namesIn(line: string): string[] {
  return namesPart(line)
    .split(NAMES_SPLIT)
    .filter((part) => {
      const words = part.split(/\s+/);
      return words.length >= 2 && words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && (!ROLE.test(part) || INITIAL.test(part));
    });
}

/**
 * A byline element's line from its "By" to where its names end, the "By" kept as written: "By Jane
 * Doe · 3 hours ago" -> "By Jane Doe", "Anna Reyes Updated March 12, 2025" -> "Anna Reyes",
 * "Updated 4:05 p.m. By Jane Doe" -> "By Jane Doe". Null when no name is left ("3 hours ago",
 * "Updated 4:05 p.m.", "By"). Any script: a name need not be capitalized here.
 */
export function bylineLine(text: string): string | null {
  const by = NAMES_PREFIX.test(text) ? -1 : text.search(BY_LATER);
  const line = by < 0 ? text : text.slice(by + 1);
  const names = withoutRoles(namesPart(line));
  if (names === '' || !/\p{L}/u.test(names)) return null;
  const prefix = NAMES_PREFIX.exec(line)?.[0] ?? '';
  return `${prefix}${names}`;
}

/** The names without a role after them: "Jane Doe, Staff Writer" -> "Jane Doe" ("A. Reporter" stays a name). */
function withoutRoles(names: string): string {
  let cut = names;
  for (let trailing = TRAILING_PART.exec(cut); trailing; trailing = TRAILING_PART.exec(cut)) {
    const part = trailing[1].trim();
    if (!ROLE.test(part) || INITIAL.test(part)) break;
    cut = cut.slice(0, trailing.index).trim();
  }
  return cut;
}

/** The last comma-separated part of a line. */
const TRAILING_PART = /,([^,]+)$/;

/**
 * Whether a byline stored by rules before names were cut out of the line (BYLINE_READING < 3) and
 * the byline read today are one, as far as those rules could tell: both cut where the names end
 * ("By Anna Reyes · 3 hours ago" is "Anna Reyes"), and the names of one all among the other's (the
 * older rules read only the first of several author links, and took a JSON-LD author over the
 * byline shown). One that named no one ("Posted by:", "Updated March 13, 2024") was not read. A
 * byline gone or replaced by other names still differs.
 */
export function sameNamesAsReadBefore(before: string, today: string | null): boolean {
  const names = (byline: string | null) =>
    new Set(
      bylineForm(byline === null ? '' : bylineLine(byline))
        .split(',')
        .filter(Boolean),
    );
  const old = names(before);
  const now = names(today);
  if (old.size === 0) return true;
  if (now.size === 0) return false;
  const within = (a: Set<string>, b: Set<string>) => [...a].every((name) => b.has(name));
  return within(old, now) || within(now, old);
}
