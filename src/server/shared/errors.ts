import { ERRORS, type ErrorCode } from '../../contracts/errors.js';

/**
 * The one error class of the server: a stable dotted code (its HTTP status comes from the
 * shared table), a message for people, optional details for clients, and the cause for logs.
 */
export class AppError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    options: { message?: string; details?: unknown; cause?: unknown } = {},
  ) {
    super(options.message ?? ERRORS[code].message, { cause: options.cause });
    this.name = 'AppError';
    this.status = ERRORS[code].status;
    this.details = options.details;
  }

  readonly details: unknown;
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
