/**
 * The URL policy against the IANA special-purpose address registries, row by row (IPv4 and IPv6,
 * as of 2025), with the forms an attacker would write them in. Each row: the block, its name and
 * RFC, IANA's "globally reachable", and addresses inside it (first and last, as URLs write them).
 * Every row is refused, the globally reachable ones too: they are infrastructure (anycast relays,
 * AS112 sinks, NAT64 prefixes), never a news site, and the policy is safer refusing a block it has
 * no use for than reasoning about what a relay forwards where.
 */
import { describe, expect, it } from 'vitest';
import { checkFetchableUrl, checkTrackableUrl } from '../../src/net';

const refused = (url: string) => !checkFetchableUrl(new URL(url), false).ok;

// [block, name, RFC, globally reachable per IANA, addresses inside]
const IPV4_REGISTRY: [string, string, string, boolean | null, string[]][] = [
  ['0.0.0.0/8', '"This network"', 'RFC 791', false, ['0.0.0.0', '0.255.255.255']],
  ['0.0.0.0/32', '"This host on this network"', 'RFC 1122', false, ['0.0.0.0']],
  ['10.0.0.0/8', 'Private-Use', 'RFC 1918', false, ['10.0.0.0', '10.255.255.255']],
  ['100.64.0.0/10', 'Shared Address Space', 'RFC 6598', false, ['100.64.0.0', '100.127.255.255']],
  ['127.0.0.0/8', 'Loopback', 'RFC 1122', false, ['127.0.0.1', '127.255.255.254']],
  ['169.254.0.0/16', 'Link Local', 'RFC 3927', false, ['169.254.0.0', '169.254.169.254', '169.254.255.255']],
  ['172.16.0.0/12', 'Private-Use', 'RFC 1918', false, ['172.16.0.0', '172.31.255.255']],
  ['192.0.0.0/24', 'IETF Protocol Assignments', 'RFC 6890', false, ['192.0.0.0', '192.0.0.255']],
  ['192.0.0.0/29', 'IPv4 Service Continuity Prefix', 'RFC 7335', false, ['192.0.0.1', '192.0.0.7']],
  ['192.0.0.8/32', 'IPv4 dummy address', 'RFC 7600', false, ['192.0.0.8']],
  ['192.0.0.9/32', 'Port Control Protocol Anycast', 'RFC 7723', true, ['192.0.0.9']],
  ['192.0.0.10/32', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', true, ['192.0.0.10']],
  ['192.0.0.170/32', 'NAT64/DNS64 Discovery', 'RFC 8880', false, ['192.0.0.170', '192.0.0.171']],
  ['192.0.2.0/24', 'Documentation (TEST-NET-1)', 'RFC 5737', false, ['192.0.2.0', '192.0.2.255']],
  ['192.31.196.0/24', 'AS112-v4', 'RFC 7535', true, ['192.31.196.1', '192.31.196.255']],
  ['192.52.193.0/24', 'AMT', 'RFC 7450', true, ['192.52.193.1', '192.52.193.255']],
  ['192.88.99.0/24', 'Deprecated (6to4 Relay Anycast)', 'RFC 7526', null, ['192.88.99.1', '192.88.99.255']],
  ['192.168.0.0/16', 'Private-Use', 'RFC 1918', false, ['192.168.0.0', '192.168.255.255']],
  ['192.175.48.0/24', 'Direct Delegation AS112 Service', 'RFC 7534', true, ['192.175.48.1', '192.175.48.255']],
  ['198.18.0.0/15', 'Benchmarking', 'RFC 2544', false, ['198.18.0.0', '198.19.255.255']],
  ['198.51.100.0/24', 'Documentation (TEST-NET-2)', 'RFC 5737', false, ['198.51.100.0', '198.51.100.255']],
  ['203.0.113.0/24', 'Documentation (TEST-NET-3)', 'RFC 5737', false, ['203.0.113.0', '203.0.113.255']],
  ['240.0.0.0/4', 'Reserved', 'RFC 1112', false, ['240.0.0.0', '255.255.255.254']],
  ['255.255.255.255/32', 'Limited Broadcast', 'RFC 919', false, ['255.255.255.255']],
  // Not in the special-purpose registry, but never a web site: the multicast registry.
  ['224.0.0.0/4', 'Multicast', 'RFC 5771', false, ['224.0.0.1', '239.255.255.255']],
];

const IPV6_REGISTRY: [string, string, string, boolean | null, string[]][] = [
  ['::1/128', 'Loopback Address', 'RFC 4291', false, ['::1']],
  ['::/128', 'Unspecified Address', 'RFC 4291', false, ['::']],
  ['::ffff:0:0/96', 'IPv4-mapped Address', 'RFC 4291', false, ['::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:8.8.8.8', '::ffff:0:0']],
  ['64:ff9b::/96', 'IPv4-IPv6 Translat.', 'RFC 6052', true, ['64:ff9b::127.0.0.1', '64:ff9b::8.8.8.8']],
  ['64:ff9b:1::/48', 'IPv4-IPv6 Translat.', 'RFC 8215', false, ['64:ff9b:1::a00:1', '64:ff9b:1:ffff:ffff:ffff:ffff:ffff']],
  ['100::/64', 'Discard-Only Address Block', 'RFC 6666', false, ['100::', '100::ffff:ffff:ffff:ffff']],
  ['100:0:0:1::/64', 'Dummy IPv6 Prefix', 'RFC 9780', false, ['100:0:0:1::1']],
  ['2001::/23', 'IETF Protocol Assignments', 'RFC 2928', false, ['2001::1', '2001:1ff:ffff::1']],
  ['2001::/32', 'TEREDO', 'RFC 4380', null, ['2001:0:4136:e378:8000:63bf:3fff:fdd2', '2001:0:ffff::1']],
  ['2001:1::1/128', 'Port Control Protocol Anycast', 'RFC 7723', true, ['2001:1::1']],
  ['2001:1::2/128', 'Traversal Using Relays around NAT Anycast', 'RFC 8155', true, ['2001:1::2']],
  ['2001:1::3/128', 'DNS-SD Service Registration Protocol Anycast', 'RFC 9665', true, ['2001:1::3']],
  ['2001:2::/48', 'Benchmarking', 'RFC 5180', false, ['2001:2::1', '2001:2:0:ffff::1']],
  ['2001:3::/32', 'AMT', 'RFC 7450', true, ['2001:3::1']],
  ['2001:4:112::/48', 'AS112-v6', 'RFC 7535', true, ['2001:4:112::1']],
  ['2001:10::/28', 'Deprecated (previously ORCHID)', 'RFC 4843', null, ['2001:10::1']],
  ['2001:20::/28', 'ORCHIDv2', 'RFC 7343', true, ['2001:20::1', '2001:2f:ffff::1']],
  ['2001:30::/28', 'Drone Remote ID Protocol Entity Tags (DETs) Prefix', 'RFC 9374', true, ['2001:30::1']],
  ['2001:db8::/32', 'Documentation', 'RFC 3849', false, ['2001:db8::1', '2001:db8:ffff:ffff:ffff:ffff:ffff:ffff']],
  ['2002::/16', '6to4', 'RFC 3056', null, ['2002:7f00:1::1', '2002:a00:1::', '2002:808:808::1']],
  ['2620:4f:8000::/48', 'Direct Delegation AS112 Service', 'RFC 7534', true, ['2620:4f:8000::1']],
  ['3fff::/20', 'Documentation', 'RFC 9637', false, ['3fff::1', '3fff:fff:ffff::1']],
  ['5f00::/16', 'Segment Routing (SRv6) SIDs', 'RFC 9602', false, ['5f00::1']],
  ['fc00::/7', 'Unique-Local', 'RFC 4193', false, ['fc00::1', 'fd12:3456::1', 'fdff:ffff::1']],
  ['fe80::/10', 'Link-Local Unicast', 'RFC 4291', false, ['fe80::1', 'febf:ffff::1']],
  // Not in the registry today, named in issue 10 or deprecated:
  ['fec0::/10', 'Site-Local (deprecated)', 'RFC 3879', null, ['fec0::1', 'feff::1']],
  ['::/96', 'IPv4-compatible (deprecated)', 'RFC 4291', null, ['::127.0.0.1', '::10.0.0.1']],
  ['::ffff:0:0:0/96', 'IPv4-translated', 'RFC 2765', null, ['::ffff:0:7f00:1', '::ffff:0:a00:1']],
  ['ff00::/8', 'Multicast', 'RFC 4291', false, ['ff02::1', 'ff05::2']],
];

describe('the URL policy against the IANA IPv4 special-purpose registry', () => {
  it.each(IPV4_REGISTRY)('%s %s (%s, globally reachable: %s) is refused', (_block, _name, _rfc, _global, addresses) => {
    for (const address of addresses) {
      expect(refused(`http://${address}/`), address).toBe(true);
      expect(checkFetchableUrl(new URL(`http://${address}/`), true).ok, `${address} with ALLOW_PRIVATE_URLS`).toBe(true);
    }
  });

  it('allows the public addresses just outside the blocks', () => {
    for (const address of [
      '1.0.0.1',
      '9.255.255.255',
      '11.0.0.0',
      '100.63.255.255',
      '100.128.0.0',
      '126.255.255.255',
      '128.0.0.0',
      '169.253.255.255',
      '169.255.0.0',
      '172.15.255.255',
      '172.32.0.0',
      '192.0.1.0',
      '192.0.3.0',
      '192.31.195.255',
      '192.52.194.0',
      '192.88.98.255',
      '192.167.255.255',
      '192.169.0.0',
      '198.17.255.255',
      '198.20.0.0',
      '198.51.99.255',
      '203.0.112.255',
      '223.255.255.255',
      '8.8.8.8',
    ]) {
      expect(refused(`http://${address}/`), address).toBe(false);
    }
  });

  it('sees through decimal, octal, hex and short IPv4 forms, and trailing dots', () => {
    for (const url of [
      'http://2130706433/',
      'http://0x7f000001/',
      'http://0177.0.0.1/',
      'http://0x7f.1/',
      'http://127.1/',
      'http://017700000001/',
      'http://127.0.0.1./',
      'http://0/',
      'http://3232235777/',
      'http://0xa9.0xfe.0xa9.0xfe/',
      'http://169.254.43518/',
    ]) {
      expect(refused(url), url).toBe(true);
    }
    expect(refused('http://134744072/'), '8.8.8.8 in decimal').toBe(false);
  });
});

describe('the URL policy against the IANA IPv6 special-purpose registry', () => {
  it.each(IPV6_REGISTRY)('%s %s (%s, globally reachable: %s) is refused', (_block, _name, _rfc, _global, addresses) => {
    for (const address of addresses) {
      expect(refused(`http://[${address}]/`), address).toBe(true);
      expect(checkFetchableUrl(new URL(`http://[${address}]/`), true).ok, `${address} with ALLOW_PRIVATE_URLS`).toBe(true);
    }
  });

  it('allows global unicast outside the special blocks', () => {
    for (const address of ['2606:4700:4700::1111', '2001:200::1', '2001:4860:4860::8888', '2003::1', '2620:4f:8001::1', '2a00:1450:4001::200e', '3ffe::1']) {
      expect(refused(`http://[${address}]/`), address).toBe(false);
    }
  });

  it('sees through the spellings of one address', () => {
    for (const address of ['0:0:0:0:0:0:0:1', '0000::0001', '::0:1', '::ffff:7f00:1', '0:0:0:0:0:ffff:127.0.0.1', 'FE80::1', 'fe80::1%25eth0']) {
      let url: URL;
      try {
        url = new URL(`http://[${address}]/`);
      } catch {
        continue; // the URL parser refuses it already (zone ids)
      }
      expect(refused(url.href), address).toBe(true);
    }
  });
});

describe('host names', () => {
  it.each([
    ['http://intranet/', 'single-label'],
    ['http://metadata/computeMetadata/v1/', 'single-label'],
    ['http://localhost/', 'single-label'],
    ['http://localhost./', 'single-label'],
    ['http://localhost../', 'single-label'],
    ['http://LOCALHOST.:8080/', 'single-label'],
    ['http://foo.localhost/', '.localhost'],
    ['http://printer.local/', '.local'],
    ['http://metadata.google.internal/', '.internal'],
    ['http://nas.home.arpa/', '.arpa'],
    ['http://router.lan/', '.lan'],
    ['http://a..example.com/', 'empty label'],
  ])('refuses %s (%s)', (url, reason) => {
    const verdict = checkTrackableUrl(url, false);
    expect(verdict.ok).toBe(false);
    expect(!verdict.ok && verdict.error).toContain(reason === '.arpa' ? '.arpa' : reason);
  });

  it('allows public names, with or without a trailing dot', () => {
    for (const url of ['https://www.nytimes.com/', 'https://example.com./', 'https://news.bbc.co.uk/x', 'https://xn--80ak6aa92e.com/']) {
      expect(refused(url), url).toBe(false);
    }
  });

  it('lets ALLOW_PRIVATE_ORIGINS through by exact origin only', () => {
    const policy = { allowPrivateUrls: false, allowedPrivateOrigins: ['http://10.0.0.7:8080'] };
    expect(checkFetchableUrl(new URL('http://10.0.0.7:8080/hook'), policy).ok).toBe(true);
    expect(checkFetchableUrl(new URL('http://10.0.0.7:8081/hook'), policy).ok).toBe(false);
    expect(checkFetchableUrl(new URL('https://10.0.0.7:8080/hook'), policy).ok).toBe(false);
    expect(checkFetchableUrl(new URL('http://10.0.0.8:8080/hook'), policy).ok).toBe(false);
  });
});
