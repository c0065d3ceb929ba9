/**
 * A changed fact is no spelling fix through the whole path: "4.2 million" -> "4.2 billion" and
 * Iran -> Iraq published by a site are found by `?kind=` as edits, not as `spelling`, and count
 * in the site's substantive and silent edits.
 */
import { describe, expect, it } from 'vitest';
import { api, post, publish } from '../helpers';

const story = (text: string) => `<!doctype html><html lang="en"><head><title>Budget deal - The Daily Test</title></head>
<body><article><h1>Budget deal agreed</h1>
<p>${text}</p>
<p>The agreement still needs the approval of parliament, which is expected to vote on it before the end of the month, officials said on Monday.</p>
<p>Opposition leaders criticised the deal and said that it had been negotiated behind closed doors without consulting the regions.</p>
</article></body></html>`;

type Change = { id: string; kinds: string[] };
const changesOf = async (query: string, id: string) =>
  (await (await api(`/changes?limit=1000${query}`)).json<{ changes: Change[] }>()).changes.filter((c) => c.id === id);
const siteRecord = async (host: string) =>
  (await api(`/sites/${encodeURIComponent(host)}`)).json<{ substantiveEdits: number; silentEdits: number; changesByKind: Record<string, number> }>();

describe('a changed fact is an edit, not a spelling fix', () => {
  it.each([
    [
      'a scale',
      'The government agreed a package worth 4.2 million euros with its partners.',
      'The government agreed a package worth 4.2 billion euros with its partners.',
    ],
    ['a country', 'The government agreed a package worth 4.2 million euros with Iran.', 'The government agreed a package worth 4.2 million euros with Iraq.'],
  ])('%s swapped is found by ?kind=addition, not ?kind=spelling, and counts as a silent edit', async (_name, before, after) => {
    const path = `/fact-kinds/${Math.random()}`;
    const url = await publish(path, story(before));
    const host = new URL(url).hostname;
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: true, version: 1 });
    const site = await siteRecord(host);

    await publish(path, story(after));
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: true, version: 2 });
    const [change] = await changesOf('', id);
    expect(change.kinds).not.toContain('spelling');
    expect(change.kinds).toEqual(expect.arrayContaining(['addition', 'removal']));
    expect(await changesOf('&kind=spelling', id)).toEqual([]);
    expect(await changesOf('&kind=addition', id)).toHaveLength(1);
    const later = await siteRecord(host);
    expect(later.substantiveEdits).toBe(site.substantiveEdits + 1);
    expect(later.silentEdits).toBe(site.silentEdits + 1);
  });
});
