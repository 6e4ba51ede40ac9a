import { checkpointsConfig } from '../modules/checkpoints/checkpoints.config.js';
import { notificationsConfig } from '../modules/notifications/notifications.config.js';
import { accountsConfig } from '../modules/accounts/accounts.config.js';
import { dbConfig } from '../db/db.config.js';
import { githubConfig } from '../modules/github/github.config.js';
import { httpConfig } from '../http/http.config.js';
import { plansConfig } from '../modules/plans/plans.config.js';
import { testingConfig } from '../modules/testing/testing.config.js';
import { outboundConfig } from '../shared/outbound.config.js';
import { type LoadedConfig, loadConfig } from './config.js';

/** Every section of configuration, each declared beside the module that reads it. */
export const configSections = {
  http: httpConfig,
  db: dbConfig,
  accounts: accountsConfig,
  plans: plansConfig,
  testing: testingConfig,
  outbound: outboundConfig,
  checkpoints: checkpointsConfig,
  notifications: notificationsConfig,
  github: githubConfig,
};

export type AppConfig = LoadedConfig<typeof configSections>;

/** Validate the whole configuration once; throws a ConfigError listing every problem. */
export function loadAppConfig(environment: Record<string, string | undefined>): AppConfig {
  return loadConfig(configSections, environment);
}
