import type { Migration } from 'kysely';
import * as m0001 from './0001-accounts-and-workspaces.js';
import * as m0002 from './0002-projects-and-plans.js';
import * as m0003 from './0003-evidence.js';
import * as m0004 from './0004-ledger.js';
import * as m0005 from './0005-day-verdicts.js';
import * as m0006 from './0006-pauses-and-grace.js';
import * as m0007 from './0007-contracts-checkpoints-notifications.js';
import * as m0008 from './0008-project-profile.js';
import * as m0009 from './0009-git-evidence.js';
import * as m0010 from './0010-forecasts.js';

/**
 * Every migration, in order. Names are permanent: they are recorded in the database.
 * Add new ones at the end; never edit or reorder a released one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-accounts-and-workspaces': m0001,
  '0002-projects-and-plans': m0002,
  '0003-evidence': m0003,
  '0004-ledger': m0004,
  '0005-day-verdicts': m0005,
  '0006-pauses-and-grace': m0006,
  '0007-contracts-checkpoints-notifications': m0007,
  '0008-project-profile': m0008,
  '0009-git-evidence': m0009,
  '0010-forecasts': m0010,
};
