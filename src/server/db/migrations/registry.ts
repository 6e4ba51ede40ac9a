import type { Migration } from 'kysely';
import * as m0001 from './0001-accounts-and-workspaces.js';

/**
 * Every migration, in order. Names are permanent: they are recorded in the database.
 * Add new ones at the end; never edit or reorder a released one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-accounts-and-workspaces': m0001,
};
