import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import {
  pullRequestPayloadSchema,
  pullRequestReviewPayloadSchema,
  pushPayloadSchema,
  readPayload,
} from './github.payloads.js';

type WebhookDefinition = { name: string; examples: Record<string, unknown>[] };
const definitions = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[];

/** A fresh copy of the first real github.com example of `event` that `where` accepts. */
function example(event: string, where: (body: Record<string, unknown>) => boolean = () => true) {
  const found = definitions.find((definition) => definition.name === event)?.examples.find(where);
  if (!found) throw new Error(`no ${event} example`);
  return structuredClone(found);
}

const firstCommitOf = (body: Record<string, unknown>) => (body.commits as Record<string, unknown>[])[0] ?? {};
const branchPush = () => example('push', (body) => body.ref === 'refs/heads/master');

function problem(result: ReturnType<typeof readPayload>): string {
  if (result.ok) throw new Error('expected the payload to be refused');
  expect(result.code).toBe('github.bad_payload');
  return result.message;
}

describe('readPayload', () => {
  it('keeps only the fields Recital reads', () => {
    const result = readPayload('push', pushPayloadSchema, branchPush());
    if (!result.ok) throw new Error(result.message);
    expect(Object.keys(result.data.repository).sort()).toEqual([
      'default_branch',
      'full_name',
      'html_url',
      'id',
      'owner',
    ]);
    expect(result.data).not.toHaveProperty('compare');
  });

  it('names a missing field by its path', () => {
    const body = branchPush();
    delete body.commits;
    expect(problem(readPayload('push', pushPayloadSchema, body))).toBe(
      'The push payload is not one Recital can read (commits: missing, expected array). ' +
        "Is the webhook's content type application/json, and does the request come from GitHub?",
    );
  });

  it('names array items by index', () => {
    const body = branchPush();
    Object.assign(firstCommitOf(body), { id: 'not-a-sha' });
    expect(problem(readPayload('push', pushPayloadSchema, body))).toContain(
      '(commits[0].id: expected a hexadecimal commit SHA)',
    );
  });

  it('refuses links that are not http(s), since they are shown in the web app', () => {
    const body = branchPush();
    Object.assign(firstCommitOf(body), { url: 'javascript:alert(1)' });
    expect(problem(readPayload('push', pushPayloadSchema, body))).toContain('(commits[0].url: Invalid URL)');
  });

  it('refuses a timestamp without a zone', () => {
    const body = branchPush();
    Object.assign(firstCommitOf(body), { timestamp: '2019-05-15 15:19:25' });
    expect(problem(readPayload('push', pushPayloadSchema, body))).toContain('commits[0].timestamp');
  });

  it('says what was received instead of the expected type', () => {
    const body = example('pull_request');
    (body.pull_request as Record<string, unknown>).number = '2';
    expect(problem(readPayload('pull_request', pullRequestPayloadSchema, body))).toContain(
      '(pull_request.number: expected number, received string)',
    );
  });

  it('explains a webhook left on form encoding instead of listing missing fields', () => {
    const body = { payload: JSON.stringify(example('pull_request')) };
    expect(problem(readPayload('pull_request', pullRequestPayloadSchema, body))).toBe(
      'The pull_request delivery arrived form-encoded (a "payload" field), not as JSON. ' +
        "Set the webhook's content type to application/json in the repository's webhook settings.",
    );
  });

  it.each([null, undefined, 'a string', [1, 2]])('refuses a body that is not an object (%j)', (body) => {
    expect(problem(readPayload('pull_request', pullRequestPayloadSchema, body))).toContain('(body):');
  });

  it('reads the review state in either case, and refuses an unknown one', () => {
    const body = example('pull_request_review');
    Object.assign(body.review as object, { state: 'CHANGES_REQUESTED' });
    const result = readPayload('pull_request_review', pullRequestReviewPayloadSchema, body);
    expect(result.ok && result.data.review.state).toBe('changes_requested');

    Object.assign(body.review as object, { state: 'lgtm' });
    expect(problem(readPayload('pull_request_review', pullRequestReviewPayloadSchema, body))).toContain(
      'review.state: expected one of "approved"|"changes_requested"|"commented"|"dismissed"',
    );
  });
});
