import type { z } from 'zod';
import { type Endpoint, endpointUrl } from './endpoint.js';
import { ERRORS, type ErrorCode, isErrorCode } from './errors.js';

/** An error answered by the API, carrying its stable code. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for people: the server's, or the shared table's for a known code. */
  get humanMessage(): string {
    if (this.message) return this.message;
    return isErrorCode(this.code) ? ERRORS[this.code].message : 'Unexpected error.';
  }
}

export interface ClientOptions {
  baseUrl: string;
  /** Personal API token (CLI, hooks, integrations). */
  token?: string;
  /** For cookie-authenticated browsers: returns the CSRF token to send on writes. */
  csrfToken?: () => string | undefined;
  fetch?: typeof fetch;
  credentials?: 'include' | 'same-origin' | 'omit';
}

type Input<E extends Endpoint> = (E['params'] extends z.ZodType ? { params: z.input<E['params']> } : object) &
  (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : object) &
  (E['query'] extends z.ZodType ? { query?: z.input<E['query']> } : object);

export type ApiClient = ReturnType<typeof createApiClient>;

/**
 * A typed client for any endpoint in the contracts.
 *
 * @example
 * const api = createApiClient({ baseUrl: 'http://localhost:4000', token });
 * const me = await api.call(getMe, {});
 */
export function createApiClient(options: ClientOptions) {
  const doFetch = options.fetch ?? fetch;
  return {
    async call<E extends Endpoint>(endpoint: E, input: Input<E>): Promise<z.output<E['response']>> {
      const { params, body, query } = input as {
        params?: Record<string, string>;
        body?: unknown;
        query?: Record<string, unknown>;
      };
      let url = options.baseUrl.replace(/\/$/, '') + endpointUrl(endpoint.path, params);
      if (query) {
        const search = new URLSearchParams();
        for (const [key, value] of Object.entries(query))
          if (value !== undefined) search.set(key, String(value));
        if ([...search].length > 0) url += `?${search.toString()}`;
      }
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const csrf = endpoint.method === 'GET' ? undefined : options.csrfToken?.();
      if (csrf) headers['x-csrf-token'] = csrf;
      const init: RequestInit = { method: endpoint.method, headers };
      if (body !== undefined) init.body = JSON.stringify(body);
      if (options.credentials) init.credentials = options.credentials;
      const response = await doFetch(url, init);
      if (response.status === 204) return null as z.output<E['response']>;
      const text = await response.text();
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        throw new ApiError(
          'internal.error',
          `The server answered ${response.status} with a body that is not JSON.`,
          response.status,
        );
      }
      if (!response.ok) {
        const error = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)
          ?.error;
        throw new ApiError(
          error?.code ?? 'internal.error',
          error?.message ?? `HTTP ${response.status}`,
          response.status,
          error?.details,
        );
      }
      return json as z.output<E['response']>;
    },
  };
}
