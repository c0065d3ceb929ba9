/** Content hashes: what decides whether a check found a new version. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash of a version: its headline and its body text, nothing else. */
export function versionHash(title: string, text: string): Promise<string> {
  return sha256Hex(`${title}\n\n${text}`);
}

/** Article ids are derived from the canonical URL, so one URL is one article. */
export async function articleIdFor(url: string): Promise<string> {
  return (await sha256Hex(url)).slice(0, 16);
}
