import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { extractArticle } from '../../src/extract';

/** A privacy page whose text names its own dates in <time> elements (markup of a German daily's page, cut down). */
const page = (inner: string) => `<!doctype html><html lang="de"><head><title>Datenschutz | Verlag</title></head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><h1>Datenschutz</h1><div class="article-body">
<p>Wir verarbeiten personenbezogene Daten nur, soweit dies für den Betrieb unserer Angebote erforderlich ist, und nur auf einer Rechtsgrundlage.</p>
<p>Verantwortlich für die Verarbeitung ist der Verlag mit Sitz in Hannover, vertreten durch seine Geschäftsführung, erreichbar über die Adresse im Impressum.</p>
<p>Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Einschränkung der Verarbeitung sowie das Recht, einer Verarbeitung zu widersprechen.</p>
${inner}
</div></article></body></html>`;

describe('dates in the text', () => {
  it('a <time> inside a line of the text stays in it ("Stand: 1. März 2025")', () => {
    const { text } = extractArticle(page('<p>Stand: <time datetime="2025-03-01">1. März 2025</time></p>'));
    expect(text).toContain('Stand: 1. März 2025');
  });

  it('an edited "Aktualisiert" line in the text shows in the diff', () => {
    const line = (date: string, iso: string) => page(`<p>Zuletzt aktualisiert am <time datetime="${iso}">${date}</time>.</p>`);
    const diff = diffVersions(extractArticle(line('6. Januar 2026', '2026-01-06')), extractArticle(line('13. Februar 2026', '2026-02-13')));
    expect(diff.changed).toBe(true);
    const side = (op: string) =>
      diff.changes
        .filter((c) => c.op === op)
        .map((c) => c.text)
        .join(' ');
    expect(side('delete')).toBe('6. Januar');
    expect(side('insert')).toBe('13. Februar');
  });

  it('a relative time ("vor 3 Minuten", "3h") stays out: it changes on every serve', () => {
    for (const time of ['vor 3 Minuten', '3 minutes ago', '3h', 'gestern']) {
      const { text } = extractArticle(page(`<p>Die Seite wurde geprüft <time datetime="2026-02-13T18:57">${time}</time> von der Redaktion.</p>`));
      expect(text).toContain('Die Seite wurde geprüft von der Redaktion.');
    }
  });

  it('a <time> naming a day and a month by name stays in ("24 May", "24. Mai", "1er mars", "May 24", "3月24日")', () => {
    for (const date of ['24 May', '24. Mai', '1er mars', '24 de mayo', 'May 24', 'Sunday, 24 May', '3月24日']) {
      const { text } = extractArticle(page(`<p>Die nächste Prüfung der Verarbeitung ist am <time datetime="2026-05-24">${date}</time> geplant.</p>`));
      expect(text, date).toContain(`Die nächste Prüfung der Verarbeitung ist am ${date} geplant.`);
    }
  });

  it('a race moved to another weekend in a calendar shows in the diff', () => {
    const calendar = (miami: string) =>
      page(`<table><tr><th>Race</th><th>Date</th></tr>
<tr><td><a href="/race/5">Chinese Grand Prix</a></td><td><time datetime="2026-04-19">19–21 April</time></td></tr>
<tr><td><a href="/race/6">Miami Grand Prix</a></td><td><time datetime="2026-05-03">${miami}</time></td></tr>
<tr><td><a href="/race/7">Emilia Romagna Grand Prix</a></td><td><time datetime="2026-05-17">17–19 May</time></td></tr></table>`);
    const diff = diffVersions(extractArticle(calendar('3–5 May')), extractArticle(calendar('10–12 May')));
    expect(diff.changed).toBe(true);
    expect(diff.changes.filter((c) => c.op === 'insert').map((c) => c.text)).toEqual(['10–12']);
  });
});
