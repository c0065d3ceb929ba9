/**
 * The label an ad slot carries, in the languages of the news: "Advertisement", "Anzeige",
 * "Publicité", "广告", "إعلان". Alone on a line it is furniture (index.ts); opening a block, it
 * says the whole block is the ad (clean.ts): a native ad's copy under it changes with every serve.
 */
export const AD_LABEL = new RegExp(
  `^(?:${[
    'advertisements?|advertising|advertiser content|ad|sponsored(?: content)?|paid (?:post|content)|promoted',
    'anzeigen?|werbung|gesponsert',
    'publicit[ée]|sponsoris[ée]|contenu sponsoris[ée]',
    'publicidad|anuncio|patrocinado|contenido patrocinado',
    'pubblicit[àa]|sponsorizzato|contenuto sponsorizzato',
    'publicidade|an[úu]ncio|conte[úu]do patrocinado',
    'advertentie|reclame|gesponsord',
    'annons|annonse|reklame|reklama|reklam|mainos|реклама|διαφήμιση|פרסומת',
    // Chinese (simplified, traditional), Japanese, Korean, Arabic, Persian, Hindi, Thai, Indonesian, Vietnamese.
    '广告|廣告|広告|광고|إعلان|اعلان|تبلیغات|विज्ञापन|โฆษณา|iklan|quảng cáo',
  ].join('|')})$`,
  'iu',
);
