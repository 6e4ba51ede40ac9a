import type { FastifyInstance } from 'fastify';
import { receiveGitHubWebhook } from '../../../contracts/repositories.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import { receiveDelivery } from './github.usecases.js';

const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function githubRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): Promise<void> {
  // The signature covers the exact bytes GitHub sent, so this route reads the body raw.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    addRoute(scope, options, receiveGitHubWebhook, async ({ request }) =>
      receiveDelivery(deps, {
        event: header(request.headers['x-github-event']),
        deliveryId: header(request.headers['x-github-delivery']),
        signature: header(request.headers['x-hub-signature-256']),
        rawBody: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
      }),
    );
  });
}
