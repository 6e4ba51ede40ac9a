import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  addEmail,
  addRepository,
  createApiClient,
  createProject,
  createWorkspace,
  ingestCommits,
  listEmails,
  removeEmail,
  setTestClock,
  verifyEmail,
} from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

describeEachDialect('commit e-mail addresses, verified by a link', (dialect) => {
  let server: TestServer;
  let dataDir: string;
  let ada: Awaited<ReturnType<typeof signUpWithToken>>;
  let bob: Awaited<ReturnType<typeof signUpWithToken>>;
  const clock = fixedClock(new Date('2026-03-03T18:00:00Z'));

  /** The token in the newest verification mail to `address`, read from the .eml file Recital wrote. */
  function tokenSentTo(address: string): string {
    const dir = join(dataDir, 'mail');
    const mails = readdirSync(dir)
      .sort()
      .map((name) => readFileSync(join(dir, name), 'utf8'))
      .filter((text) => text.includes(`To: ${address}`));
    // The body is quoted-printable: undo soft line breaks and =XX escapes before reading the link.
    const last = (mails.at(-1) ?? '')
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const token = /verify-email\?token=(ev_[A-Za-z0-9_-]+)/.exec(last)?.[1];
    if (!token) throw new Error(`no verification mail to ${address}`);
    return token;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'recital-emails-'));
    server = await startTestServer({
      dialect,
      clock,
      env: {
        RECITAL_TEST_CLOCK: '1',
        RECITAL_DATA_DIR: dataDir,
        RECITAL_PUBLIC_URL: 'https://recital.example.com',
      },
    });
    ada = await signUpWithToken(server.url, { timeZone: 'America/Los_Angeles' });
    bob = await signUpWithToken(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('verifies an address only through the link, for its own account, within a day', async () => {
    expect(await ada.client.call(addEmail, { body: { email: 'Ada.Work@Example.com' } })).toEqual({
      email: 'ada.work@example.com',
      primary: false,
      verified: false,
    });
    const token = tokenSentTo('ada.work@example.com');
    expect(
      readFileSync(join(dataDir, 'mail', readdirSync(join(dataDir, 'mail')).sort().at(-1)!), 'utf8'),
    ).toContain('https://recital.example.com/verify-email');
    await expectApiError(
      ada.client.call(verifyEmail, { body: { token: 'ev_wrongwrongwrong' } }),
      'emails.bad_token',
      400,
    );
    await expectApiError(bob.client.call(verifyEmail, { body: { token } }), 'emails.bad_token', 400);
    expect(await ada.client.call(verifyEmail, { body: { token } })).toMatchObject({ verified: true });
    await expectApiError(ada.client.call(verifyEmail, { body: { token } }), 'emails.bad_token', 400);
    expect((await ada.client.call(listEmails, {})).emails).toEqual([
      { email: ada.email, primary: true, verified: true },
      { email: 'ada.work@example.com', primary: false, verified: true },
    ]);
    // One person per verified address; the account's own address is not added twice.
    await expectApiError(
      bob.client.call(addEmail, { body: { email: 'ada.work@example.com' } }),
      'emails.taken',
      409,
    );
    await expectApiError(ada.client.call(addEmail, { body: { email: ada.email } }), 'emails.primary', 400);

    // A link expires after a day.
    await ada.client.call(addEmail, { body: { email: 'ada@home.example' } });
    const late = tokenSentTo('ada@home.example');
    await createApiClient({ baseUrl: server.url }).call(setTestClock, {
      body: { now: '2026-03-04T18:00:01Z' },
    });
    await expectApiError(ada.client.call(verifyEmail, { body: { token: late } }), 'emails.bad_token', 400);
  });

  it('maps commits made with a verified address to the person, as their evidence', async () => {
    const workspace = await ada.client.call(createWorkspace, { body: { name: 'Solo' } });
    const project = await ada.client.call(createProject, {
      params: { workspaceId: workspace.id },
      body: { name: 'Side' },
    });
    const repository = await ada.client.call(addRepository, {
      params: { projectId: project.id },
      body: { name: 'side' },
    });
    const commit = (sha: string, email: string) => ({
      sha,
      parents: [],
      authorName: 'Ada',
      authorEmail: email,
      authoredAt: '2026-03-04T09:00:00-08:00',
      committerName: 'Ada',
      committerEmail: email,
      committedAt: '2026-03-04T09:00:00-08:00',
      message: 'Work',
      files: [],
    });
    const result = await ada.client.call(ingestCommits, {
      params: { repositoryId: repository.id },
      body: {
        source: 'sync',
        commits: [commit('a'.repeat(40), 'ada.work@example.com'), commit('b'.repeat(40), 'ada@home.example')],
      },
    });
    // The unverified address is not hers yet.
    expect(result).toMatchObject({ inserted: 2, evidence: 1 });

    await ada.client.call(removeEmail, { params: { email: 'ada.work@example.com' } });
    await expectApiError(
      ada.client.call(removeEmail, { params: { email: 'ada.work@example.com' } }),
      'emails.not_found',
      404,
    );
  });
});
