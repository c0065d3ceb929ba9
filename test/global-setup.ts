/**
 * Runs in Node before the workerd tests: a real local HTTP server that plays a newsroom, and a
 * real, strict feed reader (test/feed-reader.ts). Their origins reach the tests through inject().
 * Tests put pages on the newsroom with PUT /__pages/<path> (see test/newsroom.ts).
 */
import type { TestProject } from 'vitest/node';
import { startFeedReader } from './feed-reader';
import { startNewsroom } from './newsroom';
import { startSocialFakes } from './social-fakes';
import { buildCardEngine } from '../scripts/build-card-engine';

export default async function setup(project: TestProject) {
  // The card engine module the Worker imports lazily (src/cards/engine.ts); wrangler builds it before dev and deploy.
  await buildCardEngine();
  const newsroom = await startNewsroom();
  const feedReader = await startFeedReader();
  const social = await startSocialFakes();
  project.provide('newsroom', newsroom.origin);
  project.provide('newsroomOther', newsroom.otherOrigin);
  project.provide('feedReader', feedReader.origin);
  project.provide('social', social.origin);
  return async () => {
    await newsroom.close();
    await feedReader.close();
    await social.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    newsroom: string;
    /** The same newsroom on another port: another origin on loopback (see test/newsroom.ts). */
    newsroomOther: string;
    feedReader: string;
    /** Fake Mastodon and Bluesky servers (test/social-fakes.ts). */
    social: string;
  }
}
