/**
 * A fake of the Internet Archive's Save Page Now (SPN2) for tests and the browser run, served by
 * the local newsroom under /__spn: set SAVE_PAGE_NOW_ORIGIN to `${newsroom}/__spn`. Node only.
 *
 *   POST /__spn/save                 url=...  -> {"url", "job_id"}; remembers the request
 *   GET  /__spn/save/status/<job>    "pending" on the first poll, then "success" with a timestamp
 *   GET  /__spn/requests             what it received: [{url, authorization, contentType, accept}]
 *
 * A URL containing "spn-fail" gets status "error" instead.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export const CAPTURE_TIMESTAMP = '20261126120000';

interface Received {
  url: string | null;
  authorization: string | null;
  contentType: string | null;
  accept: string | null;
}

export function fakeArchive() {
  const received: Received[] = [];
  const jobs = new Map<string, { url: string; polls: number }>();
  const json = (res: ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

  /** Answers a request under /__spn; false for any other path. */
  return function handle(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (!path.startsWith('/__spn/')) return false;
    if (path === '/__spn/requests') {
      json(res, 200, received);
      return true;
    }
    if (path === '/__spn/save' && req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URLSearchParams(Buffer.concat(chunks).toString()).get('url');
        received.push({
          url,
          authorization: req.headers.authorization ?? null,
          contentType: req.headers['content-type'] ?? null,
          accept: req.headers.accept ?? null,
        });
        if (!url) return json(res, 400, { status: 'error', message: 'no url' });
        const id = `spn2-${received.length}`;
        jobs.set(id, { url, polls: 0 });
        json(res, 200, { url, job_id: id });
      });
      return true;
    }
    const status = /^\/__spn\/save\/status\/([\w-]+)$/.exec(path);
    const job = status ? jobs.get(status[1]) : undefined;
    if (!job) {
      json(res, 404, { status: 'error', message: 'no such job' });
      return true;
    }
    job.polls++;
    if (job.url.includes('spn-fail'))
      json(res, 200, { status: 'error', status_ext: 'error:blocked-url', message: 'This URL is in the Wayback Machine block list.' });
    else if (job.polls < 2) json(res, 200, { status: 'pending' });
    else json(res, 200, { status: 'success', timestamp: CAPTURE_TIMESTAMP, original_url: job.url });
    return true;
  };
}
