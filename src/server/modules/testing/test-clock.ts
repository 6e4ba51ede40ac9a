import type { Clock } from '../../../core/time/clock.js';
import { AppError } from '../../shared/errors.js';

/** A clock that runs with real time but can be moved forward by end-to-end tests. */
export interface MovableClock extends Clock {
  moveTo(instant: Date): void;
}

export function movableClock(base: Clock): MovableClock {
  let offsetMs = 0;
  return {
    now: () => new Date(base.now().getTime() + offsetMs),
    moveTo(instant) {
      const current = base.now().getTime() + offsetMs;
      if (instant.getTime() < current) {
        throw new AppError('request.invalid', {
          message: `The test clock only moves forward: it is already ${new Date(current).toISOString()}.`,
        });
      }
      offsetMs = instant.getTime() - base.now().getTime();
    },
  };
}
