import type { FastifyInstance } from 'fastify';
import { EVENTS_PATH, type LiveEvent } from '../../../contracts/events.contract.js';
import type { Deps } from '../../deps.js';
import { identify, requireActor } from '../../http/auth.js';
import type { RouteOptions } from '../../http/route.js';

const KEEP_ALIVE_MS = 25_000;

/** A stream of what changed for the signed-in person, until they close the page. */
export function eventsRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  app.get(
    EVENTS_PATH,
    {
      onRequest: async (request) => {
        await identify(options.deps, request);
        requireActor(request);
      },
    },
    (request, reply) => {
      const actor = requireActor(request);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n: connected\n\n');
      const unsubscribe = deps.events.subscribe(actor.userId, (event) => {
        const data: LiveEvent = {
          kind: event.kind,
          projectId: event.projectId,
          notificationId: event.notificationId,
        };
        res.write(`event: notification\ndata: ${JSON.stringify(data)}\n\n`);
      });
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
      keepAlive.unref();
      const stop = () => {
        clearInterval(keepAlive);
        unsubscribe();
      };
      request.raw.on('close', stop);
      res.on('error', stop);
    },
  );
}
