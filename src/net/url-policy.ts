/**
 * Which URLs Redline will track and fetch: http(s), at most 2048 characters, and (unless
 * ALLOW_PRIVATE_URLS) never an address inside a private network. The WHATWG URL parser already
 * turns decimal, octal and hex IPv4 forms into dotted quads, so the checks below see one form.
 * Tracking parameters (utm_*, fbclid, gclid...) and fragments are dropped so one article is one URL.
 */
export const MAX_URL_LENGTH = 2048;

const TRACKING_PARAMS =
  /^(utm_[a-z_]+|fbclid|gclid|gclsrc|dclid|gbraid|wbraid|msclkid|yclid|twclid|ttclid|li_fat_id|mc_cid|mc_eid|igshid|igsh|_ga|_gl|_hsenc|_hsmi|mkt_tok|cmpid|smid|smtyp|ocid|ncid|xtor|at_medium|at_campaign|at_custom\d*|ns_source|ns_mchannel|ns_campaign|ns_linkname|wt\.mc_id|wt_mc|s_cid|sr_share|ref_src|ref_url|rss|taid|__twitter_impression)$/i;

export type UrlVerdict = { ok: true; url: string } | { ok: false; error: string };

/**
 * What may be fetched besides public addresses. `Settings` is one (pass it as it is); a bare
 * boolean means `{ allowPrivateUrls }`.
 */
export interface UrlPolicy {
  /** ALLOW_PRIVATE_URLS: loopback and private ranges may be fetched (dev, tests, the demo). */
  allowPrivateUrls: boolean;
  /** ALLOW_PRIVATE_ORIGINS: origins ("http://10.0.0.7:8080") fetched even when private URLs are not. */
  allowedPrivateOrigins?: readonly string[];
}

const policyOf = (policy: UrlPolicy | boolean): UrlPolicy => (typeof policy === 'boolean' ? { allowPrivateUrls: policy } : policy);

/**
 * One article, one URL: drops the fragment and tracking parameters, and sorts what is left so
 * the same parameters in another order are the same URL. Scheme, host, path and every other
 * parameter stay: they can name a different article.
 */
export function canonicalizeUrl(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  for (const name of [...copy.searchParams.keys()]) if (TRACKING_PARAMS.test(name)) copy.searchParams.delete(name);
  copy.searchParams.sort();
  if (copy.search === '?') copy.search = '';
  return copy.href;
}

const siteOf = (host: string) => host.toLowerCase().replace(/^(www|m|amp)\./, '');

/**
 * The page's declared canonical URL (rel=canonical, else og:url), canonicalized, when it can be
 * trusted to name this same article; else null. Not trusted: another site (syndication, or a
 * hijacked tag), a home page, or what looks like a section front ("/world", "/news/politics": no
 * digit, dash, underscore or dot in a path at most two deep). The caller still compares texts
 * before treating two URLs as one article.
 */
export function trustedCanonical(pageUrl: string, declared: string | null): string | null {
  if (!declared) return null;
  let page: URL;
  let canonical: URL;
  try {
    page = new URL(pageUrl);
    canonical = new URL(declared, pageUrl);
  } catch {
    return null;
  }
  if (canonical.protocol !== 'http:' && canonical.protocol !== 'https:') return null;
  if (siteOf(canonical.hostname) !== siteOf(page.hostname)) return null;
  const segments = canonical.pathname.split('/').filter(Boolean);
  const last = segments.at(-1) ?? '';
  if (segments.length === 0) return null;
  if (segments.length <= 2 && !/[\d\-_.]/.test(last) && !canonical.search) return null;
  return canonicalizeUrl(canonical);
}

/** Validates a URL a user asked to track. */
export function checkTrackableUrl(input: unknown, policy: UrlPolicy | boolean): UrlVerdict {
  if (typeof input !== 'string' || input.trim() === '') return { ok: false, error: 'url must be a non-empty string' };
  if (input.length > MAX_URL_LENGTH) return { ok: false, error: `url is longer than ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return { ok: false, error: 'url is not a valid URL' };
  }
  const verdict = checkFetchableUrl(url, policy);
  return verdict.ok ? { ok: true, url: canonicalizeUrl(url) } : verdict;
}

/** Validates a URL about to be fetched (also every redirect hop). */
export function checkFetchableUrl(url: URL, policy: UrlPolicy | boolean): UrlVerdict {
  const { allowPrivateUrls, allowedPrivateOrigins = [] } = policyOf(policy);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, error: 'url must use http or https' };
  if (url.username || url.password) return { ok: false, error: 'url must not carry credentials' };
  if (!allowPrivateUrls && !allowedPrivateOrigins.includes(url.origin) && isPrivateHost(url.hostname)) {
    return { ok: false, error: 'url points to a private or local address (set ALLOW_PRIVATE_URLS=true to allow)' };
  }
  return { ok: true, url: url.href };
}

export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  if (host === 'metadata.google.internal' || host === 'metadata') return true;
  if (host.startsWith('[')) return isPrivateIPv6(host.slice(1, -1));
  const v4 = parseIPv4(host);
  return v4 !== null && isPrivateIPv4(v4);
}

function parseIPv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.map(Number);
}

function isPrivateIPv4([a, b]: number[]): boolean {
  return (
    a === 0 || a === 10 || a === 127 || a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) || // CGNAT
    (a === 169 && b === 254) || // link-local, cloud metadata
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0) || // IETF protocol assignments, incl. 192.0.0.0/24
    (a === 198 && (b === 18 || b === 19)) // benchmarking
  );
}

function isPrivateIPv6(address: string): boolean {
  const groups = expandIPv6(address);
  if (!groups) return true; // unparsable: refuse rather than guess
  if (groups.slice(0, 7).every((g) => g === 0) && groups[7] <= 1) return true; // :: and ::1
  if ((groups[0] & 0xfe00) === 0xfc00) return true; // unique local fc00::/7
  if ((groups[0] & 0xffc0) === 0xfe80) return true; // link-local fe80::/10
  if ((groups[0] & 0xff00) === 0xff00) return true; // multicast
  const embedsIPv4 =
    (groups.slice(0, 5).every((g) => g === 0) && (groups[5] === 0xffff || groups[5] === 0)) || // mapped, compatible
    (groups[0] === 0x64 && groups[1] === 0xff9b); // NAT64
  if (embedsIPv4) return isPrivateIPv4([groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff]);
  return false;
}

function expandIPv6(address: string): number[] | null {
  let text = address.split('%')[0];
  const dotted = text.match(/(\d+\.\d+\.\d+\.\d+)$/);
  if (dotted) {
    const v4 = parseIPv4(dotted[1]);
    if (!v4) return null;
    text = text.slice(0, -dotted[1].length) + `${((v4[0] << 8) | v4[1]).toString(16)}:${((v4[2] << 8) | v4[3]).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  if (text.split('::').length > 2) return null;
  const parse = (s: string) => (s ? s.split(':').map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)) : []);
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return null;
  const groups = [...left, ...Array(tail === undefined ? 0 : missing).fill(0), ...right];
  return groups.some(Number.isNaN) ? null : groups;
}
