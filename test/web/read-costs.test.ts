/**
 * What a read costs: every feed, the home page, history pages and the record of a site answer
 * without a KV list and with at most one KV get, and a 304 costs no list and at most one get.
 * Operations are counted inside the Worker (the BENCH_METRICS counters wrap the KV binding).
 */
import { env, SELF } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { counters, installMetrics } from '../../src/metrics';
import { trackFoundingStory } from '../feeds/story';

/** Waits until background work (webhook deliveries after a change) stops touching KV. */
async function settle() {
  for (let quiet = 0, last = -1; quiet < 3; ) {
    const now = counters.kvWrites + counters.kvReads + counters.fetches;
    quiet = now === last ? quiet + 1 : 0;
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

type Costs = { lists: number; gets: number; writes: number; index: number; status: number };

async function costOf(path: string, headers: Record<string, string> = {}): Promise<Costs & { etag: string | null }> {
  const before = { ...counters };
  const response = await SELF.fetch(`http://redline.test${path}`, { headers });
  await response.arrayBuffer();
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    lists: counters.kvLists - before.kvLists,
    gets: counters.kvReads - before.kvReads,
    writes: counters.kvWrites - before.kvWrites,
    index: counters.indexCalls - before.indexCalls,
  };
}

describe('read costs', () => {
  let id: string;
  let site: string;

  beforeAll(async () => {
    installMetrics({ ...env, BENCH_METRICS: 'true' });
    const story = await trackFoundingStory('/costs/2016/11/11/russia.html');
    id = story.id;
    site = new URL(story.url).hostname;
    await settle();
  });

  const feeds = () =>
    ['xml', 'atom', 'json'].flatMap((ext) => [
      `/feed.${ext}`,
      `/feed.${ext}?kind=spelling`,
      `/feed.${ext}?kind=rewrite`,
      `/articles/${id}/feed.${ext}`,
      `/articles/${id}/feed.${ext}?kind=correction`,
      `/sites/${site}/feed.${ext}`,
      `/sites/${site}/feed.${ext}?kind=minor`,
    ]);

  it('feeds, the home page, history pages and site records make no KV list and at most one get', async () => {
    const table: string[] = [];
    const paths = [...feeds(), '/', `/?kind=spelling&site=${site}`, `/articles/${id}`, `/sites/${site}`, `/api/v1/sites/${site}`];
    for (const path of paths) {
      const cost = await costOf(path);
      table.push(`${path.replace(id, ':id').replace(site, ':host')}  lists ${cost.lists}  gets ${cost.gets}  index calls ${cost.index}`);
      expect(cost.status, path).toBe(200);
      expect(cost.lists, path).toBe(0);
      expect(cost.gets, path).toBeLessThanOrEqual(1);
      expect(cost.writes, path).toBe(0);
      expect(cost.index, path).toBeLessThanOrEqual(1);
    }
    console.log(table.join('\n'));
  });

  it('a 304 costs no list and at most one get', async () => {
    for (const path of feeds()) {
      const { etag } = await costOf(path);
      const cost = await costOf(path, { 'if-none-match': etag! });
      expect(cost.status, path).toBe(304);
      expect(cost.lists, path).toBe(0);
      expect(cost.gets, path).toBeLessThanOrEqual(1);
    }
  });

  it('what a read costs does not grow with the number of changes', async () => {
    // A second article with its change: the same reads cost the same.
    const other = await trackFoundingStory('/costs/2016/11/12/russia-again.html');
    await settle();
    for (const path of ['/feed.xml', '/', `/sites/${site}`, `/articles/${other.id}`]) {
      const cost = await costOf(path);
      expect(cost.lists, path).toBe(0);
      expect(cost.gets, path).toBeLessThanOrEqual(1);
    }
    expect(await (await SELF.fetch('http://redline.test/feed.xml')).text()).toContain(`/articles/${other.id}/diff/1/2`);
  });
});
