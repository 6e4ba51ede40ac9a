import type { FastifyInstance } from 'fastify';
import {
  getCheckpoint,
  listCheckpoints,
  listReviews,
  MAX_UPLOAD_BYTES,
  reviewCheckpoint,
  submitCheckpoint,
  UPLOAD_DOWNLOAD_PATH,
  uploadProofFile,
} from '../../../contracts/checkpoints.contract.js';
import type { Deps } from '../../deps.js';
import { identify, requireActor } from '../../http/auth.js';
import { toErrorResponse } from '../../http/errors.js';
import { addRoute, type RouteOptions } from '../../http/route.js';
import { AppError } from '../../shared/errors.js';
import * as checkpoints from './checkpoints.usecases.js';
import { listReviewQueue } from './reviews.usecases.js';
import * as uploads from './uploads.usecases.js';

export async function checkpointsRoutes(
  app: FastifyInstance,
  deps: Deps,
  options: RouteOptions,
): Promise<void> {
  addRoute(app, options, listCheckpoints, async ({ actor, params }) =>
    checkpoints.listCheckpoints(deps, actor, params.projectId),
  );
  addRoute(app, options, getCheckpoint, async ({ actor, params }) =>
    checkpoints.getCheckpoint(deps, actor, params.projectId, params.checkpointId),
  );
  addRoute(app, options, submitCheckpoint, async ({ actor, params, body }) =>
    checkpoints.submitCheckpoint(deps, actor, params.projectId, params.checkpointId, body),
  );
  addRoute(app, options, reviewCheckpoint, async ({ actor, params, body }) =>
    checkpoints.reviewCheckpoint(deps, actor, params.projectId, params.checkpointId, body),
  );
  addRoute(app, options, listReviews, async ({ actor }) => listReviewQueue(deps, actor));

  // Files arrive as the raw body, whatever type the client claims: the content decides.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    // Too large here means the proof file: say so in the upload's own words.
    scope.setErrorHandler((error, request, reply) => {
      const refused = (error as { code?: string }).code === 'FST_ERR_CTP_BODY_TOO_LARGE';
      const { status, body } = toErrorResponse(refused ? new AppError('uploads.too_large') : error);
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      return reply.status(status).type('application/json').send(body);
    });
    scope.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
      (_request, body, done) => done(null, body),
    );
    addRoute(scope, options, uploadProofFile, async ({ actor, params, query, request }) => {
      if (!Buffer.isBuffer(request.body) || request.body.length === 0)
        throw new AppError('uploads.unsupported_type', {
          message: 'The upload is empty: send the file as the body.',
        });
      return uploads.uploadProofFile(deps, actor, params.projectId, query.name, request.body);
    });
  });

  app.get<{ Params: { projectId: string; uploadId: string } }>(
    UPLOAD_DOWNLOAD_PATH.replace(/:(\w+)/g, ':$1'),
    {
      onRequest: async (request) => {
        await identify(options.deps, request);
        requireActor(request);
      },
    },
    async (request, reply) => {
      const file = await uploads.readProofFile(
        deps,
        requireActor(request),
        request.params.projectId,
        request.params.uploadId,
      );
      return reply
        .header('content-type', file.mediaType)
        .header('content-disposition', `inline; filename="${file.name.replace(/["\\]/g, '_')}"`)
        .header('content-security-policy', "default-src 'none'; img-src 'self'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .send(file.bytes);
    },
  );
}
