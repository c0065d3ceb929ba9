/**
 * Stories in Chinese and Japanese through the path a user takes (pages served by the local
 * newsroom, checks through the API, the diff, the changes and the feeds): paragraphs split or
 * joined publish nothing, as they do in English and Thai.
 */
import { describe, expect, it } from 'vitest';
import { api, page, post, publish, readFeed } from '../helpers';

const ZH = {
  lang: 'zh',
  headline: '市议会通过港口预算',
  paragraphs: [
    '市政府周四宣布，将在明年春季开始修复港口北侧的防波堤，预计工程耗资四千二百万元。',
    '市议会经过六个多小时的辩论后，以七票赞成、两票反对通过了这项预算。反对派议员认为，渡轮票价上涨将给通勤者带来沉重负担。',
    '市政工程师表示，北侧防波堤有两段在强风暴中可能倒塌，维修工作不能再拖延一个冬天。居民可以在四月份的三次公开会议上发表意见。',
  ],
};

const JA = {
  lang: 'ja',
  headline: '市議会が港の予算を可決',
  paragraphs: [
    '市は木曜日、港の北側の防波堤の修理を来年の春に始めると発表した。費用は四千二百万ドルの見込みだ。',
    '市議会は六時間以上の議論の末、賛成七、反対二でこの予算を可決した。反対した議員は、フェリー料金の値上げが子どものいる家庭に重い負担になると述べた。',
    '市の技術者によると、北側の防波堤の二つの区間は強い嵐で崩れるおそれがあり、修理をもう一冬待つことはできないという。住民は四月に開かれる三回の説明会で意見を述べることができる。',
  ],
};

