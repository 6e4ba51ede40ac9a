import { InvalidArgumentError } from 'commander';
import { describe, expect, it } from 'vitest';
import { isInsecureUrl, parsePort, parsePositiveInteger, parseServerUrl } from './arguments.js';

describe('parseServerUrl', () => {
  it('normalises case, default ports and trailing slashes, and keeps a path prefix', () => {
    expect(parseServerUrl('HTTPS://Recital.Example.com:443/')).toBe('https://recital.example.com');
    expect(parseServerUrl('http://localhost:4000')).toBe('http://localhost:4000');
    expect(parseServerUrl('https://example.com/recital//?x=1#top')).toBe('https://example.com/recital');
  });

  it('refuses what is not an http(s) URL, and URLs carrying credentials', () => {
    for (const bad of ['localhost', 'recital.example.com', 'ftp://example.com', 'localhost:4000', '']) {
      expect(() => parseServerUrl(bad), bad).toThrow(InvalidArgumentError);
    }
    expect(() => parseServerUrl('https://ada:secret@example.com')).toThrow(/user name and password/);
  });
});

describe('isInsecureUrl', () => {
  it('flags plain http except on loopback', () => {
    expect(isInsecureUrl('http://recital.example.com')).toBe(true);
    expect(isInsecureUrl('https://recital.example.com')).toBe(false);
    expect(isInsecureUrl('http://localhost:4000')).toBe(false);
    expect(isInsecureUrl('http://127.0.0.1:4000')).toBe(false);
    expect(isInsecureUrl('http://[::1]:4000')).toBe(false);
  });
});

describe('number options', () => {
  it('accepts ports 0 to 65535', () => {
    expect(parsePort('0')).toBe('0');
    expect(parsePort(' 4000 ')).toBe('4000');
    for (const bad of ['65536', '-1', '4e3', 'http', ''])
      expect(() => parsePort(bad), bad).toThrow(InvalidArgumentError);
  });

  it('accepts whole numbers of at least 1', () => {
    expect(parsePositiveInteger('7')).toBe(7);
    for (const bad of ['0', '1.5', '-3', 'seven']) {
      expect(() => parsePositiveInteger(bad), bad).toThrow(InvalidArgumentError);
    }
  });
});
