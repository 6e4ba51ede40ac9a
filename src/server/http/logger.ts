import pino, { type DestinationStream, type Logger } from 'pino';

/** Secrets we issue carry these prefixes, so they can be scrubbed from anything logged. */
const SECRET_IN_TEXT = /\b(rct_|inv_|rss_)[A-Za-z0-9_-]+/g;

export function scrubSecrets(text: string): string {
  return text.replace(SECRET_IN_TEXT, '$1[redacted]');
}

/**
 * Structured logs that never carry passwords, tokens or cookies: headers that hold them are
 * redacted, bodies are never logged, and secrets in URLs (invitation links) are masked.
 */
export function createLogger(options: { level: string; destination?: DestinationStream }): Logger {
  return pino(
    {
      level: options.level,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          '*.password',
          '*.token',
          '*.secret',
          '*.sessionToken',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req: { method?: string; url?: string; ip?: string; id?: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url ? scrubSecrets(req.url) : req.url,
          ip: req.ip,
        }),
        err: pino.stdSerializers.err,
      },
    },
    options.destination,
  );
}
