import { createToken, signUp } from '../../src/contracts/index.js';
import { browserClient, tokenClient } from './server.js';

let counter = 0;

/** Sign up a new user through the API; returns a browser-like client already holding its session. */
export async function signUpUser(
  baseUrl: string,
  overrides: Partial<{ email: string; displayName: string; timeZone: string; invitationToken: string }> = {},
) {
  counter += 1;
  const browser = browserClient(baseUrl);
  const password = `password-${counter}-long`;
  const body = {
    email: overrides.email ?? `user${counter}-${Math.random().toString(36).slice(2, 7)}@example.com`,
    password,
    displayName: overrides.displayName ?? `User ${counter}`,
    timeZone: overrides.timeZone ?? 'Europe/Berlin',
    ...(overrides.invitationToken ? { invitationToken: overrides.invitationToken } : {}),
  };
  const session = await browser.api.call(signUp, { body });
  browser.setCsrf(session.csrfToken);
  return { ...browser, user: session.user, password, email: body.email, csrfToken: session.csrfToken };
}

/** A user with a personal API token, for token-authenticated calls. */
export async function signUpWithToken(baseUrl: string, overrides: Parameters<typeof signUpUser>[1] = {}) {
  const browser = await signUpUser(baseUrl, overrides);
  const created = await browser.api.call(createToken, { body: { name: 'tests' } });
  return {
    ...browser,
    token: created.secret,
    tokenId: created.token.id,
    client: tokenClient(baseUrl, created.secret),
  };
}
