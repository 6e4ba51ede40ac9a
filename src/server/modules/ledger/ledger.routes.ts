import type { FastifyInstance } from 'fastify';
import * as contract from '../../../contracts/ledger.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as ledger from './ledger.usecases.js';

export function ledgerRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, contract.exportLedger, async ({ actor, params }) => ({
    entries: await ledger.exportLedger(deps, actor, params.projectId),
  }));
  addRoute(app, options, contract.verifyLedger, async ({ actor, params }) =>
    ledger.verifyProjectLedger(deps, actor, params.projectId),
  );
}
