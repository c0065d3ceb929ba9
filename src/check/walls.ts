/**
 * Walls: a page served with status 200 that is not the article but a cookie-consent interstitial
 * or a paywall teaser. Either is read as text like any page, and long enough to pass the word floor,
 * so without this the wall became version 1 (or a `rewrite` of the article) and the article served
 * afterwards a "headline changed … rewrite".
 *
 * A consent wall is short and dominated by the consent notice addressed to the reader: most of
 * its words stand in sentences about cookies, consent, privacy and partners, and it either names
 * its buttons ("Accept all", „Alle akzeptieren“, « Tout accepter ») or speaks the interstitial's
 * own phrases ("we and our partners", "by clicking", "mit Klick auf"). A privacy policy talks of
 * cookies and consent at length, but it is thousands of words long and names no button.
 * A paywall is a short teaser that ends with the call to subscribe ("subscribe to continue
 * reading", "Jetzt weiterlesen mit …"); a promo complete stories also end with ("Already a
 * subscriber? Log in.") counts only under a teaser of at most a hundred words.
 *
 * Pure: no Workers APIs, so the check and tests share it.
 */
import { countWords } from '../diff/tokens';

export type Wall = 'consent' | 'paywall';

/**
 * Longest text read as a wall. Walls are 50-300 words; an article behind a wall of this length
 * would be stored as a version only after the wall is gone. Articles that merely mention cookies
 * or subscriptions are kept out by the language tests below, not by this length.
 */
export const WALL_MAX_WORDS = 400;
/** Share of the words that must stand in consent-notice sentences (or be button labels). */
const CONSENT_DOMINANCE = 0.6;
/** Words at the end of the text in which a paywall's call to subscribe must stand. */
const PAYWALL_TAIL_WORDS = 60;

/** What a consent notice talks about, in English, German, French and Spanish. */
const CONSENT_TERM =
  /cookie|consent|privacy|partner|preferences|personal(?:ised|ized)? (?:data|ads|advertising|content)|tracking|einwillig|zustimm|datenschutz|privatsphäre|personalisiert|consentement|vie privée|confidentialité|partenaires|données personnelles|personnalisé|consentimiento|privacidad|socios|datos personales/iu;
/**
 * A notice speaks to the reader (we, you; wir, Sie; nous, vous; tú): a news story about cookie
 * banners reports in the third person, so its sentences do not count as the notice.
 */
const ADDRESSES_READER = /\b(?:we|our|you|your|wir|unser\w*|nous|nos|notre|vous|vos|votre|tu|tus|usted|nosotros|nuestr\w*)\b/i;
/** Forms whose case tells them apart: "us" (not "US"), German "Sie"/"Ihre" (not "sie"/"ihre"). */
const ADDRESSES_READER_CASED = /\b(?:us|uns|Sie|Ihnen|Ihre?[mnrs]?)\b/;

/**
 * Button labels of consent walls. They count only where a button stands: a line of its own, in
 * quotes, or between separators ("Accept all / Reject all"), so "would not accept all of it"
 * in a sentence is no label.
 */
const CONSENT_LABEL = new RegExp(
  '(?:^|[\\n"“”„‘’\'«»‹›/|•·\\[(])\\s*(' +
    [
      'accept all(?: cookies)?',
      'accept cookies',
      'reject all(?: cookies)?',
      'decline all',
      'deny all',
      'refuse all',
      'allow all(?: cookies)?',
      'agree and (?:continue|close)',
      'i agree',
      'i accept',
      'manage (?:cookie |my |your )?(?:preferences|settings|options|choices)',
      'cookie (?:settings|preferences)',
      'customi[sz]e (?:settings|choices)',
      'more options',
      'alle (?:cookies )?akzeptieren',
      'alle ablehnen',
      'akzeptieren(?: und weiter)?',
      'ablehnen',
      'zustimmen(?: und weiter)?',
      'einverstanden',
      'einstellungen(?: verwalten| anpassen)?',
      'cookie-einstellungen',
      'nur (?:notwendige|erforderliche) cookies(?: akzeptieren| zulassen)?',
      'tout accepter',
      'tout refuser',
      'accepter(?: et (?:continuer|fermer))?',
      'continuer sans accepter',
      "j'accepte",
      'j’accepte',
      '(?:gérer|paramétrer|personnaliser)(?: (?:les|mes|vos) (?:préférences|paramètres|choix|cookies))?',
      'aceptar(?: todo| todas| cookies)?',
      'rechazar(?: todo| todas)?',
      'configurar(?: cookies)?',
    ].join('|') +
    ')\\s*(?=$|[\\n"“”„‘’\'«»‹›/|•·\\]).!?,:;])',
  'giu',
);

