/**
 * Which URLs Redline will track and fetch: http(s), at most 2048 characters, and (unless
 * ALLOW_PRIVATE_URLS) never a private, local or special-purpose host (special-addresses.ts). The
 * WHATWG URL parser already turns decimal, octal and hex IPv4 forms into dotted quads and
 * compresses IPv6, so the checks see one form.
 * Tracking parameters (utm_*, fbclid, gclid...) and fragments are dropped so one article is one URL.
 */
import { specialHostReason } from './special-addresses';

export { isPrivateHost } from './special-addresses';

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
  const special = allowPrivateUrls || allowedPrivateOrigins.includes(url.origin) ? null : specialHostReason(url.hostname);
  if (special) return { ok: false, error: `url points to a private or local address: ${special} (set ALLOW_PRIVATE_URLS=true to allow)` };
  return { ok: true, url: url.href };
}
