/**
 * A new generation of text rules (TEXT_READING) is no edit, through the path a user takes: a real
 * local server serves a privacy policy whose last section is a collapsed accordion panel, which
 * older rules left out. Version 1 is set back to what those rules stored (its text without the
 * panel, TEXT_READING 1). The next check of the same page reads the version's own HTML, kept in
 * R2, with today's rules: no new version and no feed item; an edit then shows as just that edit.
 * Without the HTML kept there is nothing to read again, and the rules' change shows once.
 */
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { versionHash } from '../../src/check/hash';
import { TEXT_READING } from '../../src/extract';
import { getVersion } from '../../src/store';
import { api, page, post, publish, readFeed, storeAsOlderRedline } from '../helpers';

const OPEN = [
  'We process the data you give us when you register, so that you can read our articles on every device you use.',
  'We measure how many readers visit each page with a counting service that sees no name, no address and no account.',
];
const FOLDED = 'You may ask us at any time which data we hold about you, have it corrected, and have it deleted for good.';

function policy(folded = FOLDED, opening = OPEN) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Privacy policy | The Daily</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><main><h1>Privacy policy</h1>
${opening.map((p) => `<p>${p}</p>`).join('\n')}
<h2><button aria-expanded="false" aria-controls="rights">Your rights</button></h2>
<div id="rights" hidden><p>${folded}</p></div></main></body></html>`;
}

/** Version 1 as rules before TEXT_READING 2 stored it: the folded section left out; with or without its HTML kept. */
async function readByOlderRules(id: string, { keepHtml }: { keepHtml: boolean }) {
  const stored = (await getVersion(env.REDLINE, id, 1))!;
  expect(stored.text).toBe([...OPEN, 'Your rights', FOLDED].join('\n\n'));
  const olderText = OPEN.join('\n\n');
  await storeAsOlderRedline(
    id,
    olderText,
    await versionHash(stored.title, olderText, stored.byline ?? null),
    ({ textReading: _reading, snapshot, ...summary }) => {
      expect(snapshot).toMatch(/^[0-9a-f]{64}$/);
      return { ...summary, ...(keepHtml ? { snapshot } : {}) };
    },
  );
}

async function track(path: string) {
  const url = await publish(path, policy());
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  expect(await check(id)).toEqual({ changed: true, version: 1, error: null });
  return id;
}

const check = async (id: string) => (await post(`/articles/${id}/check`, '')).json();
const edits = async (id: string) =>
  (await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[] }>()).changes.filter((c) => c.op !== 'equal');

describe('a new generation of text rules is no edit', () => {
  it("the version's own HTML read again says the same page: no version, no feed item; an edit shows alone", async () => {
    const id = await track('/text-reading/policy');
    await readByOlderRules(id, { keepHtml: true });

    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    const versions = (await (await api(`/articles/${id}`)).json<{ versions: { n: number }[] }>()).versions;
    expect(versions.map((v) => v.n)).toEqual([1]);
    const feed = await readFeed(await (await page(`/articles/${id}/feed.xml`)).text());
    expect(feed.entries).toEqual([]);

    await publish('/text-reading/policy', policy(FOLDED.replace('for good', 'within a month')));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    expect(await edits(id)).toEqual([
      { op: 'delete', text: 'for good' },
      { op: 'insert', text: 'within a month' },
    ]);
    const summary = (await (await api(`/articles/${id}`)).json<{ versions: { n: number; textReading?: number }[] }>()).versions.at(-1);
    expect(summary?.textReading).toBe(TEXT_READING);
  });

  it('without the HTML kept, the section the new rules read shows once as added', async () => {
    const id = await track('/text-reading/policy-no-html');
    await readByOlderRules(id, { keepHtml: false });
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    expect(await edits(id)).toEqual([{ op: 'insert', text: `\n\nYour rights\n\n${FOLDED}` }]);
  });
});
