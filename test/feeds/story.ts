/** The founding story tracked and corrected at a path of the caller's choosing: two versions, one change. */
import v1 from '../fixtures/nyt-2016-ryabkov/v1.html?raw';
import v2 from '../fixtures/nyt-2016-ryabkov/v2.html?raw';
import { post, publish } from '../helpers';

export const HEADLINE = 'Russian Officials Were in Contact With Trump Allies, Diplomat Says';

export async function trackFoundingStory(path: string): Promise<{ id: string; url: string }> {
  const url = await publish(path, v1);
  const { id } = await (await post('/articles', { url })).json<{ id: string }>();
  const first = await (await post(`/articles/${id}/check`, '')).json<{ version: number }>();
  if (first.version !== 1) throw new Error(`first check stored ${JSON.stringify(first)}`);
  await publish(path, v2);
  const second = await (await post(`/articles/${id}/check`, '')).json<{ version: number }>();
  if (second.version !== 2) throw new Error(`second check stored ${JSON.stringify(second)}`);
  return { id, url };
}
