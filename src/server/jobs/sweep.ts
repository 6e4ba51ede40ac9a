import type { Deps } from '../deps.js';
import { sweepCheckpoints } from '../modules/checkpoints/checkpoint-sweeper.js';
import { sweepForecasts } from '../modules/forecast/forecast-sweeper.js';
import { deliverDue, sendDigests } from '../modules/notifications/delivery-worker.js';
import { sweepDays } from '../modules/verdicts/sweeper.js';

/**
 * Everything time closes: ended days first (their verdicts and consequences), then due checkpoints
 * and waiting reviews, then the forecasts those change (and at-risk alerts). Each step is idempotent and safe on several instances at once.
 */
export async function sweep(
  deps: Pick<Deps, 'db' | 'dialect' | 'logger' | 'config'>,
  now: Date,
): Promise<void> {
  await sweepDays(deps, now);
  await sweepCheckpoints(deps, now);
  await sweepForecasts(deps, now);
}

/** Send what is due in the outbox, and the daily digests. */
export async function deliverNotifications(
  deps: Pick<Deps, 'db' | 'logger' | 'config' | 'sender'>,
  now: Date,
): Promise<void> {
  const delivery = {
    db: deps.db,
    logger: deps.logger,
    sender: deps.sender,
    publicUrl: deps.config.http.publicUrl,
    random: Math.random,
  };
  await deliverDue(delivery, now);
  await sendDigests(delivery, now);
}
