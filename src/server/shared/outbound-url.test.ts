import type { lookup } from 'node:dns';
import { describe, expect, it } from 'vitest';
import {
  checkOutboundUrl,
  outboundAllowListProblems,
  pinnedLookup,
  type OutboundUrlOptions,
} from './outbound-url.js';

const noAllow = { hosts: [], cidrs: [] };
/** A resolver from a fixed table: no network in tests. */
const dns =
  (table: Record<string, string[]>) =>
  async (hostname: string): Promise<string[]> => {
    const answers = table[hostname];
    if (!answers) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answers;
  };
const resolve = dns({
  'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example.com': ['10.1.2.3'],
  'mixed.example.com': ['93.184.215.14', '192.168.0.10'],
  'mapped.example.com': ['::ffff:169.254.169.254'],
  'metadata.google.internal': ['169.254.169.254'],
  'empty.example.com': [],
  'junk.example.com': ['not-an-address'],
});
const check = (url: string, options: Partial<OutboundUrlOptions> = {}) =>
  checkOutboundUrl(url, { allow: noAllow, resolve, ...options });

describe('checkOutboundUrl', () => {
  it('accepts a public host and returns every vetted address', async () => {
    const result = await check('https://hooks.example.com/recital?x=1');
    expect(result).toMatchObject({
      ok: true,
      addresses: ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
    });
    expect(result.ok && result.url.href).toBe('https://hooks.example.com/recital?x=1');
  });

  it('accepts public literal addresses without resolving', async () => {
    const never = () => Promise.reject(new Error('must not resolve'));
    expect(await check('http://8.8.8.8:8080/', { resolve: never })).toMatchObject({
      ok: true,
      addresses: ['8.8.8.8'],
    });
    expect(await check('http://[2606:4700::1111]/', { resolve: never })).toMatchObject({ ok: true });
  });

  it.each([
    ['loopback', 'http://127.0.0.1/', '127.0.0.1', 'a loopback address'],
    ['loopback, other', 'http://127.8.9.10/', '127.8.9.10', 'a loopback address'],
    ['IPv6 loopback', 'http://[::1]/', '::1', 'a loopback address'],
    ['RFC 1918 10/8', 'http://10.0.0.1/', '10.0.0.1', 'a private network address'],
    ['RFC 1918 172.16/12', 'http://172.31.255.255/', '172.31.255.255', 'a private network address'],
    ['RFC 1918 192.168/16', 'http://192.168.1.1/', '192.168.1.1', 'a private network address'],
    ['unique local fc00::/7', 'http://[fd12:3456::1]/', 'fd12:3456::1', 'a private network address'],
    ['link-local 169.254/16', 'http://169.254.10.10/', '169.254.10.10', 'a link-local address'],
    ['link-local fe80::/10', 'http://[fe80::1]/', 'fe80::1', 'a link-local address'],
    ['CGNAT 100.64/10', 'http://100.64.0.1/', '100.64.0.1', 'a carrier-grade NAT address'],
    ['multicast', 'http://224.0.0.1/', '224.0.0.1', 'a multicast address'],
    ['IPv6 multicast', 'http://[ff02::1]/', 'ff02::1', 'a multicast address'],
    ['unspecified', 'http://0.0.0.0/', '0.0.0.0', 'an unspecified address'],
    ['IPv6 unspecified', 'http://[::]/', '::', 'an unspecified address'],
    ['broadcast', 'http://255.255.255.255/', '255.255.255.255', 'a broadcast address'],
    ['benchmarking', 'http://198.18.0.1/', '198.18.0.1', 'a reserved address'],
    ['metadata', 'http://169.254.169.254/latest/meta-data/', '169.254.169.254', 'a cloud metadata endpoint'],
    ['Azure wire server', 'http://168.63.129.16/', '168.63.129.16', 'a cloud metadata endpoint'],
    ['AWS IPv6 metadata', 'http://[fd00:ec2::254]/', 'fd00:ec2::254', 'a cloud metadata endpoint'],
  ])('refuses %s and says how to allow it', async (_, url, address, reason) => {
    const result = await check(url);
    expect(result).toMatchObject({ ok: false, code: 'url.private_address' });
    const message = result.ok ? '' : result.message;
    expect(message).toContain(address);
    expect(message).toContain(reason);
    expect(message).toMatch(/To allow it, add the range .+ to the outbound allow-list/);
  });

  it.each([
    ['decimal', 'http://2130706433/', '127.0.0.1'],
    ['hex', 'http://0x7f.1/', '127.0.0.1'],
    ['octal', 'http://0177.0.0.1/', '127.0.0.1'],
    ['short', 'http://127.1/', '127.0.0.1'],
    ['hex dword', 'http://0xa9fea9fe/', '169.254.169.254'],
    ['IPv4-mapped IPv6', 'http://[::ffff:127.0.0.1]/', '127.0.0.1'],
    ['IPv4-mapped IPv6, hex', 'http://[::ffff:a00:1]/', '10.0.0.1'],
    ['IPv4-compatible IPv6', 'http://[::127.0.0.1]/', '127.0.0.1'],
    ['trailing dot', 'http://127.0.0.1./', '127.0.0.1'],
  ])('recognises a %s literal address', async (_, url, inner) => {
    const never = () => Promise.reject(new Error('must not resolve'));
    const result = await check(url, { resolve: never });
    expect(result).toMatchObject({ ok: false, code: 'url.private_address' });
    expect(result.ok ? '' : result.message).toContain(inner);
  });

  it('judges IPv4-mapped addresses as the IPv4 address they connect to', async () => {
    expect(await check('http://[::ffff:8.8.8.8]/')).toMatchObject({ ok: true });
    const result = await check('http://[::ffff:192.168.0.1]/');
    expect(result.ok ? '' : result.message).toContain(
      'a private network address (192.168.0.1 written as IPv6); Recital does not call it. To allow it, add the range 192.168.0.1/32',
    );
  });

  it('refuses other IPv6 forms that embed an IPv4 address', async () => {
    for (const url of ['http://[64:ff9b::a00:1]/', 'http://[2002:a00:1::]/', 'http://[2001:0:4136:e378::1]/'])
      expect(await check(url)).toMatchObject({ ok: false, code: 'url.private_address' });
  });

  it('refuses a name that resolves to a private address, naming host and address', async () => {
    const result = await check('https://internal.example.com/hook');
    expect(result).toEqual({
      ok: false,
      code: 'url.private_address',
      message:
        'https://internal.example.com resolves to 10.1.2.3, which is a private network address; Recital does not call it. ' +
        'To allow it, add the host internal.example.com or the range 10.1.2.3/32 to the outbound allow-list (hosts or CIDRs) in the server configuration.',
    });
  });

  it('names the allow-list as the caller configures it', async () => {
    const result = await check('https://internal.example.com/', { allowListName: 'RECITAL_OUTBOUND_ALLOW' });
    expect(result.ok ? '' : result.message).toMatch(/to RECITAL_OUTBOUND_ALLOW\.$/);
  });

  it('refuses when any one record is forbidden (DNS rebinding, split answers)', async () => {
    expect(await check('https://mixed.example.com/')).toMatchObject({
      ok: false,
      code: 'url.private_address',
    });
    const mapped = await check('https://mapped.example.com/');
    expect(mapped).toMatchObject({ ok: false, code: 'url.private_address' });
    expect(mapped.ok ? '' : mapped.message).toContain('cloud metadata endpoint');
  });

  it('allows a host on the allow-list, case-insensitively, whatever it resolves to', async () => {
    const allow = { hosts: ['Internal.Example.com.', 'mixed.example.com'], cidrs: [] };
    expect(await check('https://internal.example.com/', { allow })).toMatchObject({
      ok: true,
      addresses: ['10.1.2.3'],
    });
    expect(await check('https://mixed.example.com/', { allow })).toMatchObject({ ok: true });
    expect(await check('https://other.internal.example.com/', { allow })).toMatchObject({ ok: false });
  });

  it('allows addresses inside an allowed CIDR, and only those', async () => {
    const allow = { hosts: [], cidrs: ['10.0.0.0/8', 'fd12::/16'] };
    expect(await check('https://internal.example.com/', { allow })).toMatchObject({ ok: true });
    expect(await check('http://[fd12:3456::1]/', { allow })).toMatchObject({ ok: true });
    expect(await check('http://[::ffff:10.0.0.1]/', { allow })).toMatchObject({ ok: true }); // it is 10.0.0.1
    expect(await check('http://192.168.0.1/', { allow })).toMatchObject({ ok: false });
    expect(await check('https://mixed.example.com/', { allow })).toMatchObject({ ok: false });
  });

  it('keeps metadata endpoints refused for allowed hosts; only an explicit CIDR opens them', async () => {
    const byHost = { hosts: ['metadata.google.internal'], cidrs: [] };
    const result = await check('http://metadata.google.internal/', { allow: byHost });
    expect(result).toMatchObject({ ok: false, code: 'url.private_address' });
    expect(result.ok ? '' : result.message).toContain('add the range 169.254.169.254/32');
    expect(
      await check('http://169.254.169.254/', { allow: { hosts: [], cidrs: ['169.254.0.0/16'] } }),
    ).toMatchObject({
      ok: true,
    });
  });

  it.each([
    ['ftp://example.com/file', 'url.scheme'],
    ['file:///etc/passwd', 'url.scheme'],
    ['gopher://127.0.0.1:6379/_FLUSHALL', 'url.scheme'],
    ['javascript:alert(1)', 'url.scheme'],
    ['https://user:secret@hooks.example.com/', 'url.credentials'],
    ['https://user@hooks.example.com/', 'url.credentials'],
    ['not a url', 'url.invalid'],
    ['/relative/path', 'url.invalid'],
    ['http://', 'url.invalid'],
    ['http://exa mple.com/', 'url.invalid'],
    ['', 'url.invalid'],
  ])('refuses %s with %s', async (url, code) => {
    const result = await check(url);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok ? '' : result.message).not.toContain('secret');
  });

  it('resolves with the system resolver by default (localhost, from the hosts file)', async () => {
    const result = await checkOutboundUrl('http://localhost:3000/', { allow: noAllow });
    expect(result).toMatchObject({ ok: false, code: 'url.private_address' });
    expect(result.ok ? '' : result.message).toContain('a loopback address');
  });

  it('refuses hosts that do not resolve, or resolve to nothing usable', async () => {
    for (const url of [
      'https://nowhere.example.com/',
      'https://empty.example.com/',
      'https://junk.example.com/',
    ])
      expect(await check(url)).toMatchObject({ ok: false, code: 'url.unresolvable' });
  });
});

