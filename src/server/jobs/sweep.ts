import type { Deps } from '../deps.js';
import { sweepCheckpoints } from '../modules/checkpoints/checkpoint-sweeper.js';
import { sweepDays } from '../modules/verdicts/sweeper.js';

/**
 * Everything time closes: ended days first (their verdicts and consequences), then due checkpoints
 * and waiting reviews. Each step is idempotent and safe on several instances at once.
 */
export async function sweep(
  deps: Pick<Deps, 'db' | 'dialect' | 'logger' | 'config'>,
  now: Date,
): Promise<void> {
  await sweepDays(deps, now);
  await sweepCheckpoints(deps, now);
}