/** Phrases only a consent interstitial speaks: it addresses the reader's choice now, on this page. */
const CONSENT_PHRASES: RegExp[] = [
  /\bwe (?:value|care about|respect) your privacy\b/i,
  /\byour privacy (?:choices|is important|matters)\b/i,
  /\bbefore you continue\b/i,
  /\bwe and our (?:\d+ )?(?:partners|vendors)\b/i,
  /\bstore and\/or access information on a device\b/i,
  /\bby (?:clicking|selecting|choosing|tapping)\b/i,
  /\b(?:click|select|choose|tap) ["“‘']?(?:accept|reject|agree|manage|i agree)/i,
  /\bby continuing to (?:use|browse)\b/i,
  /\byou can (?:change|withdraw|update|manage) your (?:choices|preferences|settings|consent) at any time\b/i,
  /\bwir und unsere (?:\d+ )?partner\b/i,
  /\b(?:mit|durch) (?:einem )?klick auf\b/i,
  /\bwenn sie (?:auf )?["„“]?(?:alle akzeptieren|akzeptieren|zustimmen)/i,
  /\bihre privatsphäre ist uns wichtig\b/i,
  /\bwir (?:respektieren|schützen) ihre privatsphäre\b/i,
  /\binformationen auf einem gerät (?:speichern|zu speichern)/i,
  /\bsie können ihre (?:auswahl|einstellungen|einwilligung|entscheidung) jederzeit\b/i,
  /\bnous et nos (?:\d+ )?partenaires\b/i,
  /\ben cliquant sur\b/i,
  /\bnous respectons votre vie privée\b/i,
  /\bvotre vie privée (?:nous tient à cœur|est importante)\b/i,
  /\bvous pouvez (?:modifier|changer|retirer) (?:vos choix|votre consentement)/i,
  /\bstocker et\/ou accéder à des informations\b/i,
  /\bnosotros y nuestros (?:\d+ )?socios\b/i,
  /\bvaloramos tu privacidad\b/i,
];

/**
 * A paywall's call to subscribe, as the teaser ends, saying the text is cut: "subscribe to
 * continue reading", "78% of this article is left". Newsletter sign-ups are no paywall.
 */
const PAYWALL_CALL: RegExp[] = [
  /\bsubscribe (?:now |today )?to (?:continue|keep) reading\b/i,
  /\bsubscribe (?:now |today )?to (?:read|unlock) (?:the (?:full|rest|whole)|this|more)\b/i,
  /\bto (?:continue|keep) reading,? (?:please )?(?:subscribe|log ?in|sign ?in|register|become a (?:subscriber|member))\b/i,
  /\bthis (?:article|story|content) is (?:only available|available only|exclusively available|reserved) (?:to|for) (?:subscribers|members)\b/i,
  /\byou(?:'|’)?ve reached (?:your|the) (?:free )?(?:article|story) limit\b/i,
  /\bjetzt weiterlesen mit\b/i,
  /\bweiterlesen mit (?:\S+ )?(?:plus|abo|digital)/i,
  /\bum (?:den|diesen) (?:ganzen |vollständigen )?(?:artikel|beitrag|text) (?:weiter |vollständig )?zu lesen\b/i,
  /\bdieser (?:artikel|beitrag|inhalt) ist (?:nur )?(?:für|exklusiv für) (?:abonnenten|abonnentinnen|abonnierende)/i,
  /\b(?:pour (?:continuer à lire|lire la suite)|abonnez-vous pour (?:lire|continuer))\b/i,
  /\bcet article est réservé aux abonnés\b/i,
  /\bil vous reste \d+ ?% de cet article à lire\b/i,
  /\bsuscríbete para (?:seguir|continuar) leyendo\b/i,
];

/**
 * A call to subscribe that complete stories end with too ("Already a subscriber? Log in.",
 * "Subscribe for unlimited access"): a paywall only under a teaser of at most PROMO_TEASER_WORDS.
 */
const PROMO_CALL: RegExp[] = [
  /\balready (?:a subscriber|subscribed|a member)\?? ?(?:please )?(?:log ?in|sign ?in)\b/i,
  /\b(?:become a subscriber|subscribe) for (?:full|unlimited) access\b/i,
  /\babonnieren sie (?!(?:\S+ ){0,3}(?:newsletter|podcast|kanal|channel))/i,
  /\b(?:bereits|schon) abonnent(?:in)?\?/i,
  /\bdéjà abonné(?:e)? ?\?/i,
  /\b¿?ya eres suscriptor/i,
];
const PROMO_TEASER_WORDS = 100;

/** Sentences and lines: the units whose share of the words tells what dominates a text. */
function sentencesOf(text: string): string[] {
  return text.split(/\n+|(?<=[.!?])\s+/).filter((s) => s.trim() !== '');
}

function isConsentWall(text: string, words: number): boolean {
  const labels = new Set<string>();
  for (const match of text.matchAll(CONSENT_LABEL)) labels.add(match[1].toLowerCase());
  const phrases = CONSENT_PHRASES.filter((phrase) => phrase.test(text)).length;
  if (labels.size === 0 && phrases < 2) return false;
  let consentWords = 0;
  for (const sentence of sentencesOf(text)) {
    const bareLabels = sentence.replace(CONSENT_LABEL, '').replace(/[\s/|•·"“”„‘’'«»‹›[\]().!?,:;]+/g, '');
    if (bareLabels === '' || (CONSENT_TERM.test(sentence) && (ADDRESSES_READER.test(sentence) || ADDRESSES_READER_CASED.test(sentence))))
      consentWords += countWords(sentence);
  }
  return consentWords >= CONSENT_DOMINANCE * words;
}

function isPaywall(text: string, words: number): boolean {
  const all = text.trim().split(/\s+/);
  const tail = all.slice(-PAYWALL_TAIL_WORDS).join(' ');
  if (PAYWALL_CALL.some((call) => call.test(tail))) return true;
  return words <= PROMO_TEASER_WORDS && PROMO_CALL.some((call) => call.test(tail));
}

/**
 * Which wall a page's text is, or null for a text that may be the article. `words` is its word
 * count when the caller has it (a check's anomaly test has just counted them).
 */
export function recognizeWall(text: string, words = countWords(text)): Wall | null {
  if (words === 0 || words > WALL_MAX_WORDS) return null;
  if (isConsentWall(text, words)) return 'consent';
  if (isPaywall(text, words)) return 'paywall';
  return null;
}
