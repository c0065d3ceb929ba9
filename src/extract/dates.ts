/**
 * What a date or time a page shows says: a moment (a year, a clock time, a day and month) or a
 * distance from now ("3 minutes ago", "vor 3 Stunden", "3h"). A moment stays the same between two
 * serves of an unedited page and is text a reader sees; a distance changes on every serve.
 */

/** A year (1800–2099) or a clock time: the text names a moment. */
export const YEAR_OR_CLOCK = /(?:^|\D)(?:1[89]|20)\d\d(?!\d)|(?:^|\D)\d{1,2}[:.h]\d\d(?!\d)/u;
/** A numeric day and month (13.02., 13/02, 2/13). */
const DAY_MONTH = /(?:^|\D)\d{1,2}[./]\d{1,2}(?:[./]|$|\s)/u;
/** Months by name and their abbreviations, in the languages of the news (en, de, fr, es, it, pt, nl). */
const MONTH = [
  'jan(?:uary|uar|vier|eiro|uari)?|jänner|janv|enero|ene|gen(?:naio)?',
  'feb(?:ruary|ruar|rero|braio|ruari)?|févr(?:ier)?|fev(?:ereiro)?',
  'mar(?:ch|s|zo|ço)?|märz|mär|maart|mrt',
  'apr(?:il|ile)?|avr(?:il)?|abr(?:il)?',
  'may(?:o)?|mai|maggio|mag|maio|mei',
  'june?|juni|juin|junio|giu(?:gno)?|junho',
  'july?|juli|juil(?:let)?|julio|lug(?:lio)?|julho',
  'aug(?:ust|ustus)?|août|ago(?:sto)?',
  'sep(?:t|tember|tiembre|tembre)?|setiembre|set(?:tembre|embro)?',
  'oct(?:ober|obre|ubre)?|okt(?:ober)?|ott(?:obre)?|out(?:ubro)?',
  'nov(?:ember|embre|iembre|embro)?',
  'dec(?:ember)?|dez(?:ember|embro)?|déc(?:embre)?|dic(?:iembre|embre)?',
].join('|');
/** A day and a month by name ("24 May", "24. Mai", "1er mars", "24 de mayo", "May 24", "3月24日"). */
const DAY_MONTH_NAME = new RegExp(
  `(?<![\\p{L}\\d])\\d{1,2}(?:st|nd|rd|th|er|\\.)?\\s*(?:de\\s+|of\\s+)?(?:${MONTH})(?![\\p{L}])|(?<![\\p{L}])(?:${MONTH})\\.?\\s+\\d{1,2}(?!\\d)|\\d{1,2}月\\d{1,2}日`,
  'iu',
);
/** Words of a relative time ("3 hours ago", "vor 3 Stunden", "il y a 3 heures"). */
export const RELATIVE = /(?:^|\s)(?:ago|vor|il y a|hace|fa|geleden|sedan|siden|назад|тому|önce)(?=[\s.,)]|$)/iu;

/** True when a <time>'s text names a moment, not a distance from now or a bare weekday. */
export function namesMoment(text: string): boolean {
  return !RELATIVE.test(text) && (YEAR_OR_CLOCK.test(text) || DAY_MONTH.test(text) || DAY_MONTH_NAME.test(text));
}

/** A count of a time unit: digits, or "a"/"an"/"one" and their kin. */
const N = String.raw`(?:\d{1,3}|an?|one|eine[mnr]?|une?|una?|um|uma|één|een)`;
/**
 * A line that is only a distance from now, with maybe an "Updated"/"Posted" before it: "3 minutes
 * ago", "vor 3 Stunden", "il y a 3 heures", "hace 3 horas", "3 ore fa", "3分钟前", "3分前", "3분 전",
 * "منذ 3 ساعات", "just now". A live blog stamps each entry with one, and it changes on every serve.
 */
const RELATIVE_LINE = new RegExp(
  `^[\\s·•|(\\[]*(?:(?:updated|posted|published|aktualisiert|veröffentlicht|mis à jour|publié|actualizado|publicado|aggiornato|pubblicato)\\s*:?\\s*)?(?:${[
    String.raw`${N}\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mos?|months?|y|yrs?|years?)\.?\s+ago`,
    'just now|moments? ago|a moment ago|a few (?:seconds|minutes) ago',
    String.raw`vor\s+${N}\s*(?:sek(?:unden?)?|min(?:uten?)?|std|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?)\.?|gerade eben`,
    String.raw`il y a\s+${N}\s*(?:s|sec(?:ondes?)?|min(?:utes?)?|h|heures?|jours?|semaines?|mois|ans?)|à l'instant`,
    String.raw`hace\s+${N}\s*(?:s|seg(?:undos?)?|min(?:utos?)?|h|horas?|días?|semanas?|mes(?:es)?|años?)`,
    String.raw`há\s+${N}\s*(?:s|seg(?:undos?)?|min(?:utos?)?|h|horas?|dias?|semanas?|mes(?:es)?|anos?)`,
    String.raw`${N}\s*(?:secondi|minut[oi]|or[ae]|giorn[oi]|settiman[ae]|mes[ei]|ann[oi])\s+fa`,
    String.raw`${N}\s*(?:seconden|minuut|minuten|uur|dagen?|weken?|maanden?|jaar)\s+geleden`,
    String.raw`\d{1,3}\s*(?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет)\s+назад`,
    String.raw`\d{1,3}\s*(?:saniye|dakika|saat|gün|hafta|ay|yıl)\s+önce`,
    String.raw`\d{1,3}\s*(?:秒钟?|秒鐘|分钟|分鐘|分|小时|小時|時間|天|日|周|週間?|个月|個月|か月|ヶ月|年)前|刚刚|剛剛|たった今`,
    String.raw`\d{1,3}\s*(?:초|분|시간|일|주|개월|달|년)\s*전|방금(?:\s*전)?`,
    String.raw`منذ\s+(?:\d{1,3}\s*)?(?:ثانية|ثوان|دقيقة|دقائق|دقيقتين|ساعة|ساعتين|ساعات|يوم|يومين|أيام|أسبوع|أسابيع|شهر|أشهر|سنة)`,
  ].join('|')})[\\s·•|)\\].]*$`,
  'iu',
);

/** True for a line that says only how long ago something was ("3 minutes ago", "3分钟前"): never the story's text. */
export function isRelativeTimeLine(line: string): boolean {
  return line.length <= 60 && RELATIVE_LINE.test(line);
}
