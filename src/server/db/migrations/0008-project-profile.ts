import type { Kysely } from 'kysely';

// Frozen in time: this file never imports application code and never changes once released.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  // What is being built and for whom (the intake's first step), and the opt-in public status page.
  await db.schema.alterTable('projects').addColumn('summary', 'text').execute();
  await db.schema.alterTable('projects').addColumn('audience', 'text').execute();
  // A random, unguessable link; null while the status page is private.
  await db.schema.alterTable('projects').addColumn('public_token', 'text').execute();
  await db.schema
    .createIndex('projects_public_token')
    .on('projects')
    .column('public_token')
    .unique()
    .execute();
}
