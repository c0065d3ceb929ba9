/** Validation of path and query parameters shared by the API and the pages. */
export const ARTICLE_ID = /^[0-9a-f]{16}$/;

export function parseArticleId(raw: string | undefined): string | null {
  return raw && ARTICLE_ID.test(raw) ? raw : null;
}

/** A version number: a positive whole number written plainly ("1", not "01" or "1e0"). */
export function parseVersionNumber(raw: string | undefined): number | null {
  if (!raw || !/^[1-9][0-9]{0,8}$/.test(raw)) return null;
  return Number(raw);
}

/** KV cursors are opaque, but a sane one is short and URL-safe. */
export function parseCursor(raw: string | undefined): string | null | undefined {
  if (raw === undefined || raw === '') return null;
  return raw.length <= 1024 && /^[A-Za-z0-9_\-.=+/]+$/.test(raw) ? raw : undefined;
}

/** The request's JSON body when it is a JSON object; null when it is not JSON or not an object. */
export async function jsonObjectBody(request: { json(): Promise<unknown> }): Promise<Record<string, unknown> | null> {
  try {
    const body = await request.json();
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
