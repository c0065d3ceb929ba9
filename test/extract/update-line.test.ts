import { describe, expect, it } from 'vitest';
import { diffVersions } from '../../src/diff';
import { extractArticle } from '../../src/extract';

const STORY = `<p>Die Redaktion arbeitet in Hamburg und Berlin, die Verlagsleitung sitzt in Hamburg, und alle Anfragen gehen an die Zentrale.</p>
<p>Für die unter dieser Adresse verfügbaren Inhalte ist die Redaktion verantwortlich, für verlinkte Seiten deren Betreiber.</p>
<p>Dokumente, Daten oder Fotos können Sie auch in unserem anonymen Briefkasten deponieren, wir lesen jede Einsendung.</p>`;

/** An article page whose header holds `time` (the markup of a German weekly's imprint, cut down). */
const page = (time: string, teaser = '') => `<!doctype html><html lang="de"><head><title>Impressum | Verlag</title></head><body>
<header class="site"><nav><a href="/">Start</a> <a href="/politik">Politik</a></nav></header>
<main><article class="article"><header class="article-header"><h1>Impressum</h1>
<div class="metadata"><span class="metadata__date">${time}</span></div></header>
<div class="article-body">${STORY}</div></article>${teaser}</main></body></html>`;

describe("the article's own update line", () => {
  it('opens the text when it names the moment of the update', () => {
    const { text } = extractArticle(page('<time datetime="2026-02-13T18:57:06+01:00">Aktualisiert am 13. Februar 2026, 18:57 Uhr</time>'));
    expect(text.startsWith('Aktualisiert am 13. Februar 2026, 18:57 Uhr\n\nDie Redaktion arbeitet')).toBe(true);
  });

  it('shows in the diff when an editor changes it', () => {
    const before = extractArticle(page('<time datetime="2026-01-06T16:37:00+01:00">Aktualisiert am 6. Januar 2026, 16:37 Uhr</time>'));
    const after = extractArticle(page('<time datetime="2026-02-13T18:57:06+01:00">Aktualisiert am 13. Februar 2026, 18:57 Uhr</time>'));
    const diff = diffVersions(before, after);
    expect(diff.changed).toBe(true);
    const side = (op: string) =>
      diff.changes
        .filter((c) => c.op === op)
        .map((c) => c.text)
        .join(' ');
    expect(side('delete')).toBe('6. Januar 16:37');
    expect(side('insert')).toBe('13. Februar 18:57');
  });

  it('stays out when it is relative ("vor 3 Minuten") or says when the page was published', () => {
    for (const time of [
      '<time datetime="2026-02-13T18:57">Aktualisiert vor 3 Minuten</time>',
      '<time datetime="2026-02-13">Updated 2 hours ago</time>',
      '<time datetime="2009-09-06">Veröffentlicht am 6. September 2009</time>',
    ]) {
      expect(extractArticle(page(time)).text.startsWith('Die Redaktion arbeitet')).toBe(true);
    }
  });

  it('is found when its update word stands before the <time> ("Aktualisiert am <time>…</time>", "Stand:")', () => {
    const labelled = extractArticle(page('Aktualisiert am <time datetime="2026-02-13T18:57:06+01:00">13. Februar 2026, 18:57 Uhr</time>'));
    expect(labelled.text.startsWith('Aktualisiert am 13. Februar 2026, 18:57 Uhr\n\nDie Redaktion arbeitet')).toBe(true);
    const stand = extractArticle(page('<span class="label">Stand:</span> <time datetime="2026-02-13T18:57">13.02.2026, 18:57 Uhr</time>'));
    expect(stand.text.startsWith('Stand: 13.02.2026, 18:57 Uhr\n\nDie Redaktion arbeitet')).toBe(true);
    for (const time of [
      'Veröffentlicht am <time datetime="2009-09-06">6. September 2009</time>',
      'Aktualisiert <time datetime="2026-02-13T18:57">vor 3 Minuten</time>',
    ]) {
      expect(extractArticle(page(time)).text.startsWith('Die Redaktion arbeitet')).toBe(true);
    }
  });

  it.each([
    ['更新时间：', '更新时间：2026年3月13日 09:05'],
    ['更新：', '更新：2026年3月13日 09:05'],
    ['最后更新：', '最后更新：2026年3月13日 09:05'],
    ['更新日：', '更新日：2026年3月13日 09:05'],
    ['最終更新：', '最終更新：2026年3月13日 09:05'],
    ['수정', '수정 2026年3月13日 09:05'],
    ['최종 수정:', '최종 수정: 2026年3月13日 09:05'],
    ['آخر تحديث:', 'آخر تحديث: 2026年3月13日 09:05'],
  ])('is found after the label %s (Chinese, Japanese, Korean, Arabic)', (label, line) => {
    const { text } = extractArticle(page(`${label}<time datetime="2026-03-13T09:05">2026年3月13日 09:05</time>`));
    expect(text.startsWith(`${line}\n\nDie Redaktion arbeitet`)).toBe(true);
  });

  it('in Chinese, Japanese or Korean in a line of its own, and a sentence that opens with 更新 is none', () => {
    for (const line of ['更新时间：2026年3月13日 09:05', '最終更新日：2026/03/13 09:05', '수정 2026.03.13 09:05']) {
      const html = `<main><article><h1>Impressum</h1><div class="meta">${line}</div><div class="article-body">${STORY}</div></article></main>`;
      expect(extractArticle(html).text.startsWith(`${line}\n\nDie Redaktion arbeitet`), line).toBe(true);
    }
    const sentence = `<main><article><h1>Impressum</h1><div class="meta">更新后的系统将于2026年上线</div><div class="article-body">${STORY}</div></article></main>`;
    expect(extractArticle(sentence).text.startsWith('Die Redaktion arbeitet')).toBe(true);
  });

  it("stays out when it belongs to another article's teaser", () => {
    const teaser =
      '<aside><article><header><time datetime="2026-01-05">Updated January 5, 2026</time></header><p><a href="/other">Another story</a></p></article></aside>';
    const { text } = extractArticle(page('', teaser));
    expect(text).not.toContain('January 5');
    expect(text.startsWith('Die Redaktion arbeitet')).toBe(true);
  });

  it('is found in a line of its own beside the body: a dateline above it, a "Stand:" below it', () => {
    const above = `<main><article><h1>Impressum</h1><div class="meta">Aktualisiert am 13.02.2026, 18:57 Uhr</div><div class="article-body">${STORY}</div></article></main>`;
    expect(extractArticle(above).text.startsWith('Aktualisiert am 13.02.2026, 18:57 Uhr\n\nDie Redaktion arbeitet')).toBe(true);
    const header = `<article><header><h1>Impressum</h1><p class="dateline">Updated 4:30 p.m. March 12, 2025</p></header><div class="article-body">${STORY}</div></article>`;
    expect(extractArticle(header).text.startsWith('Updated 4:30 p.m. March 12, 2025\n\nDie Redaktion arbeitet')).toBe(true);
    const below = `<main><h1>Datenschutz</h1><div class="text">${STORY}</div><div class="date">Stand: 01.03.2025</div></main>`;
    expect(extractArticle(below).text.endsWith('wir lesen jede Einsendung.\n\nStand: 01.03.2025')).toBe(true);
  });

  it("a line of its own stays out when relative, published, a link, hidden, or another article's", () => {
    for (const line of [
      '<div class="meta">Aktualisiert vor 3 Minuten</div>',
      '<div class="meta">Veröffentlicht am 13.02.2026</div>',
      '<div class="meta"><a href="/archiv">Aktualisiert am 13.02.2026</a></div>',
      '<div class="meta" hidden>Aktualisiert am 13.02.2026</div>',
      '<aside><p>Aktualisiert am 13.02.2026</p></aside>',
    ]) {
      const { text } = extractArticle(`<main><h1>Impressum</h1>${line}<div class="article-body">${STORY}</div></main>`);
      expect(text.startsWith('Die Redaktion arbeitet'), line).toBe(true);
      expect(text.endsWith('wir lesen jede Einsendung.'), line).toBe(true);
    }
    for (const teaser of [
      '<article class="teaser"><h3><a href="/wahl">Wie die Wahl in Hamburg ausging</a></h3><p>Aktualisiert am 13.02.2026</p></article>',
      '<div class="teaser"><h3><a href="/wahl">Wie die Wahl in Hamburg ausging</a></h3><p>Aktualisiert am 13.02.2026</p></div>',
    ]) {
      const { text } = extractArticle(`<main><h1>Impressum</h1><div class="article-body">${STORY}</div>${teaser}</main>`);
      expect(text.startsWith('Die Redaktion arbeitet'), teaser).toBe(true);
      expect(text.endsWith('wir lesen jede Einsendung.'), teaser).toBe(true);
    }
  });

  it("is read from a byline's line, which itself stays out of the text", () => {
    const meta = (line: string) =>
      `<main><div class="article-top"><h1>Impressum</h1><div class="article-meta">${line}</div></div><div class="article-body">${STORY}</div></main>`;
    const withTime = extractArticle(meta('<span class="byline">By A. Reporter</span> <time datetime="2026-03-12">Updated March 12, 2026, 6:40 p.m.</time>'));
    expect(withTime.text.startsWith('Updated March 12, 2026, 6:40 p.m.\n\nDie Redaktion arbeitet')).toBe(true);
    const inSpan = extractArticle(meta('<span class="byline">By A. Reporter</span><span>Updated March 12, 2026, 6:40 p.m.</span>'));
    expect(inSpan.text.startsWith('Updated March 12, 2026, 6:40 p.m.\n\nDie Redaktion arbeitet')).toBe(true);
    const inWords = extractArticle(meta('<p>By Ana Reyes ⋅ Senior Analyst ⋅ Updated March 5, 2025</p>'));
    expect(inWords.text.startsWith('Updated March 5, 2025\n\nDie Redaktion arbeitet')).toBe(true);
  });
});
