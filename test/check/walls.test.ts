/**
 * Consent walls and paywalls are recognised from the text a check extracts; privacy policies
 * (real pages, test/fixtures/walls), news about cookies or subscriptions, and articles that end with
 * a newsletter sign-up are not.
 */
import { describe, expect, it } from 'vitest';
import { detectAnomaly } from '../../src/check/anomaly';
import { recognizeWall } from '../../src/check/walls';
import { extractArticle } from '../../src/extract';
import frde from '../fixtures/walls/frde-datenschutz.html?raw';
import heise from '../fixtures/walls/heisede-datenschutz.html?raw';

const settings = { minArticleWords: 25, maxShrinkRatio: 0.6 };

const consentWalls: [string, string][] = [
  [
    'an English interstitial with its buttons',
    `We value your privacy

We and our 842 partners store and/or access information on a device, such as cookies, and process personal data, such as unique identifiers and standard information sent by a device, for personalised advertising and content, advertising and content measurement, audience research and services development.

With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our partners' processing as described above. Alternatively you may access more detailed information and change your preferences before consenting or to refuse consenting.

Please note that some processing of your personal data may not require your consent, but you have a right to object to such processing. Your preferences will apply to this website only. You can change your preferences at any time by returning to this site or visiting our privacy policy.

Accept all / Reject all / Manage preferences`,
  ],
  [
    'an English interstitial whose buttons the extractor dropped',
    `We and our partners store and/or access information on a device, such as cookies, and process personal data for personalised advertising and content, advertising and content measurement, audience research and services development.

You may click to consent to our and our partners' processing as described above. Alternatively you may refuse to consent or change your preferences before consenting. Your preferences will apply to this website only. You can change your preferences at any time by visiting our privacy page.`,
  ],
  [
    'a German one (Zustimmen, Einstellungen verwalten)',
    `Wir und unsere 231 Partner speichern und/oder greifen auf Informationen auf einem Gerät zu, beispielsweise Cookies, und verarbeiten personenbezogene Daten für personalisierte Anzeigen und Inhalte, Anzeigen- und Inhaltsmessungen sowie Erkenntnisse über Zielgruppen.

Mit Klick auf „Zustimmen“ willigen Sie in diese Verarbeitung ein. Sie können Ihre Einwilligung jederzeit über den Link „Datenschutz-Einstellungen“ am Ende jeder Seite widerrufen oder anpassen.

Ihre Privatsphäre ist uns wichtig: Unter „Einstellungen verwalten“ können Sie einzelne Zwecke und Partner auswählen.

Alle akzeptieren
Einstellungen verwalten`,
  ],
  [
    'a French one (Tout accepter, Continuer sans accepter)',
    `Votre vie privée nous tient à cœur

Nous et nos partenaires utilisons des cookies pour stocker et/ou accéder à des informations sur un appareil, mesurer l'audience et vous proposer des publicités et contenus personnalisés.

En cliquant sur « Tout accepter », vous consentez à ces traitements. Vous pouvez retirer votre consentement à tout moment depuis la page Confidentialité.

Tout accepter | Continuer sans accepter | Paramétrer les cookies`,
  ],
];

const paywalls: [string, string][] = [
  [
    'an English teaser',
    'The central bank raised its key rate by half a point on Thursday, the largest increase in two decades, as officials warned that inflation would stay high well into next year. Markets fell sharply after the announcement.\n\nSubscribe to continue reading. Already a subscriber? Log in.',
  ],
  [
    'a German teaser (Jetzt weiterlesen mit …)',
    'Die Landesregierung will die Grundsteuer im kommenden Jahr neu berechnen lassen. Kommunen fürchten Einnahmeausfälle in Millionenhöhe, die Opposition spricht von einem Chaos mit Ansage.\n\nJetzt weiterlesen mit SZ Plus. Bereits Abonnent? Hier anmelden.',
  ],
  [
    'a German teaser (Abonnieren Sie …)',
    'Der Stadtrat hat am Dienstag den Haushalt für das kommende Jahr beschlossen. Die Schulden steigen um zwölf Millionen Euro, vor allem wegen der Sanierung zweier Brücken.\n\nAbonnieren Sie jetzt unser Digital-Abo, um den ganzen Artikel zu lesen.',
  ],
  [
    'a short teaser that ends with a promo only',
    'The central bank raised its key rate by half a point on Thursday, the largest increase in two decades, as officials warned that inflation would stay high.\n\nAlready a subscriber? Log in.',
  ],
  [
    'a French teaser',
    "Le gouvernement a présenté mercredi son projet de budget pour l'an prochain, qui prévoit des économies de plusieurs milliards d'euros dans les ministères.\n\nIl vous reste 78% de cet article à lire. La suite est réservée aux abonnés. Déjà abonné ? Se connecter",
  ],
];

