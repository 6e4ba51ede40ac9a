import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody } from '../../contracts/common.js';
import { ERRORS, type ErrorCode } from '../../contracts/errors.js';
import { AppError, isAppError } from '../shared/errors.js';

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
};

function body(code: ErrorCode, message?: string, details?: unknown): ErrorBody {
  return {
    error: { code, message: message ?? ERRORS[code].message, ...(details === undefined ? {} : { details }) },
  };
}

/** Map anything thrown to the API's error shape; internals never leave the server. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (isAppError(error))
    return { status: error.status, body: body(error.code, error.message, error.details) };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const where = (error as FastifyError).validationContext ?? 'body';
    const issues = error.validation.map((issue) => ({
      path: [where, ...issue.instancePath.split('/').filter(Boolean)].join('.'),
      message: issue.message,
    }));
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    return { status: 400, body: body('request.invalid', `The request is not valid: ${summary}`, { issues }) };
  }
  const fastifyError = error as Partial<FastifyError>;
  const mapped = fastifyError.code ? FASTIFY_CODES[fastifyError.code] : undefined;
  if (mapped === 'request.too_large') return { status: 413, body: body(mapped) };
  if (mapped) return { status: ERRORS[mapped].status, body: body(mapped) };
  if (fastifyError.statusCode === 429) return { status: 429, body: body('request.rate_limited') };
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { status: fastifyError.statusCode, body: body('request.invalid', fastifyError.message) };
  }
  return { status: 500, body: body('internal.error') };
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body: payload } = toErrorResponse(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: payload.error.code }, 'request refused');
    if (status === 429) reply.header('retry-after', '60');
    return reply.status(status).type('application/json').send(payload);
  });
}

export { AppError };
