import { z } from 'zod';
import { Email } from './common.js';
import { endpoint } from './endpoint.js';

/** An address a person commits with. The account's own address is listed first, as primary. */
export const CommitEmail = z
  .object({
    email: z.string(),
    primary: z.boolean(),
    verified: z.boolean(),
  })
  .meta({ id: 'CommitEmail' });
export type CommitEmail = z.infer<typeof CommitEmail>;

export const listEmails = endpoint({
  operationId: 'listEmails',
  method: 'GET',
  path: '/api/v1/me/emails',
  summary: 'The e-mail addresses your commits are recognised by.',
  tag: 'accounts',
  auth: 'required',
  response: z.object({ emails: z.array(CommitEmail) }),
  status: 200,
});

export const addEmail = endpoint({
  operationId: 'addEmail',
  method: 'POST',
  path: '/api/v1/me/emails',
  summary: 'Add an address you commit with; a link to verify it is sent to it.',
  tag: 'accounts',
  auth: 'required',
  rateLimited: true,
  body: z.strictObject({ email: Email }),
  response: CommitEmail,
  status: 201,
});

export const verifyEmail = endpoint({
  operationId: 'verifyEmail',
  method: 'POST',
  path: '/api/v1/me/emails/verify',
  summary: 'Verify an address with the token from the link sent to it.',
  tag: 'accounts',
  auth: 'required',
  rateLimited: true,
  body: z.strictObject({ token: z.string().min(10).max(200) }),
  response: CommitEmail,
  status: 200,
});

export const removeEmail = endpoint({
  operationId: 'removeEmail',
  method: 'DELETE',
  path: '/api/v1/me/emails/:email',
  summary: 'Stop recognising commits by this address (commits already recorded stay).',
  tag: 'accounts',
  auth: 'required',
  params: z.object({ email: z.string().min(3).max(254) }),
  response: z.null(),
  status: 204,
});
