import type { FastifyInstance } from 'fastify';
import {
  approveContractChange,
  getContract,
  proposeContract,
} from '../../../contracts/commitments.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as changes from './contract-changes.usecases.js';
import * as contracts from './contracts.usecases.js';

export function contractsRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, getContract, async ({ actor, params }) =>
    contracts.getContract(deps, actor, params.projectId),
  );
  addRoute(app, options, proposeContract, async ({ actor, params, body }) =>
    changes.proposeContract(deps, actor, params.projectId, body),
  );
  addRoute(app, options, approveContractChange, async ({ actor, params }) =>
    contracts.approveContractChange(deps, actor, params.projectId, params.number),
  );
}
