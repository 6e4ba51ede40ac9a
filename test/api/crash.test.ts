import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiClient, verifyLedger } from '../../src/contracts/index.js';
import { fixedClock } from '../../src/core/time/clock.js';
import { openDatabase } from '../../src/server/db/database.js';
import { startServer } from '../../src/server/start.js';
import { committedProject, type TestUser } from '../helpers/commitment.js';
import { createTestStorage, describeEachDialect, type TestStorage } from '../helpers/dialects.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DAY_MS = 86_400_000;
const PROJECTS = 8;
/** The projects were committed this long ago; the server has been "down" ever since. */
const DOWNTIME_DAYS = 200;
const EVERY_DAY = { mon: 60, tue: 60, wed: 60, thu: 60, fri: 60, sat: 60, sun: 60 };

/** Recital as its own process (`node src/server/main.ts` through tsx), on the real clock. */
function spawnServer(storage: TestStorage): { child: ChildProcess; url: Promise<string> } {
  const databaseUrl = storage.env.DATABASE_URL
    ? `${storage.env.DATABASE_URL}?options=${encodeURIComponent(`-c search_path=${storage.searchPath}`)}`
    : undefined;
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/server/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      RECITAL_DATA_DIR: storage.env.RECITAL_DATA_DIR,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /"url":"(http:\/\/[^"]+)","database"/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${out}`)));
  });
  return { child, url };
}

