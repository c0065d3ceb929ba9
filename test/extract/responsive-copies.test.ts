/**
 * A block hidden on small screens only ("d-none d-md-block", Tailwind's "hidden md:block") is the
 * story a desktop reader sees. Taken for hidden, a page that renders its story that way, with a
 * second copy hidden outright for another layout, gave no text at all and was never stored.
 */
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../src/extract';
import { STORY } from '../fixtures/story-beside-appeal';

const body = STORY.map((p) => `<p>${p}</p>`).join('');
const page = (shown: string) =>
  `<html><head><title>Libraries to close</title></head><body><article><h1>Libraries to close</h1><div class="${shown}">${body}</div><div hidden>${body}</div></article></body></html>`;

describe('a story shown from a screen width on', () => {
  it('is read once, beside a copy hidden outright', () => {
    expect(extractArticle(page('d-none d-md-block')).text).toBe(STORY.join('\n\n'));
    expect(extractArticle(page('hidden md:block')).text).toBe(STORY.join('\n\n'));
  });

  it('is not read when it is hidden on every screen', () => {
    expect(extractArticle(page('d-none')).text).not.toContain(STORY[0]);
  });
});
