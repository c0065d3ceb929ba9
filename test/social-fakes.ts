/**
 * Local stand-ins for a Mastodon instance and a Bluesky PDS, for the posting tests: they speak
 * the endpoints Redline calls, check what a real server would refuse (a missing or wrong token,
 * a media upload that is not an image, an unknown media id), and keep every request they saw.
 *
 * Each test uses its own account prefix, /<account>/..., so tests running at once do not mix:
 *   <origin>/<account>/api/v2/media, /api/v1/statuses                  Mastodon, token "masto-token"
 *   <origin>/<account>/xrpc/com.atproto.server.createSession, ...      Bluesky, "alice.test" / "app-pass"
 *   PUT  <origin>/<account>/__fail  {"path": "/api/v1/statuses", "times": 2, "status": 503}
 *   GET  <origin>/<account>/__received   every request: {method, path, headers, json | form | bytes}
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

interface Account {
  received: Received[];
  failures: Map<string, { times: number; status: number }>;
  media: Set<string>;
}

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
    const account: Account = accounts.get(name) ?? { received: [], failures: new Map(), media: new Set() };
    accounts.set(name, account);
    const body = await readBody(req);
    if (path === '/__received') return send(res, 200, account.received);
    if (path === '/__fail') {
      const { path: failing, times, status } = JSON.parse(body.toString('utf8'));
      account.failures.set(failing, { times, status });
      return send(res, 204, {});
    }
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
      return send(res, failure.status, { error: 'the fake was told to fail' });
    }

    const bearer = headers.authorization ?? '';
    // --- Mastodon ---
    if (path === '/api/v2/media' && req.method === 'POST') {
      if (bearer !== `Bearer ${MASTODON_TOKEN}`) return send(res, 401, { error: 'The access token is invalid' });
      const file = seen.form?.file;
      if (!file || typeof file === 'string' || !file.png || file.type !== 'image/png')
        return send(res, 422, { error: 'Validation failed: File content type is invalid' });
      const id = `media-${account.media.size + 1}`;
      account.media.add(id);
      return send(res, 200, { id, type: 'image', url: `http://social/${id}.png`, description: seen.form?.description ?? null });
    }
    if (path === '/api/v1/statuses' && req.method === 'POST') {
      if (bearer !== `Bearer ${MASTODON_TOKEN}`) return send(res, 401, { error: 'The access token is invalid' });
      const status = seen.json as { status?: string; media_ids?: string[] } | undefined;
      if (!status?.status) return send(res, 422, { error: "Validation failed: Text can't be blank" });
      if (status.media_ids?.some((id) => !account.media.has(id))) return send(res, 422, { error: 'unknown media' });
      const id = String(100 + account.received.length);
      return send(res, 200, { id, url: `http://social/@redline/${id}`, content: status.status });
    }
    // --- Bluesky ---
    if (path === '/xrpc/com.atproto.server.createSession' && req.method === 'POST') {
      const login = seen.json as { identifier?: string; password?: string } | undefined;
      if (login?.identifier !== BLUESKY_HANDLE || login.password !== BLUESKY_PASSWORD)
        return send(res, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      return send(res, 200, { accessJwt: ACCESS_JWT, refreshJwt: 'refresh', did: DID, handle: BLUESKY_HANDLE });
    }
    if (path === '/xrpc/com.atproto.repo.uploadBlob' && req.method === 'POST') {
      if (bearer !== `Bearer ${ACCESS_JWT}`) return send(res, 401, { error: 'AuthenticationRequired' });
      if (!seen.bytes?.png || seen.bytes.type !== 'image/png') return send(res, 400, { error: 'InvalidRequest', message: 'not a PNG' });
      return send(res, 200, { blob: { $type: 'blob', ref: { $link: 'bafkreifakecardblob' }, mimeType: 'image/png', size: seen.bytes.size } });
    }
    if (path === '/xrpc/com.atproto.repo.createRecord' && req.method === 'POST') {
      if (bearer !== `Bearer ${ACCESS_JWT}`) return send(res, 401, { error: 'AuthenticationRequired' });
      const record = seen.json as { repo?: string; collection?: string } | undefined;
      if (record?.repo !== DID || record.collection !== 'app.bsky.feed.post') return send(res, 400, { error: 'InvalidRequest' });
      return send(res, 200, { uri: `at://${DID}/app.bsky.feed.post/3kfake${account.received.length}`, cid: 'bafyfakecid' });
    }
    send(res, 404, { error: `the fake does not know ${req.method} ${path}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { origin: `http://127.0.0.1:${address.port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