describeEachDialect('a crash in the middle of a sweep', (dialect) => {
  let storage: TestStorage;
  let builders: { builder: TestUser; projectId: string }[] = [];
  let db: ReturnType<typeof openDatabase>;
  const count = async (table: 'day_verdicts' | 'ledger_entries' | 'consequences' | 'notifications') =>
    Number(
      (
        await db.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    storage = await createTestStorage(dialect);
    // Commit eight projects 200 days ago, with a server that then goes away.
    const committedAt = new Date(Math.floor(Date.now() / DAY_MS - DOWNTIME_DAYS) * DAY_MS + 12 * 3_600_000);
    const first = await startServer({
      env: {
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RECITAL_SIGNUP: 'open',
        RECITAL_SCRYPT_COST: '10',
        RECITAL_AUTH_RATE_LIMIT: '10000',
        ...storage.env,
      },
      clock: fixedClock(committedAt),
      ...(storage.searchPath ? { searchPath: storage.searchPath } : {}),
    });
    const day = (n: number) => new Date(committedAt.getTime() + n * DAY_MS).toISOString().slice(0, 10);
    builders = [];
    for (let i = 0; i < PROJECTS; i++) {
      const setup = await committedProject(first.url, {
        builderZone: ['Europe/London', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'][i % 4]!,
        witnessZone: 'Europe/Berlin',
        dueDates: { 'cp-week-1': day(5), 'cp-week-2': day(12) },
        minutesPerWeekday: EVERY_DAY,
      });
      builders.push({ builder: setup.builder, projectId: setup.projectId });
    }
    await first.close();
    db = openDatabase({
      dataDir: storage.env.RECITAL_DATA_DIR!,
      databaseUrl: storage.env.DATABASE_URL,
      poolSize: 2,
      ...(storage.searchPath ? { searchPath: storage.searchPath } : {}),
    });
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await storage?.dispose();
  });

  it('loses and duplicates nothing when the server is killed while catching up, and finishes on restart', async () => {
    // Restart after 200 days: the catch-up sweep begins at once. Kill it as soon as it has written.
    const crashing = spawnServer(storage);
    crashing.url.catch(() => undefined); // it may be killed before it listens
    const exited = new Promise((resolve) => crashing.child.once('exit', resolve));
    for (let i = 0; i < 2_000 && (await count('day_verdicts')) === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 5));
    crashing.child.kill('SIGKILL');
    await exited;
    const partial = await count('day_verdicts');
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(PROJECTS * (DOWNTIME_DAYS - 2));

    // What was written is whole: each project's verdicts are a gap-free run from its first day, each on the record once.
    for (const { projectId } of builders) {
      const dates = (
        await db.db
          .selectFrom('day_verdicts')
          .select('date')
          .where('project_id', '=', projectId)
          .orderBy('date')
          .execute()
      ).map((r) => r.date);
      const recorded = await db.db
        .selectFrom('ledger_entries')
        .select('payload_json')
        .where('project_id', '=', projectId)
        .where('kind', '=', 'day.verdict')
        .orderBy('seq')
        .execute();
      expect(recorded.map((r) => (JSON.parse(r.payload_json) as { date: string }).date)).toEqual(dates);
      for (let i = 1; i < dates.length; i++)
        expect(Date.parse(dates[i]!) - Date.parse(dates[i - 1]!)).toBe(DAY_MS);
    }

    // Restart: the start-up sweep finishes the job. On PostgreSQL two instances start at once and
    // share the work (each claims a project with SKIP LOCKED), without doing any of it twice.
    const restarted = spawnServer(storage);
    const second = dialect === 'postgres' ? spawnServer(storage) : null;
    const url = await restarted.url;
    if (second) await second.url;
    const api = (token: string) => createApiClient({ baseUrl: url, token });
    try {
      let settled = -1;
      for (let i = 0; i < 600; i++) {
        const now = await count('day_verdicts');
        if (now === settled && now >= PROJECTS * (DOWNTIME_DAYS - 2)) break;
        settled = now;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const yesterdayUtc = Date.now() - DAY_MS;
      for (const { builder, projectId } of builders) {
        const rows = await db.db
          .selectFrom('day_verdicts')
          .select(['date', 'verdict'])
          .where('project_id', '=', projectId)
          .orderBy('date')
          .execute();
        const project = await db.db
          .selectFrom('projects')
          .select('verdicts_from')
          .where('id', '=', projectId)
          .executeTakeFirstOrThrow();
        expect(rows[0]?.date).toBe(project.verdicts_from);
        // Every day up to yesterday (in any zone) is judged, once, and skipped: nobody worked.
        expect(Date.parse(rows.at(-1)!.date)).toBeGreaterThanOrEqual(yesterdayUtc - 2 * DAY_MS);
        for (let i = 1; i < rows.length; i++)
          expect(Date.parse(rows[i]!.date) - Date.parse(rows[i - 1]!.date)).toBe(DAY_MS);
        expect(new Set(rows.map((r) => r.verdict))).toEqual(new Set(['skipped']));

        const ledger = await db.db
          .selectFrom('ledger_entries')
          .select(['kind', 'payload_json'])
          .where('project_id', '=', projectId)
          .orderBy('seq')
          .execute();
        const verdictDates = ledger
          .filter((e) => e.kind === 'day.verdict')
          .map((e) => (JSON.parse(e.payload_json) as { date: string }).date);
        expect(verdictDates).toEqual(rows.map((r) => r.date));
        const applied = ledger
          .filter((e) => e.kind === 'consequence.applied')
          .map((e) => (JSON.parse(e.payload_json) as { action: string }).action);
        expect(applied).toEqual(['nudge_builder', 'notify_witness', 'mark_stalled', 'require_replan']);
        expect(ledger.filter((e) => e.kind === 'checkpoint.missed')).toHaveLength(2);
        expect((await api(builder.token).call(verifyLedger, { params: { projectId } })).ok).toBe(true);
      }
      // One notification per fact and person, and one delivery per notification and channel.
      const dupes = await db.db
        .selectFrom('notifications')
        .select(['user_id', 'dedup_key'])
        .groupBy(['user_id', 'dedup_key'])
        .having((eb) => eb.fn.countAll(), '>', 1)
        .execute();
      expect(dupes).toEqual([]);
      expect(await count('consequences')).toBe(PROJECTS * 6); // 4 ladder steps + 2 missed checkpoints
    } finally {
      for (const server of [restarted, second]) {
        if (!server) continue;
        const stopped = new Promise((resolve) => server.child.once('exit', resolve));
        server.child.kill('SIGTERM');
        await stopped;
      }
    }
  }, 180_000);
});
