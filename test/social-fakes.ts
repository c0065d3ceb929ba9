/**
 * Local stand-ins for a Mastodon instance and a Bluesky PDS, for the posting tests: they speak
 * the endpoints Redline calls, check what a real server would refuse (a missing or wrong token,
 * a media upload that is not an image, an unknown media id), and keep every request they saw.
 *
 * Each test uses its own account prefix, /<account>/..., so tests running at once do not mix:
 *   <origin>/<account>/api/v2/media, /api/v1/statuses                  Mastodon, token "masto-token"
 *   <origin>/<account>/xrpc/com.atproto.server.createSession, ...      Bluesky, "alice.test" / "app-pass"
 *   PUT  <origin>/<account>/__fail  {"path": "/api/v1/statuses", "times": 2, "status": 503}
 *        with "landed": true the request is done first and only its answer fails (a gateway that
 *        gave up after the server committed); with "hangMs": N it is done and answered N ms late
 *   PUT  <origin>/<account>/__processing  {"polls": 2}   the next uploaded media is still being
 *        processed (202, url null; GET /api/v1/media/:id answers 206 that many times), and a status
 *        naming it before it is ready is refused with 422, as Mastodon does
 *   GET  <origin>/<account>/__received   every request: {method, path, headers, json | form | bytes}
 *   GET  <origin>/<account>/__posts      what the account holds: Bluesky records by rkey, statuses
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export const MASTODON_TOKEN = 'masto-token';
export const BLUESKY_HANDLE = 'alice.test';
export const BLUESKY_PASSWORD = 'app-pass';
const ACCESS_JWT = 'jwt-for-alice';
const DID = 'did:plc:alicefake';

interface Received {
  method: string;
  path: string;
  headers: Record<string, string>;
  json?: unknown;
  form?: Record<string, { type: string; size: number; name: string | null; png: boolean } | string>;
  bytes?: { type: string; size: number; png: boolean };
}

interface Failure {
  times: number;
  status: number;
  landed?: boolean;
  hangMs?: number;
}

interface Account {
  received: Received[];
  failures: Map<string, Failure>;
  /** Media ids, and how many more polls each stays in processing. */
  media: Map<string, number>;
  /** Polls the next uploaded media stays in processing. */
  nextProcessing: number;
  statuses: string[];
  /** Bluesky post records by rkey. */
  records: Map<string, unknown>;
}

/** A TID, the record key app.bsky.feed.post requires: 13 characters of base32-sortable. */
const TID = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

