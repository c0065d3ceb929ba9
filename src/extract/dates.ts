/**
 * What a date or time a page shows says: a moment (a year, a clock time, a day and month) or a
 * distance from now ("3 minutes ago", "vor 3 Stunden", "3h"). A moment stays the same between two
 * serves of an unedited page and is text a reader sees; a distance changes on every serve.
 */

/** A year (1800–2099) or a clock time: the text names a moment. */
export const YEAR_OR_CLOCK = /(?:^|\D)(?:1[89]|20)\d\d(?!\d)|(?:^|\D)\d{1,2}[:.h]\d\d(?!\d)/u;
/** A numeric day and month (13.02., 13/02, 2/13). */
const DAY_MONTH = /(?:^|\D)\d{1,2}[./]\d{1,2}(?:[./]|$|\s)/u;
/** Words of a relative time ("3 hours ago", "vor 3 Stunden", "il y a 3 heures"). */
export const RELATIVE = /(?:^|\s)(?:ago|vor|il y a|hace|fa|geleden|sedan|siden|назад|тому|önce)(?=[\s.,)]|$)/iu;

/** True when a <time>'s text names a moment, not a distance from now or a bare weekday. */
export function namesMoment(text: string): boolean {
  return !RELATIVE.test(text) && (YEAR_OR_CLOCK.test(text) || DAY_MONTH.test(text));
}
