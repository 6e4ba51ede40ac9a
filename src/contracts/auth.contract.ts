import { z } from 'zod';
import { DisplayName, Email, Instant, Id, Password, TimeZone } from './common.js';
import { endpoint } from './endpoint.js';

export const User = z
  .object({
    id: Id,
    email: z.string(),
    displayName: z.string(),
    timeZone: z.string(),
    instanceRole: z.enum(['owner', 'member']),
    createdAt: Instant,
  })
  .meta({ id: 'User' });
export type User = z.infer<typeof User>;

export const SessionInfo = z
  .object({
    user: User,
    /** Send back as `X-CSRF-Token` on every cookie-authenticated write. */
    csrfToken: z.string(),
  })
  .meta({ id: 'Session' });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SignUpBody = z.strictObject({
  email: Email,
  password: Password,
  displayName: DisplayName,
  timeZone: TimeZone,
  /** Invitation token from an invitation link; required when sign-up is invite-only. */
  invitationToken: z.string().min(1).max(200).optional(),
});

export const SignInBody = z.strictObject({
  email: Email,
  password: z.string().min(1).max(256),
});

export const UpdateMeBody = z
  .strictObject({
    displayName: DisplayName.optional(),
    timeZone: TimeZone.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change.');

export const signUp = endpoint({
  operationId: 'signUp',
  method: 'POST',
  path: '/api/v1/auth/sign-up',
  summary: 'Create an account. The first account on an empty instance becomes its owner.',
  tag: 'auth',
  auth: 'none',
  rateLimited: true,
  body: SignUpBody,
  response: SessionInfo,
  status: 201,
});

export const signIn = endpoint({
  operationId: 'signIn',
  method: 'POST',
  path: '/api/v1/auth/sign-in',
  summary: 'Sign in with email and password; sets the session cookie.',
  tag: 'auth',
  auth: 'none',
  rateLimited: true,
  body: SignInBody,
  response: SessionInfo,
  status: 200,
});

export const signOut = endpoint({
  operationId: 'signOut',
  method: 'POST',
  path: '/api/v1/auth/sign-out',
  summary: 'End the current session.',
  tag: 'auth',
  auth: 'required',
  response: z.null(),
  status: 204,
});

export const getSession = endpoint({
  operationId: 'getSession',
  method: 'GET',
  path: '/api/v1/auth/session',
  summary: 'The signed-in user and a CSRF token for cookie-authenticated writes.',
  tag: 'auth',
  auth: 'required',
  response: SessionInfo,
  status: 200,
});

export const getMe = endpoint({
  operationId: 'getMe',
  method: 'GET',
  path: '/api/v1/me',
  summary: 'The user behind the session or token.',
  tag: 'users',
  auth: 'required',
  response: User,
  status: 200,
});

export const updateMe = endpoint({
  operationId: 'updateMe',
  method: 'PATCH',
  path: '/api/v1/me',
  summary: 'Change your display name or time zone.',
  tag: 'users',
  auth: 'required',
  body: UpdateMeBody,
  response: User,
  status: 200,
});