describe('outboundAllowListProblems', () => {
  it('accepts valid entries and names each bad one', () => {
    expect(
      outboundAllowListProblems({ hosts: ['hooks.internal'], cidrs: ['10.0.0.0/8', 'fd00::/8'] }),
    ).toEqual([]);
    expect(
      outboundAllowListProblems({ hosts: ['', 'http://x'], cidrs: ['10.0.0.0', '10.0.0.0/33'] }),
    ).toHaveLength(4);
  });
});

describe('pinnedLookup', () => {
  const pinned = pinnedLookup(['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c']);
  const call = (options: Parameters<typeof pinned>[1]) =>
    new Promise<unknown[]>((done) => pinned('rebound.example.com', options, (...args) => done(args)));

  it('answers with the vetted addresses, whatever the name', async () => {
    expect(await call({})).toEqual([null, '93.184.215.14', 4]);
    expect(await call({ family: 6 })).toEqual([null, '2606:2800:21f:cb07:6820:80da:af6b:8b2c', 6]);
    expect(await call({ family: 'IPv6' })).toEqual([null, '2606:2800:21f:cb07:6820:80da:af6b:8b2c', 6]);
    expect(await call({ all: true })).toEqual([
      null,
      [
        { address: '93.184.215.14', family: 4 },
        { address: '2606:2800:21f:cb07:6820:80da:af6b:8b2c', family: 6 },
      ],
    ]);
  });

  it('fails like a lookup when no vetted address has the wanted family', async () => {
    const [error] = await new Promise<unknown[]>((done) =>
      pinnedLookup(['93.184.215.14'])('x', { family: 6 }, (...args) => done(args)),
    );
    expect(error).toMatchObject({ code: 'ENOTFOUND' });
  });

  it('has the shape of dns.lookup', () => {
    const asLookup: typeof lookup = pinned as typeof lookup;
    expect(typeof asLookup).toBe('function');
  });
});
