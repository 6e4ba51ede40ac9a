/**
 * What the git evidence leaves out: commits by automation (dependency bots, CI) and generated
 * files (lockfiles, build output, minified bundles, snapshots). Neither says anything about what a
 * builder wrote or understands, and both would swamp line counts.
 *
 * Coding agents are not excluded even when their accounts are GitHub Apps
 * (`copilot-swe-agent[bot]`, `claude[bot]`): their commits are AI work that attribution labels.
 * GitHub's web-flow committer (`GitHub <noreply@github.com>`) is not a bot either: it commits what a
 * person did in the web interface, and the author is that person.
 */
import { isAgentAccount, type Identity } from './ai-identities.js';
import { compilePathPatterns, matchesGlob } from './glob.js';

/** Automation accounts that do not use GitHub's `[bot]` suffix (names and e-mails, lower case). */
const KNOWN_BOTS = [
  'dependabot',
  'dependabot-preview',
  'renovate',
  'renovate-bot',
  'github-actions',
  'greenkeeper',
  'snyk-bot',
  'pre-commit-ci',
  'semantic-release-bot',
  'allcontributors',
  'imgbot',
];
const KNOWN_BOT_EMAILS = [
  'bot@renovateapp.com',
  'support@dependabot.com',
  'semantic-release-bot@martynus.net',
];

export interface BotOptions {
  /** Extra globs matched, case-insensitively, against the author name and e-mail ("ci-*@acme.dev"). */
  extraBotPatterns?: readonly string[];
}

/** Whether an identity is automation to leave out (never a coding agent, never web-flow). */
export function isBotAuthor(identity: Identity, options: BotOptions = {}): boolean {
  if (isAgentAccount(identity)) return false;
  const name = identity.name.trim().toLowerCase();
  const email = identity.email.trim().toLowerCase();
  if (email === 'noreply@github.com') return false;
  if (name.endsWith('[bot]') || /\[bot\]@users\.noreply\.github\.com$/.test(email)) return true;
  if (KNOWN_BOTS.includes(name) || KNOWN_BOT_EMAILS.includes(email)) return true;
  if (KNOWN_BOTS.some((bot) => email.startsWith(`${bot}@`) || email.includes(`+${bot}@`))) return true;
  return (options.extraBotPatterns ?? []).some(
    (pattern) =>
      matchesGlob(name, pattern, { caseInsensitive: true }) ||
      matchesGlob(email, pattern, { caseInsensitive: true }),
  );
}

/** Lockfiles of the common package managers, by file name at any depth. */
export const LOCKFILES = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lock',
  'bun.lockb',
  'Cargo.lock',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'Gemfile.lock',
  'go.sum',
  'composer.lock',
];

/** Build output and vendored code, as directories at any depth (monorepos have one per package). */
export const GENERATED_DIRECTORIES = [
  'dist/',
  'build/',
  'out/',
  '.next/',
  'coverage/',
  'vendor/',
  'node_modules/',
];

/** Minified bundles, source maps and test snapshots, by file name. */
export const GENERATED_FILES = ['*.min.js', '*.min.css', '*.map', '*.snap'];

export const DEFAULT_GENERATED_PATTERNS: readonly string[] = [
  ...LOCKFILES,
  ...GENERATED_DIRECTORIES,
  ...GENERATED_FILES,
];

/**
 * Whether a repository path is generated. Patterns are written like `.gitignore` lines (see
 * `pathMatchesPattern`): `*.pb.go` at any depth, `gen/` as a directory at any depth,
 * `api/openapi/*.json` from the root.
 *
 * @example isGeneratedPath('packages/web/dist/app.js') // true
 * @example isGeneratedPath('src/schema.gen.ts', { extraPatterns: ['*.gen.ts'] }) // true
 */
export function isGeneratedPath(path: string, options: { extraPatterns?: readonly string[] } = {}): boolean {
  return compilePathPatterns([...DEFAULT_GENERATED_PATTERNS, ...(options.extraPatterns ?? [])])(path);
}
