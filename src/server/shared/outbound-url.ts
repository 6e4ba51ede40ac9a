import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress, LookupOneOptions, LookupAllOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Guards every URL Recital fetches on a user's behalf (webhooks, proof pre-checks) against server-side
 * request forgery: only http(s), no credentials, and no address inside the server's own networks unless
 * the operator allowed it.
 *
 * Allowed: public unicast addresses only (ipaddr.js range `unicast`). Refused: loopback, RFC 1918 and
 * fc00::/7, link-local (169.254/16, fe80::/10), CGNAT 100.64/10, multicast, unspecified, broadcast,
 * documentation/benchmarking/reserved ranges, IPv6 forms that embed an IPv4 address (mapped, compatible,
 * NAT64, 6to4, Teredo) and cloud metadata endpoints. Metadata endpoints stay refused for allowed hosts:
 * only a CIDR that explicitly contains one lets it through.
 *
 * Vetting and connecting must use the same addresses, or DNS rebinding wins (the name resolves to a public
 * address for the check and to 127.0.0.1 for the fetch). Connect through `pinnedLookup(result.addresses)`,
 * and do not follow redirects automatically: check each `Location` again.
 */

export interface OutboundAllowList {
  /** Host names allowed whatever they resolve to (exact match, case-insensitive), e.g. `hooks.internal`. */
  readonly hosts: readonly string[];
  /** Address ranges allowed, e.g. `10.20.0.0/16`, `fd12::/64`, `192.168.1.7/32`. */
  readonly cidrs: readonly string[];
}

export interface OutboundUrlOptions {
  readonly allow: OutboundAllowList;
  /** Every A/AAAA address of a host name. Default: `dns.lookup(host, { all: true })`. */
  readonly resolve?: (hostname: string) => Promise<string[]>;
  /** How to name the allow-list in messages, e.g. the env variable that sets it. */
  readonly allowListName?: string;
}

export type OutboundUrlErrorCode =
  'url.invalid' | 'url.scheme' | 'url.credentials' | 'url.private_address' | 'url.unresolvable';

