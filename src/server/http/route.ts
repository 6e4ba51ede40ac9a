import type {} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { ErrorBody } from '../../contracts/common.js';
import type { Endpoint } from '../../contracts/endpoint.js';
import type { Actor, Deps } from '../deps.js';
import { identify, requireActor } from './auth.js';

type Out<S> = [NonNullable<S>] extends [z.ZodType] ? z.output<NonNullable<S>> : undefined;

export interface RouteContext<E extends Endpoint> {
  actor: E['auth'] extends 'required' ? Actor : Actor | undefined;
  params: Out<E['params']>;
  query: Out<E['query']>;
  body: Out<E['body']>;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type RouteHandler<E extends Endpoint> = (context: RouteContext<E>) => Promise<z.input<E['response']>>;

export interface RouteOptions {
  deps: Pick<Deps, 'db' | 'clock' | 'config'>;
  /** Requests per minute per client on endpoints marked rateLimited. */
  rateLimit: number;
}

/**
 * Register an endpoint from the contracts: identity first, then zod validation of params,
 * query and body, then the handler; the response is checked against its schema on the way out.
 */
export function addRoute<E extends Endpoint>(
  app: FastifyInstance,
  options: RouteOptions,
  endpoint: E,
  handler: RouteHandler<E>,
): void {
  const schema: Record<string, unknown> = {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    tags: [endpoint.tag],
    response: { [endpoint.status]: endpoint.response, '4XX': ErrorBody },
  };
  if (endpoint.params) schema.params = endpoint.params;
  if (endpoint.query) schema.querystring = endpoint.query;
  if (endpoint.body) schema.body = endpoint.body;
  if (endpoint.auth === 'required') schema.security = [{ bearerAuth: [] }, { sessionCookie: [] }];
  const config: RouteShorthandOptions['config'] = endpoint.rateLimited
    ? { rateLimit: { max: options.rateLimit, timeWindow: 60_000 } }
    : {};

  app.withTypeProvider<ZodTypeProvider>().route({
    method: endpoint.method,
    url: endpoint.path,
    schema,
    config,
    ...(endpoint.bodyLimit ? { bodyLimit: endpoint.bodyLimit } : {}),
    onRequest: async (request) => {
      await identify(options.deps, request);
      if (endpoint.auth === 'required') requireActor(request);
    },
    handler: async (request, reply) => {
      const result = await handler({
        actor: request.actor as RouteContext<E>['actor'],
        params: request.params as Out<E['params']>,
        query: request.query as Out<E['query']>,
        body: request.body as Out<E['body']>,
        request,
        reply,
      });
      reply.status(endpoint.status);
      return endpoint.status === 204 ? reply.send() : result;
    },
  });
}
