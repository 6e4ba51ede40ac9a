import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/helpers/server.js';
import type { ApiClient } from '../contracts/client.js';
import { GitError } from '../git/git-errors.js';
import { runGit } from '../git/run-git.js';
import { githubFullName } from './repo.commands.js';
import { runInProcess } from './testing.js';

const require = createRequire(import.meta.url);
/** How the installed hooks start this CLI from its sources, as a separate process. */
const CLI = [
  process.execPath,
  '--import',
  pathToFileURL(require.resolve('tsx/esm')).href,
  fileURLToPath(new URL('./run.ts', import.meta.url)),
];

describe('githubFullName', () => {
  it('reads owner/name from the remote URL forms git accepts', () => {
    expect(githubFullName('git@github.com:ada/launch.git')).toBe('ada/launch');
    expect(githubFullName('https://github.com/ada/launch')).toBe('ada/launch');
    expect(githubFullName('https://token@github.com/ada/launch.git/')).toBe('ada/launch');
    expect(githubFullName('ssh://git@github.com/ada/my.repo.git')).toBe('ada/my.repo');
    expect(githubFullName('git@gitlab.com:ada/launch.git')).toBeNull();
    expect(githubFullName('https://github.com/ada')).toBeNull();
  });
});

describe('recital repo, sync, hooks and explain against a real server and real clones', () => {
  let server: TestServer;
  let dir: string;
  let clone: string;
  let env: Record<string, string>;
  let email: string;
  let workspaceId: string;
  let organizerClient: ApiClient;

  const run = (argv: string[], cwd = clone) =>
    runInProcess(argv, { env, fetch: globalThis.fetch, configDir: dir, cwd, cliCommand: CLI });
  const ok = async (argv: string[], cwd = clone) => {
    const result = await run(argv, cwd);
    expect(result.exitCode, `${argv.join(' ')}: ${result.stderr}`).toBe(0);
    return result;
  };
  const json = async <T>(argv: string[], cwd = clone) =>
    JSON.parse((await ok([...argv, '--json'], cwd)).stdout) as T;
  /** `git commit` as the builder, with the hooks running as git runs them. */
  const commit = (message: string, files: Record<string, string>, extraEnv: Record<string, string> = {}) =>
    (async () => {
      for (const [path, text] of Object.entries(files)) await writeFile(join(clone, path), text);
      await runGit(['add', '-A'], { cwd: clone });
      await runGit(['commit', '-q', '-m', message], { cwd: clone, env: { ...env, ...extraEnv } });
      return (await runGit(['rev-parse', 'HEAD'], { cwd: clone })).trim();
    })();
  const commitsOnServer = async () =>
    (await json<{ repositories: { commits: number }[] }>(['repo', 'list'])).repositories[0]?.commits ?? 0;
  const waitFor = async (what: string, check: () => Promise<boolean>) => {
    for (let tries = 0; tries < 600; tries++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };

  beforeAll(async () => {
    const { startTestServer } = await import('../../test/helpers/server.js');
    const { signUpWithToken } = await import('../../test/helpers/users.js');
    const api = await import('../contracts/index.js');
    server = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'recital-repo-cli-'));
    const organizer = await signUpWithToken(server.url, { timeZone: 'Europe/London' });
    organizerClient = organizer.client;
    workspaceId = (await organizer.client.call(api.createWorkspace, { body: { name: 'Team', kind: 'team' } }))
      .id;
    const invite = await organizer.client.call(api.createInvitation, {
      params: { workspaceId },
      body: { role: 'builder' },
    });
    const builder = await signUpWithToken(server.url, {
      invitationToken: invite.token,
      timeZone: 'Asia/Tokyo',
    });
    email = builder.email;
    await builder.client.call(api.createProject, { params: { workspaceId }, body: { name: 'Launch' } });
    env = { RECITAL_URL: server.url, RECITAL_TOKEN: builder.token };
    clone = join(dir, 'launch');
    await runGit(['init', '-q', '-b', 'main', clone], { cwd: dir });
    for (const [key, value] of [
      ['user.name', 'Ada Builder'],
      ['user.email', email],
      ['commit.gpgsign', 'false'],
    ] as const)
      await runGit(['config', '--local', key, value], { cwd: clone });
    await runGit(['remote', 'add', 'origin', 'git@github.com:ada/launch.git'], { cwd: clone });
    for (let n = 0; n < 120; n++) {
      await writeFile(join(clone, 'log.txt'), `entry ${n}\n`, { flag: 'a' });
      await runGit(['add', '-A'], { cwd: clone });
      await runGit(['commit', '-q', '-m', `Entry ${n}`], { cwd: clone });
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('connects a clone, sends its history with progress, and then only what is new', async () => {
    let stderr = '';
    const added = await runInProcess(['repo', 'add'], {
      env,
      fetch: globalThis.fetch,
      configDir: dir,
      cwd: clone,
      stderr: Object.assign({ write: (text: string) => (stderr += text) }, { isTTY: true }),
    });
    expect(added.exitCode, stderr).toBe(0);
    expect(added.stdout).toContain('120 new commits, 120 counted as your evidence');
    expect(stderr).toContain('as "ada/launch"');
    expect(stderr).toMatch(/\rReading commits: 100\/120 \(83%\)/);
    expect(stderr).toContain('Reading commits: 120/120 (100%)');
    expect((await runGit(['config', '--get', 'recital.repository'], { cwd: clone })).trim()).toMatch(
      /^[0-9a-f-]{36}$/,
    );

    expect(await json(['sync'])).toMatchObject({ listed: 0, inserted: 0 });
    await runGit(['commit', '-q', '--allow-empty', '-m', 'One more'], { cwd: clone });
    expect(await json(['sync'])).toMatchObject({ listed: 1, inserted: 1, evidence: 1 });
    expect((await run(['repo', 'add'])).stderr).toContain('already connected');
    const elsewhere = await run(['sync'], dir);
    expect(elsewhere.exitCode).toBe(2);
    expect(elsewhere.stderr).toContain('not a git repository');
  });

  it('reports commits from hooks in the background, spools them while offline, and sends them later', async () => {
    await writeFile(
      join(clone, '.git', 'hooks', 'post-commit'),
      '#!/bin/sh\necho mine >> .git/own-hook.log\n',
      {
        mode: 0o755,
      },
    );
    const installed = await json<{ installed: string[]; chained: string[] }>(['hooks', 'install']);
    expect(installed.installed).toEqual(['post-commit', 'post-merge', 'pre-push', 'commit-msg']);
    expect(installed.chained).toEqual(['post-commit']);

    const before = await commitsOnServer();
    await commit('Sign-in form', { 'sign-in.ts': 'export {};\n' });
    await waitFor('the post-commit report', async () => (await commitsOnServer()) === before + 1);
    expect(existsSync(join(clone, '.git', 'own-hook.log'))).toBe(true);

    // The server is unreachable: the commit goes through at once and waits in the spool.
    const sha = await commit(
      'Offline work',
      { 'offline.ts': 'export {};\n' },
      { RECITAL_URL: 'http://127.0.0.1:9' },
    );
    const spool = join(clone, '.git', 'recital', 'spool');
    await waitFor('the spooled report', async () => existsSync(join(spool, `${sha}.json`)));
    await waitFor('the hook log', async () =>
      (await readdir(join(clone, '.git', 'recital'))).includes('hook.log'),
    );
    expect(await commitsOnServer()).toBe(before + 1);
    // Back online, the next report sends what waited.
    expect(await json(['hooks', 'report', 'post-commit'])).toMatchObject({ pending: 0 });
    expect(await commitsOnServer()).toBe(before + 2);
    expect((await readdir(spool)).filter((name) => name.endsWith('.json'))).toEqual([]);
  }, 120_000);

  it('asks AI-assisted commits for a why, as the workspace requires, and takes one afterwards', async () => {
    const api = await import('../contracts/index.js');
    const aiMessage = 'Retry webhooks\n\nCo-Authored-By: Claude <noreply@anthropic.com>';
    // Warn (the default): the commit is made, with advice.
    const warned = await commit(aiMessage, { 'retry.ts': 'export const retry = 1;\n' });
    expect(warned).toMatch(/^[0-9a-f]{40}$/);

    await organizerClient.call(api.updateWorkspace, {
      params: { workspaceId },
      body: { whyMode: 'require' },
    });
    await ok(['hooks', 'install']);
    const refused = await commit(aiMessage, { 'retry.ts': 'export const retry = 2;\n' }).catch(
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(GitError);
    expect((refused as GitError).stderr).toContain(
      'AI-assisted (Co-Authored-By: Claude <noreply@anthropic.com>)',
    );
    expect((refused as GitError).stderr).toContain('Why:');
    const explained = await commit(`${aiMessage}\nWhy: deliveries were lost when a receiver blipped`, {
      'retry.ts': 'export const retry = 2;\n',
    });
    expect(explained).toMatch(/^[0-9a-f]{40}$/);
    // A human commit needs no why.
    await commit('Tidy the README', { 'README.md': '# Launch\n' });

    await waitFor('the reports', async () => {
      const list = await json<{ repositories: { commits: number }[] }>(['repo', 'list']);
      return list.repositories[0]?.commits === 126;
    });
    const note = await json<{ sha: string; person: string }>([
      'explain',
      warned.slice(0, 8),
      'Receivers blip; without retries their events were lost for good.',
      '--git-note',
    ]);
    expect(note).toMatchObject({ sha: warned, person: email.toLowerCase() });
    expect((await runGit(['notes', '--ref=refs/notes/why', 'show', warned], { cwd: clone })).trim()).toBe(
      'Receivers blip; without retries their events were lost for good.',
    );
    const unknown = await run(['explain', 'abcdef12', 'A reason long enough to pass.']);
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stderr).toContain('recital sync');
  }, 120_000);

  it('records the comprehension of a connected clone in Recital, with Recital’s own why-notes', async () => {
    const api = await import('../contracts/index.js');
    const result = await ok(['comprehension']);
    expect(result.stdout).toContain('Recorded in Recital');
    const head = (await runGit(['rev-parse', 'HEAD'], { cwd: clone })).trim();
    const { createApiClient } = await import('../contracts/client.js');
    const builderApi = createApiClient({ baseUrl: server.url, token: env.RECITAL_TOKEN! });
    const projects = (await builderApi.call(api.listProjects, { params: { workspaceId } })).projects;
    const seen = await builderApi.call(api.getProjectComprehension, {
      params: { projectId: projects[0]!.id },
    });
    const latest = seen.repositories[0]?.latest;
    expect(latest?.commit).toBe(head);
    // retry.ts came from AI-assisted commits: one explained by its Why: trailer (the last to touch it).
    const retry = latest?.files.find((file) => file.path === 'retry.ts');
    expect(retry).toMatchObject({ aiLines: 1, unexplainedAiLines: 0, understoodBy: [email.toLowerCase()] });
    expect(latest?.totals.aiLines).toBe(1);
  }, 120_000);
});
