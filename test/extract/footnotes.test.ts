import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { extractArticle } from '../../src/extract';

/** A story whose notes (a correction among them) sit in a footnotes block under it. */
const page = (notes: string) => `<!doctype html><html lang="de"><head><title>Der Haushalt | Zeitung</title></head><body>
<nav><a href="/">Start</a> <a href="/politik">Politik</a></nav>
<article><h1>Der Haushalt</h1><div class="article-body">
<p>Der Stadtrat hat am Donnerstag den Haushalt für das kommende Jahr beschlossen, mit den Stimmen der Koalition und gegen die Opposition.</p>
<p>Die Ausgaben steigen um vier Prozent, vor allem für Schulen, Kitas und den Nahverkehr, während die Einnahmen nur um zwei Prozent wachsen.</p>
<p>Die Kämmerin rechnet damit, dass die Stadt im kommenden Jahr neue Kredite aufnehmen muss, um die Lücke zu schließen.</p>
<div class="footnotes"><p>${notes}</p></div>
</div></article></body></html>`;

describe('footnotes', () => {
  it("a story's footnotes stay in its text", () => {
    const { text } = extractArticle(page('1 Die Zahlen stammen aus dem Entwurf der Kämmerei vom 3. März, den der Stadtrat unverändert beschlossen hat.'));
    expect(text).toContain('Lücke zu schließen.\n\n1 Die Zahlen stammen aus dem Entwurf der Kämmerei');
  });

  it('a correction added as a footnote shows in the diff', () => {
    const before = extractArticle(page('1 Die Zahlen stammen aus dem Entwurf der Kämmerei vom 3. März.'));
    const after = extractArticle(
      page(
        '1 Die Zahlen stammen aus dem Entwurf der Kämmerei vom 3. März. Korrektur: In einer früheren Fassung hieß es, die Ausgaben stiegen um fünf Prozent.',
      ),
    );
    const diff = diffVersions(before, after);
    expect(diff.changed).toBe(true);
    expect(diff.changes.filter((c) => c.op === 'insert').map((c) => c.text.trim())).toEqual([
      'Korrektur: In einer früheren Fassung hieß es, die Ausgaben stiegen um fünf Prozent.',
    ]);
  });
});
