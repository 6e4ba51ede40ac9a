import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../../test/helpers/server.js';
import { runInProcess } from './testing.js';

describe('recital workspace git against a real server', () => {
  let server: TestServer;
  let dir: string;
  let slug: string;
  const env: Record<'organizer' | 'builder', Record<string, string>> = { organizer: {}, builder: {} };
  const run = (who: keyof typeof env, argv: string[]) =>
    runInProcess(argv, { env: env[who], fetch: globalThis.fetch, configDir: dir, cwd: dir });

  beforeAll(async () => {
    const { startTestServer } = await import('../../test/helpers/server.js');
    const { signUpWithToken } = await import('../../test/helpers/users.js');
    const api = await import('../contracts/index.js');
    server = await startTestServer();
    dir = await mkdtemp(join(tmpdir(), 'recital-git-settings-'));
    const organizer = await signUpWithToken(server.url);
    const workspace = await organizer.client.call(api.createWorkspace, {
      body: { name: 'Spring cohort', kind: 'cohort' },
    });
    slug = workspace.slug;
    const invite = await organizer.client.call(api.createInvitation, {
      params: { workspaceId: workspace.id },
      body: { role: 'builder' },
    });
    const builder = await signUpWithToken(server.url, { invitationToken: invite.token });
    env.organizer = { RECITAL_URL: server.url, RECITAL_TOKEN: organizer.token };
    env.builder = { RECITAL_URL: server.url, RECITAL_TOKEN: builder.token };
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('shows and changes why-notes, rules and exclusions; only organizers change them', async () => {
    const shown = await run('builder', ['workspace', 'git', slug]);
    expect(shown.exitCode, shown.stderr).toBe(0);
    expect(shown.stdout).toContain('Why-notes:        warn');

    const rules = join(dir, 'rules.json');
    await writeFile(
      rules,
      JSON.stringify([
        { match: { authorEmail: '*@agents.example.com' }, kind: 'ai_authored', label: 'agents' },
      ]),
    );
    const changed = await run('organizer', [
      'workspace',
      'git',
      slug,
      '--why-mode',
      'require',
      '--rules',
      rules,
      '--generated',
      'fixtures/**',
      '--generated',
      '*.pb.go',
      '--json',
    ]);
    expect(changed.exitCode, changed.stderr).toBe(0);
    expect(JSON.parse(changed.stdout)).toEqual({
      attributionRules: [
        { match: { authorEmail: '*@agents.example.com' }, kind: 'ai_authored', label: 'agents' },
      ],
      generatedPatterns: ['fixtures/**', '*.pb.go'],
      botPatterns: [],
      whyMode: 'require',
    });

    const refused = await run('builder', ['workspace', 'git', slug, '--bots', 'ci-*']);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toContain('role');

    await writeFile(rules, '{ not json');
    const bad = await run('organizer', ['workspace', 'git', slug, '--rules', rules]);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('rules.json');
    const mode = await run('organizer', ['workspace', 'git', slug, '--why-mode', 'sometimes']);
    expect(mode.exitCode).toBe(2);
  });
});
