import { z } from 'zod';
import { Email, Id, Instant } from './common.js';
import { endpoint } from './endpoint.js';

export const ApiToken = z
  .object({
    id: Id,
    name: z.string(),
    /** The first characters of the token, to recognise it; never the whole secret. */
    prefix: z.string(),
    createdAt: Instant,
    lastUsedAt: Instant.nullable(),
    expiresAt: Instant.nullable(),
  })
  .meta({ id: 'ApiToken' });
export type ApiToken = z.infer<typeof ApiToken>;

export const CreatedApiToken = z
  .object({
    token: ApiToken,
    /** The secret, shown this once. Only its hash is stored. */
    secret: z.string(),
  })
  .meta({ id: 'CreatedApiToken' });
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

const TokenName = z.string().trim().min(1, 'Give the token a name, e.g. "laptop CLI".').max(80);

export const CreateTokenBody = z.strictObject({
  name: TokenName,
  expiresInDays: z.number().int().min(1).max(3650).optional(),
});

export const ExchangeCredentialsBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(256),
  name: TokenName,
});

export const TokenParams = z.object({ tokenId: Id });

export const listTokens = endpoint({
  operationId: 'listTokens',
  method: 'GET',
  path: '/api/v1/tokens',
  summary: 'Your personal API tokens (never their secrets).',
  tag: 'tokens',
  auth: 'required',
  response: z.object({ tokens: z.array(ApiToken) }),
  status: 200,
});

export const createToken = endpoint({
  operationId: 'createToken',
  method: 'POST',
  path: '/api/v1/tokens',
  summary: 'Create a personal API token; the secret is shown once.',
  tag: 'tokens',
  auth: 'required',
  rateLimited: true,
  body: CreateTokenBody,
  response: CreatedApiToken,
  status: 201,
});

export const exchangeCredentials = endpoint({
  operationId: 'exchangeCredentials',
  method: 'POST',
  path: '/api/v1/auth/tokens',
  summary: 'Exchange email and password for a personal API token (used by `recital login`).',
  tag: 'tokens',
  auth: 'none',
  rateLimited: true,
  body: ExchangeCredentialsBody,
  response: CreatedApiToken,
  status: 201,
});

export const revokeToken = endpoint({
  operationId: 'revokeToken',
  method: 'DELETE',
  path: '/api/v1/tokens/:tokenId',
  summary: 'Revoke a token; it stops working at once.',
  tag: 'tokens',
  auth: 'required',
  params: TokenParams,
  response: z.null(),
  status: 204,
});
