import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const page = (paragraph: string) => `<!doctype html><html lang="de"><head><title>Impressum | Verlag</title></head><body>
<article><h1>Impressum</h1><div class="article-body">
<p>Verantwortlich für den Inhalt dieser Seiten ist die Redaktion, die Sie über die Adresse im Kopf der Seite erreichen.</p>
<p>${paragraph}</p>
<p>Für die Inhalte verlinkter Seiten sind ausschließlich deren Betreiber verantwortlich, nicht wir und nicht die Redaktion.</p>
</div></article></body></html>`;

describe('an inline element that holds only a space', () => {
  it('still parts the words on either side of it', () => {
    const { text } = extractArticle(
      page(
        'Die Europäische Kommission stellt unter <a href="https://ec.europa.eu/consumers/odr/">https://ec.europa.eu/consumers/odr/</a><strong>&nbsp;</strong>eine Plattform zur Online-Streitbeilegung bereit.',
      ),
    );
    expect(text).toContain('https://ec.europa.eu/consumers/odr/ eine Plattform');
  });

  it('nested or plain, it is one space and no more', () => {
    const { text } = extractArticle(page('Die Redaktion<span><em> </em></span>sitzt in Hamburg<b> </b> und Berlin, die Technik in Leipzig und Dresden.'));
    expect(text).toContain('Die Redaktion sitzt in Hamburg und Berlin');
  });

  it('one that holds only a line break still breaks the line', () => {
    const { text } = extractArticle(page('Zeitverlag Gerd Bucerius GmbH, Buceriusstraße 1, 20095 Hamburg<span><br></span>Telefon: 040 / 3280 - 0'));
    expect(text).toContain('20095 Hamburg\n\nTelefon: 040 / 3280 - 0');
  });
});
