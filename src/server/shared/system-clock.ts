import type { Clock } from '../../core/time/clock.js';

/** The real clock; everything else receives a Clock. */
export const systemClock: Clock = { now: () => new Date() };
