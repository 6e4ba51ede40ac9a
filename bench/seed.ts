import { hashPassword } from '../src/server/modules/accounts/password.js';
import { openDatabase } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrator.js';
import { hashSecret, newId } from '../src/server/shared/secrets.js';

/** Seed users, workspaces and memberships straight into a fresh SQLite database; returns one user's token. */
export async function seed(
  dataDir: string,
  counts: { users: number; workspaces: number },
): Promise<{ token: string }> {
  const handle = openDatabase({ dataDir });
  await migrateToLatest(handle.db);
  const at = new Date().toISOString();
  const passwordHash = await hashPassword('bench-password', 10);
  const users = Array.from({ length: counts.users }, (_, i) => ({
    id: newId(),
    email: `user${i}@bench.example`,
    display_name: `User ${i}`,
    time_zone: i % 2 ? 'America/New_York' : 'Europe/Berlin',
    password_hash: passwordHash,
    instance_role: i === 0 ? ('owner' as const) : ('member' as const),
    created_at: at,
    updated_at: at,
  }));
  for (let i = 0; i < users.length; i += 500)
    await handle.db
      .insertInto('users')
      .values(users.slice(i, i + 500))
      .execute();
  for (let start = 0; start < counts.workspaces; start += 250) {
    const batch = Array.from({ length: Math.min(250, counts.workspaces - start) }, (_, k) => {
      const n = start + k;
      const owner = users[n % users.length]!;
      return {
        id: newId(),
        name: `Workspace ${n}`,
        slug: `workspace-${n}`,
        kind: 'solo' as const,
        created_by: owner.id,
        created_at: at,
        updated_at: at,
        owner,
      };
    });
    await handle.db
      .insertInto('workspaces')
      .values(batch.map(({ owner: _owner, ...row }) => row))
      .execute();
    await handle.db
      .insertInto('memberships')
      .values(batch.map((w) => ({ workspace_id: w.id, user_id: w.owner.id, created_at: at })))
      .execute();
    await handle.db
      .insertInto('membership_roles')
      .values(
        batch.flatMap((w) =>
          (['organizer', 'builder'] as const).map((role) => ({
            workspace_id: w.id,
            user_id: w.owner.id,
            role,
            granted_by: w.owner.id,
            granted_at: at,
          })),
        ),
      )
      .execute();
  }
  // The measured user belongs to several workspaces, as an organizer of a cohort would.
  const token = `rct_bench${newId().replaceAll('-', '')}`;
  await handle.db
    .insertInto('api_tokens')
    .values({
      id: newId(),
      user_id: users[0]!.id,
      name: 'bench',
      prefix: token.slice(0, 10),
      token_hash: hashSecret(token),
      created_at: at,
      expires_at: null,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  await handle.close();
  return { token };
}
