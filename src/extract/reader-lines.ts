/**
 * Lines about the reader or the render, not the story: how many free or gift articles this reader
 * has left ("You have 3 free articles left this month", "You have 10 gift articles to give each
 * month"), when the page was generated ("This page was generated at 16:05:33"), how long ago a
 * live blog's entry was ("3 minutes ago", "3分钟前": dates.ts), how long the article's audio runs
 * ("5:32 min"), how old the article is now, the audio and video players' lines. A meter counts
 * down between two serves of a page nobody edited, and a cache renders it anew, so a check that
 * kept them published versions nobody wrote. They go by their words wherever they sit, as the
 * counter lines do.
 */
import { isRelativeTimeLine } from './dates';

/** The longest line taken for one of these: a sentence of a story is longer, or says more. */
const MAX_LINE = 160;

/** Addressing the reader: "you have", "Sie haben", "il vous reste", "te quedan", … */
const YOU =
  /^(?:you(?:'ve|’ve| have| still have| can)|sie (?:haben|können)|du hast|il vous reste|il te reste|vous (?:avez|pouvez)|tu as|(?:te|le|les|os) queda(?:n)?|tienes|tiene|puedes|(?:ti|vi) rest(?:a|ano)|hai|puoi|(?:voc[eê]|tu) (?:tem|pode)|restam|(?:je|u) (?:hebt|heeft|kunt|kan)|er (?:is|zijn) nog)\b/iu;
/** A count: digits or a small number word. */
const COUNT =
  /(?:^|\s)(?:\d+|one|two|three|four|five|ten|no|ein(?:en)?|zwei|drei|keine?|un|une|deux|trois|uno|una|dos|tres|um|uma|dois|duas|één|twee|drie)(?=\s)/iu;
/** What the count is of: articles a reader may still read or give. */
const ARTICLES =
  /(?:^|\s)(?:(?:free|gift|remaining|complimentary)\s+)?(?:articles?|stories|gift links?|artikel|beiträge|texte|articles?|artículos?|noticias|articoli|artigos?|matérias|reportagens|artikelen|verhalen)(?=[\s.,!]|$)/iu;
/** That the count is an allowance: free, to give, left this month. */
const ALLOWANCE =
  /\b(?:free|gifts?|give|left|remaining|(?:this|each|per|a) month)\b|kostenlos|frei(?:e|en)?\b|verschenk|geschenk|übrig|noch\b|monat|gratuit|offrir|reste|mois|gratis|regal|queda|mes\b|restan|mese|grátis|presente|restam|mês|cadeau|weggeven|maand/iu;

/** A count alone, opening the line: "3 free articles left", "Noch 3 kostenlose Artikel". */
const COUNT_LEFT =
  /^(?:noch\s+)?\d+\s+(?:(?:free|gift|more|kostenlose|freie|weitere|gratuits?|gratis|gratuitos?|gratuiti)\s+)*(?:articles?|stories|artikel|artículos|articoli|artigos|artikelen)\s+(?:left|remaining|to give|übrig|verbleibend|restants?|restantes?|rimanenti|over)\b/iu;

/** When the page was generated or served: a cache's, not an editor's, time. */
const RENDERED =
  /^(?:this )?page (?:was )?(?:last )?(?:generated|rendered|built|served|cached)\b.*\d|^(?:generated|rendered|served|cached) (?:at|on|in)\b.*\d/iu;

/** The running time of the article's audio or video player, alone on its line. */
const DURATION =
  /^(?:(?:listen(?: to this article| to this story)?|artikel anhören|anhören|vorlesen|écouter(?: cet article)?|escuchar(?: este artículo)?|ascolta|ouvir|luisteren|audio|podcast)\s*[·•|:,–—-]?\s*)?\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s*(?:min\.?|mins|minutes?|minuten|minutos|minuti|std\.?)$/iu;

/**
 * The age banner a site renders over an old article from today's date ("This article is more than
 * 5 years old"): it appears one day, and ticks from 5 to 6 years, with no edit.
 */
const AGE_BANNER =
  /^(?:this (?:article|story|piece|content) is (?:more than|over) (?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten) (?:years?|months?|days?) old|(?:dieser )?(?:artikel|beitrag|text) ist (?:mehr als|über|älter als) (?:\d+|ein|einen|zwei|drei|vier|fünf|zehn) (?:jahre?n?|monate?n?) alt|(?:dieser )?(?:artikel|beitrag|text) ist älter als (?:\d+|ein|einen|zwei|drei|vier|fünf|zehn) (?:jahre?|monate?)|cet article (?:a|date de) plus d['’]\s?(?:un|\d+) ans?|este artículo tiene más de (?:un|\d+) años?|questo articolo ha più di (?:un|\d+) ann[oi])\.?$/iu;

/** The audio player's button ("Listen to this article"), alone on its line, with or without its running time. */
const LISTEN =
  /^(?:listen to (?:this )?(?:article|story)|(?:diesen )?artikel (?:anhören|vorlesen lassen)|vorlesen lassen|écouter (?:cet )?article|escuchar (?:este )?artículo|ascolta (?:l['’]\s?)?articolo|ouvir (?:este )?artigo|dit artikel beluisteren)(?:\s*[·•|:,–—-]?\s*\(?\d{1,2}:\d{2}(?::\d{2})?\)?\s*(?:min\.?|mins|minutes?|minuten)?)?$/iu;

/** A video slot's line: "Watch: Council debates the budget (2:14)", a label, a title and the running time. */
const WATCH = /^(?:watch|video|ansehen|vidéo|regarder|ver|guarda|assista)\s*:\s*.{1,150}\(\d{1,2}:\d{2}(?::\d{2})?\)$/iu;

/** True for a line about the reader or the render (see above), never a line of the story. */
export function isAboutReader(line: string): boolean {
  if (line.length >= MAX_LINE) return false;
  if (RENDERED.test(line) || DURATION.test(line) || COUNT_LEFT.test(line) || isRelativeTimeLine(line)) return true;
  if (AGE_BANNER.test(line) || LISTEN.test(line) || WATCH.test(line)) return true;
  return YOU.test(line) && COUNT.test(line) && ARTICLES.test(line) && ALLOWANCE.test(line);
}