export type OutboundUrlCheck =
  | { readonly ok: true; readonly url: URL; readonly addresses: readonly string[] }
  | { readonly ok: false; readonly code: OutboundUrlErrorCode; readonly message: string };

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Public-looking addresses that answer as the cloud host itself (Azure's wire server). */
const METADATA_ADDRESSES: ReadonlySet<string> = new Set(
  ['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200', '168.63.129.16'].map((address) =>
    ipaddr.parse(address).toString(),
  ),
);
/** ::/96, IPv4-compatible IPv6 (deprecated): ipaddr.js calls it unicast, but it names an IPv4 host. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR('::/96');
const DEFAULT_ALLOW_LIST_NAME = 'the outbound allow-list (hosts or CIDRs) in the server configuration';

/**
 * Decides whether Recital may fetch `url`: parses it, resolves every address of its host and refuses if
 * any one is forbidden (one bad record is enough for an attacker who controls the DNS answer).
 *
 * @example
 * const check = await checkOutboundUrl(hook.url, { allow: config.outbound.allow });
 * if (!check.ok) throw badRequest(check.code, check.message);
 * http.request(check.url, { lookup: pinnedLookup(check.addresses) });
 */
export async function checkOutboundUrl(url: string, options: OutboundUrlOptions): Promise<OutboundUrlCheck> {
  const parsed = parseUrl(url);
  if (!parsed.ok) return parsed;
  const host = bareHost(parsed.url.hostname);
  const addresses = await resolveHost(host, options.resolve ?? systemResolve);
  if (!addresses)
    return refuse('url.unresolvable', `The host ${host} of ${parsed.url.origin} did not resolve.`);
  const hostAllowed = options.allow.hosts.some((allowed) => sameHost(allowed, host));
  const cidrs = options.allow.cidrs.map((cidr) => ipaddr.parseCIDR(cidr));
  for (const address of addresses) {
    const reason = forbiddenReason(address, { hostAllowed, cidrs });
    if (reason)
      return refuse('url.private_address', refusal({ url: parsed.url, host, address, reason, options }));
  }
  return { ok: true, url: parsed.url, addresses: addresses.map((address) => address.toString()) };
}

/** Problems with an allow-list, for configuration validation at start (each CIDR must parse). */
export function outboundAllowListProblems(allow: OutboundAllowList): string[] {
  const problems: string[] = [];
  for (const cidr of allow.cidrs)
    if (!isCidr(cidr))
      problems.push(`${JSON.stringify(cidr)} is not a CIDR range such as 10.0.0.0/8 or fd00::/8`);
  for (const host of allow.hosts)
    if (host.trim() === '' || /[\s/:@]/.test(host))
      problems.push(`${JSON.stringify(host)} is not a host name`);
  return problems;
}

function parseUrl(text: string): { ok: true; url: URL } | Extract<OutboundUrlCheck, { ok: false }> {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return refuse('url.invalid', 'This is not a valid absolute URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return refuse('url.scheme', `Only http and https URLs can be called, not ${url.protocol.slice(0, -1)}.`);
  if (url.username !== '' || url.password !== '')
    return refuse(
      'url.credentials',
      'URLs with a user name or password are refused: use a header or token instead.',
    );
  if (url.hostname === '') return refuse('url.invalid', 'The URL has no host.');
  return { ok: true, url };
}

/** `[::1]` → `::1`, `Example.COM.` → `example.com` (the URL parser has already lower-cased and punycoded). */
function bareHost(hostname: string): string {
  const unbracketed = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return unbracketed.endsWith('.') ? unbracketed.slice(0, -1) : unbracketed;
}

function sameHost(allowed: string, host: string): boolean {
  return bareHost(allowed.trim().toLowerCase()) === host;
}

/** Literal IPs are taken as they are; names are resolved. Null when nothing usable comes back. */
async function resolveHost(
  host: string,
  resolve: (hostname: string) => Promise<string[]>,
): Promise<Address[] | null> {
  // The WHATWG parser has already turned 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1.
  if (isIP(host) !== 0) return [ipaddr.parse(host)];
  let answers: string[];
  try {
    answers = await resolve(host);
  } catch {
    return null;
  }
  const addresses = answers.filter((answer) => isIP(answer) !== 0).map((answer) => ipaddr.parse(answer));
  return addresses.length > 0 && addresses.length === answers.length ? addresses : null;
}

async function systemResolve(hostname: string): Promise<string[]> {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((answer) => answer.address);
}

/**
 * Why an address may not be called, or null when it may. An IPv6 form of an IPv4 address (::ffff:10.0.0.1)
 * is judged as the IPv4 address it connects to, allow-list included.
 */
function forbiddenReason(
  address: Address,
  allow: { hostAllowed: boolean; cidrs: readonly [Address, number][] },
): string | null {
  const embedded = embeddedIPv4(address);
  const target = embedded ?? address;
  const inAllowedCidr = allow.cidrs.some((cidr) => target.kind() === cidr[0].kind() && target.match(cidr));
  const reason = METADATA_ADDRESSES.has(target.toString())
    ? 'a cloud metadata endpoint' // a host allowance never opens these; only a CIDR that names them does
    : allow.hostAllowed
      ? null
      : rangeReason(target);
  if (reason === null || inAllowedCidr) return null;
  return embedded ? `${reason} (${embedded.toString()} written as IPv6)` : reason;
}

const RANGE_NAMES: Readonly<Record<string, string>> = {
  unspecified: 'an unspecified address',
  loopback: 'a loopback address',
  private: 'a private network address',
  uniqueLocal: 'a private network address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
};

function rangeReason(address: Address): string | null {
  const range = address.range();
  if (range === 'unicast') return null;
  return RANGE_NAMES[range] ?? `a reserved address (${range})`;
}

/** The IPv4 address inside IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d) IPv6 forms. */
function embeddedIPv4(address: Address): ipaddr.IPv4 | null {
  if (address.kind() !== 'ipv6') return null;
  const v6 = address as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  const range = v6.range();
  if (range === 'unspecified' || range === 'loopback' || !v6.match(IPV4_COMPATIBLE)) return null;
  return ipaddr.fromByteArray(v6.toByteArray().slice(12)) as ipaddr.IPv4;
}

function refusal(input: {
  url: URL;
  host: string;
  address: Address;
  reason: string;
  options: OutboundUrlOptions;
}): string {
  const { url, host, address, reason, options } = input;
  const shown = address.toString();
  const via = shown === host ? '' : ` resolves to ${shown}, which is`;
  const target = embeddedIPv4(address) ?? address;
  const single = target.kind() === 'ipv4' ? `${target.toString()}/32` : `${target.toString()}/128`;
  const allowHost = isIP(host) === 0 && !reason.startsWith('a cloud metadata') ? `the host ${host} or ` : '';
  return (
    `${url.origin}${via || ' is'} ${reason}; Recital does not call it. ` +
    `To allow it, add ${allowHost}the range ${single} to ${options.allowListName ?? DEFAULT_ALLOW_LIST_NAME}.`
  );
}

function refuse(code: OutboundUrlErrorCode, message: string): Extract<OutboundUrlCheck, { ok: false }> {
  return { ok: false, code, message };
}

function isCidr(text: string): boolean {
  try {
    ipaddr.parseCIDR(text);
    return true;
  } catch {
    return false;
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for `http.request`, `https.Agent` or undici's `connect` option that answers only with the
 * addresses `checkOutboundUrl` vetted, so the connection goes where the check looked.
 *
 * @example
 * http.get(check.url, { lookup: pinnedLookup(check.addresses) });
 */
export function pinnedLookup(addresses: readonly string[]) {
  const vetted: LookupAddress[] = addresses.map((address) => ({ address, family: isIP(address) }));
  return (
    _hostname: string,
    options: LookupOneOptions | LookupAllOptions | number,
    callback: LookupCallback,
  ) => {
    const asked = typeof options === 'number' ? options : options.family;
    const family = asked === 'IPv4' ? 4 : asked === 'IPv6' ? 6 : asked;
    const wanted = family === 4 || family === 6 ? vetted.filter((a) => a.family === family) : vetted;
    const first = wanted[0];
    if (!first) {
      const error: NodeJS.ErrnoException = new Error('no vetted address of the requested family');
      error.code = 'ENOTFOUND';
      callback(error, []);
      return;
    }
    if (typeof options === 'object' && options.all) callback(null, wanted);
    else callback(null, first.address, first.family);
  };
}
