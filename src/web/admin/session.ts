/**
 * Admin sessions for the browser: signing in with ADMIN_TOKEN opens a session kept in KV with a
 * TTL; the browser holds only its random id, in an HttpOnly, Secure, SameSite=Strict cookie.
 *
 * - The id is 32 random bytes (crypto.getRandomValues): not guessable. KV keeps its SHA-256, not
 *   the id, so reading the namespace gives no usable session.
 * - Each session has its own CSRF token (32 random bytes) that every form carries; a POST without
 *   the matching token does nothing. SameSite=Strict already keeps the cookie off cross-site
 *   requests; the token and an Origin check are the second and third locks.
 * - A session names the hash of the token it was opened with: rotating ADMIN_TOKEN ends every
 *   session. Signing out deletes it (KV is eventually consistent: another location may still
 *   accept it for up to 60 s).
 * - Signing in itself carries a CSRF token too, in a short-lived cookie and the form (double
 *   submit). The token is signed: `<issued>.<nonce>.<HMAC-SHA-256>` with a key derived from
 *   ADMIN_TOKEN, so a pair the server did not issue (a cookie set by another site or by hand,
 *   with the same value in the form) is refused, and so is one older than the form's 15 minutes.
 *
 * Why KV and not a signed cookie: a session that can be deleted on sign-out, at one KV write per
 * sign-in and one read per admin page (the admin is one person; the free tier allows 1,000
 * writes and 100,000 reads a day).
 */
import { deleteAdminSession, getAdminSession, putAdminSession } from '../../store/admin-sessions';
import { timingSafeEqual } from '../auth';
import { sha256Hex } from '../../model/sha256';

export const SESSION_COOKIE = '__Host-redline-admin';
export const SIGN_IN_COOKIE = '__Host-redline-sign-in';
/** How long a session lasts without signing in again. */
export const SESSION_SECONDS = 8 * 3600;
/** How long the sign-in form stays valid. */
export const SIGN_IN_SECONDS = 15 * 60;

interface StoredSession {
  csrf: string;
  tokenHash: string;
  createdAt: string;
}

export interface Session {
  csrf: string;
  createdAt: string;
}

/** 32 random bytes, base64url. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The HMAC key sign-in tokens are signed with: derived from ADMIN_TOKEN, used for nothing else. */
async function signInKey(adminToken: string): Promise<CryptoKey> {
  const encoder = new TextEncoder();
  const base = await crypto.subtle.importKey('raw', encoder.encode(adminToken), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const derived = await crypto.subtle.sign('HMAC', base, encoder.encode('redline admin sign-in form v1'));
  return crypto.subtle.importKey('raw', derived, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
}

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A sign-in CSRF token only this Worker (holding ADMIN_TOKEN) can make: `<issued s>.<nonce>.<mac>`. */
export async function issueSignInToken(adminToken: string, now = new Date()): Promise<string> {
  const payload = `${Math.floor(now.getTime() / 1000)}.${randomToken()}`;
  const mac = await crypto.subtle.sign('HMAC', await signInKey(adminToken), new TextEncoder().encode(payload));
  return `${payload}.${base64url(new Uint8Array(mac))}`;
}

const SIGN_IN_TOKEN = /^(\d{1,12})\.([A-Za-z0-9_-]{43})\.([A-Za-z0-9_-]{43})$/;

/** True for a token issueSignInToken made with this ADMIN_TOKEN less than SIGN_IN_SECONDS ago. */
export async function validSignInToken(adminToken: string, token: string, now = new Date()): Promise<boolean> {
  const match = SIGN_IN_TOKEN.exec(token);
  if (!match) return false;
  const age = Math.floor(now.getTime() / 1000) - Number(match[1]);
  if (age < 0 || age > SIGN_IN_SECONDS) return false;
  const mac = Uint8Array.from(atob(match[3].replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0));
  // verify() compares in constant time.
  return crypto.subtle.verify('HMAC', await signInKey(adminToken), mac, new TextEncoder().encode(`${match[1]}.${match[2]}`));
}

const SESSION_ID = /^[A-Za-z0-9_-]{43}$/;

export async function openSession(kv: KVNamespace, adminToken: string, now = new Date()): Promise<{ id: string; session: Session }> {
  const id = randomToken();
  const stored: StoredSession = { csrf: randomToken(), tokenHash: await sha256Hex(adminToken), createdAt: now.toISOString() };
  await putAdminSession(kv, await sha256Hex(id), stored, SESSION_SECONDS);
  return { id, session: { csrf: stored.csrf, createdAt: stored.createdAt } };
}

/** The session a cookie names, if it exists and was opened with the current ADMIN_TOKEN. */
export async function findSession(kv: KVNamespace, adminToken: string | undefined, id: string | undefined): Promise<Session | null> {
  if (!adminToken || !id || !SESSION_ID.test(id)) return null;
  const stored = await getAdminSession<StoredSession>(kv, await sha256Hex(id));
  if (!stored || !timingSafeEqual(stored.tokenHash, await sha256Hex(adminToken))) return null;
  return { csrf: stored.csrf, createdAt: stored.createdAt };
}

export async function closeSession(kv: KVNamespace, id: string | undefined): Promise<void> {
  if (id && SESSION_ID.test(id)) await deleteAdminSession(kv, await sha256Hex(id));
}

/** Set-Cookie value for a cookie only this origin's admin pages ever see. */
export function cookie(name: string, value: string, maxAgeSeconds: number): string {
  return `${name}=${value}; Path=/; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}
