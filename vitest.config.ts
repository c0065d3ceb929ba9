import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { dropWorkerdSubrequestNoise } from './test/workerd-noise';

// workerd's verbose diagnostics of subrequests that failed on purpose (see test/workerd-noise.ts).
dropWorkerdSubrequestNoise();

export default defineConfig({
  test: {
    projects: [
      {
        // The Worker's tests, inside workerd, on wrangler.toml's default (Free) profile.
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                ADMIN_TOKEN: 'test-token',
                ALLOW_PRIVATE_URLS: 'true',
                FETCH_TIMEOUT_MS: '1500',
                FANOUT: 'inline',
                // Every change the tests make is also delivered to the local newsroom's webhook receiver.
                WEBHOOK_URLS: `${inject('newsroom')}/__hooks/all`,
                PUBLIC_URL: 'http://redline.test',
              },
            },
          })),
        ],
        test: {
          name: 'worker',
          include: ['test/**/*.test.ts'],
          exclude: ['test/browser/**', 'test/scripts/**'],
          globalSetup: ['test/global-setup.ts'],
          // Whole checks run in workerd on a 2-core machine; give slow moments room, never time a goal here.
          testTimeout: 30_000,
        },
      },
      {
        // The command-line scripts (npm run deploy...), in Node: they spawn processes.
        test: { name: 'scripts', environment: 'node', include: ['test/scripts/**/*.test.ts'], testTimeout: 60_000 },
      },
    ],
  },
});
