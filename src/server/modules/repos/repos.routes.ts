import type { FastifyInstance } from 'fastify';
import {
  addRepository,
  explainCommit,
  getGitSettings,
  updateGitSettings,
  getRepository,
  ingestCommits,
  listRepositories,
} from '../../../contracts/repositories.contract.js';
import type { Deps } from '../../deps.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import * as repos from './repos.usecases.js';
import * as gitSettings from './git-settings.usecases.js';
import * as whyNotes from './why-notes.usecases.js';

export function reposRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): void {
  addRoute(app, options, addRepository, ({ actor, params, body }) =>
    repos.addRepository(deps, actor, params.projectId, body),
  );
  addRoute(app, options, listRepositories, ({ actor, params }) =>
    repos.listRepositories(deps, actor, params.projectId),
  );
  addRoute(app, options, getRepository, ({ actor, params }) =>
    repos.getRepository(deps, actor, params.repositoryId),
  );
  addRoute(app, options, ingestCommits, ({ actor, params, body }) =>
    repos.ingestCommits(deps, actor, params.repositoryId, body),
  );
  addRoute(app, options, explainCommit, ({ actor, params, body }) =>
    whyNotes.explainCommit(deps, actor, params, body),
  );
  addRoute(app, options, getGitSettings, ({ actor, params }) =>
    gitSettings.getGitSettings(deps, actor, params.workspaceId),
  );
  addRoute(app, options, updateGitSettings, ({ actor, params, body }) =>
    gitSettings.updateGitSettings(deps, actor, params.workspaceId, body),
  );
}
