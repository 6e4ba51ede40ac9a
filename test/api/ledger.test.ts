import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  createProject,
  createWorkspace,
  exportLedger,
  importPlan,
  verifyLedger,
} from '../../src/contracts/index.js';
import { describeEachDialect } from '../helpers/dialects.js';
import { expectApiError } from '../helpers/expect-error.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { signUpWithToken } from '../helpers/users.js';

describeEachDialect('ledger', (dialect) => {
  let server: TestServer;
  let builder: Awaited<ReturnType<typeof signUpWithToken>>;
  let projectId: string;
  beforeAll(async () => {
    server = await startTestServer({ dialect });
    builder = await signUpWithToken(server.url);
    const workspaceId = (await builder.client.call(createWorkspace, { body: { name: 'Solo' } })).id;
    projectId = (
      await builder.client.call(createProject, { params: { workspaceId }, body: { name: 'Launch' } })
    ).id;
  });
  afterAll(() => server.close());

  it('records every re-plan in a hash chain that verifies', async () => {
    const plan = (hours: number) => `# Launch\n\n## Week 1\n- [ ] Build it (${hours}h)\n- [ ] Ship it (1h)\n`;
    await builder.client.call(importPlan, { params: { projectId }, body: { text: plan(2) } });
    expect((await builder.client.call(exportLedger, { params: { projectId } })).entries).toEqual([]);
    await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: plan(3), reason: 'bigger than thought' },
    });
    await builder.client.call(importPlan, {
      params: { projectId },
      body: { text: plan(4), reason: 'bigger still' },
    });
    const { entries } = await builder.client.call(exportLedger, { params: { projectId } });
    expect(
      entries.map((e) => [e.seq, e.kind, e.payload.version, e.payload.reason, e.payload.scopeDeltaMinutes]),
    ).toEqual([
      [1, 'plan.replanned', 2, 'bigger than thought', 60],
      [2, 'plan.replanned', 3, 'bigger still', 60],
    ]);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(await builder.client.call(verifyLedger, { params: { projectId } })).toEqual({
      ok: true,
      count: 2,
      head: { seq: 2, hash: entries[1]?.hash },
      problems: [],
    });
  });

  it('detects an edited entry and a deleted one', async () => {
    await server.deps.db
      .updateTable('ledger_entries')
      .set({
        payload_json: JSON.stringify({
          version: 2,
          reason: 'nothing to see',
          added: 0,
          removed: 0,
          changed: 0,
          reestimated: 0,
          scopeDeltaMinutes: 0,
          sourceSha256: 'x',
        }),
      })
      .where('project_id', '=', projectId)
      .where('seq', '=', 1)
      .execute();
    let verdict = await builder.client.call(verifyLedger, { params: { projectId } });
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([expect.objectContaining({ seq: 1, kind: 'hash_mismatch' })]);
    await server.deps.db
      .deleteFrom('ledger_entries')
      .where('project_id', '=', projectId)
      .where('seq', '=', 1)
      .execute();
    verdict = await builder.client.call(verifyLedger, { params: { projectId } });
    expect(verdict.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['gap']));
  });

  it('is hidden from people outside the workspace', async () => {
    const stranger = await signUpWithToken(server.url);
    await expectApiError(
      stranger.client.call(exportLedger, { params: { projectId } }),
      'projects.not_found',
      404,
    );
  });
});
