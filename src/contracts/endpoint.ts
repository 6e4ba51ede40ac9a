import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * One API operation, described once and used three ways: the server registers and validates it,
 * the OpenAPI document is generated from it, and the CLI and web clients call it with types.
 *
 * @example
 * export const getMe = endpoint({ method: 'GET', path: '/api/v1/me', auth: 'required', response: User });
 */
export interface Endpoint<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Fastify-style path: `/api/v1/workspaces/:workspaceId`. */
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** `required`: session cookie or API token; `none`: public. */
  readonly auth: 'required' | 'none';
  /** Endpoints that guess secrets (sign-in, sign-up, token creation) get a strict rate limit. */
  readonly rateLimited?: boolean;
  /** Largest request body in bytes when this endpoint needs more than the server default. */
  readonly bodyLimit?: number;
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  readonly response: R;
  readonly status: 200 | 201 | 204;
}

export function endpoint<const D extends Endpoint>(definition: D): D {
  return definition;
}

/** Fill `:name` segments of an endpoint path. */
export function endpointUrl(path: string, params: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter "${name}" for ${path}`);
    return encodeURIComponent(value);
  });
}
