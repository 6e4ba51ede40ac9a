import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { migrationStatus } from '../../db/migrator.js';
import type { Deps } from '../../deps.js';

/** `/healthz`: the process answers. `/readyz`: the database answers and its schema is current. */
export function healthRoutes(app: FastifyInstance, deps: Pick<Deps, 'db' | 'logger'>): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.db);
      const status = await migrationStatus(deps.db);
      if (status.pending.length > 0) {
        return reply
          .status(503)
          .send({ status: 'not_ready', reason: 'migrations pending', pending: status.pending });
      }
      return { status: 'ready', migrations: status.applied.length };
    } catch (error) {
      deps.logger.warn({ err: error }, 'readiness check failed');
      return reply.status(503).send({ status: 'not_ready', reason: 'database unreachable' });
    }
  });
}
