/**
 * A cookie-consent wall or a paywall served in place of the article is an anomaly: it stores no
 * version, publishes nothing, and shows on the history page as a failed check that says what it was.
 */
import { describe, expect, it } from 'vitest';
import { api, page, post, publish, readFeed } from '../helpers';

function story(headline: string, text: string) {
  const body = text
    .split('\n\n')
    .map((p) => `<p>${p}</p>`)
    .join('\n');
  return `<!doctype html><html lang="en"><head><title>${headline} - The Daily Test</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>${headline}</h1>${body}</article>
<footer>© The Daily Test</footer></body></html>`;
}

const HEADLINE = 'Council expands bus network';
// 128 words.
const ARTICLE = [
  'The city council voted on Tuesday to expand the bus network across the northern districts, officials said, ending a debate that had lasted most of the year.',
  'The plan adds twelve routes and extends evening service, which residents had asked for at several public meetings in the spring and again in the autumn.',
  'Opponents argued that the cost would strain a budget already stretched by repairs to aging bridges and tunnels, and asked for a smaller first phase.',
  'A final vote on funding is expected next month, after the transit authority publishes its revised estimates and the finance committee has reviewed them.',
  'Drivers will be hired from January, the authority said today, and the very first of the new routes should open to passengers in the early spring.',
].join('\n\n');

const CONSENT = `We value your privacy

We and our 842 partners store and/or access information on a device, such as cookies, and process personal data, such as unique identifiers and standard information sent by a device, for personalised advertising and content, advertising and content measurement, audience research and services development.

With your permission we and our partners may use precise geolocation data and identification through device scanning. You may click to consent to our and our partners' processing as described above. Alternatively you may access more detailed information and change your preferences before consenting or to refuse consenting.

Please note that some processing of your personal data may not require your consent, but you have a right to object to such processing. Your preferences will apply to this website only. You can change your preferences at any time by returning to this site or visiting our privacy policy.

Accept all / Reject all / Manage preferences`;

const PAYWALL = `The city council voted on Tuesday to expand the bus network across the northern districts, officials said, ending a debate that had lasted most of the year.

To continue reading, subscribe to The Daily Test. Already a subscriber? Log in.`;

type CheckAnswer = { changed: boolean; version: number | null; error: string | null };
const check = async (id: string) => (await post(`/articles/${id}/check`, '')).json<CheckAnswer>();
const versionsOf = async (id: string) => (await (await api(`/articles/${id}`)).json<{ versions: unknown[] }>()).versions;
const changesOf = async (id: string) =>
  (await (await api('/changes?limit=1000')).json<{ changes: { id: string; kinds: string[] }[] }>()).changes.filter((c) => c.id === id);

async function track(path: string, html: string) {
  const url = await publish(path, html);
  return (await (await post('/articles', { url })).json<{ id: string }>()).id;
}

describe('consent walls and paywalls', () => {
  it('a consent wall seen first is no version 1, and the article served afterwards is version 1, not a rewrite', async () => {
    const path = `/walls/first-${Math.random()}`;
    const id = await track(path, story('Before you continue', CONSENT));
    const walled = await check(id);
    expect(walled).toEqual({ changed: false, version: null, error: 'extraction anomaly: the page is a cookie-consent wall, not the article' });
    expect(await versionsOf(id)).toHaveLength(0);
    const history = await (await page(`/articles/${id}`)).text();
    expect(history).toContain('No version stored yet');
    expect(history).toContain('the page is a cookie-consent wall, not the article');

    await publish(path, story(HEADLINE, ARTICLE));
    expect(await check(id)).toEqual({ changed: true, version: 1, error: null });
    expect(await changesOf(id)).toEqual([]);
    const feed = await readFeed(await (await page(`/articles/${id}/feed.xml`)).text());
    expect(feed.entries).toHaveLength(0);
  });

  it.each([
    ['a consent wall under the same headline', CONSENT, 'the page is a cookie-consent wall, not the article'],
    ['a paywall teaser', PAYWALL, 'the page is a paywall, not the article'],
  ])('%s served after the article stores no version and publishes nothing', async (_name, wall, reason) => {
    const path = `/walls/later-${Math.random()}`;
    const id = await track(path, story(HEADLINE, ARTICLE));
    expect(await check(id)).toMatchObject({ changed: true, version: 1 });

    await publish(path, story(HEADLINE, wall));
    expect(await check(id)).toEqual({ changed: false, version: null, error: `extraction anomaly: ${reason}` });
    expect(await versionsOf(id)).toHaveLength(1);
    expect(await changesOf(id)).toEqual([]);
    const feed = await readFeed(await (await page(`/articles/${id}/feed.xml`)).text());
    expect(feed.entries).toHaveLength(0);
    const history = await (await page(`/articles/${id}`)).text();
    expect(history).toMatch(new RegExp(`Check failed[\\s\\S]*${reason}`));

    // The article back: the same text, no change.
    await publish(path, story(HEADLINE, ARTICLE));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect(await changesOf(id)).toEqual([]);
  });
});
