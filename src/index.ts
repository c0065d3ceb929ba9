/** The Worker: fetch (Hono app), scheduled (cron). */
import type { Env } from './env';

export default {
  async fetch(_request: Request, _env: Env): Promise<Response> {
    return new Response('Redline');
  },
} satisfies ExportedHandler<Env>;
