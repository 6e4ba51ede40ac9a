import { describe, expect, it } from 'vitest';
import { ApiError } from '../contracts/client.js';
import {
  CliError,
  EXIT_USAGE,
  NetworkError,
  exitCodeOf,
  explainApiError,
  formatError,
  networkReason,
} from './errors.js';

describe('formatError', () => {
  it('prints the message and the hint of a CLI error', () => {
    expect(formatError(new CliError('not logged in', { hint: 'run `recital login <url>`' }))).toBe(
      'error: not logged in\nhint: run `recital login <url>`\n',
    );
  });

  it('lists the field issues of an invalid request under the message', () => {
    const error = new ApiError(
      'request.invalid',
      'The request is not valid: body.slug: Use lowercase letters.',
      400,
      {
        issues: [
          { path: 'body.slug', message: 'Use lowercase letters.' },
          { path: 'body', message: 'Send at least one field.' },
          { path: ['params', 'workspaceId'], message: 'Expected an identifier.' },
          'not an issue',
        ],
      },
    );
    expect(formatError(error)).toBe(
      'error: The request is not valid.\n' +
        '  slug: Use lowercase letters.\n  Send at least one field.\n  params.workspaceId: Expected an identifier.\n',
    );
  });

  it('falls back to the shared message table when the server sent none', () => {
    expect(formatError(new ApiError('workspaces.slug_taken', '', 409))).toBe(
      'error: A workspace with this short name already exists.\n',
    );
  });

  it('never prints terminal escapes sent by a server', () => {
    expect(formatError(new ApiError('internal.error', 'boom\u001b[2J', 500))).toBe('error: boom [2J\n');
  });

  it('prints plain errors by their message', () => {
    expect(formatError(new Error('disk full'))).toBe('error: disk full\n');
  });
});

describe('explainApiError', () => {
  it('tells a signed-out person how to sign in to the server they used', () => {
    const explained = explainApiError(new ApiError('auth.required', 'Sign in.', 401), {
      url: 'http://x:4000',
    });
    expect(explained.hint).toBe('run `recital login http://x:4000`');
    expect(explained.exitCode).toBe(1);
  });

  it('points at the workspace list when a workspace is not found', () => {
    const explained = explainApiError(new ApiError('workspaces.not_found', 'No such workspace.', 404), {});
    expect(explained.hint).toMatch(/recital workspace list/);
  });
});

describe('networkReason', () => {
  it('digs out the innermost cause that says something', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4000'), { code: 'ECONNREFUSED' });
    expect(networkReason(new TypeError('fetch failed', { cause: refused }))).toBe(
      'connect ECONNREFUSED 127.0.0.1:4000',
    );
    const silent = Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' });
    expect(networkReason(new TypeError('fetch failed', { cause: silent }))).toBe('ECONNREFUSED');
  });

  it('says so when the server took too long', () => {
    expect(networkReason(new DOMException('The operation timed out.', 'TimeoutError'))).toMatch(/in time/);
  });
});

describe('exit codes', () => {
  it('uses the CLI error code, 1 for anything else', () => {
    expect(exitCodeOf(new CliError('bad flag', { exitCode: EXIT_USAGE }))).toBe(2);
    expect(exitCodeOf(new NetworkError('http://x', 'refused'))).toBe(1);
    expect(exitCodeOf(new Error('x'))).toBe(1);
  });
});
