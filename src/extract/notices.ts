/**
 * Notices a newsroom attaches to a story when it corrects it: a correction, a clarification, an
 * erratum or an editor's note, in the languages newsrooms most write in. Extraction keeps such a
 * notice even where it sits in an <aside> or a <footer> (notice-blocks.ts), and the kinds of change
 * name a version that adds one a `correction` (diff/kind.ts), which is what makes an edit not silent.
 *
 * A notice opens with a label followed by a colon, a dash, a bracketed date or the end of the line
 * ("Correction:", "CORRECTION (March 13):", "Korrektur vom 13. März:", "Rectificatif :"), or says
 * somewhere that an earlier version was wrong ("An earlier version of this article misstated …",
 * "In einer früheren Fassung hieß es …"). "Update" labels are not notices here: an update line
 * ("Aktualisiert am …") changes with every edit (update-line.ts), and an update is no correction.
 */

/** Labels of a correction, clarification, erratum or editor's note, lower case. */
const LABELS = [
  // English
  'corrections?',
  'clarifications?',
  'errat(?:um|a)',
  'retractions?',
  "editor['’]?s['’]? notes?",
  "editors['’] notes?",
  'note from the editors?',
  // German
  'korrektur(?:hinweis)?',
  'berichtigung',
  'richtigstellung',
  'klarstellung',
  '(?:anmerkung|hinweis) der redaktion',
  'redaktioneller hinweis',
  'anm\\. d\\. red\\.',
  // French
  'rectificatif',
  'rectification',
  'précisions?',
  'note de la rédaction',
  'n\\.?d\\.?l\\.?r\\.?',
  // Spanish
  'fe de erratas',
  'fe de errores',
  'corrección',
  'aclaración',
  'rectificación',
  'nota del editor',
  'nota de (?:la )?redacción',
  // Italian
  'correzione',
  'rettifica',
  'precisazione',
  'errata corrige',
  'nota della redazione',
  // Portuguese
  'correc?ção',
  'esclarecimento',
  'rec?tificação',
  'nota da redac?ção',
  'nota do editor',
  // Dutch
  'correctie',
  'rectificatie',
  'verduidelijking',
  'noot van de redactie',
  'n\\.?v\\.?d\\.?r\\.?',
  // Nordic, Polish, Turkish, Russian
  'rättelse',
  'rettelse',
  'sprostowanie',
  'düzeltme',
  'поправка',
  'примечание редакции',
  // Chinese, Japanese, Korean, Arabic
  '更正(?:声明|聲明)?',
  '勘[误誤]',
  '(?:编者|編者)[按注]',
  '訂正(?:とおわび|とお詫び|のお知らせ)?',
  '(?:おわび|お詫び)と訂正',
  '정정(?:보도)?',
  '바로잡습니다',
  'تصحيح',
  'تصويب',
  'ملاحظة المحرر',
];

/** Quotes, brackets, emphasis marks and dashes a notice may open with. */
const LEAD = String.raw`^[\s"“”„'‘’«»(\[*_–—【〔［-]*`;
/**
 * What follows a label: a colon or a dash, a bracketed date, "vom 13. März" or "of June 12" before a
 * colon, or nothing (a label on a line of its own). Never a letter: "Corrections officers said …"
 * and "Précision horlogère" are sentences, not notices.
 */
const AFTER_LABEL = String.raw`(?:\s*\([^)]{0,40}\))?(?:\s+(?:vom|of|on|du|del|de|dal|van|em|am|le|el)\s+[^:!?]{1,30})?\s*(?:[:：】〕］]|[–—-]\s|\.\s|\n|$)`;
const LABELLED = new RegExp(`${LEAD}(?:${LABELS.join('|')})${AFTER_LABEL}`, 'iu');

/** Sentences that say an earlier version was wrong, wherever they stand in a paragraph. */
const EARLIER_VERSION = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[
    '(?:an earlier|a previous|an? prior) version of this (?:article|story|post|report|piece|headline|caption|graphic|chart|map|photo|video)',
    'this (?:article|story|post|report) (?:has been|was) (?:corrected|amended)',
    'this (?:article|story|post|report) (?:has been|was) (?:updated|changed|edited) to (?:correct|fix|clarify|remove an error)',
    'we regret the error',
    '(?:has|have) been corrected to',
    '(?:in )?einer (?:früheren|vorherigen|älteren) (?:version|fassung) (?:dieses|des) (?:artikels|textes|beitrags)',
    '(?:dieser|der) (?:artikel|text|beitrag) wurde (?:nachträglich )?(?:korrigiert|berichtigt)',
    'wir bitten,? (?:den|diesen) fehler zu entschuldigen',
    '(?:une|la) (?:précédente |première )?version (?:précédente |antérieure )?de cet (?:article|texte)',
    'cet (?:article|texte) a été (?:corrigé|rectifié)',
    'una versión anterior de (?:este|esta) (?:artículo|nota|información|noticia|texto)',
    '(?:este|esta) (?:artículo|nota|información|noticia|texto) (?:ha sido|fue) corregid[oa]',
    'una (?:precedente|prima) versione di questo (?:articolo|testo)',
    'questo (?:articolo|testo) è stato corretto',
    'uma versão anterior (?:deste|desta) (?:artigo|texto|reportagem|notícia|matéria)',
    '(?:este|esta) (?:artigo|texto|reportagem|notícia|matéria) foi corrigid[oa]',
    'een eerdere versie van dit (?:artikel|bericht|stuk)',
    'dit (?:artikel|bericht|stuk) is gecorrigeerd',
  ].join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

/**
 * True when a paragraph is a correction, clarification, erratum or editor's note: it opens with such
 * a label, or says an earlier version was wrong.
 */
export function isEditorialNotice(paragraph: string): boolean {
  return LABELLED.test(paragraph) || EARLIER_VERSION.test(paragraph);
}

const LABEL_ALONE = new RegExp(`${LEAD}(?:${LABELS.join('|')})\\s*[:：]?\\s*$`, 'iu');

/** The label alone, on a line of its own ("Correction", "Editor's note:"): a heading over a notice. */
export function isNoticeLabel(line: string): boolean {
  return line.length <= 40 && LABEL_ALONE.test(line);
}
