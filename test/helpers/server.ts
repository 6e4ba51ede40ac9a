import { Writable } from 'node:stream';
import type { Clock } from '../../src/core/time/clock.js';
import { createApiClient } from '../../src/contracts/client.js';
import { type RunningServer, startServer } from '../../src/server/start.js';
import { createTestStorage, type TestDialect } from './dialects.js';

export interface TestServer extends RunningServer {
  /** Everything the server logged, one JSON line per entry. */
  logs(): string;
}

export interface TestServerOptions {
  dialect?: TestDialect;
  env?: Record<string, string>;
  clock?: Clock;
  webDir?: string;
}

/**
 * A real Recital listening on 127.0.0.1 with a random port and a database of its own.
 * Password hashing is cheap and rate limits are high unless a test sets them.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const storage = await createTestStorage(options.dialect ?? 'sqlite');
  const lines: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    RECITAL_SCRYPT_COST: '10',
    RECITAL_AUTH_RATE_LIMIT: '10000',
    RECITAL_SIGNUP: 'open',
    ...storage.env,
    ...options.env,
  };
  const server = await startServer({
    env,
    logDestination,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.webDir ? { webDir: options.webDir } : {}),
    ...(storage.searchPath ? { searchPath: storage.searchPath } : {}),
  });
  return {
    ...server,
    logs: () => lines.join(''),
    async close() {
      await server.close();
      await storage.dispose();
    },
  };
}

/** A fetch that keeps cookies like a browser, for session tests. */
export function cookieFetch(): typeof fetch & { cookies: Map<string, string> } {
  const cookies = new Map<string, string>();
  const wrapped = (async (input: string | URL | Request, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    if (cookies.size > 0) headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(input, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value = ''] = (pair ?? '').split('=');
      if (!name) continue;
      const expired = attributes.some((a) => /expires=Thu, 01 Jan 1970/i.test(a)) || value === '';
      if (expired) cookies.delete(name.trim());
      else cookies.set(name.trim(), value);
    }
    return response;
  }) as typeof fetch & { cookies: Map<string, string> };
  wrapped.cookies = cookies;
  return wrapped;
}

/** A browser-like client: cookies kept, CSRF token sent on writes once known. */
export function browserClient(baseUrl: string) {
  let csrf: string | undefined;
  const fetcher = cookieFetch();
  const api = createApiClient({ baseUrl, fetch: fetcher, csrfToken: () => csrf });
  return {
    api,
    fetch: fetcher,
    setCsrf(token: string | undefined) {
      csrf = token;
    },
  };
}

export function tokenClient(baseUrl: string, token: string) {
  return createApiClient({ baseUrl, token });
}
