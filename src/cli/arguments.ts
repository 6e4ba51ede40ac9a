import { InvalidArgumentError } from 'commander';

/**
 * A server URL as the CLI stores and compares it: http(s), no credentials, query or fragment,
 * no trailing slash. A path is kept, for servers behind a proxy at `/recital`.
 * Throws commander's InvalidArgumentError, so a bad value is a usage error (exit 2).
 *
 * @example
 * parseServerUrl('https://Recital.example.com/'); // 'https://recital.example.com'
 */
export function parseServerUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError('Expected a URL such as https://recital.example.com.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('Expected an http:// or https:// URL.');
  }
  if (url.username || url.password) {
    throw new InvalidArgumentError('Leave the user name and password out of the URL; you will be asked.');
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

/** Whether a password sent to this URL could be read on the way. */
export function isInsecureUrl(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  const loopback = hostname === 'localhost' || hostname === '[::1]' || hostname.startsWith('127.');
  return protocol === 'http:' && !loopback;
}

export function parsePort(value: string): string {
  const port = parseInteger(value);
  if (port === null || port < 0 || port > 65535) {
    throw new InvalidArgumentError('Expected a port number from 0 to 65535.');
  }
  return String(port);
}

export function parsePositiveInteger(value: string): number {
  const number = parseInteger(value);
  if (number === null || number < 1) throw new InvalidArgumentError('Expected a whole number of at least 1.');
  return number;
}

function parseInteger(value: string): number | null {
  return /^\d{1,9}$/.test(value.trim()) ? Number(value.trim()) : null;
}