const PNG = [0x89, 0x50, 0x4e, 0x47];
const isPng = (bytes: Uint8Array) => PNG.every((b, k) => bytes[k] === b);

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startSocialFakes(): Promise<{ origin: string; close: () => Promise<void> }> {
  const accounts = new Map<string, Account>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://social');
    const [, name, ...rest] = url.pathname.split('/');
    const path = `/${rest.join('/')}`;
    const account: Account = accounts.get(name) ?? {
      received: [],
      failures: new Map(),
      media: new Map(),
      nextProcessing: 0,
      statuses: [],
      records: new Map(),
    };
    accounts.set(name, account);
    const body = await readBody(req);
    if (path === '/__received') return send(res, 200, account.received);
    if (path === '/__fail') {
      const { path: failing, ...failure } = JSON.parse(body.toString('utf8'));
      account.failures.set(failing, failure);
      return send(res, 204, {});
    }
    if (path === '/__processing') {
      account.nextProcessing = JSON.parse(body.toString('utf8')).polls;
      return send(res, 204, {});
    }
    if (path === '/__posts') return send(res, 200, { records: Object.fromEntries(account.records), statuses: account.statuses });
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
    const seen: Received = { method: req.method ?? 'GET', path, headers };
    const type = headers['content-type'] ?? '';
    if (type.startsWith('application/json')) seen.json = JSON.parse(body.toString('utf8') || 'null');
    else if (type.startsWith('multipart/form-data')) {
      const form = await new Request('http://x', { method: 'POST', body, headers: { 'content-type': type } }).formData();
      seen.form = {};
      for (const [key, value] of form) {
        if (typeof value === 'string') seen.form[key] = value;
        else {
          const file = value as unknown as Blob & { name?: string };
          const bytes = new Uint8Array(await file.arrayBuffer());
          seen.form[key] = { type: file.type, size: bytes.length, name: file.name ?? null, png: isPng(bytes) };
        }
      }
    } else if (body.length) seen.bytes = { type, size: body.length, png: isPng(body) };
    account.received.push(seen);

    const failure = account.failures.get(path);
    if (failure && failure.times > 0) {
      failure.times--;
      if (!failure.landed && !failure.hangMs) return send(res, failure.status, { error: 'the fake was told to fail' });
      // Done for real; only the answer is lost: late past the caller's timeout, or a failure status.
      const done = { status: 0, body: null as unknown };
      serve(req.method ?? 'GET', path, url, seen, headers, account, (status, answer) => {
        Object.assign(done, { status, body: answer });
        return 'answered';
      });
      if (failure.hangMs) await new Promise((resolve) => setTimeout(resolve, failure.hangMs));
      if (!res.writable || res.destroyed) return;
      return failure.hangMs ? send(res, done.status, done.body) : send(res, failure.status, { error: 'the fake was told to fail after doing it' });
    }
    serve(req.method ?? 'GET', path, url, seen, headers, account, (status, answer) => {
      send(res, status, answer);
      return 'answered';
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Every way through serve() ends in an answer: the typecheck sees to it. */
type Answered = 'answered';

/** What the fake servers do with one request; `reply` sends (or keeps) the answer. */
function serve(
  method: string,
  path: string,
  url: URL,
  seen: Received,
  headers: Record<string, string>,
  account: Account,
  reply: (status: number, body: unknown) => Answered,
): Answered {
  const bearer = headers.authorization ?? '';
  // --- Mastodon ---
  if (path === '/api/v2/media' && method === 'POST') {
    if (bearer !== `Bearer ${MASTODON_TOKEN}`) return reply(401, { error: 'The access token is invalid' });
    const file = seen.form?.file;
    if (!file || typeof file === 'string' || !file.png || file.type !== 'image/png')
      return reply(422, { error: 'Validation failed: File content type is invalid' });
    const id = `media-${account.media.size + 1}`;
    const processing = account.nextProcessing;
    account.media.set(id, processing);
    account.nextProcessing = 0;
    // Mastodon answers 202 with no url yet when the file is processed in the background.
    return reply(processing ? 202 : 200, {
      id,
      type: 'image',
      url: processing ? null : `http://social/${id}.png`,
      description: seen.form?.description ?? null,
    });
  }
  const mediaPoll = /^\/api\/v1\/media\/([^/]+)$/.exec(path);
  if (mediaPoll && method === 'GET') {
    if (bearer !== `Bearer ${MASTODON_TOKEN}`) return reply(401, { error: 'The access token is invalid' });
    const id = mediaPoll[1];
    const left = account.media.get(id);
    if (left === undefined) return reply(404, { error: 'Record not found' });
    if (left > 0) account.media.set(id, left - 1);
    // 206 Partial Content while processing, 200 with the url once done.
    return left > 0 ? reply(206, { id, type: 'image', url: null }) : reply(200, { id, type: 'image', url: `http://social/${id}.png` });
  }
  if (path === '/api/v1/statuses' && method === 'POST') {
    if (bearer !== `Bearer ${MASTODON_TOKEN}`) return reply(401, { error: 'The access token is invalid' });
    const status = seen.json as { status?: string; media_ids?: string[] } | undefined;
    if (!status?.status) return reply(422, { error: "Validation failed: Text can't be blank" });
    if (status.media_ids?.some((id) => !account.media.has(id))) return reply(422, { error: 'unknown media' });
    if (status.media_ids?.some((id) => (account.media.get(id) ?? 0) > 0))
      return reply(422, { error: 'Cannot attach files that have not finished processing. Try again in a moment!' });
    const id = String(100 + account.received.length);
    account.statuses.push(status.status);
    return reply(200, { id, url: `http://social/@redline/${id}`, content: status.status });
  }
  // --- Bluesky ---
  if (path === '/xrpc/com.atproto.server.createSession' && method === 'POST') {
    const login = seen.json as { identifier?: string; password?: string } | undefined;
    if (login?.identifier !== BLUESKY_HANDLE || login.password !== BLUESKY_PASSWORD)
      return reply(401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
    return reply(200, { accessJwt: ACCESS_JWT, refreshJwt: 'refresh', did: DID, handle: BLUESKY_HANDLE });
  }
  if (path === '/xrpc/com.atproto.repo.uploadBlob' && method === 'POST') {
    if (bearer !== `Bearer ${ACCESS_JWT}`) return reply(401, { error: 'AuthenticationRequired' });
    if (!seen.bytes?.png || seen.bytes.type !== 'image/png') return reply(400, { error: 'InvalidRequest', message: 'not a PNG' });
    return reply(200, { blob: { $type: 'blob', ref: { $link: 'bafkreifakecardblob' }, mimeType: 'image/png', size: seen.bytes.size } });
  }
  if (path === '/xrpc/com.atproto.repo.createRecord' && method === 'POST') {
    if (bearer !== `Bearer ${ACCESS_JWT}`) return reply(401, { error: 'AuthenticationRequired' });
    const record = seen.json as { repo?: string; collection?: string; rkey?: string; record?: unknown } | undefined;
    if (record?.repo !== DID || record.collection !== 'app.bsky.feed.post') return reply(400, { error: 'InvalidRequest' });
    if (record.rkey !== undefined && !TID.test(record.rkey)) return reply(400, { error: 'InvalidRequest', message: 'Invalid record key' });
    const rkey = record.rkey ?? `3kfake${String(account.received.length).padStart(7, '2')}`;
    // The real PDS answers 500 to a create under a key that exists (bluesky-social/atproto#3718).
    if (account.records.has(rkey)) return reply(500, { error: 'InternalServerError', message: 'Internal Server Error' });
    account.records.set(rkey, record.record);
    return reply(200, { uri: `at://${DID}/app.bsky.feed.post/${rkey}`, cid: 'bafyfakecid' });
  }
  if (path === '/xrpc/com.atproto.repo.getRecord' && method === 'GET') {
    const q = url.searchParams;
    if (q.get('repo') !== DID || q.get('collection') !== 'app.bsky.feed.post') return reply(400, { error: 'InvalidRequest' });
    const rkey = q.get('rkey') ?? '';
    if (!account.records.has(rkey)) return reply(400, { error: 'RecordNotFound', message: `Could not locate record: at://${DID}/app.bsky.feed.post/${rkey}` });
    return reply(200, { uri: `at://${DID}/app.bsky.feed.post/${rkey}`, cid: 'bafyfakecid', value: account.records.get(rkey) });
  }
  return reply(404, { error: `the fake does not know ${method} ${path}` });
}
