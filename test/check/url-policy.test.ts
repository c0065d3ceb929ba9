import { describe, expect, it } from 'vitest';
import { checkTrackableUrl, isPrivateHost } from '../../src/net';

describe('which URLs Redline tracks', () => {
  it('accepts a public http(s) article and drops tracking parameters and the fragment', () => {
    expect(checkTrackableUrl('https://www.nytimes.com/2016/11/11/world/europe/russia.html?utm_source=tw&smid=x&page=2#c', false)).toEqual({
      ok: true,
      url: 'https://www.nytimes.com/2016/11/11/world/europe/russia.html?page=2',
    });
  });

  it.each([
    ['ftp://example.com/a', 'http or https'],
    ['javascript:alert(1)', 'http or https'],
    ['not a url', 'not a valid URL'],
    ['', 'non-empty'],
    [`https://example.com/${'a'.repeat(2050)}`, 'longer than 2048'],
    ['https://user:pw@example.com/', 'credentials'],
  ])('refuses %s', (input, message) => {
    const verdict = checkTrackableUrl(input, false);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.error).toContain(message);
  });

  it.each([
    'http://localhost:8787/',
    'http://foo.localhost/',
    'http://printer.local/',
    'http://127.0.0.1/',
    'http://127.1/',
    'http://2130706433/',
    'http://0x7f000001/',
    'http://0177.0.0.1/',
    'http://10.0.0.5/',
    'http://172.16.3.4/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://[fe80::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://metadata.google.internal/',
  ])('refuses the private address %s unless ALLOW_PRIVATE_URLS', (input) => {
    expect(checkTrackableUrl(input, false).ok).toBe(false);
    expect(checkTrackableUrl(input, true).ok).toBe(true);
  });

  it('does not mistake public addresses for private ones', () => {
    // ('[::ffff:8.8.8.8]' is refused since the policy allows IPv6 only in global unicast: test/net/url-policy.test.ts.)
    for (const host of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '[2606:4700::1111]', 'example.com']) {
      expect(isPrivateHost(host), host).toBe(false);
    }
  });
});
