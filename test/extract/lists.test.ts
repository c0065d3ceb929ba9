import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';

const page = (inner: string) => `<!doctype html><html lang="de"><head><title>Datenschutz | Verlag</title></head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><h1>Datenschutz</h1><div class="article-body">
<p>Wir verarbeiten personenbezogene Daten nur, soweit dies für den Betrieb unserer Angebote erforderlich ist, und nur auf einer Rechtsgrundlage.</p>
<p>Verantwortlich für die Verarbeitung ist der Verlag mit Sitz in Hannover, vertreten durch seine Geschäftsführung, erreichbar über die Adresse im Impressum.</p>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie das Recht, einer Verarbeitung zu widersprechen.</p>
<p>Beschwerden richten Sie an die zuständige Aufsichtsbehörde für den Datenschutz in dem Land, in dem Sie wohnen oder in dem der Verlag seinen Sitz hat.</p>
${inner}
<p>Die Daten werden gelöscht, sobald sie für den Zweck ihrer Erhebung nicht mehr erforderlich sind, spätestens nach zwölf Monaten.</p>
</div></article></body></html>`;

describe('lists a reader reads as part of the text', () => {
  it('a list of links that a sentence introduces with a colon stays in', () => {
    const { text } = extractArticle(
      page(`<p>Ohne Einwilligung und vor dem Aufruf des Consent-Managers setzen wir die folgenden Dienste ein:</p>
<ul><li><a href="/s/1">Sourcepoint (CMP)</a></li><li><a href="/s/2">Webtrekk</a></li><li><a href="/s/3">Upscore</a></li><li><a href="/s/4">INFOnline</a></li></ul>`),
    );
    expect(text).toContain('folgenden Dienste ein:\n\nSourcepoint (CMP)\n\nWebtrekk\n\nUpscore\n\nINFOnline\n\nDie Daten');
  });

  it('a change log whose entries carry text around their links stays in', () => {
    const entries = ['18.08.2025: Entfernung von Punkt 2 aus den', '19.08.2025: Änderung von Punkt 1 der', '20.08.2025: Erweiterung der'].map(
      (e) => `<li>${e} <a href="/info">individuellen Datenschutzinformationen für heise online</a> und Anpassung der Nummerierung der folgenden Punkte.</li>`,
    );
    const { text } = extractArticle(page(`<h2>Änderungen</h2><ul>${entries.join('')}</ul>`));
    expect(text).toContain('19.08.2025: Änderung von Punkt 1 der individuellen Datenschutzinformationen');
  });

  it('a list whose items carry a few words beside their links (services and what they are for) stays in', () => {
    const services = ['Google Ireland Ltd.', 'Meta Platforms Ireland', 'Microsoft Ireland', 'Adobe Systems Software'];
    const list = (names: string[]) => `<h2>Empfänger</h2><ul>${names.map((n, k) => `<li><a href="/dienst/${k}">${n}</a> (Analyse)</li>`).join('')}</ul>`;
    expect(extractArticle(page(list(services))).text).toContain('Empfänger\n\nGoogle Ireland Ltd. (Analyse)\n\nMeta Platforms Ireland (Analyse)');
    expect(extractArticle(page(list([...services, 'Criteo SA']))).text).toContain('Adobe Systems Software (Analyse)\n\nCriteo SA (Analyse)');
  });

  it('a list of links nobody introduced (related stories) stays out', () => {
    const { text } = extractArticle(
      page(`<p>Mehr zum Thema lesen Sie in unseren anderen Artikeln über Datenschutz.</p>
<ul><li><a href="/a">Neue Regeln für Cookies</a></li><li><a href="/b">Was die DSGVO ändert</a></li><li><a href="/c">Tracking im Netz</a></li></ul>`),
    );
    expect(text).not.toContain('Neue Regeln für Cookies');
    expect(text).toContain('Die Daten werden gelöscht');
  });

  it('a change log whose entries are each a linked title stays in, and an entry added shows', () => {
    const entries = ['Fix volatile loads and stores', 'Add support for packed structs', 'Allow casts between integers and pointers'];
    const log = (titles: string[]) => `<h2>Änderungen</h2><ul>${titles.map((t, k) => `<li><a href="/commit/${k}">${t}</a></li>`).join('')}</ul>`;
    const before = extractArticle(page(log(entries))).text;
    expect(before).toContain('Änderungen\n\nFix volatile loads and stores\n\nAdd support for packed structs');
    const after = extractArticle(page(log([...entries, 'Do not treat warnings as errors']))).text;
    expect(after).toContain('Allow casts between integers and pointers\n\nDo not treat warnings as errors\n\nDie Daten');
  });

  it('a list of sources, each a linked title, at the end of the text stays in', () => {
    const sources = ['Bundesdatenschutzgesetz in der Fassung vom Juni 2025', 'Leitlinien des Europäischen Datenschutzausschusses zu Cookies'];
    const { text } = extractArticle(page(`<h3>Quellen</h3><ol>${sources.map((s, k) => `<li><a href="https://example.org/${k}">${s}</a></li>`).join('')}</ol>`));
    expect(text).toContain('Quellen\n\nBundesdatenschutzgesetz in der Fassung vom Juni 2025\n\nLeitlinien des Europäischen');
  });

  it('linked headlines offered as more reading stay out, whatever the language of their label', () => {
    const headlines = [
      'Neue Regeln für Cookies treten im Herbst in Kraft',
      'Was die Datenschutzreform für Vereine ändert',
      'Wie Tracking im Netz funktioniert',
    ];
    const teasers = `<ul>${headlines.map((h, k) => `<li><a href="/artikel/${k}">${h}</a></li>`).join('')}</ul>`;
    for (const label of ['<h2>Lesen Sie auch</h2>', '<p><strong>Related stories</strong></p>', '<h3>À lire aussi</h3>', '<h3>More privacy news</h3>']) {
      const { text } = extractArticle(page(`${label}${teasers}`));
      expect(text, label).not.toContain('Wie Tracking im Netz funktioniert');
      expect(text).toContain('Die Daten werden gelöscht');
    }
  });

  it('a menu of a word or two a link stays out', () => {
    const menu = ['Politik', 'Wirtschaft', 'Kultur', 'Sport', 'Wissen'];
    const { text } = extractArticle(page(`<ul>${menu.map((m) => `<li><a href="/${m}">${m}</a></li>`).join('')}</ul>`));
    expect(text).not.toContain('Wirtschaft');
  });
});
