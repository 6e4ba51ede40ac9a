import type { FastifyInstance } from 'fastify';
import {
  createToken,
  exchangeCredentials,
  listTokens,
  revokeToken,
} from '../../../contracts/tokens.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as tokens from './tokens.usecases.js';

export function tokensRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, listTokens, async ({ actor }) => ({ tokens: await tokens.listTokens(deps, actor) }));
  addRoute(app, options, createToken, async ({ actor, body }) => tokens.createToken(deps, actor, body));
  addRoute(app, options, exchangeCredentials, async ({ body }) => tokens.exchangeCredentials(deps, body));
  addRoute(app, options, revokeToken, async ({ actor, params }) => {
    await tokens.revokeToken(deps, actor, params.tokenId);
    return null;
  });
}
