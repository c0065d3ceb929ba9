/**
 * Runs in Node before the workerd tests: a real local HTTP server that plays a newsroom.
 * Tests put pages on it with PUT /__set?path=/x (body = the page, header x-status / x-content-type)
 * and the Worker fetches them like any site. Its origin reaches the tests through inject('newsroom').
 */
import type { TestProject } from 'vitest/node';
import { startNewsroom } from './newsroom';

export default async function setup(project: TestProject) {
  const newsroom = await startNewsroom();
  project.provide('newsroom', newsroom.origin);
  return () => newsroom.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    newsroom: string;
  }
}
