import { describe, expect, it } from 'vitest';
import { loadAppConfig } from './app-config.js';
import { ConfigError } from './config.js';

describe('configuration', () => {
  it('has working defaults: port 4000, SQLite in ./.recital, invite-only sign-up', () => {
    const config = loadAppConfig({});
    expect(config.http.port).toBe(4000);
    expect(config.db.dataDir).toBe('.recital');
    expect(config.db.databaseUrl).toBeUndefined();
    expect(config.accounts.signUp).toBe('invite');
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.http)).toBe(true);
  });

  it('reports every problem together, naming the variable, its meaning and the value', () => {
    let error: unknown;
    try {
      loadAppConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', RECITAL_SIGNUP: 'maybe' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems, message } = error as ConfigError;
    expect(problems).toHaveLength(3);
    expect(message).toContain('PORT (HTTP port) is "eighty"');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('RECITAL_SIGNUP');
    expect(message).toContain('Expected one of: open, invite.');
  });

  it('never repeats a password from a URL it refuses', () => {
    let error: unknown;
    try {
      loadAppConfig({
        RECITAL_SMTP_URL: 'http://mailer:hunter2@mail.example.com',
        DATABASE_URL: 'mysql://db:s3cret@db.example.com/recital',
      });
    } catch (caught) {
      error = caught;
    }
    const { message } = error as ConfigError;
    expect(message).toContain('"http://mailer:***@mail.example.com"');
    expect(message).toContain('"mysql://db:***@db.example.com/recital"');
    expect(message).not.toMatch(/hunter2|s3cret/);
  });

  it('treats empty values as unset', () => {
    expect(loadAppConfig({ PORT: '', DATABASE_URL: '' }).http.port).toBe(4000);
  });

  it('reads the outbound allow-list and refuses ranges that are not CIDRs', () => {
    const config = loadAppConfig({
      RECITAL_OUTBOUND_ALLOW_HOSTS: 'hooks.internal, ci.lan',
      RECITAL_OUTBOUND_ALLOW_CIDRS: '10.20.0.0/16',
    });
    expect(config.outbound).toEqual({
      allowHosts: ['hooks.internal', 'ci.lan'],
      allowCidrs: ['10.20.0.0/16'],
    });
    expect(loadAppConfig({}).outbound).toEqual({ allowHosts: [], allowCidrs: [] });
    expect(() => loadAppConfig({ RECITAL_OUTBOUND_ALLOW_CIDRS: '10.20.0.0/99' })).toThrow(
      /RECITAL_OUTBOUND_ALLOW_CIDRS .*not a CIDR range/,
    );
  });
});
