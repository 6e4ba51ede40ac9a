import { type Command, Option } from 'commander';
import { type ApiClient, ApiError } from '../contracts/client.js';
import { exchangeCredentials, getMe, listTokens, revokeToken } from '../contracts/index.js';
import { isInsecureUrl, parseServerUrl } from './arguments.js';
import { type CliDeps, type CommandContext, action } from './context.js';
import type { Credentials } from './credentials.js';
import { CliError, EXIT_USAGE, NetworkError } from './errors.js';
import { examples } from './help.js';
import { formatFields } from './output.js';

interface LoginOptions {
  email?: string;
  passwordStdin?: boolean;
  token?: string;
}

export function registerAuthCommands(program: Command, deps: CliDeps): void {
  program
    .command('login')
    .description('Sign in to a Recital server and store a personal API token for this computer.')
    .argument('<url>', 'the server, e.g. https://recital.example.com', parseServerUrl)
    .option('--email <email>', 'your email (asked for when missing)')
    .option('--password-stdin', 'read the password from stdin instead of asking (for scripts)')
    .addOption(
      new Option(
        '--token <token>',
        'store an existing API token instead (checked with the server first)',
      ).conflicts(['email', 'passwordStdin']),
    )
    .addHelpText(
      'after',
      examples([
        'recital login https://recital.example.com',
        'printf %s "$PASSWORD" | recital login http://localhost:4000 --email ada@example.com --password-stdin',
        'recital login https://recital.example.com --token "$RECITAL_API_TOKEN"',
      ]),
    )
    .action(action(deps, login));

  program
    .command('logout')
    .description('Revoke the stored token on the server and forget it on this computer.')
    .addHelpText('after', examples(['recital logout']))
    .action(action(deps, logout));

  program
    .command('whoami')
    .description('Show who you are signed in as, and on which server.')
    .addHelpText('after', examples(['recital whoami', 'recital whoami --json']))
    .action(action(deps, whoami));
}

async function login(context: CommandContext, url: string, options: LoginOptions): Promise<void> {
  context.url = url;
  const credentials = options.token
    ? await verifyToken(context, url, options.token)
    : await exchangePassword(context, url, options);
  const previous = await context.store.read().catch(() => null);
  await context.store.write(credentials);
  if (previous && previous.token !== credentials.token) await revokeReplaced(context, previous);
  context.out.result(
    { url, email: credentials.email, tokenId: credentials.tokenId },
    () => `Logged in to ${url} as ${credentials.email}.\n`,
  );
}

async function exchangePassword(
  context: CommandContext,
  url: string,
  options: LoginOptions,
): Promise<Credentials> {
  const { email, password } = await askCredentials(context, url, options);
  const body = { email, password, name: tokenName(context.deps.hostname) };
  const created = await context.api(url).call(exchangeCredentials, { body });
  const me = await context.api(url, created.secret).call(getMe, {});
  return { url, token: created.secret, tokenId: created.token.id, email: me.email };
}

/** Email and password from the flags, stdin or prompts, refusing combinations that cannot work. */
async function askCredentials(context: CommandContext, url: string, options: LoginOptions) {
  const { terminal } = context.deps;
  if (options.passwordStdin && !options.email) {
    throw new CliError('--password-stdin needs --email', { exitCode: EXIT_USAGE });
  }
  if (!options.passwordStdin && !terminal.interactive) {
    throw new CliError('cannot ask for a password: stdin is not a terminal', {
      hint: 'pass --email and --password-stdin, or --token',
      exitCode: EXIT_USAGE,
    });
  }
  if (isInsecureUrl(url)) {
    context.out.warn(`${url} is not https; your password will cross the network unencrypted`);
  }
  const email = options.email ?? (await terminal.ask('Email: '));
  const password = options.passwordStdin
    ? stripFinalNewline(await terminal.readAll())
    : await terminal.ask('Password: ', { secret: true });
  if (!password) throw new CliError('no password given', { exitCode: EXIT_USAGE });
  return { email, password };
}

async function verifyToken(context: CommandContext, url: string, token: string): Promise<Credentials> {
  const api = context.api(url, token);
  const me = await api.call(getMe, {});
  return { url, token, tokenId: await findTokenId(api, token), email: me.email };
}

/** The id of a pasted token, found by its visible prefix; null when that is not conclusive. */
async function findTokenId(api: ApiClient, token: string): Promise<string | null> {
  try {
    const { tokens } = await api.call(listTokens, {});
    const matches = tokens.filter((candidate) => candidate.prefix && token.startsWith(candidate.prefix));
    return matches.length === 1 ? (matches[0]?.id ?? null) : null;
  } catch (error) {
    if (error instanceof ApiError) return null;
    throw error;
  }
}

/** Server-side token names are at most 80 characters; hostnames can be longer. */
export function tokenName(hostname: string): string {
  return `recital CLI on ${hostname}`.slice(0, 80);
}

function stripFinalNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

/** A new login replaces the stored token; revoke the old one so it does not linger unused. */
async function revokeReplaced(context: CommandContext, previous: Credentials): Promise<void> {
  const outcome = await revokeStored(context, previous);
  if (outcome !== 'revoked')
    context.out.warn(`the previous token for ${previous.url} was not revoked: ${outcome}`);
}

async function logout(context: CommandContext): Promise<void> {
  const stored = await context.store.read();
  if (!stored) {
    context.out.result({ loggedOut: false }, () => 'Not logged in.\n');
    return;
  }
  context.url = stored.url;
  const outcome = await revokeStored(context, stored);
  await context.store.remove();
  const revoked = outcome === 'revoked';
  if (!revoked) {
    context.out.warn(`${outcome}; the token was deleted here but may still work: revoke it in the web app`);
  }
  if (context.deps.env.RECITAL_TOKEN) context.out.note('RECITAL_TOKEN is still set in your environment.');
  context.out.result({ loggedOut: true, url: stored.url, revoked }, () => `Logged out of ${stored.url}.\n`);
}

/** Revoke a stored token; 'revoked', or why not. Never throws: forgetting the token must not depend on it. */
async function revokeStored(context: CommandContext, stored: Credentials): Promise<string> {
  if (!stored.tokenId) return 'its id is unknown (it was stored with --token)';
  try {
    await context.api(stored.url, stored.token).call(revokeToken, { params: { tokenId: stored.tokenId } });
    return 'revoked';
  } catch (error) {
    // A token the server no longer accepts is as good as revoked.
    if (error instanceof ApiError && ['auth.required', 'tokens.not_found'].includes(error.code))
      return 'revoked';
    if (error instanceof NetworkError) return error.message;
    return error instanceof ApiError ? `the server answered: ${error.humanMessage}` : String(error);
  }
}

async function whoami(context: CommandContext): Promise<void> {
  const session = await context.session();
  const user = await session.api.call(getMe, {});
  context.out.result({ url: session.url, tokenSource: session.tokenSource, user }, () =>
    formatFields([
      ['User', `${user.displayName} <${user.email}>`],
      ['Role', user.instanceRole],
      ['Server', session.url],
      ['Token', session.tokenSource === 'RECITAL_TOKEN' ? 'from RECITAL_TOKEN' : 'stored by `recital login`'],
    ]),
  );
}