/** A news page as the tester's newsroom serves it: site header, ad, the story, related links, footer. */
function story({ lang, headline, paragraphs }: { lang: string; headline: string; paragraphs: string[] }, { dek = '', headerLine = '', after = '' } = {}) {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${headline} | Harbor Times</title>
<meta property="og:title" content="${headline}"></head><body>
<header class="site-header"><a class="logo" href="/">Harbor Times</a><span class="date">Thursday, 12 March 2026 09:14</span>
<nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>
<div class="ad-slot">Advertisement: Buy shoes now at ShoeMart</div>
<main><article class="story">
<header><h1>${headline}</h1>
<p class="dek">${dek}</p>
<div class="byline">By A. Reporter</div>${headerLine}
<div class="meta"><a href="#comments">123 comments</a> · <span>4 min read</span></div></header>
<div class="story-body">${paragraphs.map((p) => `<p>${p}</p>`).join('')}${after}</div>
</article>
<aside class="related"><h2>Related</h2><ul><li><a href="/a">Mayor opens new bridge</a></li><li><a href="/b">Ferry fares rise again</a></li></ul></aside>
</main>
<footer class="site-footer"><p>© 2026 Harbor Times. All rights reserved.</p></footer>
</body></html>`;
}

async function track(html: string) {
  const path = `/spaceless/${Math.random()}.html`;
  const url = await publish(path, html);
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  expect(await (await post(`/articles/${id}/check`, '')).json()).toEqual({ changed: true, version: 1, error: null });
  return { id, path };
}

const check = async (id: string) => (await post(`/articles/${id}/check`, '')).json();
const feedEntries = async (id: string) => (await readFeed(await (await page(`/articles/${id}/feed.xml`)).text())).entries;

describe('re-flow in scripts written without spaces is no edit', () => {
  it('a Japanese paragraph split at 。 makes no version and no feed item', async () => {
    const { id, path } = await track(story(JA));
    const [first, ...rest] = JA.paragraphs;
    const split = first.split(/(?<=。)/);
    expect(split).toHaveLength(2);
    await publish(path, story({ ...JA, paragraphs: [...split, ...rest] }));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect(await feedEntries(id)).toEqual([]);
    const versions = (await (await api(`/articles/${id}`)).json<{ versions: unknown[] }>()).versions;
    expect(versions).toHaveLength(1);
  });

  it('Chinese paragraphs joined into one make no version and no feed item', async () => {
    const { id, path } = await track(story(ZH));
    await publish(path, story({ ...ZH, paragraphs: [ZH.paragraphs.join('')] }));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect(await feedEntries(id)).toEqual([]);
  });

  it('a word changed in the re-flowed Chinese story is still an edit of one word', async () => {
    const { id, path } = await track(story(ZH));
    const joined = ZH.paragraphs.join('').replace('周四', '周三');
    await publish(path, story({ ...ZH, paragraphs: [joined] }));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changed: boolean; stats: { added: number; removed: number } }>();
    expect(diff.changed).toBe(true);
    expect(diff.stats).toEqual({ added: 1, removed: 1 });
    // The diff page and the feed show the two words with no space between them.
    expect(await (await page(`/articles/${id}/diff/1/2`)).text()).toContain('<del>周四</del><ins>周三</ins></span>');
    const [entry] = await feedEntries(id);
    expect(entry.summary).toContain('市政府<del>周四</del><ins>周三</ins>宣布');
  });
});

describe('Chinese wrapped in the HTML source', () => {
  /** The story's paragraphs with a line break in the source every `width` characters. */
  const wrapped = (width: number) => ZH.paragraphs.map((p) => p.replace(new RegExp(`(.{${width}})`, 'gu'), '$1\n'));

  it('reads as the browser shows it, and re-wrapping the source makes no version', async () => {
    const { id, path } = await track(story({ ...ZH, paragraphs: wrapped(19) }));
    const text = (await (await api(`/articles/${id}/versions/1`)).json<{ text: string }>()).text;
    expect(text).toBe(ZH.paragraphs.join('\n\n'));
    await publish(path, story({ ...ZH, paragraphs: wrapped(17) }));
    expect(await check(id)).toEqual({ changed: false, version: null, error: null });
    expect(await feedEntries(id)).toEqual([]);
  });
});

describe('a Chinese standfirst', () => {
  it('is read under the headline, and an edit to it makes a version showing the word changed', async () => {
    const dek = '港口修复工程将于明年春季开始，预计耗资四千二百万元，反对者担心票价上涨。';
    const { id, path } = await track(story(ZH, { dek }));
    await publish(path, story(ZH, { dek: dek.replace('春季', '夏季') }));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[] }>();
    expect(diff.changes.filter((c) => c.op !== 'equal')).toEqual([
      { op: 'delete', text: '春季' },
      { op: 'insert', text: '夏季' },
    ]);
  });
});

describe('a Chinese update line', () => {
  it('更新时间： in the header is read, and a new time makes a version showing it', async () => {
    const updated = (at: string) => `<p>更新时间：<time datetime="2026-03-12T18:40">${at}</time></p>`;
    const { id, path } = await track(story(ZH, { headerLine: updated('2026年3月12日 18:40') }));
    const text = (await (await api(`/articles/${id}/versions/1`)).json<{ text: string }>()).text;
    expect(text.startsWith('更新时间：2026年3月12日 18:40\n\n市政府周四宣布')).toBe(true);
    await publish(path, story(ZH, { headerLine: updated('2026年3月13日 09:05') }));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const diff = await (await api(`/articles/${id}/diff`)).json<{ changes: { op: string; text: string }[] }>();
    expect(diff.changes.filter((c) => c.op === 'insert').map((c) => c.text)).toEqual(['13日 09:05']);
  });
});

describe('a Chinese correction notice', () => {
  it('set in an <aside> of the story makes a version of kind correction', async () => {
    const { id, path } = await track(story(ZH));
    const notice = '<aside class="correction"><p>更正：本文此前版本误称投票结果为七比二，实为五比四。</p></aside>';
    await publish(path, story(ZH, { after: notice }));
    expect(await check(id)).toEqual({ changed: true, version: 2, error: null });
    const changes = (await (await api('/changes?limit=1000')).json<{ changes: { id: string; kinds: string[] }[] }>()).changes;
    expect(changes.find((c) => c.id === id)?.kinds).toEqual(['correction']);
  });
});
