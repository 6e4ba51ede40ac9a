import { z } from 'zod';
import { defineConfig, env } from '../config/config.js';

export const httpConfig = defineConfig({
  port: { env: 'PORT', doc: 'HTTP port', schema: env.port(), default: '4000' },
  host: { env: 'HOST', doc: 'address to listen on', schema: env.string(), default: '127.0.0.1' },
  publicUrl: {
    env: 'RECITAL_PUBLIC_URL',
    doc: 'the address people use to reach Recital, for links in invitations (default: the address of the request)',
    schema: z.url({ message: 'Expected a URL such as https://recital.example.com.' }).optional(),
  },
  bodyLimit: {
    env: 'RECITAL_BODY_LIMIT',
    doc: 'largest JSON request body in bytes',
    schema: env.positiveInt(),
    default: String(1024 * 1024),
  },
  trustProxy: {
    env: 'RECITAL_TRUST_PROXY',
    doc: 'trust X-Forwarded-* headers (set when behind a reverse proxy)',
    schema: env.boolean(),
    default: 'false',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    doc: 'pino log level',
    schema: env.oneOf(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
    default: 'info',
  },
  webDir: {
    env: 'RECITAL_WEB_DIR',
    doc: 'folder of the built web app (default dist/web in the package)',
    schema: env.optionalString(),
  },
});
