import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config/config.js';
import { notificationsConfig } from './notifications.config.js';

const load = (env: Record<string, string | undefined>) =>
  loadConfig({ notifications: notificationsConfig }, env).notifications;

describe('notifications configuration', () => {
  it('writes .eml files by default, from recital@localhost, with 10 s deliveries every 15 s', () => {
    expect(load({})).toEqual({
      smtpUrl: undefined,
      mailFrom: 'Recital <recital@localhost>',
      deliveryTimeoutMs: 10_000,
      workerIntervalMs: 15_000,
    });
  });

  it('reads smtp: and smtps: URLs, a sender and the intervals', () => {
    expect(
      load({
        RECITAL_SMTP_URL: 'smtps://user:p%40ss@mail.example.com:465',
        RECITAL_MAIL_FROM: 'ops@example.com',
        RECITAL_DELIVERY_TIMEOUT_MS: '5000',
        RECITAL_NOTIFY_INTERVAL_MS: '60000',
      }),
    ).toEqual({
      smtpUrl: 'smtps://user:p%40ss@mail.example.com:465',
      mailFrom: 'ops@example.com',
      deliveryTimeoutMs: 5_000,
      workerIntervalMs: 60_000,
    });
    expect(load({ RECITAL_SMTP_URL: 'smtp://mail.example.com:587' }).smtpUrl).toBe(
      'smtp://mail.example.com:587',
    );
  });

  it('reports every bad value together', () => {
    let error: unknown;
    try {
      load({
        RECITAL_SMTP_URL: 'https://mail.example.com',
        RECITAL_MAIL_FROM: 'Recital <recital@example.com>\r\nBcc: everyone@example.com',
        RECITAL_DELIVERY_TIMEOUT_MS: 'soon',
        RECITAL_NOTIFY_INTERVAL_MS: '0',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const { problems } = error as ConfigError;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toContain('RECITAL_SMTP_URL');
    expect(problems[0]).toContain('Expected smtp: or smtps:, not https:');
    expect(problems[1]).toContain('RECITAL_MAIL_FROM');
    expect(() => load({ RECITAL_SMTP_URL: 'not a url' })).toThrow(/Expected a URL such as smtp:/);
  });
});
