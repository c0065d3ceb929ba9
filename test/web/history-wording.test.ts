/**
 * What the history and diff pages say: the last change of state of the checks, honestly (a check
 * that finds the same text writes nothing, so it is not recorded), and counts in the singular.
 */
import { describe, expect, it } from 'vitest';
import { page, post, publish } from '../helpers';

const story = (extra: string) => `<!doctype html><html lang="en"><head><title>Harbour reopens - The Daily Test</title></head>
<body><article><h1>Harbour reopens after storm</h1>
<p>The harbour reopened on Wednesday after a week of repairs to the sea wall, the port authority said, and the first ferries left on time.</p>
<p>Fishermen who had waited out the storm on land returned to their boats early in the morning${extra}.</p>
<p>The authority said the repairs had cost less than feared and that the wall would be inspected again in the spring.</p>
</article></body></html>`;

describe('history page wording', () => {
  it('after version 1 and an unchanged check, says the last change of state and that same-text checks are not recorded', async () => {
    const path = `/wording/${Math.random()}`;
    const url = await publish(path, story(''));
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: true, version: 1 });
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: false, version: null, error: null });

    const history = await (await page(`/articles/${id}`)).text();
    expect(history).not.toContain('Last check: new');
    expect(history).toMatch(/Last change of state: version 1 stored, <time[^>]*>[^<]+<\/time>\. Later checks that find the same text are not recorded\./);
  });

  it('one word added reads "1 word added", on the history page and the diff page', async () => {
    const path = `/wording/${Math.random()}`;
    const url = await publish(path, story(''));
    const { id } = await (await post('/articles', { url })).json<{ id: string }>();
    await post(`/articles/${id}/check`, '');
    await publish(path, story(' again'));
    expect(await (await post(`/articles/${id}/check`, '')).json()).toMatchObject({ changed: true, version: 2 });

    const history = await (await page(`/articles/${id}`)).text();
    expect(history).toContain('1 word added, 0 removed');
    expect(history).not.toContain('1 words');
    expect(history).toMatch(/Last change of state: a new version stored/);
    const diff = await (await page(`/articles/${id}/diff/1/2`)).text();
    expect(diff).toContain('1 word added, 0 removed');
    expect(diff).not.toContain('1 words');
  });
});