const articles: [string, string][] = [
  [
    'news about cookie banners, quoting their buttons',
    `The data protection authority fined the publisher 300,000 euros on Monday because its cookie banner made refusing harder than agreeing.

Visitors saw a large “Accept all” button, while “Reject all” sat behind a second screen labelled “Manage preferences”, the regulator said in its decision.

The publisher said it would appeal. Consumer groups have long argued that such designs push readers into consenting to tracking they do not want.

Several other sites changed their banners after a similar ruling last year, and the authority said it would review more of them in the coming months.`,
  ],
  [
    'a story about a bakery’s cookies',
    'The bakery on Main Street sold its ten thousandth chocolate chip cookie on Saturday, its owners said. Customers queued around the block for a free cookie, and the owners thanked their partners at the farmers’ market. “We never thought our cookies would be this popular,” said Ana Ruiz, who founded the shop with her brother in 2019.',
  ],
  [
    'a story that ends with a newsletter sign-up',
    'The council approved the new cycle lanes on Tuesday after a two-hour debate. Work is due to start in March and finish before the summer holidays, officials said.\n\nSubscribe to our newsletter to get the latest local news every morning.',
  ],
  [
    'a complete story that ends with a subscription promo',
    `The city council voted on Thursday to approve a new budget of 4.2 billion dollars after weeks of heated debate among its members.

Mayor Alice Brown said the budget would fund new schools, repair roads and hire more police officers over the next two years.

Critics argued that the plan relied too heavily on optimistic revenue forecasts. They said the city could face a deficit by 2028.

Council member Tom Green, who voted against the measure, called it a gamble with taxpayers' money and urged a review.

The budget takes effect on January 1 and will be reviewed again in the spring, officials said in a statement on Friday.

Support independent local journalism. Subscribe to the Daily Bugle today for unlimited access to all our stories. Already a subscriber? Log in.`,
  ],
  [
    'a story about streaming subscribers',
    'Netflix said on Tuesday it added 8.8 million subscribers in the third quarter, more than analysts expected, as viewers signed up to watch its new series. Shares rose 12 percent in after-hours trading. Customers who subscribe to the cheaper plan with advertising now make up a third of new sign-ups, the company said.',
  ],
];

describe('consent walls and paywalls', () => {
  it.each(consentWalls)('%s is a consent wall, an anomaly that says so', (_name, text) => {
    expect(recognizeWall(text)).toBe('consent');
    expect(detectAnomaly(text, null, settings)).toBe('extraction anomaly: the page is a cookie-consent wall, not the article');
    expect(detectAnomaly(text, 128, settings)).toBe('extraction anomaly: the page is a cookie-consent wall, not the article');
  });

  it.each(paywalls)('%s ending with a call to subscribe is a paywall', (_name, text) => {
    expect(recognizeWall(text)).toBe('paywall');
    expect(detectAnomaly(text, null, settings)).toBe('extraction anomaly: the page is a paywall, not the article');
  });

  it.each(articles)('%s is no wall', (_name, text) => {
    expect(recognizeWall(text)).toBeNull();
    expect(detectAnomaly(text, null, settings)).toBeNull();
  });

  it.each([
    ['fr.de', frde, 'https://www.fr.de/ueber-uns/datenschutz/'],
    ['heise.de', heise, 'https://www.heise.de/Datenschutzerklaerung-der-Heise-Medien-GmbH-Co-KG-4860.html'],
  ])('the privacy policy of %s, and every passage of up to 400 words of it, is no wall', (_name, html, url) => {
    const { text } = extractArticle(html, url);
    expect(text).toMatch(/Cookies/);
    expect(text).toMatch(/Einwilligung/);
    expect(recognizeWall(text)).toBeNull();
    expect(detectAnomaly(text, null, settings)).toBeNull();
    // A short privacy notice is a passage like these: each run of whole paragraphs, 30 to 400 words.
    const paragraphs = text.split(/\n\n+/);
    let passages = 0;
    for (let first = 0; first < paragraphs.length; first++) {
      let passage = '';
      for (let last = first; last < paragraphs.length; last++) {
        passage = passage ? `${passage}\n\n${paragraphs[last]}` : paragraphs[last];
        const words = passage.split(/\s+/).length;
        if (words > 400) break;
        if (words < 30) continue;
        passages++;
        if (recognizeWall(passage)) expect.fail(`a passage read as a wall: ${passage.slice(0, 200)}`);
      }
    }
    expect(passages).toBeGreaterThan(1000);
  });
});
